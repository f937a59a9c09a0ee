//! "Bring your own copy": paste a text or choose/drop a `.txt` file, and it
//! is imported exactly as the pipeline imports the corpus
//! (`policy_core::ingest::import_document` with the pure-Rust T→S
//! converter), then aligned against a chosen corpus document.
//!
//! Responsiveness on a multi-megabyte paste: the text area is uncontrolled
//! (the input handler only notes that the paste is the current source; the
//! text is read once, on "Compare"), and the import runs as a
//! [`ImportJob`] in slices of a few milliseconds, each in its own timer
//! task, so the page paints progress, scrolls and answers the Cancel button
//! in between. Cancel drops the job. Errors name what was wrong; nothing
//! already loaded is replaced unless the import succeeds.
//!
//! Files are decoded by `policy_core::ingest::decode` (UTF-8 ± BOM,
//! UTF-16 ± BOM, GBK/GB18030), and the encoding found is shown.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use policy_core::ingest::{
    decode, ImportError, ImportJob, ImportProgress, ImportStage, ScriptConverter, MAX_IMPORT_BYTES,
};
use policy_core::text_encoding::DetectedEncoding;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::corpus_data::{CorpusHandle, ImportedCopy, SearchEngineHandle, MY_COPY_ID};
use crate::engine::{build_search_engine, LazyEngine};
use crate::i18n::{fill, Lang};

/// What "Compare" will import: the text area, or the last file chosen.
enum Source {
    Text,
    File { name: String, bytes: Vec<u8> },
}

/// Why an import did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyError {
    Import(ImportError),
    /// The file could not be read by the browser.
    FileRead(String),
    /// The engine (segmenter, converter) could not be built.
    Engine(String),
    /// The text imported but has no units to align.
    NoUnits,
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Reading,
    /// Importing; the progress once the job has started.
    Working(Option<ImportProgress>),
    Failed(CopyError),
    Cancelled,
}

use crate::scheduling::SLICE_MS;
/// Lines or units per `ImportJob::step` call inside a slice.
const STEP_BUDGET: usize = 64;

#[derive(Properties, PartialEq)]
pub struct CopyPanelProps {
    pub lang: Lang,
    pub corpus: CorpusHandle,
    /// The corpus document selected as the comparison target at first.
    pub default_target: AttrValue,
    /// The copy loaded now, if any (described in the panel).
    pub current: Option<ImportedCopy>,
    /// A successful import and the corpus document to align it with.
    pub on_imported: Callback<(ImportedCopy, String)>,
}

