//! The search screen: query box, facets, results, KWIC, export, the term
//! chart, and every notice a search address or filter value can raise.

use policy_core::search::{FilterKind, FilterNotice};

use super::fill;
use crate::url::query_string::DecodeError;
use crate::url::search::{
    UrlNotice, UrlProblem, MAX_QUERY_CHARS, MAX_URL_BYTES, MAX_VALUES_PER_FILTER, MAX_VALUE_CHARS,
};

/// One language's search-screen strings. Templates use `{name}`
/// placeholders filled by [`fill`].
#[derive(Debug)]
pub struct SearchStrings {
    pub nav_search: &'static str,
    pub search_heading: &'static str,
    pub search_query_label: &'static str,
    pub search_query_placeholder: &'static str,
    pub search_query_help: &'static str,
    pub search_submit: &'static str,
    pub search_filters_heading: &'static str,
    pub facet_region: &'static str,
    pub facet_region_hint: &'static str,
    pub facet_mechanism: &'static str,
    pub facet_doc: &'static str,
    pub facet_level: &'static str,
    pub facet_year: &'static str,
    pub facet_clear: &'static str,
    /// `{count}`: every option of a long facet (a large library's documents).
    pub facet_show_all: &'static str,
    /// `{count}`, `{docs}`
    pub search_total: &'static str,
    pub search_preparing: &'static str,
    pub search_engine_error: &'static str,
    /// A search waits for parts of the hosted index to be fetched.
    pub search_shards_loading: &'static str,
    /// A part of the hosted index could not be fetched; the error follows.
    pub search_shards_failed: &'static str,
    pub search_shards_retry: &'static str,
    pub search_context_label: &'static str,
    /// `{name}`
    pub search_region_issued_by: &'static str,
    /// `{name}`
    pub search_region_mentions: &'static str,
    /// `{path}`
    pub search_open_unit: &'static str,
    /// `{count}`
    pub search_show_more: &'static str,
    /// `{shown}`, `{total}`
    pub search_showing: &'static str,
    pub search_notices_label: &'static str,
    /// `{param}`, `{problem}` (one of the `url_*` phrases below)
    pub search_notice_url: &'static str,
    /// `{max}`: the whole address was cut.
    pub url_address_too_long: &'static str,
    /// `{decode}`: a parameter name that does not decode.
    pub url_bad_name: &'static str,
    /// `{decode}`: a value that does not decode.
    pub url_bad_value: &'static str,
    pub url_bad_escape: &'static str,
    pub url_not_utf8: &'static str,
    pub url_empty_value: &'static str,
    pub url_query_repeated: &'static str,
    /// `{max}`
    pub url_query_too_long: &'static str,
    /// `{max}`
    pub url_value_too_long: &'static str,
    pub url_control_characters: &'static str,
    pub url_markup_characters: &'static str,
    pub url_unknown_param: &'static str,
    /// `{max}`
    pub url_too_many_values: &'static str,
    pub url_not_an_id: &'static str,
    pub value_not_a_mechanism: &'static str,
    pub value_not_a_level: &'static str,
    pub value_not_a_year: &'static str,
    pub value_unknown_region: &'static str,
    pub value_unknown_doc: &'static str,
    /// `{value}`, `{filter}`, `{problem}`
    pub search_notice_filter: &'static str,
    /// The search box's text lost `<`, `>`, control characters or its end.
    pub typed_left_out: &'static str,
    /// `{query}`: a query with no word to search for (`-`, `""`).
    pub query_has_no_terms: &'static str,
    /// `{query}`
    pub search_no_match: &'static str,
    /// `{count}`, `{filter}`
    pub search_emptied_alone: &'static str,
    /// `{count}`, `{filter}`
    pub search_emptied_combined: &'static str,
    /// `{filter}`, `{count}`
    pub search_each_filter: &'static str,
    pub search_browse_hint: &'static str,
    pub search_export_label: &'static str,
    pub search_export_csv: &'static str,
    pub search_export_json: &'static str,
    pub terms_heading: &'static str,
    pub terms_by_doc: &'static str,
    pub terms_by_mechanism: &'static str,
    pub terms_chart_label: &'static str,
    pub terms_none: &'static str,
    /// While the counts of new results are not ready yet.
    pub terms_counting: &'static str,
    /// `{count}`: groups not shown yet (a large library has hundreds).
    pub terms_show_more: &'static str,
    /// `{term}`, `{count}`
    pub terms_bar: &'static str,
    pub word_boundaries_toggle: &'static str,
    pub page_title_search: &'static str,
}

