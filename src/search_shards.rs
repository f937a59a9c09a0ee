//! The hosted corpus's precomputed search index (docs/search.md, "Shards
//! fetched on demand").
//!
//! When the page names a shard set (`<meta name="policy-explorer-search-
//! index" content="/search/manifest-….json">`, written by `cargo xtask
//! dist`), the engine build fetches the manifest and the unit table and
//! assembles the hosted documents from them — no segmentation of the
//! corpus (the segmenter and the T→S tables still load, for the query).
//! Each search then fetches the gram shards it needs, once each
//! ([`ShardedIndex`]); the search view shows "loading…" meanwhile and a
//! clear error, with a retry, if a fetch fails. A set that does not fit
//! (another app version, another corpus) or cannot be fetched is left
//! aside and the index is built in memory as without one. The offline
//! single file names no set and never fetches. User library documents
//! still join as in-memory parts ([`crate::engine`]).

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;

use policy_core::model::Corpus;
use policy_core::search::{
    LoadedShards, SearchEngine, SearchEngineBuilder, SearchRequest, SearchResults, ShardManifest,
    UnitTable,
};
use yew::Callback;

/// The `<meta name>` naming the shard set's manifest.
pub const SEARCH_INDEX_META: &str = "policy-explorer-search-index";

/// Units assembled from the unit table between two looks at the clock
/// (no segmentation: much cheaper than indexing a unit).
const TABLE_UNITS_PER_STEP: usize = 64;

/// The manifest and unit table, fetched.
pub struct FetchedSet {
    /// The folder of the manifest (shards are named relative to it).
    base: String,
    manifest: ShardManifest,
    table: UnitTable,
}

/// The page's shard set, as far as it is fetched.
enum Hosted {
    NotAsked,
    Loading,
    Ready(Rc<FetchedSet>),
    /// No set named, not fetched or not readable: build in memory.
    Off,
}

thread_local! {
    static HOSTED: RefCell<Hosted> = const { RefCell::new(Hosted::NotAsked) };
}

/// Starts fetching the manifest and unit table, if the page names a set
/// (at most once per page).
pub fn prefetch() {
    let asked = HOSTED.with(|h| !matches!(*h.borrow(), Hosted::NotAsked));
    if asked {
        return;
    }
    let Some(url) = manifest_url() else {
        HOSTED.with(|h| *h.borrow_mut() = Hosted::Off);
        return;
    };
    HOSTED.with(|h| *h.borrow_mut() = Hosted::Loading);
    spawn(async move {
        let state = match fetch_set(&url).await {
            Ok(set) => Hosted::Ready(Rc::new(set)),
            Err(problem) => {
                gloo::console::warn!(format!(
                    "search index {url} not used ({problem}); indexing in the browser"
                ));
                Hosted::Off
            }
        };
        HOSTED.with(|h| *h.borrow_mut() = state);
    });
}

/// How one engine build treats the hosted documents: decided at its
/// first step.
#[derive(Default)]
pub enum HostedBuild {
    #[default]
    Undecided,
    /// Segmented in the browser as without a shard set.
    InMemory,
    /// Assembled from the unit table; searches fetch shards.
    FromTable(Rc<FetchedSet>),
}

/// What [`step`] did.
pub enum TableStep {
    /// Assembled a few units from the table.
    Stepped,
    /// The set is still being fetched.
    Wait,
    /// Not a document of the set: the caller indexes it.
    NotUsed,
}

