//! A footer that only exists on paper (`styles/print.css` shows it, the
//! screen styles hide it): the permalink of what was printed and where the
//! text comes from, so a handout can always be traced back. Rendered as
//! text by Yew; it follows the route like everything else.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::embed::environment::current_href;
use crate::embed::snippet::full_explorer_url;
use crate::i18n::{fill, Lang};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct PrintFooterProps {
    pub lang: Lang,
    /// `None` when the corpus failed to load (only the link is printed).
    pub corpus: Option<CorpusHandle>,
}

#[component]
pub fn PrintFooter(props: &PrintFooterProps) -> Html {
    let route = use_route::<Route>();
    let _location = use_location();
    let strings = props.lang.embed_strings();
    let href = current_href();
    let permalink = href.as_deref().map(full_explorer_url).unwrap_or_default();
    // On a unit permalink the reader may choose to print the whole
    // document: the document's own permalink is printed then (the print
    // stylesheet picks the line by the reader's `data-print`).
    let document_permalink = match (route.as_ref(), href.as_deref()) {
        (Some(Route::Unit { id, .. }), Some(href)) => {
            let page = href.split_once('#').map_or(href, |(page, _)| page);
            let document = Route::Document { id: id.clone() }.href();
            Some(full_explorer_url(&format!("{page}{document}")))
        }
        _ => None,
    };
    let source = props
        .corpus
        .as_ref()
        .map(|corpus| source_line(props.lang, corpus, route.as_ref()));
    html! {
        <footer class="print-footer" id="print-footer">
            <p class="print-footer__line">
                <span class="print-footer__label">{ strings.print_permalink }</span>
                <span class="print-footer__url print-footer__url--shown">{ permalink }</span>
                if let Some(document_permalink) = document_permalink {
                    <span class="print-footer__url print-footer__url--document">{ document_permalink }</span>
                }
            </p>
            if let Some(source) = source {
                <p class="print-footer__line">
                    <span class="print-footer__label">{ strings.print_source }</span>
                    <span>{ source }</span>
                </p>
            }
        </footer>
    }
}

/// The printed source: the document's title, and those of its issuers,
/// date and number that are known, on a document page; else the corpus and
/// its raw files.
fn source_line(lang: Lang, corpus: &CorpusHandle, route: Option<&Route>) -> String {
    let strings = lang.strings();
    let embed = lang.embed_strings();
    let doc_id = match route {
        Some(Route::Document { id } | Route::Unit { id, .. }) => Some(id.as_str()),
        _ => None,
    };
    if let Some(doc) = doc_id.and_then(|id| corpus.document(id)) {
        // Only what is known: an unknown date or number is left out rather
        // than printed as "unknown".
        let issuers = doc.issuers.join(strings.issuer_separator);
        let mut parts = vec![fill(strings.print_title, &[("title", &doc.title)])];
        parts.extend(
            [Some(issuers), doc.date.clone(), doc.doc_number.clone()]
                .into_iter()
                .flatten()
                .filter(|part| !part.trim().is_empty()),
        );
        return parts.join(strings.print_field_separator);
    }
    let files: Vec<&str> = corpus.sources.iter().map(|s| s.file.as_str()).collect();
    fill(
        embed.print_corpus,
        &[
            ("count", &corpus.documents.len().to_string()),
            ("files", &files.join(", ")),
        ],
    )
}
