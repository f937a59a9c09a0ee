//! Client-side search over corpus units.
//!
//! ## How it fits together
//! * [`SearchEngine::new`] builds a [`SearchIndex`] once per corpus, with the
//!   app's [`crate::segment::Segmenter`] and
//!   [`crate::query_normalize::QueryNormalizer`].
//! * [`SearchEngine::search`] takes a [`SearchRequest`] (query text + filters
//!   as typed or read from the URL) and returns [`SearchResults`]: ranked
//!   [`Hit`]s, [`DocGroup`]s, live [`Facets`], [`FilterNotice`]s for ignored
//!   filter values and, when empty, a [`NoResults`] diagnosis — kinds and
//!   data, never sentences: the app and the CLI word them. Facet options
//!   carry typed values; a click on one is a [`FilterValue`] that
//!   [`SearchRequest::toggle`] adds or removes.
//! * [`SearchEngine::snippet`] makes a KWIC line for a hit;
//!   [`term_frequencies`] charts the result set; [`export_rows`],
//!   [`to_csv`] and [`to_json`] export it.
//!
//! Inside: `engine` matches and ranks, `filters` resolves filter values and
//! gives every unit a mask of the filters it passes, `facets` counts from
//! those masks, `diagnosis` explains an empty result, `results` holds the
//! returned types.
//!
//! The request's URL form (`#/search?q=…`) belongs to the app
//! (`src/url/search.rs`): the core knows nothing of routes.
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

mod diagnosis;
mod engine;
mod export;
mod facets;
mod filters;
mod index;
mod kwic;
mod parts;
mod query;
mod request;
mod results;
mod shards;
mod terms;

pub use diagnosis::{NoResults, NoResultsCause};
pub use engine::{SearchEngine, SearchEngineBuilder, SearchError};
pub use export::{csv_field, export_rows, to_csv, to_json, ExportRow};
pub use facets::{FacetCount, Facets};
pub use index::{
    region_containers, IndexedDoc, IndexedUnit, RestorationFlag, SearchIndex, SearchIndexBuilder,
};
pub use kwic::{highlight_ranges, kwic, Snippet, SnippetPart};
pub use parts::{document_fingerprint, part_stamp, IndexPart, PartError, PART_FORMAT_VERSION};
pub use query::{Query, QueryTerm};
pub use request::{FilterKind, FilterValue, SearchRequest};
pub use results::{DocGroup, FilterNotice, Hit, RegionMatch, SearchResults};
pub use shards::{
    content_hash, shard_of, LoadedShards, ManifestDoc, MissingShards, ShardError, ShardFile,
    ShardManifest, ShardSet, UnitTable, SHARD_FORMAT_VERSION,
};
pub use terms::{
    term_frequencies, StopWords, TermCount, TermCountJob, TermFrequencies, TermGroup, STOP_WORDS,
};

#[cfg(test)]
mod parts_tests;
#[cfg(test)]
mod shards_tests;
#[cfg(test)]
mod tests;
