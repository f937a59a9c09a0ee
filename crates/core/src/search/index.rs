//! The search index: built once from a corpus, serializable so that a
//! larger corpus can later ship it pre-built (and split) instead of
//! building it in the browser.
//!
//! Per unit it keeps the text, its word boundaries (from the [`Segmenter`])
//! and the region ids it is issued by / mentions, already expanded to every
//! region that contains them, so filtering is a set lookup. A character
//! unigram + bigram posting list finds candidate units for any substring
//! (including part of a word, e.g. `协调发` inside 协调发展) without scanning
//! the whole corpus; candidates are then verified by a substring search.

use super::parts::IndexPart;
use super::shards::{ShardError, UnitTable};
use crate::model::{Corpus, Document, Level, Mechanism, RegionInfo, Unit};
use crate::segment::Segmenter;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// A document as the index needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedDoc {
    /// The document id.
    pub id: String,
    /// The document's title.
    pub title: String,
    /// Region id of the issuing jurisdiction, for the "issued by" filter.
    pub jurisdiction: Option<String>,
    /// The issuer's level, for the level filter.
    pub level: Option<Level>,
    /// From the document's date, when it has one.
    pub year: Option<u16>,
}

/// A unit as the index needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedUnit {
    /// Index into [`SearchIndex::docs`].
    pub doc: u32,
    /// The unit's path in its document.
    pub path: String,
    /// The unit's heading, if any.
    pub heading: Option<String>,
    /// The text searched: the unit's reading (its restored reading where
    /// it has one) and, for a restored unit, a line break and the witness
    /// text after it, so that the witness's own wording is still found.
    pub text: String,
    /// Byte length of the reading at the start of `text`.
    #[serde(default)]
    pub reading_len: u32,
    /// Set for units whose reading is a restoration.
    // Always written (also when `None`): index parts are stored in a
    // format that is not self-describing (bincode), where a skipped field
    // would shift every field after it.
    #[serde(default)]
    pub restoration: Option<RestorationFlag>,
    /// `text` with ASCII letters lower-cased (same byte offsets), what
    /// queries are matched against.
    pub folded: String,
    /// Byte offsets where a segmenter token starts, plus `text.len()`.
    pub word_bounds: Vec<u32>,
    /// Number of word-like tokens (the BM25 document length).
    pub word_count: u32,
    /// The unit's mechanism tags, for the mechanism filter.
    pub mechanisms: Vec<Mechanism>,
    /// Region ids the unit counts as "issued by": its document's
    /// jurisdiction and every region containing it.
    pub issued_by: Vec<String>,
    /// Region ids the unit "mentions": its region tags and every region
    /// containing them.
    pub mentions: Vec<String>,
    /// `issued_by` ∪ `mentions` as indices into [`SearchIndex::regions`],
    /// ascending (for facet counting without hashing).
    pub region_indices: Vec<u32>,
}

/// How far a unit's reading can be trusted, for exports and result lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RestorationFlag {
    /// The reading is restored from a machine-reworded witness.
    Restored,
    /// The reading is restored and the restoration is doubtful.
    Doubtful,
}

impl RestorationFlag {
    /// The flag as exports write it (`restored`, `doubtful`).
    pub fn id(self) -> &'static str {
        match self {
            RestorationFlag::Restored => "restored",
            RestorationFlag::Doubtful => "doubtful",
        }
    }
}

impl IndexedUnit {
    /// The unit's reading (without the witness text appended for search).
    pub fn reading(&self) -> &str {
        self.text.get(..self.reading_end()).unwrap_or(&self.text)
    }

    /// Byte offset where the reading ends (an index serialized before
    /// readings were tracked has `reading_len` 0: all of it is reading).
    pub fn reading_end(&self) -> usize {
        match self.reading_len {
            0 => self.text.len(),
            n => n as usize,
        }
    }

