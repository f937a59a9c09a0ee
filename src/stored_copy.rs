//! The user's own copy (imported on the compare page) kept across reloads.
//!
//! What is stored is the imported document itself, not the raw text: a
//! reload then needs neither the segmenter nor a second import. The value
//! is capped ([`StoredCopy::MAX_BYTES`]): a copy too large to keep stays
//! usable for the visit and the user is told it will not survive a reload.
//! A stored copy is outside input like any other stored value and is
//! checked before use. The shell saves it with
//! [`use_persisted_copy`](crate::hooks::use_persisted_copy::use_persisted_copy).

use std::rc::Rc;

use policy_core::model::Document;
use serde::{Deserialize, Serialize};

use crate::corpus_data::{ImportedCopy, MY_COPY_ID};
use crate::state::NoticeKind;
use crate::storage::{self, Loaded, StoredValue};

/// Fewer bytes than the JSON of a unit with empty strings and lists takes
/// (`{"path":"","label":"","kind":"lead","heading":null,…}` is 172).
const UNIT_JSON_BYTES: usize = 160;

/// Longer names are not file names.
const MAX_NAME_CHARS: usize = 300;

/// The stored form of [`ImportedCopy`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredCopyData {
    pub source_name: String,
    pub bytes: usize,
    pub doc: Document,
}

pub struct StoredCopy(pub ImportedCopy);

impl StoredValue for StoredCopy {
    const KEY: &'static str = "policy-explorer.my-copy";
    const VERSION: u32 = 1;
    /// A policy document imports to a few hundred kilobytes of JSON; 2 MB
    /// leaves the origin's other keys room within the usual 5 MB quota.
    const MAX_BYTES: usize = 2 * 1024 * 1024;
    type Data = StoredCopyData;

    /// Every unit's path, label, text and heading appear in the JSON, with
    /// at least [`UNIT_JSON_BYTES`] of keys and punctuation around them.
    fn least_bytes(&self) -> usize {
        self.0
            .doc
            .units
            .iter()
            .map(|u| {
                UNIT_JSON_BYTES
                    + u.path.as_str().len()
                    + u.label.len()
                    + u.text.len()
                    + u.heading.as_deref().map_or(0, str::len)
            })
            .sum()
    }

    fn to_data(&self) -> StoredCopyData {
        StoredCopyData {
            source_name: self.0.source_name.clone(),
            bytes: self.0.bytes,
            doc: (*self.0.doc).clone(),
        }
    }

    fn from_data(data: StoredCopyData) -> Result<Self, String> {
        if data.doc.id != MY_COPY_ID {
            return Err(format!("stored copy has id {:?}", data.doc.id));
        }
        if data.doc.units.is_empty() {
            return Err("stored copy has no units".into());
        }
        if data.source_name.chars().count() > MAX_NAME_CHARS {
            return Err("stored copy name too long".into());
        }
        Ok(StoredCopy(ImportedCopy {
            doc: Rc::new(data.doc),
            source_name: data.source_name,
            bytes: data.bytes,
            // Not imported in this visit.
            import_ms: 0.0,
            encoding: None,
        }))
    }
}

/// The copy kept from an earlier visit, and the notice if the stored one
/// was unreadable (it is removed).
pub fn load_my_copy() -> (Option<ImportedCopy>, Option<NoticeKind>) {
    match storage::load::<StoredCopy>() {
        Loaded::Found(StoredCopy(copy)) => (Some(copy), None),
        Loaded::Reset(_) => (None, Some(NoticeKind::StoredCopyReset)),
        Loaded::Missing | Loaded::Unavailable => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{decode, encode};
    use crate::test_fixtures::fixture_corpus;

    fn copy() -> ImportedCopy {
        let mut doc = fixture_corpus().documents[0].clone();
        doc.id = MY_COPY_ID.to_string();
        ImportedCopy {
            doc: Rc::new(doc),
            source_name: "我的文本.txt".into(),
            bytes: 1234,
            import_ms: 5.0,
            encoding: None,
        }
    }

    #[test]
    fn a_copy_round_trips_and_keeps_its_document() {
        let text = encode(&StoredCopy(copy())).unwrap();
        let StoredCopy(back) = decode::<StoredCopy>(&text).unwrap();
        assert_eq!(*back.doc, *copy().doc);
        assert_eq!(back.source_name, "我的文本.txt");
        assert_eq!(back.bytes, 1234);
    }

    #[test]
    fn the_size_bound_never_exceeds_the_stored_size() {
        let stored = StoredCopy(copy());
        let text = encode(&stored).unwrap();
        assert!(
            stored.least_bytes() <= text.len(),
            "{} > {}",
            stored.least_bytes(),
            text.len()
        );
        assert!(stored.least_bytes() > text.len() / 4, "a useful bound");
    }

    #[test]
    fn a_tampered_copy_is_refused() {
        let text = encode(&StoredCopy(copy())).unwrap();
        let other_id = text.replacen(&format!("\"id\":\"{MY_COPY_ID}\""), "\"id\":\"sichuan\"", 1);
        assert!(decode::<StoredCopy>(&other_id).is_err());
        assert!(decode::<StoredCopy>(r#"{"v":1,"data":{"source_name":"x","bytes":1}}"#).is_err());
    }
}
