//! The note on a unit shown by its restored reading: how many words were
//! restored, and — visibly, not only on hover — when the restoration is
//! doubtful.

use yew::prelude::*;

use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct RestorationNoteProps {
    pub lang: Lang,
    /// Number of restored places in the unit.
    pub changes: usize,
    pub doubtful: bool,
}

#[component]
pub fn RestorationNote(props: &RestorationNoteProps) -> Html {
    let strings = props.lang.restoration_strings();
    html! {
        <div class="restoration-note" role="note">
            <p class="restoration-note__line">
                <strong class="restoration-note__badge">{ strings.unit_badge }</strong>
                { " " }
                <span class="restoration-note__text">
                    { fill(strings.unit_note, &[("count", &props.changes.to_string())]) }
                </span>
            </p>
            if props.doubtful {
                <p class="restoration-note__line restoration-note__line--doubtful" data-doubtful="true">
                    <strong class="restoration-note__badge restoration-note__badge--doubtful">
                        <span aria-hidden="true">{ "⚠ " }</span>{ strings.doubtful_badge }
                    </strong>
                    { " " }
                    <span class="restoration-note__text">{ strings.doubtful_note }</span>
                </p>
            }
        </div>
    }
}