    /// The witness text of a restored unit.
    pub fn witness_text(&self) -> Option<&str> {
        self.restoration?;
        self.text.get(self.reading_end() + 1..)
    }

    /// True when byte offset `at` is a token boundary.
    pub fn is_word_bound(&self, at: usize) -> bool {
        u32::try_from(at).is_ok_and(|at| self.word_bounds.binary_search(&at).is_ok())
    }

    /// The tokens of the unit's reading, as text slices (not those of a
    /// restored unit's witness text).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.word_bounds
            .windows(2)
            .take_while(|w| w[1] as usize <= self.reading_end())
            .filter_map(|w| self.text.get(w[0] as usize..w[1] as usize))
    }
}

/// The search index over every unit of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Every document, in corpus order.
    pub docs: Vec<IndexedDoc>,
    /// Every unit of every document, in corpus order.
    pub units: Vec<IndexedUnit>,
    /// The corpus gazetteer, for resolving region filters and names.
    pub regions: Vec<RegionInfo>,
    /// Character unigram and bigram key → the units containing it. An
    /// index built from a shard set's unit table holds only the postings
    /// of documents that joined otherwise (a user's library); the hosted
    /// corpus's postings come from the shards loaded so far.
    pub(crate) grams: FxHashMap<u64, GramPosting>,
    /// Mean [`IndexedUnit::word_count`].
    pub avg_word_count: f64,
}

/// The units containing one character unigram or bigram, with counts, so
/// that one- and two-character needles (most Chinese words) are scored
/// without scanning any text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct GramPosting {
    /// Unit ids, ascending.
    pub units: Vec<u32>,
    /// Occurrences in each unit.
    pub count: Vec<u16>,
    /// Occurrences that are a whole segmenter token.
    pub whole: Vec<u16>,
}

/// Postings of gram keys loaded from a shard set.
pub(crate) type ShardGrams = FxHashMap<u64, GramPosting>;

/// The gram keys whose postings a search for `needle` (already folded)
/// reads: its character for one character, else its bigrams (none for an
/// empty needle).
pub(crate) fn needle_keys(needle: &str) -> Vec<u64> {
    let chars: Vec<char> = needle.chars().collect();
    match chars.len() {
        0 => Vec::new(),
        1 => vec![unigram_key(chars[0])],
        _ => chars.windows(2).map(|w| bigram_key(w[0], w[1])).collect(),
    }
}

/// Key of a character unigram.
pub(crate) fn unigram_key(c: char) -> u64 {
    (1 << 63) | c as u64
}

