//! The corpus compiled into the binary, parsed once and shared read-only.
//!
//! Compiling it in means no fetch at start-up and a single file that works
//! offline. Components receive a [`CorpusHandle`] (through a context) or a
//! [`DocRef`] (as a prop): both are cheap `Rc` clones that compare by
//! pointer, so passing them as props never deep-compares the corpus.

use std::ops::Deref;
use std::rc::Rc;

use policy_core::model::{load_corpus, Corpus, Document, UnitKind};
use policy_core::restoration::RestorationAccuracy;
use policy_core::search::{SearchEngine, StopWords};

/// The generated corpus (`cargo run -p policy-cli -- corpus build` writes
/// `corpus/corpus.json`), without its indentation (`build.rs`).
const BUNDLED_CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.compact.json"));

/// How well restored readings match the text where it is known, as
/// `restoration_eval` last measured it (`cargo xtask bench` rewrites the
/// file). Small and read where a restored reading is explained.
const RESTORATION_ACCURACY_JSON: &str = include_str!("../corpus/eval/restoration-accuracy.json");

/// The measured accuracy of the restored readings; `None` when the file
/// cannot be read, and then the app claims no figure.
pub fn restoration_accuracy() -> Option<RestorationAccuracy> {
    ACCURACY.with(|a| *a)
}

thread_local! {
    /// Parsed on first use, like the corpus.
    static ACCURACY: Option<RestorationAccuracy> = serde_json::from_str(RESTORATION_ACCURACY_JSON).ok();

    /// Parsed on first use; wasm is single-threaded, so this is the one copy.
    static BUNDLED: Result<CorpusHandle, String> =
        load_corpus(BUNDLED_CORPUS_JSON).map(CorpusHandle::new).map_err(|e| e.to_string());
}

/// The bundled corpus, or why it could not be read (shown to the user
/// instead of panicking).
pub fn bundled_corpus() -> Result<CorpusHandle, String> {
    BUNDLED.with(Clone::clone)
}

/// The search engine (index + segmenter + T→S converter) for a corpus,
/// with the stop words its term charts use and how long it took to build.
/// Cheap to clone; compares by pointer. Built and shared by
/// [`crate::engine`].
#[derive(Clone)]
pub struct SearchEngineHandle {
    pub engine: Rc<SearchEngine>,
    pub stop_words: Rc<StopWords>,
    /// Milliseconds the build took (shown to tests and benchmarks).
    pub build_ms: f64,
    /// How the library documents' index parts were obtained.
    pub library_parts: LibraryParts,
    /// The hosted corpus's gram shards, when the index was assembled from
    /// a shard set (searches go through it: [`crate::search_shards`]).
    pub shards: Option<Rc<crate::search_shards::ShardedIndex>>,
}

/// How many of the user's library documents joined the search index from
/// the index cache and how many were indexed afresh (shown to tests and
/// benchmarks as `data-index-cached` / `data-index-built`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LibraryParts {
    pub cached: usize,
    pub built: usize,
}

impl PartialEq for SearchEngineHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine)
    }
}

/// Shared, read-only access to a parsed corpus.
#[derive(Debug, Clone)]
pub struct CorpusHandle(Rc<Corpus>);

impl CorpusHandle {
    pub fn new(corpus: Corpus) -> Self {
        CorpusHandle(Rc::new(corpus))
    }

    /// A reference to one document, by id.
    pub fn doc_ref(&self, id: &str) -> Option<DocRef> {
        let index = self.0.documents.iter().position(|d| d.id == id)?;
        Some(DocRef {
            corpus: self.clone(),
            index,
        })
    }

    /// Every document, in corpus order.
    pub fn doc_refs(&self) -> impl Iterator<Item = DocRef> + '_ {
        (0..self.0.documents.len()).map(|index| DocRef {
            corpus: self.clone(),
            index,
        })
    }

    /// A mechanism's display name from the corpus vocabulary, falling back to
    /// the model's built-in names if the corpus does not list it.
    pub fn mechanism_name(&self, id: policy_core::model::Mechanism, english: bool) -> String {
        match self.0.mechanisms.iter().find(|m| m.id == id) {
            Some(info) if english => info.name_en.clone(),
            Some(info) => info.name_zh.clone(),
            None if english => id.name_en().to_string(),
            None => id.name_zh().to_string(),
        }
    }

    /// A region's display name from the gazetteer; an id missing from the
    /// gazetteer is shown as the id itself rather than dropped.
    pub fn region_name(&self, id: &str, english: bool) -> String {
        match self.0.region(id) {
            Some(region) if english => region.name_en.clone(),
            Some(region) => region.name.clone(),
            None => id.to_string(),
        }
    }
}

impl Deref for CorpusHandle {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        &self.0
    }
}

impl PartialEq for CorpusHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One document of a shared corpus, usable as a component prop.
#[derive(Debug, Clone)]
pub struct DocRef {
    corpus: CorpusHandle,
    index: usize,
}

