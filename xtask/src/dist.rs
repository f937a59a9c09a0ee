//! `cargo xtask dist` and `cargo xtask serve`.
//!
//! `dist` = Trunk's release build of the full app, the offline single file
//! packed from it by [`crate::single_file`], then a second Trunk build of
//! the lite app that becomes the hosted `dist/index.html` and loads the full
//! app later ([`crate::first_load`], docs/loading.md).

use std::fs;

use anyhow::{Context, Result};

use crate::csp;
use crate::css_bundle;
use crate::first_load;
use crate::search_index;
use crate::single_file;
use crate::sizes::SizeReport;
use crate::workspace::Workspace;

/// Release build with Trunk, then pack `dist/policy-explorer.html`.
pub fn build(ws: &Workspace) -> Result<SizeReport> {
    println!("== dist: trunk build --release (offline, tools from PATH)");
    ws.cmd("trunk").args(["build", "--release"]).run()?;
    // The single file is the full app, packed before index.html changes.
    write_single_file(ws)?;
    let full = first_load::build(ws)?;
    println!(
        "hosted index.html boots the lite app; the full app ({}) loads on demand",
        full.wasm
    );
    // The hosted page only: the single file never fetches.
    let manifest = search_index::write(ws)?;
    println!("hosted search index: dist/{manifest} (shards fetched per query)");
    if let Some(joined) = css_bundle::join_in_dist(&ws.dist_dir())? {
        println!("hosted page: its stylesheets joined into dist/{joined}");
    }
    // After packing (the single file keeps the loader inline): move Trunk's
    // inline loader out of index.html for the strict CSP (see csp.rs).
    let loader = csp::externalize_in_dist(&ws.dist_dir())?;
    println!("strict CSP: Trunk's inline loader moved to dist/{loader}");
    SizeReport::measure(&ws.dist_dir(), &ws.single_file())
}

pub fn write_single_file(ws: &Workspace) -> Result<()> {
    let dist = ws.dist_dir();
    let index = fs::read_to_string(dist.join("index.html"))
        .context("dist/index.html missing after trunk build")?;
    let (index, _) = csp::inline_loader_again(&index, &dist)?;
    let load = |path: &str| fs::read(dist.join(path)).map_err(|e| e.to_string());
    let html = single_file::build(&index, &load).context("cannot pack the single file")?;
    fs::write(ws.single_file(), html)?;
    println!("wrote {}", ws.single_file().display());
    Ok(())
}

/// `trunk serve` until interrupted. Dev builds compile faster; `--release`
/// serves exactly what `dist` ships (minus the single file).
pub fn serve(ws: &Workspace, release: bool, port: u16) -> Result<()> {
    let url = format!("http://127.0.0.1:{port}/");
    println!("== serve: building, then serving at {url}  (Ctrl-C to stop)");
    println!("   open {url}  or a permalink such as {url}#/doc/sichuan/6.21");
    let mut cmd = ws
        .cmd("trunk")
        .args(["serve", "--address", "127.0.0.1", "--port"])
        .arg(port.to_string());
    if release {
        cmd = cmd.arg("--release");
    }
    cmd.run()
}
