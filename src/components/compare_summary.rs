//! The counts above the side-by-side table: how many units of A stayed
//! near-verbatim, were rewritten, are only related or have no counterpart
//! in B, and how many units B added — within the mechanism filter.

use std::collections::HashMap;

use policy_core::compare::align::Alignment;
use policy_core::model::{Document, Mechanism};
use yew::prelude::*;

use crate::components::compare_relation_badge::RelationBadge;
use crate::i18n::Lang;
use crate::views::compare_model::{has_mechanism, RowRelation};

/// How many units have each relation in [`RowRelation::ALL`] order:
/// units of `a` by their best counterpart, and the units `b` added.
pub fn relation_counts(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
    mechanism: Option<Mechanism>,
) -> Vec<(RowRelation, usize)> {
    let mut counts: HashMap<RowRelation, usize> = HashMap::new();
    for (unit, pair) in a.units.iter().zip(&alignment.pairs) {
        if has_mechanism(unit, mechanism) {
            *counts.entry(pair.relation.into()).or_default() += 1;
        }
    }
    let added = alignment
        .unmatched_b
        .iter()
        .filter_map(|path| b.units.iter().find(|u| u.path.as_str() == path))
        .filter(|u| has_mechanism(u, mechanism))
        .count();
    counts.insert(RowRelation::Added, added);
    RowRelation::ALL
        .iter()
        .map(|relation| (*relation, counts.get(relation).copied().unwrap_or(0)))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct CompareSummaryProps {
    pub lang: Lang,
    /// From [`relation_counts`].
    pub counts: Vec<(RowRelation, usize)>,
}

#[component]
pub fn CompareSummary(props: &CompareSummaryProps) -> Html {
    let strings = props.lang.compare_strings();
    html! {
        <ul class="compare-summary" aria-label={strings.summary_label}>
            { for props.counts.iter().map(|(relation, count)| html! {
                <li class="compare-summary__item" data-relation={relation.id()}>
                    <RelationBadge relation={*relation} lang={props.lang} />
                    <span class="compare-summary__count">{ count }</span>
                </li>
            }) }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::bundled_corpus;
    use policy_core::compare::align::{align_documents, AlignOptions};

    #[test]
    fn every_unit_of_a_is_counted_once_and_the_filter_narrows() {
        let corpus = bundled_corpus().expect("corpus loads");
        let a = corpus.document("central-2018").expect("central");
        let b = corpus.document("sichuan").expect("sichuan");
        let alignment = align_documents(a, b, &AlignOptions::default());
        let all = relation_counts(a, b, &alignment, None);
        let relations: Vec<RowRelation> = all.iter().map(|(r, _)| *r).collect();
        assert_eq!(relations, RowRelation::ALL);
        let of_a: usize = all
            .iter()
            .filter(|(r, _)| *r != RowRelation::Added)
            .map(|(_, n)| n)
            .sum();
        assert_eq!(of_a, a.units.len());
        let added = all
            .iter()
            .find(|(r, _)| *r == RowRelation::Added)
            .map(|(_, n)| *n);
        assert_eq!(added, Some(alignment.unmatched_b.len()));

        let mechanism = policy_core::model::Mechanism::Compensation;
        let some = relation_counts(a, b, &alignment, Some(mechanism));
        let total = |counts: &[(RowRelation, usize)]| counts.iter().map(|(_, n)| n).sum::<usize>();
        assert!(total(&some) < total(&all), "{some:?}");
    }
}
