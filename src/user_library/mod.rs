//! The user's own library: documents they imported in this browser, kept
//! in IndexedDB ([`idb`]), shown everywhere next to the bundled corpus.
//!
//! A user document is the normalised [`Document`] exactly as the corpus
//! model has it (produced by the same ingest rules as `corpus import`), plus
//! its [`Provenance`]: where it came from, when, and what the user corrected
//! in the metadata the ingest found. What the cleaning removed or flagged is
//! already in [`Document::removals`].
//!
//! Ids start with [`USER_ID_PREFIX`], which no corpus id uses (the merge
//! refuses a clash rather than shadow a corpus document), so permalinks
//! (`#/doc/mine-…/2.1`) can never point at the wrong text.
//!
//! Everything here is pure and tested natively; the browser side is
//! [`idb`] and [`crate::hooks::use_user_library`].

pub mod idb;
pub mod import;
pub mod index_cache;

use std::collections::HashSet;
use std::rc::Rc;

use policy_core::model::{Corpus, Document, Level};
use serde::{Deserialize, Serialize};

/// Every user document's id starts with this.
pub const USER_ID_PREFIX: &str = "mine-";

/// The `format` field of an exported library file.
pub const EXPORT_FORMAT: &str = "policy-explorer-library";
/// The export layout version this build writes and reads.
pub const EXPORT_VERSION: u32 = 1;
/// The stored record layout version (IndexedDB values).
pub const RECORD_VERSION: u32 = 1;

/// A library holds at most this many documents: beyond it the browser's
/// index rebuilds and the matrix stop being interactive.
pub const MAX_DOCUMENTS: usize = 500;
/// Ids longer than this are not ours.
const MAX_ID_CHARS: usize = 80;
/// Titles, issuers and file names longer than this are not metadata.
const MAX_FIELD_CHARS: usize = 500;
/// A document with more units than this is not one policy document.
const MAX_UNITS: usize = 10_000;

/// The query parameter an embedding page sets to turn the library on in
/// embed mode (`?embed=1&library=1`); see `docs/embedding.md`.
pub const EMBED_OPT_IN_PARAM: &str = "library";

/// Whether the library is on: always in the full app; in embed mode only
/// when the embedding page opted in with `library=1` (page or hash query).
pub fn enabled(embed: bool) -> bool {
    if !embed {
        return true;
    }
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let location = window.location();
    embed_opted_in(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// `library=1` (or `true`) in the page query or the hash query.
pub fn embed_opted_in(page_query: &str, hash: &str) -> bool {
    use crate::embed::protocol::{hash_query, query_param};
    let on = |q: &str| {
        matches!(
            query_param(q, EMBED_OPT_IN_PARAM).as_deref(),
            Some("1" | "true")
        )
    };
    on(page_query) || on(hash_query(hash))
}

/// A document's title for a list that mixes corpus and user documents
/// (pickers): a user document's carries the "mine" mark, so a user's copy
/// of a corpus document is never mistaken for it.
pub fn display_title(doc: &Document, lang: crate::i18n::Lang) -> String {
    if is_user_doc_id(&doc.id) {
        format!("{} · {}", lang.library_strings().mine_mark, doc.title)
    } else {
        doc.title.clone()
    }
}

/// Whether `id` names a user document (not a corpus one).
pub fn is_user_doc_id(id: &str) -> bool {
    id.starts_with(USER_ID_PREFIX)
}

/// Where a user document came from, and what the user changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The file name, or `None` for pasted text.
    pub file_name: Option<String>,
    /// When it was imported (ISO 8601, UTC), as the browser's clock said.
    pub imported_at: String,
    /// Bytes of raw input.
    pub bytes: usize,
    /// Metadata the user corrected before adding it, in field order.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// A metadata field the user may correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CorrectedField {
    Title,
    Issuers,
    Level,
    Date,
}

impl CorrectedField {
    /// The field's name in [`policy_core::model::MetadataSource::field`].
    pub fn source_field(self) -> &'static str {
        match self {
            CorrectedField::Title => "title",
            CorrectedField::Issuers => "issuers",
            CorrectedField::Level => "level",
            CorrectedField::Date => "date",
        }
    }
}