#[component]
pub fn CopyPanel(props: &CopyPanelProps) -> Html {
    let strings = props.lang.compare_strings();
    let textarea = use_node_ref();
    let target_select = use_node_ref();
    let source: Rc<RefCell<Source>> = use_mut_ref(|| Source::Text);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let status = use_state(|| Status::Idle);
    let engine = use_context::<LazyEngine>();
    let file_label = use_state(|| None::<(String, usize)>);

    // Typing or pasting: the paste becomes the source. No text is read here.
    let on_input = {
        let source = source.clone();
        let file_label = file_label.clone();
        Callback::from(move |_: InputEvent| {
            *source.borrow_mut() = Source::Text;
            if file_label.is_some() {
                file_label.set(None);
            }
        })
    };

    let take_file = {
        let source = source.clone();
        let reader = reader.clone();
        let status = status.clone();
        let file_label = file_label.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let size = file.size() as usize;
            if size > MAX_IMPORT_BYTES {
                status.set(Status::Failed(CopyError::Import(ImportError::TooLarge {
                    bytes: size,
                    limit: MAX_IMPORT_BYTES,
                })));
                return;
            }
            status.set(Status::Reading);
            let source = source.clone();
            let status = status.clone();
            let file_label = file_label.clone();
            let blob = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_bytes(&blob, move |result| match result {
                Ok(bytes) => {
                    file_label.set(Some((name.clone(), bytes.len())));
                    *source.borrow_mut() = Source::File { name, bytes };
                    status.set(Status::Idle);
                }
                Err(error) => status.set(Status::Failed(CopyError::FileRead(error.to_string()))),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_file = {
        let take_file = take_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                take_file.emit(file);
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let take_file = take_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                take_file.emit(file);
            }
        })
    };

    // Each import gets a number; Cancel (or a newer import) changes the
    // current one, and a running job stops at its next slice.
    let generation: Rc<Cell<u64>> = use_memo((), |_| Cell::new(0));
    // Leaving the page cancels an import in progress: it must not pull the
    // reader back to the comparison when it ends.
    {
        let generation = generation.clone();
        use_effect_with((), move |_| move || generation.set(generation.get() + 1));
    }
    let on_compare = {
        let textarea = textarea.clone();
        let target_select = target_select.clone();
        let source = source.clone();
        let status = status.clone();
        let corpus = props.corpus.clone();
        let engine = engine.clone();
        let on_imported = props.on_imported.clone();
        let fallback_target = props.default_target.to_string();
        let generation = generation.clone();
        Callback::from(move |_: MouseEvent| {
            if matches!(*status, Status::Working(_) | Status::Reading) {
                return;
            }
            status.set(Status::Working(None));
            let target = target_select
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback_target.clone());
            generation.set(generation.get() + 1);
            let run = ImportRun {
                generation: generation.clone(),
                id: generation.get(),
                status: status.clone(),
                on_imported: on_imported.clone(),
                target,
            };
            let textarea = textarea.clone();
            let source = source.clone();
            let corpus = corpus.clone();
            let engine = engine.clone();
            // Let the browser paint "working…" before the first slice.
            Timeout::new(16, move || {
                if !run.current() {
                    return;
                }
                // The shared engine, built now if the view has not yet.
                let engine = match &engine {
                    Some(engine) => engine.force(),
                    None => build_search_engine(&corpus),
                };
                let engine = match engine {
                    Ok(engine) => engine,
                    Err(error) => {
                        run.status.set(Status::Failed(CopyError::Engine(error)));
                        return;
                    }
                };
                let started = crate::clock::now_ms();
                let prepared = match &*source.borrow() {
                    Source::Text => {
                        let text = textarea
                            .cast::<HtmlTextAreaElement>()
                            .map(|t| t.value())
                            .unwrap_or_default();
                        let bytes = text.len();
                        ImportJob::new(&text, MY_COPY_ID)
                            .map(|job| (job, MY_COPY_ID.to_string(), bytes, None))
                    }
                    Source::File { name, bytes } => decode(bytes).and_then(|decoded| {
                        ImportJob::new(&decoded.text, name)
                            .map(|job| (job, name.clone(), bytes.len(), Some(decoded.encoding)))
                    }),
                };
                match prepared {
                    Ok((job, name, bytes, encoding)) => run.slice(
                        Rc::new(RefCell::new(job)),
                        engine,
                        Pending {
                            name,
                            bytes,
                            encoding,
                            started,
                        },
                    ),
                    Err(error) => run.status.set(Status::Failed(CopyError::Import(error))),
                }
            })
            .forget();
        })
    };
    let on_cancel = {
        let status = status.clone();
        let generation = generation.clone();
        Callback::from(move |_: MouseEvent| {
            generation.set(generation.get() + 1);
            status.set(Status::Cancelled);
        })
    };

    let busy = matches!(*status, Status::Working(_) | Status::Reading);
    let message = match &*status {
        Status::Idle => None,
        Status::Reading => {
            Some(html! { <p class="copy-panel__status" role="status">{ strings.copy_reading }</p> })
        }
        Status::Working(progress) => Some(html! {
            <div class="copy-panel__status copy-panel__status--working" data-testid="copy-working">
                <p role="status">
                    { match progress {
                        None => strings.copy_working.to_string(),
                        Some(p) => progress_text(props.lang, p),
                    } }
                </p>
                if let Some(p) = progress {
                    <progress class="copy-panel__progress" data-testid="copy-progress"
                        max={p.total.max(1).to_string()} value={p.done.to_string()} />
                }
                <button type="button" class="button copy-panel__cancel" data-testid="copy-cancel"
                    onclick={on_cancel}>
                    { strings.copy_cancel }
                </button>
            </div>
        }),
        Status::Failed(error) => Some(html! {
            <p class="copy-panel__error" role="alert" data-testid="copy-error" data-error={error_id(error)}>
                { copy_error_text(props.lang, error) }
            </p>
        }),
        Status::Cancelled => Some(html! {
            <p class="copy-panel__status" role="status" data-testid="copy-cancelled">
                { strings.copy_cancelled }
            </p>
        }),
    };

    html! {
        <section class="copy-panel" aria-labelledby="copy-panel-heading" data-testid="copy-panel"
            ondragover={on_drag_over} ondrop={on_drop}>
            <h2 id="copy-panel-heading" class="copy-panel__heading">{ strings.copy_heading }</h2>
            <p class="copy-panel__intro">{ strings.copy_intro }</p>
            <label class="copy-panel__label" for="copy-text">{ strings.copy_text_label }</label>
            <textarea id="copy-text" class="copy-panel__text" ref={textarea} rows="6"
                spellcheck="false" lang="zh-CN" oninput={on_input}
                placeholder={strings.copy_text_placeholder} />
            <div class="copy-panel__row">
                <label class="copy-panel__file" for="copy-file">
                    { strings.copy_file_label }
                    <input id="copy-file" type="file" accept=".txt,text/plain" onchange={on_file} />
                </label>
                if let Some((name, bytes)) = &*file_label {
                    <p class="copy-panel__chosen" data-testid="copy-file-chosen">
                        { fill(strings.copy_file_chosen, &[("name", name), ("size", &format_size(*bytes))]) }
                    </p>
                }
            </div>
            <div class="copy-panel__row">
                <label for="copy-target">{ strings.copy_target_label }</label>
                <select id="copy-target" ref={target_select}>
                    { for props.corpus.documents.iter().map(|d| html! {
                        <option value={d.id.clone()} selected={d.id == props.default_target.as_str()}>
                            { d.title.clone() }
                        </option>
                    }) }
                </select>
                <button type="button" class="button copy-panel__compare" id="copy-compare"
                    onclick={on_compare} disabled={busy} aria-busy={busy.then_some("true")}>
                    { strings.copy_compare }
                </button>
            </div>
            { message.unwrap_or_default() }
            if let Some(copy) = &props.current {
                <p class="copy-panel__loaded" data-testid="copy-loaded"
                    data-units={copy.doc.units.len().to_string()}>
                    { fill(strings.copy_loaded, &[
                        ("name", &copy.source_name),
                        ("units", &copy.doc.units.len().to_string()),
                        ("ms", &format!("{:.0}", copy.import_ms)),
                    ]) }
                </p>
                if let Some(encoding) = copy.encoding {
                    <p class="copy-panel__encoding" data-testid="copy-encoding"
                        data-encoding={encoding.id()}>
                        { encoding_text(props.lang, encoding) }
                    </p>
                }
            }
        </section>
    }
}

