//! The reviewed manifest (`corpus/manifest.toml`): which raw files make up
//! which document, and the little metadata a file does not state but a
//! person knows (the jurisdiction and administrative level of the issuer).
//! Every value carries a note saying why it is known. Nothing else is
//! allowed in: titles, dates and numbers come from the texts.

use policy_core::model::{Level, WitnessRole};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub documents: Vec<ManifestDocument>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestDocument {
    pub id: String,
    pub jurisdiction: Option<String>,
    pub jurisdiction_note: Option<String>,
    pub level: Option<String>,
    pub level_note: Option<String>,
    /// `true` for the 2018 opinion itself: its ten sections *define* the
    /// mechanism vocabulary, so section N is tagged with mechanism N even
    /// where only a reworded witness carries the heading.
    #[serde(default)]
    pub defines_mechanisms: bool,
    pub defines_mechanisms_note: Option<String>,
    pub witnesses: Vec<ManifestWitness>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestWitness {
    pub file: String,
    /// `primary`, `secondary` or `reworded` (anything else is a TOML error).
    pub role: WitnessRole,
    pub description: String,
}

/// Why the manifest is unusable.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("corpus/manifest.toml is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("corpus/manifest.toml: document `{id}`: {problem}")]
    Invalid { id: String, problem: String },
}

impl Manifest {
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
    pub fn level(&self) -> Option<Level> {
        self.level.as_deref().and_then(Level::from_id)
    }

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
