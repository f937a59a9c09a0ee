//! OpenCC conformance: OpenCC's own test cases (`../shared/peer/opencc`,
//! Apache-2.0, see its README) run through the converter the pipeline uses.
//! Prints pass counts per config and the failing case ids. The expected
//! answers follow OpenCC's current dictionaries, so Debian's 1.1.6 may fail
//! many (measured 2026-11-22: t2s 28/55, tw2s 22/32, hk2s 12/21 — the
//! failures are newer dictionary entries such as 乾/干, 擡/抬, 甦/苏 and the
//! PR 464 variant pairs): they are reported, not special-cased. Each test
//! fails only if its config passes fewer cases than measured, which would
//! mean a different (older or wrong) library or dictionary is loaded.

use policy_core::opencc_cases::{parse_cases, score};
use policy_pipeline::opencc::{OpenCcConfig, OpenCcConverter};
use std::path::PathBuf;

fn peer_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/opencc")
}

fn run(config: OpenCcConfig, file: &str, measured_floor: usize) {
    let path = peer_dir().join(file);
    let Ok(json) = std::fs::read_to_string(&path) else {
        policy_core::fixtures::fixture_missing(&format!("opencc_conformance {file}"), &path);
        return;
    };
    let cases = parse_cases(&json).expect("case file is JSON");
    let converter = OpenCcConverter::new(config).expect("OpenCC loads");
    let score = score(&cases, |s| converter.convert(s));
    let passed = score.passed();
    println!("{}", score.report(&format!("opencc {file}")));
    assert!(
        passed >= measured_floor,
        "{file}: {passed}/{} pass, fewer than the {measured_floor} measured with libopencc 1.1.6",
        score.total
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
