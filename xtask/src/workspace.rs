//! Where things live, and the environment every spawned tool gets.
//!
//! All paths are derived from the repository root so that `cargo xtask` works
//! from any sub-directory, and every child process sees the same `PATH` and
//! `CARGO_TARGET_DIR` (trunk, cargo and wasm-bindgen-test-runner must agree on
//! where the build lives and which `wasm-opt` / `wasm-bindgen` they run).

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Name of the offline single-file build inside `dist/`.
pub const SINGLE_FILE_NAME: &str = "policy-explorer.html";

pub struct Workspace {
    pub root: PathBuf,
    pub target_dir: PathBuf,
}

impl Workspace {
    pub fn locate() -> Result<Workspace> {
        let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .context("xtask must live one level below the repository root")?
            .to_path_buf();
        // Respect a caller's CARGO_TARGET_DIR (helpers on a shared machine use
        // their own), otherwise the conventional `<root>/target`.
        let target_dir = match env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => absolute(&root, PathBuf::from(dir)),
            _ => root.join("target"),
        };
        Ok(Workspace { root, target_dir })
    }

    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn single_file(&self) -> PathBuf {
        self.dist_dir().join(SINGLE_FILE_NAME)
    }

    pub fn e2e_dir(&self) -> PathBuf {
        self.root.join("e2e")
    }

    /// npm-installed tools (binaryen's `wasm-opt`); gitignored.
    pub fn tools_dir(&self) -> PathBuf {
        self.root.join(".tools")
    }

    pub fn tools_bin(&self) -> PathBuf {
        self.tools_dir().join("node_modules").join(".bin")
    }

    /// Scratch files xtask writes for its children (e.g. webdriver.json).
    pub fn xtask_scratch(&self) -> PathBuf {
        self.target_dir.join("xtask")
    }

    /// `PATH` for children: the npm tools first (so Trunk finds wasm-opt 132,
    /// not Debian's 108), then cargo's bin dir (freshly installed trunk and
    /// wasm-bindgen), then whatever the caller had.
    pub fn child_path(&self) -> OsString {
        let mut dirs = vec![self.tools_bin()];
        if let Some(cargo_bin) = cargo_bin_dir() {
            dirs.push(cargo_bin);
        }
        if let Some(existing) = env::var_os("PATH") {
            dirs.extend(env::split_paths(&existing));
        }
        env::join_paths(dirs).unwrap_or_else(|_| env::var_os("PATH").unwrap_or_default())
    }
}

fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(home) = env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(home).join("bin"));
    }
    env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo").join("bin"))
}

fn absolute(root: &Path, path: PathBuf) -> PathBuf {
    if path.is_absolute() {
        path
    } else {
        root.join(path)
    }
}
