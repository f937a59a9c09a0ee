//! `#/doc/{id}` and `#/doc/{id}/{path}`: one document with its contents,
//! every unit addressable; the unit named by the URL is scrolled to,
//! focused and highlighted (`.unit--target`, `aria-current="location"`).

use policy_core::restoration::TextChoice;
use yew::prelude::*;
use yew_router::prelude::use_location;

use crate::components::back_link::BackLink;
use crate::components::document_meta::DocumentMeta;
use crate::components::restoration_accuracy::RestorationAccuracy;
use crate::components::search_unit_text::ReaderTextOptions;
use crate::components::table_of_contents::TableOfContents;
use crate::components::unit_block::{print_role, unit_dom_id, PrintRole, UnitBlock};
use crate::components::unit_citations::UnitCitations;
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
    let query_str = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let text_choice = reader_text_choice(&query_str);
    let restoration = lang.restoration_strings();
    let reworded = doc.units.iter().filter(|u| u.provenance.reworded).count();
    let restored = doc.units.iter().filter(|u| u.is_restored()).count();
    let here = match &props.target {
        Some(path) => Route::Unit {
            id: doc.id.clone(),
            path: path.to_string(),
        }
        .href(),
        None => Route::Document { id: doc.id.clone() }.href(),
    };
    let switch_choice = match text_choice {
        TextChoice::Reading => TextChoice::Witness,
        TextChoice::Witness => TextChoice::Reading,
    };
    let switch_href = reader_href(&here, &highlight_query(&query_str), switch_choice);

    // What paper gets when a unit permalink is open: that unit (with the
    // headings above it) unless the reader chose the whole document.
    // Choosing prints at once; Ctrl+P afterwards keeps the choice.
    let whole_document = use_state_eq(|| false);
    let print_requests = use_state_eq(|| 0u32);
    {
        let whole_document = whole_document.clone();
        use_effect_with((doc.id.clone(), props.target.clone()), move |_| {
            whole_document.set(false)
        });
    }
    use_effect_with(*print_requests, |requests| {
        if *requests > 0 {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        }
    });
    let print_choice = props.target.as_ref().map(|path| {
        let choose = |whole: bool| {
            let whole_document = whole_document.clone();
            let print_requests = print_requests.clone();
            Callback::from(move |_: MouseEvent| {
                whole_document.set(whole);
                print_requests.set(*print_requests + 1);
            })
        };
        let pressed = |on: bool| if on { "true" } else { "false" };
        html! {
            <div class="print-choice" role="group" aria-label={strings.print_choice_label}>
                <button type="button" id="print-unit" class="button print-choice__button"
                    aria-pressed={pressed(!*whole_document)} onclick={choose(false)}>
                    { fill(strings.print_this_unit, &[("path", path)]) }
                </button>
                <button type="button" id="print-document" class="button print-choice__button"
                    aria-pressed={pressed(*whole_document)} onclick={choose(true)}>
                    { strings.print_whole_document }
                </button>
            </div>
        }
    });
    let print_unit = props.target.as_deref().filter(|_| !*whole_document);
    let citations = use_memo((doc.clone(), text_choice), |(doc, choice)| {
        policy_core::diffusion::citations::document_citations(doc, &doc.corpus().documents, *choice)
    });
    html! {
        <article id="reader" class={classes!("reader", print_unit.is_some().then_some("reader--print-unit"))}
            data-doc-id={doc.id.clone()} data-print={if print_unit.is_some() { "unit" } else { "document" }}
            aria-labelledby="reader-title">
            <header class="reader__header">
                <BackLink class="reader__back" href={Route::Library.href()}
                    label={strings.back_to_library} />
                <h1 id="reader-title" class="page-heading reader__title" lang={CORPUS_LANG}>{ doc.title.clone() }</h1>
                <DocumentMeta doc={doc.clone()} {lang} />
                <WordBoundaryToggle {lang} on={word_boundaries} on_toggle={on_toggle_boundaries} />
                if restored > 0 {
                    <p class="reader__reworded-note reader__restored-note" role="note" data-text={text_choice_id(text_choice)}>
                        <span aria-hidden="true">{ "⚠ " }</span>
                        { fill(match text_choice {
                            TextChoice::Reading => restoration.reader_note_reading,
                            TextChoice::Witness => restoration.reader_note_witness,
                        }, &[("count", &reworded.to_string())]) }
                        { " " }
                        <a id="toggle-witness-text" class="reader__text-switch" href={switch_href}>
                            { match text_choice {
                                TextChoice::Reading => restoration.show_witness,
                                TextChoice::Witness => restoration.show_reading,
                            } }
                        </a>
                    </p>
                    if text_choice == TextChoice::Reading {
                        <RestorationAccuracy {lang} />
                    }
                } else if reworded > 0 {
                    <p class="reader__reworded-note" role="note">
                        <span aria-hidden="true">{ "⚠ " }</span>
                        { fill(strings.reworded_document_note, &[("count", &reworded.to_string())]) }
                    </p>
                }
            </header>
            <div class="reader__layout">
                <TableOfContents doc={doc.clone()} {lang} current_path={props.target.clone()} text={text_choice} />
                <ContextProvider<ReaderTextOptions> context={text_options}>
                <div class="reader__text">
                    { for (0..doc.units.len()).map(|index| {
                        let path = doc.units[index].path.as_str();
                        let is_target = props.target.as_deref() == Some(path);
                        let print_role = print_unit.map_or(PrintRole::None, |target| print_role(path, target));
                        // The print choice sits in the unit the reader was sent
                        // to, where they are looking.
                        let actions = is_target.then(|| print_choice.clone()).flatten();
                        html! {
                            <key={format!("{index}:{}", doc.units[index].path)}>
                            <UnitBlock doc={doc.clone()} {index} {is_target} {lang} text={text_choice} {print_role} {actions} />
                            <UnitCitations {lang}
                                citations={citations.iter().filter(|c| c.unit == doc.units[index].path.as_str()).cloned().collect::<Vec<_>>()} />
                            </>
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

/// The `text` parameter of a reader URL: `witness` shows the witness text
/// of units that have a restored reading; anything else (or nothing) shows
/// the restored reading.
pub fn reader_text_choice(query_str: &str) -> TextChoice {
    match crate::url::query_string::query_value(query_str, "text").as_deref() {
        Some("witness") => TextChoice::Witness,
        _ => TextChoice::Reading,
    }
}

/// The `text` parameter's value for a choice (also a `data-text` value).
pub fn text_choice_id(choice: TextChoice) -> &'static str {
    match choice {
        TextChoice::Reading => "reading",
        TextChoice::Witness => "witness",
    }
}

/// A reader URL (`route` is a route's href) keeping the `hl` query and the
/// text choice; the default choice is left out.
pub fn reader_href(route: &str, hl: &str, choice: TextChoice) -> String {
    let mut pairs = Vec::new();
    if !hl.is_empty() {
        pairs.push(("hl", hl));
    }
    if choice == TextChoice::Witness {
        pairs.push(("text", "witness"));
    }
    if pairs.is_empty() {
        route.to_string()
    } else {
        format!("{route}?{}", crate::url::query_string::write_query(pairs))
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;

    #[test]
    fn the_text_parameter_chooses_the_witness_text_or_the_reading() {
        assert_eq!(reader_text_choice("?text=witness"), TextChoice::Witness);
        assert_eq!(
            reader_text_choice("?hl=x&text=witness"),
            TextChoice::Witness
        );
        assert_eq!(reader_text_choice(""), TextChoice::Reading);
        assert_eq!(reader_text_choice("?text=%3Cb%3E"), TextChoice::Reading);
        assert_eq!(
            reader_href("#/doc/central-2018/8.25", "宏观", TextChoice::Witness),
            "#/doc/central-2018/8.25?hl=%E5%AE%8F%E8%A7%82&text=witness"
        );
        assert_eq!(reader_href("#/doc/a", "", TextChoice::Reading), "#/doc/a");
    }

    #[test]
    fn the_hl_parameter_is_decoded_or_dropped() {
        assert_eq!(highlight_query("?hl=%E7%94%9F%E6%80%81"), "生态");
        assert_eq!(highlight_query("?x=1&hl=a+b"), "a b");
        assert_eq!(highlight_query(""), "");
        assert_eq!(highlight_query("?hl=%ZZ"), "");
        assert_eq!(highlight_query("?hl=a%0Ab"), "");
    }
}
