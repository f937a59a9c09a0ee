//! The browser side of the embedding protocol: a component with no markup
//! that, while the app runs in a frame, posts its content height and route
//! to the parent and obeys `navigate` commands that pass
//! [`protocol::classify`].
//!
//! All decisions are made by the pure functions in [`protocol`]; this file
//! only reads plain values out of JavaScript (never copying an oversized
//! string) and performs the verdict. Incoming data is never rendered: a
//! refused command produces a fixed notice, with details in the console.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{JsString, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::embed::environment::Environment;
use crate::embed::protocol::{
    self, Inbound, MessageData, NavigateRefusal, OriginPolicy, RouteField, MAX_ROUTE_FIELD_CHARS,
    MAX_TYPE_CHARS, RESIZE_TYPE, ROUTE_TYPE,
};
use crate::hooks::use_latest::use_latest;
use crate::navigation::go_to_href;

/// Resize reports are throttled to one per this many milliseconds: a
/// layout settling after a route change fires the observer many times.
const RESIZE_THROTTLE_MS: u32 = 100;

/// Accepted `navigate` commands arriving within this many milliseconds of
/// the first are one navigation, to the last route (about one frame).
const NAVIGATE_COALESCE_MS: u32 = 16;

#[derive(Properties, PartialEq)]
pub struct EmbedBridgeProps {
    pub environment: Environment,
    /// Told when a trusted parent sent a malformed `navigate` command.
    pub on_refused: Callback<NavigateRefusal>,
}

/// Mount once, inside the router. Renders nothing; does nothing at all
/// when the page is not in a frame.
#[component]
pub fn EmbedBridge(props: &EmbedBridgeProps) -> Html {
    let link = {
        let policy = props.environment.origins.policy.clone();
        use_memo((), move |_| ParentLink::new(policy))
    };

    // An accepted `navigate` goes through the router, like any other
    // navigation in the app; the listener, added once, calls the latest.
    let navigator = use_navigator();
    let location = use_location();
    let navigate = {
        let location = location.clone();
        use_latest(Callback::from(move |route: String| {
            if let Some(navigator) = &navigator {
                go_to_href(navigator, location.as_ref(), &route);
            }
        }))
    };

    {
        let link = link.clone();
        let framed = props.environment.framed;
        let on_refused = props.on_refused.clone();
        use_effect_with((), move |_| {
            let installed = framed
                .then(|| Installed::new(&link, on_refused, navigate))
                .flatten();
            move || drop(installed)
        });
    }

    {
        let key = location
            .as_ref()
            .map(|l| format!("{}?{}", l.path(), l.query_str()));
        let link = link.clone();
        let framed = props.environment.framed;
        use_effect_with(key, move |_| {
            if framed {
                link.post_route();
            }
        });
    }
    Html::default()
}

/// Where messages go and what has been sent.
struct ParentLink {
    policy: OriginPolicy,
    /// The parent's origin once an accepted message revealed it.
    known_parent_origin: RefCell<Option<String>>,
    last_height: RefCell<Option<i32>>,
}

impl ParentLink {
    fn new(policy: OriginPolicy) -> Self {
        ParentLink {
            policy,
            known_parent_origin: RefCell::new(None),
            last_height: RefCell::new(None),
        }
    }

    fn post(&self, message: &JsValue) {
        let Some(parent) = parent_window() else {
            return;
        };
        let hint = self
            .known_parent_origin
            .borrow()
            .clone()
            .or_else(parent_origin_hint);
        if let Some(target) = self.policy.target_origin(hint.as_deref()) {
            let _ = parent.post_message(message, &target);
        }
    }

    fn post_route(&self) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let route = if hash.is_empty() {
            "#/".to_string()
        } else {
            hash
        };
        self.post(&message(ROUTE_TYPE, "route", &JsValue::from_str(&route)));
    }

    /// Posts the content height if it changed since the last report.
    fn post_height(&self) {
        let Some(height) = content_height() else {
            return;
        };
        if self.last_height.replace(Some(height)) == Some(height) {
            return;
        }
        self.post(&message(RESIZE_TYPE, "height", &JsValue::from(height)));
    }

    /// The route to go to, if the message is an accepted `navigate`.
    fn receive(
        &self,
        event: &web_sys::MessageEvent,
        on_refused: &Callback<NavigateRefusal>,
    ) -> Option<String> {
        let source_is_parent = match (event.source(), parent_window()) {
            (Some(source), Some(parent)) => Object::is(&source, &parent),
            _ => false,
        };
        let origin = event.origin();
        if !self.policy.accepts(&origin, source_is_parent) {
            return None;
        }
        if matches!(self.policy, OriginPolicy::AllowList(_)) {
            *self.known_parent_origin.borrow_mut() = Some(origin);
        }
        match read_message(&event.data()) {
            Inbound::Navigate(route) => Some(route),
            Inbound::Refused(reason) => {
                gloo::console::warn!(format!(
                    "policy-explorer ignored a navigate command from the embedding page: {reason:?}"
                ));
                on_refused.emit(reason);
                None
            }
            Inbound::Ignore => None,
        }
    }
}

