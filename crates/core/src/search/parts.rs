//! One document's share of the search index — its entry, its units and
//! their unigram/bigram postings, with document and unit ids local to the
//! part — so that a document indexed once can be stored (compact bytes)
//! and merged into later indexes instead of being segmented again.
//!
//! Merging parts in corpus order ([`SearchIndexBuilder::push_part`]) gives
//! exactly the index that building it in one go gives (tested over the real
//! corpus and over random documents). A part depends on the document, on
//! the segmenter's dictionaries and on the gazetteer (region expansion):
//! [`part_stamp`] fingerprints the latter two with [`PART_FORMAT_VERSION`],
//! [`document_fingerprint`] the former; a store keeps both next to the
//! bytes and drops a part when either differs.

use super::index::{GramPosting, IndexedDoc, IndexedUnit, SearchIndexBuilder};
use crate::model::{Document, RegionInfo};
use crate::segment::Segmenter;
use bincode::Options;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

/// The layout of [`IndexPart`] bytes and of what a part holds. Bump it when
/// the index's fields or how they are computed change: stored parts of
/// another version are rebuilt.
pub const PART_FORMAT_VERSION: u32 = 2;

/// One document's index entries (ids local: document 0, units from 0).
///
/// Postings are kept as flat parallel lists rather than one small posting
/// per gram: a document has thousands of distinct bigrams, and reading
/// thousands of tiny lists back costs an allocation each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexPart {
    doc: IndexedDoc,
    units: Vec<IndexedUnit>,
    postings: PostingLists,
}

/// Why stored bytes are not a usable part.
#[derive(Debug, thiserror::Error)]
#[error("unreadable index part: {0}")]
pub struct PartError(String);

impl IndexPart {
    pub(crate) fn new(
        doc: IndexedDoc,
        units: Vec<IndexedUnit>,
        grams: FxHashMap<u64, GramPosting>,
    ) -> IndexPart {
        IndexPart {
            doc,
            units,
            postings: PostingLists::from_grams(grams),
        }
    }

    /// Indexes document `doc_index` of `corpus` in one go (a caller on a
    /// browser's main thread steps a [`SearchIndexBuilder::for_document`]
    /// instead).
    pub fn build(
        corpus: &crate::model::Corpus,
        doc_index: usize,
        segmenter: &Segmenter,
    ) -> Option<IndexPart> {
        let mut builder = SearchIndexBuilder::for_document(corpus, doc_index);
        while !builder.step(corpus, segmenter, usize::MAX) {}
        builder.into_part()
    }

    /// The id of the document the part indexes.
    pub fn doc_id(&self) -> &str {
        &self.doc.id
    }

    /// The part as compact bytes (bincode, variable-length integers).
    pub fn to_bytes(&self) -> Result<Vec<u8>, PartError> {
        codec()
            .serialize(self)
            .map_err(|e| PartError(e.to_string()))
    }

    /// Reads bytes written by [`Self::to_bytes`]. Bytes that decode but
    /// are not a consistent part (damaged storage) are refused too, so a
    /// merged index never holds out-of-range ids or offsets.
    pub fn from_bytes(bytes: &[u8]) -> Result<IndexPart, PartError> {
        let part: IndexPart = codec()
            .with_limit(bytes.len() as u64)
            .deserialize(bytes)
            .map_err(|e| PartError(e.to_string()))?;
        if !part.is_consistent() {
            return Err(PartError("inconsistent ids or offsets".into()));
        }
        Ok(part)
    }

    /// The document entry, the units, and every gram's posting as
    /// `(key, units, counts, whole-token counts)`.
    pub(crate) fn into_pieces(self) -> (IndexedDoc, Vec<IndexedUnit>, PostingLists) {
        (self.doc, self.units, self.postings)
    }

    /// Whether the part is of `doc` (same id, same units in order) and its
    /// region indices exist in a gazetteer of `region_count` regions.
    pub(crate) fn fits(&self, doc: &Document, region_count: usize) -> bool {
        self.doc.id == doc.id
            && self.units.len() == doc.units.len()
            && self
                .units
                .iter()
                .zip(&doc.units)
                .all(|(indexed, unit)| indexed.path == unit.path.as_str())
            && self
                .units
                .iter()
                .flat_map(|u| &u.region_indices)
                .all(|&r| (r as usize) < region_count)
    }

