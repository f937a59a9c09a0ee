//! Running a [`SearchRequest`] against a [`SearchIndex`]: matching and BM25
//! ranking with an exact-phrase boost, then grouping by document. Filters
//! live in `filters`, facet counts in `facets`, the "no results" diagnosis
//! in `diagnosis`, the returned types in `results`.

use super::diagnosis::diagnose;
use super::facets::count_facets;
use super::filters::{FilterMask, ResolvedFilters};
use super::index::{needle_keys, IndexedUnit, SearchIndex, SearchIndexBuilder, ShardGrams};
use super::kwic::{kwic, Snippet};
use super::parts::IndexPart;
use super::query::Query;
use super::request::SearchRequest;
use super::results::{DocGroup, Hit, RegionMatch, SearchResults};
use super::shards::{LoadedShards, MissingShards, ShardError, UnitTable};
use crate::model::Corpus;
use crate::query_normalize::QueryNormalizer;
use crate::script::ScriptError;
use crate::segment::{SegmentError, Segmenter};

/// A byte range `start..end` in a unit's indexed text.
type ByteSpan = (usize, usize);

/// BM25 term-frequency saturation.
const K1: f64 = 1.2;
/// BM25 length normalization.
const B: f64 = 0.75;
/// An occurrence that starts or ends inside a segmenter word (e.g. `协调发`
/// in 协调发展) counts this much of a whole-word occurrence.
const PARTIAL_WORD_WEIGHT: f64 = 0.5;
/// Extra weight, relative to the words' own score, when an unquoted
/// multi-word term occurs contiguously: exact phrases rank above scattered
/// words.
const PHRASE_BOOST: f64 = 1.5;

