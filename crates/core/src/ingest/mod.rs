//! Raw policy text → normalized [`crate::model::Document`]: the cleaning
//! rules shared by the native corpus pipeline and the browser's "import a
//! text" feature. Everything here is pure Rust (no file IO, no native
//! library); the one native-only step, Traditional → Simplified conversion,
//! is passed in as a [`ScriptConverter`].

pub mod punctuation;