/// One import in progress: which one it is, and where its outcome goes.
struct ImportRun {
    generation: Rc<Cell<u64>>,
    id: u64,
    status: UseStateHandle<Status>,
    on_imported: Callback<(ImportedCopy, String)>,
    target: String,
}

/// What the finished import will be labelled with.
struct Pending {
    name: String,
    bytes: usize,
    encoding: Option<DetectedEncoding>,
    started: f64,
}

impl ImportRun {
    /// Not cancelled, and no newer import started.
    fn current(&self) -> bool {
        self.generation.get() == self.id
    }

    /// Runs job steps for about [`SLICE_MS`], then shows the progress and
    /// schedules the next slice as a new task, or finishes.
    fn slice(self, job: Rc<RefCell<ImportJob>>, engine: SearchEngineHandle, pending: Pending) {
        if !self.current() {
            return;
        }
        let slice_started = crate::clock::now_ms();
        let finished = loop {
            let converter: &dyn ScriptConverter = engine.engine.normalizer().converter();
            if let Some(doc) = job.borrow_mut().step(converter, STEP_BUDGET) {
                break Some(doc);
            }
            if crate::clock::now_ms() - slice_started >= SLICE_MS {
                break None;
            }
        };
        match finished {
            Some(mut doc) => {
                if doc.units.is_empty() {
                    self.status.set(Status::Failed(CopyError::NoUnits));
                    return;
                }
                doc.id = MY_COPY_ID.to_string();
                let copy = ImportedCopy {
                    doc: Rc::new(doc),
                    source_name: pending.name,
                    bytes: pending.bytes,
                    import_ms: crate::clock::now_ms() - pending.started,
                    encoding: pending.encoding,
                };
                // Handing the copy over starts the alignment and the new
                // table: a task of its own, after this slice has painted.
                Timeout::new(0, move || {
                    if self.current() {
                        self.status.set(Status::Idle);
                        self.on_imported.emit((copy, self.target));
                    }
                })
                .forget();
            }
            None => {
                self.status
                    .set(Status::Working(Some(job.borrow().progress())));
                Timeout::new(0, move || self.slice(job, engine, pending)).forget();
            }
        }
    }
}

