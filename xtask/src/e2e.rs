//! The end-to-end suite (`e2e/`, Node's built-in test runner + playwright-core
//! driving Debian's Chromium) against both delivery forms of the app: the
//! hosted `dist/` over HTTP from [`StaticServer`], and the single file over
//! `file://`.
//!
//! The Node side learns where to look from environment variables, so a test
//! file added later (CSP, iframe, axe) needs no change here: `PE_SERVED_URL`,
//! `PE_SINGLE_FILE_URL`, `PE_ARTIFACTS_DIR` and `PE_DIST_DIR` (for a test
//! that serves the build itself, e.g. with a Content-Security-Policy header).

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::static_server::StaticServer;
use crate::workspace::Workspace;

pub struct E2eOutcome {
    pub passed: bool,
    pub output: String,
}

/// `cargo xtask e2e`: run against the existing dist and fail on failure.
pub fn run_against_dist(ws: &Workspace) -> Result<()> {
    let outcome = run(ws)?;
    if !outcome.passed {
        bail!("end-to-end tests failed");
    }
    Ok(())
}

pub fn run(ws: &Workspace) -> Result<E2eOutcome> {
    let (server, single_file_url) = targets(ws)?;
    let (hardened, demo) = hardened_targets(ws)?;
    let artifacts = ws.e2e_dir().join("artifacts");
    fs::create_dir_all(&artifacts)?;
    println!("== e2e: served build at {}", server.url());
    println!("== e2e: single file at {single_file_url}");
    let (passed, output) = ws
        .cmd("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .cwd(ws.e2e_dir())
        .env("PE_SERVED_URL", server.url())
        .env("PE_SINGLE_FILE_URL", &single_file_url)
        .env("PE_ARTIFACTS_DIR", &artifacts)
        .env("PE_CSP_URL", hardened.url())
        .env("PE_DEMO_URL", format!("{}embed-demo.html", demo.url()))
        .env("PE_DIST_DIR", ws.dist_dir())
        .run_tee()?;
    drop(server);
    drop((hardened, demo));
    Ok(E2eOutcome { passed, output })
}

/// The hosted build as a careful host would serve it: with the
/// strict Content-Security-Policy, and with `Access-Control-Allow-Origin: *`
/// so that a sandboxed `<iframe>` (opaque origin) may fetch its module
/// scripts and wasm. Plus a second origin serving `e2e/` for the embed demo
/// page, so the demo embeds the app cross-origin as a real site would.
pub fn hardened_targets(ws: &Workspace) -> Result<(StaticServer, StaticServer)> {
    let hardened = StaticServer::start(
        &ws.dist_dir(),
        vec![
            (
                "Content-Security-Policy".into(),
                crate::csp::STRICT_CSP.into(),
            ),
            ("Access-Control-Allow-Origin".into(), "*".into()),
        ],
    )?;
    let demo = StaticServer::start(&ws.e2e_dir(), Vec::new())?;
    println!("== e2e: strict-CSP build at {}", hardened.url());
    println!("== e2e: embed demo at {}embed-demo.html", demo.url());
    Ok((hardened, demo))
}

/// A server over `dist/` and the `file://` URL of the single file.
pub fn targets(ws: &Workspace) -> Result<(StaticServer, String)> {
    let dist = ws.dist_dir();
    if !dist.join("index.html").is_file() || !ws.single_file().is_file() {
        bail!("dist/ is incomplete; run `cargo xtask dist` first");
    }
    let server = StaticServer::start(&dist, Vec::new())?;
    Ok((server, file_url(&ws.single_file())?))
}

pub fn file_url(path: &Path) -> Result<String> {
    let absolute = path
        .canonicalize()
        .with_context(|| format!("{} does not exist", path.display()))?;
    let mut url = String::from("file://");
    for byte in absolute.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    Ok(url)
}

/// Copy this run's screenshots (served build) into docs/screenshots/ for the
/// README. Deliberately a separate, explicit step: screenshots are looked at
/// before they are committed.
pub fn publish_screenshots(ws: &Workspace) -> Result<()> {
    let from = ws.e2e_dir().join("artifacts").join("served");
    let to = ws.root.join("docs").join("screenshots");
    fs::create_dir_all(&to)?;
    let mut copied = 0;
    for entry in
        fs::read_dir(&from).with_context(|| format!("no screenshots in {}", from.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "png") {
            if let Some(name) = path.file_name() {
                fs::copy(&path, to.join(name))?;
                copied += 1;
            }
        }
    }
    println!("copied {copied} screenshots to {}", to.display());
    Ok(())
}

/// The Node test runner's final summary (`ℹ tests 12`, `ℹ pass 12`, …).
pub fn summary_lines(output: &str) -> Vec<String> {
    output
        .lines()
        .filter(|line| line.starts_with("ℹ "))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        let dir = std::env::temp_dir().join("xtask e2e url");
        fs::create_dir_all(&dir).expect("mkdir");
        let url = file_url(&dir).expect("url");
        assert!(url.starts_with("file:///"));
        assert!(url.ends_with("/xtask%20e2e%20url"), "{url}");
    }

    #[test]
    fn picks_the_node_summary() {
        let out = "▶ library\n  ✔ lists (10ms)\nℹ tests 3\nℹ pass 3\nℹ fail 0\n";
        assert_eq!(
            summary_lines(out),
            vec!["ℹ tests 3", "ℹ pass 3", "ℹ fail 0"]
        );
    }
}
