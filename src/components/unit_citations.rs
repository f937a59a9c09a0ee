//! The documents one unit cites, under it in the reader: each cited title
//! or document number, linked to the corpus document when the library has
//! it, otherwise marked as outside the library.

use policy_core::diffusion::citations::Citation;
use yew::prelude::*;

use crate::i18n::{Lang, CORPUS_LANG};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct UnitCitationsProps {
    pub lang: Lang,
    /// The unit's citations (all of the same unit).
    pub citations: Vec<Citation>,
}

/// How a citation reads: `《title》 number`.
pub fn citation_text(c: &Citation) -> String {
    let mut text = c
        .title
        .as_deref()
        .map(|t| format!("《{t}》"))
        .unwrap_or_default();
    if let Some(n) = &c.doc_number {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(n);
    }
    text
}

#[component]
pub fn UnitCitations(props: &UnitCitationsProps) -> Html {
    if props.citations.is_empty() {
        return html! {};
    }
    let strings = props.lang.diffusion_strings();
    let unit = props.citations[0].unit.clone();
    html! {
        <p class="unit-citations" data-testid="unit-citations" data-unit={unit}>
            <span class="unit-citations__label">{ strings.cites_label }</span>
            { for props.citations.iter().enumerate().map(|(i, c)| {
                let text = citation_text(c);
                html! {
                    <>
                        if i > 0 { { strings.list_separator } }
                        if let Some(target) = &c.target {
                            <a class="unit-citations__link" href={Route::Document { id: target.clone() }.href()}
                                lang={CORPUS_LANG} data-target={target.clone()}>{ text }</a>
                        } else {
                            <span class="unit-citations__unresolved" lang={CORPUS_LANG}>{ text }</span>
                            { " " }{ strings.cite_unresolved }
                        }
                    </>
                }
            }) }
        </p>
    }
}
