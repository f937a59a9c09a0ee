//! The hosted build starts in two stages (docs/loading.md): a lite app
//! (built with the `first-load` feature: library, reader, tours, timeline)
//! paints first, and the full app (search, segmentation, T→S, comparison,
//! import) replaces it when the reader goes somewhere that needs it.
//!
//! The page's loader script (`assets/first-load.js`) does the fetching; the
//! two apps and the loader talk through three window events:
//!
//! * [`NEED_EVENT`]: the lite app wants the full app (a route or a reader
//!   option needs it); the loader fetches and compiles it;
//! * [`RELEASE_EVENT`]: the full app is compiled and about to start; the
//!   lite app leaves what the URL does not hold (language, presentation
//!   mode, the tour in progress) in [`CARRY_KEY`], unmounts and removes its
//!   listeners, synchronously, before the full app mounts into `#app`;
//! * [`FAILED_EVENT`]: the fetch failed; the lite app says so and keeps
//!   reading working.
//!
//! The full app's start reads the carried state with [`take_carried`]. The
//! offline single file is the full app alone and never sees any of this.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::state::State;
use crate::tours::format::Tour;
use crate::tours::ActiveTour;

/// The lite app asks the loader for the full app.
pub const NEED_EVENT: &str = "policy-explorer:need-full-app";
/// The loader tells the lite app to step aside: the full app starts next.
pub const RELEASE_EVENT: &str = "policy-explorer:release-lite-app";
/// The loader could not fetch or compile the full app.
pub const FAILED_EVENT: &str = "policy-explorer:full-app-failed";
/// The `<meta name>` by which the hosted page names the full app (the
/// single file has none: it is the full app).
pub const FULL_APP_META: &str = "policy-explorer-full-app";
/// The window property holding the state handed from one app to the other
/// (a JSON string), removed by the full app when it reads it.
pub const CARRY_KEY: &str = "__policyExplorerHandOver";

/// What the app state holds that the URL does not, handed to the full app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Carried {
    /// [`Lang::code`].
    pub lang: String,
    pub presenting: bool,
    /// The tour in progress and its step.
    pub tour: Option<Tour>,
    pub step: usize,
}

impl Carried {
    pub fn from_state(state: &State) -> Carried {
        Carried {
            lang: state.lang.code().to_string(),
            presenting: state.presenting,
            tour: state.active_tour.as_ref().map(|a| (*a.tour).clone()),
            step: state.active_tour.as_ref().map_or(0, |a| a.step),
        }
    }

    pub fn lang(&self) -> Option<Lang> {
        Lang::from_code(&self.lang)
    }

    /// The tour in progress at the same step (clamped to the tour).
    pub fn active_tour(&self) -> Option<ActiveTour> {
        let tour = self.tour.clone()?;
        let active = ActiveTour::start(std::rc::Rc::new(tour));
        Some(active.moved(isize::try_from(self.step).unwrap_or(0)))
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The state the lite app left, if this start is a hand-over; removes it so
/// that it is read once.
pub fn take_carried() -> Option<Carried> {
    let window = window()?;
    let key = JsValue::from_str(CARRY_KEY);
    let value = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    serde_json::from_str(&value.as_string()?).ok()
}

/// Leaves `carried` for the full app.
pub fn leave_carried(carried: &Carried) {
    let (Some(window), Ok(json)) = (window(), serde_json::to_string(carried)) else {
        return;
    };
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str(CARRY_KEY),
        &JsValue::from_str(&json),
    );
}

/// Fires `name` on the window.
pub fn dispatch(name: &str) {
    let (Some(window), Ok(event)) = (window(), web_sys::Event::new(name)) else {
        return;
    };
    let _ = window.dispatch_event(&event);
}

#[cfg(feature = "first-load")]
pub use lite::*;

/// The lite app's side: the status of the full app, the component that
/// shows it, and stepping aside when it arrives.
#[cfg(feature = "first-load")]
mod lite {
    use std::cell::RefCell;

    use gloo::events::EventListener;
    use yew::prelude::*;

    use super::{dispatch, leave_carried, Carried, FAILED_EVENT, NEED_EVENT, RELEASE_EVENT};
    use crate::app::App;
    use crate::i18n::Lang;
    use crate::route::Route;

    thread_local! {
        static APP: RefCell<Option<yew::AppHandle<App>>> = const { RefCell::new(None) };
        /// What to hand over, kept current by the shell.
        static CARRIED: RefCell<Carried> = RefCell::new(Carried::default());
        static RELEASE_LISTENER: RefCell<Option<EventListener>> = const { RefCell::new(None) };
    }

