//! What the hosting page allows, read once at start-up.
//!
//! Embed mode is decided here and never changes afterwards (see
//! [`protocol::embed_requested`]). Storage availability (an opaque-origin
//! sandbox throws on `localStorage`) is `crate::storage`'s business.

use crate::embed::protocol::{self, OriginConfig, ORIGINS_META, ORIGINS_PARAM};

/// The class put on `<html>` in embed mode (`styles/embed.css`).
pub const EMBED_CLASS: &str = "embed";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Environment {
    /// `?embed=1` (page query) or `embed=1` in the hash query at load.
    pub embed: bool,
    /// The page runs in a frame (`window.parent !== window`).
    pub framed: bool,
    /// The parent-origin allow-list (`?embed_origins=` or the meta tag).
    pub origins: OriginConfig,
}

impl Environment {
    /// Reads the live page. Outside a browser (native tests) everything is
    /// off.
    pub fn detect() -> Environment {
        let Some(window) = web_sys::window() else {
            return Environment::default();
        };
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let meta = window
            .document()
            .and_then(|d| {
                d.query_selector(&format!("meta[name=\"{ORIGINS_META}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|m| m.get_attribute("content"));
        let framed = window
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
        Environment {
            embed: protocol::embed_requested(&search, &hash),
            framed,
            origins: protocol::origin_config(
                protocol::query_param(&search, ORIGINS_PARAM).as_deref(),
                meta.as_deref(),
            ),
        }
    }

    /// Marks `<html>` for the embed stylesheet (transparent background, no
    /// page padding) before the first render, so nothing flashes.
    pub fn apply_page_class(&self) {
        if !self.embed {
            return;
        }
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.class_list().add_1(EMBED_CLASS);
        }
    }
}

/// The page's full URL, for links rendered during a render (the embed bar,
/// the print footer). `None` outside a browser: server-side rendering in
/// native tests has no `window`, and web-sys calls would abort there.
pub fn current_href() -> Option<String> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window().and_then(|w| w.location().href().ok())
    } else {
        None
    }
}
