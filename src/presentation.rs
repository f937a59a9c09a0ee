//! Presentation mode for a classroom projector: the page chrome hidden,
//! large high-contrast type, and one *item* of the current view at a time,
//! stepped with ←/→.
//!
//! # Which items
//!
//! Each view already renders its items with stable selectors (the contract
//! in [`crate::dom`]); presentation mode steps through the first kind it
//! finds inside `#main`, in document order ([`SLIDE_SELECTORS`]): the
//! reader's units, the search view's hits, the compare view's aligned
//! pairs (with the selected pair's diff), the witness view's clause pairs.
//! A view with none of them (library, not-found, tours) is shown whole, in
//! the large type. Reading the rendered DOM instead of recomputing each
//! view's items keeps one source of truth: what the teacher saw is what
//! gets stepped through, including search hits that arrive after the
//! engine is built (a `MutationObserver` on `#main` notices them).
//!
//! # How one item is shown
//!
//! The current item gets `data-present-current`; every ancestor up to and
//! including `#main` gets `data-present-path`; `styles/classroom.css` hides
//! every other child of a marked ancestor. Nothing is cloned or moved, so
//! links, `<details>` and highlights keep working and no id is duplicated.
//!
//! # Why app state and not the URL
//!
//! The search and compare views validate their query strings strictly and
//! report (then drop) unknown parameters, so a `present=1` there would show
//! a notice and vanish on the next canonical rewrite. Presentation is
//! therefore app state ([`crate::state::State::presenting`]): a teacher
//! bookmarks the permalink of what to show (a unit, a query, a comparison)
//! and presses `P`; the first item shown is the permalink's target unit or
//! selected pair when there is one, else the first item on screen.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The items presentation mode steps through, most specific view first.
pub const SLIDE_SELECTORS: [&str; 4] = [
    "#reader .unit[data-path]",
    "#search-results [data-hit-doc][data-hit-path]",
    "#compare-view tr.compare-row",
    "#witness-view tr.witness-row",
];

/// Marks the current item.
pub const CURRENT_ATTRIBUTE: &str = "data-present-current";
/// Marks each ancestor of the current item up to `#main`.
pub const PATH_ATTRIBUTE: &str = "data-present-path";
/// On `<html>` while presenting; `styles/classroom.css` keys off it.
pub const PRESENTING_ATTRIBUTE: &str = "data-presenting";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn main_element() -> Option<Element> {
    document()?.get_element_by_id(crate::dom::MAIN_ID)
}

/// The items of the current view, in document order (empty: show the page
/// whole).
pub fn find_slides() -> Vec<Element> {
    let Some(main) = main_element() else {
        return Vec::new();
    };
    for selector in SLIDE_SELECTORS {
        let Ok(list) = main.query_selector_all(selector) else {
            continue;
        };
        let slides: Vec<Element> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect();
        if !slides.is_empty() {
            return slides;
        }
    }
    Vec::new()
}

/// Where to start: the item the permalink names (`aria-current`), else the
/// first one visible on screen, else the first.
pub fn initial_index(slides: &[Element]) -> usize {
    if let Some(i) = slides.iter().position(|s| s.has_attribute("aria-current")) {
        return i;
    }
    slides
        .iter()
        .position(|s| s.get_bounding_client_rect().bottom() > 0.0)
        .unwrap_or(0)
}

/// Removes every mark (leaving, or before marking another item).
pub fn clear_marks() {
    let Some(main) = main_element() else { return };
    for attribute in [CURRENT_ATTRIBUTE, PATH_ATTRIBUTE] {
        if let Ok(list) = main.query_selector_all(&format!("[{attribute}]")) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.remove_attribute(attribute);
                }
            }
        }
    }
    let _ = main.remove_attribute(PATH_ATTRIBUTE);
}

/// Shows `slide` alone. Returns whether the marks changed (a fresh item),
/// so the caller moves focus only then.
pub fn mark_current(slide: &Element) -> bool {
    if slide.has_attribute(CURRENT_ATTRIBUTE) {
        return false;
    }
    clear_marks();
    let _ = slide.set_attribute(CURRENT_ATTRIBUTE, "");
    let mut node = slide.parent_element();
    while let Some(element) = node {
        let _ = element.set_attribute(PATH_ATTRIBUTE, "");
        if element.id() == crate::dom::MAIN_ID {
            break;
        }
        node = element.parent_element();
    }
    true
}

