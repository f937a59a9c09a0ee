//! The compare view's controls: diff granularity (words / characters),
//! layout (inline / side by side), the two noise filters and the mechanism
//! filter. Every control is a labelled native input; a change emits the
//! whole new option set, which the view writes to the URL.

use policy_core::compare::diff::Granularity;
use policy_core::model::Mechanism;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::i18n::Lang;
use crate::url::compare::{CompareOptions, DiffLayout};

#[derive(Properties, PartialEq)]
pub struct CompareOptionsBarProps {
    pub options: CompareOptions,
    pub corpus: CorpusHandle,
    pub lang: Lang,
    pub on_change: Callback<CompareOptions>,
}

#[component]
pub fn CompareOptionsBar(props: &CompareOptionsBarProps) -> Html {
    let strings = props.lang.compare_strings();
    let options = props.options;
    let english = props.lang == Lang::En;

    let radio = |name: &'static str,
                 value: &'static str,
                 label: &'static str,
                 checked: bool,
                 next: CompareOptions| {
        let on_change = props.on_change.clone();
        let id = format!("compare-{name}-{value}");
        html! {
            <label class="compare-options__choice" for={id.clone()}>
                <input type="radio" {id} {name} value={value} {checked}
                    onchange={Callback::from(move |_| on_change.emit(next))} />
                { label }
            </label>
        }
    };
    let checkbox = |id: &'static str,
                    label: &'static str,
                    checked: bool,
                    set: fn(&mut CompareOptions, bool)| {
        let on_change = props.on_change.clone();
        html! {
            <label class="compare-options__choice" for={id}>
                <input type="checkbox" {id} {checked}
                    onchange={Callback::from(move |e: Event| {
                        let mut next = options;
                        set(&mut next, e.target_unchecked_into::<HtmlInputElement>().checked());
                        on_change.emit(next);
                    })} />
                { label }
            </label>
        }
    };
    let with = |f: fn(&mut CompareOptions)| {
        let mut next = options;
        f(&mut next);
        next
    };
    let on_mechanism = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = options;
            next.mechanism = Mechanism::parse(&value);
            on_change.emit(next);
        })
    };

    html! {
        <div class="compare-options" role="group" aria-label={strings.options_label}>
            <fieldset class="compare-options__group">
                <legend>{ strings.option_mode }</legend>
                { radio("mode", "words", strings.option_mode_words, options.granularity == Granularity::Words,
                    with(|o| o.granularity = Granularity::Words)) }
                { radio("mode", "chars", strings.option_mode_chars, options.granularity == Granularity::Chars,
                    with(|o| o.granularity = Granularity::Chars)) }
            </fieldset>
            <fieldset class="compare-options__group">
                <legend>{ strings.option_view }</legend>
                { radio("view", "inline", strings.option_view_inline, options.layout == DiffLayout::Inline,
                    with(|o| o.layout = DiffLayout::Inline)) }
                { radio("view", "side", strings.option_view_side, options.layout == DiffLayout::Side,
                    with(|o| o.layout = DiffLayout::Side)) }
            </fieldset>
            <fieldset class="compare-options__group">
                <legend>{ strings.option_ignore }</legend>
                { checkbox("compare-ip", strings.option_ignore_punctuation, options.ignore_punctuation,
                    |o, on| o.ignore_punctuation = on) }
                { checkbox("compare-is", strings.option_ignore_script, options.ignore_script,
                    |o, on| o.ignore_script = on) }
            </fieldset>
            <div class="compare-options__group">
                <label for="compare-mech">{ strings.option_mechanism }</label>
                <select id="compare-mech" onchange={on_mechanism}>
                    <option value="" selected={options.mechanism.is_none()}>{ strings.option_mechanism_all }</option>
                    { for Mechanism::ALL.iter().map(|m| html! {
                        <option value={m.id()} selected={options.mechanism == Some(*m)}>
                            { props.corpus.mechanism_name(*m, english) }
                        </option>
                    }) }
                </select>
            </div>
        </div>
    }
}
