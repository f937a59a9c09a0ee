//! `policy-explorer corpus add FILE…` on a scratch copy of the corpus
//! inputs (never the committed corpus): the file is recorded in the
//! manifest with its provenance and baked into corpus.json; a file that
//! does not import, or is already there, changes nothing.

use std::path::Path;
use std::process::Output;

mod support;
use support::{bin, repo_root, scratch_root, stderr};

fn add(root: &Path, files: &[&Path]) -> Output {
    let o = bin()
        .args(["corpus", "add", "--date", "2026-11-26", "--root"])
        .arg(root)
        .args(files)
        .output()
        .expect("runs");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    o
}

#[test]
fn an_added_file_is_recorded_with_its_provenance_and_built_into_the_corpus() {
    let root = scratch_root("add-ok");
    // A variation of a real raw text (one sentence added), so it is new.
    let mut raw = std::fs::read_dir(repo_root().join("corpus/raw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    raw.sort();
    let mut text = std::fs::read_to_string(&raw[1]).unwrap();
    text.push_str("\n本段为教师自行添加的检验文本。\n");
    let file = root.join("教师的 文件.txt");
    std::fs::write(&file, &text).unwrap();
    let manifest_before = std::fs::read_to_string(root.join("corpus/manifest.toml")).unwrap();

    let o = add(&root, &[&file]);
    assert!(o.status.success(), "{}", stderr(&o));
    let manifest = std::fs::read_to_string(root.join("corpus/manifest.toml")).unwrap();
    assert!(
        manifest.starts_with(&manifest_before),
        "existing entries untouched"
    );
    let block = &manifest[manifest_before.len()..];
    assert!(block.contains("[[documents]]"), "{block}");
    assert!(
        block.contains("教师的 文件.txt"),
        "original name kept: {block}"
    );
    assert!(block.contains("2026-11-26"), "date kept: {block}");
    assert!(!block.contains("level"), "no metadata invented: {block}");
    let corpus = std::fs::read_to_string(root.join("corpus/corpus.json")).unwrap();
    let corpus: serde_json::Value = serde_json::from_str(&corpus).unwrap();
    let docs = corpus["documents"].as_array().unwrap();
    let added = docs.last().unwrap();
    assert!(added["units"].as_array().unwrap().len() > 5);
    assert!(
        added["witnesses"][0]["description"]
            .as_str()
            .unwrap()
            .contains("corpus add"),
        "provenance shown in the corpus"
    );

    // The same file again: refused, nothing changes.
    let o = add(&root, &[&file]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("already in the corpus"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("corpus/manifest.toml")).unwrap(),
        manifest
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_file_that_does_not_import_adds_nothing_not_even_the_good_ones() {
    let root = scratch_root("add-bad");
    let good = root.join("good.txt");
    let mut raw = std::fs::read_dir(repo_root().join("corpus/raw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    raw.sort();
    let mut text = std::fs::read_to_string(&raw[3]).unwrap();
    text.push_str("\n另一段检验文本。\n");
    std::fs::write(&good, text).unwrap();
    let bad = root.join("bad.bin");
    std::fs::write(&bad, [0u8, 1, 2, 3, 0, 255]).unwrap();
    let manifest = std::fs::read_to_string(root.join("corpus/manifest.toml")).unwrap();
    let raw_count = std::fs::read_dir(root.join("corpus/raw")).unwrap().count();

    let o = add(&root, &[&good, &bad]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.bin"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(root.join("corpus/manifest.toml")).unwrap(),
        manifest
    );
    assert_eq!(
        std::fs::read_dir(root.join("corpus/raw")).unwrap().count(),
        raw_count
    );
    let _ = std::fs::remove_dir_all(&root);
}
