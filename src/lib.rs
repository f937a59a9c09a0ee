//! policy-explorer in the browser: a Yew single-page app that reads the
//! corpus compiled into it.
//!
//! A library plus a two-line `main.rs`, so that the browser tests in
//! `tests/browser.rs` can mount the app and call its DOM helpers.
//!
//! * [`app`] — router, state, page chrome; [`route`] — the URL scheme;
//!   [`url`] — URL state: the query-string parser, the search and compare
//!   codecs, the safe in-app route rule; [`state`] — the reducer for what
//!   is not in the URL.
//! * [`tours`] — guided tours and their file format ([`tours::format`]).
//! * [`views`] — one per route; [`components`] — small pieces, props in,
//!   callbacks out.
//! * [`corpus_data`] — the bundled corpus; [`i18n`] — every UI string;
//!   [`preferences`] — local storage; [`dom`] — the few direct DOM effects;
//!   [`panic_banner`] — the crash message.

pub mod app;
pub mod classroom;
pub mod clock;
pub mod components;
pub mod corpus_data;
pub mod dom;
pub mod embed;
pub mod i18n;
pub mod panic_banner;
pub mod preferences;
pub mod presentation;
pub mod route;
pub mod state;
pub mod storage;
pub mod stored_copy;
pub mod tours;
pub mod url;
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
    let (initial_lang, mut startup_notices) = preferences::load_language();
    startup_notices.extend(preferences::startup_notices());
    let (initial_user_tours, tours_notice) = classroom::load_user_tours();
    startup_notices.extend(tours_notice);
    let (initial_my_copy, copy_notice) = stored_copy::load_my_copy();
    startup_notices.extend(copy_notice);
    let environment = embed::environment::Environment::detect();
    environment.apply_page_class();
    // An embedded view in a sandboxed frame never has storage, and its
    // reader cannot do anything about it: say nothing rather than put the
    // same notice on every embed (docs/embedding.md).
    if environment.embed {
        startup_notices.retain(|kind| *kind != state::NoticeKind::StorageUnavailable);
    }
    let props = AppProps {
        corpus: corpus_data::bundled_corpus(),
        initial_lang,
        startup_notices,
        environment,
        initial_user_tours,
        initial_my_copy,
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID));
    match root {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
