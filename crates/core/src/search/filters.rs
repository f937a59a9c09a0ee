//! Filters resolved against the corpus, and which of them each unit passes.
//!
//! The facet counts and the "no results" diagnosis both need to know, per
//! unit, not just whether it passes *all* filters but which ones it fails,
//! so every unit gets a [`FilterMask`]: one bit per [`FilterKind`].

use super::index::{IndexedUnit, SearchIndex};
use super::request::{FilterKind, SearchRequest};
use super::results::FilterNotice;
use crate::model::{Level, Mechanism};

/// Which filters a unit passes: bit `i` set = passes `FilterKind::ALL[i]`.
/// An inactive filter (no value selected) is passed by every unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct FilterMask(u8);

impl FilterMask {
    /// Passes no filter.
    pub const NONE: FilterMask = FilterMask(0);
    /// Passes every filter: the unit is a hit (if the query matches it).
    pub const ALL_PASS: FilterMask = FilterMask((1 << FilterKind::ALL.len()) - 1);

    fn bit(kind: FilterKind) -> u8 {
        1 << kind.index()
    }

    /// This mask with `kind` passed as well.
    pub fn with(self, kind: FilterKind) -> FilterMask {
        FilterMask(self.0 | Self::bit(kind))
    }

    /// Passes the filter `kind`.
    pub fn passes(self, kind: FilterKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    /// Passes every filter in `required`.
    pub fn passes_all_of(self, required: FilterMask) -> bool {
        self.0 & required.0 == required.0
    }

    /// Passes every filter.
    pub fn passes_all(self) -> bool {
        self == Self::ALL_PASS
    }

    /// Passes every filter except perhaps `kind`: the unit counts in the
    /// facet of `kind` (a facet shows what its options would give with the
    /// query and the *other* filters).
    pub fn passes_all_but(self, kind: FilterKind) -> bool {
        self.with(kind).passes_all()
    }

    /// Number of filters this unit fails.
    pub fn failures(self) -> u32 {
        FilterKind::ALL.len() as u32 - self.0.count_ones()
    }
}

/// Filters resolved against the corpus; an empty list means "no filter".
#[derive(Debug, Default)]
pub(crate) struct ResolvedFilters {
    pub regions: Vec<String>,
    pub mechanisms: Vec<Mechanism>,
    pub docs: Vec<u32>,
    pub levels: Vec<Level>,
    pub years: Vec<u16>,
}

impl ResolvedFilters {
    /// Resolves every filter value of `request` (ids, Chinese names,
    /// aliases); values this corpus does not know are dropped and reported.
    pub fn resolve(index: &SearchIndex, request: &SearchRequest) -> (Self, Vec<FilterNotice>) {
        let mut f = ResolvedFilters::default();
        let mut notices = Vec::new();
        let mut ignore = |filter: FilterKind, value: &str| {
            notices.push(FilterNotice {
                filter,
                value: value.to_string(),
            })
        };
        for v in &request.regions {
            match index.resolve_region(v) {
                Some(r) => push_new(&mut f.regions, r.id.clone()),
                None => ignore(FilterKind::Region, v),
            }
        }
        for v in &request.mechanisms {
            match Mechanism::parse(v) {
                Some(m) => push_new(&mut f.mechanisms, m),
                None => ignore(FilterKind::Mechanism, v),
            }
        }
        for v in &request.docs {
            match index.resolve_doc(v) {
                Some(d) => push_new(&mut f.docs, d),
                None => ignore(FilterKind::Doc, v),
            }
        }
        for v in &request.levels {
            match Level::from_id(v.trim()) {
                Some(l) => push_new(&mut f.levels, l),
                None => ignore(FilterKind::Level, v),
            }
        }
        for v in &request.years {
            match v.trim().parse::<u16>() {
                Ok(y) if (1000..=9999).contains(&y) => push_new(&mut f.years, y),
                _ => ignore(FilterKind::Year, v),
            }
        }
        (f, notices)
    }

    /// Which of the filters `unit` passes.
    pub fn mask(&self, index: &SearchIndex, unit: &IndexedUnit) -> FilterMask {
        let doc = &index.docs[unit.doc as usize];
        FilterKind::ALL
            .iter()
            .filter(|&&kind| match kind {
                FilterKind::Region => {
                    self.regions.is_empty()
                        || self
                            .regions
                            .iter()
                            .any(|r| unit.issued_by.contains(r) || unit.mentions.contains(r))
                }
                FilterKind::Mechanism => {
                    self.mechanisms.is_empty()
                        || self.mechanisms.iter().any(|m| unit.mechanisms.contains(m))
                }
                FilterKind::Doc => self.docs.is_empty() || self.docs.contains(&unit.doc),
                FilterKind::Level => {
                    self.levels.is_empty() || doc.level.is_some_and(|l| self.levels.contains(&l))
                }
                FilterKind::Year => {
                    self.years.is_empty() || doc.year.is_some_and(|y| self.years.contains(&y))
                }
            })
            .fold(FilterMask::NONE, |mask, &kind| mask.with(kind))
    }
}

/// Pushes `value` unless it is already there (a value given twice counts once).
fn push_new<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mask_names_every_filter_it_passes() {
        assert_eq!(FilterMask::ALL_PASS.failures(), 0);
        assert_eq!(FilterMask::NONE.failures(), 5);
        let mask = FilterMask::NONE
            .with(FilterKind::Region)
            .with(FilterKind::Year);
        assert!(mask.passes(FilterKind::Region) && mask.passes(FilterKind::Year));
        assert!(!mask.passes(FilterKind::Doc));
        assert_eq!(mask.failures(), 3);
        assert!(mask.passes_all_of(FilterMask::NONE.with(FilterKind::Year)));
        let all_but_level = FilterKind::ALL
            .iter()
            .filter(|&&k| k != FilterKind::Level)
            .fold(FilterMask::NONE, |m, &k| m.with(k));
        assert!(!all_but_level.passes_all());
        assert!(all_but_level.passes_all_but(FilterKind::Level));
        assert!(!all_but_level.passes_all_but(FilterKind::Doc));
    }
}