/// A few units of the build, from the unit table when the set fits the
/// corpus. `may_wait`: a build that cannot wait (an import) decides for
/// the in-memory index while the set is still being fetched.
pub fn step(
    hosted: &mut HostedBuild,
    builder: &mut SearchEngineBuilder,
    corpus: &Corpus,
    may_wait: bool,
) -> TableStep {
    if matches!(hosted, HostedBuild::Undecided) {
        let state = HOSTED.with(|h| match &*h.borrow() {
            Hosted::Ready(set) => Some(Some(set.clone())),
            Hosted::Loading => None,
            Hosted::NotAsked | Hosted::Off => Some(None),
        });
        *hosted = match state {
            None if may_wait => return TableStep::Wait,
            Some(Some(set)) if set.manifest.fits(corpus) && builder.progress().0 == 0 => {
                HostedBuild::FromTable(set)
            }
            Some(Some(_)) => {
                gloo::console::warn!(
                    "search index not used (built for another corpus or app version); indexing in the browser"
                );
                HostedBuild::InMemory
            }
            _ => HostedBuild::InMemory,
        };
    }
    let HostedBuild::FromTable(set) = hosted else {
        return TableStep::NotUsed;
    };
    let in_set = builder
        .next_document()
        .is_some_and(|d| d < set.table.document_count());
    if !in_set {
        return TableStep::NotUsed;
    }
    match builder.step_from_table(corpus, &set.table, TABLE_UNITS_PER_STEP) {
        Ok(_) => {}
        Err(problem) => {
            // The table does not fit the texts: start over in memory.
            gloo::console::warn!(format!(
                "search index not used ({problem}); indexing in the browser"
            ));
            if let Ok(fresh) = SearchEngineBuilder::new(corpus) {
                *builder = fresh;
            }
            *hosted = HostedBuild::InMemory;
        }
    }
    TableStep::Stepped
}

/// The shards of a finished build that used the unit table.
pub fn sharded_index(hosted: &HostedBuild) -> Option<Rc<ShardedIndex>> {
    let HostedBuild::FromTable(set) = hosted else {
        return None;
    };
    let loaded = LoadedShards::new(set.manifest.clone()).ok()?;
    Some(Rc::new(ShardedIndex {
        base: set.base.clone(),
        loaded: RefCell::new(loaded),
        in_flight: RefCell::default(),
        failed: RefCell::default(),
        listeners: RefCell::default(),
        next_listener: Cell::new(0),
        generation: Cell::new(0),
        fetched_bytes: Cell::new(0),
    }))
}

/// What a search over a sharded index gave.
pub enum ShardedSearch {
    Ready(Box<SearchResults>),
    /// Shards it needs are being fetched.
    Loading,
    /// A shard it needs could not be fetched or read.
    Failed(String),
}

/// The gram shards of the hosted set, fetched on demand and kept.
pub struct ShardedIndex {
    base: String,
    loaded: RefCell<LoadedShards>,
    in_flight: RefCell<BTreeSet<u32>>,
    /// Shards whose fetch failed, with why (until retried).
    failed: RefCell<Vec<(u32, String)>>,
    /// Told whenever a fetch ends (success or failure).
    listeners: RefCell<Vec<(u32, Callback<()>)>>,
    next_listener: Cell<u32>,
    /// How many times listeners were told (see [`Self::generation`]).
    generation: Cell<u32>,
    fetched_bytes: Cell<usize>,
}

impl ShardedIndex {
    /// Runs `request` if its shards are in; otherwise starts fetching the
    /// missing ones (unless one of them failed: the error, until
    /// [`Self::retry`]).
    pub fn search(
        self: &Rc<Self>,
        engine: &SearchEngine,
        request: &SearchRequest,
        max_hits: usize,
    ) -> ShardedSearch {
        let missing = match engine.search_top_sharded(request, max_hits, &self.loaded.borrow()) {
            Ok(results) => return ShardedSearch::Ready(Box::new(results)),
            Err(missing) => missing.0,
        };
        if let Some((_, problem)) = self
            .failed
            .borrow()
            .iter()
            .find(|(s, _)| missing.contains(s))
        {
            return ShardedSearch::Failed(problem.clone());
        }
        for shard in missing {
            self.fetch(shard);
        }
        ShardedSearch::Loading
    }

