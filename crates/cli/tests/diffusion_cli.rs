//! Fidelity, binding-force changes and citations on the command line:
//! `align --json` has a `summary`, `diff --json` has `changes`, and `cites`
//! resolves citations to corpus documents (docs/diffusion.md).

mod support;
use support::bin;

fn run_json(args: &[&str]) -> serde_json::Value {
    let out = bin().args(args).arg("--json").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("panicked"), "{err}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn f(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn align_adds_a_summary_and_keeps_its_contract() {
    for (a, b) in [("sichuan", "central-2018"), ("central-2018", "sichuan")] {
        let v = run_json(&["align", a, b]);
        // The existing contract is unchanged.
        assert!(v["pairs"][0]["candidates"][0]["evidence"].is_array());
        assert!(v["unmatched_b"].is_array());
        let s = &v["summary"];
        assert_eq!(s["central"], "central-2018");
        assert_eq!(s["local"], "sichuan");
        let d = &s["document"]["shares"];
        let sum = f(&d["verbatim"])
            + f(&d["rewritten"])
            + f(&d["not_carried"])
            + f(&d["uncertain"])
            + f(&d["no_counterpart"]);
        assert!((sum - 1.0).abs() < 0.01, "{d}");
        // Sichuan rewrites more than it copies.
        assert!(f(&d["verbatim"]) < f(&d["rewritten"]) + f(&d["not_carried"]));
        assert!(f(&s["local_side"]["new_share"]) > 0.2);
        assert_eq!(s["by_mechanism"].as_array().unwrap().len(), 11);
        assert!(s["central_without_counterpart"].as_array().unwrap().len() >= 5);
        assert!(s.get("units").is_none());
    }
}

#[test]
fn diff_lists_binding_and_target_changes() {
    let v = run_json(&["diff", "central-2018:8.23", "inner-mongolia:3.7.1"]);
    assert!(v["ops"].as_array().is_some_and(|o| !o.is_empty()));
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes[0]["kind"], "weakened");
    assert!(changes[0]["old"].as_str().unwrap().contains("严禁"));
    let v = run_json(&["diff", "central-2018:1.3.d2", "ndrc-2016:1.3"]);
    let target = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "target")
        .expect("a target change");
    assert!(target["old"].as_str().unwrap().contains("到2035年"));
    assert!(target["new"].as_str().unwrap().contains("到2020年"));
    let same = run_json(&["diff", "sichuan:6.21", "sichuan:6.21"]);
    assert_eq!(same["changes"], serde_json::json!([]));
}

#[test]
fn cites_resolves_the_central_opinion_by_number_and_title() {
    let v = run_json(&["cites", "inner-mongolia"]);
    assert_eq!(
        v["cites"],
        serde_json::json!([{
            "title": "中共中央、国务院关于建立更加有效的区域协调发展新机制的意见",
            "doc_number": "中发〔2018〕43号",
            "unit": "0",
            "target": "central-2018"
        }])
    );
    let v = run_json(&["cites", "sichuan"]);
    let cites = v["cites"].as_array().unwrap();
    assert_eq!(cites[0]["target"], "central-2018");
    assert!(cites
        .iter()
        .any(|c| c["title"] == "成渝城市群发展规划" && c["target"].is_null()));
}

#[test]
fn cites_reads_a_raw_text_file() {
    let dir = std::env::temp_dir().join(format!("policy-cli-cites-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("my-plan.txt");
    std::fs::write(
        &file,
        "某市贯彻落实区域协调发展新机制实施方案\n\
         为贯彻落实《中共中央、国务院关于建立更加有效的区域协调发展新机制的意见》(中发[2018]43号)，\
         根据国发[2008]30号文件，制定本方案。\n\
         一、总体要求\n（一）指导思想。坚持新发展理念。\n",
    )
    .unwrap();
    let v = run_json(&["cites", file.to_str().unwrap()]);
    let cites = v["cites"].as_array().unwrap();
    assert!(
        cites
            .iter()
            .any(|c| c["doc_number"] == "中发〔2018〕43号" && c["target"] == "central-2018"),
        "{v}"
    );
    assert!(
        cites
            .iter()
            .any(|c| c["doc_number"] == "国发〔2008〕30号" && c["target"].is_null()),
        "{v}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