impl DocRef {
    pub fn corpus(&self) -> &CorpusHandle {
        &self.corpus
    }
}

impl Deref for DocRef {
    type Target = Document;
    fn deref(&self) -> &Document {
        &self.corpus.documents[self.index]
    }
}

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        self.corpus == other.corpus && self.index == other.index
    }
}

/// A unit kind's stable name for CSS classes and `data-kind` attributes
/// (the same spelling as in the corpus JSON).
pub fn unit_kind_id(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Preamble => "preamble",
        UnitKind::Section => "section",
        UnitKind::Clause => "clause",
        UnitKind::Item => "item",
        UnitKind::Lead => "lead",
    }
}

/// How many units of each kind a document has, in reading-order kind order,
/// leaving out kinds it does not use.
pub fn unit_counts(doc: &Document) -> Vec<(UnitKind, usize)> {
    const ORDER: [UnitKind; 5] = [
        UnitKind::Preamble,
        UnitKind::Section,
        UnitKind::Clause,
        UnitKind::Item,
        UnitKind::Lead,
    ];
    ORDER
        .into_iter()
        .map(|kind| (kind, doc.units.iter().filter(|u| u.kind == kind).count()))
        .filter(|(_, count)| *count > 0)
        .collect()
}

/// The document id under which the user's own imported copy is compared
/// (`#/compare/central-2018/my-copy`). Not a valid corpus id pattern
/// clash: corpus ids come from the manifest and none is `my-copy`.
pub const MY_COPY_ID: &str = "my-copy";

/// A text the user brought (pasted or dropped) and imported in the browser
/// with the pipeline's own rules. Shared by pointer: comparing two copies
/// compares identity, not megabytes of text.
#[derive(Debug, Clone)]
pub struct ImportedCopy {
    pub doc: Rc<Document>,
    /// The file name it came from, or the label given to a paste.
    pub source_name: String,
    /// Bytes of raw input.
    pub bytes: usize,
    /// Milliseconds the import (decode, clean, parse, tag) took.
    pub import_ms: f64,
    /// The encoding a file was read as; `None` for a paste or a copy
    /// restored from storage.
    pub encoding: Option<policy_core::text_encoding::DetectedEncoding>,
}

impl PartialEq for ImportedCopy {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

impl Eq for ImportedCopy {}

/// The imported copy as views see it (a context provided by the app shell,
/// backed by the app state), with the callback that replaces it.
#[derive(Clone, PartialEq)]
pub struct MyCopyContext {
    pub copy: Option<ImportedCopy>,
    pub set: yew::Callback<ImportedCopy>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture_corpus;

    #[test]
    fn the_bundled_corpus_parses() {
        let corpus = bundled_corpus().expect("corpus/corpus.json must load");
        assert!(!corpus.documents.is_empty());
        assert!(bundled_corpus().unwrap() == corpus, "parsed once, shared");
    }

    #[test]
    fn the_compiled_in_corpus_is_the_committed_one_without_indentation() {
        let committed = include_str!("../corpus/corpus.json");
        let as_json = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect("JSON");
        assert_eq!(as_json(BUNDLED_CORPUS_JSON), as_json(committed));
        assert!(BUNDLED_CORPUS_JSON.len() * 10 < committed.len() * 7);
        assert!(!BUNDLED_CORPUS_JSON.contains('\n'));
    }

    #[test]
    fn the_restoration_accuracy_was_measured_on_this_corpus() {
        let accuracy = restoration_accuracy().expect("corpus/eval/restoration-accuracy.json");
        let corpus = bundled_corpus().expect("corpus");
        let central = corpus.document("central-2018").expect("central-2018");
        let shared = central
            .witness_readings
            .iter()
            .filter(|r| !r.partial)
            .count();
        assert_eq!(
            accuracy.clauses, shared,
            "the figures are for another corpus: re-run restoration_eval"
        );
        assert!(accuracy.undone <= accuracy.substitutions);
        assert!(accuracy.confident_wrong <= accuracy.confident_changes);
        assert!(accuracy.chars > 0 && accuracy.substitutions > 0);
    }

    #[test]
    fn unit_counts_skip_unused_kinds() {
        let corpus = fixture_corpus();
        let doc = corpus.document("three-levels").unwrap();
        assert_eq!(
            unit_counts(doc),
            vec![
                (UnitKind::Section, 1),
                (UnitKind::Clause, 1),
                (UnitKind::Item, 1)
            ]
        );
    }

    #[test]
    fn names_fall_back_instead_of_disappearing() {
        let corpus = CorpusHandle::new(fixture_corpus());
        assert_eq!(corpus.region_name("sichuan", false), "四川省");
        assert_eq!(corpus.region_name("sichuan", true), "Sichuan");
        assert_eq!(corpus.region_name("atlantis", true), "atlantis");
        let m = policy_core::model::Mechanism::Compensation;
        assert_eq!(corpus.mechanism_name(m, false), "区际利益补偿机制");
    }
}
