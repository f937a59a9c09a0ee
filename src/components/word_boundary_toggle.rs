//! The reader's "show word boundaries" switch: lets a class see how the
//! machine cuts each sentence (the same segmenter the search uses).

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct WordBoundaryToggleProps {
    pub lang: Lang,
    pub on: bool,
    pub on_toggle: Callback<()>,
}

#[component]
pub fn WordBoundaryToggle(props: &WordBoundaryToggleProps) -> Html {
    let onclick = {
        let cb = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <button type="button" id="toggle-word-boundaries" class="word-boundary-toggle"
            aria-pressed={if props.on { "true" } else { "false" }} {onclick}>
            { props.lang.search_strings().word_boundaries_toggle }
        </button>
    }
}
