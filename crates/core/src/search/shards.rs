//! The search index of a hosted corpus, precomputed at build time and
//! split so that a browser fetches only what a query needs (as static-site
//! search engines do).
//!
//! A [`ShardSet`] is three kinds of file:
//! * the **unit table** — every unit's segmenter word boundaries and word
//!   count. With the corpus (which the hosted app carries anyway) that is
//!   everything filters, facets, KWIC lines, scoring and filter-only
//!   browsing need, so the engine is assembled without segmenting a single
//!   unit ([`SearchEngineBuilder::step_from_table`]);
//! * **gram shards** — the unigram/bigram postings, shard `s` holding every
//!   gram key `k` with [`shard_of`]`(k, N) == s`, unit ids global; `N` is
//!   chosen from the index size so that a shard is a few tens of KB;
//! * the **manifest** (JSON) — format version, the [`part_stamp`] of what
//!   the index depends on, the documents and unit counts it covers, and
//!   every file's name, FNV-1a 64 hash and size.
//!
//! [`LoadedShards`] knows which shards are in; [`SearchEngine::
//! missing_shards`] names those a request still needs (the gram keys of its
//! needles, as the engine derives them), and [`SearchEngine::
//! search_top_sharded`] gives exactly the results of the in-memory index
//! once they are loaded (tested over the real corpus and random documents).
//! Bytes whose hash differs from the manifest's, or that decode to
//! inconsistent lists, are refused and never merged.
//!
//! [`SearchEngineBuilder::step_from_table`]: super::SearchEngineBuilder::step_from_table
//! [`SearchEngine::missing_shards`]: super::SearchEngine::missing_shards
//! [`SearchEngine::search_top_sharded`]: super::SearchEngine::search_top_sharded

use super::index::{GramPosting, SearchIndex, ShardGrams};
use super::parts::{part_stamp, PostingLists};
use crate::model::{Corpus, RegionInfo};
use crate::segment::Segmenter;
use bincode::Options;
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

/// The layout of a shard set's files. Bump it when they change: a manifest
/// of another version is ignored (the app builds its index in memory).
pub const SHARD_FORMAT_VERSION: u32 = 2;

/// Raw bytes a gram shard is aimed at (gzip makes it roughly half).
const TARGET_SHARD_BYTES: usize = 32 * 1024;

/// Upper bound on the number of gram shards.
const MAX_SHARDS: usize = 4096;

/// The shard that holds gram `key` among `count` shards.
pub fn shard_of(key: u64, count: u32) -> u32 {
    // A multiplicative mix, so that neighbouring characters spread out.
    let mixed = (key ^ (key >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    ((mixed >> 32) % u64::from(count.max(1))) as u32
}

/// Why a shard set's file is not usable.
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// The bytes do not hash to what the manifest says (damaged, or of
    /// another build).
    #[error("{0}: content hash differs from the manifest")]
    Hash(String),
    /// The bytes do not decode, or decode to inconsistent lists.
    #[error("{0}: unreadable ({1})")]
    Unreadable(String, String),
    /// The manifest is not JSON of this format.
    #[error("unreadable shard manifest: {0}")]
    Manifest(String),
    /// The set was built for another corpus, dictionary or app version.
    #[error("the shard set does not fit this corpus or app version")]
    Stale,
    /// A shard number the manifest does not list.
    #[error("no shard {0} in the manifest")]
    NoSuchShard(u32),
}

/// A search needs shards that are not loaded yet (ascending numbers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("search needs shards {0:?}")]
pub struct MissingShards(pub Vec<u32>);

/// One file of a shard set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardFile {
    /// File name (relative to the manifest), content-hashed.
    pub name: String,
    /// FNV-1a 64 of the bytes, 16 hex digits.
    pub hash: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// A document the shard set covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestDoc {
    /// The document's id.
    pub id: String,
    /// Its number of units.
    pub units: u32,
}

/// What a browser reads first: which files exist and what they cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardManifest {
    /// [`SHARD_FORMAT_VERSION`].
    pub format: u32,
    /// [`part_stamp`] of the gazetteer (with the dictionaries and the
    /// app's version), 16 hex digits.
    pub stamp: String,
    /// The documents covered, in corpus order (the first of the corpus).
    pub documents: Vec<ManifestDoc>,
    /// Units in those documents (the global unit ids are `0..units`).
    pub units: u32,
    /// The unit table.
    pub unit_table: ShardFile,
    /// Gram shard `s` is `shards[s]`.
    pub shards: Vec<ShardFile>,
}