/// The listeners and observer of one mounted bridge; dropping it removes
/// them (the app unmounts only in tests, but leaks are leaks).
struct Installed {
    _on_message: EventListener,
    navigation_due: Rc<RefCell<Option<Timeout>>>,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    pending: Rc<RefCell<Option<Timeout>>>,
}

impl Installed {
    fn new(
        link: &Rc<ParentLink>,
        on_refused: Callback<NavigateRefusal>,
        navigate: Rc<RefCell<Callback<String>>>,
    ) -> Option<Installed> {
        let window = web_sys::window()?;
        // Accepted commands are coalesced: a burst (a parent posting
        // thousands in one loop) becomes one navigation to the last route,
        // made once the burst's messages have been read.
        let latest_route: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
        let navigation_due: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        let on_message = {
            let link = link.clone();
            let navigation_due = navigation_due.clone();
            EventListener::new(&window, "message", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let Some(route) = link.receive(event, &on_refused) else {
                    return;
                };
                *latest_route.borrow_mut() = Some(route);
                if navigation_due.borrow().is_some() {
                    return;
                }
                let latest_route = latest_route.clone();
                let navigate = navigate.clone();
                let slot = navigation_due.clone();
                let timeout = Timeout::new(NAVIGATE_COALESCE_MS, move || {
                    slot.borrow_mut().take();
                    if let Some(route) = latest_route.borrow_mut().take() {
                        let navigate = navigate.borrow().clone();
                        navigate.emit(route);
                    }
                });
                *navigation_due.borrow_mut() = Some(timeout);
            })
        };

        let pending: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        let on_resize = {
            let link = link.clone();
            let pending = pending.clone();
            Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
                if pending.borrow().is_some() {
                    return;
                }
                let link = link.clone();
                let slot = pending.clone();
                let timeout = Timeout::new(RESIZE_THROTTLE_MS, move || {
                    slot.borrow_mut().take();
                    link.post_height();
                });
                *pending.borrow_mut() = Some(timeout);
            })
        };
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(body)) = (&observer, window.document().and_then(|d| d.body()))
        {
            observer.observe(&body);
        }
        link.post_height();
        Some(Installed {
            _on_message: on_message,
            navigation_due,
            observer,
            _on_resize: on_resize,
            pending,
        })
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        // The message listener removes itself when dropped.
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        self.pending.borrow_mut().take();
        self.navigation_due.borrow_mut().take();
    }
}

/// Reads `{type, route}` without trusting the shape: non-objects, missing
/// or non-string fields and oversized strings are told apart without
/// copying more than the bounded lengths into Rust.
fn read_message(data: &JsValue) -> Inbound {
    if !data.is_object() {
        return protocol::classify(&MessageData::NotAnObject);
    }
    let kind = bounded_string(
        &Reflect::get(data, &"type".into()).unwrap_or_default(),
        MAX_TYPE_CHARS,
    )
    .and_then(Result::ok);
    let route_value = Reflect::get(data, &"route".into()).unwrap_or_default();
    let route_text;
    let route = if route_value.is_undefined() {
        RouteField::Missing
    } else {
        match bounded_string(&route_value, MAX_ROUTE_FIELD_CHARS) {
            None => RouteField::NotText,
            Some(Err(())) => RouteField::TooLong,
            Some(Ok(text)) => {
                route_text = text;
                RouteField::Text(&route_text)
            }
        }
    };
    protocol::classify(&MessageData::Object {
        kind: kind.as_deref(),
        route,
    })
}

/// `None` if not a string, `Some(Err)` if longer than `max` UTF-16 units.
fn bounded_string(value: &JsValue, max: usize) -> Option<Result<String, ()>> {
    let text = value.dyn_ref::<JsString>()?;
    if text.length() as usize > max {
        return Some(Err(()));
    }
    Some(Ok(String::from(text)))
}

fn message(kind: &str, field: &str, value: &JsValue) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"type".into(), &JsValue::from_str(kind));
    let _ = Reflect::set(&object, &field.into(), value);
    object.into()
}

fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!Object::is(&parent, &window)).then_some(parent)
}

/// The parent's origin as the browser reveals it: `location.ancestorOrigins`
/// (Chromium, WebKit) or else the referrer. Only ever used to pick a
/// `targetOrigin` from the allow-list, never to grant trust.
fn parent_origin_hint() -> Option<String> {
    let window = web_sys::window()?;
    let ancestors = Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
    if !ancestors.is_undefined() {
        if let Some(origin) = Reflect::get_u32(&ancestors, 0).ok()?.as_string() {
            return Some(origin);
        }
    }
    protocol::origin_of_url(&window.document()?.referrer())
}

/// The height the frame needs to show everything without a scroll bar.
fn content_height() -> Option<i32> {
    let body = web_sys::window()?.document()?.body()?;
    let box_height = body.get_bounding_client_rect().height().ceil() as i32;
    Some(box_height.max(body.scroll_height()))
}
