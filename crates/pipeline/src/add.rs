//! `corpus add`: a teacher's own texts recorded in the corpus manifest, so
//! that the next corpus build (and `cargo xtask dist`) bakes them into the
//! offline single file.
//!
//! Each file is first imported with the same rules as `corpus import` (a
//! file that would not import is refused before anything is written), then
//! copied unchanged into `corpus/raw/` under a content-derived name, and a
//! `[[documents]]` entry is appended to `corpus/manifest.toml` with its
//! provenance in the witness description (original file name, date added,
//! size). No metadata is set in the manifest: like every other document,
//! title, issuers, date and number come from the text, and jurisdiction and
//! level need a person's note, which the teacher can add by hand.

use std::collections::HashSet;
use std::hash::Hasher;
use std::path::Path;

use policy_core::ingest::{self, ScriptConverter};

use crate::manifest::Manifest;
use crate::paths;

/// One file to add: its original name (for the provenance) and bytes.
pub struct NewFile {
    /// The file's own name (no folder).
    pub name: String,
    /// Its raw bytes, copied unchanged into `corpus/raw/`.
    pub bytes: Vec<u8>,
}

/// What was recorded for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The new document id.
    pub id: String,
    /// The raw file name under `corpus/raw/`.
    pub raw_file: String,
    /// The title the import found (or the file name).
    pub title: String,
}

/// Why nothing was added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    /// A file or folder could not be read or written.
    #[error("cannot read or write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The system's error.
        source: std::io::Error,
    },
    /// The manifest (before or after the addition) is not valid.
    #[error(transparent)]
    Manifest(#[from] crate::manifest::ManifestError),
    /// A file does not import (binary, empty, not Chinese, too large …).
    #[error("{name} does not import: {source}")]
    Import {
        /// The file's name.
        name: String,
        /// Why the ingest refused it.
        source: ingest::ImportError,
    },
    /// A file imports to nothing.
    #[error("{name} imports to a document with no text units")]
    NoUnits {
        /// The file's name.
        name: String,
    },
    /// The same bytes are already a raw file of the corpus.
    #[error("{name} is already in the corpus as corpus/raw/{raw_file}")]
    Duplicate {
        /// The file's name.
        name: String,
        /// The raw file holding the same bytes.
        raw_file: String,
    },
}

/// A stable 64-bit FNV-1a hash of the bytes, as 16 hex digits (the raw
/// folder's naming: `NNN_<hash>.txt`).
fn content_hash(bytes: &[u8]) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

/// A TOML basic string (quoted and escaped).
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Adds `files` to the manifest and raw folder under `root`. All files are
/// checked before the first write; `added_on` is the date written in the
/// provenance (`YYYY-MM-DD`).
pub fn add_documents(
    root: &Path,
    files: &[NewFile],
    converter: &dyn ScriptConverter,
    added_on: &str,
) -> Result<Vec<Added>, AddError> {
    let manifest_path = root.join(paths::MANIFEST);
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| AddError::Io { path, source }
    };
    let manifest_text = std::fs::read_to_string(&manifest_path).map_err(io(&manifest_path))?;
    let manifest = Manifest::parse(&manifest_text)?;
    let raw_dir = root.join(paths::RAW_DIR);
    let existing_raw: Vec<String> = std::fs::read_dir(&raw_dir)
        .map_err(io(&raw_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let first_number = existing_raw
        .iter()
        .filter_map(|n| n.split('_').next()?.parse::<u32>().ok())
        .max()
        .map_or(0, |n| n + 1);
    let mut ids: HashSet<String> = manifest.documents.iter().map(|d| d.id.clone()).collect();

    let mut planned: Vec<(Added, &NewFile)> = Vec::new();
    let mut new_raw: Vec<String> = Vec::new();
    for (number, file) in (first_number..).zip(files) {
        let text = ingest::decode(&file.bytes).map_err(|source| AddError::Import {
            name: file.name.clone(),
            source,
        })?;
        let doc =
            ingest::import_document(text.as_str(), &file.name, converter).map_err(|source| {
                AddError::Import {
                    name: file.name.clone(),
                    source,
                }
            })?;
        if doc.units.is_empty() {
            return Err(AddError::NoUnits {
                name: file.name.clone(),
            });
        }
        let hash = content_hash(&file.bytes);
        if let Some(raw) = existing_raw
            .iter()
            .chain(new_raw.iter())
            .find(|n| n.contains(&hash))
        {
            return Err(AddError::Duplicate {
                name: file.name.clone(),
                raw_file: raw.clone(),
            });
        }
        let raw_file = format!("{number:03}_{hash}.txt");
        new_raw.push(raw_file.clone());
        let base = ingest::id_from_file_name(&file.name);
        let id = if ids.contains(&base) {
            (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|c| !ids.contains(c))
                .unwrap_or(base)
        } else {
            base
        };
        ids.insert(id.clone());
        planned.push((
            Added {
                id,
                raw_file,
                title: doc.title,
            },
            file,
        ));
    }

    let mut block = String::new();
    for (added, file) in &planned {
        let description = format!(
            "Added with `policy-explorer corpus add` on {added_on} from {} ({} bytes); metadata as the text states it.",
            file.name,
            file.bytes.len()
        );
        block.push_str(&format!(
            "\n[[documents]]\nid = {}\n\n[[documents.witnesses]]\nfile = {}\nrole = \"primary\"\ndescription = {}\n",
            toml_string(&added.id),
            toml_string(&added.raw_file),
            toml_string(&description),
        ));
    }
    // The new manifest must still parse before anything is written.
    let mut new_manifest = manifest_text.clone();
    if !new_manifest.ends_with('\n') {
        new_manifest.push('\n');
    }
    new_manifest.push_str(&block);
    Manifest::parse(&new_manifest)?;

    for (added, file) in &planned {
        let path = raw_dir.join(&added.raw_file);
        std::fs::write(&path, &file.bytes).map_err(io(&path))?;
    }
    std::fs::write(&manifest_path, new_manifest).map_err(io(&manifest_path))?;
    Ok(planned.into_iter().map(|(a, _)| a).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_strings_are_escaped() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        for s in ["a\"b", "教师的 文件.txt", "it's \\ \n odd"] {
            let table: toml::Table = toml::from_str(&format!("x = {}", toml_string(s))).unwrap();
            assert_eq!(table["x"].as_str(), Some(s));
        }
    }
}
