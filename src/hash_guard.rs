//! Keeps the address's fragment readable by the hash router, whatever put it
//! there: the address bar at load, a hash typed or set by a script later
//! (`location.hash = '#main'`), Back and Forward.
//!
//! Yew's hash history resolves the fragment as a URL against the page's
//! address and throws when it cannot: `#//[`, `#///` and `#//x:99999/` are no
//! URL at all (a leading `//` starts another host), and a fragment that does
//! not start with `/` (`#main`, `#foo`) is refused as a relative path. The
//! throw happens inside the router, so the page would stay blank. The guard
//! runs first — at start-up before the router exists, and afterwards as a
//! `popstate` listener registered before the router's own — and rewrites
//! such a fragment in place (`history.replaceState`, no new entry):
//!
//! * empty, `#` → `#/` (the library), as the router itself does at load;
//! * `#//…` and the other forms the router cannot read → the not-found page
//!   (`#/404`) with a notice;
//! * `#name` naming an element of the page (the skip link's `#main`) → the
//!   route the app was showing, with focus on that element; a name at load
//!   (nothing rendered yet) → the library when it is `#main`, otherwise the
//!   not-found page with a notice.
//!
//! Routes that arrive through code (a tour step, a stored tour, an
//! embedding page's `navigate` command) are checked by
//! [`crate::url::app_route`] before they reach the router; this guard is for
//! what the browser puts in the address by itself.

use std::cell::RefCell;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::dom::MAIN_ID;
use crate::state::NoticeKind;
use crate::url::app_route::router_can_read;

/// The fragment the guard sends unreadable addresses to: no page of the
/// app, so the router shows the not-found page.
pub const NOT_FOUND_HASH: &str = "#/404";
pub const LIBRARY_HASH: &str = "#/";

/// What a `location.hash` value is, before the DOM is consulted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashShape {
    /// `""` or `"#"`.
    Empty,
    /// A path the hash router can read (`#/doc/a`, `#/nope`).
    Route,
    /// Starts with `#/` but the router cannot read it (`#//…`, `#/\…`).
    Unreadable,
    /// Anything else, e.g. `#main`: the name of an in-page anchor, or junk.
    Name(String),
}

pub fn shape(hash: &str) -> HashShape {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    if fragment.is_empty() {
        HashShape::Empty
    } else if router_can_read(fragment) {
        HashShape::Route
    } else if fragment.starts_with(['/', '\\']) {
        HashShape::Unreadable
    } else {
        HashShape::Name(fragment.to_string())
    }
}

/// What the guard does with a fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Leave the address alone.
    Keep,
    /// Rewrite the fragment to this one; with a notice if `Some`.
    Rewrite(String, Option<NoticeKind>),
    /// An in-page anchor: put back the route the app was showing and focus
    /// the element with this id.
    Anchor(String),
}

/// The decision, given whether the page has an element named by a `#name`
/// fragment and which route the app was showing (`None` at load).
pub fn decide(hash: &str, element_exists: impl Fn(&str) -> bool, shown: Option<&str>) -> Fix {
    match shape(hash) {
        HashShape::Route => Fix::Keep,
        HashShape::Empty => Fix::Rewrite(LIBRARY_HASH.to_string(), None),
        HashShape::Unreadable => Fix::Rewrite(
            NOT_FOUND_HASH.to_string(),
            Some(NoticeKind::AddressUnreadable),
        ),
        HashShape::Name(name) => match shown {
            Some(_) if element_exists(&name) => Fix::Anchor(name),
            None if name == MAIN_ID => Fix::Rewrite(LIBRARY_HASH.to_string(), None),
            _ => Fix::Rewrite(
                NOT_FOUND_HASH.to_string(),
                Some(NoticeKind::AddressUnreadable),
            ),
        },
    }
}

thread_local! {
    /// The last readable route the app showed (`#/doc/a?x=1`).
    static SHOWN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Where notices raised after start-up go (the app's state), and those
    /// raised before the app listened.
    static SINK: RefCell<Option<Callback<NoticeKind>>> = const { RefCell::new(None) };
    static PENDING: RefCell<Vec<NoticeKind>> = const { RefCell::new(Vec::new()) };
    static LISTENER: RefCell<Option<gloo::events::EventListener>> = const { RefCell::new(None) };
}

fn current_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Replaces the current history entry's fragment, keeping its state (the
/// router's entry id) so Back and Forward behave as before.
fn replace_hash(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let href = window.location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let Ok(history) = window.history() else {
        return;
    };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&format!("{base}{hash}")));
}

fn element_exists(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .is_some()
}

fn notify(kind: NoticeKind) {
    let sink = SINK.with(|s| s.borrow().clone());
    match sink {
        Some(sink) => sink.emit(kind),
        None => PENDING.with(|p| p.borrow_mut().push(kind)),
    }
}

fn apply(fix: Fix) {
    match fix {
        Fix::Keep => {}
        Fix::Rewrite(hash, notice) => {
            replace_hash(&hash);
            if let Some(kind) = notice {
                notify(kind);
            }
        }
        Fix::Anchor(id) => {
            let shown = SHOWN.with(|s| s.borrow().clone());
            replace_hash(shown.as_deref().unwrap_or(LIBRARY_HASH));
            crate::dom::focus(&id);
        }
    }
}

