//! Raw bytes → a user document, by the same ingest rules as
//! `policy-explorer corpus import` (`policy_core::ingest`), with the
//! pure-Rust T→S converter standing in for OpenCC. The one place the
//! library decodes (UTF-8, UTF-16, GBK/GB18030: `ingest::decode`) and
//! imports a text, [`import_for_library`].

use std::collections::HashSet;

use policy_core::ingest::{decode, ImportJob};
use policy_core::model::Document;
use policy_core::script::SimplifiedConverter;

use super::{fresh_id, Provenance, UserDocument};
use crate::components::compare_copy_panel::CopyError;

thread_local! {
    /// Built on first import; the conversion tables are compiled in.
    static CONVERTER: Result<SimplifiedConverter, String> =
        SimplifiedConverter::new().map_err(|e| e.to_string());
}

/// Decodes and imports one text at once. `file_name` is `None` for a paste.
pub fn import_for_library(bytes: &[u8], file_name: Option<&str>) -> Result<Document, CopyError> {
    let mut job = start_library_import(bytes, file_name)?;
    loop {
        if let Some(result) = continue_library_import(&mut job, f64::INFINITY) {
            return result;
        }
    }
}

/// Decodes a text and prepares its import, to be run in slices by
/// [`continue_library_import`] (dropping the job cancels it).
pub fn start_library_import(bytes: &[u8], file_name: Option<&str>) -> Result<ImportJob, CopyError> {
    let decoded = decode(bytes).map_err(CopyError::Import)?;
    ImportJob::new(decoded.as_str(), file_name.unwrap_or("pasted.txt")).map_err(CopyError::Import)
}

/// Lines, paragraphs or units per [`ImportJob::step`] between two looks at
/// the clock.
const WORK_PER_STEP: usize = 16;

/// Runs the import for about `budget_ms`; the document (or why there is
/// none) once the job is done, `None` while work remains.
pub fn continue_library_import(
    job: &mut ImportJob,
    budget_ms: f64,
) -> Option<Result<Document, CopyError>> {
    CONVERTER.with(|converter| {
        let converter = match converter {
            Ok(converter) => converter,
            Err(error) => return Some(Err(CopyError::Engine(error.clone()))),
        };
        let started = crate::clock::now_ms();
        loop {
            if let Some(doc) = job.step(converter, WORK_PER_STEP) {
                return Some(if doc.units.is_empty() {
                    Err(CopyError::NoUnits)
                } else {
                    Ok(doc)
                });
            }
            if crate::clock::now_ms() - started >= budget_ms {
                return None;
            }
        }
    })
}

/// A freshly imported document as a library entry with a new user id
/// (not in `taken`) and its provenance.
pub fn new_user_document(
    mut doc: Document,
    file_name: Option<String>,
    bytes: usize,
    imported_at: String,
    taken: &HashSet<String>,
) -> UserDocument {
    doc.id = fresh_id(file_name.as_deref(), taken);
    UserDocument {
        doc,
        provenance: Provenance {
            file_name,
            imported_at,
            bytes,
            corrections: Vec::new(),
        },
    }
}

/// The browser's clock as ISO 8601 (empty outside a browser).
pub fn now_iso() -> String {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::new_0().to_iso_string().into()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raw_corpus_file_imports_as_the_cli_would_and_junk_is_refused() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/raw");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus/raw")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        let raw = std::fs::read(&files[0]).expect("a raw corpus file");
        let doc = import_for_library(&raw, Some("raw file.txt")).expect("imports");
        assert!(doc.units.len() > 5);
        let user = new_user_document(
            doc,
            Some("raw file.txt".into()),
            raw.len(),
            String::new(),
            &HashSet::new(),
        );
        assert_eq!(user.doc.id, "mine-raw-file");
        user.validate().expect("valid record");
        assert!(matches!(
            import_for_library(b"\x00\x01\x02binary", Some("x.bin")),
            Err(CopyError::Import(_))
        ));
        assert!(matches!(
            import_for_library("<script>alert(1)</script>".as_bytes(), None),
            Err(CopyError::Import(_))
        ));
    }
}
