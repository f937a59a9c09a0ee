//! `cargo xtask bench`: the built app measured in a real browser (cold
//! start; the longest main-thread block on a long-token route and while
//! search is prepared — [`APP_BENCHES`]), the core's
//! hot paths (segmentation, diff, alignment) in Chromium next to their native
//! twins and diff-match-patch, plus the native benchmark binaries of
//! `crates/bench`. Prints numbers; never fails on them.

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::bench_figures::{self, Figure, FiguresFile, Goal};
use crate::sizes::{self, SizeReport};
use crate::workspace::Workspace;
use crate::{dist, e2e};

/// A part of the bench that can run alone (`cargo xtask bench --only`).
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Part {
    /// Cold start of both delivery forms (existing `dist/`): navigation →
    /// library rendered.
    Start,
    /// The core's hot paths in Chromium vs native (segmentation, diff, alignment).
    Core,
    /// Search over the corpus replicated 1×–1000× in Chromium (index build,
    /// per-keystroke latency, memory).
    Scale,
    /// The hosted search index split into shards (1×–1000× in Chromium):
    /// bytes and time to the first results beside the in-memory build and
    /// Pagefind in the same run.
    Shards,
    /// The longest main-thread task while a large copy imports (existing `dist/`).
    Import,
    /// The user's library (existing `dist/`): the longest main-thread task
    /// while ten documents join it, and start-up with 500 library
    /// documents with and without the search index's cache.
    Library,
}

/// A script of `e2e/bench/` that measures the built app, run against the
/// served build and the single file.
pub struct AppBench {
    script: &'static str,
    what: &'static str,
    /// The most page loads per target it needs (slow ones show their
    /// spread in a few).
    most_runs: u32,
}

/// The longest main-thread task while a 9,900-unit copy imports
/// (`cargo xtask bench --only import`).
pub const LARGE_IMPORT: AppBench = AppBench {
    script: "bench/large-import.mjs",
    what: "a large import, longest main-thread task",
    most_runs: 3,
};

/// The longest main-thread task while ten documents join the user's
/// library (`cargo xtask bench --only library`).
pub const LIBRARY_IMPORT: AppBench = AppBench {
    script: "bench/library-import.mjs",
    what: "ten documents added to the library, longest main-thread task",
    most_runs: 3,
};

/// Start-up on a search deep link with a 500-document library, fresh and
/// with the search index's cached parts: search-ready time and the longest
/// main-thread task.
pub const LIBRARY_STARTUP: AppBench = AppBench {
    script: "bench/library-startup.mjs",
    what: "start-up with a 500-document library, index cache fresh vs cached",
    most_runs: 3,
};

/// The library benches (`cargo xtask bench --only library`).
pub const LIBRARY: [AppBench; 2] = [LIBRARY_IMPORT, LIBRARY_STARTUP];

/// Cold start, navigation → library rendered, in fresh browser contexts
/// (`cargo xtask bench --only start`).
pub const COLD_START: AppBench = AppBench {
    script: "bench/cold-start.mjs",
    what: "cold start, fresh browser contexts per target",
    most_runs: u32::MAX,
};

/// Every app bench of a full `cargo xtask bench`, in order.
const APP_BENCHES: [AppBench; 6] = [
    COLD_START,
    // One unbroken run of 100,000 letters in a route.
    AppBench {
        script: "bench/long-tokens.mjs",
        what: "long tokens in the address, longest main-thread block",
        most_runs: 3,
    },
    AppBench {
        script: "bench/search-build.mjs",
        what: "the search engine's first build, longest main-thread task",
        most_runs: u32::MAX,
    },
    LARGE_IMPORT,
    LIBRARY_IMPORT,
    LIBRARY_STARTUP,
];

pub fn run(ws: &Workspace, runs: u32) -> Result<()> {
    let figures = FiguresFile::fresh(ws)?;
    // Every child (the node scripts) appends its headline figures here.
    std::env::set_var(bench_figures::FIGURES_ENV, figures.path());
    let report = dist::build(ws)?;
    record_sizes(&figures, &report)?;
    run_app_benches(ws, runs, &APP_BENCHES)?;
    run_core_in_browser(ws, runs)?;
    run_scale_in_browser(ws)?;
    run_pagefind_peer(ws)?;
    run_shards_in_browser(ws)?;
    run_native_benches(ws)?;
    report.print();
    write_summary(ws, &figures)
}

