//! Exports the core's hot paths to JavaScript for the browser benchmarks:
//! `e2e/bench/core-in-browser.mjs` times segmentation, diffs and alignment
//! in headless Chromium against `diff-match-patch` on the same strings;
//! `e2e/bench/scale-in-browser.mjs` builds the search engine over the corpus
//! replicated N times and types the native `search_bench`'s queries
//! (`policy-bench-workload`) keystroke by keystroke. The functions return
//! small summaries (counts) so the benchmark measures the work, not the
//! cost of shipping large results across the JS boundary.

use policy_core::compare::align::{align_documents, AlignOptions};
use policy_core::compare::diff::{diff_chars, diff_tokens};
use policy_core::model::{load_corpus, Corpus};
use policy_core::search::{SearchEngine, SearchRequest};
use policy_core::segment::Segmenter;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

const CORPUS_JSON: &str = include_str!("../../../corpus/corpus.json");

thread_local! {
    static CORPUS: OnceCell<Corpus> = const { OnceCell::new() };
    static SEGMENTER: OnceCell<Segmenter> = const { OnceCell::new() };
    static SCALED: std::cell::RefCell<Option<(SearchEngine, Vec<SearchRequest>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Builds the search engine over the bundled corpus replicated `copies`
/// times (replacing any earlier one); returns the number of units indexed.
/// The JS side times this call: corpus replication is done first and not
/// counted, by [`scale_prepare`].
#[wasm_bindgen]
pub fn scale_build(copies: usize) -> Result<usize, JsError> {
    let corpus = load_corpus(CORPUS_JSON).map_err(|e| JsError::new(&e.to_string()))?;
    let scaled = policy_bench_workload::replicate(&corpus, copies.max(1));
    SCALED.with(|cell| *cell.borrow_mut() = None);
    let engine = SearchEngine::new(&scaled).map_err(|e| JsError::new(&e.to_string()))?;
    let units = policy_bench_workload::size(&scaled).0;
    SCALED.with(|cell| *cell.borrow_mut() = Some((engine, policy_bench_workload::query_set())));
    Ok(units)
}

/// Parses the bundled corpus JSON and replicates it `copies` times, then
/// drops it: what a start-up pays before the index, for the same size.
#[wasm_bindgen]
pub fn scale_prepare(copies: usize) -> Result<usize, JsError> {
    let corpus = load_corpus(CORPUS_JSON).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(policy_bench_workload::size(&policy_bench_workload::replicate(&corpus, copies.max(1))).0)
}

/// How many requests one round of typing holds.
#[wasm_bindgen]
pub fn scale_request_count() -> usize {
    policy_bench_workload::query_set().len()
}

/// One keystroke (request `i` of the round) on the engine of the last
/// [`scale_build`]: the first screen of hits and their KWIC lines. Returns
/// the total hit count.
#[wasm_bindgen]
pub fn scale_keystroke(i: usize) -> Result<usize, JsError> {
    SCALED.with(|cell| {
        let scaled = cell.borrow();
        let (engine, requests) = scaled
            .as_ref()
            .ok_or_else(|| JsError::new("call scale_build first"))?;
        let request = requests
            .get(i)
            .ok_or_else(|| JsError::new("no such request"))?;
        Ok(policy_bench_workload::keystroke(engine, request))
    })
}

/// Drops the engine of the last [`scale_build`].
#[wasm_bindgen]
pub fn scale_drop() {
    SCALED.with(|cell| *cell.borrow_mut() = None);
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
