//! # policy-core
//!
//! The pure heart of policy-explorer, shared by the browser app and the
//! native CLI/pipeline. Nothing here touches the DOM or native-only
//! libraries, so every function behaves the same natively and in wasm32.
//!
//! * [`model`] — the normalized corpus (the JSON contract).
//! * [`ingest`] — raw text → normalized document (cleaning rules, structure, tags).
//! * [`compare`] — clause alignment and Chinese-aware diffs.
//! * [`ingest`] — raw text → normalized document (cleaning rules, structure, tags).

pub mod compare;
pub mod ingest;
pub mod ingest;
pub mod model;