    /// Keeps the mounted app so that [`RELEASE_EVENT`] can unmount it, and
    /// starts listening for that event.
    pub fn keep_app(handle: yew::AppHandle<App>) {
        APP.with(|a| *a.borrow_mut() = Some(handle));
        let Some(window) = web_sys::window() else {
            return;
        };
        let listener = EventListener::new(&window, RELEASE_EVENT, |_| release());
        RELEASE_LISTENER.with(|l| *l.borrow_mut() = Some(listener));
    }

    /// The shell calls this whenever the state changes.
    pub fn remember(carried: Carried) {
        CARRIED.with(|c| *c.borrow_mut() = carried);
    }

    /// Steps aside for the full app: leaves the state, stops the hash
    /// guard, unmounts (which drops the router's and the components'
    /// listeners), then drops this listener once it has returned.
    fn release() {
        CARRIED.with(|c| leave_carried(&c.borrow()));
        crate::hash_guard::uninstall();
        if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
            app.destroy();
        }
        gloo::timers::callback::Timeout::new(0, || {
            RELEASE_LISTENER.with(|l| l.borrow_mut().take());
        })
        .forget();
    }

    /// `body[data-ready]` while the full app loads, and after it failed.
    pub const LOADING_READY: &str = "full-app-loading";
    pub const FAILED_READY: &str = "full-app-failed";

    /// Where the full app stands, as the lite app sees it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FullAppStatus {
        /// Not asked for.
        Idle,
        Loading,
        Failed,
    }

    /// The status and the way to ask for the full app (again after a
    /// failure), provided by [`HandOverProvider`].
    #[derive(Clone, PartialEq)]
    pub struct HandOverContext {
        pub status: FullAppStatus,
        pub request: Callback<()>,
    }

    /// Asks for the full app while `needed`; nothing outside a provider.
    #[hook]
    pub fn use_full_app(needed: bool) {
        let context = use_context::<HandOverContext>();
        use_effect_with(needed, move |needed| {
            if let (true, Some(context)) = (*needed, context) {
                if context.status == FullAppStatus::Idle {
                    context.request.emit(());
                }
            }
        });
    }

    #[derive(Properties, PartialEq)]
    pub struct HandOverProviderProps {
        pub lang: Lang,
        pub children: Html,
    }

    /// Provides [`HandOverContext`] and shows the loading state (a status
    /// line) or the failure (an alert with a retry button) above the page,
    /// which stays usable.
    #[component]
    pub fn HandOverProvider(props: &HandOverProviderProps) -> Html {
        let status = use_state(|| FullAppStatus::Idle);
        {
            let status = status.clone();
            use_effect_with((), move |_| {
                let listener = web_sys::window().map(|window| {
                    EventListener::new(&window, FAILED_EVENT, move |_| {
                        status.set(FullAppStatus::Failed)
                    })
                });
                move || drop(listener)
            });
        }
        // While the full app loads the page is no view's finished page:
        // `body[data-ready]` says so, and the full app sets it again.
        use_effect_with(*status, |status| match status {
            FullAppStatus::Idle => {}
            FullAppStatus::Loading => crate::dom::mark_ready(LOADING_READY),
            FullAppStatus::Failed => crate::dom::mark_ready(FAILED_READY),
        });
        let request = {
            let status = status.clone();
            Callback::from(move |()| {
                status.set(FullAppStatus::Loading);
                dispatch(NEED_EVENT);
            })
        };
        let context = HandOverContext {
            status: *status,
            request: request.clone(),
        };
        let strings = props.lang.loading_strings();
        let banner = match *status {
            FullAppStatus::Idle => Html::default(),
            FullAppStatus::Loading => html! {
                <p id="full-app-status" class="full-app-status" role="status"
                    aria-live="polite" data-state="loading">{ strings.loading }</p>
            },
            FullAppStatus::Failed => {
                let retry = request.reform(|_: MouseEvent| ());
                html! {
                    <div id="full-app-status" class="full-app-status full-app-status--failed"
                        role="alert" data-state="failed">
                        <p>{ strings.failed }</p>
                        <button type="button" class="button full-app-status__retry" onclick={retry}>
                            { strings.retry }</button>
                    </div>
                }
            }
        };
        html! {
            <ContextProvider<HandOverContext> context={context}>
                { banner }
                { props.children.clone() }
            </ContextProvider<HandOverContext>>
        }
    }

    /// The page of a route only the full app has (search, compare, the
    /// matrix, witnesses, the user's library): asks for the full app; the
    /// status line above says what is happening.
    #[component]
    pub fn HandOverView() -> Html {
        use_full_app(true);
        let lang = use_context::<Lang>().unwrap_or_default();
        let strings = lang.loading_strings();
        let context = use_context::<HandOverContext>();
        let failed = context.is_some_and(|c| c.status == FullAppStatus::Failed);
        html! {
            <section class="hand-over" data-testid="hand-over" aria-busy={(!failed).to_string()}>
                if failed {
                    <p><a href={Route::Library.href()}>{ strings.back_to_library }</a></p>
                }
            </section>
        }
    }
}
