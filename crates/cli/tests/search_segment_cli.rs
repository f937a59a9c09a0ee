//! End-to-end checks of `policy-explorer search` and `segment` on the
//! committed corpus.

use std::io::Write;
use std::process::Stdio;

mod support;
use support::bin;

fn search_json(args: &[&str]) -> serde_json::Value {
    let out = bin()
        .arg("search")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn search_json_has_the_documented_shape_and_ts_equivalence() {
    let simplified = search_json(&["横向生态补偿"]);
    let traditional = search_json(&["橫向生態補償"]);
    assert_eq!(simplified, traditional);
    let total = simplified["total"].as_u64().unwrap();
    assert!(total > 0);
    let hits = simplified["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, total);
    for key in ["doc", "path", "heading", "snippet", "score"] {
        assert!(hits[0].get(key).is_some(), "hit lacks {key}");
    }
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("【横向生态补偿】"));
    for facet in ["region", "mechanism", "doc", "level", "year"] {
        assert!(
            simplified["facets"][facet].is_array(),
            "facet {facet} missing"
        );
    }
}

#[test]
fn filters_work_without_a_query_and_narrow_with_one() {
    let browse = search_json(&["--mechanism", "compensation"]);
    let narrowed = search_json(&[
        "生态",
        "--mechanism",
        "compensation",
        "--level",
        "provincial",
    ]);
    assert!(browse["total"].as_u64().unwrap() >= narrowed["total"].as_u64().unwrap());
    for hit in narrowed["hits"].as_array().unwrap() {
        assert!(hit["snippet"].as_str().unwrap().contains("【"));
    }
    // The 2016 ministry guideline never says 横向生态补偿.
    let empty = search_json(&["横向生态补偿", "--level", "ministry"]);
    assert_eq!(empty["total"], 0);
    assert_eq!(empty["diagnosis"]["emptied_by"], "level");
}

#[test]
fn segment_prints_words_separated_by_single_spaces() {
    let mut child = bin()
        .arg("segment")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("主动融入一带一路建设\n\n建立健全横向生态补偿机制\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].split(' ').any(|w| w == "一带一路"), "{}", lines[0]);
    assert_eq!(lines[1], "");
    assert!(
        lines[2].split(' ').any(|w| w == "横向生态补偿"),
        "{}",
        lines[2]
    );
    assert!(!text.contains("  "));
}

#[test]
fn ignored_filters_and_empty_results_are_explained_in_english() {
    let out = bin()
        .args([
            "search",
            "横向生态补偿",
            "--level",
            "ministry",
            "--region",
            "atlantis",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("note: --region atlantis: unknown region, ignored"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("0 hits\n"), "{stdout}");
    assert!(
        stdout.contains("but none of them passes the level filter."),
        "{stdout}"
    );
    let json = search_json(&["--region", "atlantis"]);
    assert_eq!(json["notices"][0]["filter"], "region");
    assert_eq!(json["notices"][0]["value"], "atlantis");
}
