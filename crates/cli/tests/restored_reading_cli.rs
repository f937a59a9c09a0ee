//! The authentic wording of the 2018 opinion's reworded-only clauses is
//! searchable, diffable and alignable from the command line, through the
//! restored readings the pipeline committed in the corpus.

mod support;
use support::bin;

fn run_json(args: &[&str]) -> serde_json::Value {
    let out = bin().args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Paths of the central opinion's hits for `query`.
fn central_hits(query: &str) -> Vec<(String, serde_json::Value)> {
    let v = run_json(&["search", query, "--doc", "central-2018"]);
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["path"].as_str().unwrap().to_string(),
                h["restoration"].clone(),
            )
        })
        .collect()
}

#[test]
fn the_authentic_wording_of_reworded_only_clauses_is_found() {
    // (query, the reworded-only unit it must find)
    let cases = [
        ("宏观调控", "8.25"),
        ("\"差别化的区域政策\"", "8.23"),
        ("\"财政转移支付制度\"", "8.24"),
        ("\"强化协调指导\"", "10.30"),
        ("\"创新开展对口协作\"", "5.16"),
        // Section headings of 五 to 十 as the opinion publishes them.
        ("\"优化区域互助机制\"", "5"),
        ("\"健全区际利益补偿机制\"", "6"),
        ("\"完善基本公共服务均等化机制\"", "7"),
        ("\"创新区域政策调控机制\"", "8"),
        ("\"健全区域发展保障机制\"", "9"),
        ("\"切实加强组织实施\"", "10"),
    ];
    for (query, path) in cases {
        let hits = central_hits(query);
        let hit = hits.iter().find(|(p, _)| p == path);
        assert!(
            hit.is_some(),
            "{query} does not find central-2018:{path}: {hits:?}"
        );
        let flag = &hit.unwrap().1;
        assert!(
            flag == "restored" || flag == "doubtful",
            "{query}: {path} is not flagged as a restored reading: {flag}"
        );
    }
}

#[test]
fn the_witness_wording_is_still_found() {
    for (query, path) in [
        ("微观调控", "8.25"),
        ("\"完善根本公共效劳均等化机制\"", "7"),
    ] {
        let hits = central_hits(query);
        assert!(
            hits.iter().any(|(p, _)| p == path),
            "{query} no longer finds central-2018:{path}: {hits:?}"
        );
    }
}

#[test]
fn the_headings_of_the_restored_sections_read_as_published() {
    let v = run_json(&["search", "机制", "--doc", "central-2018"]);
    let heading = |path: &str| -> String {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["path"] == path)
            .and_then(|h| h["heading"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(heading("7"), "完善基本公共服务均等化机制");
    assert_eq!(heading("8"), "创新区域政策调控机制");
}

/// Words a diff marks as changed on the central side.
fn changed_old_words(args: &[&str]) -> String {
    let v = run_json(args);
    v["ops"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] != "equal")
        .map(|c| c["old"].as_str().unwrap_or_default().to_string())
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn diffs_compare_the_restored_reading_unless_the_witness_text_is_asked_for() {
    // (二十二) against Sichuan's (二十六), which quotes it.
    let by_reading = changed_old_words(&["diff", "central-2018:7.22", "sichuan:7.26"]);
    let by_witness = changed_old_words(&[
        "diff",
        "central-2018:7.22",
        "sichuan:7.26",
        "--witness-text",
    ]);
    for tool_word in ["根本", "效劳"] {
        assert!(!by_reading.contains(tool_word), "{by_reading}");
        assert!(by_witness.contains(tool_word), "{by_witness}");
    }
}

#[test]
fn alignments_say_which_text_they_compared() {
    let v = run_json(&["align", "central-2018", "sichuan"]);
    assert_eq!(v["text"], "reading");
    let w = run_json(&["align", "central-2018", "sichuan", "--witness-text"]);
    assert_eq!(w["text"], "witness");
}
