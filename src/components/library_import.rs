//! Adding documents to the user's library: paste a text, choose several
//! files, or drop several files. Files are read and imported one at a
//! time, each import in slices of about [`SLICE_MS`] between which the
//! browser paints and answers input, with a progress bar per file and a
//! Cancel that stops at the next slice.
//! Each imported document is handed to the review
//! ([`super::library_review`]); nothing joins the library from here.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use policy_core::ingest::{ImportError, ImportJob, MAX_IMPORT_BYTES};
use policy_core::model::Document;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::compare_copy_panel::{copy_error_text, error_id, format_size, CopyError};
use crate::i18n::Lang;
use crate::user_library::import::{continue_library_import, start_library_import};

use crate::scheduling::SLICE_MS;

/// A document imported and waiting for the user's check. Compared by
/// pointer: a re-render must not deep-compare every pending document.
#[derive(Debug, Clone)]
pub struct ImportedText {
    pub doc: Rc<Document>,
    /// `None` for a paste.
    pub file_name: Option<String>,
    pub bytes: usize,
}

impl PartialEq for ImportedText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum ItemStatus {
    Queued,
    Reading,
    Importing,
    Ready,
    Failed(CopyError),
    Cancelled,
}

impl ItemStatus {
    fn id(&self) -> &'static str {
        match self {
            ItemStatus::Queued => "queued",
            ItemStatus::Reading => "reading",
            ItemStatus::Importing => "importing",
            ItemStatus::Ready => "ready",
            ItemStatus::Failed(_) => "failed",
            ItemStatus::Cancelled => "cancelled",
        }
    }

    /// The progress bar's value out of 3.
    fn progress(&self) -> u8 {
        match self {
            ItemStatus::Queued | ItemStatus::Cancelled => 0,
            ItemStatus::Reading => 1,
            ItemStatus::Importing => 2,
            ItemStatus::Ready | ItemStatus::Failed(_) => 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Item {
    key: u32,
    name: Option<String>,
    bytes: usize,
    status: ItemStatus,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Items(Vec<Item>);

enum ItemsAction {
    Push(Vec<Item>),
    Set(u32, ItemStatus),
    CancelWaiting,
}

impl Reducible for Items {
    type Action = ItemsAction;
    fn reduce(self: Rc<Self>, action: ItemsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ItemsAction::Push(items) => next.0.extend(items),
            ItemsAction::Set(key, status) => {
                if let Some(item) = next.0.iter_mut().find(|i| i.key == key) {
                    item.status = status;
                }
            }
            ItemsAction::CancelWaiting => {
                for item in &mut next.0 {
                    if matches!(
                        item.status,
                        ItemStatus::Queued | ItemStatus::Reading | ItemStatus::Importing
                    ) {
                        item.status = ItemStatus::Cancelled;
                    }
                }
            }
        }
        Rc::new(next)
    }
}

/// One input waiting in the queue.
enum Source {
    Paste(String),
    File(web_sys::File),
}

/// The queue worker's shared state.
struct Worker {
    queue: RefCell<VecDeque<(u32, Source)>>,
    running: Cell<bool>,
    /// Bumped by Cancel: a step of an older generation stops.
    generation: Cell<u32>,
    reader: RefCell<Option<FileReader>>,
    next_key: Cell<u32>,
}

#[derive(Properties, PartialEq)]
pub struct LibraryImportProps {
    pub lang: Lang,
    /// Disabled while the library cannot be written.
    pub disabled: bool,
    pub on_imported: Callback<ImportedText>,
}

#[component]
pub fn LibraryImport(props: &LibraryImportProps) -> Html {
    let s = props.lang.library_strings();
    let items = use_reducer(Items::default);
    let textarea = use_node_ref();
    let worker = use_mut_ref(|| Worker {
        queue: RefCell::new(VecDeque::new()),
        running: Cell::new(false),
        generation: Cell::new(0),
        reader: RefCell::new(None),
        next_key: Cell::new(1),
    });
    // The worker's steps run in timeouts: they must reach the latest props.
    let on_imported = use_mut_ref(|| props.on_imported.clone());
    *on_imported.borrow_mut() = props.on_imported.clone();

    let enqueue = {
        let items = items.clone();
        let worker = worker.clone();
        let on_imported = on_imported.clone();
        Callback::from(move |sources: Vec<Source>| {
            let w = worker.borrow();
            let mut pushed = Vec::new();
            for source in sources {
                let key = w.next_key.get();
                w.next_key.set(key + 1);
                let (name, bytes) = match &source {
                    Source::Paste(text) => (None, text.len()),
                    Source::File(file) => (Some(file.name()), file.size() as usize),
                };
                pushed.push(Item {
                    key,
                    name,
                    bytes,
                    status: ItemStatus::Queued,
                });
                w.queue.borrow_mut().push_back((key, source));
            }
            items.dispatch(ItemsAction::Push(pushed));
            if !w.running.get() {
                w.running.set(true);
                let generation = w.generation.get();
                drop(w);
                next_step(
                    worker.clone(),
                    items.clone(),
                    on_imported.clone(),
                    generation,
                );
            }
        })
    };

    let on_paste_import = {
        let textarea = textarea.clone();
        let enqueue = enqueue.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            if text.trim().is_empty() {
                return;
            }
            area.set_value("");
            enqueue.emit(vec![Source::Paste(text)]);
        })
    };
    let files_of = |list: Option<web_sys::FileList>| -> Vec<Source> {
        let Some(list) = list else { return Vec::new() };
        (0..list.length())
            .filter_map(|i| list.get(i))
            .map(Source::File)
            .collect()
    };
    let on_files = {
        let enqueue = enqueue.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let sources = files_of(input.files());
            input.set_value("");
            if !sources.is_empty() {
                enqueue.emit(sources);
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let enqueue = enqueue.clone();
        let disabled = props.disabled;
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if disabled {
                return;
            }
            let sources = files_of(e.data_transfer().and_then(|dt| dt.files()));
            if !sources.is_empty() {
                enqueue.emit(sources);
            }
        })
    };
    let on_cancel = {
        let worker = worker.clone();
        let items = items.clone();
        Callback::from(move |_: MouseEvent| {
            let w = worker.borrow();
            w.generation.set(w.generation.get().wrapping_add(1));
            w.running.set(false);
            w.queue.borrow_mut().clear();
            // Dropping the reader aborts a read in progress.
            w.reader.borrow_mut().take();
            items.dispatch(ItemsAction::CancelWaiting);
        })
    };
    let busy = items.0.iter().any(|i| {
        matches!(
            i.status,
            ItemStatus::Queued | ItemStatus::Reading | ItemStatus::Importing
        )
    });

    html! {
        <section class="library-import" aria-labelledby="library-import-heading"
            data-testid="library-import" ondragover={on_drag_over} ondrop={on_drop}>
            <h2 id="library-import-heading">{ s.add_heading }</h2>
            <label class="library-import__label" for="library-paste">{ s.paste_label }</label>
            <textarea id="library-paste" class="library-import__text copy-panel__text" ref={textarea}
                rows="5" spellcheck="false" lang="zh-CN" placeholder={s.paste_placeholder}
                disabled={props.disabled} />
            <div class="library-import__row">
                <button type="button" class="button" id="library-paste-import"
                    onclick={on_paste_import} disabled={props.disabled}>{ s.import_button }</button>
                <label class="library-import__file" for="library-files">
                    { s.files_label }
                    <input id="library-files" type="file" multiple=true
                        accept=".txt,.htm,.html,text/plain,text/html" onchange={on_files}
                        disabled={props.disabled} />
                </label>
                if busy {
                    <button type="button" class="button" id="library-cancel" onclick={on_cancel}>{ s.cancel }</button>
                }
            </div>
            <p class="library-import__hint">{ s.drop_hint }</p>
            if !items.0.is_empty() {
                <ol class="library-progress" aria-label={s.progress_label} data-testid="library-progress">
                    { for items.0.iter().map(|item| progress_row(props.lang, item)) }
                </ol>
            }
        </section>
    }
}

