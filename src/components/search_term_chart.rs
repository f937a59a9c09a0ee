//! The term-frequency chart of the current results: for each document (or
//! each mechanism) among the hits, its most frequent words as horizontal
//! bars in one inline SVG. Sizes are SVG attributes and colours CSS classes
//! (no `style=`: the app must run under `style-src 'self'`).

use policy_core::model::Mechanism;
use policy_core::search::{TermFrequencies, TermGroup};
use yew::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::i18n::{fill, Lang, CORPUS_LANG};

/// Chart geometry, in SVG user units.
const WIDTH: u32 = 360;
const LABEL_WIDTH: u32 = 96;
const BAR_MAX: u32 = 210;
const ROW: u32 = 18;
const BAR_HEIGHT: u32 = 12;
const GROUP_GAP: u32 = 10;

#[derive(Properties, PartialEq)]
pub struct SearchTermChartProps {
    pub lang: Lang,
    pub corpus: CorpusHandle,
    pub frequencies: TermFrequencies,
}

#[derive(Clone, Copy, PartialEq)]
enum GroupBy {
    Doc,
    Mechanism,
}

#[component]
pub fn SearchTermChart(props: &SearchTermChartProps) -> Html {
    let strings = props.lang.search_strings();
    let group_by = use_state(|| GroupBy::Doc);
    let english = props.lang == Lang::En;
    let groups: Vec<(String, &TermGroup)> = match *group_by {
        GroupBy::Doc => props
            .frequencies
            .by_doc
            .iter()
            .map(|g| (g.label.clone(), g))
            .collect(),
        GroupBy::Mechanism => props
            .frequencies
            .by_mechanism
            .iter()
            .map(|g| {
                let name = Mechanism::parse(&g.key).map_or_else(
                    || g.label.clone(),
                    |m| props.corpus.mechanism_name(m, english),
                );
                (name, g)
            })
            .collect(),
    };
    let tab = |mode: GroupBy, text: &'static str, id: &'static str| {
        let state = group_by.clone();
        let pressed = *group_by == mode;
        html! {
            <button type="button" id={id} class="term-chart__mode"
                aria-pressed={if pressed { "true" } else { "false" }}
                onclick={Callback::from(move |_: MouseEvent| state.set(mode))}>
                { text }
            </button>
        }
    };
    html! {
        <section id="term-chart" class="term-chart" aria-labelledby="term-chart-heading">
            <h2 id="term-chart-heading" class="term-chart__heading">{ strings.terms_heading }</h2>
            <div class="term-chart__modes" role="group" aria-label={strings.terms_heading}>
                { tab(GroupBy::Doc, strings.terms_by_doc, "term-chart-by-doc") }
                { tab(GroupBy::Mechanism, strings.terms_by_mechanism, "term-chart-by-mechanism") }
            </div>
            if groups.iter().all(|(_, g)| g.terms.is_empty()) {
                <p class="term-chart__empty">{ strings.terms_none }</p>
            } else {
                { chart(props.lang, &groups) }
            }
        </section>
    }
}

/// One SVG: per group a label row, then one bar per term scaled to the
/// group's most frequent term.
fn chart(lang: Lang, groups: &[(String, &TermGroup)]) -> Html {
    let strings = lang.search_strings();
    let mut y = 0;
    let mut nodes = Vec::new();
    for (label, group) in groups.iter().filter(|(_, g)| !g.terms.is_empty()) {
        nodes.push(html! {
            <text class="term-chart__group" x="0" y={(y + 13).to_string()}>{ label.clone() }</text>
        });
        y += ROW;
        let max = group
            .terms
            .iter()
            .map(|t| t.count)
            .max()
            .unwrap_or(1)
            .max(1);
        for term in &group.terms {
            let width = ((term.count * BAR_MAX as usize) / max).max(2);
            let description = fill(
                strings.terms_bar,
                &[("term", &term.term), ("count", &term.count.to_string())],
            );
            nodes.push(html! {
                <g class="term-chart__row">
                    <title>{ description }</title>
                    <text class="term-chart__term" x={(LABEL_WIDTH - 6).to_string()} y={(y + 11).to_string()} text-anchor="end">{ term.term.clone() }</text>
                    <rect class="term-chart__bar" x={LABEL_WIDTH.to_string()} y={(y + 1).to_string()}
                        width={width.to_string()} height={BAR_HEIGHT.to_string()} rx="2" />
                    <text class="term-chart__count" x={(LABEL_WIDTH + width as u32 + 4).to_string()} y={(y + 11).to_string()}>{ term.count }</text>
                </g>
            });
            y += ROW;
        }
        y += GROUP_GAP;
    }
    let height = y.max(ROW);
    html! {
        <svg class="term-chart__svg" xmlns="http://www.w3.org/2000/svg"
            viewBox={format!("0 0 {WIDTH} {height}")}
            width={WIDTH.to_string()} height={height.to_string()}
            role="img" aria-label={strings.terms_chart_label} lang={CORPUS_LANG}>
            { for nodes }
        </svg>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use policy_core::search::TermCount;

    #[derive(Properties, PartialEq)]
    struct Harness {
        frequencies: TermFrequencies,
    }

    #[component]
    fn ChartHarness(props: &Harness) -> Html {
        let corpus = CorpusHandle::new(crate::test_fixtures::fixture_corpus());
        html! { <SearchTermChart lang={Lang::En} {corpus} frequencies={props.frequencies.clone()} /> }
    }

    #[test]
    fn bars_scale_to_the_groups_top_term_without_inline_styles() {
        let frequencies = TermFrequencies {
            by_doc: vec![TermGroup {
                key: "d".into(),
                label: "<b>标题</b>".into(),
                terms: vec![
                    TermCount {
                        term: "补偿".into(),
                        count: 10,
                    },
                    TermCount {
                        term: "生态".into(),
                        count: 5,
                    },
                ],
            }],
            by_mechanism: vec![],
        };
        let renderer =
            yew::ServerRenderer::<ChartHarness>::with_props(move || Harness { frequencies })
                .hydratable(false);
        let html = futures::executor::block_on(renderer.render());
        assert!(html.contains("<svg"), "{html}");
        assert!(html.contains(&format!("width=\"{BAR_MAX}\"")), "{html}");
        assert!(
            html.contains(&format!("width=\"{}\"", BAR_MAX / 2)),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;标题&lt;/b&gt;"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }
}
