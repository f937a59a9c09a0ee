//! Running a [`SearchRequest`] against a [`SearchIndex`]: matching, BM25
//! ranking with an exact-phrase boost, filters, facet counts, grouping by
//! document and the "no results" diagnosis.

use super::index::{IndexedUnit, SearchIndex};
use super::kwic::{kwic, Snippet};
use super::query::Query;
use super::request::{FilterKind, SearchRequest};
use crate::model::{Corpus, Level, Mechanism};
use crate::query_normalize::QueryNormalizer;
use crate::script::ScriptError;
use crate::segment::{SegmentError, Segmenter};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

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
    #[error(transparent)]
    Segment(#[from] SegmentError),
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

/// Which way a hit matched a region filter (both may be true).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionMatch {
    pub region: String,
    /// The unit's document was issued by this region (or a place inside it).
    pub issued_by: bool,
    /// The unit mentions this region (or a place inside it).
    pub mentions: bool,
}

/// One matching unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into [`SearchIndex::units`].
    pub unit: u32,
    pub doc: String,
    pub path: String,
    pub heading: Option<String>,
    pub score: f64,
    /// Byte ranges of the matched terms in the unit's text, sorted and
    /// non-overlapping (for highlighting).
    pub matches: Vec<(usize, usize)>,
    /// How the hit satisfied each selected region filter value.
    pub region_matches: Vec<RegionMatch>,
}

/// Hits of one document, best document first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocGroup {
    pub doc: String,
    pub title: String,
    /// Indices into [`SearchResults::hits`], best first.
    pub hits: Vec<usize>,
    /// All matching units of this document, including those beyond the
    /// materialized hits of [`SearchEngine::search_top`].
    pub total: usize,
    pub best_score: f64,
}

/// One value of a facet with the number of hits it would give together
/// with the query and the *other* filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// Live counts for every filter dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub region: Vec<FacetCount>,
    pub mechanism: Vec<FacetCount>,
    pub doc: Vec<FacetCount>,
    pub level: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
}

/// Something in the request that was ignored, to show the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub message: String,
}

/// Why a search found nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoResults {
    /// Units matching the query without any filter.
    pub query_alone: usize,
    /// Units matching the query and this one filter.
    pub with_each_filter: Vec<(FilterKind, usize)>,
    /// The first filter (in [`FilterKind::ALL`] order) after which nothing
    /// was left; `None` when the query alone matches nothing.
    pub emptied_by: Option<FilterKind>,
    pub message: String,
}

/// Everything a search returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: Query,
    /// Number of matching units (after filters).
    pub total: usize,
    /// The best hits, best first: all of them from [`SearchEngine::search`],
    /// at most `max_hits` from [`SearchEngine::search_top`].
    pub hits: Vec<Hit>,
    pub groups: Vec<DocGroup>,
    pub facets: Facets,
    pub notices: Vec<Notice>,
    pub diagnosis: Option<NoResults>,
    /// The normalized strings that matched, for highlighting in the reader.
    pub highlight_terms: Vec<String>,
}

