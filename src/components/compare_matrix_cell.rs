//! One cell of the overview matrix: how a document treated the central
//! text of one mechanism, as a small stacked bar (SVG rectangles sized by
//! attribute, coloured by class, uncertain relations pale) and the six
//! counts (uncertain ones marked "?") with how many are uncertain, linking
//! to the comparison filtered to that mechanism.

use yew::prelude::*;

use crate::i18n::{fill, Lang};
use crate::views::compare_model::MatrixCell;

/// Width of the bar in SVG user units.
const BAR_WIDTH: f64 = 120.0;

#[derive(Properties, PartialEq)]
pub struct MatrixCellViewProps {
    pub cell: MatrixCell,
    /// The comparison to open (none when the mechanism has no central unit).
    pub href: Option<AttrValue>,
    pub mechanism_name: AttrValue,
    pub doc_name: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn MatrixCellView(props: &MatrixCellViewProps) -> Html {
    let strings = props.lang.compare_strings();
    let cell = &props.cell;
    let total = cell.total();
    let mut x = 0.0;
    let rects: Vec<Html> = cell
        .segments()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(relation, n)| {
            let width = BAR_WIDTH * *n as f64 / total.max(1) as f64;
            let rect = html! {
                <rect class={classes!("matrix-bar__segment", format!("matrix-bar__segment--{}", relation.id()),
                        relation.is_uncertain().then_some("matrix-bar__segment--uncertain"))}
                    x={format!("{x:.2}")} y="0" width={format!("{width:.2}")} height="12" />
            };
            x += width;
            rect
        })
        .collect();
    let counts = cell
        .segments()
        .iter()
        .map(|(relation, n)| {
            fill(
                strings.matrix_count,
                &[("what", strings.relation(*relation)), ("n", &n.to_string())],
            )
        })
        .collect::<Vec<_>>()
        .join(strings.list_separator);
    let uncertain = fill(
        strings.uncertain_count,
        &[("n", &cell.uncertain().to_string())],
    );
    let counts = format!("{counts}{}{uncertain}", strings.list_separator);
    let label = fill(
        strings.matrix_cell_label,
        &[
            ("doc", &props.doc_name),
            ("mechanism", &props.mechanism_name),
            ("counts", &counts),
        ],
    );
    let content = html! {
        <>
            <svg class="matrix-bar" viewBox={format!("0 0 {BAR_WIDTH} 12")} width="120" height="12"
                aria-hidden="true" focusable="false">
                <rect class="matrix-bar__track" x="0" y="0" width={BAR_WIDTH.to_string()} height="12" />
                { for rects }
            </svg>
            <span class="matrix-cell__counts" aria-hidden="true">
                { for cell.segments().iter().map(|(relation, n)| html! {
                    <span class={classes!("matrix-cell__count", format!("matrix-cell__count--{}", relation.id()),
                            relation.is_uncertain().then_some("matrix-cell__count--uncertain"))}
                        data-segment={relation.id()}>{ n }</span>
                }) }
            </span>
            <span class="matrix-cell__uncertain" aria-hidden="true" data-uncertain={cell.uncertain().to_string()}>
                { fill(strings.matrix_uncertain, &[("n", &cell.uncertain().to_string())]) }
            </span>
        </>
    };
    html! {
        <td class="matrix-cell" data-total={total.to_string()} data-uncertain={cell.uncertain().to_string()}>
            if let Some(href) = props.href.clone() {
                // The name comes from the visually hidden text, not from
                // aria-label: a link's name must contain what it shows
                // (axe label-content-name-mismatch); the counts are hidden.
                <a class="matrix-cell__link" {href} title={label.clone()}>
                    <span class="visually-hidden">{ label }</span>{ content }
                </a>
            } else {
                <span class="matrix-cell__empty" aria-label={label.clone()} title={label} role="img">{ content }</span>
            }
        </td>
    }
}