/// One correction: what the ingest found and what the user set (`None`:
/// unknown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub field: CorrectedField,
    pub found: Option<String>,
    pub corrected: Option<String>,
}

/// One document of the user's library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserDocument {
    pub doc: Document,
    pub provenance: Provenance,
}

/// Why a stored or imported record is not a usable user document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// Not JSON of the expected shape (the parser's message).
    Shape(String),
    /// A record layout version this build does not know.
    Version(u32),
    /// The id is not a user id (or not URL-safe).
    Id,
    /// No units.
    Empty,
    /// A field or the unit count is beyond any real document.
    TooLarge,
}

impl UserDocument {
    /// Checks a record read from storage or from an imported file.
    pub fn validate(&self) -> Result<(), RecordProblem> {
        let id = &self.doc.id;
        if !is_user_doc_id(id)
            || id.len() > MAX_ID_CHARS
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(RecordProblem::Id);
        }
        if self.doc.units.is_empty() {
            return Err(RecordProblem::Empty);
        }
        let long = |s: &str| s.chars().count() > MAX_FIELD_CHARS;
        if self.doc.units.len() > MAX_UNITS
            || long(&self.doc.title)
            || self.doc.issuers.iter().any(|i| long(i))
            || self.provenance.file_name.as_deref().is_some_and(long)
        {
            return Err(RecordProblem::TooLarge);
        }
        Ok(())
    }

    /// The stored form: `{"v":1,"record":{…}}`.
    pub fn to_stored_json(&self) -> Result<String, String> {
        serde_json::to_string(&StoredRecordRef {
            v: RECORD_VERSION,
            record: self,
        })
        .map_err(|e| e.to_string())
    }

    /// Reads a stored record, refusing anything malformed or invalid.
    pub fn from_stored_json(text: &str) -> Result<UserDocument, RecordProblem> {
        let stored: StoredRecord =
            serde_json::from_str(text).map_err(|e| RecordProblem::Shape(e.to_string()))?;
        if stored.v != RECORD_VERSION {
            return Err(RecordProblem::Version(stored.v));
        }
        stored.record.validate()?;
        Ok(stored.record)
    }
}

#[derive(Serialize)]
struct StoredRecordRef<'a> {
    v: u32,
    record: &'a UserDocument,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredRecord {
    v: u32,
    record: UserDocument,
}

/// The user's documents, shared by pointer (comparing two libraries
/// compares identity, not every document's text).
#[derive(Debug, Clone, Default)]
pub struct UserDocs(pub Rc<Vec<UserDocument>>);

impl PartialEq for UserDocs {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl UserDocs {
    pub fn ids(&self) -> HashSet<String> {
        self.0.iter().map(|d| d.doc.id.clone()).collect()
    }
}

/// A user id for a document imported from `file_name` (`None`: pasted)
/// that is not in `taken`: `mine-<ascii name>`, then `-2`, `-3`, …
pub fn fresh_id(file_name: Option<&str>, taken: &HashSet<String>) -> String {
    let stem = match file_name {
        Some(name) => policy_core::ingest::id_from_file_name(name),
        None => "pasted".to_string(),
    };
    let stem: String = stem.chars().take(40).collect();
    let stem = stem.trim_end_matches('-');
    let base = format!("{USER_ID_PREFIX}{stem}");
    if !taken.contains(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or(base)
}

/// The bundled corpus with the user's documents after it. A user document
/// whose id a corpus document already has is left out (never shadows it).
pub fn merged_corpus(base: &Corpus, mine: &[UserDocument]) -> Corpus {
    let mut corpus = base.clone();
    let taken: HashSet<&str> = base.documents.iter().map(|d| d.id.as_str()).collect();
    corpus.documents.extend(
        mine.iter()
            .filter(|d| !taken.contains(d.doc.id.as_str()))
            .map(|d| d.doc.clone()),
    );
    corpus
}

/// What the user typed in the review form (before validation).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetadataForm {
    pub title: String,
    /// Issuers separated by `、`, `,`, `，`, `;` or new lines.
    pub issuers: String,
    /// A [`Level::id`], or empty for unknown.
    pub level: String,
    /// `YYYY-MM-DD`, or empty for unknown.
    pub date: String,
}

/// Why the review form cannot be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormProblem {
    /// The date is not `YYYY-MM-DD`.
    Date,
    /// A field is longer than any real one.
    TooLong,
}

