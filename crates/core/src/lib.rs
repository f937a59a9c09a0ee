#![warn(missing_docs)]
//! # policy-core
//!
//! The pure heart of policy-explorer, shared by the browser app and the
//! native CLI/pipeline. Nothing here touches the DOM or native-only
//! libraries, so every function behaves the same natively and in wasm32.
//!
//! * [`model`] — the normalized corpus (the JSON contract).
//! * [`compare`] — clause alignment and Chinese-aware diffs.
//! * `opencc_cases` — OpenCC's own test cases and a converter's score on them
//!   (test support, behind the `opencc-cases` feature).
//! * [`script`] — pure-Rust Traditional → Simplified conversion (OpenCC tables).
//! * [`query_normalize`] — queries normalized exactly like the corpus.
//! * [`segment`] — the jieba-based segmenter with the policy lexicon.
//! * [`restoration`] — restored readings of machine-reworded units (data + accessors).
//! * [`search`] — search index, query language, filters, facets, KWIC, export.
//! * [`fixtures`] — test support: a missing `../shared` fixture fails under CI, else is a recorded skip.
//! * [`ingest`] — raw text → normalized document (cleaning rules, structure, tags).
//! * [`diffusion`] — fidelity to a central text, binding force and targets, citations.
//! * [`text_encoding`] — bytes → text: UTF-8, UTF-16, GBK/GB18030 detected and decoded.

pub mod compare;
pub mod diffusion;
pub mod fixtures;
pub mod ingest;
pub mod model;
#[cfg(any(test, feature = "opencc-cases"))]
pub mod opencc_cases;
pub mod query_normalize;
pub mod restoration;
pub mod script;
pub mod search;
pub mod segment;
pub mod text_encoding;
