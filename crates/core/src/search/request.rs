//! What the user asked for: the query text plus filters, exactly as typed
//! or found in the URL. Values are resolved against the corpus when the
//! search runs, so a URL stays valid text even for a value this corpus does
//! not know (that value is then ignored with a notice).

use crate::model::{Level, Mechanism};
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
    /// A request for `query` with no filters.
    pub fn with_query(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    /// The values given for one filter, as written.
    pub fn values(&self, kind: FilterKind) -> &[String] {
        match kind {
            FilterKind::Region => &self.regions,
            FilterKind::Mechanism => &self.mechanisms,
            FilterKind::Doc => &self.docs,
            FilterKind::Level => &self.levels,
            FilterKind::Year => &self.years,
        }
    }

    /// The values given for one filter, to change them.
    pub fn values_mut(&mut self, kind: FilterKind) -> &mut Vec<String> {
        match kind {
            FilterKind::Region => &mut self.regions,
            FilterKind::Mechanism => &mut self.mechanisms,
            FilterKind::Doc => &mut self.docs,
            FilterKind::Level => &mut self.levels,
            FilterKind::Year => &mut self.years,
        }
    }

    /// Adds `value` to its filter, or removes it when it is already there
    /// (a click on a facet option).
    pub fn toggle(&mut self, value: &FilterValue) {
        let text = value.to_param();
        let list = self.values_mut(value.kind());
        match list.iter().position(|v| *v == text) {
            Some(at) => {
                list.remove(at);
            }
            None => list.push(text),
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
    /// The region a unit mentions.
    Region,
    /// A mechanism a unit is tagged with.
    Mechanism,
    /// The document a unit belongs to.
    Doc,
    /// The administrative level of the issuer.
    Level,
    /// The year the document was made.
    Year,
}

impl FilterKind {
    /// Every filter, in diagnosis order.
    pub const ALL: [FilterKind; 5] = [
        FilterKind::Region,
        FilterKind::Mechanism,
        FilterKind::Doc,
        FilterKind::Level,
        FilterKind::Year,
    ];

    /// Position in [`FilterKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

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

/// One value of one filter, typed: what a facet option stands for and what
/// a click on it adds to (or removes from) the request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "filter", content = "value", rename_all = "kebab-case")]
pub enum FilterValue {
    /// A region id from the gazetteer.
    Region(String),
    /// A mechanism id.
    Mechanism(Mechanism),
    /// A document id.
    Doc(String),
    /// An administrative level.
    Level(Level),
    /// A four-digit year.
    Year(u16),
}

impl FilterValue {
    /// The filter this value belongs to.
    pub fn kind(&self) -> FilterKind {
        match self {
            FilterValue::Region(_) => FilterKind::Region,
            FilterValue::Mechanism(_) => FilterKind::Mechanism,
            FilterValue::Doc(_) => FilterKind::Doc,
            FilterValue::Level(_) => FilterKind::Level,
            FilterValue::Year(_) => FilterKind::Year,
        }
    }

    /// The value as a URL parameter / CLI flag writes it (ids, never names).
    pub fn to_param(&self) -> String {
        match self {
            FilterValue::Region(id) | FilterValue::Doc(id) => id.clone(),
            FilterValue::Mechanism(m) => m.id().to_string(),
            FilterValue::Level(l) => l.id().to_string(),
            FilterValue::Year(y) => y.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_kinds_know_their_place_in_all() {
        for (i, kind) in FilterKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
    }

    #[test]
    fn toggling_a_value_twice_restores_the_request() {
        let mut request = SearchRequest::with_query("生态补偿");
        let before = request.clone();
        let values = [
            FilterValue::Region("sichuan".into()),
            FilterValue::Mechanism(Mechanism::Compensation),
            FilterValue::Level(Level::Provincial),
            FilterValue::Year(2018),
        ];
        for v in &values {
            request.toggle(v);
        }
        assert_eq!(request.regions, ["sichuan"]);
        assert_eq!(request.mechanisms, ["compensation"]);
        assert_eq!(request.levels, ["provincial"]);
        assert_eq!(request.years, ["2018"]);
        for v in &values {
            request.toggle(v);
        }
        assert_eq!(request, before);
    }
}
