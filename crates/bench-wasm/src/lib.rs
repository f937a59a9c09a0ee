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
use policy_core::search::{
    LoadedShards, SearchEngine, SearchEngineBuilder, SearchRequest, ShardManifest, UnitTable,
};
use policy_core::segment::Segmenter;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

const CORPUS_JSON: &str = include_str!("../../../corpus/corpus.json");

thread_local! {
    static CORPUS: OnceCell<Corpus> = const { OnceCell::new() };
    static SEGMENTER: OnceCell<Segmenter> = const { OnceCell::new() };
    static SCALED: std::cell::RefCell<Option<(SearchEngine, Vec<SearchRequest>)>> =
        const { std::cell::RefCell::new(None) };
    static REPLICATED: std::cell::RefCell<Option<Corpus>> = const { std::cell::RefCell::new(None) };
    static SHARDED: std::cell::RefCell<Option<Sharded>> = const { std::cell::RefCell::new(None) };
}

/// An engine assembled from a shard set's unit table, its loaded shards
/// and the typed requests.
struct Sharded {
    engine: SearchEngine,
    shards: LoadedShards,
    requests: Vec<SearchRequest>,
}

fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Parses the bundled corpus and keeps it replicated `copies` times, as a
/// hosted build carries its corpus (not timed with the index).
#[wasm_bindgen]
pub fn shards_prepare(copies: usize) -> Result<usize, JsError> {
    let corpus = load_corpus(CORPUS_JSON).map_err(js_error)?;
    let scaled = policy_bench_workload::replicate(&corpus, copies.max(1));
    let units = policy_bench_workload::size(&scaled).0;
    SHARDED.with(|cell| *cell.borrow_mut() = None);
    REPLICATED.with(|cell| *cell.borrow_mut() = Some(scaled));
    Ok(units)
}

/// Assembles the engine of the [`shards_prepare`]d corpus from a shard
/// set's manifest and unit table (what the hosted app does instead of
/// indexing): the segmenter and T→S tables load, no unit is segmented.
/// Returns the number of units.
#[wasm_bindgen]
pub fn shards_build(manifest_json: &str, unit_table: &[u8]) -> Result<usize, JsError> {
    REPLICATED.with(|cell| {
        let corpus = cell.borrow();
        let corpus = corpus
            .as_ref()
            .ok_or_else(|| JsError::new("call shards_prepare first"))?;
        let manifest = ShardManifest::from_json(manifest_json).map_err(js_error)?;
        if !manifest.fits(corpus) {
            return Err(JsError::new("the shard set does not fit the corpus"));
        }
        let table = UnitTable::from_bytes(&manifest, unit_table).map_err(js_error)?;
        let mut builder = SearchEngineBuilder::new(corpus).map_err(js_error)?;
        while !builder
            .step_from_table(corpus, &table, usize::MAX)
            .map_err(js_error)?
        {}
        let engine = builder.finish(corpus);
        let units = engine.index().units.len();
        let shards = LoadedShards::new(manifest).map_err(js_error)?;
        SHARDED.with(|cell| {
            *cell.borrow_mut() = Some(Sharded {
                engine,
                shards,
                requests: policy_bench_workload::query_set(),
            })
        });
        Ok(units)
    })
}

/// The shards request `i` needs that are not loaded, with their file
/// names: `[[number, name], …]` as JSON.
#[wasm_bindgen]
pub fn shards_missing(i: usize) -> Result<String, JsError> {
    with_sharded(|s| {
        let request = s
            .requests
            .get(i)
            .ok_or_else(|| JsError::new("no such request"))?;
        let names: Vec<(u32, String)> = s
            .engine
            .missing_shards(request, &s.shards)
            .into_iter()
            .filter_map(|n| s.shards.file(n).map(|f| (n, f.name.clone())))
            .collect();
        serde_json::to_string(&names).map_err(js_error)
    })
}

/// Merges a fetched shard.
#[wasm_bindgen]
pub fn shards_accept(shard: u32, bytes: &[u8]) -> Result<(), JsError> {
    with_sharded(|s| s.shards.accept(shard, bytes).map_err(js_error))
}

/// One keystroke (request `i`) once its shards are in: the first screen of
/// hits and their KWIC lines, as [`scale_keystroke`]. Returns the total.
#[wasm_bindgen]
pub fn shards_keystroke(i: usize) -> Result<usize, JsError> {
    with_sharded(|s| {
        let request = s
            .requests
            .get(i)
            .ok_or_else(|| JsError::new("no such request"))?;
        let results = s
            .engine
            .search_top_sharded(request, policy_bench_workload::FIRST_SCREEN, &s.shards)
            .map_err(js_error)?;
        let parts: usize = results
            .hits
            .iter()
            .map(|h| {
                s.engine
                    .snippet(h, policy_bench_workload::KWIC_WINDOW)
                    .parts
                    .len()
            })
            .sum();
        std::hint::black_box(parts);
        Ok(results.total)
    })
}

/// Drops the sharded engine and the replicated corpus.
#[wasm_bindgen]
pub fn shards_drop() {
    SHARDED.with(|cell| *cell.borrow_mut() = None);
    REPLICATED.with(|cell| *cell.borrow_mut() = None);
}

fn with_sharded<T>(f: impl FnOnce(&mut Sharded) -> Result<T, JsError>) -> Result<T, JsError> {
    SHARDED.with(|cell| {
        let mut sharded = cell.borrow_mut();
        let sharded = sharded
            .as_mut()
            .ok_or_else(|| JsError::new("call shards_build first"))?;
        f(sharded)
    })
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
