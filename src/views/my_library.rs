//! `#/library`: the user's own library — add documents (paste, choose or
//! drop several files), check each before it joins, the list with removal,
//! and export/import of the whole library as one JSON file.

use std::collections::HashSet;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::library_import::{ImportedText, LibraryImport};
use crate::components::library_notices::LibraryNotices;
use crate::components::library_review::LibraryReview;
use crate::components::search_export::download;
use crate::corpus_data::CorpusHandle;
use crate::dom;
use crate::hooks::use_latest::use_latest;
use crate::hooks::use_user_library::{LibraryStatus, UserLibraryContext};
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;
use crate::user_library::import::{new_user_document, now_iso};
use crate::user_library::{
    export_library, is_user_doc_id, read_library_file, FormProblem, LibraryFileError, MetadataForm,
    RecordProblem, UserDocument, MAX_DOCUMENTS,
};

/// One imported text waiting for the user's check.
#[derive(Clone, PartialEq)]
struct Pending {
    key: u32,
    text: ImportedText,
    form: MetadataForm,
    problem: Option<FormProblem>,
}

/// What the last action on this page did (shown under the heading).
#[derive(Clone, PartialEq)]
enum Outcome {
    Saving,
    Saved(usize),
    Removed,
    ImportedFile { name: String, count: usize },
    FileRefused(LibraryFileError),
    TooMany,
}

