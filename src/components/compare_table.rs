//! The side-by-side table of a comparison: A's units in order, each with
//! its best counterpart in B and the relation; the units B added where B
//! has them; under the focused pair, its diff.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use policy_core::compare::align::Alignment;
use policy_core::restoration::TextChoice;
use yew::prelude::*;

use crate::components::compare_diff_panel::CompareDiffPanel;
use crate::components::compare_pair_row::{ComparePairRow, OtherCandidate, RowUnit, MAX_OTHERS};
use crate::components::fidelity_figures::FidelityFigures;
use crate::corpus_data::SearchEngineHandle;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::navigation::compare_href;
use crate::route::Route;
use crate::url::compare::CompareOptions;
use crate::views::compare_diffusion::PairFigures;
use crate::views::compare_model::{
    comparable_text, has_mechanism, CompareRow, ComparedDoc, RowRelation,
};

/// Rows drawn at first, and added by each "show more": a long copy's
/// table is drawn a page at a time so that no single render blocks the page.
pub const ROW_PAGE: usize = 300;
/// Rows a progressive table draws at first, and with each later batch.
const FIRST_BATCH: usize = 8;
const NEXT_BATCH: usize = 8;

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub lang: Lang,
    pub a: ComparedDoc,
    pub b: ComparedDoc,
    pub alignment: Rc<Alignment>,
    /// The table's rows in order (`compare_rows`).
    pub rows: Rc<Vec<CompareRow>>,
    /// The view options; the mechanism filter hides rows.
    pub options: CompareOptions,
    /// The focused unit of A (index), whose diff opens under its row.
    pub selected: Option<usize>,
    /// The shared engine the diff needs, once built.
    pub engine: Option<SearchEngineHandle>,
    /// What A and B are called (column headers, diff labels).
    pub a_label: AttrValue,
    pub b_label: AttrValue,
    /// Each pair's fidelity and binding/target changes, by row of A.
    #[prop_or_default]
    pub figures: Rc<Vec<PairFigures>>,
    /// Show only the pairs whose binding force or targets changed.
    #[prop_or_default]
    pub only_changed: bool,
    /// Draw the rows a few at a time, each batch in its own task (a long
    /// document's comparison: its rows list many candidates).
    #[prop_or_default]
    pub progressive: bool,
}

