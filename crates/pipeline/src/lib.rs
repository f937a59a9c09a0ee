#![warn(missing_docs)]
//! # policy-pipeline
//!
//! Raw policy texts → the normalized corpus (`corpus/corpus.json`).
//!
//! The single-document cleaning rules live in [`policy_core::ingest`] so the
//! browser's import runs the same code; this crate adds what only the build
//! needs: real OpenCC ([`opencc`]), the reviewed [`manifest`], witness
//! collation ([`collate`]) and substitution learning ([`substitutions`]),
//! restoration of reworded-only units ([`restore`]), corpus assembly ([`assemble`]) and the up-to-date check.

pub mod add;
pub mod assemble;
pub mod collate;
pub mod manifest;
pub mod opencc;
pub mod restore;
pub mod substitutions;

pub use assemble::{
    build_corpus, check_corpus, render_corpus, write_corpus, CheckOutcome, PipelineError,
};

/// The command that regenerates the committed corpus.
pub const REGENERATE_COMMAND: &str = "cargo run -p policy-cli -- corpus build";

/// Paths relative to the repository root.
pub mod paths {
    /// The reviewed manifest.
    pub const MANIFEST: &str = "corpus/manifest.toml";
    /// The folder of raw texts as received.
    pub const RAW_DIR: &str = "corpus/raw";
    /// The generated corpus the app bundles.
    pub const CORPUS: &str = "corpus/corpus.json";
}
