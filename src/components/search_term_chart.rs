//! The term-frequency chart of the current results: for each document (or
//! each mechanism) among the hits, its most frequent words as horizontal
//! bars. Words and counts are HTML text, so they follow the page's type
//! size (readable on a projector, larger in presentation mode) and wrap;
//! each bar is a small SVG whose length is an attribute and whose colour a
//! CSS class (no `style=`: the app must run under `style-src 'self'`).
//!
//! A large library's results touch hundreds of documents: the chart shows
//! [`GROUPS_PAGE`] groups and grows on request, so that showing the results
//! never means building (and laying out) thousands of bars at once.

use std::rc::Rc;

use policy_core::model::Mechanism;
use policy_core::search::{TermFrequencies, TermGroup};
use yew::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::i18n::{fill, Lang, CORPUS_LANG};

/// A bar's length at the group's most frequent term, and its height, in
/// SVG user units (the SVG is stretched to the row).
const BAR_MAX: u32 = 210;
const BAR_HEIGHT: u32 = 12;
/// Groups shown at first, and added by "show more".
pub const GROUPS_PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct SearchTermChartProps {
    pub lang: Lang,
    pub corpus: CorpusHandle,
    /// The counts of the results shown, or of earlier results while the
    /// current ones are counted (`busy`); `None` before any were counted.
    pub frequencies: Option<Rc<TermFrequencies>>,
    #[prop_or_default]
    pub busy: bool,
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
    let limit = use_state_eq(|| GROUPS_PAGE);
    {
        let limit = limit.clone();
        use_effect_with((props.frequencies.clone(), *group_by), move |_| {
            limit.set(GROUPS_PAGE)
        });
    }
    let english = props.lang == Lang::En;
    let Some(frequencies) = props.frequencies.as_deref() else {
        return html! {
            <section id="term-chart" class="term-chart" aria-labelledby="term-chart-heading" aria-busy="true">
                <h2 id="term-chart-heading" class="term-chart__heading">{ strings.terms_heading }</h2>
                <p class="term-chart__empty" role="status">{ strings.terms_counting }</p>
            </section>
        };
    };
    let groups: Vec<(String, &TermGroup)> = match *group_by {
        GroupBy::Doc => frequencies
            .by_doc
            .iter()
            .map(|g| (g.label.clone(), g))
            .collect(),
        GroupBy::Mechanism => frequencies
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
    let groups: Vec<(String, &TermGroup)> = groups
        .into_iter()
        .filter(|(_, g)| !g.terms.is_empty())
        .collect();
    let hidden = groups.len().saturating_sub(*limit);
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + GROUPS_PAGE))
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
        <section id="term-chart" class="term-chart" aria-labelledby="term-chart-heading"
            aria-busy={props.busy.then_some("true")}>
            <h2 id="term-chart-heading" class="term-chart__heading">{ strings.terms_heading }</h2>
            <div class="term-chart__modes" role="group" aria-label={strings.terms_heading}>
                { tab(GroupBy::Doc, strings.terms_by_doc, "term-chart-by-doc") }
                { tab(GroupBy::Mechanism, strings.terms_by_mechanism, "term-chart-by-mechanism") }
            </div>
            if groups.is_empty() {
                <p class="term-chart__empty">{ strings.terms_none }</p>
            } else {
                { chart(props.lang, &groups[..groups.len() - hidden]) }
            }
            if hidden > 0 {
                <p class="term-chart__more">
                    <button type="button" id="term-chart-more" onclick={on_more}>
                        { fill(strings.terms_show_more, &[("count", &hidden.min(GROUPS_PAGE).to_string())]) }
                    </button>
                </p>
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
    let groups = groups.iter().map(|(label, group)| {
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
        let frequencies = Some(Rc::new(props.frequencies.clone()));
        html! { <SearchTermChart lang={Lang::En} {corpus} {frequencies} /> }
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

    #[test]
    fn a_long_chart_shows_one_page_of_groups_and_offers_the_rest() {
        let group = |n: usize| TermGroup {
            key: format!("d{n}"),
            label: format!("文件{n}"),
            terms: vec![TermCount {
                term: "协调".into(),
                count: n + 1,
            }],
        };
        let frequencies = TermFrequencies {
            by_doc: (0..GROUPS_PAGE + 5).map(group).collect(),
            by_mechanism: vec![],
        };
        let renderer =
            yew::ServerRenderer::<ChartHarness>::with_props(move || Harness { frequencies })
                .hydratable(false);
        let html = futures::executor::block_on(renderer.render());
        assert_eq!(
            html.matches("class=\"term-chart__group-item\"").count(),
            GROUPS_PAGE,
            "{html}"
        );
        assert!(html.contains("id=\"term-chart-more\""), "{html}");
        assert!(html.contains("Show 5 more groups"), "{html}");
    }
}
