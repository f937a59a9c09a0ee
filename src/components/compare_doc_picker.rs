//! What is compared: two labelled selects (A and B) and a swap link.
//! Choosing a document opens that comparison as a new history entry.

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::corpus_data::{CorpusHandle, MY_COPY_ID};
use crate::i18n::{Lang, CORPUS_LANG};
use crate::navigation::{compare_href, compare_route, go_to_compare, Entry};
use crate::url::compare::CompareOptions;

#[derive(Properties, PartialEq)]
pub struct CompareDocPickerProps {
    pub lang: Lang,
    pub corpus: CorpusHandle,
    pub a: String,
    pub b: String,
    /// Offer the user's copy as a choice.
    pub has_copy: bool,
    pub options: CompareOptions,
}

#[component]
pub fn CompareDocPicker(props: &CompareDocPickerProps) -> Html {
    let strings = props.lang.compare_strings();
    let navigator = use_navigator();
    let pick = |side_a: bool| {
        let navigator = navigator.clone();
        let (a, b, options) = (props.a.clone(), props.b.clone(), props.options);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let route = if side_a {
                compare_route(&value, &b, None)
            } else {
                compare_route(&a, &value, None)
            };
            if let Some(navigator) = &navigator {
                go_to_compare(navigator, &route, &options, Entry::Push);
            }
        })
    };
    let choices = |selected: &str| {
        let mut items: Vec<Html> = props
            .corpus
            .documents
            .iter()
            .map(|d| {
                html! {
                    <option value={d.id.clone()} selected={d.id == selected}>{ crate::user_library::display_title(d, props.lang) }</option>
                }
            })
            .collect();
        if props.has_copy {
            items.push(html! {
                <option value={MY_COPY_ID} selected={selected == MY_COPY_ID}>{ strings.my_copy_option }</option>
            });
        }
        items
    };
    html! {
        <div class="doc-picker">
            <label for="compare-a">{ strings.pick_a }</label>
            <select id="compare-a" onchange={pick(true)} lang={CORPUS_LANG}>{ for choices(&props.a) }</select>
            <a class="doc-picker__swap" href={compare_href(&props.b, &props.a, None, &props.options)}
                aria-label={strings.swap_label} title={strings.swap_label}>{ "⇄" }</a>
            <label for="compare-b">{ strings.pick_b }</label>
            <select id="compare-b" onchange={pick(false)} lang={CORPUS_LANG}>{ for choices(&props.b) }</select>
        </div>
    }
}
