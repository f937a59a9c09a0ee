//! `#/timeline`: the library's documents on a time axis by the date they
//! were made, with citation arrows (citing → cited). Documents whose
//! sources state no date stand in a separate "date unknown" column, never
//! placed by guess. One row per document, so the chart stays readable with
//! four documents and with dozens; the same facts are listed as text with
//! links under it. Citations come from `policy_core::diffusion::citations`.

use std::rc::Rc;

use policy_core::diffusion::citations::{timeline, Timeline};
use policy_core::model::Document;
use policy_core::restoration::TextChoice;
use yew::prelude::*;

use crate::components::unit_citations::citation_text;
use crate::corpus_data::{CorpusHandle, MyCopyContext};
use crate::dom;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;

const ROW: f64 = 30.0;
const TOP: f64 = 34.0;
const LABEL_W: f64 = 250.0;
const PLOT_X0: f64 = 270.0;
const PLOT_X1: f64 = 600.0;
const SEPARATOR_X: f64 = 650.0;
const UNKNOWN_X: f64 = 700.0;
const WIDTH: f64 = 780.0;

/// A date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) as a fractional year.
pub fn fractional_year(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let y: f64 = parts.next()?.parse().ok()?;
    let m: f64 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1.0);
    let d: f64 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1.0);
    Some(y + (m - 1.0) / 12.0 + (d - 1.0) / 366.0)
}

/// The x of each document (`None`: date unknown) and the year ticks.
pub fn layout(t: &Timeline) -> (Vec<Option<f64>>, Vec<(i32, f64)>) {
    let years: Vec<f64> = t
        .docs
        .iter()
        .filter_map(|d| d.date.as_deref().and_then(fractional_year))
        .collect();
    let lo = years.iter().copied().fold(f64::INFINITY, f64::min).floor();
    let hi = years
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max)
        .floor()
        + 1.0;
    let (lo, hi) = if years.is_empty() {
        (0.0, 1.0)
    } else {
        (lo, hi)
    };
    let x = |y: f64| PLOT_X0 + (y - lo) / (hi - lo) * (PLOT_X1 - PLOT_X0);
    let xs = t
        .docs
        .iter()
        .map(|d| d.date.as_deref().and_then(fractional_year).map(x))
        .collect();
    // At most about ten tick labels, whatever the span.
    let span = (hi - lo) as i32;
    let step = (span / 10).max(1);
    let ticks = if years.is_empty() {
        Vec::new()
    } else {
        (0..=span)
            .step_by(step as usize)
            .map(|k| (lo as i32 + k, x(lo + f64::from(k))))
            .collect()
    };
    (xs, ticks)
}

/// A label short enough for the chart's label column: the first issuer and
/// the title (many titles start alike), cut to 20 characters.
fn short(issuer: Option<&str>, title: &str) -> String {
    let full = match issuer {
        Some(i) if !title.starts_with(i) => format!("{i}：{title}"),
        _ => title.to_string(),
    };
    if full.chars().count() <= 20 {
        full
    } else {
        format!("{}…", full.chars().take(19).collect::<String>())
    }
}

