//! `cargo xtask test`: every suite, in order of cost, on a fresh or warm
//! machine. Each step is timed and keeps going after a failure (one red run
//! shows every problem), except that e2e needs a successful dist. The output
//! ends with the size report and then each test runner's own summary lines.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::workspace::Workspace;
use crate::{dist, e2e, setup};

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Passed,
    Failed,
    Skipped,
}

struct Step {
    name: String,
    status: Status,
    took: Duration,
    /// The runner's own summary lines (cargo's `test result:`, node's `ℹ …`).
    summary: Vec<String>,
}

#[derive(Default)]
struct Suite {
    steps: Vec<Step>,
}

impl Suite {
    fn record(&mut self, name: &str, started: Instant, passed: bool, summary: Vec<String>) -> bool {
        self.steps.push(Step {
            name: name.to_string(),
            status: if passed {
                Status::Passed
            } else {
                Status::Failed
            },
            took: started.elapsed(),
            summary,
        });
        passed
    }

    fn skip(&mut self, name: &str, why: &str) {
        self.steps.push(Step {
            name: format!("{name} ({why})"),
            status: Status::Skipped,
            took: Duration::ZERO,
            summary: Vec::new(),
        });
    }

    fn failed(&self) -> bool {
        self.steps.iter().any(|s| s.status != Status::Passed)
    }
}

pub fn run(ws: &Workspace) -> Result<()> {
    let started = Instant::now();
    setup::run(ws)?;
    let mut suite = Suite::default();

    let t = Instant::now();
    let ok = ws.cmd("cargo").args(["fmt", "--all", "--check"]).status()?;
    suite.record("cargo fmt --check", t, ok, Vec::new());

    let t = Instant::now();
    let ok = ws
        .cmd("cargo")
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .status()?;
    suite.record("cargo clippy -D warnings", t, ok, Vec::new());

    let t = Instant::now();
    // Tests whose `../shared` fixture is missing return early and log it
    // here (policy_core::fixtures), so the summary says they were skipped,
    // not passed. Under CI they fail instead.
    let skip_log = ws.xtask_scratch().join("fixture-skips.log");
    let _ = fs::create_dir_all(ws.xtask_scratch());
    let _ = fs::remove_file(&skip_log);
    let (ok, out) = ws
        .cmd("cargo")
        .args(["test", "--workspace"])
        .env("PE_FIXTURE_SKIP_LOG", &skip_log)
        .run_tee()?;
    let skipped: Vec<String> = fs::read_to_string(&skip_log)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    let mut summary = cargo_summary(&out);
    let name = if skipped.is_empty() {
        "cargo test --workspace (native)".to_string()
    } else {
        summary.push(format!(
            "{} test(s) SKIPPED, not passed: a ../shared fixture is missing (set PE_REQUIRE_FIXTURES=1 to fail instead)",
            skipped.len()
        ));
        summary.extend(skipped.iter().map(|line| format!("  {line}")));
        format!(
            "cargo test --workspace (native; {} skipped for missing fixtures)",
            skipped.len()
        )
    };
    suite.record(&name, t, ok, summary);

    run_wasm_tests(ws, &mut suite)?;

    let t = Instant::now();
    let built = dist::build(ws);
    let report = match built {
        Ok(report) => {
            suite.record(
                "dist (trunk build --release + single file)",
                t,
                true,
                Vec::new(),
            );
            Some(report)
        }
        Err(error) => {
            eprintln!("dist failed: {error:#}");
            suite.record(
                "dist (trunk build --release + single file)",
                t,
                false,
                Vec::new(),
            );
            None
        }
    };

    match &report {
        Some(report) => {
            let t = Instant::now();
            // Both budgets are gates: the single file's 2 MB is a promise to
            // offline users, the hosted first load's 600 KB gzip one to
            // visitors of the hosted copy (docs/loading.md).
            suite.record(
                "size budget: single file <= 2 MB",
                t,
                report.single_file_within_budget(),
                Vec::new(),
            );
            let t = Instant::now();
            suite.record(
                "size budget: hosted first load <= 600 KB gzip",
                t,
                report.hosted_within_budget(),
                Vec::new(),
            );
            let t = Instant::now();
            let outcome = e2e::run(ws)?;
            suite.record(
                "e2e (served + file://)",
                t,
                outcome.passed,
                e2e::summary_lines(&outcome.output),
            );
        }
        None => {
            suite.skip("size budgets", "no dist");
            suite.skip("e2e", "no dist");
        }
    }

    println!();
    println!("== summary (wall time {})", minutes(started.elapsed()));
    for step in &suite.steps {
        let status = match step.status {
            Status::Passed => "PASS",
            Status::Failed => "FAIL",
            Status::Skipped => "SKIP",
        };
        println!("  {status}  {:<60} {}", step.name, minutes(step.took));
    }
    if let Some(report) = &report {
        report.print();
    }
    for step in suite.steps.iter().filter(|s| !s.summary.is_empty()) {
        println!("-- {}", step.name);
        for line in &step.summary {
            println!("{line}");
        }
    }
    if suite.failed() {
        bail!("some steps failed (see the summary above)");
    }
    Ok(())
}

