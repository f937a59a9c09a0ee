//! The relation of an aligned pair as a badge: near-verbatim, rewritten,
//! possibly related, probably dropped, no counterpart (dropped), or added
//! (a unit of B that matches nothing in A). Colour is never the only
//! signal: the badge says it in words (uncertain relations say "possibly"
//! or "probably" and have a dashed outline), `data-relation` carries the
//! stable id and `data-confidence` whether the aligner is sure.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::views::compare_model::RowRelation;

#[derive(Properties, PartialEq)]
pub struct RelationBadgeProps {
    pub relation: RowRelation,
    /// The similarity score, shown to two decimals when given.
    #[prop_or_default]
    pub score: Option<f64>,
    pub lang: Lang,
}

#[component]
pub fn RelationBadge(props: &RelationBadgeProps) -> Html {
    let strings = props.lang.compare_strings();
    let label = strings.relation(props.relation);
    let id = props.relation.id();
    html! {
        <span class={classes!("relation", format!("relation--{id}"),
                props.relation.is_uncertain().then_some("relation--uncertain"))}
            data-relation={id} data-confidence={props.relation.confidence_id()}>
            { label }
            if let Some(score) = props.score {
                <span class="relation__score">{ format!(" {score:.2}") }</span>
            }
        </span>
    }
}