/// Runs the pipeline's import on the text in one go, as the user's copy
/// (what the sliced import in the panel produces).
#[cfg(test)]
fn import_copy(
    engine: &SearchEngineHandle,
    text: &str,
    name: &str,
    bytes: usize,
) -> Result<ImportedCopy, CopyError> {
    let started = crate::clock::now_ms();
    let converter = engine.engine.normalizer().converter();
    let mut doc =
        policy_core::ingest::import_document(text, name, converter).map_err(CopyError::Import)?;
    if doc.units.is_empty() {
        return Err(CopyError::NoUnits);
    }
    doc.id = MY_COPY_ID.to_string();
    Ok(ImportedCopy {
        doc: Rc::new(doc),
        source_name: name.to_string(),
        bytes,
        import_ms: crate::clock::now_ms() - started,
        encoding: None,
    })
}

/// "Working: tagging units 120/11708".
fn progress_text(lang: Lang, progress: &ImportProgress) -> String {
    let s = lang.compare_strings();
    let stage = match progress.stage {
        ImportStage::Convert | ImportStage::Paragraphs => s.copy_stage_convert,
        ImportStage::Structure => s.copy_stage_structure,
        ImportStage::Tag => s.copy_stage_tag,
    };
    fill(
        s.copy_progress,
        &[
            ("stage", stage),
            ("done", &progress.done.to_string()),
            ("total", &progress.total.to_string()),
        ],
    )
}

/// "File encoding: GBK", "File encoding: UTF-16LE (with byte-order mark)".
pub fn encoding_text(lang: Lang, encoding: DetectedEncoding) -> String {
    let s = lang.compare_strings();
    let detail = match encoding {
        DetectedEncoding::Utf8Bom
        | DetectedEncoding::Utf16Le { bom: true }
        | DetectedEncoding::Utf16Be { bom: true } => s.encoding_bom,
        DetectedEncoding::Utf16Le { bom: false } | DetectedEncoding::Utf16Be { bom: false } => {
            s.encoding_sniffed
        }
        DetectedEncoding::Utf8 | DetectedEncoding::Gbk | DetectedEncoding::Gb18030 => "",
    };
    fill(
        s.copy_encoding,
        &[("encoding", &format!("{}{detail}", encoding.name()))],
    )
}

/// A stable id for tests (`data-error`).
pub fn error_id(error: &CopyError) -> &'static str {
    match error {
        CopyError::Import(ImportError::Empty) => "empty",
        CopyError::Import(ImportError::Malformed { .. }) => "malformed",
        CopyError::Import(ImportError::UnknownEncoding { .. }) => "unknown-encoding",
        CopyError::Import(ImportError::Binary { .. }) => "binary",
        CopyError::Import(ImportError::TooLarge { .. }) => "too-large",
        CopyError::Import(ImportError::NotChinese { .. }) => "not-chinese",
        CopyError::FileRead(_) => "file-read",
        CopyError::Engine(_) => "engine",
        CopyError::NoUnits => "no-units",
    }
}

