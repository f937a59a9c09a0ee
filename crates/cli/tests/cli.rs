//! The `policy-explorer corpus …` commands end to end, including bad input:
//! a clear message and a non-zero exit, never a panic, never a partial
//! corpus.

use std::path::{Path, PathBuf};
use std::process::Output;

mod support;
use support::{bin, repo_root, scratch, scratch_root, stderr};

fn no_panic(o: &Output) {
    let e = stderr(o);
    assert!(!e.contains("panicked"), "the CLI panicked: {e}");
}

fn import(path: &Path) -> Output {
    let o = bin()
        .args(["corpus", "import"])
        .arg(path)
        .output()
        .expect("runs");
    no_panic(&o);
    o
}

/// GBK and UTF-16 files import to the same document as their UTF-8 text,
/// and stderr names the encoding read.
#[test]
fn import_reads_gbk_and_utf16_and_names_the_encoding() {
    let dir = scratch("encodings");
    let raw = std::fs::read_to_string(repo_root().join("corpus/raw/001_ca91016dd0c6a5e5.txt"))
        .expect("committed raw file");
    let utf16le: Vec<u8> = [0xFEFF_u16]
        .into_iter()
        .chain(raw.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let (gbk, _, _) = encoding_rs::GBK.encode(&raw);
    let cases = [
        ("plan.txt", raw.as_bytes().to_vec(), "read as UTF-8"),
        ("plan.txt", gbk.into_owned(), "read as GBK"),
        (
            "plan.txt",
            utf16le,
            "read as UTF-16LE (with byte-order mark)",
        ),
    ];
    let mut documents = Vec::new();
    for (name, bytes, note) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let o = import(&path);
        assert!(o.status.success(), "{note}: {}", stderr(&o));
        assert!(stderr(&o).contains(note), "{note}: {}", stderr(&o));
        documents.push(String::from_utf8(o.stdout).unwrap());
    }
    assert_eq!(documents[0], documents[1], "GBK imports like UTF-8");
    assert_eq!(documents[0], documents[2], "UTF-16 imports like UTF-8");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_passes_on_the_committed_corpus() {
    let o = bin()
        .args(["corpus", "check", "--root"])
        .arg(repo_root())
        .output()
        .unwrap();
    no_panic(&o);
    assert!(o.status.success(), "corpus check failed: {}", stderr(&o));
}

#[test]
fn check_reports_drift_with_the_regenerate_command_and_build_fixes_it() {
    let root = scratch_root("drift");
    std::fs::write(root.join("corpus/corpus.json"), "{}\n").unwrap();
    let o = bin()
        .args(["corpus", "check", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    no_panic(&o);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cargo run -p policy-cli -- corpus build"),
        "{}",
        stderr(&o)
    );

    let o = bin()
        .args(["corpus", "build", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = bin()
        .args(["corpus", "check", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let built = std::fs::read_to_string(root.join("corpus/corpus.json")).unwrap();
    let committed = std::fs::read_to_string(repo_root().join("corpus/corpus.json")).unwrap();
    assert_eq!(built, committed, "the build is deterministic");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn failed_build_leaves_the_corpus_untouched() {
    let root = scratch_root("failed-build");
    std::fs::write(root.join("corpus/corpus.json"), "previous\n").unwrap();
    std::fs::remove_file(root.join("corpus/raw/004_126da79b9d7433e3.txt")).unwrap();
    let o = bin()
        .args(["corpus", "build", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    no_panic(&o);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("004_126da79b9d7433e3.txt"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("corpus/corpus.json")).unwrap(),
        "previous\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn import_prints_a_normalized_document() {
    let o = import(&repo_root().join("corpus/raw/004_126da79b9d7433e3.txt"));
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(doc["doc_number"], "发改地区〔2016〕1771号");
    assert_eq!(doc["units"].as_array().unwrap().len(), 33);
}

#[test]
fn several_files_print_an_array_and_one_bad_file_prints_nothing() {
    let raw = repo_root().join("corpus/raw");
    let o = bin()
        .args(["corpus", "import"])
        .arg(raw.join("001_ca91016dd0c6a5e5.txt"))
        .arg(raw.join("003_c7cda20545700e5f.txt"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(docs.as_array().map(Vec::len), Some(2));
    assert!(docs[1]["units"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["path"] == "3.2.1"));

    let dir = scratch("one-bad");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let o = bin()
        .args(["corpus", "import"])
        .arg(raw.join("001_ca91016dd0c6a5e5.txt"))
        .arg(dir.join("empty.txt"))
        .output()
        .unwrap();
    no_panic(&o);
    assert!(!o.status.success() && o.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_inputs_give_clear_errors() {
    let dir = scratch("bad-inputs");
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("empty.txt", b"  \n\n".to_vec(), "empty"),
        (
            "binary.bin",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe],
            "binary",
        ),
        // Not UTF-8; read as GBK it holds no Chinese text.
        ("latin1.txt", vec![b'a', 0xe9, b'b', b'\n'], "no Chinese"),
        ("unknown.txt", vec![0xff, 0xff, 0xff, b'a'], "neither UTF-8"),
        (
            "english.txt",
            b"This is an English text without any Chinese characters at all.".to_vec(),
            "no Chinese",
        ),
        (
            "huge.txt",
            "区域协调发展。"
                .repeat(50 * 1024 * 1024 / 21 + 1)
                .into_bytes(),
            "limit",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let o = import(&path);
        assert!(!o.status.success(), "{name} must be refused");
        assert!(stderr(&o).contains(expected), "{name}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{name}: nothing printed on stdout");
    }
    let o = import(&dir.join("missing.txt"));
    assert!(!o.status.success() && stderr(&o).contains("cannot read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_without_numbering_and_mixed_scripts_import_sensibly() {
    let dir = scratch("odd-inputs");
    let plain = dir.join("plain.txt");
    std::fs::write(
        &plain,
        "关于做好区域协调工作的说明\n各地要认真落实区域协调发展战略，加强统筹。\n",
    )
    .unwrap();
    let o = import(&plain);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0]["path"], "0");
    assert_eq!(doc["date"], serde_json::Value::Null);

    let mixed = dir.join("mixed.txt");
    std::fs::write(&mixed, "一、總體要求\n(一)指导思想。推動區域協調發展, see the G60 corridor.\n二、保障措施\n（二）加强组织领导。\n").unwrap();
    let o = import(&mixed);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["1", "1.1", "2", "2.2"]);
    assert_eq!(
        doc["units"][1]["text"],
        "指导思想。推动区域协调发展，see the G60 corridor."
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `policy-explorer search ARGS… --json --corpus <committed corpus>`.
fn search_json(args: &[&str]) -> serde_json::Value {
    let o = bin()
        .arg("search")
        .args(args)
        .arg("--json")
        .arg("--corpus")
        .arg(repo_root().join("corpus/corpus.json"))
        .output()
        .expect("runs");
    no_panic(&o);
    assert!(o.status.success(), "search {args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

fn total(v: &serde_json::Value) -> u64 {
    v["total"].as_u64().expect("a total")
}

#[test]
fn search_words_form_one_query_like_the_search_box() {
    let words = search_json(&["对口支援", "三州"]);
    let quoted = search_json(&["对口支援 三州"]);
    assert_eq!(words, quoted);
    assert!(total(&words) > 0);

    // `-word` excludes, whether written among the words or with --exclude,
    // and before or after other flags.
    let all = search_json(&["对口支援"]);
    let without = search_json(&["对口支援", "-三州"]);
    let flag = search_json(&["--exclude", "三州", "对口支援"]);
    assert_eq!(without, flag);
    assert_eq!(total(&all), total(&words) + total(&without));
    let limited = search_json(&["对口支援", "-三州", "--limit", "1"]);
    assert_eq!(total(&limited), total(&without));
    assert_eq!(limited["hits"].as_array().map(Vec::len), Some(1));
    // A quoted phrase after the dash is one excluded phrase.
    let phrase = search_json(&["对口支援", "-\"对口支援\""]);
    assert_eq!(total(&phrase), 0);
}

/// A small raw text (Traditional, ASCII punctuation) in a scratch folder.
fn raw_copy(dir: &Path) -> PathBuf {
    let path = dir.join("my-copy.txt");
    std::fs::write(
        &path,
        "關于建立更加有效的區域協調發展新機制的意見\n\
         一、總體要求\n\
         (一)指導思想。以習近平新時代中國特色社會主義思想為指導,促進區域協調發展。\n\
         (二)深入開展對口支援。深化全方位、精準對口支援,推動新疆、西藏和青海、四川、雲南、甘肅四省藏區經濟社會持續健康發展。\n",
    )
    .unwrap();
    path
}

#[test]
fn align_diff_and_search_take_a_raw_text_file_for_a_document() {
    let dir = scratch("file-docs");
    let copy = raw_copy(&dir);
    let corpus = repo_root().join("corpus/corpus.json");

    let o = bin()
        .arg("align")
        .arg(&copy)
        .arg("central-2018")
        .arg("--json")
        .arg("--corpus")
        .arg(&corpus)
        .output()
        .unwrap();
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    let alignment: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pairs = alignment["pairs"].as_array().unwrap();
    let paths: Vec<&str> = pairs.iter().filter_map(|p| p["a"].as_str()).collect();
    assert_eq!(paths, vec!["1", "1.1", "1.2"]);
    let best = pairs[2]["candidates"][0]["b"].as_str().unwrap();
    assert_eq!(
        best, "5.15",
        "the copy's 对口支援 clause finds the opinion's"
    );
    // The contract: every candidate has a score, a relation and evidence
    // (shared key terms, found verbatim in both texts), best first.
    for pair in pairs {
        assert!(pair["relation"].is_string());
        let candidates = pair["candidates"].as_array().unwrap();
        let scores: Vec<f64> = candidates
            .iter()
            .map(|c| c["score"].as_f64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        for c in candidates {
            assert!(c["relation"].is_string() && c["evidence"].is_array(), "{c}");
        }
    }
    let evidence: Vec<&str> = pairs[2]["candidates"][0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert!(
        evidence.iter().any(|t| t.contains("对口支援")),
        "{evidence:?}"
    );
    assert!(alignment["unmatched_b"].is_array());

    let o = bin()
        .arg("diff")
        .arg(format!("{}:1.2", copy.display()))
        .arg("central-2018:5.15")
        .arg("--json")
        .arg("--corpus")
        .arg(&corpus)
        .output()
        .unwrap();
    no_panic(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    let chunks: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let old: String = chunks["ops"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["old"].as_str())
        .collect();
    assert!(
        old.starts_with("深入开展对口支援。"),
        "the file side is the imported, Simplified text: {old}"
    );

    let found = search_json(&["对口支援", "--doc", &copy.display().to_string()]);
    let hits = found["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["doc"] == "my-copy"), "{hits:?}");

    // Neither an id nor a file: a clear error naming both possibilities.
    let o = bin()
        .args(["align", "no-such-doc", "central-2018", "--corpus"])
        .arg(&corpus)
        .output()
        .unwrap();
    no_panic(&o);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The CLI (real OpenCC) and the browser's rules (pure-Rust converter)
/// import every real web copy into the same document.
#[test]
fn web_copies_import_the_same_in_the_cli_and_the_browser() {
    let dir = repo_root().join("../shared/peer/web-copies");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        policy_core::fixtures::fixture_missing(
            "web_copies_import_the_same_in_the_cli_and_the_browser",
            &dir,
        );
        return;
    };
    let converter = policy_core::script::SimplifiedConverter::new().unwrap();
    let mut seen = 0;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let o = import(&path);
        assert!(o.status.success(), "{}: {}", path.display(), stderr(&o));
        let cli: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let browser = policy_core::ingest::import_document(&text, &name, &converter).unwrap();
        let browser = serde_json::to_value(&browser).unwrap();
        for key in [
            "title",
            "issuers",
            "level",
            "date",
            "doc_number",
            "units",
            "removals",
        ] {
            assert_eq!(cli[key], browser[key], "{name}: {key} differs");
        }
        seen += 1;
    }
    assert!(seen >= 5);
}