impl ShardManifest {
    /// Reads a manifest (JSON) of this format.
    pub fn from_json(text: &str) -> Result<ShardManifest, ShardError> {
        let manifest: ShardManifest =
            serde_json::from_str(text).map_err(|e| ShardError::Manifest(e.to_string()))?;
        if manifest.format != SHARD_FORMAT_VERSION {
            return Err(ShardError::Manifest(format!(
                "format {} (expected {SHARD_FORMAT_VERSION})",
                manifest.format
            )));
        }
        Ok(manifest)
    }

    /// The manifest as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether the set was built for `corpus` (its first documents, same
    /// ids and unit counts) and this app's dictionaries and gazetteer.
    pub fn fits(&self, corpus: &Corpus) -> bool {
        self.stamp == hex(part_stamp(&corpus.regions))
            && self.documents.len() <= corpus.documents.len()
            && self
                .documents
                .iter()
                .zip(&corpus.documents)
                .all(|(m, d)| m.id == d.id && m.units as usize == d.units.len())
            && self.documents.iter().map(|d| d.units as u64).sum::<u64>() == u64::from(self.units)
    }
}

/// A built shard set: the manifest and every file's bytes.
#[derive(Debug, Clone)]
pub struct ShardSet {
    /// What the files are.
    pub manifest: ShardManifest,
    /// The unit table's bytes.
    pub unit_table: Vec<u8>,
    /// Gram shard `s`'s bytes.
    pub shards: Vec<Vec<u8>>,
}

impl ShardSet {
    /// Indexes `corpus` (segmenting every unit) and splits the index.
    pub fn build(corpus: &Corpus, segmenter: &Segmenter) -> Result<ShardSet, ShardError> {
        ShardSet::from_index(&SearchIndex::build(corpus, segmenter), &corpus.regions)
    }

    /// Splits an index built over a whole corpus (with `regions` its
    /// gazetteer), with a number of shards chosen from its size.
    pub fn from_index(index: &SearchIndex, regions: &[RegionInfo]) -> Result<ShardSet, ShardError> {
        let estimate: usize = index.grams.values().map(|p| 12 + 4 * p.units.len()).sum();
        let count = estimate.div_ceil(TARGET_SHARD_BYTES).clamp(1, MAX_SHARDS);
        ShardSet::split(index, regions, count as u32)
    }

    /// Splits an index into `count` gram shards.
    pub fn split(
        index: &SearchIndex,
        regions: &[RegionInfo],
        count: u32,
    ) -> Result<ShardSet, ShardError> {
        let stamp = part_stamp(regions);
        let count = count.max(1);
        let mut by_shard: Vec<Vec<(u64, GramPosting)>> = vec![Vec::new(); count as usize];
        for (&key, posting) in &index.grams {
            by_shard[shard_of(key, count) as usize].push((key, posting.clone()));
        }
        let encode_err =
            |e: bincode::Error| ShardError::Unreadable("shard set".into(), e.to_string());
        let mut shards = Vec::with_capacity(count as usize);
        let mut shard_files = Vec::with_capacity(count as usize);
        for (s, grams) in by_shard.into_iter().enumerate() {
            let data = ShardData {
                stamp,
                shard: s as u32,
                count,
                postings: PostingLists::from_grams(grams),
            };
            let bytes = codec().serialize(&data).map_err(encode_err)?;
            shard_files.push(file(&format!("shard-{s}"), &bytes));
            shards.push(bytes);
        }
        let table = UnitTableData::of(index, stamp);
        let unit_table = codec().serialize(&table).map_err(encode_err)?;
        let mut documents: Vec<ManifestDoc> = index
            .docs
            .iter()
            .map(|d| ManifestDoc {
                id: d.id.clone(),
                units: 0,
            })
            .collect();
        for unit in &index.units {
            if let Some(doc) = documents.get_mut(unit.doc as usize) {
                doc.units += 1;
            }
        }
        let manifest = ShardManifest {
            format: SHARD_FORMAT_VERSION,
            stamp: hex(stamp),
            documents,
            units: index.units.len() as u32,
            unit_table: file("units", &unit_table),
            shards: shard_files,
        };
        Ok(ShardSet {
            manifest,
            unit_table,
            shards,
        })
    }

    /// The manifest's content-hashed file name.
    pub fn manifest_name(&self) -> String {
        file("manifest", self.manifest.to_json().as_bytes())
            .name
            .replace(".bin", ".json")
    }

    /// Every file as (name, bytes), the manifest last (under
    /// [`Self::manifest_name`]).
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = vec![(
            self.manifest.unit_table.name.clone(),
            self.unit_table.clone(),
        )];
        for (f, bytes) in self.manifest.shards.iter().zip(&self.shards) {
            out.push((f.name.clone(), bytes.clone()));
        }
        out.push((self.manifest_name(), self.manifest.to_json().into_bytes()));
        out
    }
}