impl MetadataForm {
    /// The form pre-filled from what the ingest found.
    pub fn from_document(doc: &Document) -> MetadataForm {
        MetadataForm {
            title: doc.title.clone(),
            issuers: doc.issuers.join("、"),
            level: doc.level.map(|l| l.id().to_string()).unwrap_or_default(),
            date: doc.date.clone().unwrap_or_default(),
        }
    }

    /// Applies the form to `doc`, returning the corrections made. Empty
    /// fields stay unknown: nothing is invented. A corrected field's
    /// metadata sources (the ingest's evidence) are dropped, since they no
    /// longer explain the value; the correction records what happened.
    pub fn apply(
        &self,
        doc: &mut Document,
        fallback_title: &str,
    ) -> Result<Vec<Correction>, FormProblem> {
        let too_long = |s: &str| s.chars().count() > MAX_FIELD_CHARS;
        if too_long(&self.title) || too_long(&self.issuers) {
            return Err(FormProblem::TooLong);
        }
        let date = self.date.trim();
        if !date.is_empty() && !is_iso_date(date) {
            return Err(FormProblem::Date);
        }
        let mut corrections = Vec::new();
        let mut note = |field: CorrectedField, found: Option<String>, corrected: Option<String>| {
            if found != corrected {
                corrections.push(Correction {
                    field,
                    found,
                    corrected,
                });
            }
        };

        let title = self.title.trim();
        let title = if title.is_empty() {
            fallback_title
        } else {
            title
        };
        note(
            CorrectedField::Title,
            Some(doc.title.clone()),
            Some(title.to_string()),
        );
        let issuers: Vec<String> = self
            .issuers
            .split(['、', ',', '，', ';', '；', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let join = |v: &[String]| (!v.is_empty()).then(|| v.join("、"));
        note(CorrectedField::Issuers, join(&doc.issuers), join(&issuers));
        let level = Level::from_id(self.level.trim());
        note(
            CorrectedField::Level,
            doc.level.map(|l| l.id().to_string()),
            level.map(|l| l.id().to_string()),
        );
        let date = (!date.is_empty()).then(|| date.to_string());
        note(CorrectedField::Date, doc.date.clone(), date.clone());

        doc.title = title.to_string();
        doc.issuers = issuers;
        doc.level = level;
        doc.date = date;
        doc.metadata_sources.retain(|s| {
            !corrections
                .iter()
                .any(|c| c.field.source_field() == s.field)
        });
        Ok(corrections)
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit())).then(|| p.parse::<u32>().ok())
    };
    match parts.as_slice() {
        [y, m, d] => {
            matches!(number(y, 4), Some(Some(_)))
                && matches!(number(m, 2), Some(Some(1..=12)))
                && matches!(number(d, 2), Some(Some(1..=31)))
        }
        _ => false,
    }
}

/// The exported library file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryFile {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub documents: Vec<UserDocument>,
}

/// The fields read before the whole file (unknown fields ignored here).
#[derive(Deserialize)]
struct LibraryHeader {
    format: Option<String>,
    version: Option<u32>,
}

/// Why an imported library file was refused (nothing is changed then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryFileError {
    /// Larger than [`MAX_LIBRARY_FILE_BYTES`].
    TooLarge,
    /// Not UTF-8 JSON of the expected shape (the parser's message).
    NotJson(String),
    /// JSON, but not a policy-explorer library.
    NotALibrary,
    /// A library of a newer layout.
    Version(u32),
    /// Document number `index` (0-based) is not valid.
    Document {
        index: usize,
        problem: RecordProblem,
    },
    /// Importing it would exceed [`MAX_DOCUMENTS`].
    TooMany,
}

