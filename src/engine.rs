//! The search engine (index, segmenter, T→S converter) that search, the
//! reader's word boundaries and highlights, the compare and witness diffs
//! and the import of a user's copy all need.
//!
//! Built at most once per corpus, on first demand and never at start-up:
//! the library's cold start must not pay for segmenting the whole corpus.
//! The build runs in slices of about [`SLICE_MS`] between which the
//! browser paints and handles input, so that indexing a large library never
//! freezes the page; a view that cannot wait (an import the user started)
//! finishes it at once with [`LazyEngine::force`].
//! Each user library document joins the index as a part cached in
//! IndexedDB ([`crate::user_library::index_cache`]) when its stored part is
//! current, and is indexed afresh (and its part cached) otherwise.
//! The shell places an [`EngineProvider`]; it provides a [`LazyEngine`]
//! through a context, and views ask for the engine with
//! [`use_search_engine`](crate::hooks::use_search_engine::use_search_engine).

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use policy_core::search::{
    IndexPart, SearchEngine, SearchEngineBuilder, SearchIndexBuilder, StopWords,
};
use yew::prelude::*;

use crate::corpus_data::{CorpusHandle, LibraryParts, SearchEngineHandle};
use crate::search_shards::{self, HostedBuild, ShardedIndex, TableStep};
use crate::user_library::{index_cache, is_user_doc_id};

/// How long one slice of a background build may run before it yields to
/// the browser (well under the 50 ms that make a "long task").
pub const SLICE_MS: f64 = 12.0;

/// Units indexed (or cached parts merged) between two looks at the clock.
const UNITS_PER_CHECK: usize = 4;

/// How long a build waiting for the index cache sleeps between looks.
const CACHE_POLL_MS: u32 = 8;

/// Builds the engine for `corpus` now. An error means embedded data
/// (dictionary, conversion tables) is broken; the caller shows it.
pub fn build_search_engine(corpus: &CorpusHandle) -> Result<SearchEngineHandle, String> {
    let started = crate::clock::now_ms();
    let engine = SearchEngine::new(corpus).map_err(|e| e.to_string())?;
    Ok(handle(
        engine,
        crate::clock::now_ms() - started,
        LibraryParts::default(),
        None,
    ))
}

fn handle(
    engine: SearchEngine,
    build_ms: f64,
    library_parts: LibraryParts,
    shards: Option<Rc<ShardedIndex>>,
) -> SearchEngineHandle {
    SearchEngineHandle {
        engine: Rc::new(engine),
        stop_words: Rc::new(StopWords::builtin()),
        build_ms,
        library_parts,
        shards,
    }
}

/// The library documents' cached index parts, as far as they are read.
enum CacheState {
    /// Not asked for yet.
    NotAsked,
    /// Being read from IndexedDB.
    Loading,
    /// Read (empty when there is no cache or no IndexedDB).
    Ready(HashMap<String, js_sys::Uint8Array>),
}

/// A library document being indexed afresh, as its own part (to be cached).
struct FreshPart {
    fingerprint: u64,
    builder: SearchIndexBuilder,
}

/// A build in progress: the builder and when the build started.
struct PartialBuild {
    builder: SearchEngineBuilder,
    started_ms: f64,
    /// [`index_cache::part_stamp`] of this corpus.
    stamp: u64,
    /// The library document being indexed afresh, if any.
    fresh: Option<FreshPart>,
    /// Parts built afresh, encoded, to be stored once the engine is built.
    to_store: Vec<(String, Vec<u8>)>,
    parts: LibraryParts,
    /// Whether the hosted documents come from a shard set's unit table.
    hosted: HostedBuild,
}

/// What one step of a build did.
enum Step {
    Progress,
    /// The next document needs the index cache, which is still being read.
    WaitForCache,
    Done,
}

/// The engine as views see it: not built yet, or built (successfully or
/// not). Cheap to clone.
#[derive(Clone)]
pub struct LazyEngine {
    corpus: CorpusHandle,
    cell: Rc<OnceCell<Result<SearchEngineHandle, String>>>,
    /// The build in progress, between slices.
    partial: Rc<RefCell<Option<PartialBuild>>>,
    /// The library's cached index parts.
    cache: Rc<RefCell<CacheState>>,
    /// Set when the corpus changed (the library was read or edited): the
    /// background build of this one stops.
    superseded: Rc<Cell<bool>>,
    /// Whether the value existed when this context value was provided. Part
    /// of equality, so that the build re-renders every view that asked.
    built: bool,
    /// Tells the provider the value now exists.
    on_built: Callback<()>,
}

impl PartialEq for LazyEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cell, &other.cell) && self.built == other.built
    }
}

