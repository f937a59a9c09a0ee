//! What the CLI's integration tests share: the binary, the repository, and
//! scratch copies of the corpus inputs (tests never write the committed
//! corpus). Each test file uses part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The `policy-explorer` binary, run from the repository root.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_policy-explorer"));
    cmd.current_dir(repo_root());
    cmd
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A command's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An empty scratch directory of this test process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("policy-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A scratch root holding a copy of the corpus inputs (manifest and raw
/// files).
pub fn scratch_root(name: &str) -> PathBuf {
    let root = scratch(name);
    std::fs::create_dir_all(root.join("corpus/raw")).unwrap();
    std::fs::copy(
        repo_root().join("corpus/manifest.toml"),
        root.join("corpus/manifest.toml"),
    )
    .unwrap();
    for entry in std::fs::read_dir(repo_root().join("corpus/raw")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            root.join("corpus/raw").join(entry.file_name()),
        )
        .unwrap();
    }
    root
}