/// A file entry named `{stem}-{hash}.bin`.
fn file(stem: &str, bytes: &[u8]) -> ShardFile {
    let hash = hex(content_hash(bytes));
    ShardFile {
        name: format!("{stem}-{hash}.bin"),
        hash,
        bytes: bytes.len() as u64,
    }
}

/// FNV-1a 64 of `bytes`.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

fn hex(value: u64) -> String {
    format!("{value:016x}")
}

fn codec() -> impl Options {
    bincode::DefaultOptions::new()
}

/// Checks `bytes` against the manifest's entry and decodes them.
fn decode<T: serde::de::DeserializeOwned>(
    entry: &ShardFile,
    bytes: &[u8],
) -> Result<T, ShardError> {
    if entry.hash != hex(content_hash(bytes)) || entry.bytes != bytes.len() as u64 {
        return Err(ShardError::Hash(entry.name.clone()));
    }
    codec()
        .with_limit(bytes.len() as u64)
        .deserialize(bytes)
        .map_err(|e| ShardError::Unreadable(entry.name.clone(), e.to_string()))
}

/// A gram shard's bytes.
#[derive(Debug, Serialize, Deserialize)]
struct ShardData {
    stamp: u64,
    shard: u32,
    count: u32,
    postings: PostingLists,
}

/// The unit table: per unit its word count and word boundaries,
/// delta-coded (one byte for most words with variable-length integers).
/// Stored as [`UnitTableBytes`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(into = "UnitTableBytes", try_from = "UnitTableBytes")]
struct UnitTableData {
    stamp: u64,
    word_counts: Vec<u32>,
    /// Where each unit's deltas end in `deltas`.
    ends: Vec<u32>,
    /// Each unit's boundaries as differences from the previous one (the
    /// first from 0).
    deltas: Vec<u32>,
}

/// How the unit table is stored: each unit's number of boundaries rather
/// than where they end (small numbers that repeat, where the ends are large
/// and all different, so neither variable-length integers nor gzip shrink
/// them).
#[derive(Serialize, Deserialize)]
struct UnitTableBytes {
    stamp: u64,
    word_counts: Vec<u32>,
    bound_counts: Vec<u32>,
    deltas: Vec<u32>,
}

impl From<UnitTableData> for UnitTableBytes {
    fn from(data: UnitTableData) -> UnitTableBytes {
        let mut previous = 0u32;
        let bound_counts = data
            .ends
            .iter()
            .map(|&end| {
                let count = end.wrapping_sub(previous);
                previous = end;
                count
            })
            .collect();
        UnitTableBytes {
            stamp: data.stamp,
            word_counts: data.word_counts,
            bound_counts,
            deltas: data.deltas,
        }
    }
}

impl TryFrom<UnitTableBytes> for UnitTableData {
    type Error = &'static str;

    /// Sums the boundary counts back into ends; a sum that overflows is
    /// refused (the rest is [`UnitTable::from_bytes`]'s to check).
    fn try_from(bytes: UnitTableBytes) -> Result<UnitTableData, Self::Error> {
        let mut end = 0u32;
        let mut ends = Vec::with_capacity(bytes.bound_counts.len());
        for count in bytes.bound_counts {
            end = end
                .checked_add(count)
                .ok_or("unit table boundary counts overflow")?;
            ends.push(end);
        }
        Ok(UnitTableData {
            stamp: bytes.stamp,
            word_counts: bytes.word_counts,
            ends,
            deltas: bytes.deltas,
        })
    }
}

impl UnitTableData {
    fn of(index: &SearchIndex, stamp: u64) -> UnitTableData {
        let mut data = UnitTableData {
            stamp,
            word_counts: Vec::with_capacity(index.units.len()),
            ends: Vec::with_capacity(index.units.len()),
            deltas: Vec::new(),
        };
        for unit in &index.units {
            data.word_counts.push(unit.word_count);
            let mut previous = 0;
            for &bound in &unit.word_bounds {
                data.deltas.push(bound - previous);
                previous = bound;
            }
            data.ends.push(data.deltas.len() as u32);
        }
        data
    }
}

/// Every unit's word boundaries and word count, read from a shard set.
#[derive(Debug)]
pub struct UnitTable {
    data: UnitTableData,
    documents: usize,
}