/// Key of a character bigram.
pub(crate) fn bigram_key(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

impl SearchIndex {
    /// Builds the index. `segmenter` must be the app's segmenter (built
    /// with the same corpus's regions) so that word boundaries agree with
    /// the query's.
    pub fn build(corpus: &Corpus, segmenter: &Segmenter) -> SearchIndex {
        let mut builder = SearchIndexBuilder::new(corpus);
        while !builder.step(corpus, segmenter, usize::MAX) {}
        builder.finish(corpus)
    }

    /// Ids of units that may contain `needle` (already folded): every unit
    /// that has all of its bigrams (or its single character). The caller
    /// verifies with a substring search. `shards`: postings loaded from a
    /// shard set, which come before this index's own (see
    /// [`SearchIndex::posting`]).
    pub(crate) fn candidates(&self, needle: &str, shards: Option<&ShardGrams>) -> Vec<u32> {
        let keys = needle_keys(needle);
        if keys.is_empty() {
            return (0..self.units.len() as u32).collect();
        }
        let mut lists: Vec<Cow<'_, GramPosting>> = Vec::with_capacity(keys.len());
        for key in keys {
            match self.posting(key, shards) {
                Some(p) => lists.push(p),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.units.len());
        let mut result = lists[0].units.clone();
        for list in &lists[1..] {
            result.retain(|id| list.units.binary_search(id).is_ok());
            if result.is_empty() {
                break;
            }
        }
        result
    }

    /// The exact posting of a one- or two-character needle.
    pub(crate) fn gram_posting<'a>(
        &'a self,
        needle: &str,
        shards: Option<&'a ShardGrams>,
    ) -> Option<Cow<'a, GramPosting>> {
        if needle.chars().nth(2).is_some() {
            return None;
        }
        let [key] = needle_keys(needle)[..] else {
            return None;
        };
        self.posting(key, shards)
    }

    /// The posting of one gram key: the shards' (units of the hosted
    /// corpus, which comes first) followed by this index's own (units of
    /// documents that joined after it), so ids stay ascending.
    fn posting<'a>(
        &'a self,
        key: u64,
        shards: Option<&'a ShardGrams>,
    ) -> Option<Cow<'a, GramPosting>> {
        let shard = shards.and_then(|s| s.get(&key));
        match (shard, self.grams.get(&key)) {
            (None, None) => None,
            (Some(p), None) | (None, Some(p)) => Some(Cow::Borrowed(p)),
            (Some(first), Some(then)) => {
                let mut joined = first.clone();
                joined.units.extend_from_slice(&then.units);
                joined.count.extend_from_slice(&then.count);
                joined.whole.extend_from_slice(&then.whole);
                Some(Cow::Owned(joined))
            }
        }
    }

    /// Resolves a region typed by a user (id, full name or alias, after
    /// trimming) to its id.
    pub fn resolve_region(&self, value: &str) -> Option<&RegionInfo> {
        let v = value.trim();
        self.regions.iter().find(|r| r.id == v).or_else(|| {
            self.regions
                .iter()
                .find(|r| r.name == v || r.aliases.iter().any(|a| a == v))
        })
    }

    /// Resolves a document id (or exact title).
    pub fn resolve_doc(&self, value: &str) -> Option<u32> {
        let v = value.trim();
        self.docs
            .iter()
            .position(|d| d.id == v || d.title == v)
            .map(|i| i as u32)
    }
}

/// Builds a [`SearchIndex`] a few units at a time, so that a caller on a
/// browser's main thread can yield between steps and keep the page
/// responsive while a large library is indexed. The corpus passed to every
/// call must be the same one.
///
/// A document can also join as an [`IndexPart`] built earlier (and cached):
/// [`SearchIndexBuilder::push_part`] appends it exactly as stepping through
/// its units would have.
#[derive(Debug)]
pub struct SearchIndexBuilder {
    containers: HashMap<String, BTreeSet<String>>,
    region_index: HashMap<String, u32>,
    docs: Vec<IndexedDoc>,
    units: Vec<IndexedUnit>,
    grams: FxHashMap<u64, GramPosting>,
    /// The next unit to index: (document, unit within it).
    next: (usize, usize),
    /// The corpus documents this builder indexes: all of them, or one for
    /// a part ([`SearchIndexBuilder::for_document`]).
    first_doc: usize,
    end_doc: usize,
    total_units: usize,
}

