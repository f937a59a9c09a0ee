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
//! The shell places an [`EngineProvider`]; it provides a [`LazyEngine`]
//! through a context, and views ask for the engine with
//! [`use_search_engine`](crate::hooks::use_search_engine::use_search_engine).

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use policy_core::search::{SearchEngine, SearchEngineBuilder, StopWords};
use yew::prelude::*;

use crate::corpus_data::{CorpusHandle, SearchEngineHandle};

/// How long one slice of a background build may run before it yields to
/// the browser (well under the 50 ms that make a "long task").
pub const SLICE_MS: f64 = 12.0;

/// Units indexed between two looks at the clock.
const UNITS_PER_CHECK: usize = 4;

/// Builds the engine for `corpus` now. An error means embedded data
/// (dictionary, conversion tables) is broken; the caller shows it.
pub fn build_search_engine(corpus: &CorpusHandle) -> Result<SearchEngineHandle, String> {
    let started = crate::clock::now_ms();
    let engine = SearchEngine::new(corpus).map_err(|e| e.to_string())?;
    Ok(handle(engine, crate::clock::now_ms() - started))
}

fn handle(engine: SearchEngine, build_ms: f64) -> SearchEngineHandle {
    SearchEngineHandle {
        engine: Rc::new(engine),
        stop_words: Rc::new(StopWords::builtin()),
        build_ms,
    }
}

/// A build in progress: the builder and when the build started.
struct PartialBuild {
    builder: SearchEngineBuilder,
    started_ms: f64,
}

/// The engine as views see it: not built yet, or built (successfully or
/// not). Cheap to clone.
#[derive(Clone)]
pub struct LazyEngine {
    corpus: CorpusHandle,
    cell: Rc<OnceCell<Result<SearchEngineHandle, String>>>,
    /// The build in progress, between slices.
    partial: Rc<RefCell<Option<PartialBuild>>>,
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
    /// finished at once.
    pub fn force(&self) -> Result<SearchEngineHandle, String> {
        if let Some(built) = self.cell.get() {
            return built.clone();
        }
        self.advance(f64::INFINITY);
        match self.cell.get() {
            Some(built) => built.clone(),
            None => Err("search engine build did not finish".to_string()),
        }
    }

    /// Builds the engine in slices, starting just after the browser has
    /// painted what is on screen now, so that opening a view that needs it
    /// never freezes on the click: the view shows "preparing…" meanwhile.
    pub fn request(&self) {
        if self.cell.get().is_none() && self.partial.borrow().is_none() {
            self.schedule_slice();
        }
    }

    fn schedule_slice(&self) {
        let this = self.clone();
        Timeout::new(0, move || {
            if !this.advance(SLICE_MS) {
                this.schedule_slice();
            }
        })
        .forget();
    }

    /// Runs the build for about `budget_ms` (the first slice loads the
    /// segmenter and the tables, whatever its budget). True when the
    /// engine (or the reason it cannot be built) is there.
    fn advance(&self, budget_ms: f64) -> bool {
        if self.cell.get().is_some() {
            return true;
        }
        let slice_start = crate::clock::now_ms();
        let mut partial = self.partial.borrow_mut();
        let build = match partial.take() {
            Some(build) => build,
            None => match SearchEngineBuilder::new(&self.corpus) {
                Ok(builder) => PartialBuild {
                    builder,
                    started_ms: slice_start,
                },
                Err(e) => {
                    drop(partial);
                    self.store(Err(e.to_string()));
                    return true;
                }
            },
        };
        let PartialBuild {
            mut builder,
            started_ms,
        } = build;
        let mut done = false;
        while !done && crate::clock::now_ms() - slice_start < budget_ms {
            done = builder.step(&self.corpus, UNITS_PER_CHECK);
        }
        if !done {
            *partial = Some(PartialBuild {
                builder,
                started_ms,
            });
            return false;
        }
        drop(partial);
        let engine = builder.finish(&self.corpus);
        self.store(Ok(handle(engine, crate::clock::now_ms() - started_ms)));
        true
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
    let update = use_force_update();
    let engine = LazyEngine {
        corpus: props.corpus.clone(),
        cell: (*cell).clone(),
        partial: (*partial).clone(),
        built: cell.get().is_some(),
        on_built: Callback::from(move |()| update.force_update()),
    };
    html! {
        <ContextProvider<LazyEngine> context={engine}>
            { props.children.clone() }
        </ContextProvider<LazyEngine>>
    }
}
