//! Where a long comparison is: "aligning… 45%" with a progress bar and a
//! Cancel button while it runs in slices, and after Cancel a note with a
//! "Compare again" button. The rest of the page stays as it was.

use yew::prelude::*;

use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct CompareProgressProps {
    pub lang: Lang,
    /// Done in percent; `None` once cancelled.
    pub percent: Option<u32>,
    pub on_cancel: Callback<()>,
    pub on_again: Callback<()>,
}

#[component]
pub fn CompareProgress(props: &CompareProgressProps) -> Html {
    let strings = props.lang.compare_strings();
    match props.percent {
        Some(percent) => {
            let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
            html! {
                <div class="copy-panel__status copy-panel__status--working compare-progress"
                    data-testid="compare-progress" data-percent={percent.to_string()}>
                    <p role="status">{ fill(strings.align_working, &[("percent", &percent.to_string())]) }</p>
                    <progress class="copy-panel__progress" max="100" value={percent.to_string()} />
                    <button type="button" class="button copy-panel__cancel" data-testid="compare-cancel"
                        aria-label={strings.align_cancel_label} onclick={on_cancel}>
                        { strings.align_cancel }
                    </button>
                </div>
            }
        }
        None => {
            let on_again = props.on_again.reform(|_: MouseEvent| ());
            html! {
                <div class="copy-panel__status compare-progress" data-testid="compare-cancelled">
                    <p role="status">{ strings.align_cancelled }</p>
                    <button type="button" class="button" data-testid="compare-again" onclick={on_again}>
                        { strings.compare_again }
                    </button>
                </div>
            }
        }
    }
}