/// Fixes the address before the router first reads it and keeps fixing it
/// on every `popstate`. Call once, before the app is mounted: the listener
/// must be registered before the router's.
pub fn install() {
    if let Some(hash) = current_hash() {
        apply(decide(&hash, element_exists, None));
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = gloo::events::EventListener::new_with_options(
        &window,
        "popstate",
        gloo::events::EventListenerOptions::run_in_capture_phase(),
        |_| {
            let Some(hash) = current_hash() else { return };
            let shown = SHOWN.with(|s| s.borrow().clone());
            apply(decide(
                &hash,
                element_exists,
                Some(shown.as_deref().unwrap_or(LIBRARY_HASH)),
            ));
        },
    );
    LISTENER.with(|l| *l.borrow_mut() = Some(listener));
}

/// Removes the `popstate` listener and forgets the shown route and the
/// notice sink: the hosted build's lite app calls this before the full app
/// (which installs its own guard) takes over the page (`hand_over`).
pub fn uninstall() {
    LISTENER.with(|l| l.borrow_mut().take());
    SINK.with(|s| s.borrow_mut().take());
    SHOWN.with(|s| s.borrow_mut().take());
    PENDING.with(|p| p.borrow_mut().clear());
}

#[derive(Properties, PartialEq)]
pub struct HashGuardLinkProps {
    /// Where the guard's notices go.
    pub on_notice: Callback<NoticeKind>,
}

/// Mount once inside the router: tells the guard which route is shown (for
/// putting it back after an in-page anchor) and delivers its notices.
/// Renders nothing.
#[component]
pub fn HashGuardLink(props: &HashGuardLinkProps) -> Html {
    let location = use_location();
    {
        let on_notice = props.on_notice.clone();
        use_effect_with((), move |_| {
            SINK.with(|s| *s.borrow_mut() = Some(on_notice.clone()));
            let pending: Vec<NoticeKind> = PENDING.with(|p| p.borrow_mut().drain(..).collect());
            for kind in pending {
                on_notice.emit(kind);
            }
            || SINK.with(|s| *s.borrow_mut() = None)
        });
    }
    let key = location.map(|l| format!("{}{}", l.path(), l.query_str()));
    use_effect_with(key, |_| {
        if let Some(hash) = current_hash() {
            if shape(&hash) == HashShape::Route {
                SHOWN.with(|s| *s.borrow_mut() = Some(hash));
            }
        }
    });
    Html::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape(""), HashShape::Empty);
        assert_eq!(shape("#"), HashShape::Empty);
        assert_eq!(shape("#/"), HashShape::Route);
        assert_eq!(shape("#/doc/a?embed=1"), HashShape::Route);
        assert_eq!(shape("#/nope"), HashShape::Route);
        for bad in ["#//[", "#///", "#//x:99999/", "#/\\x", "#\\x"] {
            assert_eq!(shape(bad), HashShape::Unreadable, "{bad}");
        }
        assert_eq!(shape("#main"), HashShape::Name("main".into()));
        assert_eq!(shape("#foo/bar"), HashShape::Name("foo/bar".into()));
    }

    #[test]
    fn every_hash_ends_readable_and_unreadable_ones_say_so() {
        let none = |_: &str| false;
        let main = |id: &str| id == "main";
        assert_eq!(decide("#/doc/a", none, None), Fix::Keep);
        assert_eq!(decide("", none, None), Fix::Rewrite("#/".into(), None));
        assert_eq!(
            decide("#", none, Some("#/doc/a")),
            Fix::Rewrite("#/".into(), None)
        );
        let unreadable = Fix::Rewrite("#/404".into(), Some(NoticeKind::AddressUnreadable));
        assert_eq!(decide("#//[", none, None), unreadable);
        assert_eq!(decide("#//x:99999/", main, Some("#/")), unreadable);
        // An anchor after load keeps the route; at load, only `#main` is known.
        assert_eq!(
            decide("#main", main, Some("#/doc/a")),
            Fix::Anchor("main".into())
        );
        assert_eq!(decide("#foo", main, Some("#/doc/a")), unreadable);
        assert_eq!(decide("#main", none, None), Fix::Rewrite("#/".into(), None));
        assert_eq!(decide("#foo", none, None), unreadable);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever the fragment, what the router is left with is a path it
        /// can read.
        #[test]
        fn the_router_only_ever_sees_readable_fragments(route in crate::url::app_route::grammar::route(), at_load: bool) {
            let shown = (!at_load).then_some("#/doc/a");
            let hash = if route.starts_with('#') { route.clone() } else { format!("#{route}") };
            let after = match decide(&hash, |id| id == "main", shown) {
                Fix::Keep => hash.clone(),
                Fix::Rewrite(to, _) => to,
                Fix::Anchor(_) => shown.unwrap_or("#/").to_string(),
            };
            proptest::prop_assert!(router_can_read(&after[1..]), "{} → {}", hash, after);
        }
    }
}
