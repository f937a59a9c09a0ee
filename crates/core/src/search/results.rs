//! What a search returns: ranked hits grouped by document, live facet
//! counts, the filter values that were ignored and, when nothing was
//! found, why. Everything is data (ids, counts, kinds); the app words it in
//! the interface language and the CLI in English.

use super::diagnosis::NoResults;
use super::facets::Facets;
use super::query::Query;
use super::request::FilterKind;
use serde::{Deserialize, Serialize};

/// Which way a hit matched a region filter (both may be true).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionMatch {
    /// The region id of the selected filter value.
    pub region: String,
    /// The unit's document was issued by this region (or a place inside it).
    pub issued_by: bool,
    /// The unit mentions this region (or a place inside it).
    pub mentions: bool,
}

/// One matching unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into [`super::SearchIndex::units`].
    pub unit: u32,
    /// The document id.
    pub doc: String,
    /// The unit's path in its document.
    pub path: String,
    /// The unit's lead phrase or section title.
    pub heading: Option<String>,
    /// BM25 score with the phrase boost; higher is better.
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
    /// The document id.
    pub doc: String,
    /// The document title (corpus text).
    pub title: String,
    /// Indices into [`SearchResults::hits`], best first.
    pub hits: Vec<usize>,
    /// All matching units of this document, including those beyond the
    /// materialized hits of [`super::SearchEngine::search_top`].
    pub total: usize,
    /// The score of the document's best unit.
    pub best_score: f64,
}

/// A filter value the search ignored because this corpus does not know it
/// (a region, mechanism, document or level that does not exist; for a
/// year, text that is not a four-digit year). A kind with its data: the
/// app words it in the interface language, the CLI in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterNotice {
    /// The filter the value was given for.
    pub filter: FilterKind,
    /// The value as given (shown as text only).
    pub value: String,
}

/// Everything a search returns (the default: nothing found, nothing asked).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The parsed query.
    pub query: Query,
    /// Number of matching units (after filters).
    pub total: usize,
    /// The best hits, best first: all of them from
    /// [`super::SearchEngine::search`], at most `max_hits` from
    /// [`super::SearchEngine::search_top`].
    pub hits: Vec<Hit>,
    /// The hits grouped by document.
    pub groups: Vec<DocGroup>,
    /// Live counts for every filter dimension.
    pub facets: Facets,
    /// Filter values that were ignored.
    pub notices: Vec<FilterNotice>,
    /// Why nothing was found, when nothing was found for a non-empty
    /// request.
    pub diagnosis: Option<NoResults>,
    /// The normalized strings that matched, for highlighting in the reader.
    pub highlight_terms: Vec<String>,
}
