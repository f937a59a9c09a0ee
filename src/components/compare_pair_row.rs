//! One row of the side-by-side table: a unit of A (row header), the
//! connecting mark, relation badge with score and the shared key terms, and
//! its best counterpart in B (other candidates listed under it); or a unit
//! B added, with nothing on the left. The shared key terms are marked in
//! both texts (`mark.evidence-term`), so a reader can check the pair at a
//! glance. The row's link focuses the pair (`#/compare/{a}/{b}/{path}`),
//! which opens its diff below.

use yew::prelude::*;

use policy_core::diffusion::binding::Change;
use policy_core::diffusion::fidelity::PairFidelity;

use crate::components::binding_flags::BindingFlags;
use crate::components::breakable_text::breakable;

use crate::components::compare_link_mark::CompareLinkMark;
use crate::components::compare_relation_badge::RelationBadge;
use crate::components::fidelity_bar::FidelityBar;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::views::compare_model::{evidence_pieces, RowRelation};

/// One side's unit as the row shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowUnit {
    pub path: AttrValue,
    pub label: AttrValue,
    pub text: AttrValue,
    /// Reader permalink of the unit (none for the user's copy).
    pub href: Option<AttrValue>,
}

/// The most candidates after the best one a row lists: a central clause
/// proposed by hundreds of units of a long copy lists the first ones and
/// says how many more there are, so the row stays readable and cheap.
pub const MAX_OTHERS: usize = 12;

/// A candidate counterpart after the best one.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherCandidate {
    pub path: AttrValue,
    pub score: f64,
    pub relation: RowRelation,
    pub evidence: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct ComparePairRowProps {
    pub lang: Lang,
    pub relation: RowRelation,
    pub score: Option<f64>,
    /// A's unit; `None` for a row B added.
    pub a: Option<RowUnit>,
    /// B's best counterpart; `None` for a dropped unit.
    pub b: Option<RowUnit>,
    /// The candidates after the best one, at most [`MAX_OTHERS`].
    #[prop_or_default]
    pub others: Vec<OtherCandidate>,
    /// How many more candidates there are than `others` shows.
    #[prop_or_default]
    pub more_others: usize,
    /// The key terms A's unit and B's best counterpart share.
    #[prop_or_default]
    pub evidence: Vec<String>,
    pub selected: bool,
    /// Where the row's link goes (focus this pair); pair rows only.
    pub select_href: Option<AttrValue>,
    /// The pair's fidelity (central clause against local clause).
    #[prop_or_default]
    pub fidelity: Option<PairFidelity>,
    /// The pair's changes in binding force and targets.
    #[prop_or_default]
    pub changes: Vec<Change>,
}