#[component]
pub fn MyLibraryView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let corpus = use_context::<CorpusHandle>();
    let library = use_context::<UserLibraryContext>();
    use_effect_with(lang, |lang| {
        dom::set_title(lang.library_strings().heading);
        dom::mark_ready("my-library");
    });
    match (corpus, library) {
        (Some(corpus), Some(library)) => html! { <MyLibraryPage {lang} {corpus} {library} /> },
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct MyLibraryPageProps {
    lang: Lang,
    corpus: CorpusHandle,
    library: UserLibraryContext,
}

#[component]
fn MyLibraryPage(props: &MyLibraryPageProps) -> Html {
    let lang = props.lang;
    let s = lang.library_strings();
    let corpus = props.corpus.clone();
    let library = props.library.clone();
    let pending = use_state(Vec::<Pending>::new);
    let next_key = use_mut_ref(|| 1u32);
    let outcome = use_state(|| None::<Outcome>);
    let file_reader = use_mut_ref(|| None::<FileReader>);
    // `use_state` setters see the value of their render; imports arriving
    // in one burst must not overwrite each other, so keep a live copy.
    let pending_live = use_mut_ref(Vec::<Pending>::new);
    *pending_live.borrow_mut() = (*pending).clone();
    let status = library.state.status;
    let usable = library.usable();
    let corpus_ids: HashSet<String> = corpus
        .documents
        .iter()
        .filter(|d| !is_user_doc_id(&d.id))
        .map(|d| d.id.clone())
        .collect();

    let on_imported = {
        let pending = pending.clone();
        let pending_live = pending_live.clone();
        let next_key = next_key.clone();
        Callback::from(move |text: ImportedText| {
            let key = {
                let mut k = next_key.borrow_mut();
                *k += 1;
                *k
            };
            let form = MetadataForm::from_document(&text.doc);
            let mut list = pending_live.borrow().clone();
            list.push(Pending {
                key,
                text,
                form,
                problem: None,
            });
            *pending_live.borrow_mut() = list.clone();
            pending.set(list);
        })
    };
    let update_pending = {
        let setter = pending.setter();
        let pending_live = pending_live.clone();
        use_callback((), move |list: Vec<Pending>, ()| {
            *pending_live.borrow_mut() = list.clone();
            setter.set(list);
        })
    };
    // The review cards' callbacks are made once (the cards then re-render
    // only when their own document or form changes): they read the live
    // list and the latest add function.
    let on_change = {
        let pending_live = pending_live.clone();
        let update = update_pending.clone();
        use_callback((), move |(key, form): (u32, MetadataForm), ()| {
            let mut list = pending_live.borrow().clone();
            if let Some(p) = list.iter_mut().find(|p| p.key == key) {
                p.form = form;
                p.problem = None;
            }
            update.emit(list);
        })
    };
    let on_discard = {
        let pending_live = pending_live.clone();
        let update = update_pending.clone();
        use_callback((), move |key: u32, ()| {
            let list = pending_live
                .borrow()
                .iter()
                .filter(|p| p.key != key)
                .cloned()
                .collect();
            update.emit(list);
        })
    };
    // Adds the pending documents with these keys (after applying each form).
    let add_keys = {
        let pending_live = pending_live.clone();
        let update = update_pending.clone();
        let library = library.clone();
        let outcome = outcome.clone();
        let corpus_ids = corpus_ids.clone();
        Callback::from(move |keys: Vec<u32>| {
            let mut list = pending_live.borrow().clone();
            let mut taken: HashSet<String> = library.state.docs.ids();
            taken.extend(corpus_ids.iter().cloned());
            let mut docs: Vec<UserDocument> = Vec::new();
            let mut failed = false;
            for p in list.iter_mut().filter(|p| keys.contains(&p.key)) {
                let mut doc = (*p.text.doc).clone();
                let fallback = p
                    .text
                    .file_name
                    .clone()
                    .unwrap_or_else(|| doc.title.clone());
                match p.form.apply(&mut doc, &fallback) {
                    Ok(corrections) => {
                        let mut user = new_user_document(
                            doc,
                            p.text.file_name.clone(),
                            p.text.bytes,
                            now_iso(),
                            &taken,
                        );
                        user.provenance.corrections = corrections;
                        taken.insert(user.doc.id.clone());
                        docs.push(user);
                    }
                    Err(problem) => {
                        p.problem = Some(problem);
                        failed = true;
                    }
                }
            }
            if failed {
                update.emit(list);
                return;
            }
            if docs.is_empty() {
                return;
            }
            if library.state.docs.0.len() + docs.len() > MAX_DOCUMENTS {
                outcome.set(Some(Outcome::TooMany));
                return;
            }
            outcome.set(Some(Outcome::Saving));
            let count = docs.len();
            let (outcome, pending_live, update) =
                (outcome.clone(), pending_live.clone(), update.clone());
            let added_keys = keys.clone();
            library.add.emit((
                docs,
                Callback::from(move |result: Result<(), _>| match result {
                    Ok(()) => {
                        let list = pending_live
                            .borrow()
                            .iter()
                            .filter(|p| !added_keys.contains(&p.key))
                            .cloned()
                            .collect();
                        update.emit(list);
                        outcome.set(Some(Outcome::Saved(count)));
                    }
                    // The library's notice says why; the documents stay
                    // here to try again.
                    Err(_) => outcome.set(None),
                }),
            ));
        })
    };
    let latest_add = use_latest(add_keys.clone());
    let on_add = use_callback((), move |key: u32, ()| {
        let add_keys = latest_add.borrow().clone();
        add_keys.emit(vec![key]);
    });
    let on_add_all = {
        let add_keys = add_keys.clone();
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            add_keys.emit(pending.iter().map(|p| p.key).collect());
        })
    };

    let on_remove = |id: String, title: String| {
        let library = library.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            if !confirm(&fill(
                lang.library_strings().confirm_remove,
                &[("title", &title)],
            )) {
                return;
            }
            let outcome = outcome.clone();
            library.remove.emit((
                vec![id.clone()],
                Callback::from(move |r: Result<(), _>| {
                    if r.is_ok() {
                        outcome.set(Some(Outcome::Removed));
                    }
                }),
            ));
        })
    };
    let on_remove_all = {
        let library = library.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let count = library.state.docs.0.len().to_string();
            if !confirm(&fill(
                lang.library_strings().confirm_remove_all,
                &[("count", &count)],
            )) {
                return;
            }
            let outcome = outcome.clone();
            library.clear.emit(Callback::from(move |r: Result<(), _>| {
                if r.is_ok() {
                    outcome.set(Some(Outcome::Removed));
                }
            }));
        })
    };
    let on_export = {
        let library = library.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(json) = export_library(&library.state.docs.0, &now_iso()) {
                download("policy-explorer-library.json", "application/json", &json);
            }
        })
    };
    let on_import_file = {
        let library = library.clone();
        let outcome = outcome.clone();
        let file_reader = file_reader.clone();
        let corpus_ids = corpus_ids.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            if file.size() as usize > crate::user_library::MAX_LIBRARY_FILE_BYTES {
                outcome.set(Some(Outcome::FileRefused(LibraryFileError::TooLarge)));
                return;
            }
            let library = library.clone();
            let outcome = outcome.clone();
            let corpus_ids = corpus_ids.clone();
            let task = gloo::file::callbacks::read_as_bytes(
                &gloo::file::File::from(file),
                move |result| {
                    let bytes = match result {
                        Ok(bytes) => bytes,
                        Err(error) => {
                            outcome.set(Some(Outcome::FileRefused(LibraryFileError::NotJson(
                                error.to_string(),
                            ))));
                            return;
                        }
                    };
                    match read_library_file(&bytes, &library.state.docs.ids(), &corpus_ids) {
                        Ok(docs) => {
                            let count = docs.len();
                            let outcome = outcome.clone();
                            let name = name.clone();
                            library.add.emit((
                                docs,
                                Callback::from(move |r: Result<(), _>| {
                                    if r.is_ok() {
                                        outcome.set(Some(Outcome::ImportedFile {
                                            name: name.clone(),
                                            count,
                                        }));
                                    }
                                }),
                            ));
                        }
                        Err(error) => outcome.set(Some(Outcome::FileRefused(error))),
                    }
                },
            );
            *file_reader.borrow_mut() = Some(task);
        })
    };

    let docs = library.state.docs.0.clone();
    let message = outcome.as_ref().map(|o| outcome_html(lang, o));
    html! {
        <section class="my-library" id="my-library" aria-labelledby="my-library-heading"
            data-status={status_id(status)} data-count={docs.len().to_string()}>
            <h1 id="my-library-heading" class="page-heading">{ s.heading }</h1>
            <p class="my-library__intro">{ s.intro }</p>
            <LibraryNotices {lang} />
            { message.unwrap_or_default() }
            if status == LibraryStatus::Loading {
                <p role="status">{ s.loading }</p>
            }
            <LibraryImport {lang} disabled={!usable} on_imported={on_imported} />
            if !pending.is_empty() {
                <section class="library-reviews" aria-labelledby="library-review-heading">
                    <h2 id="library-review-heading">{ s.review_heading }</h2>
                    <p>{ s.review_intro }</p>
                    if pending.len() > 1 {
                        <button type="button" class="button" id="library-add-all" onclick={on_add_all}
                            disabled={!usable}>
                            { fill(s.add_all, &[("count", &pending.len().to_string())]) }
                        </button>
                    }
                    { for pending.iter().map(|p| html! {
                        <LibraryReview key={p.key} {lang} key_id={p.key} text={p.text.clone()}
                            form={p.form.clone()} problem={p.problem}
                            on_change={on_change.clone()} on_add={on_add.clone()}
                            on_discard={on_discard.clone()} />
                    }) }
                </section>
            }
            <section class="library-list" aria-labelledby="library-list-heading">
                <h2 id="library-list-heading">{ fill(s.list_heading, &[("count", &docs.len().to_string())]) }</h2>
                if docs.is_empty() {
                    <p>{ s.list_empty }</p>
                } else {
                    <table class="library__table" id="my-library-table">
                        <thead>
                            <tr>
                                <th scope="col">{ lang.strings().col_title }</th>
                                <th scope="col">{ s.col_source }</th>
                                <th scope="col">{ s.col_imported }</th>
                                <th scope="col">{ s.col_corrected }</th>
                                <th scope="col"><span class="visually-hidden">{ s.remove }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for docs.iter().map(|d| html! {
                                <tr key={d.doc.id.clone()} data-doc-id={d.doc.id.clone()}>
                                    <th scope="row" data-label={lang.strings().col_title}>
                                        <a href={Route::Document { id: d.doc.id.clone() }.href()} lang={CORPUS_LANG}>
                                            { d.doc.title.clone() }
                                        </a>
                                    </th>
                                    <td data-label={s.col_source}>
                                        { d.provenance.file_name.clone().unwrap_or_else(|| s.pasted.to_string()) }
                                    </td>
                                    <td data-label={s.col_imported}>
                                        <time datetime={d.provenance.imported_at.clone()}>
                                            { d.provenance.imported_at.chars().take(16).collect::<String>().replace('T', " ") }
                                        </time>
                                    </td>
                                    <td data-label={s.col_corrected}>
                                        { d.provenance.corrections.iter().map(|c| c.field.source_field()).collect::<Vec<_>>().join(", ") }
                                    </td>
                                    <td>
                                        <button type="button" class="button button--secondary library-list__remove"
                                            aria-label={fill(s.remove_label, &[("title", &d.doc.title)])}
                                            onclick={on_remove(d.doc.id.clone(), d.doc.title.clone())}
                                            disabled={!usable}>
                                            { s.remove }
                                        </button>
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <button type="button" class="button button--secondary" id="library-remove-all"
                        onclick={on_remove_all} disabled={!usable}>{ s.remove_all }</button>
                }
            </section>
            <section class="library-transfer" aria-labelledby="library-transfer-heading">
                <h2 id="library-transfer-heading">{ s.export_heading }</h2>
                <p>{ s.export_intro }</p>
                <div class="library-import__row">
                    <button type="button" class="button" id="library-export" onclick={on_export}
                        disabled={docs.is_empty()}>{ s.export_button }</button>
                    <label class="library-import__file" for="library-import-file">
                        { s.import_file_label }
                        <input id="library-import-file" type="file" accept=".json,application/json"
                            onchange={on_import_file} disabled={!usable} />
                    </label>
                </div>
            </section>
        </section>
    }
}

fn status_id(status: LibraryStatus) -> &'static str {
    match status {
        LibraryStatus::Disabled => "disabled",
        LibraryStatus::Loading => "loading",
        LibraryStatus::Ready => "ready",
        LibraryStatus::Unavailable => "unavailable",
    }
}

