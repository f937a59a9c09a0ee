//! Stepping through the aligned pairs of a comparison, one unit of A at a
//! time, with the buttons or ←/→.

use std::rc::Rc;

use policy_core::model::Mechanism;
use yew::prelude::*;

use crate::hooks::use_keydown::{is_typing_or_shortcut, use_keydown, KeyTarget};
use crate::views::compare_model::{has_mechanism, step_target, ComparedDoc};

/// Where the stepper is.
#[derive(Clone, PartialEq)]
pub struct Stepper {
    /// The units of A it visits (within the mechanism filter), by path.
    pub stops: Rc<Vec<String>>,
    /// The focused unit's place among `stops`, from 1; `None` when no stop
    /// is focused.
    pub position: Option<usize>,
    /// Steps forward (`true`) or back.
    pub step: Callback<bool>,
}

impl Stepper {
    pub fn at_start(&self) -> bool {
        self.stops.is_empty() || self.position == Some(1)
    }

    pub fn at_end(&self) -> bool {
        self.stops.is_empty() || self.position == Some(self.stops.len())
    }
}

/// The stepper over `a`'s units that carry `mechanism` (all of them
/// without one), from the focused unit `current`. A step calls `on_go`
/// with the path to focus; the view turns it into a URL. ←/→ anywhere on
/// the page step too, except while typing or choosing, with a modifier
/// (Shift extends a text selection), or when presentation mode has handled
/// the key already.
#[hook]
pub fn use_compare_stepper(
    a: &ComparedDoc,
    mechanism: Option<Mechanism>,
    current: Option<AttrValue>,
    on_go: Callback<String>,
) -> Stepper {
    let stops: Rc<Vec<String>> = use_memo((a.clone(), mechanism), |(a, mechanism)| {
        a.units
            .iter()
            .filter(|u| has_mechanism(u, *mechanism))
            .map(|u| u.path.as_str().to_string())
            .collect()
    });
    let position = current
        .as_deref()
        .and_then(|path| stops.iter().position(|s| s == path))
        .map(|i| i + 1);

    let step = {
        let stops = stops.clone();
        Callback::from(move |forward: bool| {
            let refs: Vec<&str> = stops.iter().map(String::as_str).collect();
            if let Some(at) = step_target(&refs, current.as_deref(), forward) {
                on_go.emit(stops[at].clone());
            }
        })
    };

    {
        let step = step.clone();
        use_keydown(
            KeyTarget::Window,
            Callback::from(move |event: web_sys::KeyboardEvent| {
                if is_typing_or_shortcut(&event) || event.shift_key() {
                    return;
                }
                let forward = match event.key().as_str() {
                    "ArrowRight" => true,
                    "ArrowLeft" => false,
                    _ => return,
                };
                event.prevent_default();
                step.emit(forward);
            }),
        );
    }

    Stepper {
        stops,
        position,
        step,
    }
}