impl SearchIndexBuilder {
    /// An empty index of `corpus`'s documents.
    pub fn new(corpus: &Corpus) -> SearchIndexBuilder {
        SearchIndexBuilder {
            containers: region_containers(&corpus.regions),
            region_index: corpus
                .regions
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.clone(), i as u32))
                .collect(),
            docs: Vec::with_capacity(corpus.documents.len()),
            units: Vec::new(),
            grams: FxHashMap::default(),
            next: (0, 0),
            first_doc: 0,
            end_doc: corpus.documents.len(),
            total_units: corpus.documents.iter().map(|d| d.units.len()).sum(),
        }
    }

    /// A builder of document `doc_index` alone, whose [`Self::into_part`]
    /// is that document's [`IndexPart`] (document and unit ids local).
    pub fn for_document(corpus: &Corpus, doc_index: usize) -> SearchIndexBuilder {
        let mut builder = SearchIndexBuilder::new(corpus);
        builder.docs = Vec::with_capacity(1);
        builder.first_doc = doc_index.min(corpus.documents.len());
        builder.end_doc = (doc_index + 1).min(corpus.documents.len());
        builder.next = (builder.first_doc, 0);
        builder.total_units = corpus.documents.get(doc_index).map_or(0, |d| d.units.len());
        builder
    }

    /// The corpus index of the next document to index, if any is left.
    pub fn next_document(&self) -> Option<usize> {
        (self.next.0 < self.end_doc).then_some(self.next.0)
    }

    /// Whether the next document has not been started (so a part of it
    /// can be pushed).
    pub fn at_document_start(&self) -> bool {
        self.next.1 == 0 && self.docs.len() == self.next.0 - self.first_doc
    }

    /// Appends `part` as the next document of `corpus`, exactly as stepping
    /// through its units would. Refused (false, nothing changed) when the
    /// part is not of the next document or does not fit the index: a stale
    /// or damaged cached part is then rebuilt instead.
    pub fn push_part(&mut self, corpus: &Corpus, part: IndexPart) -> bool {
        let Some(doc_index) = self.next_document() else {
            return false;
        };
        let Some(doc) = corpus.documents.get(doc_index) else {
            return false;
        };
        if !self.at_document_start() || !part.fits(doc, corpus.regions.len()) {
            return false;
        }
        let (part_doc, units, postings) = part.into_pieces();
        let local_doc = self.docs.len() as u32;
        let offset = self.units.len() as u32;
        self.docs.push(part_doc);
        self.units.extend(units.into_iter().map(|mut unit| {
            unit.doc = local_doc;
            unit
        }));
        for (key, units, count, whole) in postings.iter() {
            let merged = self.grams.entry(key).or_default();
            merged.units.extend(units.iter().map(|u| u + offset));
            merged.count.extend_from_slice(count);
            merged.whole.extend_from_slice(whole);
        }
        self.next = (doc_index + 1, 0);
        true
    }

    /// The part of the one document of a [`Self::for_document`] builder,
    /// once every unit is in (`None` before, or for a whole-corpus builder).
    pub fn into_part(self) -> Option<IndexPart> {
        if self.end_doc != self.first_doc + 1 || self.next_document().is_some() {
            return None;
        }
        let [doc] = <[IndexedDoc; 1]>::try_from(self.docs).ok()?;
        Some(IndexPart::new(doc, self.units, self.grams))
    }

    /// (units indexed, units in the corpus).
    pub fn progress(&self) -> (usize, usize) {
        (self.units.len(), self.total_units)
    }

    /// Indexes up to `max_units` more units; true when every unit is in.
    pub fn step(&mut self, corpus: &Corpus, segmenter: &Segmenter, max_units: usize) -> bool {
        let mut added = 0;
        while added < max_units {
            let (doc_index, unit_index) = self.next;
            if doc_index >= self.end_doc {
                return true;
            }
            let Some(doc) = corpus.documents.get(doc_index) else {
                return true;
            };
            let local_doc = doc_index - self.first_doc;
            if unit_index == 0 && self.docs.len() == local_doc {
                self.docs.push(indexed_doc(doc));
            }
            let Some(unit) = doc.units.get(unit_index) else {
                self.next = (doc_index + 1, 0);
                continue;
            };
            let indexed = self.indexed_unit(local_doc, doc, unit, Words::Segment(segmenter));
            self.add_grams(&indexed);
            self.units.push(indexed);
            self.next = (doc_index, unit_index + 1);
            added += 1;
        }
        self.next.0 >= self.end_doc.min(corpus.documents.len())
    }

    /// Like [`Self::step`], but stops at the end of the current document
    /// (true then), so that the caller can push the next one as a part.
    pub fn step_in_document(
        &mut self,
        corpus: &Corpus,
        segmenter: &Segmenter,
        max_units: usize,
    ) -> bool {
        let Some(doc_index) = self.next_document() else {
            return true;
        };
        let end_doc = self.end_doc;
        self.end_doc = doc_index + 1;
        self.step(corpus, segmenter, max_units);
        self.end_doc = end_doc;
        self.next.0 > doc_index
    }

    /// Adds up to `max_units` more units of the documents a shard set's
    /// unit table covers (the first ones of `corpus`), their word
    /// boundaries read from `table` instead of segmenting: no postings are
    /// added (they come from the shards). `Ok(true)` when the table's
    /// documents are all in; an error (the build must start over in
    /// memory) when the table does not fit the corpus's texts.
    pub fn step_from_table(
        &mut self,
        corpus: &Corpus,
        table: &UnitTable,
        max_units: usize,
    ) -> Result<bool, ShardError> {
        let end_doc = self.end_doc.min(table.document_count());
        let mut added = 0;
        while added < max_units {
            let (doc_index, unit_index) = self.next;
            if doc_index >= end_doc {
                return Ok(true);
            }
            let Some(doc) = corpus.documents.get(doc_index) else {
                return Err(ShardError::Stale);
            };
            if unit_index == 0 && self.docs.len() == doc_index {
                self.docs.push(indexed_doc(doc));
            }
            let Some(unit) = doc.units.get(unit_index) else {
                self.next = (doc_index + 1, 0);
                continue;
            };
            let (bounds, count) = table.words(self.units.len()).ok_or(ShardError::Stale)?;
            let indexed = self.indexed_unit(doc_index, doc, unit, Words::Known(bounds, count));
            let fits = indexed.word_bounds.last() == Some(&(indexed.text.len() as u32))
                && indexed
                    .word_bounds
                    .iter()
                    .all(|&b| indexed.text.is_char_boundary(b as usize));
            if !fits {
                return Err(ShardError::Stale);
            }
            self.units.push(indexed);
            self.next = (doc_index, unit_index + 1);
            added += 1;
        }
        Ok(self.next.0 >= end_doc)
    }

    /// The finished index (units not yet stepped through are left out).
    pub fn finish(self, corpus: &Corpus) -> SearchIndex {
        let units = self.units;
        let avg_word_count = if units.is_empty() {
            1.0
        } else {
            (units.iter().map(|u| u.word_count as f64).sum::<f64>() / units.len() as f64).max(1.0)
        };
        SearchIndex {
            docs: self.docs,
            units,
            regions: corpus.regions.clone(),
            grams: self.grams,
            avg_word_count,
        }
    }

    /// A region id and every region containing it.
    fn expand(&self, id: &str) -> Vec<String> {
        self.containers
            .get(id)
            .map(|set| set.iter().cloned().collect())
            .unwrap_or_else(|| vec![id.to_string()])
    }

    fn indexed_unit(
        &self,
        doc_index: usize,
        doc: &Document,
        unit: &Unit,
        words: Words<'_>,
    ) -> IndexedUnit {
        let issued_by = doc
            .jurisdiction
            .as_deref()
            .map(|id| self.expand(id))
            .unwrap_or_default();
        let reading = unit.reading();
        let restoration = unit.restored.as_ref().map(|r| {
            if r.doubtful {
                RestorationFlag::Doubtful
            } else {
                RestorationFlag::Restored
            }
        });
        let text = indexed_text(unit);
        let (word_bounds, word_count) = match words {
            Words::Segment(segmenter) => {
                let tokens = segmenter.segment(&text);
                let mut word_bounds: Vec<u32> = tokens.iter().map(|t| t.start as u32).collect();
                word_bounds.push(text.len() as u32);
                let word_count = tokens.iter().filter(|t| t.is_wordlike()).count() as u32;
                (word_bounds, word_count)
            }
            Words::Known(bounds, count) => (bounds, count),
        };
        let mut mentions: BTreeSet<String> = BTreeSet::new();
        for tag in &unit.regions {
            mentions.extend(self.expand(&tag.id));
        }
        let mut mechanisms: Vec<Mechanism> = unit.mechanisms.iter().map(|m| m.id).collect();
        mechanisms.sort();
        mechanisms.dedup();
        let mut region_indices: Vec<u32> = issued_by
            .iter()
            .chain(&mentions)
            .filter_map(|id| self.region_index.get(id.as_str()).copied())
            .collect();
        region_indices.sort();
        region_indices.dedup();
        IndexedUnit {
            doc: doc_index as u32,
            path: unit.path.as_str().to_string(),
            heading: unit.reading_heading().map(str::to_string),
            reading_len: reading.len() as u32,
            restoration,
            folded: text.to_ascii_lowercase(),
            text,
            word_bounds,
            word_count,
            mechanisms,
            issued_by,
            mentions: mentions.into_iter().collect(),
            region_indices,
        }
    }

    /// Adds the unit (the next id) to the unigram and bigram postings.
    fn add_grams(&mut self, unit: &IndexedUnit) {
        let id = self.units.len() as u32;
        let grams = &mut self.grams;
        let mut push = |key: u64, whole: bool| {
            let p = grams.entry(key).or_default();
            if p.units.last() != Some(&id) {
                p.units.push(id);
                p.count.push(0);
                p.whole.push(0);
            }
            if let (Some(c), Some(w)) = (p.count.last_mut(), p.whole.last_mut()) {
                *c = c.saturating_add(1);
                *w = w.saturating_add(u16::from(whole));
            }
        };
        let mut prev: Option<(usize, char)> = None;
        for (at, c) in unit.folded.char_indices() {
            let end = at + c.len_utf8();
            push(
                unigram_key(c),
                unit.is_word_bound(at) && unit.is_word_bound(end),
            );
            if let Some((p_at, p)) = prev {
                push(
                    bigram_key(p, c),
                    unit.is_word_bound(p_at) && unit.is_word_bound(end),
                );
            }
            prev = Some((at, c));
        }
    }
}