/// One part of the bench (`--only`): its rows of the summary table are
/// replaced by this run's, the other rows kept from earlier runs, and the
/// README's table rewritten.
pub fn run_part(ws: &Workspace, part: Part, runs: u32) -> Result<()> {
    let scripts: &[&str] = match part {
        Part::Start => &["e2e/bench/cold-start.mjs"],
        Part::Core => &["e2e/bench/core-in-browser.mjs"],
        Part::Scale => &["e2e/bench/scale-in-browser.mjs"],
        Part::Shards => &[
            "e2e/bench/pagefind-peer.mjs",
            "e2e/bench/shards-in-browser.mjs",
        ],
        Part::Import => &["e2e/bench/large-import.mjs"],
        Part::Library => &[
            "e2e/bench/library-import.mjs",
            "e2e/bench/library-startup.mjs",
        ],
    };
    // Without an earlier run's figures, this part's rows alone would
    // replace the README's whole table.
    let complete = FiguresFile::earlier_exists(ws);
    let figures = FiguresFile::kept(ws, scripts)?;
    std::env::set_var(bench_figures::FIGURES_ENV, figures.path());
    match part {
        Part::Start => run_app_benches(ws, runs, &[COLD_START])?,
        Part::Core => run_core_in_browser(ws, runs)?,
        Part::Scale => run_scale_in_browser(ws)?,
        Part::Shards => {
            run_pagefind_peer(ws)?;
            run_shards_in_browser(ws)?;
        }
        Part::Import => run_app_benches(ws, runs, &[LARGE_IMPORT])?,
        Part::Library => run_app_benches(ws, runs, &LIBRARY)?,
    }
    if complete {
        write_summary(ws, &figures)
    } else {
        print_summary(ws, &figures)?;
        println!("(README.md not changed: no earlier full `cargo xtask bench` in this checkout, so the table would lose every other row)");
        Ok(())
    }
}

/// Prints the summary table and writes it into the README.
fn write_summary(ws: &Workspace, figures: &FiguresFile) -> Result<()> {
    let table = print_summary(ws, figures)?;
    bench_figures::write_into_readme(&ws.root.join("README.md"), &table)?;
    println!("(written into README.md, section \"Against the goals\")");
    Ok(())
}

/// Prints the summary table; returns it.
fn print_summary(ws: &Workspace, figures: &FiguresFile) -> Result<String> {
    let table = bench_figures::markdown_table(&figures.read()?, &today(ws));
    println!("\n== bench: every figure against its goal\n\n{table}");
    Ok(table)
}

/// The sizes `dist` measured, as figures of the summary table.
fn record_sizes(figures: &FiguresFile, report: &SizeReport) -> Result<()> {
    let kb = |bytes: u64| bytes as f64 / 1000.0;
    figures.record(&Figure {
        figure: "hosted build, first load (everything requested before the library renders)".into(),
        target: Some("served".into()),
        value: kb(report.hosted_gzip_total()),
        unit: "KB gzip".into(),
        goal: Some(Goal::AtMost(kb(sizes::HOSTED_FIRST_LOAD_BUDGET_GZIP_BYTES))),
        peer: Some("Pagefind: under 300 KB for a 10,000-page site (its documentation); jieba-wasm's wasm alone: see segmentation".into()),
        ratio: None,
        detects_from: None,
    })?;
    figures.record(&Figure {
        figure: "offline single file".into(),
        target: Some("single file".into()),
        value: kb(report.single_file_raw),
        unit: "KB".into(),
        goal: Some(Goal::AtMost(kb(sizes::SINGLE_FILE_BUDGET_BYTES))),
        peer: None,
        ratio: None,
        detects_from: None,
    })
}

/// Today's date for the table's heading, from `date` (xtask has no clock crate).
fn today(ws: &Workspace) -> String {
    ws.cmd("date")
        .args(["-u", "+%Y-%m-%d"])
        .probe()
        .map(|d| d.trim().to_string())
        .unwrap_or_else(|| "date unknown".into())
}

