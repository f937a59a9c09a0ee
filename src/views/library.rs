//! `#/`: every document in the corpus, as a table (`table#library`).

use yew::prelude::*;

use crate::components::document_row::DocumentRow;
use crate::components::library_link::MyLibraryLink;
use crate::corpus_data::CorpusHandle;
use crate::dom;
use crate::i18n::{fill, Lang};

#[component]
pub fn LibraryView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let corpus = use_context::<CorpusHandle>();
    let strings = lang.strings();

    use_effect_with(lang, |lang| {
        dom::set_title(lang.strings().app_title);
        dom::mark_ready("library");
    });

    let Some(corpus) = corpus else {
        return html! {};
    };
    let count = corpus.documents.len().to_string();
    html! {
        <section class="library" aria-labelledby="library-heading">
            <h1 id="library-heading" class="page-heading">{ strings.library_heading }</h1>
            <p class="library__intro">{ fill(strings.library_intro, &[("count", &count)]) }</p>
            <MyLibraryLink {lang} />
            <table id="library" class="library__table">
                <caption class="visually-hidden">{ strings.library_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ strings.col_title }</th>
                        <th scope="col">{ strings.col_issuers }</th>
                        <th scope="col">{ strings.col_level }</th>
                        <th scope="col">{ strings.col_type }</th>
                        <th scope="col">{ strings.col_date }</th>
                        <th scope="col">{ strings.col_doc_number }</th>
                        <th scope="col">{ strings.col_units }</th>
                    </tr>
                </thead>
                <tbody>
                    { for corpus.doc_refs().enumerate().map(|(index, doc)| html! {
                        <DocumentRow key={index} {doc} {lang} />
                    }) }
                </tbody>
            </table>
        </section>
    }
}