impl UnitTable {
    /// Reads the unit table of `manifest`'s set: refused when the bytes
    /// differ from the manifest's hash or do not decode to one consistent
    /// entry per unit.
    pub fn from_bytes(manifest: &ShardManifest, bytes: &[u8]) -> Result<UnitTable, ShardError> {
        let entry = &manifest.unit_table;
        let data: UnitTableData = decode(entry, bytes)?;
        let units = manifest.units as usize;
        let consistent = data.stamp
            == u64::from_str_radix(&manifest.stamp, 16).unwrap_or(!data.stamp)
            && data.word_counts.len() == units
            && data.ends.len() == units
            && data.ends.windows(2).all(|w| w[0] < w[1])
            && data.ends.first().is_none_or(|&e| e > 0)
            && data
                .ends
                .last()
                .map_or(data.deltas.is_empty(), |&e| e as usize == data.deltas.len());
        if !consistent {
            return Err(ShardError::Unreadable(
                entry.name.clone(),
                "inconsistent unit table".into(),
            ));
        }
        Ok(UnitTable {
            data,
            documents: manifest.documents.len(),
        })
    }

    /// How many of the corpus's first documents the table covers.
    pub fn document_count(&self) -> usize {
        self.documents
    }

    /// Unit `id`'s word boundaries (ascending after the first) and word
    /// count.
    pub(crate) fn words(&self, id: usize) -> Option<(Vec<u32>, u32)> {
        let end = *self.data.ends.get(id)? as usize;
        let start = match id {
            0 => 0,
            _ => *self.data.ends.get(id - 1)? as usize,
        };
        let mut bounds = Vec::with_capacity(end - start);
        let mut at = 0u32;
        for (i, &delta) in self.data.deltas.get(start..end)?.iter().enumerate() {
            if i > 0 && delta == 0 {
                return None;
            }
            at = at.checked_add(delta)?;
            bounds.push(at);
        }
        Some((bounds, *self.data.word_counts.get(id)?))
    }
}

/// The gram shards loaded so far, merged: what a sharded search reads.
#[derive(Debug)]
pub struct LoadedShards {
    manifest: ShardManifest,
    stamp: u64,
    loaded: Vec<bool>,
    grams: ShardGrams,
}

impl LoadedShards {
    /// No shard of `manifest`'s set loaded yet.
    pub fn new(manifest: ShardManifest) -> Result<LoadedShards, ShardError> {
        let stamp = u64::from_str_radix(&manifest.stamp, 16)
            .map_err(|e| ShardError::Manifest(e.to_string()))?;
        if manifest.shards.is_empty() {
            return Err(ShardError::Manifest("no shards".into()));
        }
        Ok(LoadedShards {
            loaded: vec![false; manifest.shards.len()],
            manifest,
            stamp,
            grams: ShardGrams::default(),
        })
    }

    /// The set's manifest.
    pub fn manifest(&self) -> &ShardManifest {
        &self.manifest
    }

    /// The file of shard `shard`.
    pub fn file(&self, shard: u32) -> Option<&ShardFile> {
        self.manifest.shards.get(shard as usize)
    }

    /// Whether shard `shard` is in.
    pub fn is_loaded(&self, shard: u32) -> bool {
        self.loaded.get(shard as usize).copied().unwrap_or(false)
    }

    /// How many shards are in.
    pub fn loaded_count(&self) -> usize {
        self.loaded.iter().filter(|&&l| l).count()
    }

    /// The shards holding `keys` that are not loaded, ascending.
    pub fn missing(&self, keys: &[u64]) -> Vec<u32> {
        let count = self.loaded.len() as u32;
        let mut out: Vec<u32> = keys
            .iter()
            .map(|&k| shard_of(k, count))
            .filter(|&s| !self.is_loaded(s))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Merges shard `shard`'s bytes. Refused (nothing changed) when they
    /// do not hash to the manifest's entry, do not decode, are of another
    /// shard or set, or hold a key of another shard or an id out of range.
    /// Loading a shard twice is a no-op.
    pub fn accept(&mut self, shard: u32, bytes: &[u8]) -> Result<(), ShardError> {
        let entry = self
            .manifest
            .shards
            .get(shard as usize)
            .ok_or(ShardError::NoSuchShard(shard))?;
        if self.is_loaded(shard) {
            return Ok(());
        }
        let data: ShardData = decode(entry, bytes)?;
        let count = self.loaded.len() as u32;
        let fits = data.stamp == self.stamp
            && data.shard == shard
            && data.count == count
            && data.postings.is_consistent(self.manifest.units as usize)
            && data
                .postings
                .keys()
                .iter()
                .all(|&k| shard_of(k, count) == shard);
        if !fits {
            return Err(ShardError::Unreadable(
                entry.name.clone(),
                "inconsistent shard".into(),
            ));
        }
        for (key, units, counts, whole) in data.postings.iter() {
            self.grams.insert(
                key,
                GramPosting {
                    units: units.to_vec(),
                    count: counts.to_vec(),
                    whole: whole.to_vec(),
                },
            );
        }
        self.loaded[shard as usize] = true;
        Ok(())
    }

    pub(crate) fn grams(&self) -> &ShardGrams {
        &self.grams
    }
}