    /// Forgets failed fetches, so that the next search fetches again.
    pub fn retry(&self) {
        self.failed.borrow_mut().clear();
        self.notify();
    }

    /// Shards loaded so far.
    pub fn loaded_count(&self) -> usize {
        self.loaded.borrow().loaded_count()
    }

    /// Bytes of the shards fetched so far.
    pub fn fetched_bytes(&self) -> usize {
        self.fetched_bytes.get()
    }

    /// Calls `listener` whenever a fetch ends; returns the id to
    /// [`Self::unsubscribe`] with.
    pub fn subscribe(&self, listener: Callback<()>) -> u32 {
        let id = self.next_listener.get();
        self.next_listener.set(id + 1);
        self.listeners.borrow_mut().push((id, listener));
        id
    }

    pub fn unsubscribe(&self, id: u32) {
        self.listeners.borrow_mut().retain(|(i, _)| *i != id);
    }

    /// Changes whenever a fetch ends or failures are forgotten. A view
    /// that searched at one generation and subscribes later (in an effect)
    /// compares it to see whether it missed a notification: a fetch can
    /// end between the render that started it and the effect.
    pub fn generation(&self) -> u32 {
        self.generation.get()
    }

    fn notify(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        let listeners: Vec<Callback<()>> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, l)| l.clone())
            .collect();
        for listener in listeners {
            listener.emit(());
        }
    }

    fn fetch(self: &Rc<Self>, shard: u32) {
        if !self.in_flight.borrow_mut().insert(shard) {
            return;
        }
        let Some(file) = self.loaded.borrow().file(shard).cloned() else {
            return;
        };
        let url = format!("{}{}", self.base, file.name);
        let this = self.clone();
        spawn(async move {
            let outcome = match fetch_bytes(&url).await {
                Ok(bytes) => {
                    let accepted = this.loaded.borrow_mut().accept(shard, &bytes);
                    if accepted.is_ok() {
                        this.fetched_bytes
                            .set(this.fetched_bytes.get() + bytes.len());
                    }
                    accepted.map_err(|e| e.to_string())
                }
                Err(problem) => Err(problem),
            };
            this.in_flight.borrow_mut().remove(&shard);
            if let Err(problem) = outcome {
                this.failed
                    .borrow_mut()
                    .push((shard, format!("{url}: {problem}")));
            }
            this.notify();
        });
    }
}

/// The manifest named by the page, if any.
fn manifest_url() -> Option<String> {
    crate::dom::meta_element(SEARCH_INDEX_META)?
        .get_attribute("content")
        .filter(|c| !c.is_empty())
}

async fn fetch_set(url: &str) -> Result<FetchedSet, String> {
    let text = String::from_utf8(fetch_bytes(url).await?).map_err(|e| e.to_string())?;
    let manifest = ShardManifest::from_json(&text).map_err(|e| e.to_string())?;
    let base = match url.rfind('/') {
        Some(at) => url[..=at].to_string(),
        None => String::new(),
    };
    let table_url = format!("{base}{}", manifest.unit_table.name);
    let bytes = fetch_bytes(&table_url).await?;
    let table = UnitTable::from_bytes(&manifest, &bytes).map_err(|e| e.to_string())?;
    Ok(FetchedSet {
        base,
        manifest,
        table,
    })
}

#[cfg(target_arch = "wasm32")]
fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

#[cfg(not(target_arch = "wasm32"))]
fn spawn(_future: impl std::future::Future<Output = ()> + 'static) {}

#[cfg(target_arch = "wasm32")]
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_problem)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_problem)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_problem)?)
        .await
        .map_err(js_problem)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A thrown JS value in one line: an error's message (no stack).
#[cfg(target_arch = "wasm32")]
fn js_problem(value: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => value.as_string().unwrap_or_else(|| "fetch failed".into()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_bytes(_url: &str) -> Result<Vec<u8>, String> {
    Err("no network outside the browser".into())
}