    /// Every id, offset and parallel list in range and in order.
    fn is_consistent(&self) -> bool {
        let unit_count = self.units.len();
        let units_ok = self.units.iter().all(|u| {
            u.doc == 0
                && u.folded.len() == u.text.len()
                && (u.reading_len as usize) <= u.text.len()
                && u.text.is_char_boundary(u.reading_len as usize)
                && u.word_bounds.windows(2).all(|w| w[0] < w[1])
                && u.word_bounds
                    .last()
                    .is_some_and(|&end| end as usize == u.text.len())
                && u.word_bounds
                    .iter()
                    .all(|&b| u.text.is_char_boundary(b as usize))
        });
        units_ok && self.postings.is_consistent(unit_count)
    }
}

/// Gram postings as flat parallel lists (a part's, a shard's): rather
/// than one small posting per gram, since a document has thousands of
/// distinct bigrams and reading thousands of tiny lists back costs an
/// allocation each. Stored gap-coded ([`PostingBytes`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "PostingBytes", try_from = "PostingBytes")]
pub(crate) struct PostingLists {
    /// Gram keys, ascending (so equal postings have equal bytes).
    keys: Vec<u64>,
    /// Where each key's posting ends in the lists below (its start is the
    /// previous key's end).
    ends: Vec<u32>,
    units: Vec<u32>,
    count: Vec<u16>,
    whole: Vec<u16>,
}

impl PostingLists {
    /// The lists of `grams`, keys in ascending order.
    pub(crate) fn from_grams(grams: impl IntoIterator<Item = (u64, GramPosting)>) -> PostingLists {
        let mut grams: Vec<(u64, GramPosting)> = grams.into_iter().collect();
        grams.sort_unstable_by_key(|(key, _)| *key);
        let mut lists = PostingLists {
            keys: Vec::with_capacity(grams.len()),
            ends: Vec::with_capacity(grams.len()),
            ..PostingLists::default()
        };
        for (key, posting) in grams {
            lists.keys.push(key);
            lists.units.extend_from_slice(&posting.units);
            lists.count.extend_from_slice(&posting.count);
            lists.whole.extend_from_slice(&posting.whole);
            lists.ends.push(lists.units.len() as u32);
        }
        lists
    }

    /// The gram keys, ascending.
    pub(crate) fn keys(&self) -> &[u64] {
        &self.keys
    }

    /// Parallel lists of equal length, keys strictly ascending, every
    /// posting non-empty with unit ids ascending and below `unit_count`.
    pub(crate) fn is_consistent(&self, unit_count: usize) -> bool {
        let postings = self.units.len();
        let lists_ok = self.keys.len() == self.ends.len()
            && self.count.len() == postings
            && self.whole.len() == postings
            && self.keys.windows(2).all(|w| w[0] < w[1])
            && self.ends.windows(2).all(|w| w[0] < w[1])
            && self.ends.first().is_none_or(|&e| e > 0)
            && self
                .ends
                .last()
                .map_or(postings == 0, |&e| e as usize == postings)
            && self.units.iter().all(|&u| (u as usize) < unit_count);
        // Within each posting, unit ids ascend.
        lists_ok && {
            let mut start = 0usize;
            self.ends.iter().all(|&end| {
                let ok = self.units[start..end as usize]
                    .windows(2)
                    .all(|w| w[0] < w[1]);
                start = end as usize;
                ok
            })
        }
    }

    /// Every gram as `(key, unit ids, counts, whole-token counts)`.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, &[u32], &[u16], &[u16])> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&e| e as usize));
        self.keys
            .iter()
            .zip(starts.zip(self.ends.iter()))
            .map(move |(&key, (start, &end))| {
                let range = start..end as usize;
                (
                    key,
                    &self.units[range.clone()],
                    &self.count[range.clone()],
                    &self.whole[range],
                )
            })
    }
}

/// How [`PostingLists`] are stored: every ascending list as differences,
/// so that with variable-length integers most entries take one byte (the
/// unit ids of a common bigram's posting, absolute, take three to five).
#[derive(Serialize, Deserialize)]
struct PostingBytes {
    /// The first key, then each key's difference from the previous one.
    key_gaps: Vec<u64>,
    /// Each posting's length.
    lengths: Vec<u32>,
    /// Per posting: its first unit id, then each id's difference from the
    /// previous one.
    unit_gaps: Vec<u32>,
    count: Vec<u16>,
    whole: Vec<u16>,
}

