//! One-glance chart of a whole document's fidelity to the central text:
//! the central text's content split into verbatim, rewritten, not carried,
//! uncertain and no counterpart, and the local text's content split into
//! shared, new and uncertain (`docs/diffusion.md`). An inline SVG with its
//! own fills and text, so it reads offline and on paper; a legend with
//! every figure in words under it.

use std::rc::Rc;

use policy_core::diffusion::fidelity::DocumentFidelity;
use yew::prelude::*;

use crate::components::fidelity_bar::{
    pct, stack, LOCAL_NEW_FILL, NOT_CARRIED_FILL, NO_COUNTERPART_FILL, REWRITTEN_FILL,
    UNCERTAIN_FILL, VERBATIM_FILL,
};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct FidelitySummaryChartProps {
    pub lang: Lang,
    pub fidelity: Rc<DocumentFidelity>,
    /// What the central and the local document are called.
    pub central_name: AttrValue,
    pub local_name: AttrValue,
}

/// A segment: its name, share, fill and the ink of its figure.
type Part = (&'static str, f64, &'static str, &'static str);

const WIDTH: f64 = 560.0;
const LABEL: f64 = 110.0;
const BAR: f64 = WIDTH - LABEL - 10.0;

#[component]
pub fn FidelitySummaryChart(props: &FidelitySummaryChartProps) -> Html {
    let strings = props.lang.diffusion_strings();
    let f = &props.fidelity;
    let d = f.document.shares;
    let local = &f.local_side;
    let local_shared = (1.0 - local.new_share - local.uncertain_share).max(0.0);
    let central_parts = [
        (strings.verbatim, d.verbatim, VERBATIM_FILL, "#fff"),
        (strings.rewritten, d.rewritten, REWRITTEN_FILL, "#111"),
        (strings.not_carried, d.not_carried, NOT_CARRIED_FILL, "#111"),
        (strings.uncertain, d.uncertain, UNCERTAIN_FILL, "#111"),
        (
            strings.no_counterpart,
            d.no_counterpart,
            NO_COUNTERPART_FILL,
            "#fff",
        ),
    ];
    let local_parts = [
        (strings.local_shared, local_shared, REWRITTEN_FILL, "#111"),
        (strings.local_new, local.new_share, LOCAL_NEW_FILL, "#111"),
        (
            strings.uncertain,
            local.uncertain_share,
            UNCERTAIN_FILL,
            "#111",
        ),
    ];
    let title = fill(
        strings.chart_title,
        &[
            ("central", &props.central_name),
            ("local", &props.local_name),
        ],
    );
    let bar = |y: f64, parts: &[Part]| -> Html {
        let shares: Vec<f64> = parts.iter().map(|p| p.1).collect();
        html! {
            { for stack(&shares, BAR).into_iter().zip(parts).map(|((x, w), (_, share, fill, ink))| html! {
                <g>
                    <rect x={format!("{:.1}", LABEL + x)} y={format!("{y}")} width={format!("{w:.1}")} height="22"
                        fill={*fill} stroke="#fff" stroke-width="0.5" />
                    if w >= 34.0 {
                        <text x={format!("{:.1}", LABEL + x + w / 2.0)} y={format!("{}", y + 15.0)}
                            text-anchor="middle" font-size="11" fill={*ink}>{ pct(*share) }</text>
                    }
                </g>
            }) }
        }
    };
    let legend = |parts: &[Part]| -> Html {
        html! {
            { for parts.iter().map(|(name, share, fill, _)| html! {
                <li class="fidelity-chart__item">
                    <svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill={*fill} stroke="#555" stroke-width="0.5" /></svg>
                    { format!(" {name} {}", pct(*share)) }
                </li>
            }) }
        }
    };
    html! {
        <figure class="fidelity-chart" data-testid="fidelity-chart"
            data-verbatim={format!("{:.3}", d.verbatim)} data-rewritten={format!("{:.3}", d.rewritten)}
            data-new={format!("{:.3}", local.new_share)}>
            <svg class="fidelity-chart__svg" viewBox={format!("0 0 {WIDTH} 64")} width="100%"
                role="img" aria-label={title.clone()} preserveAspectRatio="xMinYMin meet">
                <title>{ title.clone() }</title>
                // Its own white ground: the fills and ink are fixed, so they
                // keep their contrast in a dark colour scheme and on paper.
                <rect x="0" y="0" width={format!("{WIDTH}")} height="64" fill="#fff" />
                <text x="0" y="18" font-size="12" fill="#333">{ strings.chart_central_row }</text>
                { bar(3.0, &central_parts) }
                <text x="0" y="52" font-size="12" fill="#333">{ strings.chart_local_row }</text>
                { bar(37.0, &local_parts) }
            </svg>
            <figcaption class="fidelity-chart__caption">
                <strong>{ title }</strong>
                <ul class="fidelity-chart__legend">
                    { legend(&central_parts) }
                </ul>
                <ul class="fidelity-chart__legend">
                    { legend(&local_parts) }
                </ul>
                if !f.central_without_counterpart.is_empty() {
                    <p class="fidelity-chart__without">
                        { fill(strings.chart_without, &[("units", &f.central_without_counterpart.join(strings.list_separator))]) }
                    </p>
                }
                <p class="fidelity-chart__note">{ strings.chart_note }</p>
            </figcaption>
        </figure>
    }
}
