//! Where a long comparison is: "aligning… 45%" with a progress bar and a
//! Cancel button while it runs in slices, and after Cancel a note with a
//! "Compare again" button. The rest of the page stays as it was.

use yew::prelude::*;

use crate::i18n::{fill, Lang};

/// What the reader is told, in the interface language.
struct ProgressStrings {
    /// `{percent}`: done so far.
    working: &'static str,
    cancel: &'static str,
    cancel_label: &'static str,
    cancelled: &'static str,
    again: &'static str,
}

const ZH: ProgressStrings = ProgressStrings {
    working: "正在对齐… {percent}%",
    cancel: "取消",
    cancel_label: "取消对齐",
    cancelled: "已取消对齐。已载入的文档保持不变。",
    again: "重新比较",
};

const EN: ProgressStrings = ProgressStrings {
    working: "Aligning… {percent}%",
    cancel: "Cancel",
    cancel_label: "Cancel the alignment",
    cancelled: "Alignment cancelled. The documents loaded are kept.",
    again: "Compare again",
};

fn strings(lang: Lang) -> &'static ProgressStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

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
    let strings = strings(props.lang);
    match props.percent {
        Some(percent) => {
            let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
            html! {
                <div class="copy-panel__status copy-panel__status--working compare-progress"
                    data-testid="compare-progress" data-percent={percent.to_string()}>
                    <p role="status">{ fill(strings.working, &[("percent", &percent.to_string())]) }</p>
                    <progress class="copy-panel__progress" max="100" value={percent.to_string()} />
                    <button type="button" class="button copy-panel__cancel" data-testid="compare-cancel"
                        aria-label={strings.cancel_label} onclick={on_cancel}>
                        { strings.cancel }
                    </button>
                </div>
            }
        }
        None => {
            let on_again = props.on_again.reform(|_: MouseEvent| ());
            html! {
                <div class="copy-panel__status compare-progress" data-testid="compare-cancelled">
                    <p role="status">{ strings.cancelled }</p>
                    <button type="button" class="button" data-testid="compare-again" onclick={on_again}>
                        { strings.again }
                    </button>
                </div>
            }
        }
    }
}
