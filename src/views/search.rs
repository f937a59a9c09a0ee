//! `#/search?q=…&region=…&mechanism=…&doc=…&level=…&year=…`: the search
//! screen. The URL is the source of truth: the request is parsed from it
//! (ignored parameters become visible notices) and every change made here
//! writes the canonical URL back ([`crate::url::search`]) — replacing the history
//! entry while typing, pushing a new one on submit and on filter clicks —
//! so a permalink, reload, back and forward all give the same screen.
//!
//! The engine is built on first use (not at start-up); until then the view
//! shows a short "preparing" message. `#search-view` carries
//! `data-engine-ms` and `data-search-ms` for tests and benchmarks, and how
//! many library documents joined the index from the index cache or were
//! indexed afresh (`data-index-cached`, `data-index-built`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use policy_core::search::{
    term_frequencies, FilterValue, SearchRequest, SearchResults, TermCountJob, TermFrequencies,
};
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::components::search_export::SearchExport;
use crate::components::search_facets::SearchFacets;
use crate::components::search_notices::{no_results_lines, SearchNotices};
use crate::components::search_query_box::SearchQueryBox;
use crate::components::search_results::SearchResultsList;
use crate::components::search_term_chart::SearchTermChart;
use crate::corpus_data::{CorpusHandle, SearchEngineHandle};
use crate::dom;
use crate::hooks::use_search_engine::use_search_engine;
use crate::i18n::Lang;
use crate::route::Route;
use crate::scheduling::{spawn_until_superseded, yield_to_browser, SLICE_MS};
use crate::search_shards::ShardedSearch;
use crate::url::search::{parse_search_url, search_query, typed_query, UrlNotice};

/// Typing waits this long for a pause before searching and writing the URL.
const DEBOUNCE_MS: u32 = 150;
/// Hits rendered at first, and added by "show more".
const PAGE: usize = 100;
/// Words per group in the term chart.
const TOP_TERMS: usize = 5;
/// Hits whose terms are counted with the results; more are counted on a
/// later task.
const COUNT_AT_ONCE: usize = 1000;

/// Hits counted (or groups ranked) between two looks at the clock.
const TERM_PIECES_PER_CHECK: usize = 16;
/// Result sets up to this many hits render in one task; a larger one (a
/// large library) renders in stages, see [`RenderStage`].
const RENDER_AT_ONCE: usize = 1000;
/// Hits in the first paint of a large result set.
const FIRST_HITS: usize = 25;

/// How far the screen has rendered a large result set. Each stage is one
/// task, so the first paint (the count and the first hits) does not wait
/// for the rest of the page, the facets and the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum RenderStage {
    /// The count and the first [`FIRST_HITS`] hits; the facets still show
    /// the previous results'.
    FirstHits,
    /// The whole page of hits.
    AllHits,
    /// The facets too: everything.
    Complete,
}

/// Moves `stage` to [`RenderStage::AllHits`], then [`RenderStage::Complete`],
/// one later task each; stops when `superseded` was set meanwhile.
async fn render_in_stages(
    results: Rc<SearchResults>,
    stage: UseStateHandle<Option<(Rc<SearchResults>, RenderStage)>>,
    superseded: Rc<Cell<bool>>,
) {
    for next in [RenderStage::AllHits, RenderStage::Complete] {
        yield_to_browser().await;
        if superseded.get() {
            return;
        }
        stage.set(Some((results.clone(), next)));
    }
}

fn count_terms(engine: &SearchEngineHandle, results: &SearchResults) -> TermFrequencies {
    term_frequencies(
        engine.engine.index(),
        &results.hits,
        &engine.stop_words,
        TOP_TERMS,
    )
}

/// [`count_terms`] on later tasks, in slices of about [`SLICE_MS`]; `None`
/// when `superseded` was set meanwhile.
async fn count_terms_in_slices(
    engine: &SearchEngineHandle,
    results: &SearchResults,
    superseded: &Cell<bool>,
) -> Option<TermFrequencies> {
    let mut job = TermCountJob::new(
        engine.engine.index(),
        &results.hits,
        &engine.stop_words,
        TOP_TERMS,
    );
    loop {
        // First after the results are shown, then between slices.
        yield_to_browser().await;
        if superseded.get() {
            return None;
        }
        let slice_start = crate::clock::now_ms();
        while crate::clock::now_ms() - slice_start < SLICE_MS {
            if job.step(TERM_PIECES_PER_CHECK) {
                return Some(job.run());
            }
        }
    }
}

