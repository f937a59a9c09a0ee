//! The term-frequency chart of the current results: for each document (or
//! each mechanism) among the hits, its most frequent words as horizontal
//! bars. Words and counts are HTML text, so they follow the page's type
//! size (readable on a projector, larger in presentation mode) and wrap;
//! each bar is a small SVG whose length is an attribute and whose colour a
//! CSS class (no `style=`: the app must run under `style-src 'self'`).

use policy_core::model::Mechanism;
use policy_core::search::{TermFrequencies, TermGroup};
use yew::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::i18n::{fill, Lang, CORPUS_LANG};

/// A bar's length at the group's most frequent term, and its height, in
/// SVG user units (the SVG is stretched to the row).
const BAR_MAX: u32 = 210;
const BAR_HEIGHT: u32 = 12;

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

/// Per group its label, then one row per term: the word and its count as
/// text (sized by the stylesheet, so they stay readable on a projector and
/// wrap instead of overflowing), between them a bar scaled to the group's
/// most frequent term. The bar is an SVG rectangle sized by attribute (no
/// `style=`) and stretched to the row's free width.
fn chart(lang: Lang, groups: &[(String, &TermGroup)]) -> Html {
    let strings = lang.search_strings();
    let groups = groups.iter().filter(|(_, g)| !g.terms.is_empty()).map(|(label, group)| {
        let max = group
            .terms
            .iter()
            .map(|t| t.count)
            .max()
            .unwrap_or(1)
            .max(1);
        html! {
            <li class="term-chart__group-item">
                <p class="term-chart__group">{ label.clone() }</p>
                <ol class="term-chart__rows">
                    { for group.terms.iter().map(|term| {
                        let width = ((term.count * BAR_MAX as usize) / max).max(2);
                        let description = fill(
                            strings.terms_bar,
                            &[("term", &term.term), ("count", &term.count.to_string())],
                        );
                        html! {
                            <li class="term-chart__row" title={description}>
                                <span class="term-chart__term">{ term.term.clone() }</span>
                                <svg class="term-chart__bar-box" xmlns="http://www.w3.org/2000/svg"
                                    viewBox={format!("0 0 {BAR_MAX} {BAR_HEIGHT}")} preserveAspectRatio="none"
                                    aria-hidden="true" focusable="false">
                                    <rect class="term-chart__bar" x="0" y="0"
                                        width={width.to_string()} height={BAR_HEIGHT.to_string()} />
                                </svg>
                                <span class="term-chart__count">{ term.count }</span>
                            </li>
                        }
                    }) }
                </ol>
            </li>
        }
    });
    html! {
        <ul class="term-chart__groups" aria-label={strings.terms_chart_label} lang={CORPUS_LANG}>
            { for groups }
        </ul>
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
        assert!(html.contains("class=\"term-chart__term\""), "{html}");
        assert!(html.contains(&format!("width=\"{BAR_MAX}\"")), "{html}");
        assert!(
            html.contains(&format!("width=\"{}\"", BAR_MAX / 2)),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;标题&lt;/b&gt;"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }
}
