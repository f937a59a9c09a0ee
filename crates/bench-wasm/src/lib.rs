//! Exports the compare view's core operations to JavaScript for
//! `e2e/bench/compare.mjs`, which times them in headless Chromium against
//! `diff-match-patch` on the same strings. The functions return small
//! summaries (op counts) so the benchmark measures the work, not the cost
//! of shipping large results across the JS boundary.

use policy_core::compare::align::{align_documents, AlignOptions};
use policy_core::compare::diff::{diff_chars, diff_tokens};
use policy_core::model::{load_corpus, Corpus};
use policy_core::segment::Segmenter;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

const CORPUS_JSON: &str = include_str!("../../../corpus/corpus.json");

thread_local! {
    static CORPUS: OnceCell<Corpus> = const { OnceCell::new() };
    static SEGMENTER: OnceCell<Segmenter> = const { OnceCell::new() };
}

/// Character diff (Unicode scalar values) with `similar`'s Myers; returns
/// the number of diff chunks.
#[wasm_bindgen]
pub fn diff_chars_chunks(old: &str, new: &str) -> usize {
    diff_chars(old, new).len()
}

/// Word-level diff over the app's segmenter tokens, replaced words refined
/// to characters; returns the number of chunks.
#[wasm_bindgen]
pub fn diff_words_chunks(old: &str, new: &str) -> Result<usize, JsError> {
    with_segmenter(|s| diff_tokens(&s.tokens(old), &s.tokens(new)).len())
}

/// Segments every line of `text` with the app's segmenter (gazetteer names
/// included, as in the app); returns the number of tokens. Same loop as the
/// native `compare_bench` and `search_bench`, so MB/s compare directly.
#[wasm_bindgen]
pub fn segment_lines(text: &str) -> Result<usize, JsError> {
    with_segmenter(|s| text.lines().map(|l| s.segment(l).len()).sum())
}

/// Builds the segmenter once (its dictionary load is measured separately).
#[wasm_bindgen]
pub fn warm_up() -> Result<usize, JsError> {
    with_segmenter(|s| s.words("区域协调发展").len())
}

/// Aligns two corpus documents with the app's aligner (structure-aware,
/// relations and evidence included); returns how many units of `a` were
/// aligned.
#[wasm_bindgen]
pub fn align_corpus_documents(a: &str, b: &str) -> Result<usize, JsError> {
    CORPUS.with(|cell| {
        if cell.get().is_none() {
            let corpus = load_corpus(CORPUS_JSON).map_err(|e| JsError::new(&e.to_string()))?;
            let _ = cell.set(corpus);
        }
        let corpus = cell
            .get()
            .ok_or_else(|| JsError::new("corpus not loaded"))?;
        let doc_a = corpus
            .document(a)
            .ok_or_else(|| JsError::new("unknown document a"))?;
        let doc_b = corpus
            .document(b)
            .ok_or_else(|| JsError::new("unknown document b"))?;
        let alignment = align_documents(doc_a, doc_b, &AlignOptions::default());
        Ok(alignment.pairs.len())
    })
}

fn with_segmenter<T>(f: impl FnOnce(&Segmenter) -> T) -> Result<T, JsError> {
    SEGMENTER.with(|cell| {
        if cell.get().is_none() {
            let corpus = load_corpus(CORPUS_JSON).map_err(|e| JsError::new(&e.to_string()))?;
            let segmenter = Segmenter::with_regions(&corpus.regions)
                .map_err(|e| JsError::new(&e.to_string()))?;
            let _ = cell.set(segmenter);
        }
        cell.get()
            .map(f)
            .ok_or_else(|| JsError::new("segmenter not loaded"))
    })
}