/// A library file larger than this is refused before parsing.
pub const MAX_LIBRARY_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The whole library as one JSON file (compact: the serializer the
/// stored records already use, so no second copy of it ships).
pub fn export_library(docs: &[UserDocument], exported_at: &str) -> Result<String, String> {
    serde_json::to_string(&LibraryFileRef {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_at,
        documents: docs,
    })
    .map_err(|e| e.to_string())
}

#[derive(Serialize)]
struct LibraryFileRef<'a> {
    format: &'a str,
    version: u32,
    exported_at: &'a str,
    documents: &'a [UserDocument],
}

/// Reads an exported library and prepares its documents to join `existing`
/// (ids already taken get a fresh one). Every document is checked before
/// anything is returned: one bad document refuses the whole file.
pub fn read_library_file(
    bytes: &[u8],
    existing: &HashSet<String>,
    corpus_ids: &HashSet<String>,
) -> Result<Vec<UserDocument>, LibraryFileError> {
    if bytes.len() > MAX_LIBRARY_FILE_BYTES {
        return Err(LibraryFileError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LibraryFileError::NotJson(e.to_string()))?;
    // The header first, so that another file or a newer layout is named
    // as such rather than as a field error deep inside.
    let header: LibraryHeader =
        serde_json::from_str(text).map_err(|e| LibraryFileError::NotJson(e.to_string()))?;
    if header.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(LibraryFileError::NotALibrary);
    }
    match header.version {
        Some(v) if v == EXPORT_VERSION => {}
        Some(v) => return Err(LibraryFileError::Version(v)),
        None => return Err(LibraryFileError::NotALibrary),
    }
    let file: LibraryFile =
        serde_json::from_str(text).map_err(|e| LibraryFileError::NotJson(e.to_string()))?;
    if file.documents.len() + existing.len() > MAX_DOCUMENTS {
        return Err(LibraryFileError::TooMany);
    }
    let mut taken: HashSet<String> = existing.union(corpus_ids).cloned().collect();
    let mut documents = Vec::with_capacity(file.documents.len());
    for (index, mut document) in file.documents.into_iter().enumerate() {
        document
            .validate()
            .map_err(|problem| LibraryFileError::Document { index, problem })?;
        if taken.contains(&document.doc.id) {
            document.doc.id = fresh_id(document.provenance.file_name.as_deref(), &taken);
        }
        taken.insert(document.doc.id.clone());
        documents.push(document);
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture_corpus;

    fn user_doc(id: &str) -> UserDocument {
        let mut doc = fixture_corpus().documents[0].clone();
        doc.id = id.to_string();
        UserDocument {
            doc,
            provenance: Provenance {
                file_name: Some("我的文件.txt".into()),
                imported_at: "2026-11-26T13:00:00.000Z".into(),
                bytes: 1234,
                corrections: Vec::new(),
            },
        }
    }

    #[test]
    fn records_round_trip_and_bad_ones_are_refused() {
        let doc = user_doc("mine-a");
        let json = doc.to_stored_json().unwrap();
        assert_eq!(UserDocument::from_stored_json(&json).unwrap(), doc);
        assert!(matches!(
            UserDocument::from_stored_json("{"),
            Err(RecordProblem::Shape(_))
        ));
        let other = json.replacen("\"v\":1", "\"v\":9", 1);
        assert_eq!(
            UserDocument::from_stored_json(&other),
            Err(RecordProblem::Version(9))
        );
        let corpus_id = user_doc("sichuan").to_stored_json().unwrap();
        assert_eq!(
            UserDocument::from_stored_json(&corpus_id),
            Err(RecordProblem::Id)
        );
        let hostile = user_doc("mine-<script>").to_stored_json().unwrap();
        assert_eq!(
            UserDocument::from_stored_json(&hostile),
            Err(RecordProblem::Id)
        );
        let mut empty = user_doc("mine-e");
        empty.doc.units.clear();
        assert_eq!(empty.validate(), Err(RecordProblem::Empty));
    }

    #[test]
    fn embedding_pages_opt_in_explicitly() {
        assert!(embed_opted_in("?embed=1&library=1", ""));
        assert!(embed_opted_in("", "#/library?embed=1&library=true"));
        assert!(!embed_opted_in("?embed=1", "#/"));
        assert!(!embed_opted_in("?embed=1&library=0", ""));
        assert!(enabled(false));
    }

    #[test]
    fn fresh_ids_never_collide_and_stay_url_safe() {
        let mut taken = HashSet::new();
        let a = fresh_id(Some("四川 方案.txt"), &taken);
        assert_eq!(a, "mine-imported");
        taken.insert(a);
        assert_eq!(fresh_id(Some("x.txt"), &taken), "mine-x");
        assert_eq!(fresh_id(Some("四川.txt"), &taken), "mine-imported-2");
        assert_eq!(fresh_id(None, &taken), "mine-pasted");
        assert!(is_user_doc_id(&fresh_id(Some("my-copy"), &taken)));
    }

    #[test]
    fn pickers_mark_user_documents() {
        let mine = user_doc("mine-a");
        let title = display_title(&mine.doc, crate::i18n::Lang::En);
        assert_eq!(title, format!("mine · {}", mine.doc.title));
        let corpus = &fixture_corpus().documents[0];
        assert_eq!(display_title(corpus, crate::i18n::Lang::Zh), corpus.title);
    }

    #[test]
    fn the_merge_appends_and_never_shadows_a_corpus_document() {
        let base = fixture_corpus();
        let clash = user_doc(&base.documents[0].id);
        let merged = merged_corpus(&base, &[user_doc("mine-a"), clash]);
        assert_eq!(merged.documents.len(), base.documents.len() + 1);
        assert_eq!(merged.documents.last().unwrap().id, "mine-a");
    }

    #[test]
    fn the_form_corrects_and_never_invents() {
        let mut doc = user_doc("mine-a").doc;
        doc.date = None;
        doc.level = Some(Level::Provincial);
        let mut form = MetadataForm::from_document(&doc);
        form.date = "2019-03-01".into();
        form.level = String::new();
        form.issuers = "甲省人民政府，乙厅".into();
        let corrections = form.apply(&mut doc, "f.txt").unwrap();
        assert_eq!(doc.date.as_deref(), Some("2019-03-01"));
        assert_eq!(doc.level, None, "cleared stays unknown");
        assert_eq!(doc.issuers, vec!["甲省人民政府", "乙厅"]);
        let fields: Vec<_> = corrections.iter().map(|c| c.field).collect();
        assert!(fields.contains(&CorrectedField::Date));
        assert!(fields.contains(&CorrectedField::Level));
        assert!(!fields.contains(&CorrectedField::Title));
        form.date = "2019-13-01".into();
        assert_eq!(form.apply(&mut doc, "f"), Err(FormProblem::Date));
        form.date = "三月".into();
        assert_eq!(form.apply(&mut doc, "f"), Err(FormProblem::Date));
    }

    #[test]
    fn an_export_imports_back_and_bad_files_change_nothing() {
        let docs = vec![user_doc("mine-a"), user_doc("mine-b")];
        let text = export_library(&docs, "2026-11-26T13:00:00Z").unwrap();
        let none = HashSet::new();
        let back = read_library_file(text.as_bytes(), &none, &none).unwrap();
        assert_eq!(back, docs);
        // Into a library that has `mine-a` already: re-identified.
        let existing: HashSet<String> = ["mine-a".to_string()].into();
        let back = read_library_file(text.as_bytes(), &existing, &none).unwrap();
        assert_ne!(back[0].doc.id, "mine-a");
        assert!(is_user_doc_id(&back[0].doc.id));

        assert!(matches!(
            read_library_file(b"\x00\x01", &none, &none),
            Err(LibraryFileError::NotJson(_))
        ));
        assert_eq!(
            read_library_file(br#"{"format":"other","version":1}"#, &none, &none),
            Err(LibraryFileError::NotALibrary)
        );
        let newer = text.replacen("\"version\":1", "\"version\":7", 1);
        assert_eq!(
            read_library_file(newer.as_bytes(), &none, &none),
            Err(LibraryFileError::Version(7))
        );
        let bad = text.replacen("\"mine-b\"", "\"sichuan\"", 1);
        assert!(matches!(
            read_library_file(bad.as_bytes(), &none, &none),
            Err(LibraryFileError::Document { index: 1, .. })
        ));
    }
}