#[component]
pub fn ComparePairRow(props: &ComparePairRowProps) -> Html {
    let strings = props.lang.compare_strings();
    let a_path = props.a.as_ref().map(|u| u.path.clone());
    let b_path = props.b.as_ref().map(|u| u.path.clone());
    let row_id = match (&a_path, &b_path) {
        (Some(a), _) => format!("pair-{a}"),
        (None, Some(b)) => format!("added-{b}"),
        (None, None) => String::new(),
    };
    let evidence = &props.evidence;
    let unit_cell = |unit: &RowUnit, link: Option<AttrValue>, select_label: Option<String>| {
        html! {
            <>
                <span class="compare-unit__head">
                    if let Some(href) = link {
                        <a class="compare-unit__select" {href} aria-label={select_label}>
                            { "§\u{a0}" }{ unit.path.clone() }
                        </a>
                    } else if let Some(href) = unit.href.clone() {
                        <a class="compare-unit__path" {href}>{ "§\u{a0}" }{ unit.path.clone() }</a>
                    } else {
                        <span class="compare-unit__path">{ "§\u{a0}" }{ unit.path.clone() }</span>
                    }
                    if !unit.label.is_empty() {
                        <span class="compare-unit__label" lang={CORPUS_LANG}>{ unit.label.clone() }</span>
                    }
                </span>
                <span class="compare-unit__text" lang={CORPUS_LANG}>
                    { for evidence_pieces(&unit.text, evidence).into_iter().map(|piece| if piece.term {
                        html! { <mark class="evidence-term" title={strings.evidence_term_title}>{ breakable(piece.text) }</mark> }
                    } else {
                        breakable(piece.text)
                    }) }
                </span>
            </>
        }
    };
    let a_cell = match &props.a {
        Some(unit) => {
            let label = fill(strings.select_pair_label, &[("path", &unit.path)]);
            html! {
                <th scope="row" class="compare-row__a">
                    { unit_cell(unit, props.select_href.clone(), Some(label)) }
                </th>
            }
        }
        None => html! {
            <td class="compare-row__a compare-row__a--empty">
                <span class="visually-hidden">{ strings.not_in_a }</span>
            </td>
        },
    };
    let b_cell = match &props.b {
        Some(unit) => html! {
            <td class="compare-row__b">
                { unit_cell(unit, None, None) }
                if !props.others.is_empty() {
                    <span class="compare-row__others">
                        { strings.other_candidates }
                        { for props.others.iter().map(|c| {
                            let terms = if c.evidence.is_empty() {
                                "–".to_string()
                            } else {
                                c.evidence.join(strings.list_separator)
                            };
                            let title = fill(strings.other_candidate_title,
                                &[("relation", strings.relation(c.relation)), ("terms", &terms)]);
                            html! {
                                <span class="compare-row__other" data-relation={c.relation.id()}
                                    data-confidence={c.relation.confidence_id()} {title}>
                                    { format!(" §\u{a0}{} ({:.2})", c.path, c.score) }
                                </span>
                            }
                        }) }
                        if props.more_others > 0 {
                            <span class="compare-row__others-more" data-testid="others-more"
                                data-more={props.more_others.to_string()}>
                                { fill(props.lang.compare_strings().others_more, &[("n", &props.more_others.to_string())]) }
                            </span>
                        }
                    </span>
                }
            </td>
        },
        None => html! {
            <td class="compare-row__b compare-row__b--empty">
                <span class="visually-hidden">{ strings.not_in_b }</span>
            </td>
        },
    };
    // The shared terms, under the badge (pairs only).
    let evidence_line = (props.a.is_some() && props.b.is_some()).then(|| {
        html! {
            <span class="compare-row__evidence" data-testid="pair-evidence">
                if evidence.is_empty() {
                    { strings.evidence_none }
                } else {
                    { strings.evidence_label }
                    <span class="compare-row__evidence-terms" lang={CORPUS_LANG}>
                        { evidence.join(strings.list_separator) }
                    </span>
                }
            </span>
        }
    });
    html! {
        <tr id={row_id}
            class={classes!(
                "compare-row",
                format!("compare-row--{}", props.relation.id()),
                format!("compare-row--{}", props.relation.confidence_id()),
                props.selected.then_some("compare-row--selected"),
            )}
            data-a-path={a_path}
            data-b-path={b_path}
            data-relation={props.relation.id()}
            data-confidence={props.relation.confidence_id()}
            data-evidence={evidence.len().to_string()}
            data-changes={(!props.changes.is_empty()).then(|| props.changes.iter().map(|c| c.kind.id()).collect::<Vec<_>>().join(" "))}
            aria-current={props.selected.then_some("true")}
            tabindex="-1">
            { a_cell }
            <td class="compare-row__relation">
                <CompareLinkMark relation={props.relation} />
                <RelationBadge relation={props.relation} score={props.score} lang={props.lang} />
                { evidence_line.unwrap_or_default() }
                if let Some(fidelity) = props.fidelity.filter(|_| props.a.is_some() && props.b.is_some()) {
                    <FidelityBar lang={props.lang} {fidelity} />
                }
                <BindingFlags lang={props.lang} changes={props.changes.clone()} />
            </td>
            { b_cell }
        </tr>
    }
}
