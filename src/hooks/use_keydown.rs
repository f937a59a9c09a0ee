//! Page-wide keyboard shortcuts: a `keydown` listener on the document or
//! the window for as long as the component is mounted.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::hooks::use_latest::use_latest;

/// Where the listener sits. Document listeners run before window ones
/// (the event bubbles up to the window last), so a key handled on the
/// document (`preventDefault`) can be skipped by a window handler:
/// presentation mode listens on the document and the compare view's ←/→
/// on the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    Document,
    Window,
}

impl KeyTarget {
    fn event_target(self) -> Option<web_sys::EventTarget> {
        let window = web_sys::window()?;
        match self {
            KeyTarget::Document => window.document().map(Into::into),
            KeyTarget::Window => Some(window.into()),
        }
    }
}

/// Calls `on_key` for every `keydown` on `target`. The listener is added
/// once, on mount, and always calls the latest `on_key`, so the handler
/// sees the values of the last render without being re-installed.
/// Not passive: handlers may call `preventDefault` (e.g. so that ←/→ do not
/// also scroll the page).
#[hook]
pub fn use_keydown(target: KeyTarget, on_key: Callback<KeyboardEvent>) {
    let latest = use_latest(on_key);
    use_effect_with(target, move |target| {
        let listener = target.event_target().map(|event_target| {
            EventListener::new_with_options(
                &event_target,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                        let on_key = latest.borrow().clone();
                        on_key.emit(event.clone());
                    }
                },
            )
        });
        move || drop(listener)
    });
}

/// A keydown the app should leave alone: typed into a field, with a
/// modifier (browser and screen-reader shortcuts), or already handled.
pub fn is_typing_or_shortcut(event: &KeyboardEvent) -> bool {
    if event.alt_key() || event.ctrl_key() || event.meta_key() || event.default_prevented() {
        return true;
    }
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}
