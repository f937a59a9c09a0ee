//! policy-explorer in the browser: a Yew single-page app that reads the
//! corpus compiled into it. Start-up order matters: the panic hook first (so
//! that even a failure while loading shows a message), then the stored
//! preferences, then the corpus, then the first render.

mod app;
mod components;
mod corpus_data;
mod dom;
mod i18n;
mod panic_banner;
mod preferences;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests;
mod route;
mod state;
#[cfg(test)]
mod test_fixtures;
mod views;

use app::{App, AppProps};

/// The element index.html provides for the app; its loading message is
/// replaced by the first render.
const ROOT_ID: &str = "app";

fn main() {
    panic_banner::install();
    let (initial_lang, startup_notices) = preferences::load_language();
    let props = AppProps {
        corpus: corpus_data::bundled_corpus(),
        initial_lang,
        startup_notices,
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