/// The error in the interface language.
pub fn copy_error_text(lang: Lang, error: &CopyError) -> String {
    let s = lang.compare_strings();
    match error {
        CopyError::Import(ImportError::Empty) => s.copy_error_empty.to_string(),
        CopyError::Import(ImportError::Malformed { encoding, offset }) => fill(
            s.copy_error_malformed,
            &[
                ("encoding", encoding.name()),
                ("offset", &offset.to_string()),
            ],
        ),
        CopyError::Import(ImportError::UnknownEncoding { offset }) => fill(
            s.copy_error_unknown_encoding,
            &[("offset", &offset.to_string())],
        ),
        CopyError::Import(ImportError::Binary { control }) => {
            fill(s.copy_error_binary, &[("count", &control.to_string())])
        }
        CopyError::Import(ImportError::TooLarge { bytes, limit }) => fill(
            s.copy_error_too_large,
            &[
                ("size", &format_size(*bytes)),
                ("limit", &format_size(*limit)),
            ],
        ),
        CopyError::Import(ImportError::NotChinese { cjk, chars }) => fill(
            s.copy_error_not_chinese,
            &[("cjk", &cjk.to_string()), ("chars", &chars.to_string())],
        ),
        CopyError::FileRead(message) => fill(s.copy_error_file, &[("message", message)]),
        CopyError::Engine(message) => fill(s.copy_error_engine, &[("message", message)]),
        CopyError::NoUnits => s.copy_error_no_units.to_string(),
    }
}

/// `1.2 MB`, `34 KB`, `512 B`.
pub fn format_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::bundled_corpus;

    #[test]
    fn a_traditional_copy_of_a_corpus_document_imports_to_units() {
        let corpus = bundled_corpus().expect("corpus loads");
        let engine = build_search_engine(&corpus).expect("engine builds");
        let raw = std::fs::read("corpus/raw/003_c7cda20545700e5f.txt").expect("raw file 003");
        let text = decode(&raw).expect("raw file decodes");
        let copy = import_copy(&engine, &text.text, "003.txt", raw.len()).expect("imports");
        assert_eq!(copy.doc.id, MY_COPY_ID);
        assert!(copy.doc.units.len() > 10, "{}", copy.doc.units.len());
    }

    #[test]
    fn bad_inputs_give_errors_in_both_languages() {
        let corpus = bundled_corpus().expect("corpus loads");
        let engine = build_search_engine(&corpus).expect("engine builds");
        for (input, id) in [
            ("   \n ", "empty"),
            ("hello world, no Chinese here", "not-chinese"),
        ] {
            let error = import_copy(&engine, input, MY_COPY_ID, input.len()).unwrap_err();
            assert_eq!(error_id(&error), id);
            assert_ne!(
                copy_error_text(Lang::Zh, &error),
                copy_error_text(Lang::En, &error)
            );
        }
        let error = CopyError::Import(decode(b"\x00\x01binary").unwrap_err());
        assert_eq!(error_id(&error), "binary");
        let error = CopyError::Import(decode(&[0xff, 0xff, 0x41, 0xb8]).unwrap_err());
        assert_eq!(error_id(&error), "unknown-encoding");
        let error = CopyError::Import(decode(b"\xEF\xBB\xBF\xff").unwrap_err());
        assert_eq!(error_id(&error), "malformed");
        assert_ne!(
            copy_error_text(Lang::Zh, &error),
            copy_error_text(Lang::En, &error)
        );
    }

    #[test]
    fn the_encoding_is_named_in_both_languages() {
        let gbk = encoding_text(Lang::Zh, DetectedEncoding::Gbk);
        assert_eq!(gbk, "文件编码：GBK");
        let le = encoding_text(Lang::En, DetectedEncoding::Utf16Le { bom: false });
        assert!(
            le.contains("UTF-16LE") && le.contains("no byte-order mark"),
            "{le}"
        );
        assert_ne!(
            encoding_text(Lang::Zh, DetectedEncoding::Utf8Bom),
            encoding_text(Lang::En, DetectedEncoding::Utf8Bom)
        );
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_size(512), "512 B");
        assert_eq!(format_size(34 * 1024), "34 KB");
        assert_eq!(format_size(5 * 1024 * 1024), "5.0 MB");
    }
}