#[component]
pub fn SearchView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(corpus) = use_context::<CorpusHandle>() else {
        return html! {};
    };
    let query_str = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();

    // The shared engine, built just after the first paint if need be, so
    // the page shows "preparing…" instead of freezing on the link click.
    let engine = use_search_engine(true);
    {
        use_effect_with(lang, |lang| {
            dom::set_title(lang.search_strings().page_title_search)
        });
    }

    let strings = lang.search_strings();
    let body = match &engine {
        None => {
            html! { <p class="search-preparing" role="status">{ strings.search_preparing }</p> }
        }
        Some(Err(error)) => html! {
            <p class="search-error" role="alert">{ strings.search_engine_error }{ " " }<code>{ error.clone() }</code></p>
        },
        Some(Ok(handle)) => html! {
            <SearchScreen {lang} corpus={corpus.clone()} engine={handle.clone()} query_str={query_str} />
        },
    };
    let built = engine.as_ref().and_then(|e| e.as_ref().ok());
    html! {
        <section id="search-view" class="search-view" aria-labelledby="search-heading"
            data-engine-ms={built.map(|h| format!("{:.1}", h.build_ms))}
            data-index-cached={built.map(|h| h.library_parts.cached.to_string())}
            data-index-built={built.map(|h| h.library_parts.built.to_string())}>
            <h1 id="search-heading" class="page-heading">{ strings.search_heading }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SearchScreenProps {
    lang: Lang,
    corpus: CorpusHandle,
    engine: SearchEngineHandle,
    /// `?q=…` as found in the location (with the `?`, or empty).
    query_str: AttrValue,
}

/// The search screen once the engine exists.
#[component]
fn SearchScreen(props: &SearchScreenProps) -> Html {
    let lang = props.lang;
    let strings = lang.search_strings();
    let navigator = use_navigator();

    let parsed: Rc<(SearchRequest, Vec<UrlNotice>)> =
        use_memo(props.query_str.clone(), |q| parse_search_url(q));
    let request = parsed.0.clone();

    // With a hosted shard set, a search may first fetch shards: the
    // screen says "loading…" instead of results meanwhile, and the search
    // runs again when they arrive.
    let shard_fetches = use_shard_fetches(&props.engine);
    let outcome: Rc<(Rc<SearchResults>, f64, ShardStatus)> = {
        let engine = props.engine.clone();
        use_memo((request.clone(), shard_fetches), move |(request, _)| {
            let started = crate::clock::now_ms();
            let (results, status) = match &engine.shards {
                None => (engine.engine.search(request), ShardStatus::Ready),
                Some(shards) => match shards.search(&engine.engine, request, usize::MAX) {
                    ShardedSearch::Ready(results) => (*results, ShardStatus::Ready),
                    ShardedSearch::Loading => {
                        return (Rc::default(), 0.0, ShardStatus::Loading);
                    }
                    ShardedSearch::Failed(problem) => {
                        return (Rc::default(), 0.0, ShardStatus::Failed(problem));
                    }
                },
            };
            (Rc::new(results), crate::clock::now_ms() - started, status)
        })
    };
    let results = outcome.0.clone();
    // The term chart's counts go over every hit. A few hundred are counted
    // with the results; thousands (a large library) after the results have
    // been shown, in slices of about SLICE_MS between which the browser
    // paints and answers input. Until then the chart shows the previous
    // counts, marked busy.
    let at_once: Rc<Option<Rc<TermFrequencies>>> = {
        let engine = props.engine.clone();
        use_memo(results.clone(), move |results| {
            (results.hits.len() <= COUNT_AT_ONCE).then(|| Rc::new(count_terms(&engine, results)))
        })
    };
    let counted: UseStateHandle<Option<(Rc<SearchResults>, Rc<TermFrequencies>)>> =
        use_state(|| None);
    {
        let counted = counted.clone();
        let engine = props.engine.clone();
        let later = at_once.is_none();
        use_effect_with(results.clone(), move |results| {
            // New results before the count ended: that count stops.
            let results = results.clone();
            spawn_until_superseded(move |superseded| async move {
                if !later {
                    return;
                }
                if let Some(frequencies) =
                    count_terms_in_slices(&engine, &results, &superseded).await
                {
                    counted.set(Some((results, Rc::new(frequencies))));
                }
            })
        });
    }
    // A large result set renders in stages (one task each), the earlier
    // stages of the previous results stop when new ones arrive.
    let staged: UseStateHandle<Option<(Rc<SearchResults>, RenderStage)>> = use_state(|| None);
    {
        let staged = staged.clone();
        use_effect_with(results.clone(), move |results| {
            let results = results.clone();
            spawn_until_superseded(move |superseded| async move {
                if results.hits.len() > RENDER_AT_ONCE {
                    render_in_stages(results, staged, superseded).await;
                }
            })
        });
    }
    let stage = match &*staged {
        _ if results.hits.len() <= RENDER_AT_ONCE => RenderStage::Complete,
        // Equal results from a repeated search keep their stage (the
        // effect above does not run again for them).
        Some((of, stage)) if Rc::ptr_eq(of, &results) || **of == *results => *stage,
        _ => RenderStage::FirstHits,
    };
    // The facets follow the results once complete; until then they keep
    // showing the last complete results' (nothing before the first).
    let facets_shown: Rc<RefCell<Option<Rc<SearchResults>>>> = use_mut_ref(|| None);
    if stage == RenderStage::Complete {
        *facets_shown.borrow_mut() = Some(results.clone());
    }
    let facets = facets_shown
        .borrow()
        .as_ref()
        .map(|shown| shown.facets.clone())
        .unwrap_or_default();
    let render_hits = if stage == RenderStage::FirstHits {
        FIRST_HITS
    } else {
        usize::MAX
    };

    let (frequencies, counting) = match (&*at_once, &*counted) {
        (Some(frequencies), _) => (Some(frequencies.clone()), false),
        (None, Some((of, frequencies))) => (Some(frequencies.clone()), !Rc::ptr_eq(of, &results)),
        (None, None) => (None, true),
    };

    // The text in the box. It follows the URL, except for URLs this view
    // wrote itself while the user was typing (so a rejected character does
    // not vanish from under the cursor).
    let typed = use_state(|| request.query.clone());
    let written: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let typed = typed.clone();
        let written = written.clone();
        let query = request.query.clone();
        use_effect_with(props.query_str.clone(), move |query_str| {
            // Forget the written URL once seen: coming back to it later
            // (back / forward) must update the box like any other URL.
            let ours = written.borrow_mut().take().as_deref() == Some(query_str.as_str());
            if !ours && *typed != query {
                typed.set(query);
            }
        });
    }
    let window = use_state(|| 20usize);
    let limit = use_state(|| PAGE);
    {
        let limit = limit.clone();
        use_effect_with(request.clone(), move |_| limit.set(PAGE));
    }
    {
        let ready = matches!(outcome.2, ShardStatus::Ready);
        use_effect_with((request.clone(), ready), |(_, ready)| {
            if *ready {
                dom::mark_ready("search");
            }
        });
    }

    // Writes a request to the URL: `replace` while typing, push otherwise.
    let go = {
        let written = written.clone();
        let current = props.query_str.clone();
        Callback::from(move |(next, replace): (SearchRequest, bool)| {
            let Some(navigator) = navigator.as_ref() else {
                return;
            };
            let query = search_query(&next);
            let with_mark = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            if with_mark == current.as_str() {
                return; // already there: no history entry for nothing
            }
            *written.borrow_mut() = Some(with_mark);
            let query = (!query.is_empty()).then_some(query);
            match (query, replace) {
                (None, true) => navigator.replace(&Route::Search),
                (None, false) => navigator.push(&Route::Search),
                (Some(q), true) => {
                    let _ = navigator.replace_with_query(&Route::Search, Raw(q));
                }
                (Some(q), false) => {
                    let _ = navigator.push_with_query(&Route::Search, Raw(q));
                }
            }
        })
    };

    let on_input = {
        let typed = typed.clone();
        let pending = pending.clone();
        let go = go.clone();
        let request = request.clone();
        Callback::from(move |text: String| {
            typed.set(text.clone());
            let go = go.clone();
            let mut next = request.clone();
            let pending_inner = pending.clone();
            *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                pending_inner.borrow_mut().take();
                next.query = typed_query(&text).0;
                go.emit((next, true));
            }));
        })
    };
    let on_submit = {
        let pending = pending.clone();
        let go = go.clone();
        let request = request.clone();
        Callback::from(move |text: String| {
            pending.borrow_mut().take();
            let mut next = request.clone();
            next.query = typed_query(&text).0;
            go.emit((next, false));
        })
    };
    let on_toggle = {
        let go = go.clone();
        let request = request.clone();
        let typed = typed.clone();
        let pending = pending.clone();
        Callback::from(move |value: FilterValue| {
            pending.borrow_mut().take();
            let mut next = request.clone();
            next.query = typed_query(&typed).0;
            next.toggle(&value);
            go.emit((next, false));
        })
    };
    let on_clear = {
        let go = go.clone();
        let request = request.clone();
        Callback::from(move |()| {
            go.emit((SearchRequest::with_query(request.query.clone()), false));
        })
    };
    let on_window = {
        let window = window.clone();
        Callback::from(move |n: usize| window.set(n))
    };
    let on_show_more = {
        let limit = limit.clone();
        Callback::from(move |()| limit.set(*limit + PAGE))
    };

    // A query of only a minus sign or empty quotes searches for nothing:
    // say so instead of presenting every unit as a match.
    let searched = matches!(outcome.2, ShardStatus::Ready);
    let no_terms = (searched && !request.query.trim().is_empty() && results.query.is_empty())
        .then(|| AttrValue::from(request.query.clone()));
    let browsing =
        (request.query.trim().is_empty() || no_terms.is_some()) && request.has_no_filters();
    let typed_left_out = typed_query(&typed).1;
    let no_results = results
        .diagnosis
        .as_ref()
        .filter(|_| results.total == 0)
        .map(|d| no_results_lines(strings, &request.query, d));

    html! {
        <div class="search-screen" data-search-ms={format!("{:.2}", outcome.1)}
            data-index-shards={props.engine.shards.as_ref().map(|s| s.loaded_count().to_string())}
            data-shards-state={props.engine.shards.as_ref().map(|_| outcome.2.id())}>
            <SearchQueryBox {lang} value={(*typed).clone()} {on_input} {on_submit} />
            { shard_status_line(lang, &outcome.2, &props.engine) }
            <SearchNotices {lang} url_notices={parsed.1.clone()} filter_notices={results.notices.clone()}
                {typed_left_out} {no_terms} />
            // Hidden rather than left out while shards load: the page's
            // structure stays the same whichever state it is in.
            <div class="search-layout" hidden={!searched}>
                <aside class="search-layout__facets" aria-label={strings.search_filters_heading}>
                    <SearchFacets {lang} corpus={props.corpus.clone()} {facets}
                        {on_toggle} {on_clear} />
                </aside>
                <div class="search-layout__results">
                    if browsing {
                        <p class="search-hint">{ strings.search_browse_hint }</p>
                    }
                    if let Some(lines) = no_results {
                        <div class="search-empty" data-testid="search-no-results">
                            { for lines.into_iter().map(|line| html! { <p>{ line }</p> }) }
                        </div>
                    }
                    <SearchExport {lang} engine={props.engine.clone()} results={results.clone()} window={*window} />
                    <SearchResultsList {lang} corpus={props.corpus.clone()} engine={props.engine.clone()}
                        results={results.clone()} query={AttrValue::from(request.query.clone())}
                        window={*window} {on_window} limit={*limit} {render_hits} {on_show_more} />
                </div>
                <div class="search-layout__chart">
                    <SearchTermChart {lang} corpus={props.corpus.clone()} {frequencies} busy={counting} />
                </div>
            </div>
        </div>
    }
}

