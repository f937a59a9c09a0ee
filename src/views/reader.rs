//! `#/doc/{id}` and `#/doc/{id}/{path}`: one document with its contents,
//! every unit addressable; the unit named by the URL is scrolled to,
//! focused and highlighted (`.unit--target`, `aria-current="location"`).

use yew::prelude::*;
use yew_router::prelude::use_location;

use crate::components::document_meta::DocumentMeta;
use crate::components::search_unit_text::ReaderTextOptions;
use crate::components::table_of_contents::TableOfContents;
use crate::components::unit_block::{unit_dom_id, UnitBlock};
use crate::components::word_boundary_toggle::WordBoundaryToggle;
use crate::corpus_data::{CorpusHandle, DocRef};
use crate::dom;
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
                <p class="reader__back">
                    <a href={Route::Library.href()}>
                        <span aria-hidden="true">{ "← " }</span>{ strings.back_to_library }
                    </a>
                </p>
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

/// What the reader's unit text shows besides the text (issue 4): the `hl`
/// query's terms marked in the target unit, and word boundaries when the
/// toggle (a stored preference) is on. Both need the search engine, which
/// is built on demand, just after the first paint, and then cached.
#[hook]
fn use_reader_text_options(doc: &DocRef) -> (ReaderTextOptions, bool, Callback<()>) {
    let corpus = doc.corpus().clone();
    let hl = use_location()
        .map(|l| highlight_query(l.query_str()))
        .unwrap_or_default();
    // Off until the stored preference is read in an effect (storage is a
    // browser API; effects never run in native render tests).
    let boundaries = use_state(|| false);
    {
        let boundaries = boundaries.clone();
        use_effect_with((), move |_| {
            if crate::preferences::load_word_boundaries() {
                boundaries.set(true);
            }
        });
    }
    let needed = *boundaries || !hl.is_empty();
    let engine = {
        let corpus = corpus.clone();
        use_state(move || crate::corpus_data::cached_search_engine(&corpus))
    };
    {
        let engine = engine.clone();
        use_effect_with(needed, move |needed| {
            if *needed && engine.is_none() {
                gloo::timers::callback::Timeout::new(0, move || {
                    if let Ok(handle) = crate::corpus_data::search_engine(&corpus) {
                        engine.set(Some(handle));
                    }
                })
                .forget();
            }
        });
    }
    let highlight_terms = {
        let engine = (*engine).clone();
        let doc_id = doc.id.clone();
        use_memo((engine, hl, doc_id), |(engine, hl, doc_id)| match engine {
            Some(handle) if !hl.is_empty() => {
                let mut request = policy_core::search::SearchRequest::with_query(hl.clone());
                request.docs.push(doc_id.clone());
                handle.engine.search(&request).highlight_terms
            }
            _ => Vec::new(),
        })
    };
    let on_toggle = {
        let boundaries = boundaries.clone();
        Callback::from(move |()| {
            let on = !*boundaries;
            crate::preferences::save_word_boundaries(on);
            boundaries.set(on);
        })
    };
    let options = ReaderTextOptions {
        highlight_terms: std::rc::Rc::new((*highlight_terms).clone()),
        boundaries: (*boundaries).then(|| (*engine).clone()).flatten(),
    };
    (options, *boundaries, on_toggle)
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