/// The engine could not be built (a defect in embedded data).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The segmenter's dictionary could not be loaded.
    #[error(transparent)]
    Segment(#[from] SegmentError),
    /// The query normalizer's conversion tables could not be loaded.
    #[error(transparent)]
    Script(#[from] ScriptError),
}

/// Index + the segmenter and normalizer queries must share with it.
#[derive(Debug)]
pub struct SearchEngine {
    index: SearchIndex,
    segmenter: Segmenter,
    normalizer: QueryNormalizer,
}

/// Where one needle occurs: units in ascending order, each with its
/// occurrence count and weighted term frequency.
#[derive(Debug, Default)]
struct Occurrences {
    units: Vec<u32>,
    count: Vec<u32>,
    /// Whole-token occurrences count 1, others [`PARTIAL_WORD_WEIGHT`].
    tf: Vec<f64>,
}

impl Occurrences {
    /// `(count, weighted tf)` in `unit`.
    fn get(&self, unit: u32) -> Option<(u32, f64)> {
        let i = self.units.binary_search(&unit).ok()?;
        Some((self.count[i], self.tf[i]))
    }

    /// Document frequency.
    fn len(&self) -> usize {
        self.units.len()
    }
}

/// A required term as needle strings.
struct PreparedTerm {
    /// Every needle must occur.
    pieces: Vec<String>,
    /// For unquoted multi-word terms: the whole term, boosted when contiguous.
    phrase: Option<String>,
}

/// A required term as indices into the search's needle list.
struct TermNeedles {
    pieces: Vec<usize>,
    phrase: Option<usize>,
}

/// Builds a [`SearchEngine`] in steps: [`SearchEngineBuilder::new`] loads
/// the segmenter and the normalizer, each [`SearchEngineBuilder::step`]
/// indexes a few more units, so that a browser's main thread can yield
/// between steps (see [`SearchIndexBuilder`]).
#[derive(Debug)]
pub struct SearchEngineBuilder {
    segmenter: Segmenter,
    normalizer: QueryNormalizer,
    index: SearchIndexBuilder,
}

impl SearchEngineBuilder {
    /// Loads the segmenter (with the corpus's region names) and the query
    /// normalizer; no unit is indexed yet.
    pub fn new(corpus: &Corpus) -> Result<Self, SearchError> {
        Ok(SearchEngineBuilder {
            segmenter: Segmenter::with_regions(&corpus.regions)?,
            normalizer: QueryNormalizer::new()?,
            index: SearchIndexBuilder::new(corpus),
        })
    }

    /// Indexes up to `max_units` more units of `corpus` (the one given to
    /// [`SearchEngineBuilder::new`]); true when every unit is in.
    pub fn step(&mut self, corpus: &Corpus, max_units: usize) -> bool {
        self.index.step(corpus, &self.segmenter, max_units)
    }

    /// (units indexed, units in the corpus).
    pub fn progress(&self) -> (usize, usize) {
        self.index.progress()
    }

    /// The corpus index of the next document to index, if any is left.
    pub fn next_document(&self) -> Option<usize> {
        self.index.next_document()
    }

    /// Indexes up to `max_units` more units of the current document only;
    /// true when that document is complete (see
    /// [`SearchIndexBuilder::step_in_document`]).
    pub fn step_in_document(&mut self, corpus: &Corpus, max_units: usize) -> bool {
        self.index
            .step_in_document(corpus, &self.segmenter, max_units)
    }

    /// Adds up to `max_units` more units of the documents `table` covers
    /// (the corpus's first ones, the hosted corpus of a shard set) without
    /// segmenting them; true when they are all in (see
    /// [`SearchIndexBuilder::step_from_table`]).
    pub fn step_from_table(
        &mut self,
        corpus: &Corpus,
        table: &UnitTable,
        max_units: usize,
    ) -> Result<bool, ShardError> {
        self.index.step_from_table(corpus, table, max_units)
    }

    /// Appends a part built earlier as the next document (false, nothing
    /// changed, when it does not fit: see [`SearchIndexBuilder::push_part`]).
    pub fn push_part(&mut self, corpus: &Corpus, part: IndexPart) -> bool {
        self.index.push_part(corpus, part)
    }

    /// A builder of document `doc_index`'s part, to be stepped with
    /// [`Self::step_part`] (this engine's segmenter).
    pub fn part_builder(&self, corpus: &Corpus, doc_index: usize) -> SearchIndexBuilder {
        SearchIndexBuilder::for_document(corpus, doc_index)
    }

    /// Indexes up to `max_units` more units of a [`Self::part_builder`];
    /// true when its document is complete.
    pub fn step_part(
        &self,
        part: &mut SearchIndexBuilder,
        corpus: &Corpus,
        max_units: usize,
    ) -> bool {
        part.step(corpus, &self.segmenter, max_units)
    }

    /// The engine over the units indexed so far.
    pub fn finish(self, corpus: &Corpus) -> SearchEngine {
        SearchEngine {
            index: self.index.finish(corpus),
            segmenter: self.segmenter,
            normalizer: self.normalizer,
        }
    }
}

impl SearchEngine {
    /// Builds the segmenter (with the corpus's region names), the query
    /// normalizer and the index.
    pub fn new(corpus: &Corpus) -> Result<Self, SearchError> {
        let mut builder = SearchEngineBuilder::new(corpus)?;
        while !builder.step(corpus, usize::MAX) {}
        Ok(builder.finish(corpus))
    }

    /// Assembles an engine from a pre-built (e.g. deserialized) index.
    pub fn from_parts(
        index: SearchIndex,
        segmenter: Segmenter,
        normalizer: QueryNormalizer,
    ) -> Self {
        SearchEngine {
            index,
            segmenter,
            normalizer,
        }
    }

    /// The index searched.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The segmenter queries and the index share.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The normalizer queries go through (T→S, widths, punctuation).
    pub fn normalizer(&self) -> &QueryNormalizer {
        &self.normalizer
    }

    /// The unit a hit points to.
    pub fn unit(&self, hit: &Hit) -> Option<&IndexedUnit> {
        self.index.units.get(hit.unit as usize)
    }

    /// A keyword-in-context line for a hit, `window` characters either side.
    ///
    /// A restored unit is indexed as its reading followed by its witness
    /// text; a line shows one of the two and never runs from one into the
    /// other: the reading, unless the witness text matches more of the query
    /// (a search for the witness's own wording).
    pub fn snippet(&self, hit: &Hit, window: usize) -> Snippet {
        let Some(unit) = self.unit(hit) else {
            return Snippet::default();
        };
        let reading_end = unit.reading_end();
        let (in_reading, rest): (Vec<ByteSpan>, Vec<ByteSpan>) = hit
            .matches
            .iter()
            .partition(|&&(_, end)| end <= reading_end);
        let offset = reading_end + 1;
        let in_witness: Vec<ByteSpan> = rest
            .into_iter()
            .filter(|&(start, _)| start >= offset)
            .map(|(start, end)| (start - offset, end - offset))
            .collect();
        let matched = |spans: &[ByteSpan]| spans.iter().map(|(s, e)| e - s).sum::<usize>();
        match unit.witness_text() {
            Some(witness) if matched(&in_witness) > matched(&in_reading) => {
                kwic(witness, &in_witness, window)
            }
            _ => kwic(unit.reading(), &in_reading, window),
        }
    }

    /// Runs a search and returns every hit. Never fails: unknown filter
    /// values become notices.
    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        self.search_top(request, usize::MAX)
    }

    /// Like [`SearchEngine::search`] but materializes only the best
    /// `max_hits` hits (what one screen shows); `total`, facets, group
    /// counts and the diagnosis still cover every match. Per keystroke the
    /// app calls this; exports call [`SearchEngine::search`].
    pub fn search_top(&self, request: &SearchRequest, max_hits: usize) -> SearchResults {
        self.run(request, max_hits, None)
    }

    /// Like [`SearchEngine::search_top`] for an engine built from a shard
    /// set's unit table ([`SearchEngineBuilder::step_from_table`]): the
    /// hosted corpus's postings come from `shards`. Refused, naming the
    /// shards still to load, unless every shard the request reads is in.
    pub fn search_top_sharded(
        &self,
        request: &SearchRequest,
        max_hits: usize,
        shards: &LoadedShards,
    ) -> Result<SearchResults, MissingShards> {
        let missing = self.missing_shards(request, shards);
        if !missing.is_empty() {
            return Err(MissingShards(missing));
        }
        Ok(self.run(request, max_hits, Some(shards.grams())))
    }

    /// The shards of `shards`' set that `request` reads and that are not
    /// loaded yet, ascending (empty: the request can run).
    pub fn missing_shards(&self, request: &SearchRequest, shards: &LoadedShards) -> Vec<u32> {
        shards.missing(&self.gram_keys(request))
    }

    /// Every gram key whose posting a search for `request` reads (the
    /// needles of its required terms; exclusions and filters read units
    /// only).
    pub fn gram_keys(&self, request: &SearchRequest) -> Vec<u64> {
        let query = Query::parse(&request.query);
        let mut keys: Vec<u64> = Vec::new();
        for term in &query.required {
            let prepared = self.prepare(&term.text, term.phrase);
            for needle in prepared.pieces.iter().chain(&prepared.phrase) {
                keys.extend(needle_keys(needle));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    fn run(
        &self,
        request: &SearchRequest,
        max_hits: usize,
        shards: Option<&ShardGrams>,
    ) -> SearchResults {
        let query = Query::parse(&request.query);
        let (filters, notices) = ResolvedFilters::resolve(&self.index, request);
        let units = &self.index.units;

        let prepared: Vec<PreparedTerm> = query
            .required
            .iter()
            .map(|t| self.prepare(&t.text, t.phrase))
            .collect();
        let excluded: Vec<String> = query
            .excluded
            .iter()
            .map(|t| self.fold(&t.text))
            .filter(|s| !s.is_empty())
            .collect();

        // Every distinct needle (pieces and phrases) once; their occurrences
        // over the whole corpus, so document frequencies ignore filters.
        let mut needles: Vec<String> = Vec::new();
        let mut intern = |s: &String| -> usize {
            match needles.iter().position(|n| n == s) {
                Some(i) => i,
                None => {
                    needles.push(s.clone());
                    needles.len() - 1
                }
            }
        };
        let terms: Vec<TermNeedles> = prepared
            .iter()
            .map(|t| TermNeedles {
                pieces: t.pieces.iter().map(&mut intern).collect(),
                phrase: t.phrase.as_ref().map(&mut intern),
            })
            .collect();
        let occurrences: Vec<Occurrences> =
            needles.iter().map(|n| self.find_all(n, shards)).collect();
        let idf: Vec<f64> = occurrences.iter().map(|o| self.idf(o.len())).collect();
        let highlight_terms = needles.clone();

        // Units matching the query (ignoring filters), with their score.
        let mut matched: Vec<Option<f64>> = if terms.is_empty() {
            vec![Some(0.0); units.len()]
        } else {
            let mut scores = vec![None; units.len()];
            let first = terms[0].pieces[0];
            'unit: for &id in &occurrences[first].units {
                let unit = &units[id as usize];
                let mut score = 0.0;
                for term in &terms {
                    let mut term_score = 0.0;
                    for &piece in &term.pieces {
                        let Some((_, tf)) = occurrences[piece].get(id) else {
                            continue 'unit;
                        };
                        term_score += self.bm25(unit, tf, idf[piece]);
                    }
                    if let Some(phrase) = term.phrase {
                        if let Some((count, _)) = occurrences[phrase].get(id) {
                            let tf = count as f64;
                            term_score += PHRASE_BOOST * term_score * tf / (tf + K1);
                        }
                    }
                    score += term_score;
                }
                scores[id as usize] = Some(score);
            }
            scores
        };
        if !excluded.is_empty() {
            for (slot, unit) in matched.iter_mut().zip(units) {
                if slot.is_some() && excluded.iter().any(|e| unit.folded.contains(e.as_str())) {
                    *slot = None;
                }
            }
        }

        let masks: Vec<FilterMask> = units.iter().map(|u| filters.mask(&self.index, u)).collect();

        let mut hit_ids: Vec<u32> = (0..units.len() as u32)
            .filter(|&i| matched[i as usize].is_some() && masks[i as usize].passes_all())
            .collect();
        hit_ids.sort_by(|&a, &b| {
            let (sa, sb) = (
                matched[a as usize].unwrap_or(0.0),
                matched[b as usize].unwrap_or(0.0),
            );
            sb.total_cmp(&sa).then(a.cmp(&b))
        });
        let total = hit_ids.len();
        let groups = self.group(&hit_ids, &matched, max_hits);
        let hits: Vec<Hit> = hit_ids
            .iter()
            .take(max_hits)
            .map(|&id| {
                self.make_hit(
                    id,
                    matched[id as usize].unwrap_or(0.0),
                    &needles,
                    &occurrences,
                    &filters,
                )
            })
            .collect();

        let facets = count_facets(&self.index, &matched, &masks, &filters);
        let diagnosis = if hits.is_empty() && (!query.is_empty() || !request.has_no_filters()) {
            Some(diagnose(&matched, &masks))
        } else {
            None
        };
        SearchResults {
            query,
            total,
            hits,
            groups,
            facets,
            notices,
            diagnosis,
            highlight_terms,
        }
    }

    /// Normalized like the corpus, ASCII lower-cased like `folded`.
    fn fold(&self, text: &str) -> String {
        self.normalizer.normalize(text).to_ascii_lowercase()
    }

    fn prepare(&self, text: &str, phrase: bool) -> PreparedTerm {
        let folded = self.fold(text);
        if phrase {
            return PreparedTerm {
                pieces: vec![folded],
                phrase: None,
            };
        }
        let words: Vec<&str> = self
            .segmenter
            .segment(&folded)
            .into_iter()
            .filter(|w| w.is_wordlike())
            .map(|w| w.text)
            .collect();
        // A single character cut off a longer term (发 in 协调发, 的 in
        // 生态的补偿) would match almost every unit on its own, so only
        // words of two or more characters are required separately; the
        // whole term still earns the phrase boost where it is contiguous.
        let mut pieces: Vec<String> = Vec::new();
        for w in &words {
            if (w.chars().count() > 1 || words.len() == 1) && !pieces.iter().any(|p| p == w) {
                pieces.push(w.to_string());
            }
        }
        if pieces.is_empty() {
            // Only punctuation, or only single characters: the term itself.
            return PreparedTerm {
                pieces: vec![folded],
                phrase: None,
            };
        }
        let phrase = (words.len() > 1).then_some(folded);
        PreparedTerm { pieces, phrase }
    }

    fn find_all(&self, needle: &str, shards: Option<&ShardGrams>) -> Occurrences {
        let mut out = Occurrences::default();
        if needle.is_empty() {
            return out;
        }
        // One or two characters: the index already counted them.
        if needle.chars().count() <= 2 {
            if let Some(p) = self.index.gram_posting(needle, shards) {
                out.units = p.units.clone();
                out.count = p.count.iter().map(|&c| c as u32).collect();
                out.tf = p
                    .count
                    .iter()
                    .zip(&p.whole)
                    .map(|(&c, &w)| w as f64 + PARTIAL_WORD_WEIGHT * (c - w) as f64)
                    .collect();
            }
            return out;
        }
        // A needle is valid UTF-8, so byte matches start on char boundaries.
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        for id in self.index.candidates(needle, shards) {
            let unit = &self.index.units[id as usize];
            let (mut count, mut tf) = (0u32, 0.0);
            for s in finder.find_iter(unit.folded.as_bytes()) {
                count += 1;
                tf += if unit.is_word_bound(s) && unit.is_word_bound(s + needle.len()) {
                    1.0
                } else {
                    PARTIAL_WORD_WEIGHT
                };
            }
            if count > 0 {
                out.units.push(id);
                out.count.push(count);
                out.tf.push(tf);
            }
        }
        out
    }

    fn idf(&self, df: usize) -> f64 {
        let n = self.index.units.len() as f64;
        let df = df as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, unit: &IndexedUnit, tf: f64, idf: f64) -> f64 {
        let norm = 1.0 - B + B * unit.word_count.max(1) as f64 / self.index.avg_word_count;
        idf * tf * (K1 + 1.0) / (tf + K1 * norm)
    }

    fn make_hit(
        &self,
        id: u32,
        score: f64,
        needles: &[String],
        occurrences: &[Occurrences],
        filters: &ResolvedFilters,
    ) -> Hit {
        let unit = &self.index.units[id as usize];
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        // Positions are only needed for the hits that are materialized.
        for (needle, occ) in needles.iter().zip(occurrences) {
            if occ.get(id).is_some() {
                ranges.extend(
                    memchr::memmem::find_iter(unit.folded.as_bytes(), needle.as_bytes())
                        .map(|s| (s, s + needle.len())),
                );
            }
        }
        ranges.sort();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let region_matches = filters
            .regions
            .iter()
            .map(|r| RegionMatch {
                region: r.clone(),
                issued_by: unit.issued_by.contains(r),
                mentions: unit.mentions.contains(r),
            })
            .filter(|m| m.issued_by || m.mentions)
            .collect();
        Hit {
            unit: id,
            doc: self.index.docs[unit.doc as usize].id.clone(),
            path: unit.path.clone(),
            heading: unit.heading.clone(),
            score,
            matches: merged,
            region_matches,
        }
    }

    /// Groups the ranked units by document, documents in order of their
    /// best unit; `hits` indices only cover the first `max_hits` units.
    fn group(&self, ranked: &[u32], matched: &[Option<f64>], max_hits: usize) -> Vec<DocGroup> {
        let mut groups: Vec<DocGroup> = Vec::new();
        let mut by_doc: Vec<Option<usize>> = vec![None; self.index.docs.len()];
        for (i, &id) in ranked.iter().enumerate() {
            let doc = self.index.units[id as usize].doc as usize;
            let g = match by_doc[doc] {
                Some(g) => g,
                None => {
                    let d = &self.index.docs[doc];
                    groups.push(DocGroup {
                        doc: d.id.clone(),
                        title: d.title.clone(),
                        hits: Vec::new(),
                        total: 0,
                        best_score: matched[id as usize].unwrap_or(0.0),
                    });
                    by_doc[doc] = Some(groups.len() - 1);
                    groups.len() - 1
                }
            };
            groups[g].total += 1;
            if i < max_hits {
                groups[g].hits.push(i);
            }
        }
        groups
    }
}
