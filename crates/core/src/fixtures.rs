//! Test support: what a test does when a fixture under `../shared` (test
//! data kept outside the repository) is missing.
//!
//! Under CI (`CI` set) or when asked (`PE_REQUIRE_FIXTURES` set, as
//! `.ci/run` does), a missing fixture fails the test: a green run must
//! have tested something. Otherwise the test returns early, and the skip is
//! recorded so the run's summary can report it as skipped rather than
//! passed: `cargo xtask test` sets `PE_FIXTURE_SKIP_LOG` to a file and
//! prints every line written to it.

use std::io::Write;
use std::path::Path;

/// True when a missing fixture must fail the test.
pub fn fixtures_required() -> bool {
    ["CI", "PE_REQUIRE_FIXTURES"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty() && v != "0" && v != "false"))
}

/// Called by `test` when `fixture` is missing: panics when fixtures are
/// required, else records the skip. The caller returns afterwards.
pub fn fixture_missing(test: &str, fixture: &Path) {
    let line = format!("SKIPPED {test}: {} not found", fixture.display());
    assert!(
        !fixtures_required(),
        "{line} (CI / PE_REQUIRE_FIXTURES: shared fixtures are required; see README, Tests)"
    );
    println!("{line}");
    if let Some(log) = std::env::var_os("PE_FIXTURE_SKIP_LOG") {
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            // One write per line, so parallel tests do not interleave.
            let _ = file.write_all(format!("{line}\n").as_bytes());
        }
    }
}