/// `window.confirm`; outside a browser, no.
fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

fn outcome_html(lang: Lang, outcome: &Outcome) -> Html {
    let s = lang.library_strings();
    match outcome {
        Outcome::Saving => {
            html! { <p role="status" data-testid="library-outcome" data-outcome="saving">{ s.saving }</p> }
        }
        Outcome::Saved(count) => html! {
            <p role="status" data-testid="library-outcome" data-outcome="saved">
                { fill(s.saved, &[("count", &count.to_string())]) }
            </p>
        },
        Outcome::Removed => {
            html! { <p role="status" data-testid="library-outcome" data-outcome="removed">{ s.removed }</p> }
        }
        Outcome::ImportedFile { name, count } => html! {
            <p role="status" data-testid="library-outcome" data-outcome="imported">
                { fill(s.imported_file, &[("name", name), ("count", &count.to_string())]) }
            </p>
        },
        Outcome::TooMany => html! {
            <p role="alert" class="copy-panel__error" data-testid="library-outcome" data-outcome="too-many">
                { fill(s.too_many, &[("max", &MAX_DOCUMENTS.to_string())]) }
            </p>
        },
        Outcome::FileRefused(error) => html! {
            <p role="alert" class="copy-panel__error" data-testid="library-outcome" data-outcome="refused"
                data-error={file_error_id(error)}>
                { s.lib_error_prefix }{ " " }{ file_error_text(lang, error) }
            </p>
        },
    }
}