impl SearchStrings {
    /// The name of a filter dimension as the facet panel shows it.
    pub fn filter_name(&self, kind: FilterKind) -> &'static str {
        match kind {
            FilterKind::Region => self.facet_region,
            FilterKind::Mechanism => self.facet_mechanism,
            FilterKind::Doc => self.facet_doc,
            FilterKind::Level => self.facet_level,
            FilterKind::Year => self.facet_year,
        }
    }

    /// A search-address parameter the codec ignored, as one sentence.
    pub fn url_notice(&self, notice: &UrlNotice) -> String {
        let max = |template: &str, n: usize| fill(template, &[("max", &n.to_string())]);
        let decode = |e: DecodeError| match e {
            DecodeError::BadEscape => self.url_bad_escape,
            DecodeError::NotUtf8 => self.url_not_utf8,
        };
        let problem = match notice.problem {
            UrlProblem::AddressTooLong => return max(self.url_address_too_long, MAX_URL_BYTES),
            UrlProblem::BadName(e) => fill(self.url_bad_name, &[("decode", decode(e))]),
            UrlProblem::BadValue(e) => fill(self.url_bad_value, &[("decode", decode(e))]),
            UrlProblem::EmptyValue => self.url_empty_value.to_string(),
            UrlProblem::QueryRepeated => self.url_query_repeated.to_string(),
            UrlProblem::QueryTooLong => max(self.url_query_too_long, MAX_QUERY_CHARS),
            UrlProblem::ValueTooLong => max(self.url_value_too_long, MAX_VALUE_CHARS),
            UrlProblem::ControlCharacters => self.url_control_characters.to_string(),
            UrlProblem::MarkupCharacters => self.url_markup_characters.to_string(),
            UrlProblem::UnknownParam => self.url_unknown_param.to_string(),
            UrlProblem::TooManyValues => max(self.url_too_many_values, MAX_VALUES_PER_FILTER),
            UrlProblem::NotAMechanism => self.value_not_a_mechanism.to_string(),
            UrlProblem::NotALevel => self.value_not_a_level.to_string(),
            UrlProblem::NotAYear => self.value_not_a_year.to_string(),
            UrlProblem::NotAnId => self.url_not_an_id.to_string(),
        };
        fill(
            self.search_notice_url,
            &[("param", &notice.param), ("problem", &problem)],
        )
    }

    /// A filter value the search engine ignored, as one sentence.
    pub fn filter_notice(&self, notice: &FilterNotice) -> String {
        let problem = match notice.filter {
            FilterKind::Region => self.value_unknown_region,
            FilterKind::Mechanism => self.value_not_a_mechanism,
            FilterKind::Doc => self.value_unknown_doc,
            FilterKind::Level => self.value_not_a_level,
            FilterKind::Year => self.value_not_a_year,
        };
        fill(
            self.search_notice_filter,
            &[
                ("value", &notice.value),
                ("filter", self.filter_name(notice.filter)),
                ("problem", problem),
            ],
        )
    }
}