/// Crates with browser tests: test files calling
/// `wasm_bindgen_test_configure!(run_in_browser)`. Such files are
/// `#![cfg(target_arch = "wasm32")]`, so the native run compiles them empty.
fn wasm_test_targets(ws: &Workspace) -> Result<Vec<(String, String)>> {
    let mut crate_dirs = vec![ws.root.clone()];
    if let Ok(entries) = fs::read_dir(ws.root.join("crates")) {
        let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        dirs.sort();
        crate_dirs.extend(dirs);
    }
    let mut targets = Vec::new();
    for dir in crate_dirs {
        let Ok(files) = fs::read_dir(dir.join("tests")) else {
            continue;
        };
        let mut files: Vec<PathBuf> = files.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let is_browser_test = file.extension().is_some_and(|e| e == "rs")
                && fs::read_to_string(&file)
                    .is_ok_and(|text| text.contains("wasm_bindgen_test_configure!"));
            if is_browser_test {
                let manifest = fs::read_to_string(dir.join("Cargo.toml"))
                    .with_context(|| format!("no Cargo.toml in {}", dir.display()))?;
                let package = package_name(&manifest)
                    .with_context(|| format!("no package name in {}", dir.display()))?;
                let test = file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                targets.push((package, test));
            }
        }
    }
    Ok(targets)
}

fn run_wasm_tests(ws: &Workspace, suite: &mut Suite) -> Result<()> {
    let targets = wasm_test_targets(ws)?;
    if targets.is_empty() {
        suite.skip("wasm-bindgen-test", "no browser tests found");
        return Ok(());
    }
    let webdriver_json = write_webdriver_config(ws)?;
    for (package, test) in targets {
        let t = Instant::now();
        let (ok, out) = ws
            .cmd("cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                &package,
                "--test",
                &test,
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .run_tee()?;
        suite.record(
            &format!("wasm-bindgen-test {package}::{test} (Chromium)"),
            t,
            ok,
            cargo_summary(&out),
        );
    }
    Ok(())
}

/// Chromium flags that work on this kind of machine (running as root, closed
/// network): see .library/env/machines/rust.md.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

fn write_webdriver_config(ws: &Workspace) -> Result<PathBuf> {
    let dir = ws.xtask_scratch();
    fs::create_dir_all(&dir)?;
    let path = dir.join("webdriver.json");
    let args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| format!("\"{a}\"")).collect();
    let json = format!(
        "{{\n  \"goog:chromeOptions\": {{\n    \"binary\": \"/usr/bin/chromium\",\n    \"args\": [{}]\n  }}\n}}\n",
        args.join(", ")
    );
    fs::write(&path, json)?;
    Ok(path)
}

fn package_name(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
            continue;
        }
        if in_package {
            if let Some(value) = line.strip_prefix("name") {
                let value = value.trim_start().strip_prefix('=')?.trim();
                return Some(value.trim_matches('"').to_string());
            }
        }
    }
    None
}

/// cargo's per-binary `test result: ok. 12 passed; …` lines (the many empty
/// ones of binaries without tests left out), then their total.
fn cargo_summary(output: &str) -> Vec<String> {
    let results: Vec<&str> = output
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("test result:"))
        .collect();
    let mut lines: Vec<String> = results
        .iter()
        .filter(|line| count(line, "passed") + count(line, "failed") + count(line, "ignored") > 0)
        .map(|line| line.to_string())
        .collect();
    if results.len() > 1 {
        let total = |what| results.iter().map(|line| count(line, what)).sum::<u64>();
        lines.push(format!(
            "total over {} test binaries: {} passed; {} failed; {} ignored",
            results.len(),
            total("passed"),
            total("failed"),
            total("ignored")
        ));
    }
    lines
}

/// The number before `what` in a `test result:` line (`7 passed` -> 7).
fn count(line: &str, what: &str) -> u64 {
    line.split(';')
        .filter_map(|part| {
            let mut words = part.split_whitespace().rev();
            let label = words.next()?;
            let number = words.next()?;
            (label == what)
                .then(|| number.parse::<u64>().ok())
                .flatten()
        })
        .sum()
}

fn minutes(d: Duration) -> String {
    let secs = d.as_secs();
    format!("{}m{:02}s", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_package_name_not_a_dependency_name() {
        let manifest = "[workspace]\nmembers = []\n\n[package]\nname = \"policy-core\"\n[dependencies]\nname = \"x\"\n";
        assert_eq!(package_name(manifest).as_deref(), Some("policy-core"));
        assert_eq!(package_name("[dependencies]\nname = \"x\"\n"), None);
    }

    #[test]
    fn keeps_cargo_result_lines() {
        let out = "running 2 tests\ntest a ... ok\n\ntest result: ok. 2 passed; 0 failed\n";
        assert_eq!(
            cargo_summary(out),
            vec!["test result: ok. 2 passed; 0 failed"]
        );
    }

    #[test]
    fn drops_empty_binaries_and_totals_the_rest() {
        let out = "test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
                   test result: FAILED. 7 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 3.26s\n\
                   test result: ok. 134 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 19.77s\n";
        let summary = cargo_summary(out);
        assert_eq!(summary.len(), 3, "{summary:?}");
        assert!(summary[0].starts_with("test result: FAILED. 7 passed"));
        assert_eq!(
            summary[2],
            "total over 3 test binaries: 141 passed; 2 failed; 1 ignored"
        );
    }
}
