//! OpenCC conformance: OpenCC's own test cases (`../shared/peer/opencc`,
//! Apache-2.0, see its README) run through the converter the pipeline uses.
//! Prints pass counts per config and the failing case ids. The expected
//! answers follow OpenCC's current dictionaries, so Debian's 1.1.6 may fail
//! many (measured 2026-11-22: t2s 28/55, tw2s 22/32, hk2s 12/21 — the
//! failures are newer dictionary entries such as 乾/干, 擡/抬, 甦/苏 and the
//! PR 464 variant pairs): they are reported, not special-cased. Each test
//! fails only if its config passes fewer cases than measured, which would
//! mean a different (older or wrong) library or dictionary is loaded.

use policy_pipeline::opencc::{OpenCcConfig, OpenCcConverter};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct CaseFile {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    input: String,
    expected: String,
}

fn peer_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/opencc")
}

fn run(config: OpenCcConfig, file: &str, measured_floor: usize) {
    let path = peer_dir().join(file);
    let Ok(json) = std::fs::read_to_string(&path) else {
        println!(
            "skipped: {} not found (../shared/peer is absent)",
            path.display()
        );
        return;
    };
    let cases: CaseFile = serde_json::from_str(&json).expect("case file is JSON");
    let converter = OpenCcConverter::new(config).expect("OpenCC loads");
    let failed: Vec<&Case> = cases
        .cases
        .iter()
        .filter(|c| converter.convert(&c.input) != c.expected)
        .collect();
    let passed = cases.cases.len() - failed.len();
    println!("opencc {file}: {passed}/{} cases pass", cases.cases.len());
    for c in &failed {
        println!(
            "  {} failed: {} → {} (expected {})",
            c.id,
            c.input,
            converter.convert(&c.input),
            c.expected
        );
    }
    assert!(
        passed >= measured_floor,
        "{file}: {passed}/{} pass, fewer than the {measured_floor} measured with libopencc 1.1.6",
        cases.cases.len()
    );
}

#[test]
fn t2s_cases() {
    run(OpenCcConfig::T2s, "t2s.json", 28);
}

#[test]
fn tw2s_cases() {
    run(OpenCcConfig::Tw2s, "tw2s.json", 22);
}

#[test]
fn hk2s_cases() {
    run(OpenCcConfig::Hk2s, "hk2s.json", 12);
}
