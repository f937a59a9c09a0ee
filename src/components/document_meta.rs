//! The metadata block at the top of the reader: who issued the document,
//! when, under which number, and from which raw files it was assembled.

use yew::prelude::*;

use crate::components::metadata_value::{known_or_unknown, ui_value_or_unknown, unknown};
use crate::corpus_data::DocRef;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DocumentMetaProps {
    pub doc: DocRef,
    pub lang: Lang,
}

#[component]
pub fn DocumentMeta(props: &DocumentMetaProps) -> Html {
    let strings = props.lang.strings();
    let doc = &props.doc;
    let issuers = (!doc.issuers.is_empty()).then(|| doc.issuers.join(strings.issuer_separator));
    html! {
        <>
        <h2 class="visually-hidden">{ strings.metadata_heading }</h2>
        <dl class="document-meta">
            <div class="document-meta__row">
                <dt>{ strings.col_issuers }</dt>
                <dd>{ known_or_unknown(issuers, strings) }</dd>
            </div>
            <div class="document-meta__row">
                <dt>{ strings.col_level }</dt>
                <dd>{ ui_value_or_unknown(doc.level.map(|l| strings.level(l)), strings) }</dd>
            </div>
            <div class="document-meta__row">
                <dt>{ strings.col_type }</dt>
                <dd>{ known_or_unknown(doc.doc_type.clone(), strings) }</dd>
            </div>
            <div class="document-meta__row">
                <dt>{ strings.col_date }</dt>
                <dd>{ match &doc.date {
                    Some(date) => html! { <time datetime={date.clone()}>{ date.clone() }</time> },
                    None => unknown(strings),
                } }</dd>
            </div>
            <div class="document-meta__row">
                <dt>{ strings.col_doc_number }</dt>
                <dd>{ known_or_unknown(doc.doc_number.clone(), strings) }</dd>
            </div>
            <div class="document-meta__row document-meta__row--wide">
                <dt>{ strings.witnesses_heading }</dt>
                <dd>
                    <ul class="witness-list">
                        { for doc.witnesses.iter().map(|w| html! {
                            <li class="witness" data-role={w.role.id()}>
                                <code class="witness__file">{ w.file.clone() }</code>
                                { " " }
                                <span class="witness__role">{ strings.witness_role(w.role) }</span>
                                { " · " }
                                <span class="witness__script">{ strings.script(w.script) }</span>
                            </li>
                        }) }
                    </ul>
                </dd>
            </div>
        </dl>
        </>
    }
}