#[component]
pub fn CompareTable(props: &CompareTableProps) -> Html {
    let lang = props.lang;
    let strings = lang.compare_strings();
    let (a, b, options) = (&props.a, &props.b, props.options);
    let alignment = &props.alignment;
    let b_index: HashMap<&str, usize> = b
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.path.as_str(), i))
        .collect();

    // The rows the filters keep; a long table draws the first pages of
    // them (and always the focused pair), more on request.
    let limit = use_state(|| ROW_PAGE);
    let kept: Vec<CompareRow> = props
        .rows
        .iter()
        .copied()
        .filter(|row| match *row {
            CompareRow::Pair { a: i } => {
                has_mechanism(&a.units[i], options.mechanism)
                    && !(props.only_changed
                        && props.figures.get(i).is_none_or(|f| f.changes.is_empty()))
            }
            CompareRow::Added { b: j } => {
                !props.only_changed && has_mechanism(&b.units[j], options.mechanism)
            }
        })
        .collect();
    let focused = props.selected.and_then(|s| {
        kept.iter()
            .position(|row| matches!(row, CompareRow::Pair { a } if *a == s))
    });
    let shown = (*limit).max(focused.map_or(0, |f| f + 1)).min(kept.len());
    let left = kept.len() - shown;
    // Progressive drawing: the first rows now, the next batch in a later
    // task, until every row meant to be shown is there.
    let drawn = use_state(|| {
        if props.progressive {
            FIRST_BATCH
        } else {
            usize::MAX
        }
    });
    {
        let drawn = drawn.clone();
        use_effect_with((*drawn, shown), move |&(now, target)| {
            let next = (now < target).then(|| {
                let drawn = drawn.clone();
                Timeout::new(0, move || drawn.set(now + NEXT_BATCH))
            });
            move || drop(next)
        });
    }
    let visible = shown.min((*drawn).max(focused.map_or(0, |f| f + 1)));
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(shown + ROW_PAGE))
    };

    let body_rows = kept[..visible].iter().map(|row| match *row {
        CompareRow::Pair { a: i } => {
            let unit = &a.units[i];
            let pair = &alignment.pairs[i];
            let figures = props.figures.get(i).cloned().unwrap_or_default();
            let best = pair.candidates.first();
            let b_unit = best
                .and_then(|c| b_index.get(c.b.as_str()))
                .and_then(|&j| row_unit(b, j, options.text));
            let others: Vec<OtherCandidate> = pair
                .candidates
                .iter()
                .skip(1)
                .take(MAX_OTHERS)
                .map(|c| OtherCandidate {
                    path: c.b.clone().into(),
                    score: c.score,
                    relation: c.relation.into(),
                    evidence: c.evidence.clone(),
                })
                .collect();
            let is_selected = props.selected == Some(i);
            let select_href = compare_href(&a.id, &b.id, Some(unit.path.as_str()), &options);
            let diff_row = is_selected.then(|| {
                let body = match &b_unit {
                    Some(b_unit) => html! {
                        <>
                        if let Some(fidelity) = figures.fidelity {
                            <FidelityFigures {lang} {fidelity} changes={figures.changes.clone()} />
                        }
                        <CompareDiffPanel old={AttrValue::from(comparable_text(unit, options.text).to_string())}
                            new={b_unit.text.clone()}
                            old_label={props.a_label.clone()}
                            new_label={props.b_label.clone()}
                            {options} engine={props.engine.clone()} {lang} />
                        </>
                    },
                    None => html! {
                        <p class="diff-panel__none">{ strings.no_counterpart_note }</p>
                    },
                };
                html! {
                    <tr class="compare-diff-row" data-testid="compare-diff-row">
                        <td colspan="3">{ body }</td>
                    </tr>
                }
            });
            html! {
                <>
                    <ComparePairRow key={format!("a-{}", unit.path.as_str())} {lang}
                        relation={RowRelation::from(pair.relation)}
                        score={best.map(|c| c.score)}
                        a={row_unit(a, i, options.text)} b={b_unit} {others}
                        more_others={pair.candidates.len().saturating_sub(1 + MAX_OTHERS)}
                        evidence={best.map(|c| c.evidence.clone()).unwrap_or_default()}
                        selected={is_selected} select_href={Some(AttrValue::from(select_href))}
                        fidelity={figures.fidelity} changes={figures.changes.clone()} />
                    { diff_row.unwrap_or_default() }
                </>
            }
        }
        CompareRow::Added { b: j } => {
            let unit = &b.units[j];
            html! {
                <ComparePairRow key={format!("b-{}", unit.path.as_str())} {lang}
                    relation={RowRelation::Added} score={None::<f64>}
                    a={None::<RowUnit>} b={row_unit(b, j, options.text)}
                    selected={false} select_href={None::<AttrValue>} />
            }
        }
    });

    html! {
        <div class="compare-table-wrap">
            <table class="compare-table" data-testid="compare-table"
                data-drawn={if visible == shown { "all" } else { "partial" }}>
                <caption class="visually-hidden">
                    { fill(strings.table_caption, &[("a", props.a_label.as_str()), ("b", props.b_label.as_str())]) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" lang={CORPUS_LANG}>{ props.a_label.clone() }</th>
                        <th scope="col">{ strings.col_relation }</th>
                        <th scope="col" lang={CORPUS_LANG}>{ props.b_label.clone() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for body_rows }
                </tbody>
            </table>
            if left > 0 {
                <p class="compare-table__more" data-testid="compare-more-rows" data-left={left.to_string()}>
                    <button type="button" class="button" onclick={on_more}>
                        { fill(lang.compare_strings().more_rows, &[("next", &left.min(ROW_PAGE).to_string()), ("left", &left.to_string())]) }
                    </button>
                </p>
            }
        </div>
    }
}

/// A unit's reader permalink (the user's copy has none).
fn reader_href(doc: &ComparedDoc, path: &str) -> Option<AttrValue> {
    match doc {
        ComparedDoc::Corpus(d) => Some(
            Route::Unit {
                id: d.id.clone(),
                path: path.to_string(),
            }
            .href()
            .into(),
        ),
        ComparedDoc::Copy(_) => None,
    }
}

fn row_unit(doc: &ComparedDoc, index: usize, text: TextChoice) -> Option<RowUnit> {
    let unit = doc.units.get(index)?;
    Some(RowUnit {
        path: unit.path.as_str().to_string().into(),
        label: unit.label.clone().into(),
        text: comparable_text(unit, text).to_string().into(),
        href: reader_href(doc, unit.path.as_str()),
    })
}