fn file_error_id(error: &LibraryFileError) -> &'static str {
    match error {
        LibraryFileError::TooLarge => "too-large",
        LibraryFileError::NotJson(_) => "not-json",
        LibraryFileError::NotALibrary => "not-a-library",
        LibraryFileError::Version(_) => "version",
        LibraryFileError::Document { .. } => "document",
        LibraryFileError::TooMany => "too-many",
    }
}

/// A refused library file, in the interface language.
pub fn file_error_text(lang: Lang, error: &LibraryFileError) -> String {
    let s = lang.library_strings();
    match error {
        LibraryFileError::TooLarge => s.lib_error_too_large.to_string(),
        LibraryFileError::NotJson(message) => fill(s.lib_error_not_json, &[("message", message)]),
        LibraryFileError::NotALibrary => s.lib_error_not_a_library.to_string(),
        LibraryFileError::Version(v) => fill(s.lib_error_version, &[("version", &v.to_string())]),
        LibraryFileError::Document { index, problem } => {
            let problem = match problem {
                RecordProblem::Shape(_) => s.problem_shape,
                RecordProblem::Version(_) => s.problem_version,
                RecordProblem::Id => s.problem_id,
                RecordProblem::Empty => s.problem_empty,
                RecordProblem::TooLarge => s.problem_too_large,
            };
            fill(
                s.lib_error_document,
                &[("n", &(index + 1).to_string()), ("problem", problem)],
            )
        }
        LibraryFileError::TooMany => {
            fill(s.lib_error_too_many, &[("max", &MAX_DOCUMENTS.to_string())])
        }
    }
}