#[component]
pub fn TimelineView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let corpus = use_context::<CorpusHandle>();
    let copy = use_context::<MyCopyContext>().and_then(|c| c.copy);
    use_effect_with(lang, |lang| {
        dom::set_title(lang.diffusion_strings().page_title_timeline);
        dom::mark_ready("timeline");
    });
    let docs: Rc<Vec<Document>> = use_memo((corpus.clone(), copy.clone()), |(corpus, copy)| {
        let mut docs: Vec<Document> = corpus
            .as_ref()
            .map(|c| c.documents.clone())
            .unwrap_or_default();
        docs.extend(copy.as_ref().map(|c| (*c.doc).clone()));
        docs
    });
    let t = use_memo(docs.clone(), |docs| timeline(docs, TextChoice::Reading));
    let strings = lang.diffusion_strings();
    let title_of = |id: &str| -> String {
        docs.iter()
            .find(|d| d.id == id)
            .map_or_else(|| id.to_string(), |d| d.title.clone())
    };
    let issuer_of = |id: &str| -> Option<String> {
        docs.iter()
            .find(|d| d.id == id)
            .and_then(|d| d.issuers.first().cloned())
    };
    let (xs, ticks) = layout(&t);
    let row_y = |i: usize| TOP + ROW * i as f64 + ROW / 2.0;
    let pos = |id: &str| -> Option<(f64, f64)> {
        let i = t.docs.iter().position(|d| d.id == id)?;
        Some((xs[i].unwrap_or(UNKNOWN_X), row_y(i)))
    };
    let height = TOP + ROW * t.docs.len() as f64 + 16.0;
    let is_corpus = |id: &str| corpus.as_ref().is_some_and(|c| c.document(id).is_some());
    let doc_link = |id: &str| -> Html {
        if is_corpus(id) {
            html! { <a href={Route::Document { id: id.to_string() }.href()} lang={CORPUS_LANG}>{ title_of(id) }</a> }
        } else {
            html! { <span lang={CORPUS_LANG}>{ title_of(id) }</span> }
        }
    };
    html! {
        <section id="timeline-view" class="timeline-view" aria-labelledby="timeline-heading"
            data-docs={t.docs.len().to_string()} data-edges={t.edges.len().to_string()}>
            <h1 id="timeline-heading" class="page-heading">{ strings.timeline_heading }</h1>
            <p class="timeline-view__intro">{ strings.timeline_intro }</p>
            <figure class="timeline-chart">
                <svg class="timeline-chart__svg" data-testid="timeline-chart" viewBox={format!("0 0 {WIDTH} {height}")}
                    width="100%" role="img" aria-label={strings.timeline_chart_label}>
                    <title>{ strings.timeline_chart_label }</title>
                    // A white ground of its own: fixed ink keeps its contrast
                    // in a dark colour scheme and on paper.
                    <rect x="0" y="0" width={format!("{WIDTH}")} height={format!("{height:.1}")} fill="#fff" />
                    <defs>
                        <marker id="timeline-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z" fill="#9b1c1c" />
                        </marker>
                    </defs>
                    { for ticks.iter().map(|(year, x)| html! {
                        <g class="timeline-chart__tick">
                            <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{}", TOP - 6.0)} y2={format!("{:.1}", height - 12.0)} stroke="#ddd" />
                            <text x={format!("{x:.1}")} y="18" font-size="11" text-anchor="middle" fill="#444">{ year.to_string() }</text>
                        </g>
                    }) }
                    <line x1={format!("{SEPARATOR_X}")} x2={format!("{SEPARATOR_X}")} y1="8" y2={format!("{:.1}", height - 12.0)} stroke="#999" stroke-dasharray="4 3" />
                    <text x={format!("{UNKNOWN_X}")} y="18" font-size="11" text-anchor="middle" fill="#444" data-testid="timeline-unknown-axis">{ strings.timeline_axis_unknown }</text>
                    { for t.docs.iter().enumerate().map(|(i, d)| {
                        let y = row_y(i);
                        let x = xs[i].unwrap_or(UNKNOWN_X);
                        let known = xs[i].is_some();
                        html! {
                            <g class="timeline-chart__doc" data-doc-id={d.id.clone()}
                                data-date={d.date.clone().unwrap_or_else(|| "unknown".into())}>
                                <line x1={format!("{LABEL_W}")} x2={format!("{x:.1}")} y1={format!("{y:.1}")} y2={format!("{y:.1}")} stroke="#eee" />
                                <text x="0" y={format!("{:.1}", y + 4.0)} font-size="12" fill="#1c1c1e" lang={CORPUS_LANG}>{ short(issuer_of(&d.id).as_deref(), &title_of(&d.id)) }</text>
                                <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="6"
                                    fill={if known { "#0a4f9e" } else { "#fff" }} stroke="#0a4f9e" stroke-width="2"
                                    stroke-dasharray={(!known).then_some("2 2")} />
                                if let Some(date) = &d.date {
                                    <text x={format!("{:.1}", x + 9.0)} y={format!("{:.1}", y - 8.0)} font-size="10" fill="#55555c">
                                        { date.clone() }
                                    </text>
                                }
                            </g>
                        }
                    }) }
                    { for t.edges.iter().filter_map(|e| {
                        let (x1, y1) = pos(&e.from)?;
                        let (x2, y2) = pos(&e.to)?;
                        // A curve bowing right of both markers, so arrows between
                        // rows never run over the labels.
                        let bow = (x1.max(x2) + 30.0 + (y1 - y2).abs() * 0.15).min(WIDTH - 4.0);
                        let d = format!("M {x1:.1} {:.1} C {bow:.1} {y1:.1}, {bow:.1} {y2:.1}, {:.1} {y2:.1}",
                            y1, x2 + 8.0);
                        Some(html! {
                            <path class="timeline-chart__edge" data-from={e.from.clone()} data-to={e.to.clone()} {d}
                                fill="none" stroke="#9b1c1c" stroke-width="1.5" marker-end="url(#timeline-arrow)" />
                        })
                    }) }
                </svg>
            </figure>
            <h2>{ strings.timeline_docs_heading }</h2>
            <ol class="timeline-list" data-testid="timeline-list">
                { for t.docs.iter().map(|d| html! {
                    <li data-doc-id={d.id.clone()}>
                        <span class={classes!("timeline-list__date", d.date.is_none().then_some("metadata-unknown"))}>
                            { d.date.clone().unwrap_or_else(|| strings.date_unknown.to_string()) }
                        </span>
                        { " " }{ doc_link(&d.id) }
                    </li>
                }) }
            </ol>
            <h2>{ strings.timeline_cites_heading }</h2>
            <ul class="timeline-edges" data-testid="timeline-edges">
                if t.edges.is_empty() { <li>{ strings.timeline_none }</li> }
                { for t.edges.iter().map(|e| {
                    let units = e.units.join(strings.list_separator);
                    html! {
                        <li data-from={e.from.clone()} data-to={e.to.clone()}>
                            { doc_link(&e.from) }{ " → " }{ doc_link(&e.to) }
                            { " (" }
                            { for e.units.iter().enumerate().map(|(k, u)| html! {
                                <>
                                    if k > 0 { { strings.list_separator } }
                                    if is_corpus(&e.from) {
                                        <a href={Route::Unit { id: e.from.clone(), path: u.clone() }.href()}>{ format!("§\u{a0}{u}") }</a>
                                    } else {
                                        { format!("§\u{a0}{u}") }
                                    }
                                </>
                            }) }
                            { ")" }
                            <span class="visually-hidden">
                                { fill(strings.timeline_edge, &[("from", &title_of(&e.from)), ("to", &title_of(&e.to)), ("units", &units)]) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if !t.unresolved.is_empty() {
                <h2>{ strings.timeline_unresolved_heading }</h2>
                <ul class="timeline-unresolved">
                    { for t.unresolved.iter().flat_map(|(from, cites)| cites.iter().map(move |c| (from.clone(), c.clone()))).map(|(from, c)| html! {
                        <li>
                            { doc_link(&from) }{ format!(" §\u{a0}{}: ", c.unit) }
                            <span lang={CORPUS_LANG}>{ citation_text(&c) }</span>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_core::diffusion::citations::TimelineDoc;

    fn doc(id: &str, date: Option<&str>) -> TimelineDoc {
        TimelineDoc {
            id: id.into(),
            date: date.map(String::from),
        }
    }

    #[test]
    fn unknown_dates_get_no_position_and_known_ones_keep_their_order() {
        let t = Timeline {
            docs: vec![
                doc("a", Some("2016-08-16")),
                doc("b", Some("2018-11-18")),
                doc("c", None),
            ],
            edges: Vec::new(),
            unresolved: Vec::new(),
        };
        let (xs, ticks) = layout(&t);
        assert!(xs[0].unwrap() < xs[1].unwrap());
        assert_eq!(xs[2], None);
        assert_eq!(ticks.first().map(|t| t.0), Some(2016));
        assert_eq!(ticks.last().map(|t| t.0), Some(2019));
    }

    #[test]
    fn many_years_keep_about_ten_ticks() {
        let t = Timeline {
            docs: (0..40)
                .map(|k| doc(&k.to_string(), Some(&format!("{}-01-01", 1980 + k))))
                .collect(),
            edges: Vec::new(),
            unresolved: Vec::new(),
        };
        let (_, ticks) = layout(&t);
        assert!(ticks.len() <= 11, "{}", ticks.len());
    }

    #[test]
    fn labels_name_the_issuer_and_stay_short() {
        assert_eq!(
            short(
                Some("中共中央"),
                "关于建立更加有效的区域协调发展新机制的意见"
            ),
            "中共中央：关于建立更加有效的区域协调发…"
        );
        assert_eq!(short(None, "短标题"), "短标题");
        assert_eq!(short(Some("四川省"), "四川省实施方案"), "四川省实施方案");
    }
}
