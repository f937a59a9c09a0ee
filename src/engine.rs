//! The search engine (index, segmenter, T→S converter) that search, the
//! reader's word boundaries and highlights, the compare and witness diffs
//! and the import of a user's copy all need.
//!
//! Built at most once per corpus, on first demand and never at start-up:
//! the library's cold start must not pay for segmenting the whole corpus.
//! The shell places an [`EngineProvider`]; it provides a [`LazyEngine`]
//! through a context, and views ask for the engine with
//! [`use_search_engine`](crate::hooks::use_search_engine::use_search_engine).

use std::cell::OnceCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use policy_core::search::{SearchEngine, StopWords};
use yew::prelude::*;

use crate::corpus_data::{CorpusHandle, SearchEngineHandle};

/// Builds the engine for `corpus` now. An error means embedded data
/// (dictionary, conversion tables) is broken; the caller shows it.
pub fn build_search_engine(corpus: &CorpusHandle) -> Result<SearchEngineHandle, String> {
    let started = crate::clock::now_ms();
    let engine = SearchEngine::new(corpus).map_err(|e| e.to_string())?;
    Ok(SearchEngineHandle {
        engine: Rc::new(engine),
        stop_words: Rc::new(StopWords::builtin()),
        build_ms: crate::clock::now_ms() - started,
    })
}

/// The engine as views see it: not built yet, or built (successfully or
/// not). Cheap to clone.
#[derive(Clone)]
pub struct LazyEngine {
    corpus: CorpusHandle,
    cell: Rc<OnceCell<Result<SearchEngineHandle, String>>>,
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
            built: true,
            on_built: Callback::noop(),
        }
    }

    /// The engine (or why it could not be built), if it has been built.
    pub fn get(&self) -> Option<Result<SearchEngineHandle, String>> {
        self.cell.get().cloned()
    }

    /// The engine, built now if needed (e.g. inside an import the user
    /// started, which cannot go on without it).
    pub fn force(&self) -> Result<SearchEngineHandle, String> {
        if let Some(built) = self.cell.get() {
            return built.clone();
        }
        let built = self
            .cell
            .get_or_init(|| build_search_engine(&self.corpus))
            .clone();
        self.on_built.emit(());
        built
    }

    /// Builds the engine just after the browser has painted what is on
    /// screen now, so that opening a view that needs it never freezes on
    /// the click: the view shows "preparing…" meanwhile.
    pub fn request(&self) {
        if self.cell.get().is_none() {
            let this = self.clone();
            Timeout::new(0, move || {
                let _ = this.force();
            })
            .forget();
        }
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
    let update = use_force_update();
    let engine = LazyEngine {
        corpus: props.corpus.clone(),
        cell: (*cell).clone(),
        built: cell.get().is_some(),
        on_built: Callback::from(move |()| update.force_update()),
    };
    html! {
        <ContextProvider<LazyEngine> context={engine}>
            { props.children.clone() }
        </ContextProvider<LazyEngine>>
    }
}