pub static SEARCH_ZH: SearchStrings = SearchStrings {
    nav_search: "检索",
    search_heading: "检索",
    search_query_label: "检索词",
    search_query_placeholder: "例如：横向生态补偿",
    search_query_help:
        "多个词须同时出现；用引号检索完整短语；在词前加 - 排除该词。简体、繁体均可。",
    search_submit: "检索",
    search_filters_heading: "筛选",
    facet_region: "地区",
    facet_region_hint: "发文地区或条文提及的地区（含下辖地区）",
    facet_mechanism: "机制",
    facet_doc: "文件",
    facet_level: "层级",
    facet_year: "年份",
    facet_clear: "清除全部筛选",
    facet_show_all: "显示全部 {count} 项",
    search_total: "共 {count} 个条目，来自 {docs} 份文件",
    search_preparing: "正在准备检索索引…",
    search_engine_error: "检索功能无法初始化，错误信息：",
    search_shards_loading: "正在加载检索索引…",
    search_shards_failed: "检索索引的一部分未能加载，这次检索无法完成。阅读和其他页面不受影响。错误信息：",
    search_shards_retry: "重试",
    search_context_label: "关键词前后显示的字数",
    search_region_issued_by: "发文：{name}",
    search_region_mentions: "提及：{name}",
    search_open_unit: "在阅读器中打开第 {path} 条并标出检索词",
    search_show_more: "再显示 {count} 条",
    search_showing: "显示前 {shown} 条，共 {total} 条。",
    search_notices_label: "检索提示",
    search_notice_url: "已忽略地址中的参数“{param}”：{problem}。",
    url_address_too_long: "地址超过 {max} 字节，超出部分已忽略。",
    url_bad_name: "参数名{decode}",
    url_bad_value: "取值{decode}",
    url_bad_escape: "含有无效的 % 转义",
    url_not_utf8: "不是有效的 UTF-8 文本",
    url_empty_value: "取值为空",
    url_query_repeated: "检索词重复出现，只采用第一个",
    url_query_too_long: "检索词超过 {max} 个字符",
    url_value_too_long: "取值超过 {max} 个字符",
    url_control_characters: "含有控制字符",
    url_markup_characters: "含有标记字符 < 或 >",
    url_unknown_param: "检索页面没有这个参数",
    url_too_many_values: "同一筛选最多接受 {max} 个取值",
    url_not_an_id: "只能包含字母、数字、- 和 _",
    value_not_a_mechanism: "不是十项机制之一",
    value_not_a_level: "不是中央、部委或省级",
    value_not_a_year: "不是四位数的年份",
    value_unknown_region: "语料中没有这个地区",
    value_unknown_doc: "语料中没有这份文件",
    search_notice_filter: "已忽略{filter}筛选值“{value}”：{problem}。",
    typed_left_out: "检索框中的 < 和 >（以及控制字符和第 500 个字符以后的部分）不参与检索，已略去。",
    query_has_no_terms: "“{query}”中没有可检索的词（只有减号或空引号），所以没有进行检索：下面列出的是全部条目，并非检索结果。",
    search_no_match: "没有条目匹配检索词“{query}”。",
    search_emptied_alone: "检索词匹配 {count} 个条目，但没有一个符合“{filter}”筛选条件。",
    search_emptied_combined:
        "检索词匹配 {count} 个条目；各筛选单独使用都有结果，但加上“{filter}”筛选后一个也不剩。",
    search_each_filter: "{filter}单独使用：{count} 个",
    search_browse_hint: "输入检索词，或选择筛选条件按机制、地区浏览条目。",
    search_export_label: "导出当前结果",
    search_export_csv: "导出 CSV",
    search_export_json: "导出 JSON",
    terms_heading: "高频词",
    terms_by_doc: "按文件",
    terms_by_mechanism: "按机制",
    terms_chart_label: "当前结果中各组出现最多的词（已去除停用词）",
    terms_none: "当前结果中没有可统计的词语。",
    terms_counting: "正在统计高频词…",
    terms_show_more: "再显示 {count} 组",
    terms_bar: "{term}：{count} 次",
    word_boundaries_toggle: "显示分词边界",
    page_title_search: "检索 · 区域协调发展政策浏览器",
};