/// Whether a search over a hosted shard set could run.
#[derive(Debug, Clone, PartialEq)]
enum ShardStatus {
    Ready,
    /// Shards it needs are being fetched.
    Loading,
    /// A shard it needs could not be fetched (why).
    Failed(String),
}

impl ShardStatus {
    fn id(&self) -> &'static str {
        match self {
            ShardStatus::Ready => "ready",
            ShardStatus::Loading => "loading",
            ShardStatus::Failed(_) => "failed",
        }
    }
}

/// The sharded index's generation (a new value re-runs the search); the
/// view renders again whenever a shard fetch ends.
#[hook]
fn use_shard_fetches(engine: &SearchEngineHandle) -> u32 {
    let update = use_force_update();
    let rendered = engine
        .shards
        .as_ref()
        .map_or(0, |shards| shards.generation());
    use_effect_with(engine.clone(), move |engine| {
        let subscription = engine.shards.clone().map(|shards| {
            let on_fetched = update.clone();
            let id = shards.subscribe(Callback::from(move |()| on_fetched.force_update()));
            // A fetch that ended between the render and this effect told
            // nobody: catch up.
            if shards.generation() != rendered {
                update.force_update();
            }
            (shards, id)
        });
        move || {
            if let Some((shards, id)) = subscription {
                shards.unsubscribe(id);
            }
        }
    });
    rendered
}

