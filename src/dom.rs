//! The few direct DOM side effects the app needs outside what Yew renders:
//! document title, `<html lang>`, the readiness marker for tests and
//! benchmarks, and scrolling to a unit. Only called from effects, which never
//! run during native server-side rendering in tests.
//!
//! # Selector contract
//!
//! End-to-end tests, the cold-start benchmark and embedders may rely on
//! these; renaming one is a breaking change.
//!
//! | selector | what it is |
//! |---|---|
//! | `body[data-ready="…"]` | the view that has rendered: `library`, `reader`, `not-found`, `unavailable`, `corpus-error` (later views add their own names); in the hosted build's lite app `full-app-loading` / `full-app-failed` while the full app loads or after it failed (`hand_over`) |
//! | `#full-app-status[data-state="loading"\|"failed"]` | the hosted build's "loading search…" line, or its failure with `.full-app-status__retry` |
//! | `html[data-app="lite"\|"full"]` | which app the hosted build runs (set by `assets/first-load.js`) |
//! | `html[lang]` | `zh-CN` or `en`, following the language toggle |
//! | `#main` | the `<main>` element, target of the skip link (`.skip-link`) |
//! | `#lang-toggle` | the language switch button |
//! | `[data-notice="stored-language-reset"]` | the notice after a corrupt stored language was reset |
//! | `table#library`, `#library tr[data-doc-id="{id}"]` | the library table and one row per document |
//! | `#reader[data-doc-id="{id}"]` | the reader's `<article>` |
//! | `[data-path="{path}"]`, `#unit-{path}` | one unit in the reader (`data-kind` = its kind) |
//! | `.unit--target[aria-current="location"]` | the unit named by `#/doc/{id}/{path}` (exactly one) |
//! | `.unit--reworded`, `.reworded-mark` | a unit whose text comes only from the reworded witness, and its warning |
//! | `.unit__permalink` | a unit's permalink (`href="#/doc/{id}/{path}"`) |
//! | `details.provenance` | a unit's source, lines, repairs and tag reasons |
//! | `.tag--mechanism[data-mechanism]`, `.tag--region[data-region]` | a unit's tags |
//! | `nav.toc`, `.toc__link--current` | the contents and its entry for the target unit |
//! | `[data-testid="not-found"]` | the not-found page (always has `a[href="#/"]`) |
//! | `[data-testid="unavailable"]`, `[data-testid="corpus-error"]` | a route not in this build; an unreadable bundled corpus |
//! | `#fatal-error[role="alert"]` | the panic banner with its reload button |
//! | `#presentation-toggle` | enters presentation mode (also the key `P`; `Esc` leaves) |
//! | `html[data-presenting]`, `#presentation-bar` | presentation mode is on; its controls (`#presentation-prev`, `#presentation-next`, `#presentation-exit`) |
//! | `#presentation-position[data-index][data-total]` | the visible position ("7 / 33") |
//! | `[data-present-current]`, `[data-present-path]` | the one item shown while presenting, and its ancestors (see `presentation`) |
//! | `#tour-list-built-in [data-tour-id]`, `#tour-list-user [data-tour-id]` | the tours page (`body[data-ready="tours"]`); `.tour-list__start`, `.tour-list__remove` |
//! | `#tour-file`, `#tour-load-status`, `#tour-load-error[role="alert"]` | loading a tour file and its outcome |
//! | `#tour-overlay[data-tour-id][data-step]`, `#tour-position`, `#tour-prev`, `#tour-next`, `#tour-close` | the tour in progress |
//! | `[data-notice="stored-preference-reset"]`, `…="stored-tours-reset"`, `…="storage-unavailable"`, `…="storage-save-failed"` | storage notices (see `storage`) |

use web_sys::{FocusOptions, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The id of `<main>` (`#main` in the table above): target of the skip
/// link, and the root inside which presentation mode finds its items.
pub const MAIN_ID: &str = "main";

/// The attribute on `<body>` naming the view that finished rendering
/// (`library`, `reader`, `not-found`, `unavailable`, `corpus-error`).
/// End-to-end tests and the cold-start benchmark wait for
/// `body[data-ready="library"]`.
pub const READY_ATTRIBUTE: &str = "data-ready";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The page's `<meta name="{name}">`, if it has one. `cargo xtask dist`
/// writes such metas into the hosted page (never into the single file).
/// Always `None` off wasm, so native render tests can call it.
pub fn meta_element(name: &str) -> Option<web_sys::Element> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()?
}

pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

pub fn set_html_lang(tag: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Marks `<body>` with the view that has rendered.
pub fn mark_ready(view: &str) {
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.set_attribute(READY_ATTRIBUTE, view);
    }
}

/// Scrolls the element with `id` to the top of the viewport and moves
/// keyboard focus to it without a second jump, so that Tab continues from
/// the unit the permalink named. Instant, like a native anchor jump: a
/// permalink should open *at* the unit, and smooth scrolling through a long
/// document is motion nobody asked for.
pub fn scroll_to_and_focus(id: &str) {
    let Some(document) = document() else { return };
    let Some(element) = document.get_element_by_id(id) else {
        return;
    };
    // Embedded, the frame is sized to its content and shows the
    // unit at its top; scrolling "into view" would scroll the host page.
    let embedded = document.document_element().is_some_and(|root| {
        root.class_list()
            .contains(crate::embed::environment::EMBED_CLASS)
    });
    if !embedded {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        options.set_behavior(ScrollBehavior::Instant);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
    if let Ok(html_element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = html_element.focus_with_options(&focus);
    }
}

/// Scrolls the contents box (not the page) so that its entry for the
/// current unit is visible: opening `#/doc/x/6.21` should show where 6.21
/// sits in the document's outline too.
pub fn reveal_in_scroll_box(box_selector: &str, item_selector: &str) {
    let Some(document) = document() else { return };
    let container = document.query_selector(box_selector).ok().flatten();
    let item = document.query_selector(item_selector).ok().flatten();
    if let (Some(container), Some(item)) = (container, item) {
        let offset =
            item.get_bounding_client_rect().top() - container.get_bounding_client_rect().top();
        let third = f64::from(container.client_height()) / 3.0;
        container.set_scroll_top(container.scroll_top() + (offset - third) as i32);
    }
}

/// Returns to the top of the page, e.g. when a document is opened from the
/// library after the user had scrolled down the table.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus to an element (e.g. `<main>` for the skip link).
pub fn focus(id: &str) {
    let element = document().and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        if let Ok(html_element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = html_element.focus();
        }
    }
}