pub static SEARCH_EN: SearchStrings = SearchStrings {
    nav_search: "Search",
    search_heading: "Search",
    search_query_label: "Search terms",
    search_query_placeholder: "e.g. 横向生态补偿",
    search_query_help: "All words must occur; quote an exact phrase; put - before a word to exclude it. Simplified or Traditional characters both work.",
    search_submit: "Search",
    search_filters_heading: "Filters",
    facet_region: "Region",
    facet_region_hint: "Issuing region or a region the text mentions (places inside it count)",
    facet_mechanism: "Mechanism",
    facet_doc: "Document",
    facet_level: "Level",
    facet_year: "Year",
    facet_clear: "Clear all filters",
    facet_show_all: "Show all {count}",
    search_total: "{count} {count|unit|units} in {docs} {docs|document|documents}",
    search_preparing: "Preparing the search index…",
    search_engine_error: "Search could not be started. The error was:",
    search_shards_loading: "Loading the search index…",
    search_shards_failed: "Part of the search index could not be loaded, so this search cannot finish. Reading and the other pages still work. The error was:",
    search_shards_retry: "Try again",
    search_context_label: "Characters of context",
    search_region_issued_by: "issued by {name}",
    search_region_mentions: "mentions {name}",
    search_open_unit: "Open unit {path} in the reader with the terms marked",
    search_show_more: "Show {count} more",
    search_showing: "Showing the first {shown} of {total}.",
    search_notices_label: "Search notices",
    search_notice_url: "Ignored the address parameter “{param}”: {problem}.",
    url_address_too_long: "The address is longer than {max} bytes; the rest was ignored.",
    url_bad_name: "the parameter name {decode}",
    url_bad_value: "the value {decode}",
    url_bad_escape: "has a broken % escape",
    url_not_utf8: "is not valid UTF-8 text",
    url_empty_value: "the value is empty",
    url_query_repeated: "the query was given twice; the first one counts",
    url_query_too_long: "the query is longer than {max} characters",
    url_value_too_long: "the value is longer than {max} characters",
    url_control_characters: "it contains control characters",
    url_markup_characters: "it contains the markup characters < or >",
    url_unknown_param: "the search page has no such parameter",
    url_too_many_values: "at most {max} values are accepted for one filter",
    url_not_an_id: "only letters, digits, - and _ are allowed",
    value_not_a_mechanism: "not one of the ten mechanisms",
    value_not_a_level: "not central, ministry or provincial",
    value_not_a_year: "not a four-digit year",
    value_unknown_region: "the corpus has no such region",
    value_unknown_doc: "the corpus has no such document",
    search_notice_filter: "Ignored the {filter} filter value “{value}”: {problem}.",
    typed_left_out: "The characters < and > typed in the search box (and any control characters, and anything past 500 characters) are not searched; they were left out.",
    query_has_no_terms: "“{query}” has no word to search for (only a minus sign or empty quotes), so nothing was searched: the list below is every unit, not search results.",
    search_no_match: "No unit matches “{query}”.",
    search_emptied_alone: "The query matches {count} {count|unit|units}, but none of them passes the “{filter}” filter.",
    search_emptied_combined: "The query matches {count} {count|unit|units}; each filter alone keeps some, but adding the “{filter}” filter leaves none.",
    search_each_filter: "{filter} alone: {count}",
    search_browse_hint: "Type a query, or pick filters to browse units by mechanism, region and more.",
    search_export_label: "Export the current results",
    search_export_csv: "Export CSV",
    search_export_json: "Export JSON",
    terms_heading: "Frequent terms",
    terms_by_doc: "By document",
    terms_by_mechanism: "By mechanism",
    terms_chart_label: "The most frequent words in each group of the current results (stop words removed)",
    terms_none: "The current results have no words to count.",
    terms_counting: "Counting frequent terms…",
    terms_show_more: "Show {count} more {count|group|groups}",
    terms_bar: "{term}: {count}",
    word_boundaries_toggle: "Show word boundaries",
    page_title_search: "Search · Regional Policy Explorer",
};