fn progress_row(lang: Lang, item: &Item) -> Html {
    let s = lang.library_strings();
    let status = match &item.status {
        ItemStatus::Queued => s.status_queued,
        ItemStatus::Reading => s.status_reading,
        ItemStatus::Importing => s.status_importing,
        ItemStatus::Ready => s.status_ready,
        ItemStatus::Failed(_) => s.status_failed,
        ItemStatus::Cancelled => s.status_cancelled,
    };
    let name = item.name.clone().unwrap_or_else(|| s.pasted.to_string());
    html! {
        <li class="library-progress__item" data-status={item.status.id()}>
            <span class="library-progress__name">{ name }</span>
            { " " }
            <span class="library-progress__size">{ format_size(item.bytes) }</span>
            { " " }
            <progress max="3" value={item.status.progress().to_string()} aria-label={status}></progress>
            { " " }
            <span class="library-progress__status">{ status }</span>
            if let ItemStatus::Failed(error) = &item.status {
                <p class="library-progress__error copy-panel__error" role="alert" data-error={error_id(error)}>
                    { copy_error_text(lang, error) }
                </p>
            }
        </li>
    }
}

/// Takes the next input from the queue, after a paint.
fn next_step(
    worker: Rc<RefCell<Worker>>,
    items: UseReducerHandle<Items>,
    on_imported: Rc<RefCell<Callback<ImportedText>>>,
    generation: u32,
) {
    Timeout::new(0, move || {
        if worker.borrow().generation.get() != generation {
            return;
        }
        let next = worker.borrow().queue.borrow_mut().pop_front();
        let Some((key, source)) = next else {
            worker.borrow().running.set(false);
            return;
        };
        match source {
            Source::Paste(text) => {
                items.dispatch(ItemsAction::Set(key, ItemStatus::Importing));
                import_step(
                    worker,
                    items,
                    on_imported,
                    generation,
                    key,
                    None,
                    text.into_bytes(),
                );
            }
            Source::File(file) => {
                let name = file.name();
                let size = file.size() as usize;
                if size > MAX_IMPORT_BYTES {
                    let error = CopyError::Import(ImportError::TooLarge {
                        bytes: size,
                        limit: MAX_IMPORT_BYTES,
                    });
                    items.dispatch(ItemsAction::Set(key, ItemStatus::Failed(error)));
                    next_step(worker, items, on_imported, generation);
                    return;
                }
                items.dispatch(ItemsAction::Set(key, ItemStatus::Reading));
                let blob = gloo::file::File::from(file);
                let (w2, i2, o2) = (worker.clone(), items.clone(), on_imported.clone());
                let task = gloo::file::callbacks::read_as_bytes(&blob, move |result| {
                    w2.borrow().reader.borrow_mut().take();
                    if w2.borrow().generation.get() != generation {
                        return;
                    }
                    match result {
                        Ok(bytes) => {
                            i2.dispatch(ItemsAction::Set(key, ItemStatus::Importing));
                            import_step(w2, i2, o2, generation, key, Some(name), bytes);
                        }
                        Err(error) => {
                            let error = CopyError::FileRead(error.to_string());
                            i2.dispatch(ItemsAction::Set(key, ItemStatus::Failed(error)));
                            next_step(w2, i2, o2, generation);
                        }
                    }
                });
                *worker.borrow().reader.borrow_mut() = Some(task);
            }
        }
    })
    .forget();
}

