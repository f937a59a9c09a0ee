//! The quick check of one imported document before it joins the library:
//! what the cleaning removed and why (rule ids, line numbers, the removed
//! text), the flagged characters and truncation, the structure found (unit
//! paths), and a form to correct title, issuers, level and date. The form is
//! controlled by the parent, which adds the document.

use policy_core::ingest::flags::rule;
use policy_core::model::{Level, Removal};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::compare_copy_panel::format_size;
use crate::components::library_import::ImportedText;
use crate::corpus_data::unit_kind_id;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::user_library::{FormProblem, MetadataForm};

/// Structure lines shown before "…".
const MAX_STRUCTURE_LINES: usize = 300;

#[derive(Properties, PartialEq)]
pub struct LibraryReviewProps {
    pub lang: Lang,
    pub key_id: u32,
    pub text: ImportedText,
    pub form: MetadataForm,
    pub problem: Option<FormProblem>,
    pub on_change: Callback<(u32, MetadataForm)>,
    pub on_add: Callback<u32>,
    pub on_discard: Callback<u32>,
}

fn is_flag(removal: &Removal) -> bool {
    removal.rule == rule::TRUNCATED || removal.rule == rule::CENSORED_CHARACTER
}

#[component]
pub fn LibraryReview(props: &LibraryReviewProps) -> Html {
    let lang = props.lang;
    let s = lang.library_strings();
    let strings = lang.strings();
    let doc = &props.text.doc;
    let key = props.key_id;
    let (flags, removed): (Vec<&Removal>, Vec<&Removal>) =
        doc.removals.iter().partition(|r| is_flag(r));

    let field = |apply: fn(&mut MetadataForm, String)| {
        let form = props.form.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut form = form.clone();
            apply(&mut form, value);
            on_change.emit((key, form));
        })
    };
    let on_level = {
        let form = props.form.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut form = form.clone();
            form.level = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_change.emit((key, form));
        })
    };
    let on_add = {
        let on_add = props.on_add.clone();
        Callback::from(move |_: MouseEvent| on_add.emit(key))
    };
    let on_discard = {
        let on_discard = props.on_discard.clone();
        Callback::from(move |_: MouseEvent| on_discard.emit(key))
    };
    let id = |name: &str| format!("review-{key}-{name}");
    let name = props
        .text
        .file_name
        .clone()
        .unwrap_or_else(|| s.pasted.to_string());
    let removal_item = |r: &&Removal| {
        html! {
            <li data-rule={r.rule.clone()}>
                <code>{ r.rule.clone() }</code>{ " · " }
                { fill(s.review_line, &[("line", &r.line.to_string())]) }{ " · " }
                <q lang={CORPUS_LANG}>{ r.text.chars().take(120).collect::<String>() }</q>
            </li>
        }
    };

    html! {
        <article class="library-review" data-testid="library-review" data-key={key.to_string()}>
            <h3 class="library-review__title" lang={CORPUS_LANG}>{ doc.title.clone() }</h3>
            <p class="library-review__source">
                { fill(s.review_source, &[("name", &name), ("size", &format_size(props.text.bytes))]) }
            </p>
            <div class="library-review__form">
                <label for={id("title")}>{ s.field_title }</label>
                <input id={id("title")} class="library-review__input" data-field="title" type="text"
                    lang={CORPUS_LANG} value={props.form.title.clone()}
                    oninput={field(|f, v| f.title = v)} />
                <label for={id("issuers")}>{ s.field_issuers }</label>
                <input id={id("issuers")} class="library-review__input" data-field="issuers" type="text"
                    lang={CORPUS_LANG} value={props.form.issuers.clone()}
                    oninput={field(|f, v| f.issuers = v)} />
                <label for={id("level")}>{ s.field_level }</label>
                <select id={id("level")} data-field="level" onchange={on_level}>
                    <option value="" selected={props.form.level.is_empty()}>{ s.level_unknown }</option>
                    { for Level::ALL.iter().map(|level| html! {
                        <option value={level.id()} selected={props.form.level == level.id()}>
                            { strings.level(*level) }
                        </option>
                    }) }
                </select>
                <label for={id("date")}>{ s.field_date }</label>
                <input id={id("date")} class="library-review__input" data-field="date" type="text"
                    inputmode="numeric" placeholder="YYYY-MM-DD" value={props.form.date.clone()}
                    oninput={field(|f, v| f.date = v)} />
            </div>
            if let Some(problem) = props.problem {
                <p class="copy-panel__error" role="alert" data-testid="review-error">
                    { match problem {
                        FormProblem::Date => s.form_error_date,
                        FormProblem::TooLong => s.form_error_too_long,
                    } }
                </p>
            }
            <details class="library-review__details" data-testid="review-removed">
                <summary>{ fill(s.review_removed_heading, &[("count", &removed.len().to_string())]) }</summary>
                if removed.is_empty() {
                    <p>{ s.review_removed_none }</p>
                } else {
                    <ul class="library-review__list">{ for removed.iter().map(removal_item) }</ul>
                }
            </details>
            <details class="library-review__details" data-testid="review-flags" open={!flags.is_empty()}>
                <summary>{ fill(s.review_flags_heading, &[("count", &flags.len().to_string())]) }</summary>
                if flags.is_empty() {
                    <p>{ s.review_flags_none }</p>
                } else {
                    <ul class="library-review__list">{ for flags.iter().map(removal_item) }</ul>
                }
            </details>
            <details class="library-review__details" data-testid="review-structure">
                <summary>{ fill(s.review_structure_heading, &[("count", &doc.units.len().to_string())]) }</summary>
                <ol class="library-review__structure">
                    { for doc.units.iter().take(MAX_STRUCTURE_LINES).map(|unit| html! {
                        <li data-kind={unit_kind_id(unit.kind)}>
                            <code>{ unit.path.as_str().to_string() }</code>{ " " }
                            <span class="library-review__kind">{ strings.unit_kind(unit.kind) }</span>{ " " }
                            <span lang={CORPUS_LANG}>{ unit.text.chars().take(30).collect::<String>() }</span>
                        </li>
                    }) }
                    if doc.units.len() > MAX_STRUCTURE_LINES {
                        <li>{ "…" }</li>
                    }
                </ol>
            </details>
            <div class="library-review__actions">
                <button type="button" class="button library-review__add" onclick={on_add}>{ s.add_one }</button>
                <button type="button" class="button button--secondary library-review__discard" onclick={on_discard}>{ s.discard }</button>
            </div>
        </article>
    }
}