/// Filters resolved against the corpus; an empty list means "no filter".
#[derive(Debug, Default)]
struct ResolvedFilters {
    regions: Vec<String>,
    mechanisms: Vec<Mechanism>,
    docs: Vec<u32>,
    levels: Vec<Level>,
    years: Vec<u16>,
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

impl SearchEngine {
    /// Builds the segmenter (with the corpus's region names), the query
    /// normalizer and the index.
    pub fn new(corpus: &Corpus) -> Result<Self, SearchError> {
        let segmenter = Segmenter::with_regions(&corpus.regions)?;
        let normalizer = QueryNormalizer::new()?;
        let index = SearchIndex::build(corpus, &segmenter);
        Ok(SearchEngine {
            index,
            segmenter,
            normalizer,
        })
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

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    pub fn normalizer(&self) -> &QueryNormalizer {
        &self.normalizer
    }

    /// The unit a hit points to.
    pub fn unit(&self, hit: &Hit) -> Option<&IndexedUnit> {
        self.index.units.get(hit.unit as usize)
    }

    /// A keyword-in-context line for a hit, `window` characters either side.
    pub fn snippet(&self, hit: &Hit, window: usize) -> Snippet {
        match self.unit(hit) {
            Some(unit) => kwic(&unit.text, &hit.matches, window),
            None => Snippet::default(),
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
        let query = Query::parse(&request.query);
        let mut notices = Vec::new();
        let filters = self.resolve_filters(request, &mut notices);
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
        let occurrences: Vec<Occurrences> = needles.iter().map(|n| self.find_all(n)).collect();
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

        // Filter passes per unit: bit i set = passes FilterKind::ALL[i].
        const ALL_PASS: u8 = 0b11111;
        let masks: Vec<u8> = units
            .iter()
            .map(|u| self.filter_mask(u, &filters))
            .collect();

        let mut hit_ids: Vec<u32> = (0..units.len() as u32)
            .filter(|&i| matched[i as usize].is_some() && masks[i as usize] == ALL_PASS)
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

        let facets = self.facets(&matched, &masks, &filters);
        let diagnosis = if hits.is_empty() && (!query.is_empty() || !request.has_no_filters()) {
            Some(self.diagnose(&query, &matched, &masks))
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

    fn find_all(&self, needle: &str) -> Occurrences {
        let mut out = Occurrences::default();
        if needle.is_empty() {
            return out;
        }
        // One or two characters: the index already counted them.
        if needle.chars().count() <= 2 {
            if let Some(p) = self.index.gram_posting(needle) {
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
        for id in self.index.candidates(needle) {
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

    fn resolve_filters(
        &self,
        request: &SearchRequest,
        notices: &mut Vec<Notice>,
    ) -> ResolvedFilters {
        let mut f = ResolvedFilters::default();
        let mut notice = |param: &str, value: &str, message: &str| {
            notices.push(Notice {
                param: param.into(),
                value: value.into(),
                message: message.into(),
            })
        };
        for v in &request.regions {
            match self.index.resolve_region(v) {
                Some(r) if !f.regions.contains(&r.id) => f.regions.push(r.id.clone()),
                Some(_) => {}
                None => notice("region", v, "unknown region, ignored"),
            }
        }
        for v in &request.mechanisms {
            match Mechanism::parse(v) {
                Some(m) if !f.mechanisms.contains(&m) => f.mechanisms.push(m),
                Some(_) => {}
                None => notice("mechanism", v, "unknown mechanism, ignored"),
            }
        }
        for v in &request.docs {
            match self.index.resolve_doc(v) {
                Some(d) if !f.docs.contains(&d) => f.docs.push(d),
                Some(_) => {}
                None => notice("doc", v, "unknown document, ignored"),
            }
        }
        for v in &request.levels {
            match Level::from_id(v.trim()) {
                Some(l) if !f.levels.contains(&l) => f.levels.push(l),
                Some(_) => {}
                None => notice("level", v, "unknown level, ignored"),
            }
        }
        for v in &request.years {
            match v.trim().parse::<u16>() {
                Ok(y) if (1000..=9999).contains(&y) => {
                    if !f.years.contains(&y) {
                        f.years.push(y)
                    }
                }
                _ => notice("year", v, "not a four-digit year, ignored"),
            }
        }
        f
    }

    fn filter_mask(&self, unit: &IndexedUnit, f: &ResolvedFilters) -> u8 {
        let doc = &self.index.docs[unit.doc as usize];
        let passes = [
            f.regions.is_empty()
                || f.regions
                    .iter()
                    .any(|r| unit.issued_by.contains(r) || unit.mentions.contains(r)),
            f.mechanisms.is_empty() || f.mechanisms.iter().any(|m| unit.mechanisms.contains(m)),
            f.docs.is_empty() || f.docs.contains(&unit.doc),
            f.levels.is_empty() || doc.level.is_some_and(|l| f.levels.contains(&l)),
            f.years.is_empty() || doc.year.is_some_and(|y| f.years.contains(&y)),
        ];
        passes
            .iter()
            .enumerate()
            .fold(0u8, |mask, (i, &p)| if p { mask | (1 << i) } else { mask })
    }

    fn facets(&self, matched: &[Option<f64>], masks: &[u8], f: &ResolvedFilters) -> Facets {
        let index = &self.index;
        // Plain arrays, no hashing: this runs on every keystroke over every
        // matching unit.
        let mut region = vec![0usize; index.regions.len()];
        let mut mechanism = [0usize; Mechanism::ALL.len()];
        // Per document, for the doc, level and year dimensions.
        let mut per_doc = vec![[0usize; 3]; index.docs.len()];
        // A unit counts for dimension i when it passes every *other* filter.
        let counts_for = |mask: u8, i: usize| mask | (1 << i) == 0b11111;
        for (id, unit) in index.units.iter().enumerate() {
            if matched[id].is_none() {
                continue;
            }
            let mask = masks[id];
            if mask.count_ones() < 4 {
                // Fails two or more filters: counts nowhere.
                continue;
            }
            if counts_for(mask, 0) {
                for &r in &unit.region_indices {
                    region[r as usize] += 1;
                }
            }
            if counts_for(mask, 1) {
                for m in &unit.mechanisms {
                    mechanism[*m as usize] += 1;
                }
            }
            for (slot, bit) in [(0, 2), (1, 3), (2, 4)] {
                if counts_for(mask, bit) {
                    per_doc[unit.doc as usize][slot] += 1;
                }
            }
        }
        let mut level: HashMap<Level, usize> = HashMap::new();
        let mut year: BTreeMap<u16, usize> = BTreeMap::new();
        let mut doc: HashMap<u32, usize> = HashMap::new();
        for (i, (d, counts)) in index.docs.iter().zip(&per_doc).enumerate() {
            doc.insert(i as u32, counts[0]);
            if let Some(l) = d.level {
                *level.entry(l).or_default() += counts[1];
            }
            if let Some(y) = d.year {
                *year.entry(y).or_default() += counts[2];
            }
        }
        let mut years: Vec<u16> = index.docs.iter().filter_map(|d| d.year).collect();
        years.sort();
        years.dedup();
        Facets {
            region: index
                .regions
                .iter()
                .enumerate()
                .map(|(i, r)| FacetCount {
                    value: r.id.clone(),
                    label: r.name.clone(),
                    count: region[i],
                    selected: f.regions.contains(&r.id),
                })
                .collect(),
            mechanism: Mechanism::ALL
                .iter()
                .map(|m| FacetCount {
                    value: m.id().into(),
                    label: m.name_zh().into(),
                    count: mechanism[*m as usize],
                    selected: f.mechanisms.contains(m),
                })
                .collect(),
            doc: index
                .docs
                .iter()
                .enumerate()
                .map(|(i, d)| FacetCount {
                    value: d.id.clone(),
                    label: d.title.clone(),
                    count: doc.get(&(i as u32)).copied().unwrap_or(0),
                    selected: f.docs.contains(&(i as u32)),
                })
                .collect(),
            level: Level::ALL
                .iter()
                .map(|l| FacetCount {
                    value: l.id().into(),
                    label: l.id().into(),
                    count: level.get(l).copied().unwrap_or(0),
                    selected: f.levels.contains(l),
                })
                .collect(),
            year: years
                .iter()
                .map(|y| FacetCount {
                    value: y.to_string(),
                    label: y.to_string(),
                    count: year.get(y).copied().unwrap_or(0),
                    selected: f.years.contains(y),
                })
                .collect(),
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

    fn diagnose(&self, query: &Query, matched: &[Option<f64>], masks: &[u8]) -> NoResults {
        let query_ids: Vec<usize> = (0..matched.len())
            .filter(|&i| matched[i].is_some())
            .collect();
        let query_alone = query_ids.len();
        let mut with_each_filter = Vec::new();
        let mut emptied_by = None;
        let mut cumulative: u8 = 0;
        for (bit, kind) in FilterKind::ALL.iter().enumerate() {
            let active = query_ids.iter().any(|&i| masks[i] & (1 << bit) == 0)
                || masks.iter().any(|m| m & (1 << bit) == 0);
            if !active {
                continue;
            }
            let alone = query_ids
                .iter()
                .filter(|&&i| masks[i] & (1 << bit) != 0)
                .count();
            with_each_filter.push((*kind, alone));
            cumulative |= 1 << bit;
            let left = query_ids
                .iter()
                .filter(|&&i| masks[i] & cumulative == cumulative)
                .count();
            if emptied_by.is_none() && left == 0 && query_alone > 0 {
                emptied_by = Some(*kind);
            }
        }
        let message = if query_alone == 0 {
            format!("No unit matches the query “{query}”.")
        } else {
            match emptied_by {
                Some(kind) => {
                    let alone = with_each_filter
                        .iter()
                        .find(|(k, _)| *k == kind)
                        .map(|(_, n)| *n)
                        .unwrap_or(0);
                    if alone == 0 {
                        format!(
                            "The query matches {query_alone} units, but none of them passes the {} filter.",
                            kind.param()
                        )
                    } else {
                        format!(
                            "The query matches {query_alone} units; each filter alone keeps some, but adding the {} filter to the ones before it leaves none.",
                            kind.param()
                        )
                    }
                }
                None => "No results.".to_string(),
            }
        };
        NoResults {
            query_alone,
            with_each_filter,
            emptied_by,
            message,
        }
    }
}