impl LazyEngine {
    /// A value built already, for a view rendered without the shell (tests
    /// of one view).
    pub fn built(corpus: CorpusHandle, engine: Result<SearchEngineHandle, String>) -> Self {
        LazyEngine {
            corpus,
            cell: Rc::new(OnceCell::from(engine)),
            partial: Rc::default(),
            cache: Rc::new(RefCell::new(CacheState::Ready(HashMap::new()))),
            superseded: Rc::default(),
            built: true,
            on_built: Callback::noop(),
        }
    }

    /// The engine (or why it could not be built), if it has been built.
    pub fn get(&self) -> Option<Result<SearchEngineHandle, String>> {
        self.cell.get().cloned()
    }

    /// The engine, built now if needed (e.g. inside an import the user
    /// started, which cannot go on without it): a build in progress is
    /// finished at once (library documents whose cached parts are not read
    /// yet are indexed afresh).
    pub fn force(&self) -> Result<SearchEngineHandle, String> {
        if let Some(built) = self.cell.get() {
            return built.clone();
        }
        self.advance(f64::INFINITY, false);
        match self.cell.get() {
            Some(built) => built.clone(),
            None => Err("search engine build did not finish".to_string()),
        }
    }

    /// Builds the engine in slices, starting just after the browser has
    /// painted what is on screen now, so that opening a view that needs it
    /// never freezes on the click: the view shows "preparing…" meanwhile.
    /// The library's cached index parts are read meanwhile.
    pub fn request(&self) {
        if self.cell.get().is_none() && self.partial.borrow().is_none() {
            self.load_cache();
            search_shards::prefetch();
            self.schedule_slice(0);
        }
    }

