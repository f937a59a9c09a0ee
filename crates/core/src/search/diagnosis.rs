//! Why a search found nothing: the query alone, or which filter emptied
//! the list and what each active filter alone would keep. Returned as data;
//! the app and the CLI word it.

use super::filters::FilterMask;
use super::request::FilterKind;
use serde::{Deserialize, Serialize};

/// Why a search found nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoResults {
    /// Units matching the query without any filter.
    pub query_alone: usize,
    /// Units matching the query and this one filter, for every active
    /// filter in [`FilterKind::ALL`] order.
    pub with_each_filter: Vec<(FilterKind, usize)>,
    /// The first filter (in [`FilterKind::ALL`] order) after which nothing
    /// was left; `None` when the query alone matches nothing.
    pub emptied_by: Option<FilterKind>,
}

/// The cause, as one kind a caller can match on to pick its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoResultsCause {
    /// No unit matches the query, whatever the filters.
    QueryMatchesNothing,
    /// The query matches `query_alone` units, none of which passes `filter`.
    FilterExcludesAll {
        /// Units the query matches.
        query_alone: usize,
        /// The filter none of them passes.
        filter: FilterKind,
    },
    /// Each filter alone keeps some of the `query_alone` units, but adding
    /// `filter` to the filters before it leaves none.
    FiltersCombinedExcludeAll {
        /// Units the query matches.
        query_alone: usize,
        /// The filter after which nothing was left.
        filter: FilterKind,
    },
}

impl NoResults {
    /// What emptied the list.
    pub fn cause(&self) -> NoResultsCause {
        match self.emptied_by {
            Some(filter) if self.query_alone > 0 => {
                let alone = self
                    .with_each_filter
                    .iter()
                    .find(|(k, _)| *k == filter)
                    .map_or(0, |(_, n)| *n);
                let query_alone = self.query_alone;
                if alone == 0 {
                    NoResultsCause::FilterExcludesAll {
                        query_alone,
                        filter,
                    }
                } else {
                    NoResultsCause::FiltersCombinedExcludeAll {
                        query_alone,
                        filter,
                    }
                }
            }
            _ => NoResultsCause::QueryMatchesNothing,
        }
    }
}

/// Diagnoses an empty result from the query matches (`matched[i]` is `Some`
/// for a unit the query matches) and every unit's filter mask.
pub(crate) fn diagnose(matched: &[Option<f64>], masks: &[FilterMask]) -> NoResults {
    let query_ids: Vec<usize> = (0..matched.len())
        .filter(|&i| matched[i].is_some())
        .collect();
    let query_alone = query_ids.len();
    let mut with_each_filter = Vec::new();
    let mut emptied_by = None;
    let mut cumulative = FilterMask::NONE;
    for &kind in &FilterKind::ALL {
        // A filter is active when some unit fails it.
        let active = masks.iter().any(|m| !m.passes(kind));
        if !active {
            continue;
        }
        let alone = query_ids.iter().filter(|&&i| masks[i].passes(kind)).count();
        with_each_filter.push((kind, alone));
        cumulative = cumulative.with(kind);
        let left = query_ids
            .iter()
            .filter(|&&i| masks[i].passes_all_of(cumulative))
            .count();
        if emptied_by.is_none() && left == 0 && query_alone > 0 {
            emptied_by = Some(kind);
        }
    }
    NoResults {
        query_alone,
        with_each_filter,
        emptied_by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cause_tells_a_lone_filter_from_a_combination() {
        let mut d = NoResults {
            query_alone: 7,
            with_each_filter: vec![(FilterKind::Region, 3), (FilterKind::Year, 0)],
            emptied_by: Some(FilterKind::Year),
        };
        assert_eq!(
            d.cause(),
            NoResultsCause::FilterExcludesAll {
                query_alone: 7,
                filter: FilterKind::Year
            }
        );
        d.with_each_filter[1].1 = 2;
        assert_eq!(
            d.cause(),
            NoResultsCause::FiltersCombinedExcludeAll {
                query_alone: 7,
                filter: FilterKind::Year
            }
        );
        let nothing = NoResults {
            query_alone: 0,
            with_each_filter: vec![],
            emptied_by: None,
        };
        assert_eq!(nothing.cause(), NoResultsCause::QueryMatchesNothing);
    }

    #[test]
    fn the_first_filter_that_leaves_nothing_is_named() {
        // Unit 0 fails the year filter, unit 1 the region filter: each
        // filter alone keeps one, both together keep none.
        let fails_year = FilterKind::ALL
            .iter()
            .filter(|&&k| k != FilterKind::Year)
            .fold(FilterMask::NONE, |m, &k| m.with(k));
        let fails_region = FilterKind::ALL
            .iter()
            .filter(|&&k| k != FilterKind::Region)
            .fold(FilterMask::NONE, |m, &k| m.with(k));
        let d = diagnose(&[Some(1.0), Some(1.0)], &[fails_year, fails_region]);
        assert_eq!(d.query_alone, 2);
        assert_eq!(
            d.with_each_filter,
            vec![(FilterKind::Region, 1), (FilterKind::Year, 1)]
        );
        assert_eq!(d.emptied_by, Some(FilterKind::Year));
    }
}
