//! The warning on a unit whose reading text exists only in the
//! machine-reworded witness: readers must not quote it unchecked.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct RewordedMarkProps {
    pub lang: Lang,
}

#[component]
pub fn RewordedMark(props: &RewordedMarkProps) -> Html {
    let strings = props.lang.strings();
    html! {
        <p class="reworded-mark" role="note">
            <strong class="reworded-mark__badge">
                <span aria-hidden="true">{ "⚠ " }</span>{ strings.reworded_badge }
            </strong>
            { " " }
            <span class="reworded-mark__note">{ strings.reworded_unit_note }</span>
        </p>
    }
}