    /// Starts reading the cached parts of the library's documents (none
    /// to read: ready at once).
    fn load_cache(&self) {
        if !matches!(*self.cache.borrow(), CacheState::NotAsked) {
            return;
        }
        let ids: Vec<String> = self
            .corpus
            .documents
            .iter()
            .filter(|d| is_user_doc_id(&d.id))
            .map(|d| d.id.clone())
            .collect();
        if ids.is_empty() || !cfg!(target_arch = "wasm32") {
            *self.cache.borrow_mut() = CacheState::Ready(HashMap::new());
            return;
        }
        *self.cache.borrow_mut() = CacheState::Loading;
        let cache = self.cache.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let parts = index_cache::load(&ids).await;
            *cache.borrow_mut() = CacheState::Ready(parts);
        });
    }

    fn schedule_slice(&self, delay_ms: u32) {
        let this = self.clone();
        Timeout::new(delay_ms, move || {
            if this.superseded.get() {
                return;
            }
            match this.advance(SLICE_MS, true) {
                Step::Done => {}
                Step::Progress => this.schedule_slice(0),
                Step::WaitForCache => this.schedule_slice(CACHE_POLL_MS),
            }
        })
        .forget();
    }

    /// Runs the build for about `budget_ms` (the first slice loads the
    /// segmenter and the tables, whatever its budget). `Done` when the
    /// engine (or the reason it cannot be built) is there; when
    /// `may_wait`, a build that reaches a library document before the
    /// index cache is read stops there (`WaitForCache`).
    fn advance(&self, budget_ms: f64, may_wait: bool) -> Step {
        if self.cell.get().is_some() {
            return Step::Done;
        }
        let slice_start = crate::clock::now_ms();
        let mut partial = self.partial.borrow_mut();
        let mut build = match partial.take() {
            Some(build) => build,
            None => match SearchEngineBuilder::new(&self.corpus) {
                Ok(builder) => PartialBuild {
                    builder,
                    started_ms: slice_start,
                    stamp: index_cache::part_stamp(&self.corpus.regions),
                    fresh: None,
                    to_store: Vec::new(),
                    parts: LibraryParts::default(),
                    hosted: HostedBuild::default(),
                },
                Err(e) => {
                    drop(partial);
                    self.store(Err(e.to_string()));
                    return Step::Done;
                }
            },
        };
        let mut step = Step::Progress;
        while matches!(step, Step::Progress) && crate::clock::now_ms() - slice_start < budget_ms {
            step = self.step(&mut build, may_wait);
        }
        if !matches!(step, Step::Done) {
            *partial = Some(build);
            return step;
        }
        drop(partial);
        let PartialBuild {
            builder,
            started_ms,
            to_store,
            parts,
            hosted,
            ..
        } = build;
        let engine = builder.finish(&self.corpus);
        self.store(Ok(handle(
            engine,
            crate::clock::now_ms() - started_ms,
            parts,
            search_shards::sharded_index(&hosted),
        )));
        if !to_store.is_empty() && cfg!(target_arch = "wasm32") {
            wasm_bindgen_futures::spawn_local(index_cache::store(to_store));
        }
        Step::Done
    }

    /// A few units of the build: of a bundled document, of a library
    /// document indexed afresh, or one library document's cached part.
    fn step(&self, build: &mut PartialBuild, may_wait: bool) -> Step {
        let corpus = &self.corpus;
        let Some(doc_index) = build.builder.next_document() else {
            return Step::Done;
        };
        let Some(doc) = corpus.documents.get(doc_index) else {
            return Step::Done;
        };
        match search_shards::step(&mut build.hosted, &mut build.builder, corpus, may_wait) {
            TableStep::Stepped => return Step::Progress,
            TableStep::Wait => return Step::WaitForCache,
            TableStep::NotUsed => {}
        }
        if let Some(fresh) = build.fresh.as_mut() {
            if build
                .builder
                .step_part(&mut fresh.builder, corpus, UNITS_PER_CHECK)
            {
                self.push_fresh_part(build, doc_index);
            }
            return Step::Progress;
        }
        if !is_user_doc_id(&doc.id) {
            build.builder.step_in_document(corpus, UNITS_PER_CHECK);
            return Step::Progress;
        }
        let stored = match &*self.cache.borrow() {
            CacheState::Ready(parts) => parts.get(&doc.id).map(js_sys::Uint8Array::to_vec),
            CacheState::Loading | CacheState::NotAsked if may_wait => return Step::WaitForCache,
            _ => None,
        };
        let fingerprint = index_cache::document_fingerprint(doc);
        let cached = stored.and_then(|bytes| {
            let part = index_cache::decode(&bytes, build.stamp, fingerprint)?;
            IndexPart::from_bytes(part).ok()
        });
        if let Some(part) = cached {
            if build.builder.push_part(corpus, part) {
                build.parts.cached += 1;
                return Step::Progress;
            }
        }
        // Not cached, stale or damaged: indexed afresh (and cached).
        build.fresh = Some(FreshPart {
            fingerprint,
            builder: build.builder.part_builder(corpus, doc_index),
        });
        Step::Progress
    }

    /// Merges the library document just indexed afresh and keeps its part
    /// for the cache.
    fn push_fresh_part(&self, build: &mut PartialBuild, doc_index: usize) {
        let Some(fresh) = build.fresh.take() else {
            return;
        };
        let corpus = &self.corpus;
        let Some(part) = fresh.builder.into_part() else {
            // Cannot happen for a finished part builder; index it directly.
            while !build.builder.step_in_document(corpus, usize::MAX) {}
            return;
        };
        if let Ok(bytes) = part.to_bytes() {
            build.to_store.push((
                part.doc_id().to_string(),
                index_cache::encode(build.stamp, fresh.fingerprint, &bytes),
            ));
        }
        if build.builder.push_part(corpus, part) {
            build.parts.built += 1;
        } else if build.builder.next_document() == Some(doc_index) {
            while !build.builder.step_in_document(corpus, usize::MAX) {}
        }
    }

    fn store(&self, built: Result<SearchEngineHandle, String>) {
        let _ = self.cell.set(built);
        self.on_built.emit(());
    }
}

#[derive(Properties, PartialEq)]
pub struct EngineProviderProps {
    pub corpus: CorpusHandle,
    pub children: Html,
}

/// Provides the [`LazyEngine`] of `corpus` to everything inside it, and
/// re-renders the views that use it once it is built.
#[component]
pub fn EngineProvider(props: &EngineProviderProps) -> Html {
    let cell = use_memo(props.corpus.clone(), |_| {
        Rc::new(OnceCell::<Result<SearchEngineHandle, String>>::new())
    });
    let partial = use_memo(props.corpus.clone(), |_| {
        Rc::new(RefCell::new(None::<PartialBuild>))
    });
    let cache = use_memo(props.corpus.clone(), |_| {
        Rc::new(RefCell::new(CacheState::NotAsked))
    });
    let superseded = use_memo(props.corpus.clone(), |_| Rc::new(Cell::new(false)));
    {
        // When the corpus changes (the library was read or edited), the
        // build for the previous one stops taking slices.
        let superseded = (*superseded).clone();
        use_effect_with(props.corpus.clone(), move |_| move || superseded.set(true));
    }
    let update = use_force_update();
    let engine = LazyEngine {
        corpus: props.corpus.clone(),
        cell: (*cell).clone(),
        partial: (*partial).clone(),
        cache: (*cache).clone(),
        superseded: (*superseded).clone(),
        built: cell.get().is_some(),
        on_built: Callback::from(move |()| update.force_update()),
    };
    html! {
        <ContextProvider<LazyEngine> context={engine}>
            { props.children.clone() }
        </ContextProvider<LazyEngine>>
    }
}
