//! Previous / next pair of a comparison, with the position ("3 / 49") read
//! out when it changes; the keys ←/→ do the same
//! ([`use_compare_stepper`](crate::hooks::use_compare_stepper)).

use yew::prelude::*;

use crate::hooks::use_compare_stepper::Stepper;
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct CompareStepperProps {
    pub lang: Lang,
    pub stepper: Stepper,
}

#[component]
pub fn CompareStepper(props: &CompareStepperProps) -> Html {
    let strings = props.lang.compare_strings();
    let stepper = &props.stepper;
    let total = stepper.stops.len().to_string();
    let position = match stepper.position {
        Some(n) => fill(
            strings.step_position,
            &[("n", &n.to_string()), ("total", &total)],
        ),
        None => fill(strings.step_none, &[("total", &total)]),
    };
    html! {
        <nav class="compare-stepper" aria-label={strings.stepper_label}>
            <button type="button" class="button" id="compare-prev" disabled={stepper.at_start()}
                onclick={stepper.step.reform(|_: MouseEvent| false)}>
                <span aria-hidden="true">{ "← " }</span>{ strings.step_prev }
            </button>
            <span class="compare-stepper__position" aria-live="polite" data-testid="compare-position">
                { position }
            </span>
            <button type="button" class="button" id="compare-next" disabled={stepper.at_end()}
                onclick={stepper.step.reform(|_: MouseEvent| true)}>
                { strings.step_next }<span aria-hidden="true">{ " →" }</span>
            </button>
            <span class="compare-stepper__hint">{ strings.step_hint }</span>
        </nav>
    }
}