/// Where a unit's word boundaries come from.
enum Words<'a> {
    /// Segmenting its text.
    Segment(&'a Segmenter),
    /// Known already (a shard set's unit table): boundaries and word count.
    Known(Vec<u32>, u32),
}

/// The text a unit is indexed by: its reading, and for a restored unit a
/// line break and the witness text after it.
pub(crate) fn indexed_text(unit: &Unit) -> String {
    let reading = unit.reading();
    match unit.restored {
        Some(_) => format!("{reading}\n{}", unit.text),
        None => reading.to_string(),
    }
}

/// A document as the index keeps it.
fn indexed_doc(doc: &Document) -> IndexedDoc {
    IndexedDoc {
        id: doc.id.clone(),
        title: doc.title.clone(),
        jurisdiction: doc.jurisdiction.clone(),
        level: doc.level,
        year: doc
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok()),
    }
}

/// For every region id, the set of region ids that contain it (itself
/// included): its parents transitively, and every area whose `members`
/// list it or one of its parents.
pub fn region_containers(regions: &[RegionInfo]) -> HashMap<String, BTreeSet<String>> {
    let by_id: HashMap<&str, &RegionInfo> = regions.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut member_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in regions {
        for m in &r.members {
            member_of.entry(m.as_str()).or_default().push(r.id.as_str());
        }
    }
    let mut out = HashMap::new();
    for r in regions {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut stack = vec![r.id.as_str()];
        while let Some(id) = stack.pop() {
            if !seen.insert(id.to_string()) {
                continue;
            }
            if let Some(parent) = by_id.get(id).and_then(|r| r.parent.as_deref()) {
                stack.push(parent);
            }
            if let Some(areas) = member_of.get(id) {
                stack.extend(areas.iter().copied());
            }
        }
        out.insert(r.id.clone(), seen);
    }
    out
}
