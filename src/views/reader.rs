//! `#/doc/{id}` and `#/doc/{id}/{path}`: one document with its contents,
//! every unit addressable; the unit named by the URL is scrolled to,
//! focused and highlighted (`.unit--target`, `aria-current="location"`).

use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::document_meta::DocumentMeta;
use crate::components::search_unit_text::ReaderTextOptions;
use crate::components::table_of_contents::TableOfContents;
use crate::components::unit_block::{unit_dom_id, UnitBlock};
use crate::components::word_boundary_toggle::WordBoundaryToggle;
use crate::corpus_data::{CorpusHandle, DocRef};
use crate::dom;
use crate::hooks::use_reader_text_options::use_reader_text_options;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;
use crate::views::not_found::{NotFoundReason, NotFoundView};

#[derive(Properties, PartialEq)]
pub struct ReaderViewProps {
    /// The document id from the URL (not yet checked).
    pub id: String,
    /// The unit path from the URL (not yet checked), if any.
    pub path: Option<String>,
}

/// Resolves the route's id and path against the corpus; anything unknown
/// becomes a not-found page that says which part was wrong.
#[component]
pub fn ReaderView(props: &ReaderViewProps) -> Html {
    let corpus = use_context::<CorpusHandle>();
    let Some(doc) = corpus.and_then(|c| c.doc_ref(&props.id)) else {
        return html! { <NotFoundView reason={NotFoundReason::Document { id: props.id.clone() }} /> };
    };
    if let Some(path) = &props.path {
        if doc.unit(path).is_none() {
            let reason = NotFoundReason::Unit {
                id: doc.id.clone(),
                title: doc.title.clone(),
                path: path.clone(),
            };
            return html! { <NotFoundView {reason} /> };
        }
    }
    html! { <DocumentReader {doc} target={props.path.clone().map(AttrValue::from)} /> }
}

#[derive(Properties, PartialEq)]
pub struct DocumentReaderProps {
    pub doc: DocRef,
    /// A path that exists in `doc`.
    #[prop_or_default]
    pub target: Option<AttrValue>,
}

#[component]
pub fn DocumentReader(props: &DocumentReaderProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let strings = lang.strings();
    let doc = &props.doc;

    {
        let title = doc.title.clone();
        use_effect_with(lang, move |lang| {
            dom::set_title(&fill(
                lang.strings().page_title_document,
                &[("title", &title)],
            ));
        });
    }
    // Scroll when the document or the target changes, not on a language
    // switch: the reader should stay where they are.
    use_effect_with((doc.id.clone(), props.target.clone()), |(_, target)| {
        match target {
            Some(path) => {
                dom::scroll_to_and_focus(&unit_dom_id(path));
                dom::reveal_in_scroll_box(".toc", ".toc__link--current");
            }
            None => dom::scroll_to_top(),
        }
        dom::mark_ready("reader");
    });

    let (text_options, word_boundaries, on_toggle_boundaries) = use_reader_text_options(doc);
    let reworded = doc.units.iter().filter(|u| u.provenance.reworded).count();
    html! {
        <article id="reader" class="reader" data-doc-id={doc.id.clone()} aria-labelledby="reader-title">
            <header class="reader__header">
                <BackLink class="reader__back" href={Route::Library.href()}
                    label={strings.back_to_library} />
                <h1 id="reader-title" class="page-heading reader__title" lang={CORPUS_LANG}>{ doc.title.clone() }</h1>
                <DocumentMeta doc={doc.clone()} {lang} />
                <WordBoundaryToggle {lang} on={word_boundaries} on_toggle={on_toggle_boundaries} />
                if reworded > 0 {
                    <p class="reader__reworded-note" role="note">
                        <span aria-hidden="true">{ "⚠ " }</span>
                        { fill(strings.reworded_document_note, &[("count", &reworded.to_string())]) }
                    </p>
                }
            </header>
            <div class="reader__layout">
                <TableOfContents doc={doc.clone()} {lang} current_path={props.target.clone()} />
                <ContextProvider<ReaderTextOptions> context={text_options}>
                <div class="reader__text">
                    { for (0..doc.units.len()).map(|index| {
                        let is_target = props.target.as_deref() == Some(doc.units[index].path.as_str());
                        html! {
                            <UnitBlock key={format!("{index}:{}", doc.units[index].path)} doc={doc.clone()} {index} {is_target} {lang} />
                        }
                    }) }
                </div>
                </ContextProvider<ReaderTextOptions>>
            </div>
        </article>
    }
}

/// The `hl` parameter of a reader URL (`#/doc/x/6.21?hl=…`): the search
/// query whose terms to mark. Malformed escapes, control characters and
/// over-long values give no highlight; the value is only ever used as a
/// query and shown as text.
pub fn highlight_query(query_str: &str) -> String {
    crate::url::query_string::query_value(query_str, "hl")
        .filter(|q| q.chars().count() <= 500 && !q.chars().any(char::is_control))
        .map(|q| q.trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod highlight_tests {
    use super::highlight_query;

    #[test]
    fn the_hl_parameter_is_decoded_or_dropped() {
        assert_eq!(highlight_query("?hl=%E7%94%9F%E6%80%81"), "生态");
        assert_eq!(highlight_query("?x=1&hl=a+b"), "a b");
        assert_eq!(highlight_query(""), "");
        assert_eq!(highlight_query("?hl=%ZZ"), "");
        assert_eq!(highlight_query("?hl=a%0Ab"), "");
    }
}
