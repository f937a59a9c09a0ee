//! The reviewed manifest (`corpus/manifest.toml`): which raw files make up
//! which document, and the little metadata a file does not state but a
//! person knows (the jurisdiction and administrative level of the issuer).
//! Every value carries a note saying why it is known. Nothing else is
//! allowed in: titles, dates and numbers come from the texts.

use policy_core::model::{Level, WitnessRole};
use serde::Deserialize;

/// The parsed `corpus/manifest.toml`: every document the corpus is built from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The documents, in corpus order.
    pub documents: Vec<ManifestDocument>,
}

/// One document: its id, the reviewed metadata no raw file states, and its raw files.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestDocument {
    /// The document's stable id (see [`policy_core::model::Document::id`]).
    pub id: String,
    /// Region id of the issuing jurisdiction, when a person knows it.
    pub jurisdiction: Option<String>,
    /// Why the jurisdiction is known (required with `jurisdiction`).
    pub jurisdiction_note: Option<String>,
    /// `central`, `ministry` or `provincial`, when a person knows it.
    pub level: Option<String>,
    /// Why the level is known (required with `level`).
    pub level_note: Option<String>,
    /// `true` for the 2018 opinion itself: its ten sections *define* the
    /// mechanism vocabulary, so section N is tagged with mechanism N even
    /// where only a reworded witness carries the heading.
    #[serde(default)]
    pub defines_mechanisms: bool,
    /// Why the document defines the vocabulary (required with `defines_mechanisms`).
    pub defines_mechanisms_note: Option<String>,
    /// The raw files that carry this document; exactly one is `primary`.
    pub witnesses: Vec<ManifestWitness>,
}

/// One raw file of a document and how faithful it is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestWitness {
    /// Raw file name under `corpus/raw/`.
    pub file: String,
    /// `primary`, `secondary` or `reworded` (anything else is a TOML error).
    pub role: WitnessRole,
    /// Where the copy comes from (shown in the witness view).
    pub description: String,
}

/// Why the manifest is unusable.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The file is not TOML or does not match the manifest's fields.
    #[error("corpus/manifest.toml is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A document breaks a rule, e.g. a value without its note.
    #[error("corpus/manifest.toml: document `{id}`: {problem}")]
    Invalid {
        /// The document's id.
        id: String,
        /// What is wrong.
        problem: String,
    },
}

impl Manifest {
    /// Parses the manifest and checks that every value has its note and every document exactly one primary witness.
    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let manifest: Manifest = toml::from_str(text)?;
        for d in &manifest.documents {
            let invalid = |problem: &str| ManifestError::Invalid {
                id: d.id.clone(),
                problem: problem.into(),
            };
            if d.witnesses.is_empty() {
                return Err(invalid("has no witnesses"));
            }
            if d.jurisdiction.is_some() && d.jurisdiction_note.is_none() {
                return Err(invalid("jurisdiction needs a jurisdiction_note"));
            }
            if let Some(l) = &d.level {
                if Level::from_id(l).is_none() {
                    return Err(invalid("level must be central, ministry or provincial"));
                }
                if d.level_note.is_none() {
                    return Err(invalid("level needs a level_note"));
                }
            }
            if d.defines_mechanisms && d.defines_mechanisms_note.is_none() {
                return Err(invalid(
                    "defines_mechanisms needs a defines_mechanisms_note",
                ));
            }
            let primaries = d
                .witnesses
                .iter()
                .filter(|w| w.role == WitnessRole::Primary)
                .count();
            if primaries != 1 {
                return Err(invalid("needs exactly one primary witness"));
            }
        }
        Ok(manifest)
    }
}

impl ManifestDocument {
    /// The level as an enum (already checked by [`Manifest::parse`]).
    pub fn level(&self) -> Option<Level> {
        self.level.as_deref().and_then(Level::from_id)
    }

    /// The primary witness, the source of the reading text.
    pub fn primary(&self) -> &ManifestWitness {
        // `Manifest::parse` guarantees exactly one.
        self.witnesses
            .iter()
            .find(|w| w.role == WitnessRole::Primary)
            .unwrap_or(&self.witnesses[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_without_notes_are_refused() {
        let text = r#"
[[documents]]
id = "x"
jurisdiction = "cn"
[[documents.witnesses]]
file = "a.txt"
role = "primary"
description = "d"
"#;
        assert!(matches!(
            Manifest::parse(text),
            Err(ManifestError::Invalid { .. })
        ));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let text = r#"
[[documents]]
id = "x"
date = "2018-11-18"
witnesses = []
"#;
        assert!(matches!(Manifest::parse(text), Err(ManifestError::Toml(_))));
    }
}
