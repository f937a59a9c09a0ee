//! Live facet counts: for every value of every filter, how many units it
//! would give together with the query and the *other* filters (so a
//! selected value's siblings still show what choosing them would give).

use super::filters::{FilterMask, ResolvedFilters};
use super::index::SearchIndex;
use super::request::{FilterKind, FilterValue};
use crate::model::{Level, Mechanism};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One value of a facet with the number of hits it would give together
/// with the query and the *other* filters. `V` is the value's type: a
/// region or document id, a [`Mechanism`], a [`Level`] or a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount<V> {
    /// The value, typed.
    pub value: V,
    /// Its name in the corpus (Chinese), or its id where the corpus has
    /// no name (levels, years): the app words levels itself.
    pub label: String,
    /// Hits it would give.
    pub count: usize,
    /// It is selected in the request.
    pub selected: bool,
}

/// Live counts for every filter dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Every gazetteer region, by id.
    pub region: Vec<FacetCount<String>>,
    /// The ten mechanisms.
    pub mechanism: Vec<FacetCount<Mechanism>>,
    /// Every document, by id.
    pub doc: Vec<FacetCount<String>>,
    /// The three levels.
    pub level: Vec<FacetCount<Level>>,
    /// Every year a document was made in, ascending.
    pub year: Vec<FacetCount<u16>>,
}

impl Facets {
    /// Every option of every facet as `(value, count, selected)`, facet by
    /// facet in [`FilterKind::ALL`] order.
    pub fn options(&self) -> impl Iterator<Item = (FilterValue, usize, bool)> + '_ {
        fn each<'a, V>(
            list: &'a [FacetCount<V>],
            make: impl Fn(&V) -> FilterValue + 'a,
        ) -> impl Iterator<Item = (FilterValue, usize, bool)> + 'a {
            list.iter()
                .map(move |f| (make(&f.value), f.count, f.selected))
        }
        each(&self.region, |r| FilterValue::Region(r.clone()))
            .chain(each(&self.mechanism, |m| FilterValue::Mechanism(*m)))
            .chain(each(&self.doc, |d| FilterValue::Doc(d.clone())))
            .chain(each(&self.level, |l| FilterValue::Level(*l)))
            .chain(each(&self.year, |y| FilterValue::Year(*y)))
    }

    /// How many options are selected, over every facet.
    pub fn selected_count(&self) -> usize {
        self.options().filter(|(_, _, selected)| *selected).count()
    }
}

/// Counts every facet over the units the query matched (`matched[i]` is
/// `Some` for a match), given each unit's filter mask.
pub(crate) fn count_facets(
    index: &SearchIndex,
    matched: &[Option<f64>],
    masks: &[FilterMask],
    f: &ResolvedFilters,
) -> Facets {
    // Plain arrays, no hashing: this runs on every keystroke over every
    // matching unit.
    let mut region = vec![0usize; index.regions.len()];
    let mut mechanism = [0usize; Mechanism::ALL.len()];
    // Per document, for the doc, level and year dimensions.
    const PER_DOC: [FilterKind; 3] = [FilterKind::Doc, FilterKind::Level, FilterKind::Year];
    let mut per_doc = vec![[0usize; PER_DOC.len()]; index.docs.len()];
    for (id, unit) in index.units.iter().enumerate() {
        if matched[id].is_none() {
            continue;
        }
        let mask = masks[id];
        if mask.failures() > 1 {
            // Fails two or more filters: counts in no facet.
            continue;
        }
        if mask.passes_all_but(FilterKind::Region) {
            for &r in &unit.region_indices {
                region[r as usize] += 1;
            }
        }
        if mask.passes_all_but(FilterKind::Mechanism) {
            for m in &unit.mechanisms {
                mechanism[*m as usize] += 1;
            }
        }
        for (slot, kind) in PER_DOC.iter().enumerate() {
            if mask.passes_all_but(*kind) {
                per_doc[unit.doc as usize][slot] += 1;
            }
        }
    }
    let mut level: HashMap<Level, usize> = HashMap::new();
    let mut year: BTreeMap<u16, usize> = BTreeMap::new();
    for (d, counts) in index.docs.iter().zip(&per_doc) {
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
                value: *m,
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
                count: per_doc[i][0],
                selected: f.docs.contains(&(i as u32)),
            })
            .collect(),
        level: Level::ALL
            .iter()
            .map(|l| FacetCount {
                value: *l,
                label: l.id().into(),
                count: level.get(l).copied().unwrap_or(0),
                selected: f.levels.contains(l),
            })
            .collect(),
        year: years
            .iter()
            .map(|y| FacetCount {
                value: *y,
                label: y.to_string(),
                count: year.get(y).copied().unwrap_or(0),
                selected: f.years.contains(y),
            })
            .collect(),
    }
}
