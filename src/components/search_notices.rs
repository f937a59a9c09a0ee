//! What the search screen has to tell the user about the request itself:
//! URL parameters that were ignored (malformed or hostile), filter values
//! this corpus does not know, and why a search found nothing. The codec and
//! the engine return kinds; `i18n` words them. Everything is rendered as
//! text nodes; the offending values are shown, never executed.

use policy_core::search::{FilterNotice, NoResults, NoResultsCause};
use yew::prelude::*;

use crate::i18n::{fill, Lang, SearchStrings};
use crate::url::search::UrlNotice;

#[derive(Properties, PartialEq)]
pub struct SearchNoticesProps {
    pub lang: Lang,
    pub url_notices: Vec<UrlNotice>,
    pub filter_notices: Vec<FilterNotice>,
    /// The search box's text had characters the query cannot carry.
    #[prop_or_default]
    pub typed_left_out: bool,
    /// The query as typed, when it has no word to search for.
    #[prop_or_default]
    pub no_terms: Option<AttrValue>,
}

/// Ignored URL parameters and filter values, what the search box left out
/// and a query with nothing to search for, in a polite live region.
#[component]
pub fn SearchNotices(props: &SearchNoticesProps) -> Html {
    let search_strings = props.lang.search_strings();
    // Each notice says where it comes from (`data-source`): the address,
    // the search box, the query, or a filter value.
    let url = props
        .url_notices
        .iter()
        .map(|n| ("address", search_strings.url_notice(n)));
    let typed = props
        .typed_left_out
        .then(|| ("box", search_strings.typed_left_out.to_string()));
    let no_terms = props.no_terms.as_ref().map(|query| {
        (
            "query",
            fill(search_strings.query_has_no_terms, &[("query", query)]),
        )
    });
    let filter = props
        .filter_notices
        .iter()
        .map(|n| ("filter", search_strings.filter_notice(n)));
    let notices: Vec<(&str, String)> = url.chain(typed).chain(no_terms).chain(filter).collect();
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <ul class="search-notices" aria-label={search_strings.search_notices_label}>
            { for notices.into_iter().map(|(source, text)| html! {
                <li class="search-notice" data-testid="search-notice" data-source={source} role="status">{ text }</li>
            }) }
        </ul>
    }
}

/// The engine's "no results" diagnosis in the interface language: whether
/// the query alone finds nothing, or which filter emptied the list, with
/// what each active filter alone would keep.
pub fn no_results_lines(
    search_strings: &SearchStrings,
    query: &str,
    diagnosis: &NoResults,
) -> Vec<String> {
    let (template, query_alone, filter) = match diagnosis.cause() {
        NoResultsCause::QueryMatchesNothing => {
            return vec![fill(search_strings.search_no_match, &[("query", query)])];
        }
        NoResultsCause::FilterExcludesAll {
            query_alone,
            filter,
        } => (search_strings.search_emptied_alone, query_alone, filter),
        NoResultsCause::FiltersCombinedExcludeAll {
            query_alone,
            filter,
        } => (search_strings.search_emptied_combined, query_alone, filter),
    };
    let mut lines = vec![fill(
        template,
        &[
            ("count", &query_alone.to_string()),
            ("filter", search_strings.filter_name(filter)),
        ],
    )];
    for (kind, n) in &diagnosis.with_each_filter {
        lines.push(fill(
            search_strings.search_each_filter,
            &[
                ("filter", search_strings.filter_name(*kind)),
                ("count", &n.to_string()),
            ],
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::search::{SEARCH_EN as EN, SEARCH_ZH as ZH};
    use crate::url::query_string::DecodeError;
    use crate::url::search::UrlProblem;
    use policy_core::search::FilterKind;

    #[test]
    fn the_diagnosis_names_the_filter_that_emptied_the_list() {
        let diagnosis = NoResults {
            query_alone: 7,
            with_each_filter: vec![(FilterKind::Region, 3), (FilterKind::Year, 0)],
            emptied_by: Some(FilterKind::Year),
        };
        let lines = no_results_lines(&EN, "补偿", &diagnosis);
        assert_eq!(
            lines[0],
            "The query matches 7 units, but none of them passes the “Year” filter."
        );
        assert_eq!(lines[1], "Region alone: 3");
        assert_eq!(
            no_results_lines(&ZH, "补偿", &diagnosis)[0],
            "检索词匹配 7 个条目，但没有一个符合“年份”筛选条件。"
        );
        let nothing = NoResults {
            query_alone: 0,
            with_each_filter: vec![],
            emptied_by: None,
        };
        assert_eq!(
            no_results_lines(&EN, "<b>x</b>", &nothing),
            ["No unit matches “<b>x</b>”."]
        );
    }

    #[test]
    fn notices_are_worded_in_the_interface_language() {
        let broken = UrlNotice {
            param: "q".into(),
            problem: UrlProblem::BadValue(DecodeError::BadEscape),
        };
        assert_eq!(
            ZH.url_notice(&broken),
            "已忽略地址中的参数“q”：取值含有无效的 % 转义。"
        );
        assert_eq!(
            EN.url_notice(&broken),
            "Ignored the address parameter “q”: the value has a broken % escape."
        );
        let unknown = FilterNotice {
            filter: FilterKind::Region,
            value: "atlantis".into(),
        };
        assert_eq!(
            ZH.filter_notice(&unknown),
            "已忽略地区筛选值“atlantis”：语料中没有这个地区。"
        );
    }
}
