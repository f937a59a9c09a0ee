//! The application shell: router, state, page chrome, and the switch from
//! [`Route`] to view.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::classroom::{tours_context, Classroom};
use crate::components::embed_bar::EmbedBar;
use crate::components::library_gate::LibraryGate;
use crate::components::notice_list::NoticeList;
use crate::components::print_footer::PrintFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::corpus_data::{CorpusHandle, ImportedCopy, MyCopyContext};
use crate::dom::{self, MAIN_ID};
use crate::embed::bridge::EmbedBridge;
use crate::embed::environment::Environment;
#[cfg(not(feature = "first-load"))]
use crate::engine::EngineProvider;
#[cfg(feature = "first-load")]
use crate::hand_over::{HandOverProvider, HandOverView};
use crate::hash_guard::HashGuardLink;
use crate::hooks::use_persisted_copy::use_persisted_copy;
use crate::hooks::use_persisted_tours::use_persisted_tours;
use crate::hooks::use_user_library::{use_user_library, UserLibraryContext};
use crate::i18n::Lang;
use crate::preferences;
use crate::route::Route;
use crate::state::{Action, NoticeKind, State};
use crate::tours::{ActiveTour, ToursContext, UserTours};
#[cfg(not(feature = "first-load"))]
use crate::views::compare::CompareView;
use crate::views::corpus_error::CorpusErrorView;
use crate::views::library::LibraryView;
#[cfg(not(feature = "first-load"))]
use crate::views::matrix::MatrixView;
#[cfg(not(feature = "first-load"))]
use crate::views::my_library::MyLibraryView;
use crate::views::not_found::{NotFoundReason, NotFoundView};
use crate::views::reader::ReaderView;
#[cfg(not(feature = "first-load"))]
use crate::views::search::SearchView;
use crate::views::tours::ToursView;
#[cfg(not(feature = "first-load"))]
use crate::views::witness::WitnessView;

/// What `main` determined before the first render.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The parsed corpus, or the reason it could not be parsed.
    pub corpus: Result<CorpusHandle, String>,
    pub initial_lang: Lang,
    #[prop_or_default]
    pub startup_notices: Vec<NoticeKind>,
    /// Embed mode, parent frame and origin allow-list.
    #[prop_or_default]
    pub environment: Environment,
    /// The tours a teacher loaded earlier, read from storage.
    #[prop_or_default]
    pub initial_user_tours: UserTours,
    /// The user's own copy kept from an earlier visit (compare page).
    #[prop_or_default]
    pub initial_my_copy: Option<ImportedCopy>,
    /// Presentation mode and the tour in progress, when the hosted build's
    /// lite app handed over to the full app (`hand_over`).
    #[prop_or_default]
    pub initial_presenting: bool,
    #[prop_or_default]
    pub initial_tour: Option<ActiveTour>,
}

/// The app as mounted in the browser: hash routing around [`AppShell`].
#[component]
pub fn App(props: &AppProps) -> Html {
    html! {
        <HashRouter>
            <AppShell ..props.clone() />
        </HashRouter>
    }
}