impl From<PostingLists> for PostingBytes {
    fn from(lists: PostingLists) -> PostingBytes {
        let mut previous = 0u64;
        let key_gaps = lists
            .keys
            .iter()
            .map(|&key| {
                let gap = key.wrapping_sub(previous);
                previous = key;
                gap
            })
            .collect();
        let mut lengths = Vec::with_capacity(lists.ends.len());
        let mut unit_gaps = Vec::with_capacity(lists.units.len());
        let mut start = 0usize;
        for &end in &lists.ends {
            let end = (end as usize).clamp(start, lists.units.len());
            lengths.push((end - start) as u32);
            let mut previous = 0u32;
            for &unit in &lists.units[start..end] {
                unit_gaps.push(unit.wrapping_sub(previous));
                previous = unit;
            }
            start = end;
        }
        PostingBytes {
            key_gaps,
            lengths,
            unit_gaps,
            count: lists.count,
            whole: lists.whole,
        }
    }
}

impl TryFrom<PostingBytes> for PostingLists {
    type Error = &'static str;

    /// Undoes the differences; sums that overflow, or lengths that do not
    /// add up to the ids stored, are refused (order and ranges are
    /// [`PostingLists::is_consistent`]'s to check).
    fn try_from(bytes: PostingBytes) -> Result<PostingLists, Self::Error> {
        const OVERFLOW: &str = "posting differences overflow";
        let mut keys = Vec::with_capacity(bytes.key_gaps.len());
        let mut at = 0u64;
        for gap in bytes.key_gaps {
            at = at.checked_add(gap).ok_or(OVERFLOW)?;
            keys.push(at);
        }
        let mut ends = Vec::with_capacity(bytes.lengths.len());
        let mut units = Vec::with_capacity(bytes.unit_gaps.len());
        let mut end = 0u32;
        for length in bytes.lengths {
            let start = end as usize;
            end = end.checked_add(length).ok_or(OVERFLOW)?;
            let gaps = bytes
                .unit_gaps
                .get(start..end as usize)
                .ok_or("posting lengths exceed the ids stored")?;
            let mut at = 0u32;
            for &gap in gaps {
                at = at.checked_add(gap).ok_or(OVERFLOW)?;
                units.push(at);
            }
            ends.push(end);
        }
        if units.len() != bytes.unit_gaps.len() {
            return Err("posting lengths fall short of the ids stored");
        }
        Ok(PostingLists {
            keys,
            ends,
            units,
            count: bytes.count,
            whole: bytes.whole,
        })
    }
}

/// Length of the segmenter's base dictionary, evaluated at compile time (the
/// text itself is not linked twice). An edit that keeps its length must
/// bump [`PART_FORMAT_VERSION`].
const BASE_DICTIONARY_BYTES: usize = include_str!("../../data/dict.txt").len();

fn codec() -> impl Options {
    bincode::DefaultOptions::new()
}

/// A fingerprint of what a part depends on besides its document: the
/// part format, the segmenter's dictionaries and the gazetteer. Parts
/// stored under another stamp are stale.
pub fn part_stamp(regions: &[RegionInfo]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write_u32(PART_FORMAT_VERSION);
    hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
    // Fixed-width integers: the stamp must be the same on every target (a
    // shard set is stamped natively and checked in wasm32, where usize is
    // 4 bytes).
    hasher.write_u64(crate::segment::DICTIONARY_MIN_FREQ as u64);
    hasher.write_u64(BASE_DICTIONARY_BYTES as u64);
    hasher.write(crate::segment::POLICY_LEXICON.as_bytes());
    let mut writer = HashWriter(&mut hasher);
    // Serializing plain data to a writer cannot fail; a failure would only
    // make the stamp differ, i.e. rebuild parts.
    let _ = serde_json::to_writer(&mut writer, regions);
    hasher.finish()
}

/// A fingerprint of everything in `doc` (its serialized form): a part
/// stored for another fingerprint is of an older version of the document.
pub fn document_fingerprint(doc: &Document) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    let _ = serde_json::to_writer(&mut HashWriter(&mut hasher), doc);
    hasher.finish()
}

/// Feeds written bytes to a hasher (no copy of the serialized text).
struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
