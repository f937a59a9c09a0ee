//! The connecting mark between a unit of A and its counterpart in B: a
//! solid line for near-verbatim, dashed for rewritten, dotted for possibly
//! related, a stub for a unit with no counterpart (dotted when that is
//! uncertain) or one B added. Drawn with SVG
//! attributes and CSS classes (no inline styles); decorative, so hidden
//! from assistive technology — the badge says the same in words.

use yew::prelude::*;

use crate::views::compare_model::RowRelation;

#[derive(Properties, PartialEq)]
pub struct CompareLinkMarkProps {
    pub relation: RowRelation,
}

#[component]
pub fn CompareLinkMark(props: &CompareLinkMarkProps) -> Html {
    let relation = props.relation;
    let (x1, x2) = match relation {
        RowRelation::NoCounterpart | RowRelation::ProbablyNoCounterpart => ("2", "16"),
        RowRelation::Added => ("32", "46"),
        _ => ("2", "46"),
    };
    let linked = !matches!(
        relation,
        RowRelation::NoCounterpart | RowRelation::ProbablyNoCounterpart | RowRelation::Added
    );
    html! {
        <svg class={classes!("link-mark", format!("link-mark--{}", relation.id()))}
            viewBox="0 0 48 16" width="48" height="16" aria-hidden="true" focusable="false">
            <line class="link-mark__line" x1={x1} y1="8" x2={x2} y2="8" />
            if linked {
                <circle class="link-mark__end" cx="4" cy="8" r="3" />
                <circle class="link-mark__end" cx="44" cy="8" r="3" />
            }
        </svg>
    }
}
