//! What the search screen has to tell the user about the request itself:
//! URL parameters that were ignored (malformed or hostile), filter values
//! this corpus does not know, and why a search found nothing. Everything is
//! rendered as text nodes; the offending values are shown, never executed.

use policy_core::search::{FilterKind, NoResults, Notice, UrlNotice};
use yew::prelude::*;

use crate::i18n::{fill, Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct SearchNoticesProps {
    pub lang: Lang,
    pub url_notices: Vec<UrlNotice>,
    pub filter_notices: Vec<Notice>,
}

/// Ignored URL parameters and filter values, in a polite live region.
#[component]
pub fn SearchNotices(props: &SearchNoticesProps) -> Html {
    let strings = props.lang.strings();
    if props.url_notices.is_empty() && props.filter_notices.is_empty() {
        return html! {};
    }
    let url = props.url_notices.iter().map(|n| {
        fill(
            strings.search_notice_url,
            &[("param", &n.param), ("message", &n.message)],
        )
    });
    let filter = props.filter_notices.iter().map(|n| {
        fill(
            strings.search_notice_filter,
            &[
                ("value", &n.value),
                ("param", &n.param),
                ("message", &n.message),
            ],
        )
    });
    html! {
        <ul class="search-notices" aria-label={strings.search_notices_label}>
            { for url.chain(filter).map(|text| html! {
                <li class="search-notice" data-testid="search-notice" role="status">{ text }</li>
            }) }
        </ul>
    }
}

/// The name of a filter dimension as the facet panel shows it.
pub fn filter_name(strings: &Strings, kind: FilterKind) -> &'static str {
    match kind {
        FilterKind::Region => strings.facet_region,
        FilterKind::Mechanism => strings.facet_mechanism,
        FilterKind::Doc => strings.facet_doc,
        FilterKind::Level => strings.facet_level,
        FilterKind::Year => strings.facet_year,
    }
}

/// The engine's "no results" diagnosis in the interface language: whether
/// the query alone finds nothing, or which filter emptied the list, with
/// what each active filter alone would keep.
pub fn no_results_lines(strings: &Strings, query: &str, diagnosis: &NoResults) -> Vec<String> {
    let mut lines = Vec::new();
    let count = diagnosis.query_alone.to_string();
    match diagnosis.emptied_by {
        _ if diagnosis.query_alone == 0 => {
            lines.push(fill(strings.search_no_match, &[("query", query)]));
        }
        Some(kind) => {
            let alone = diagnosis
                .with_each_filter
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(0, |(_, n)| *n);
            let template = if alone == 0 {
                strings.search_emptied_alone
            } else {
                strings.search_emptied_combined
            };
            lines.push(fill(
                template,
                &[("count", &count), ("filter", filter_name(strings, kind))],
            ));
            for (kind, n) in &diagnosis.with_each_filter {
                lines.push(fill(
                    strings.search_each_filter,
                    &[
                        ("filter", filter_name(strings, *kind)),
                        ("count", &n.to_string()),
                    ],
                ));
            }
        }
        None => lines.push(strings.search_no_results.to_string()),
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn the_diagnosis_names_the_filter_that_emptied_the_list() {
        let diagnosis = NoResults {
            query_alone: 7,
            with_each_filter: vec![(FilterKind::Region, 3), (FilterKind::Year, 0)],
            emptied_by: Some(FilterKind::Year),
            message: String::new(),
        };
        let lines = no_results_lines(&EN, "补偿", &diagnosis);
        assert_eq!(
            lines[0],
            "The query matches 7 units, but none of them passes the “Year” filter."
        );
        assert_eq!(lines[1], "Region alone: 3");
        let nothing = NoResults {
            query_alone: 0,
            with_each_filter: vec![],
            emptied_by: None,
            message: String::new(),
        };
        assert_eq!(
            no_results_lines(&EN, "<b>x</b>", &nothing),
            ["No unit matches “<b>x</b>”."]
        );
    }
}
