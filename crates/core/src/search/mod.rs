//! Client-side search over corpus units.
//!
//! ## How it fits together
//! * [`SearchEngine::new`] builds a [`SearchIndex`] once per corpus, with the
//!   app's [`crate::segment::Segmenter`] and
//!   [`crate::query_normalize::QueryNormalizer`].
//! * [`SearchEngine::search`] takes a [`SearchRequest`] (query text + filters
//!   as typed or read from the URL) and returns [`SearchResults`]: ranked
//!   [`Hit`]s, [`DocGroup`]s, live [`Facets`], notices and, when empty, a
//!   [`NoResults`] diagnosis.
//! * [`SearchEngine::snippet`] makes a KWIC line for a hit;
//!   [`term_frequencies`] charts the result set; [`export_rows`],
//!   [`to_csv`] and [`to_json`] export it.
//! * [`parse_search_url`] / [`to_search_url`] map the request to and from
//!   `#/search?…`.
//!
//! ## Restored readings
//! A unit whose text survives only in a machine-reworded witness is
//! indexed by its restored reading (what results, snippets, term counts
//! and exports show) followed by its witness text, so that both 宏观调控
//! (restored) and 微观调控 (as the witness reads) find it; exports carry
//! both texts and a [`RestorationFlag`].
//!
//! ## Matching and ranking
//! A query term matches a unit when it occurs in the unit's text, as a
//! whole word or inside a longer one (Chinese readers expect `协调发` to
//! find 协调发展). Unquoted terms are cut into words, all of which must
//! occur; quoted terms must occur contiguously. Scores are BM25 over those
//! occurrences — an occurrence that is not a whole segmenter word counts
//! half — plus a boost when an unquoted multi-word term also occurs
//! contiguously, so exact phrases outrank scattered words.

mod engine;
mod export;
mod index;
mod kwic;
mod query;
mod request;
mod terms;
mod url;

pub use engine::{
    DocGroup, FacetCount, Facets, Hit, NoResults, Notice, RegionMatch, SearchEngine, SearchError,
    SearchResults,
};
pub use export::{csv_field, export_rows, to_csv, to_json, ExportRow};
pub use index::{region_containers, IndexedDoc, IndexedUnit, RestorationFlag, SearchIndex};
pub use kwic::{highlight_ranges, kwic, Snippet, SnippetPart};
pub use query::{Query, QueryTerm};
pub use request::{FilterKind, SearchRequest};
pub use terms::{term_frequencies, StopWords, TermCount, TermFrequencies, TermGroup, STOP_WORDS};
pub use url::{
    parse_search_url, percent_decode, percent_encode, to_search_url, UrlNotice, SEARCH_ROUTE,
};

#[cfg(test)]
mod tests;
