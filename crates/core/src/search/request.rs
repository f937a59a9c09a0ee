//! What the user asked for: the query text plus filters, exactly as typed
//! or found in the URL. Values are resolved against the corpus when the
//! search runs, so a URL stays valid text even for a value this corpus does
//! not know (that value is then ignored with a notice).

use serde::{Deserialize, Serialize};

/// A search request. Within one filter the values are alternatives (OR);
/// different filters combine with AND, and with the query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query text (see [`super::query`]).
    pub query: String,
    /// Region ids, Chinese names or aliases.
    pub regions: Vec<String>,
    /// Mechanism ids or Chinese names.
    pub mechanisms: Vec<String>,
    /// Document ids.
    pub docs: Vec<String>,
    /// Level ids (`central`, `ministry`, `provincial`).
    pub levels: Vec<String>,
    /// Four-digit years.
    pub years: Vec<String>,
}

impl SearchRequest {
    pub fn with_query(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    /// True when no filter is set (the query may still be non-empty).
    pub fn has_no_filters(&self) -> bool {
        self.regions.is_empty()
            && self.mechanisms.is_empty()
            && self.docs.is_empty()
            && self.levels.is_empty()
            && self.years.is_empty()
    }
}

/// The five filter dimensions, in the order the "no results" diagnosis
/// applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FilterKind {
    Region,
    Mechanism,
    Doc,
    Level,
    Year,
}

impl FilterKind {
    pub const ALL: [FilterKind; 5] = [
        FilterKind::Region,
        FilterKind::Mechanism,
        FilterKind::Doc,
        FilterKind::Level,
        FilterKind::Year,
    ];

    /// The URL parameter / CLI flag name.
    pub fn param(self) -> &'static str {
        match self {
            FilterKind::Region => "region",
            FilterKind::Mechanism => "mechanism",
            FilterKind::Doc => "doc",
            FilterKind::Level => "level",
            FilterKind::Year => "year",
        }
    }
}