/// "Loading the search index…", or the fetch error with a retry (always
/// one element, empty when searched, so that the screen's structure never
/// changes with the state).
fn shard_status_line(lang: Lang, status: &ShardStatus, engine: &SearchEngineHandle) -> Html {
    html! {
        <div class="search-shards-status">{ shard_status(lang, status, engine) }</div>
    }
}

fn shard_status(lang: Lang, status: &ShardStatus, engine: &SearchEngineHandle) -> Html {
    let strings = lang.search_strings();
    match status {
        ShardStatus::Ready => html! {},
        ShardStatus::Loading => html! {
            <p class="search-preparing search-shards-loading" role="status">{ strings.search_shards_loading }</p>
        },
        ShardStatus::Failed(problem) => {
            let shards = engine.shards.clone();
            let retry = Callback::from(move |_: MouseEvent| {
                if let Some(shards) = &shards {
                    shards.retry();
                }
            });
            html! {
                <div class="search-error search-shards-error" role="alert">
                    <p>{ strings.search_shards_failed }{ " " }<code>{ problem.clone() }</code></p>
                    <button type="button" class="button search-shards-retry" onclick={retry}>{ strings.search_shards_retry }</button>
                </div>
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::search::to_search_url;
    use policy_core::model::Mechanism;

    #[test]
    fn toggling_a_filter_twice_restores_the_url() {
        let mut request = SearchRequest::with_query("生态补偿");
        let before = to_search_url(&request);
        let region = FilterValue::Region("sichuan".into());
        let mechanism = FilterValue::Mechanism(Mechanism::Compensation);
        request.toggle(&region);
        request.toggle(&mechanism);
        assert_eq!(
            to_search_url(&request),
            "#/search?q=%E7%94%9F%E6%80%81%E8%A1%A5%E5%81%BF&region=sichuan&mechanism=compensation"
        );
        request.toggle(&region);
        request.toggle(&mechanism);
        assert_eq!(to_search_url(&request), before);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests {
    use yew::prelude::*;
    use yew_router::history::{AnyHistory, History, MemoryHistory};
    use yew_router::prelude::*;
    use yew_router::query::Raw;

    use super::SearchView;
    use crate::corpus_data::CorpusHandle;
    use crate::engine::{build_search_engine, LazyEngine};
    use crate::i18n::Lang;

    #[derive(Properties, PartialEq)]
    struct P {
        url: String,
    }

    #[component]
    fn Harness(props: &P) -> Html {
        let corpus: CorpusHandle = crate::corpus_data::bundled_corpus().expect("bundled corpus");
        // Built ahead, as a first visit would have built it.
        let engine = LazyEngine::built(corpus.clone(), build_search_engine(&corpus));
        let history = AnyHistory::from(MemoryHistory::new());
        // MemoryHistory::push refuses a query string; push_with_query takes it.
        match props.url.split_once('?') {
            Some((path, query)) => {
                let _ = history.push_with_query(path, Raw(query.to_string()));
            }
            None => history.push(props.url.clone()),
        }
        html! {
            <Router {history}>
                <ContextProvider<Lang> context={Lang::En}>
                    <ContextProvider<CorpusHandle> context={corpus}>
                        <ContextProvider<LazyEngine> context={engine}>
                            <SearchView />
                        </ContextProvider<LazyEngine>>
                    </ContextProvider<CorpusHandle>>
                </ContextProvider<Lang>>
            </Router>
        }
    }

    fn render(url: &str) -> String {
        let url = url.to_string();
        let renderer =
            yew::ServerRenderer::<Harness>::with_props(move || P { url }).hydratable(false);
        let html = futures::executor::block_on(renderer.render());
        assert!(!html.contains("style="), "no inline styles");
        html
    }

    #[test]
    fn a_search_url_renders_hits_with_marks_facets_and_counts() {
        let html = render("/search?q=%E6%A9%AB%E5%90%91%E7%94%9F%E6%85%8B%E8%A3%9C%E5%84%9F");
        assert!(html.contains("id=\"search-total\""), "{html}");
        assert!(html.contains("aria-live=\"polite\""));
        assert!(
            html.contains("data-hit-doc="),
            "traditional query finds hits"
        );
        assert!(
            html.contains("<mark class=\"kwic__match\">"),
            "matches are marked"
        );
        assert!(html.contains("data-facet=\"mechanism\""));
        assert!(html.contains("class=\"facet-count\""));
        assert!(
            html.contains("?hl=%E6%A9%AB"),
            "reader links carry the query"
        );
        assert!(html.contains("id=\"export-csv\"") && html.contains("id=\"export-json\""));
        assert!(html.contains("<svg"), "term chart");
    }

    #[test]
    fn hostile_parameters_become_text_notices() {
        let html =
            render("/search?q=%3Cimg%20src=x%20onerror=alert(1)%3E&region=%3Cscript%3E&evil=1");
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
        assert_eq!(
            html.matches("data-testid=\"search-notice\"").count(),
            3,
            "{html}"
        );
        assert!(html.contains("“evil”"));
    }
}