/// Imports one text after the "cleaning" state has been painted, in slices.
fn import_step(
    worker: Rc<RefCell<Worker>>,
    items: UseReducerHandle<Items>,
    on_imported: Rc<RefCell<Callback<ImportedText>>>,
    generation: u32,
    key: u32,
    file_name: Option<String>,
    bytes: Vec<u8>,
) {
    Timeout::new(0, move || {
        if worker.borrow().generation.get() != generation {
            return;
        }
        match start_library_import(&bytes, file_name.as_deref()) {
            Ok(job) => {
                let text = PendingText {
                    key,
                    file_name,
                    bytes: bytes.len(),
                };
                import_slice(worker, items, on_imported, generation, text, job);
            }
            Err(error) => {
                items.dispatch(ItemsAction::Set(key, ItemStatus::Failed(error)));
                next_step(worker, items, on_imported, generation);
            }
        }
    })
    .forget();
}

/// The text an import slice works on.
struct PendingText {
    key: u32,
    file_name: Option<String>,
    bytes: usize,
}

/// One slice of an import; schedules the next until the document is there
/// (or the batch was cancelled: a new generation).
fn import_slice(
    worker: Rc<RefCell<Worker>>,
    items: UseReducerHandle<Items>,
    on_imported: Rc<RefCell<Callback<ImportedText>>>,
    generation: u32,
    text: PendingText,
    mut job: ImportJob,
) {
    Timeout::new(0, move || {
        if worker.borrow().generation.get() != generation {
            return;
        }
        match continue_library_import(&mut job, SLICE_MS) {
            None => import_slice(worker, items, on_imported, generation, text, job),
            Some(Ok(doc)) => {
                items.dispatch(ItemsAction::Set(text.key, ItemStatus::Ready));
                let callback = on_imported.borrow().clone();
                callback.emit(ImportedText {
                    doc: Rc::new(doc),
                    file_name: text.file_name,
                    bytes: text.bytes,
                });
                next_step(worker, items, on_imported, generation);
            }
            Some(Err(error)) => {
                items.dispatch(ItemsAction::Set(text.key, ItemStatus::Failed(error)));
                next_step(worker, items, on_imported, generation);
            }
        }
    })
    .forget();
}
