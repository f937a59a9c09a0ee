//! policy-explorer in the browser: a Yew single-page app that reads the
//! corpus compiled into it.
//!
//! A library plus a two-line `main.rs`, so that the browser tests in
//! `tests/browser.rs` can mount the app and call its DOM helpers.
//!
//! Where things live:
//!
//! * the shell — [`app`] (router, state, page chrome, route → view),
//!   [`state`] (the reducer for what is not in the URL),
//!   [`classroom`] (presentation mode and the tour in progress, a component
//!   the shell places), [`panic_banner`] (the crash message);
//! * routing and URLs — [`route`] (the URL scheme), [`navigation`] (the one
//!   way code changes the URL, and compare links), [`url`] (URL state: the
//!   one query-string parser, the search and compare codecs, the safe
//!   in-app route rule);
//! * screens — [`views`], one per route; [`components`], one per file,
//!   props in and callbacks out; [`hooks`], the app's own hooks, one per
//!   file;
//! * data — [`corpus_data`] (the bundled corpus, the user's copy),
//!   [`engine`] (the search engine, built on demand and shared through a
//!   context), [`tours`] (built-in and loaded walkthroughs and their file format);
//! * the hosted build's two-stage start — [`hand_over`] (the lite app built
//!   with the `first-load` feature steps aside for the full app);
//! * the browser — [`dom`] (the few direct DOM effects and the selector
//!   contract), [`presentation`] (presentation mode's DOM side),
//!   [`embed`] (running inside another site's frame), [`storage`] (typed
//!   local storage) with [`preferences`] and [`stored_copy`] on top,
//!   [`clock`] (timings);
//! * words — [`i18n`], every string the interface shows, in Chinese and
//!   English.

pub mod app;
pub mod classroom;
pub mod clock;
pub mod components;
pub mod corpus_data;
pub mod dom;
pub mod embed;
pub mod engine;
pub mod hand_over;
pub mod hash_guard;
pub mod hooks;
pub mod i18n;
pub mod navigation;
pub mod panic_banner;
pub mod preferences;
pub mod presentation;
pub mod route;
pub mod scheduling;
pub mod search_shards;
pub mod state;
pub mod storage;
pub mod stored_copy;
pub mod tours;
pub mod url;
pub mod user_library;
pub mod views;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests;
#[cfg(test)]
mod test_fixtures;

use app::{App, AppProps};

/// The element index.html provides for the app; its loading message is
/// replaced by the first render.
pub const ROOT_ID: &str = "app";

/// Starts the app. The order matters: the panic hook first (so that even a
/// failure while loading shows a message), then the stored preferences,
/// then the corpus, then the first render.
pub fn start() {
    panic_banner::install();
    let (mut initial_lang, mut startup_notices) = preferences::load_language();
    startup_notices.extend(preferences::startup_notices());
    let (initial_user_tours, tours_notice) = classroom::load_user_tours();
    startup_notices.extend(tours_notice);
    let (initial_my_copy, copy_notice) = stored_copy::load_my_copy();
    startup_notices.extend(copy_notice);
    let environment = embed::environment::Environment::detect();
    environment.apply_page_class();
    // Before the router exists: it throws on a fragment it cannot read.
    hash_guard::install();
    // An embedded view in a sandboxed frame never has storage, and its
    // reader cannot do anything about it: say nothing rather than put the
    // same notice on every embed (docs/embedding.md).
    if environment.embed {
        startup_notices.retain(|kind| *kind != state::NoticeKind::StorageUnavailable);
    }
    // Taking over from the hosted build's lite app: what it showed that
    // the URL does not hold.
    let carried = hand_over::take_carried().unwrap_or_default();
    if let Some(lang) = carried.lang() {
        initial_lang = lang;
    }
    let props = AppProps {
        corpus: corpus_data::bundled_corpus(),
        initial_lang,
        startup_notices,
        environment,
        initial_user_tours,
        initial_my_copy,
        initial_presenting: carried.presenting,
        initial_tour: carried.active_tour(),
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID));
    let handle = match root {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root_and_props(root, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
    // The lite app unmounts itself when the full app arrives.
    #[cfg(feature = "first-load")]
    hand_over::keep_app(handle);
    #[cfg(not(feature = "first-load"))]
    drop(handle);
}
