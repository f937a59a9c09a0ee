//! How far to trust a restored reading: the accuracy the restorer reached
//! where the truth is known, as last measured (`restoration_eval`). Shown
//! wherever restored readings are explained; shows nothing when no figure
//! could be read, rather than a figure nobody measured.

use yew::prelude::*;

use crate::corpus_data::restoration_accuracy;
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct RestorationAccuracyProps {
    pub lang: Lang,
}

#[component]
pub fn RestorationAccuracy(props: &RestorationAccuracyProps) -> Html {
    let Some(a) = restoration_accuracy() else {
        return html! {};
    };
    let text = fill(
        props.lang.restoration_strings().accuracy_note,
        &[
            ("clauses", &a.clauses.to_string()),
            ("undone", &format!("{:.1}", a.undone_percent())),
            ("wrong", &format!("{:.2}", a.wrong_per_thousand_chars())),
            ("confident", &a.confident_changes.to_string()),
            ("confident_wrong", &a.confident_wrong.to_string()),
        ],
    );
    html! {
        <p class="restoration-accuracy" data-testid="restoration-accuracy">{ text }</p>
    }
}