/// Runs `benches` against both delivery forms of the existing `dist/`.
pub fn run_app_benches(ws: &Workspace, runs: u32, benches: &[AppBench]) -> Result<()> {
    let (server, single_file_url) = e2e::targets(ws)?;
    for bench in benches {
        let runs = runs.clamp(1, bench.most_runs);
        println!("== bench: {} ({runs} runs per target)", bench.what);
        let ok = ws
            .cmd("node")
            .args([bench.script, "--runs"])
            .arg(runs.to_string())
            .cwd(ws.e2e_dir())
            .env("PE_SERVED_URL", server.url())
            .env("PE_SINGLE_FILE_URL", &single_file_url)
            .status()?;
        if !ok {
            bail!("{} failed", bench.script);
        }
    }
    drop(server);
    Ok(())
}

/// `e2e/bench/core-in-browser.mjs`: `crates/bench-wasm` compiled to wasm
/// (release profile, as the app ships) and its native twin `compare_bench`
/// (speed-optimised profile), timed in one run.
pub fn run_core_in_browser(ws: &Workspace, runs: u32) -> Result<()> {
    println!("== bench: core in headless Chromium vs native and diff-match-patch");
    let bindings = bench_wasm_bindings(ws)?;
    ws.cmd("cargo")
        .args(["build", "--profile", NATIVE_PROFILE, "--quiet"])
        .args(["-p", "policy-bench", "--bin", "compare_bench"])
        .run()?;
    let native = ws.target_dir.join(NATIVE_PROFILE).join("compare_bench");
    let ok = ws
        .cmd("node")
        .args(["bench/core-in-browser.mjs", "--runs"])
        .arg(runs.to_string())
        .cwd(ws.e2e_dir())
        .env("PE_BENCH_WASM_DIR", &bindings)
        .env("PE_NATIVE_BENCH", &native)
        .status()?;
    if !ok {
        bail!("core-in-browser bench failed");
    }
    Ok(())
}

/// `e2e/bench/scale-in-browser.mjs`: the search engine over the corpus
/// replicated up to 1000× in Chromium (the native twin is `search_bench`).
pub fn run_scale_in_browser(ws: &Workspace) -> Result<()> {
    println!("== bench: search at scale in headless Chromium");
    let bindings = bench_wasm_bindings(ws)?;
    let ok = ws
        .cmd("node")
        .args(["bench/scale-in-browser.mjs"])
        .cwd(ws.e2e_dir())
        .env("PE_BENCH_WASM_DIR", &bindings)
        .status()?;
    if !ok {
        bail!("scale-in-browser bench failed");
    }
    Ok(())
}

/// `e2e/bench/shards-in-browser.mjs`: the shard sets of the corpus
/// replicated 1×–1000×, written natively (`shard_sets`), searched in
/// Chromium (after `pagefind-peer.mjs`, whose figures it prints beside).
pub fn run_shards_in_browser(ws: &Workspace) -> Result<()> {
    println!("== bench: search index shards in headless Chromium");
    let bindings = bench_wasm_bindings(ws)?;
    ws.cmd("cargo")
        .args(["build", "--profile", NATIVE_PROFILE, "--quiet"])
        .args(["-p", "policy-bench", "--bin", "shard_sets"])
        .run()?;
    let sets = ws.xtask_scratch().join("shard-sets");
    ws.cmd(ws.target_dir.join(NATIVE_PROFILE).join("shard_sets"))
        .arg(&sets)
        .run()?;
    let ok = ws
        .cmd("node")
        .args(["bench/shards-in-browser.mjs"])
        .cwd(ws.e2e_dir())
        .env("PE_BENCH_WASM_DIR", &bindings)
        .env("PE_SHARD_SETS_DIR", &sets)
        .status()?;
    if !ok {
        bail!("shards-in-browser bench failed");
    }
    Ok(())
}

/// `e2e/bench/pagefind-peer.mjs`: the static-search peer over the same
/// corpus, in the same run (npm `pagefind`, installed by setup).
fn run_pagefind_peer(ws: &Workspace) -> Result<()> {
    println!("== bench: peer Pagefind over the corpus in headless Chromium");
    let ok = ws
        .cmd("node")
        .args(["bench/pagefind-peer.mjs"])
        .cwd(ws.e2e_dir())
        .status()?;
    if !ok {
        bail!("pagefind-peer bench failed");
    }
    Ok(())
}

