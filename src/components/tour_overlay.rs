//! The small panel of a tour in progress: the step's title and
//! explanation, previous / next, "n / N" and a way to end the tour. It
//! stays on screen while each step's route is shown, whatever view (or
//! not-found page) that route leads to.
//!
//! Tour texts come from files a teacher wrote: they are rendered as text
//! nodes only, never as markup.

use std::rc::Rc;

use crate::tours::format::Tour;
use yew::prelude::*;

use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct TourOverlayProps {
    pub lang: Lang,
    pub tour: Rc<Tour>,
    /// In range for `tour.steps`.
    pub step: usize,
    /// Called with the step change (-1 or +1).
    pub on_step: Callback<isize>,
    pub on_close: Callback<()>,
}

#[component]
pub fn TourOverlay(props: &TourOverlayProps) -> Html {
    let strings = props.lang.classroom_strings();
    let english = props.lang == Lang::En;
    let Some(step) = props.tour.steps.get(props.step) else {
        return html! {};
    };
    let total = props.tour.steps.len();
    let n = props.step + 1;
    let on_prev = props.on_step.reform(|_: MouseEvent| -1);
    let on_next = props.on_step.reform(|_: MouseEvent| 1);
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <aside id="tour-overlay" class="tour-overlay" aria-labelledby="tour-overlay-title"
            data-tour-id={props.tour.id.clone()} data-step={n.to_string()}>
            <p class="tour-overlay__tour">
                <span class="visually-hidden">{ strings.tour_overlay_label }{ ": " }</span>
                { props.tour.title.get(english).to_string() }
            </p>
            <h2 id="tour-overlay-title" class="tour-overlay__title">{ step.title.get(english).to_string() }</h2>
            <p class="tour-overlay__text" id="tour-step-text">{ step.text.get(english).to_string() }</p>
            <div class="tour-overlay__controls">
                <button type="button" class="button" id="tour-prev" onclick={on_prev} disabled={n <= 1}>
                    <span aria-hidden="true">{ "← " }</span>{ strings.tour_prev }
                </button>
                <p class="tour-overlay__position" id="tour-position" aria-live="polite">
                    <span aria-hidden="true">{ format!("{n} / {total}") }</span>
                    <span class="visually-hidden">
                        { fill(strings.tour_position_label, &[("n", &n.to_string()), ("total", &total.to_string())]) }
                    </span>
                </p>
                <button type="button" class="button" id="tour-next" onclick={on_next} disabled={n >= total}>
                    { strings.tour_next }<span aria-hidden="true">{ " →" }</span>
                </button>
                <button type="button" class="button button--quiet" id="tour-close" onclick={on_close}>
                    { strings.tour_close }
                </button>
            </div>
        </aside>
    }
}
