//! The counts above the side-by-side table: how many units of A stayed
//! near-verbatim, were rewritten, are possibly related, probably or surely
//! have no counterpart in B, and how many units B added — within the
//! mechanism filter — and how many of these relations are uncertain.

use std::collections::{HashMap, HashSet};

use policy_core::compare::align::Alignment;
use policy_core::model::{Document, Mechanism};
use yew::prelude::*;

use crate::components::compare_relation_badge::RelationBadge;
use crate::i18n::{fill, Lang};
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
    // A set, not a search of `b` per path: long documents have thousands.
    let unmatched: HashSet<&str> = alignment.unmatched_b.iter().map(String::as_str).collect();
    let added = b
        .units
        .iter()
        .filter(|u| unmatched.contains(u.path.as_str()))
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

/// How many of the counted relations are uncertain.
pub fn uncertain_total(counts: &[(RowRelation, usize)]) -> usize {
    counts
        .iter()
        .filter(|(r, _)| r.is_uncertain())
        .map(|(_, n)| n)
        .sum()
}

#[component]
pub fn CompareSummary(props: &CompareSummaryProps) -> Html {
    let strings = props.lang.compare_strings();
    let uncertain = uncertain_total(&props.counts);
    html! {
        <>
            <ul class="compare-summary" aria-label={strings.summary_label}>
                { for props.counts.iter().map(|(relation, count)| html! {
                    <li class="compare-summary__item" data-relation={relation.id()}>
                        <RelationBadge relation={*relation} lang={props.lang} />
                        <span class="compare-summary__count">{ count }</span>
                    </li>
                }) }
                <li class="compare-summary__item compare-summary__item--uncertain"
                    data-testid="uncertain-count" data-uncertain={uncertain.to_string()}>
                    { fill(strings.uncertain_count, &[("n", &uncertain.to_string())]) }
                </li>
            </ul>
            <p class="compare-uncertain-note">{ strings.uncertain_note }</p>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::bundled_corpus;
    use crate::views::compare_model::align_options;
    use policy_core::compare::align::align_documents;

    #[test]
    fn every_unit_of_a_is_counted_once_and_the_filter_narrows() {
        let corpus = bundled_corpus().expect("corpus loads");
        let a = corpus.document("central-2018").expect("central");
        let b = corpus.document("sichuan").expect("sichuan");
        let alignment = align_documents(a, b, &align_options(a, b, "central-2018"));
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
        assert_eq!(
            uncertain_total(&all),
            alignment.uncertain(),
            "the summary's uncertain count is the aligner's"
        );

        let mechanism = policy_core::model::Mechanism::Compensation;
        let some = relation_counts(a, b, &alignment, Some(mechanism));
        let total = |counts: &[(RowRelation, usize)]| counts.iter().map(|(_, n)| n).sum::<usize>();
        assert!(total(&some) < total(&all), "{some:?}");
    }
}
