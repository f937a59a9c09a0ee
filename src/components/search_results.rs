//! The result list: total count (a polite live region), then the hits
//! grouped by document, each a KWIC line with its unit number and heading,
//! how it met a region filter (issued by / mentions), and a link that opens
//! the unit in the reader with the query's terms marked there.

use std::rc::Rc;

use policy_core::search::{Hit, RestorationFlag, SearchResults};
use yew::prelude::*;

use crate::components::search_kwic_line::SearchKwicLine;
use crate::corpus_data::{CorpusHandle, SearchEngineHandle};
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;
use crate::url::query_string::encode_component;

/// The context windows offered, in characters either side of the match.
pub const WINDOWS: [usize; 3] = [10, 20, 40];

/// The reader link of a hit: the unit permalink plus `?hl=` with the query,
/// so the reader can mark the same terms inside that unit.
pub fn hit_href(doc: &str, path: &str, query: &str) -> String {
    let base = Route::Unit {
        id: doc.to_string(),
        path: path.to_string(),
    }
    .href();
    if query.trim().is_empty() {
        base
    } else {
        format!("{base}?hl={}", encode_component(query.trim()))
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchResultsProps {
    pub lang: Lang,
    pub corpus: CorpusHandle,
    pub engine: SearchEngineHandle,
    pub results: Rc<SearchResults>,
    /// The query as in the URL (for the reader links).
    pub query: AttrValue,
    pub window: usize,
    pub on_window: Callback<usize>,
    /// How many hits to render (long lists grow on request).
    pub limit: usize,
    /// How many of those to render now (the first paint of a large result
    /// set); the "showing … of …" line still counts `limit`.
    #[prop_or(usize::MAX)]
    pub render_hits: usize,
    pub on_show_more: Callback<()>,
}

#[component]
pub fn SearchResultsList(props: &SearchResultsProps) -> Html {
    let strings = props.lang.search_strings();
    let results = &props.results;
    let total = fill(
        strings.search_total,
        &[
            ("count", &results.total.to_string()),
            ("docs", &results.groups.len().to_string()),
        ],
    );
    let on_window = {
        let cb = props.on_window.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = select.value().parse::<usize>() {
                cb.emit(n);
            }
        })
    };
    let on_more = {
        let cb = props.on_show_more.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    // Hits are rendered group by group, in the engine's order, until the
    // limit is reached.
    let mut budget = props.limit.min(props.render_hits);
    let groups = results.groups.iter().filter_map(|group| {
        if budget == 0 {
            return None;
        }
        let shown: Vec<&Hit> = group
            .hits
            .iter()
            .take(budget)
            .filter_map(|&i| results.hits.get(i))
            .collect();
        budget -= shown.len();
        Some(html! {
            <li key={group.doc.clone()} class="result-group" data-group-doc={group.doc.clone()}>
                // h2: the next level under the page's h1 (axe heading-order).
                <h2 class="result-group__title" lang={CORPUS_LANG}>
                    <a href={Route::Document { id: group.doc.clone() }.href()}>{ group.title.clone() }</a>
                    <span class="result-group__count">{ group.hits.len() }</span>
                </h2>
                <ol class="result-group__hits">
                    { for shown.into_iter().map(|hit| hit_item(props, hit)) }
                </ol>
            </li>
        })
    });
    let shown = results.total.min(props.limit);
    html! {
        <section id="search-results" class="search-results" aria-labelledby="search-total">
            <div class="search-results__bar">
                <p id="search-total" class="search-results__total" aria-live="polite" aria-atomic="true">{ total }</p>
                <label class="search-results__window">
                    { strings.search_context_label }
                    <select id="search-window" onchange={on_window}>
                        { for WINDOWS.iter().map(|&n| html! {
                            <option value={n.to_string()} selected={n == props.window}>{ n }</option>
                        }) }
                    </select>
                </label>
            </div>
            <ol class="result-groups">{ for groups }</ol>
            if shown < results.total {
                <p class="search-results__more">
                    { fill(strings.search_showing, &[("shown", &shown.to_string()), ("total", &results.total.to_string())]) }
                    { " " }
                    <button type="button" id="search-show-more" onclick={on_more}>
                        { fill(strings.search_show_more, &[("count", &(results.total - shown).min(props.limit.max(1)).to_string())]) }
                    </button>
                </p>
            }
        </section>
    }
}

fn hit_item(props: &SearchResultsProps, hit: &Hit) -> Html {
    let strings = props.lang.search_strings();
    let english = props.lang == Lang::En;
    let snippet = props.engine.engine.snippet(hit, props.window);
    let href = hit_href(&hit.doc, &hit.path, &props.query);
    let label = fill(strings.search_open_unit, &[("path", &hit.path)]);
    let badges = hit.region_matches.iter().flat_map(|m| {
        let name = props.corpus.region_name(&m.region, english);
        let mut out = Vec::new();
        if m.issued_by {
            out.push((
                "issued-by",
                fill(strings.search_region_issued_by, &[("name", &name)]),
            ));
        }
        if m.mentions {
            out.push((
                "mentions",
                fill(strings.search_region_mentions, &[("name", &name)]),
            ));
        }
        out
    });
    let restoration = props.engine.engine.unit(hit).and_then(|u| u.restoration);
    let restoration_strings = props.lang.restoration_strings();
    html! {
        <li class="hit" data-hit-doc={hit.doc.clone()} data-hit-path={hit.path.clone()}
            data-restoration={restoration.map(|r| r.id())}>
            <p class="hit__head">
                // `title`, not aria-label: the link's name must contain the
                // text it shows (axe label-content-name-mismatch).
                <a class="hit__link" {href} title={label}>
                    <span class="hit__path">{ "§\u{a0}" }{ hit.path.clone() }</span>
                    if let Some(heading) = hit.heading.as_ref().filter(|h| !h.trim().is_empty()) {
                        { " " }<span class="hit__heading" lang={CORPUS_LANG}>{ heading.clone() }</span>
                    }
                </a>
                { for badges.map(|(kind, text)| html! {
                    <span class={classes!("hit__region", format!("hit__region--{kind}"))} data-region-match={kind}>{ text }</span>
                }) }
                if let Some(flag) = restoration {
                    <span class={classes!("hit__restored", format!("hit__restored--{}", flag.id()))}
                        title={restoration_strings.search_flag_title}>
                        { match flag {
                            RestorationFlag::Restored => restoration_strings.search_flag,
                            RestorationFlag::Doubtful => restoration_strings.search_flag_doubtful,
                        } }
                    </span>
                }
            </p>
            <SearchKwicLine {snippet} />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_links_carry_the_query_encoded() {
        assert_eq!(hit_href("sichuan", "6.21", ""), "#/doc/sichuan/6.21");
        let href = hit_href("sichuan", "6.21", " 生态 <x> ");
        assert!(
            href.starts_with("#/doc/sichuan/6.21?hl=%E7%94%9F"),
            "{href}"
        );
        assert!(!href.contains(['<', '>', ' ']), "{href}");
    }
}