/// Focuses the item (units and pairs have `tabindex="-1"`; screen readers
/// then read it) and brings the page to its top.
pub fn focus_slide(slide: &Element) {
    if let Ok(el) = slide.clone().dyn_into::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    // While presenting, #main is the scrolling box (above the bar).
    if let Some(main) = main_element() {
        main.set_scroll_top(0);
    }
}

/// The diff row that follows the current item (the compare view shows the
/// selected pair's differences there), if there is one.
pub fn current_diff() -> Option<Element> {
    main_element()?
        .query_selector(&format!("[{CURRENT_ATTRIBUTE}] + .compare-diff-row"))
        .ok()
        .flatten()
}

/// Scrolls the current item's diff to the top of the screen: a long pair
/// fills the first screen on a projector, the diff is one key (`D`) away.
pub fn show_diff() {
    if let Some(diff) = current_diff() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        diff.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The page's own heading (`#main h1`) and its `lang` (a document title is
/// corpus text), shown in the presentation bar as context while the rest of
/// the page is hidden.
pub fn page_heading() -> (String, Option<String>) {
    let Some(h1) = main_element().and_then(|main| main.query_selector("h1").ok().flatten()) else {
        return (String::new(), None);
    };
    let text = h1
        .text_content()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    (text, h1.get_attribute("lang"))
}

pub fn set_presenting(on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = if on {
            root.set_attribute(PRESENTING_ATTRIBUTE, "")
        } else {
            root.remove_attribute(PRESENTING_ATTRIBUTE)
        };
    }
}

/// Leaves presentation: marks removed, and the last item shown scrolled
/// into view so that the teacher continues from there.
pub fn leave() {
    let last = main_element().and_then(|m| {
        m.query_selector(&format!("[{CURRENT_ATTRIBUTE}]"))
            .ok()
            .flatten()
    });
    clear_marks();
    set_presenting(false);
    if let Some(last) = last {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        last.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Calls `on_change` when elements are added to or removed from `#main`
/// (a view rendered, search hits arrived). Attribute changes, including our
/// own marks, are not observed, so marking never loops. Dropping the
/// returned guard disconnects it.
pub struct MainObserver {
    observer: Option<web_sys::MutationObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl MainObserver {
    pub fn new(on_change: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(on_change);
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(main)) = (&observer, main_element()) {
            let init = web_sys::MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            let _ = observer.observe_with_options(&main, &init);
        }
        MainObserver {
            observer,
            _callback: callback,
        }
    }
}

impl Drop for MainObserver {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// What a key does in presentation mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentKey {
    Toggle,
    Leave,
    Step(isize),
    First,
    Last,
    /// Show the current pair's differences.
    Diff,
}

/// The keys presentation mode answers to. `P` toggles from anywhere;
/// the rest only act while presenting. Presenter remotes send PageUp /
/// PageDown, so those step too.
pub fn present_key(key: &str, presenting: bool) -> Option<PresentKey> {
    match (key, presenting) {
        ("p" | "P", _) => Some(PresentKey::Toggle),
        ("Escape", true) => Some(PresentKey::Leave),
        ("ArrowRight" | "PageDown", true) => Some(PresentKey::Step(1)),
        ("ArrowLeft" | "PageUp", true) => Some(PresentKey::Step(-1)),
        ("Home", true) => Some(PresentKey::First),
        ("End", true) => Some(PresentKey::Last),
        ("d" | "D", true) => Some(PresentKey::Diff),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_toggles_anywhere_and_the_rest_only_while_presenting() {
        assert_eq!(present_key("p", false), Some(PresentKey::Toggle));
        assert_eq!(present_key("P", true), Some(PresentKey::Toggle));
        assert_eq!(present_key("ArrowRight", false), None);
        assert_eq!(present_key("Escape", false), None);
        assert_eq!(present_key("Escape", true), Some(PresentKey::Leave));
        assert_eq!(present_key("PageDown", true), Some(PresentKey::Step(1)));
        assert_eq!(present_key("ArrowLeft", true), Some(PresentKey::Step(-1)));
        assert_eq!(present_key("x", true), None);
        assert_eq!(present_key("d", true), Some(PresentKey::Diff));
        assert_eq!(present_key("d", false), None);
    }
}
