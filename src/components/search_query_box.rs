//! The one query box: a labelled search input with an example placeholder
//! and a submit button. Typing reports every change (the view debounces
//! and writes the URL); Enter or the button submits (a new history entry).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;

/// The input's id (the e2e tests type into `#search-query`).
pub const QUERY_INPUT_ID: &str = "search-query";

#[derive(Properties, PartialEq)]
pub struct SearchQueryBoxProps {
    pub lang: Lang,
    /// What the box shows (the view's typed text, not the URL's).
    pub value: AttrValue,
    pub on_input: Callback<String>,
    pub on_submit: Callback<String>,
}

#[component]
pub fn SearchQueryBox(props: &SearchQueryBoxProps) -> Html {
    let strings = props.lang.search_strings();
    let input_ref = use_node_ref();
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let onsubmit = {
        let on_submit = props.on_submit.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                on_submit.emit(input.value());
            }
        })
    };
    html! {
        <form class="search-box" role="search" {onsubmit}>
            <label class="search-box__label" for={QUERY_INPUT_ID}>{ strings.search_query_label }</label>
            <div class="search-box__row">
                <input
                    ref={input_ref}
                    id={QUERY_INPUT_ID}
                    class="search-box__input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="500"
                    placeholder={strings.search_query_placeholder}
                    aria-describedby="search-query-help"
                    value={props.value.clone()}
                    {oninput}
                />
                <button class="search-box__submit" type="submit">{ strings.search_submit }</button>
            </div>
            <p id="search-query-help" class="search-box__help">{ strings.search_query_help }</p>
        </form>
    }
}
