//! The search index's cache of the user's library: each library
//! document's index part ([`IndexPart`]) as bytes, in IndexedDB database
//! [`DB_NAME`], so that a start with the same library merges stored parts
//! instead of segmenting every document again.
//!
//! Key: the document id. Value: a `Uint8Array` of [`encode`]d bytes — a
//! header with the part stamp ([`part_stamp`]: part format, dictionaries,
//! gazetteer) and the document's fingerprint ([`document_fingerprint`]),
//! then the part. A value whose header does not match (another app
//! version, an edited document) or whose part does not read is stale or
//! damaged: it is rebuilt and overwritten, never shown as an error. The
//! cache is a convenience only: every failure here just means a rebuild.

use std::collections::HashMap;

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};

use super::idb::KeyValueStore;

pub use policy_core::search::{document_fingerprint, part_stamp};

/// The database (one per origin), separate from the library's own so that
/// dropping it never touches a user's documents.
pub const DB_NAME: &str = "policy-explorer-index";
/// Its object store.
pub const STORE: &str = "parts";

const CACHE: KeyValueStore = KeyValueStore {
    db_name: DB_NAME,
    store: STORE,
};

/// First bytes of every stored value.
const MAGIC: &[u8; 4] = b"PEIX";
const HEADER_BYTES: usize = 4 + 8 + 8;

/// A stored value: header, then the part's bytes.
pub fn encode(stamp: u64, fingerprint: u64, part: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER_BYTES + part.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&stamp.to_le_bytes());
    bytes.extend_from_slice(&fingerprint.to_le_bytes());
    bytes.extend_from_slice(part);
    bytes
}

/// The part's bytes of a stored value, if its header matches `stamp` and
/// `fingerprint`.
pub fn decode(bytes: &[u8], stamp: u64, fingerprint: u64) -> Option<&[u8]> {
    let (header, part) = bytes.split_at_checked(HEADER_BYTES)?;
    let mut expected = Vec::with_capacity(HEADER_BYTES);
    expected.extend_from_slice(MAGIC);
    expected.extend_from_slice(&stamp.to_le_bytes());
    expected.extend_from_slice(&fingerprint.to_le_bytes());
    (header == expected.as_slice()).then_some(part)
}

/// The stored values of `ids` that exist (still as JS byte arrays: copied
/// into wasm memory one at a time, when merged). Values of documents no
/// longer in the library are deleted on the way. Empty when IndexedDB is
/// unavailable.
pub async fn load(ids: &[String]) -> HashMap<String, Uint8Array> {
    let Ok(stored) = CACHE.keys().await else {
        return HashMap::new();
    };
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let (present, orphans): (Vec<String>, Vec<String>) = stored
        .into_iter()
        .partition(|key| wanted.contains(key.as_str()));
    if !orphans.is_empty() {
        let _ = CACHE.delete_each(&orphans).await;
    }
    let Ok(values) = CACHE.get_each(&present).await else {
        return HashMap::new();
    };
    present
        .into_iter()
        .zip(values)
        .filter_map(|(key, value)| Some((key, value.dyn_into::<Uint8Array>().ok()?)))
        .collect()
}

/// Parts written per transaction: the browser copies each value when it
/// is put, so a whole library at once would be one long task.
const PARTS_PER_WRITE: usize = 20;

/// Stores freshly built parts (already [`encode`]d), a few per transaction;
/// failures (quota, no IndexedDB) are ignored: the parts are rebuilt next
/// time. Starts on a later task: the engine that built them is shown
/// first.
pub async fn store(records: Vec<(String, Vec<u8>)>) {
    for chunk in records.chunks(PARTS_PER_WRITE) {
        crate::scheduling::yield_to_browser().await;
        let values: Vec<(String, JsValue)> = chunk
            .iter()
            .map(|(key, bytes)| (key.clone(), Uint8Array::from(bytes.as_slice()).into()))
            .collect();
        if CACHE.put_each(&values).await.is_err() {
            return;
        }
    }
}

/// Drops the parts of documents removed from the library.
pub async fn remove(ids: &[String]) {
    let _ = CACHE.delete_each(ids).await;
}

/// Drops every part (the library was cleared).
pub async fn clear() {
    let _ = CACHE.clear().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_of_another_stamp_or_document_version_is_stale() {
        let bytes = encode(7, 9, b"part");
        assert_eq!(decode(&bytes, 7, 9), Some(&b"part"[..]));
        assert_eq!(decode(&bytes, 8, 9), None, "another app version");
        assert_eq!(decode(&bytes, 7, 10), None, "an edited document");
        assert_eq!(decode(&bytes[..5], 7, 9), None, "cut short");
        assert_eq!(decode(b"", 7, 9), None);
    }
}
