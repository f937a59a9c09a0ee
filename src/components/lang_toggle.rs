//! The interface language switch (`#lang-toggle`).

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LangToggleProps {
    /// The current language; the button offers the other one.
    pub lang: Lang,
    pub on_toggle: Callback<()>,
}

#[component]
pub fn LangToggle(props: &LangToggleProps) -> Html {
    let strings = props.lang.strings();
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    // The label is written in the language it switches to, and marked so,
    // so that a screen reader pronounces "English" / "中文" correctly.
    html! {
        <button
            id="lang-toggle"
            type="button"
            class="button lang-toggle"
            lang={props.lang.other().html_lang()}
            aria-label={strings.lang_toggle_label}
            {onclick}
        >
            { strings.lang_toggle_text }
        </button>
    }
}