/// Everything inside the router. Separate from [`App`] so that tests can
/// mount it under a memory history.
#[component]
pub fn AppShell(props: &AppProps) -> Html {
    let state = {
        let lang = props.initial_lang;
        let notices = props.startup_notices.clone();
        let user_tours = props.initial_user_tours.clone();
        let my_copy = props.initial_my_copy.clone();
        let presenting = props.initial_presenting;
        let tour = props.initial_tour.clone();
        use_reducer(move || {
            let mut state = State::new(lang, &notices);
            state.user_tours = user_tours;
            state.my_copy = my_copy;
            state.presenting = presenting;
            state.active_tour = tour;
            state
        })
    };
    // The lite app keeps what it would hand to the full app current.
    #[cfg(feature = "first-load")]
    crate::hand_over::remember(crate::hand_over::Carried::from_state(&state));

    // `<html lang>` drives screen-reader voice and CJK glyph choice; the
    // stored preference is written only after the user changes it.
    {
        let initial = props.initial_lang;
        use_effect_with(state.lang, move |lang| {
            dom::set_html_lang(lang.html_lang());
            if *lang != initial {
                preferences::save_language(*lang);
            }
        });
    }

    let on_toggle_lang = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ToggleLanguage))
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |id: u32| state.dispatch(Action::Dismiss(id)))
    };

    // The user's imported copy (compare page) lives in the state; views
    // reach it, and replace it, through this context.
    let my_copy = MyCopyContext {
        copy: state.my_copy.clone(),
        set: {
            let state = state.clone();
            Callback::from(move |copy: ImportedCopy| state.dispatch(Action::SetMyCopy(copy)))
        },
    };
    use_persisted_copy(&state);
    use_persisted_tours(&state);
    // The user's own library (IndexedDB), shown everywhere as documents
    // after the bundled corpus: the views, the search engine and the
    // matrix all read this merged corpus.
    let library = use_user_library(crate::user_library::enabled(props.environment.embed));
    // The hosted page loads parts of the app from its site; the single file
    // holds everything. The footer says which.
    let hosted = use_memo((), |_| {
        crate::dom::meta_element(crate::hand_over::FULL_APP_META).is_some()
    });
    let corpus = use_memo(
        (props.corpus.clone(), library.state.docs.clone()),
        |(corpus, mine)| match corpus {
            Ok(base) if !mine.0.is_empty() => Ok(CorpusHandle::new(
                crate::user_library::merged_corpus(base, &mine.0),
            )),
            other => other.clone(),
        },
    );
    let toggle_presentation = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::SetPresenting(!state.presenting)))
    };
    let content = match &*corpus {
        Ok(corpus) => {
            let routes = html! {
                <ContextProvider<MyCopyContext> context={my_copy}>
                    <ContextProvider<ToursContext> context={tours_context(&state)}>
                        <ContextProvider<UserLibraryContext> context={library}>
                            <LibraryGate><Switch<Route> render={switch} /></LibraryGate>
                        </ContextProvider<UserLibraryContext>>
                    </ContextProvider<ToursContext>>
                </ContextProvider<MyCopyContext>>
            };
            // The full app provides the search engine; the lite app has
            // none and asks for the full app instead (`hand_over`).
            #[cfg(not(feature = "first-load"))]
            let routes = html! {
                <EngineProvider corpus={corpus.clone()}>{ routes }</EngineProvider>
            };
            #[cfg(feature = "first-load")]
            let routes = html! {
                <HandOverProvider lang={state.lang}>{ routes }</HandOverProvider>
            };
            html! {
                <ContextProvider<CorpusHandle> context={corpus.clone()}>
                    { routes }
                </ContextProvider<CorpusHandle>>
            }
        }
        Err(error) => html! { <CorpusErrorView error={error.clone()} /> },
    };

    let strings = state.lang.strings();
    // Embedding: the bridge talks to a parent frame; embed mode
    // shows the route's content only, with a link to the full explorer.
    let on_embed_refused = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notify(NoticeKind::EmbedCommandRefused)))
    };
    let on_guard_notice = {
        let state = state.clone();
        Callback::from(move |kind| state.dispatch(Action::Notify(kind)))
    };
    let bridge = html! {
        <>
            <EmbedBridge environment={props.environment.clone()} on_refused={on_embed_refused} />
            <HashGuardLink on_notice={on_guard_notice} />
        </>
    };
    let print_footer = html! {
        <PrintFooter lang={state.lang} corpus={props.corpus.as_ref().ok().cloned()} />
    };
    // Presentation mode and tours.
    let classroom = html! {
        <Classroom lang={state.lang} presenting={state.presenting}
            active_tour={state.active_tour.clone()} dispatch={state.dispatcher()}
            embed={props.environment.embed} />
    };
    if props.environment.embed {
        return html! {
            <ContextProvider<Lang> context={state.lang}>
                { bridge }
                <NoticeList lang={state.lang} notices={state.notices.clone()} on_dismiss={on_dismiss} />
                <main id={MAIN_ID} class="main main--embed" tabindex="-1">
                    { content }
                </main>
                <EmbedBar lang={state.lang} />
                { classroom }
                { print_footer }
            </ContextProvider<Lang>>
        };
    }
    html! {
        <ContextProvider<Lang> context={state.lang}>
            { bridge }
            <SkipLink target={MAIN_ID} label={strings.skip_to_content} />
            <SiteHeader lang={state.lang} on_toggle_lang={on_toggle_lang}
                on_present={toggle_presentation} />
            <NoticeList lang={state.lang} notices={state.notices.clone()} on_dismiss={on_dismiss} />
            <main id={MAIN_ID} class="main" tabindex="-1">
                { content }
            </main>
            <footer class="site-footer">
                <p>{ if *hosted { strings.footer_hosted } else { strings.footer_offline } }</p>
            </footer>
            { classroom }
            { print_footer }
        </ContextProvider<Lang>>
    }
}

#[cfg(not(feature = "first-load"))]
fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryView /> },
        Route::Document { id } => html! { <ReaderView {id} path={None::<String>} /> },
        Route::Unit { id, path } => html! { <ReaderView {id} path={Some(path)} /> },
        Route::Search => html! { <SearchView /> },
        Route::CompareOverview => html! { <MatrixView /> },
        Route::Compare { a, b } => html! { <CompareView {a} {b} path={None::<String>} /> },
        Route::CompareUnit { a, b, path } => html! { <CompareView {a} {b} path={Some(path)} /> },
        Route::Witnesses { id } => html! { <WitnessView {id} /> },
        Route::Tours => html! { <ToursView /> },
        Route::Timeline => html! { <crate::views::timeline::TimelineView /> },
        Route::MyLibrary => html! { <MyLibraryView /> },
        Route::NotFound => html! { <NotFoundView reason={NotFoundReason::Route} /> },
    }
}

/// The lite app's routes: the library, the reader, tours and the timeline;
/// every other route (all parse the same) asks for the full app.
#[cfg(feature = "first-load")]
fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryView /> },
        Route::Document { id } => html! { <ReaderView {id} path={None::<String>} /> },
        Route::Unit { id, path } => html! { <ReaderView {id} path={Some(path)} /> },
        Route::Tours => html! { <ToursView /> },
        Route::Timeline => html! { <crate::views::timeline::TimelineView /> },
        Route::NotFound => html! { <NotFoundView reason={NotFoundReason::Route} /> },
        Route::Search
        | Route::CompareOverview
        | Route::Compare { .. }
        | Route::CompareUnit { .. }
        | Route::Witnesses { .. }
        | Route::MyLibrary => html! { <HandOverView /> },
    }
}