/// `crates/bench-wasm` compiled to wasm (release profile, as the app
/// ships) and bound for the browser; returns the bindings' directory.
fn bench_wasm_bindings(ws: &Workspace) -> Result<std::path::PathBuf> {
    ws.cmd("cargo")
        .args([
            "build",
            "--release",
            "--quiet",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(["-p", "policy-bench-wasm"])
        .run()?;
    let wasm = ws
        .target_dir
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("policy_bench_wasm.wasm");
    let bindings = ws.xtask_scratch().join("bench-wasm");
    ws.cmd("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .arg(&bindings)
        .arg(&wasm)
        .run()?;
    Ok(bindings)
}

/// Cargo profile of the native benchmarks (`[profile.native-bench]` in the
/// root manifest: release with opt-level 3, since they are compared with
/// other native code and with wasm).
const NATIVE_PROFILE: &str = "native-bench";

/// Every binary target of the `crates/bench` package, speed-optimised.
fn run_native_benches(ws: &Workspace) -> Result<()> {
    let manifest = ws.root.join("crates").join("bench").join("Cargo.toml");
    if !manifest.is_file() {
        println!("== bench: no crates/bench, no native benches to run");
        return Ok(());
    }
    let metadata = ws
        .cmd("cargo")
        .args(["metadata", "--no-deps", "--format-version", "1"])
        .probe()
        .context("`cargo metadata` failed")?;
    let (package, binaries) = bench_binaries(&metadata, &manifest.to_string_lossy())?;
    if binaries.is_empty() {
        println!("== bench: crates/bench has no binaries");
    }
    for binary in binaries {
        println!("== bench: {package} --bin {binary}");
        ws.cmd("cargo")
            .args([
                "run",
                "--profile",
                NATIVE_PROFILE,
                "--quiet",
                "-p",
                &package,
                "--bin",
                &binary,
            ])
            .run()?;
    }
    Ok(())
}

/// (package name, binary names) of the package whose manifest is `manifest`.
fn bench_binaries(metadata: &str, manifest: &str) -> Result<(String, Vec<String>)> {
    let metadata: Value = serde_json::from_str(metadata).context("unreadable cargo metadata")?;
    let packages = metadata["packages"].as_array().cloned().unwrap_or_default();
    let package = packages
        .iter()
        .find(|p| p["manifest_path"].as_str() == Some(manifest))
        .context("crates/bench is not a workspace member; add it to [workspace] members")?;
    let name = package["name"].as_str().unwrap_or_default().to_string();
    // Tools that live in the bench crate but are not benchmarks (e.g. a
    // generator that needs arguments) opt out with
    // `[package.metadata.xtask] bench-skip = ["name", ...]`.
    let skipped: Vec<&str> = package["metadata"]["xtask"]["bench-skip"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let binaries = package["targets"]
        .as_array()
        .map(|targets| {
            targets
                .iter()
                .filter(|t| {
                    t["kind"]
                        .as_array()
                        .is_some_and(|kinds| kinds.iter().any(|k| k == "bin"))
                })
                .filter_map(|t| t["name"].as_str())
                .filter(|name| !skipped.contains(name))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Ok((name, binaries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_bench_binaries() {
        let metadata = r#"{"packages":[
          {"name":"policy-core","manifest_path":"/r/crates/core/Cargo.toml","targets":[{"name":"policy_core","kind":["lib"]}]},
          {"name":"policy-bench","manifest_path":"/r/crates/bench/Cargo.toml",
           "metadata":{"xtask":{"bench-skip":["trim_dictionary"]}},"targets":[
            {"name":"search","kind":["bin"]},{"name":"segment","kind":["bin"]},
            {"name":"trim_dictionary","kind":["bin"]},{"name":"policy_bench","kind":["lib"]}]}
        ]}"#;
        let (package, bins) =
            bench_binaries(metadata, "/r/crates/bench/Cargo.toml").expect("found");
        assert_eq!(package, "policy-bench");
        assert_eq!(bins, vec!["search", "segment"]);
        assert!(bench_binaries(metadata, "/r/crates/nope/Cargo.toml").is_err());
    }
}
