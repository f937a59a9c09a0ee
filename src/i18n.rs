//! Every string the interface shows, in both languages, in one place.
//!
//! Views never hold UI literals: they ask [`Lang::strings`] for a [`Strings`]
//! table and fill templates with [`fill`]. Adding a language means adding one
//! table here; the compiler then points at nothing else, because every field
//! must be given. Corpus text (titles, clause text, mechanism and region
//! names) is data, not UI, and comes from the corpus in its own language.

use policy_core::model::{Level, Script, UnitKind, WitnessRole};
use policy_core::search::{FilterKind, FilterNotice};

use crate::tours::format::{FieldProblem, TourField, MAX_STEPS};
use crate::url::app_route::{AppRouteError, MAX_APP_ROUTE_CHARS};
use crate::url::query_string::DecodeError;
use crate::url::search::{
    UrlNotice, UrlProblem, MAX_QUERY_CHARS, MAX_URL_BYTES, MAX_VALUES_PER_FILTER, MAX_VALUE_CHARS,
};
use crate::views::compare_model::RowRelation;

/// The language of the corpus text (titles, clauses, issuers). Elements
/// showing it carry `lang` so that an English interface still has Chinese
/// text read with a Chinese voice and Chinese glyph forms.
pub const CORPUS_LANG: &str = "zh-CN";

/// The interface language. Chinese is the default: the documents are Chinese
/// and most readers are too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The code stored in local storage; see `preferences`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses a stored code; anything else is `None` (the caller resets it).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`, which screen readers and font
    /// fallback (CJK glyph shapes) depend on.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// Picks the language from an `<html lang>` value; used by the panic
    /// banner, which cannot reach the app state any more.
    pub fn from_html_lang(tag: &str) -> Lang {
        if tag.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// Replaces each `{key}` in `template` with its value. Values are plain text
/// and stay plain text: the result is only ever rendered as a text node.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// One language's interface strings. Fields ending in a template use
/// `{name}` placeholders filled by [`fill`].
#[derive(Debug)]
pub struct Strings {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav_label: &'static str,
    pub nav_library: &'static str,
    /// The toggle shows the language it switches *to*, in that language.
    pub lang_toggle_text: &'static str,
    pub lang_toggle_label: &'static str,
    pub footer_offline: &'static str,

    pub notices_label: &'static str,
    pub notice_dismiss: &'static str,
    pub notice_stored_language_reset: &'static str,

    pub library_heading: &'static str,
    /// `{count}`
    pub library_intro: &'static str,
    pub library_caption: &'static str,
    pub col_title: &'static str,
    pub col_issuers: &'static str,
    pub col_level: &'static str,
    pub col_type: &'static str,
    pub col_date: &'static str,
    pub col_doc_number: &'static str,
    pub col_units: &'static str,
    pub unknown: &'static str,
    pub issuer_separator: &'static str,
    pub level_central: &'static str,
    pub level_ministry: &'static str,
    pub level_provincial: &'static str,
    pub kind_preamble: &'static str,
    pub kind_section: &'static str,
    pub kind_clause: &'static str,
    pub kind_item: &'static str,
    pub kind_lead: &'static str,
    pub units_total: &'static str,

    pub back_to_library: &'static str,
    pub toc_heading: &'static str,
    pub metadata_heading: &'static str,
    pub witnesses_heading: &'static str,
    pub witness_primary: &'static str,
    pub witness_secondary: &'static str,
    pub witness_reworded: &'static str,
    pub script_simplified: &'static str,
    pub script_traditional: &'static str,
    /// `{path}`
    pub permalink_label: &'static str,
    pub reworded_badge: &'static str,
    pub reworded_unit_note: &'static str,
    /// `{count}`
    pub reworded_document_note: &'static str,
    pub tags_mechanisms: &'static str,
    pub tags_regions: &'static str,
    pub provenance_summary: &'static str,
    pub provenance_file: &'static str,
    pub provenance_lines: &'static str,
    /// `{first}`, `{last}`
    pub provenance_line_range: &'static str,
    pub provenance_also_in: &'static str,
    pub provenance_repairs: &'static str,
    pub provenance_none: &'static str,
    /// `{count}`
    pub provenance_repair_count: &'static str,
    pub provenance_tag_reasons: &'static str,
    /// `{name}`, `{rule}`, `{cue}`
    pub provenance_tag_reason: &'static str,

    pub not_found_heading: &'static str,
    /// `{route}`
    pub not_found_route: &'static str,
    /// `{id}`
    pub not_found_document: &'static str,
    /// `{title}`, `{path}`
    pub not_found_unit: &'static str,
    pub not_found_back: &'static str,
    /// `{title}`
    pub not_found_open_document: &'static str,

    pub unavailable_heading: &'static str,
    /// `{feature}`
    pub unavailable_body: &'static str,
    pub feature_search: &'static str,
    pub feature_compare: &'static str,

    pub corpus_error_heading: &'static str,
    pub corpus_error_body: &'static str,

    pub fatal_heading: &'static str,
    pub fatal_body: &'static str,
    pub fatal_reload: &'static str,
    pub fatal_details: &'static str,

    /// `{title}`: the browser tab title of a document page.
    pub page_title_document: &'static str,
    pub page_title_not_found: &'static str,

    // Search view and reader aids (issue 4).
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
    /// `{count}`, `{docs}`
    pub search_total: &'static str,
    pub search_preparing: &'static str,
    pub search_engine_error: &'static str,
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
    /// `{term}`, `{count}`
    pub terms_bar: &'static str,
    pub word_boundaries_toggle: &'static str,
    pub page_title_search: &'static str,
}

impl Strings {
    pub fn level(&self, level: Level) -> &'static str {
        match level {
            Level::Central => self.level_central,
            Level::Ministry => self.level_ministry,
            Level::Provincial => self.level_provincial,
        }
    }

    /// The plural noun used in unit counts ("clauses", "条").
    pub fn unit_kind(&self, kind: UnitKind) -> &'static str {
        match kind {
            UnitKind::Preamble => self.kind_preamble,
            UnitKind::Section => self.kind_section,
            UnitKind::Clause => self.kind_clause,
            UnitKind::Item => self.kind_item,
            UnitKind::Lead => self.kind_lead,
        }
    }

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

    /// A witness role's name.
    pub fn witness_role(&self, role: WitnessRole) -> &'static str {
        match role {
            WitnessRole::Primary => self.witness_primary,
            WitnessRole::Secondary => self.witness_secondary,
            WitnessRole::Reworded => self.witness_reworded,
        }
    }

    /// A script's name.
    pub fn script(&self, script: Script) -> &'static str {
        match script {
            Script::Simplified => self.script_simplified,
            Script::Traditional => self.script_traditional,
        }
    }
}

pub static ZH: Strings = Strings {
    app_title: "区域协调发展政策浏览器",
    app_tagline: "离线阅读、检索和比较区域协调发展政策文件",
    skip_to_content: "跳到正文",
    main_nav_label: "主导航",
    nav_library: "文件库",
    lang_toggle_text: "English",
    lang_toggle_label: "Switch the interface to English",
    footer_offline: "全部文件已内置于本应用，无需联网即可使用。",

    notices_label: "通知",
    notice_dismiss: "关闭通知",
    notice_stored_language_reset: "已保存的界面语言设置无法识别，已恢复为默认的中文界面。",

    library_heading: "文件库",
    library_intro: "语料共收录 {count} 份政策文件。点击标题即可阅读全文。",
    library_caption: "政策文件一览",
    col_title: "标题",
    col_issuers: "发文机关",
    col_level: "层级",
    col_type: "文种",
    col_date: "成文日期",
    col_doc_number: "发文字号",
    col_units: "条目数",
    unknown: "未知",
    issuer_separator: "、",
    level_central: "中央",
    level_ministry: "部委",
    level_provincial: "省级",
    kind_preamble: "序言",
    kind_section: "部分",
    kind_clause: "条",
    kind_item: "项",
    kind_lead: "引领段",
    units_total: "合计",

    back_to_library: "返回文件库",
    toc_heading: "目录",
    metadata_heading: "文件信息",
    witnesses_heading: "底本",
    witness_primary: "主要底本",
    witness_secondary: "参校本",
    witness_reworded: "机器改写本",
    script_simplified: "简体",
    script_traditional: "繁体",
    permalink_label: "第 {path} 条的永久链接",
    reworded_badge: "机器改写文本",
    reworded_unit_note: "本条文字仅见于经机器同义词替换的副本，个别词语可能已被改动，含义或有偏差。",
    reworded_document_note: "本文件有 {count} 个条目的文字仅来自经机器“改写”的副本（标有 ⚠ 机器改写文本），引用前请核对权威文本。",
    tags_mechanisms: "机制",
    tags_regions: "地区",
    provenance_summary: "来源与修复记录",
    provenance_file: "来源文件",
    provenance_lines: "行号",
    provenance_line_range: "第 {first}–{last} 行",
    provenance_also_in: "亦见于",
    provenance_repairs: "文字修复",
    provenance_none: "无",
    provenance_repair_count: "{count} 处",
    provenance_tag_reasons: "标注依据",
    provenance_tag_reason: "{name}：规则 {rule}，依据“{cue}”",

    not_found_heading: "找不到该页面",
    not_found_route: "地址“{route}”不对应任何页面。",
    not_found_document: "语料中没有编号为“{id}”的文件。",
    not_found_unit: "《{title}》中没有编号为“{path}”的条目。",
    not_found_back: "返回文件库",
    not_found_open_document: "打开《{title}》",

    unavailable_heading: "此功能在本版本中不可用",
    unavailable_body: "本版本尚未包含{feature}功能。",
    feature_search: "检索",
    feature_compare: "文件比较",

    corpus_error_heading: "语料无法加载",
    corpus_error_body: "应用内置的语料数据无法读取，因此无法显示文件。请用当前代码重新构建应用。错误信息：",

    fatal_heading: "应用出错了",
    fatal_body: "应用遇到内部错误，已停止运行。可分享的状态都保存在地址栏里，重新加载即可回到当前页面。",
    fatal_reload: "重新加载",
    fatal_details: "技术细节",

    page_title_document: "{title} · 区域协调发展政策浏览器",
    page_title_not_found: "找不到该页面 · 区域协调发展政策浏览器",

    nav_search: "检索",
    search_heading: "检索",
    search_query_label: "检索词",
    search_query_placeholder: "例如：横向生态补偿",
    search_query_help: "多个词须同时出现；用引号检索完整短语；在词前加 - 排除该词。简体、繁体均可。",
    search_submit: "检索",
    search_filters_heading: "筛选",
    facet_region: "地区",
    facet_region_hint: "发文地区或条文提及的地区（含下辖地区）",
    facet_mechanism: "机制",
    facet_doc: "文件",
    facet_level: "层级",
    facet_year: "年份",
    facet_clear: "清除全部筛选",
    search_total: "共 {count} 个条目，来自 {docs} 份文件",
    search_preparing: "正在准备检索索引…",
    search_engine_error: "检索功能无法初始化，错误信息：",
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
    search_no_match: "没有条目匹配检索词“{query}”。",
    search_emptied_alone: "检索词匹配 {count} 个条目，但没有一个符合“{filter}”筛选条件。",
    search_emptied_combined: "检索词匹配 {count} 个条目；各筛选单独使用都有结果，但加上“{filter}”筛选后一个也不剩。",
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
    terms_bar: "{term}：{count} 次",
    word_boundaries_toggle: "显示分词边界",
    page_title_search: "检索 · 区域协调发展政策浏览器",
};

pub static EN: Strings = Strings {
    app_title: "Regional Policy Explorer",
    app_tagline: "Read, search and compare China's regional-development policy documents offline",
    skip_to_content: "Skip to content",
    main_nav_label: "Main navigation",
    nav_library: "Library",
    lang_toggle_text: "中文",
    lang_toggle_label: "切换为中文界面",
    footer_offline: "Every document is built into this app; it works without a network.",

    notices_label: "Notices",
    notice_dismiss: "Dismiss notice",
    notice_stored_language_reset: "The saved interface language could not be read and was reset to the default, Chinese.",

    library_heading: "Library",
    library_intro: "The corpus holds {count} policy documents. Choose a title to read it.",
    library_caption: "Policy documents",
    col_title: "Title",
    col_issuers: "Issued by",
    col_level: "Level",
    col_type: "Type",
    col_date: "Date",
    col_doc_number: "Document number",
    col_units: "Units",
    unknown: "unknown",
    issuer_separator: "; ",
    level_central: "Central",
    level_ministry: "Ministry",
    level_provincial: "Provincial",
    kind_preamble: "preamble",
    kind_section: "sections",
    kind_clause: "clauses",
    kind_item: "items",
    kind_lead: "lead paragraphs",
    units_total: "total",

    back_to_library: "Back to the library",
    toc_heading: "Contents",
    metadata_heading: "About this document",
    witnesses_heading: "Witnesses",
    witness_primary: "primary",
    witness_secondary: "secondary",
    witness_reworded: "machine-reworded",
    script_simplified: "Simplified",
    script_traditional: "Traditional",
    permalink_label: "Permalink to unit {path}",
    reworded_badge: "Machine-reworded text",
    reworded_unit_note: "This text survives only in a copy passed through a synonym-swapping tool: some words may have been replaced and the meaning may have shifted.",
    reworded_document_note: "Units of this document found only in a machine-reworded copy: {count}. They are marked ⚠ Machine-reworded text; check an authoritative text before quoting them.",
    tags_mechanisms: "Mechanisms",
    tags_regions: "Regions",
    provenance_summary: "Source and repairs",
    provenance_file: "Source file",
    provenance_lines: "Lines",
    provenance_line_range: "lines {first}–{last}",
    provenance_also_in: "Also in",
    provenance_repairs: "Repairs",
    provenance_none: "none",
    provenance_repair_count: "×{count}",
    provenance_tag_reasons: "Why tagged",
    provenance_tag_reason: "{name}: rule {rule}, cue “{cue}”",

    not_found_heading: "Page not found",
    not_found_route: "The address “{route}” does not match any page.",
    not_found_document: "The corpus has no document with the id “{id}”.",
    not_found_unit: "“{title}” has no unit numbered “{path}”.",
    not_found_back: "Back to the library",
    not_found_open_document: "Open “{title}”",

    unavailable_heading: "Not available in this build",
    unavailable_body: "This build does not include {feature} yet.",
    feature_search: "search",
    feature_compare: "document comparison",

    corpus_error_heading: "The corpus could not be loaded",
    corpus_error_body: "The corpus built into this app could not be read, so no document can be shown. Rebuild the app from the current sources. The error was:",

    fatal_heading: "Something went wrong",
    fatal_body: "The app hit an internal error and stopped. Everything shareable is in the address bar, so reloading brings you back to this page.",
    fatal_reload: "Reload",
    fatal_details: "Technical details",

    page_title_document: "{title} · Regional Policy Explorer",
    page_title_not_found: "Page not found · Regional Policy Explorer",

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
    search_total: "{count} units in {docs} documents",
    search_preparing: "Preparing the search index…",
    search_engine_error: "Search could not be started. The error was:",
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
    search_no_match: "No unit matches “{query}”.",
    search_emptied_alone: "The query matches {count} units, but none of them passes the “{filter}” filter.",
    search_emptied_combined: "The query matches {count} units; each filter alone keeps some, but adding the “{filter}” filter leaves none.",
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
    terms_bar: "{term}: {count}",
    word_boundaries_toggle: "Show word boundaries",
    page_title_search: "Search · Regional Policy Explorer",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder_and_leaves_markup_as_text() {
        let text = fill("{a} and {a} then {b}", &[("a", "<x>"), ("b", "2")]);
        assert_eq!(text, "<x> and <x> then 2");
    }

    #[test]
    fn language_codes_round_trip_and_reject_junk() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code("\"zh\""), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn the_two_tables_differ_where_they_must() {
        assert_eq!(ZH.unknown, "未知");
        assert_eq!(EN.unknown, "unknown");
        assert_ne!(ZH.lang_toggle_text, EN.lang_toggle_text);
    }
}

/// The compare, overview and witness screens' strings (issue 5), in their
/// own table so that the screens can be worked on without touching the
/// main one. Same rules: every field in both languages, templates filled
/// with [`fill`].
#[derive(Debug)]
pub struct CompareStrings {
    pub nav_compare: &'static str,
    pub compare_heading: &'static str,
    pub back_to_overview: &'static str,
    /// `{a}`, `{b}`
    pub page_title_compare: &'static str,
    pub page_title_overview: &'static str,
    /// `{title}`
    pub page_title_witnesses: &'static str,
    pub pick_a: &'static str,
    pub pick_b: &'static str,
    pub swap_label: &'static str,
    pub my_copy_option: &'static str,
    /// `{name}`
    pub my_copy_label: &'static str,
    pub rel_near_verbatim: &'static str,
    pub rel_rewritten: &'static str,
    pub rel_possibly_related: &'static str,
    pub rel_probably_no_counterpart: &'static str,
    pub rel_no_counterpart: &'static str,
    pub rel_added: &'static str,
    /// What "uncertain" means, next to the relations that are.
    pub uncertain_note: &'static str,
    /// The summary's count of uncertain relations: `{n}`.
    pub uncertain_count: &'static str,
    /// Before the shared key terms of a pair.
    pub evidence_label: &'static str,
    /// A pair that shares no key term (matched by section or heading).
    pub evidence_none: &'static str,
    /// Title of a highlighted shared term.
    pub evidence_term_title: &'static str,
    /// Tooltip of another candidate: `{relation}`, `{terms}`.
    pub other_candidate_title: &'static str,
    /// A matrix cell's uncertain count (visible): `{n}`.
    pub matrix_uncertain: &'static str,
    pub col_relation: &'static str,
    /// `{a}`, `{b}`
    pub table_caption: &'static str,
    /// `{path}`
    pub select_pair_label: &'static str,
    pub not_in_a: &'static str,
    pub not_in_b: &'static str,
    pub other_candidates: &'static str,
    pub no_counterpart_note: &'static str,
    pub summary_label: &'static str,
    pub stepper_label: &'static str,
    pub step_prev: &'static str,
    pub step_next: &'static str,
    /// `{n}`, `{total}`
    pub step_position: &'static str,
    /// `{total}`
    pub step_none: &'static str,
    pub step_hint: &'static str,
    pub options_label: &'static str,
    pub option_mode: &'static str,
    pub option_mode_words: &'static str,
    pub option_mode_chars: &'static str,
    pub option_view: &'static str,
    pub option_view_inline: &'static str,
    pub option_view_side: &'static str,
    pub option_ignore: &'static str,
    pub option_ignore_punctuation: &'static str,
    pub option_ignore_script: &'static str,
    pub option_mechanism: &'static str,
    pub option_mechanism_all: &'static str,
    /// `{param}`
    pub notice_unknown_param: &'static str,
    /// `{param}`, `{value}`
    pub notice_bad_value: &'static str,
    /// `{path}`, `{title}`
    pub notice_unknown_path: &'static str,
    pub diff_preparing: &'static str,
    /// `{percent}`, `{same}`, `{deleted}`, `{inserted}`
    pub diff_summary: &'static str,
    pub diff_old_side: &'static str,
    pub diff_new_side: &'static str,
    pub whole_diff_summary: &'static str,
    pub copy_heading: &'static str,
    pub copy_intro: &'static str,
    pub copy_text_label: &'static str,
    pub copy_text_placeholder: &'static str,
    pub copy_file_label: &'static str,
    /// `{name}`, `{size}`
    pub copy_file_chosen: &'static str,
    pub copy_target_label: &'static str,
    pub copy_compare: &'static str,
    pub copy_reading: &'static str,
    pub copy_working: &'static str,
    /// `{name}`, `{units}`, `{ms}`
    pub copy_loaded: &'static str,
    pub copy_missing: &'static str,
    pub copy_error_empty: &'static str,
    /// `{offset}`
    pub copy_error_not_utf8: &'static str,
    /// `{count}`
    pub copy_error_binary: &'static str,
    /// `{size}`, `{limit}`
    pub copy_error_too_large: &'static str,
    /// `{cjk}`, `{chars}`
    pub copy_error_not_chinese: &'static str,
    /// `{message}`
    pub copy_error_file: &'static str,
    /// `{message}`
    pub copy_error_engine: &'static str,
    pub copy_error_no_units: &'static str,
    pub overview_heading: &'static str,
    /// `{title}`
    pub overview_intro: &'static str,
    pub overview_how: &'static str,
    /// `{title}`
    pub overview_caption: &'static str,
    pub overview_no_central: &'static str,
    pub overview_witness_link: &'static str,
    pub overview_copy_link: &'static str,
    pub legend_label: &'static str,
    pub col_mechanism: &'static str,
    /// `{what}`, `{n}`
    pub matrix_count: &'static str,
    pub list_separator: &'static str,
    /// `{doc}`, `{mechanism}`, `{counts}`
    pub matrix_cell_label: &'static str,
    pub witness_heading: &'static str,
    /// `{faithful}`, `{reworded}`
    pub witness_intro: &'static str,
    pub witness_none: &'static str,
    pub witness_caption: &'static str,
    pub witness_col_diff: &'static str,
    pub witness_col_count: &'static str,
    /// `{n}`, `{known}`
    pub witness_counts: &'static str,
    pub witness_partial: &'static str,
    pub col_unit: &'static str,
    pub substitutions_heading: &'static str,
    pub substitutions_intro: &'static str,
    pub col_original: &'static str,
    pub col_reworded: &'static str,
    pub col_count: &'static str,
    pub col_example: &'static str,
    /// `{likely}`, `{count}`
    pub suspect_title: &'static str,
    /// `{likely}`
    pub suspect_hidden: &'static str,
}

impl Lang {
    pub fn compare_strings(self) -> &'static CompareStrings {
        match self {
            Lang::Zh => &COMPARE_ZH,
            Lang::En => &COMPARE_EN,
        }
    }
}

impl CompareStrings {
    /// A relation's name.
    pub fn relation(&self, relation: RowRelation) -> &'static str {
        match relation {
            RowRelation::NearVerbatim => self.rel_near_verbatim,
            RowRelation::Rewritten => self.rel_rewritten,
            RowRelation::PossiblyRelated => self.rel_possibly_related,
            RowRelation::ProbablyNoCounterpart => self.rel_probably_no_counterpart,
            RowRelation::NoCounterpart => self.rel_no_counterpart,
            RowRelation::Added => self.rel_added,
        }
    }
}

pub static COMPARE_ZH: CompareStrings = CompareStrings {
    nav_compare: "比较",
    compare_heading: "文件比较",
    back_to_overview: "返回比较总览",
    page_title_compare: "比较：{a} ↔ {b} · 区域协调发展政策浏览器",
    page_title_overview: "比较总览 · 区域协调发展政策浏览器",
    page_title_witnesses: "底本对照：{title} · 区域协调发展政策浏览器",
    pick_a: "文件 A",
    pick_b: "文件 B",
    swap_label: "交换 A 与 B",
    my_copy_option: "我的副本",
    my_copy_label: "我的副本（{name}）",
    rel_near_verbatim: "基本照录",
    rel_rewritten: "改写",
    rel_possibly_related: "可能相关",
    rel_probably_no_counterpart: "可能删去",
    rel_no_counterpart: "无对应（删去）",
    rel_added: "新增",
    uncertain_note: "带“可能”的为不确定的判断，请自行核对：对齐程序在人工标注的对照集上对这类判断的把握明显较低（见 docs/alignment.md）。",
    uncertain_count: "其中不确定 {n} 条",
    evidence_label: "共同关键词：",
    evidence_none: "没有共同的关键词（按所在章节的整体内容对应）",
    evidence_term_title: "两侧共有的关键词",
    other_candidate_title: "{relation}；共同关键词：{terms}",
    matrix_uncertain: "不确定 {n}",
    col_relation: "对应关系",
    table_caption: "{a}（左）各条目在{b}（右）中的最佳对应",
    select_pair_label: "查看第 {path} 条的对应与差异",
    not_in_a: "A 中无此内容",
    not_in_b: "B 中无对应内容",
    other_candidates: "其他候选：",
    no_counterpart_note: "B 中没有与此条对应的内容。",
    summary_label: "对应关系统计",
    stepper_label: "逐条浏览",
    step_prev: "上一条",
    step_next: "下一条",
    step_position: "第 {n} / {total} 条",
    step_none: "共 {total} 条，选择一条查看差异",
    step_hint: "也可用 ← → 键",
    options_label: "比较选项",
    option_mode: "差异粒度",
    option_mode_words: "词",
    option_mode_chars: "字",
    option_view: "显示方式",
    option_view_inline: "合并显示",
    option_view_side: "左右对照",
    option_ignore: "忽略",
    option_ignore_punctuation: "标点差异",
    option_ignore_script: "繁简差异",
    option_mechanism: "机制",
    option_mechanism_all: "全部机制",
    notice_unknown_param: "已忽略地址中未知的参数“{param}”。",
    notice_bad_value: "已忽略地址参数“{param}”的无效取值“{value}”。",
    notice_unknown_path: "{title}中没有第“{path}”条，未选中任何条目。",
    diff_preparing: "正在准备分词器…",
    diff_summary: "相同 {percent}%：{same} 字未变，删去 {deleted} 字，新增 {inserted} 字。",
    diff_old_side: "删去的文字已标出",
    diff_new_side: "新增的文字已标出",
    whole_diff_summary: "整篇文件逐字差异",
    copy_heading: "用我自己的副本比较",
    copy_intro: "粘贴或选择一份文本（如繁体版、改写版、其他省份的方案）。它会在浏览器中按与语料相同的规则清洗、转为简体、切分条目，再与所选文件逐条对照。文字不会离开本机。",
    copy_text_label: "粘贴文本",
    copy_text_placeholder: "在此粘贴文件全文…",
    copy_file_label: "或选择 / 拖入 .txt 文件：",
    copy_file_chosen: "已选择文件 {name}（{size}），点击“比较”开始。",
    copy_target_label: "与此文件比较",
    copy_compare: "比较",
    copy_reading: "正在读取文件…",
    copy_working: "正在处理…（清洗、转换、切分、对齐）",
    copy_loaded: "已载入：{name}，{units} 个条目（处理用时 {ms} 毫秒）。",
    copy_missing: "地址指向“我的副本”，但当前没有载入副本（过大的副本在重新加载后不会保留）。请在下方粘贴或选择文本。",
    copy_error_empty: "没有可比较的文字：输入为空。",
    copy_error_not_utf8: "该文件不是 UTF-8 文本（第 {offset} 字节处编码无效）。请另存为 UTF-8 后重试。",
    copy_error_binary: "该输入像是二进制文件（含 {count} 个控制字符），不是文本。",
    copy_error_too_large: "输入有 {size}，超过单份文件 {limit} 的上限。",
    copy_error_not_chinese: "输入中几乎没有中文（{chars} 个字符中只有 {cjk} 个汉字），无法作为中文政策文件处理。",
    copy_error_file: "浏览器无法读取该文件：{message}",
    copy_error_engine: "分词器或繁简转换无法初始化：{message}",
    copy_error_no_units: "文本中没有找到可对照的条目。",
    overview_heading: "比较总览",
    overview_intro: "各文件如何对待《{title}》每项机制的条文：基本照录、改写、可能相关、删去了多少，又新增了多少。点击格子查看逐条对照。",
    overview_how: "计数单位为条目；一个条目可属于多项机制。对应关系由结构感知的字符二元组 TF-IDF 判定：标题对标题、条款对条款，并考虑条款与所在章节的契合（见 docs/alignment.md）。浅色表示不确定的判断，格内另列其数。",
    overview_caption: "各机制 × 各文件：相对于《{title}》的照录、改写、可能相关、可能删去、删去与新增条目数",
    overview_no_central: "语料中没有中央文件，无法生成总览。",
    overview_witness_link: "底本对照与机器改写词表",
    overview_copy_link: "用我自己的副本比较",
    legend_label: "图例",
    col_mechanism: "机制",
    matrix_count: "{what} {n}",
    list_separator: "，",
    matrix_cell_label: "{doc}·{mechanism}：{counts}",
    witness_heading: "底本对照",
    witness_intro: "逐条对照忠实底本（{faithful}）与经机器同义词替换的副本（{reworded}）：删去线为原词，下划线为替换后的词。已忽略标点差异。",
    witness_none: "本文件没有可对照的其他底本。",
    witness_caption: "各条目在两个底本中的文字差异",
    witness_col_diff: "差异（忠实底本 → 改写副本）",
    witness_col_count: "改动",
    witness_counts: "{n} 处改动，其中 {known} 处为词表中的替换",
    witness_partial: "（忠实底本仅存部分）",
    col_unit: "条目",
    substitutions_heading: "学习得到的替换词表",
    substitutions_intro: "流水线比较两个底本都有的条目，统计改写工具把哪个词换成了哪个词。阅读器据此在仅见于改写副本的条目中标出可疑词。",
    col_original: "原词",
    col_reworded: "替换为",
    col_count: "次数",
    col_example: "示例",
    suspect_title: "可能的原词：{likely}（词表中出现 {count} 次）",
    suspect_hidden: "（原词可能为“{likely}”）",
};

pub static COMPARE_EN: CompareStrings = CompareStrings {
    nav_compare: "Compare",
    compare_heading: "Compare documents",
    back_to_overview: "Back to the comparison overview",
    page_title_compare: "Compare: {a} ↔ {b} · Regional Policy Explorer",
    page_title_overview: "Comparison overview · Regional Policy Explorer",
    page_title_witnesses: "Witnesses: {title} · Regional Policy Explorer",
    pick_a: "Document A",
    pick_b: "Document B",
    swap_label: "Swap A and B",
    my_copy_option: "My copy",
    my_copy_label: "My copy ({name})",
    rel_near_verbatim: "near-verbatim",
    rel_rewritten: "rewritten",
    rel_possibly_related: "possibly related",
    rel_probably_no_counterpart: "probably dropped",
    rel_no_counterpart: "no counterpart (dropped)",
    rel_added: "added",
    uncertain_note: "Relations marked “possibly” or “probably” are uncertain — check them yourself: on a hand-annotated gold standard the aligner is markedly less often right about these (see docs/alignment.md).",
    uncertain_count: "{n} of them uncertain",
    evidence_label: "Shared key terms: ",
    evidence_none: "No shared key term (matched by the content of the whole section)",
    evidence_term_title: "key term both sides share",
    other_candidate_title: "{relation}; shared key terms: {terms}",
    matrix_uncertain: "{n} uncertain",
    col_relation: "Relation",
    table_caption: "Each unit of {a} (left) with its best counterpart in {b} (right)",
    select_pair_label: "Show the counterpart and differences of unit {path}",
    not_in_a: "not in A",
    not_in_b: "no counterpart in B",
    other_candidates: "Other candidates:",
    no_counterpart_note: "B has nothing corresponding to this unit.",
    summary_label: "Relations at a glance",
    stepper_label: "Step through units",
    step_prev: "Previous",
    step_next: "Next",
    step_position: "{n} / {total}",
    step_none: "{total} units: choose one to see its differences",
    step_hint: "or use the ← → keys",
    options_label: "Comparison options",
    option_mode: "Granularity",
    option_mode_words: "Words",
    option_mode_chars: "Characters",
    option_view: "Layout",
    option_view_inline: "Inline",
    option_view_side: "Side by side",
    option_ignore: "Ignore",
    option_ignore_punctuation: "punctuation",
    option_ignore_script: "Traditional/Simplified",
    option_mechanism: "Mechanism",
    option_mechanism_all: "All mechanisms",
    notice_unknown_param: "Ignored the unknown address parameter “{param}”.",
    notice_bad_value: "Ignored the invalid value “{value}” of the address parameter “{param}”.",
    notice_unknown_path: "{title} has no unit “{path}”; no unit is selected.",
    diff_preparing: "Preparing the segmenter…",
    diff_summary: "{percent}% the same: {same} characters unchanged, {deleted} deleted, {inserted} inserted.",
    diff_old_side: "deletions marked",
    diff_new_side: "insertions marked",
    whole_diff_summary: "Differences between the whole documents",
    copy_heading: "Compare your own copy",
    copy_intro: "Paste or choose a text (a Traditional copy, a reworded copy, another province's plan). It is cleaned, converted to Simplified and split into units in your browser by the same rules as the corpus, then aligned with the document you choose. Nothing leaves this computer.",
    copy_text_label: "Paste the text",
    copy_text_placeholder: "Paste the full text here…",
    copy_file_label: "or choose / drop a .txt file:",
    copy_file_chosen: "Chose {name} ({size}); press “Compare” to start.",
    copy_target_label: "Compare with",
    copy_compare: "Compare",
    copy_reading: "Reading the file…",
    copy_working: "Working… (cleaning, converting, splitting, aligning)",
    copy_loaded: "Loaded: {name}, {units} units (processed in {ms} ms).",
    copy_missing: "The address names “my copy”, but none is loaded (a very large copy is not kept after a reload). Paste or choose a text below.",
    copy_error_empty: "There is nothing to compare: the input is empty.",
    copy_error_not_utf8: "The file is not UTF-8 text (invalid byte sequence at byte {offset}). Save it as UTF-8 and try again.",
    copy_error_binary: "The input looks like a binary file ({count} control characters), not a text.",
    copy_error_too_large: "The input is {size}, more than the {limit} limit for one document.",
    copy_error_not_chinese: "The input has almost no Chinese ({cjk} Chinese characters out of {chars}); it cannot be read as a Chinese policy document.",
    copy_error_file: "The browser could not read the file: {message}",
    copy_error_engine: "The segmenter or converter could not be started: {message}",
    copy_error_no_units: "No units to compare were found in the text.",
    overview_heading: "Comparison overview",
    overview_intro: "How each document treated the text of “{title}”, mechanism by mechanism: how much it kept near-verbatim, rewrote, possibly related to, dropped — and what it added. Choose a cell to see the units side by side.",
    overview_how: "Counts are units; a unit can belong to several mechanisms. Relations come from structure-aware character-bigram TF-IDF: headings with headings, clauses with clauses, weighing how well a clause fits the section of each candidate (see docs/alignment.md). Pale segments are uncertain relations; each cell also counts them.",
    overview_caption: "Mechanisms × documents: units kept, rewritten, possibly related, probably dropped, dropped and added relative to “{title}”",
    overview_no_central: "The corpus has no central document to measure against.",
    overview_witness_link: "Witnesses and the machine-rewording table",
    overview_copy_link: "Compare your own copy",
    legend_label: "Legend",
    col_mechanism: "Mechanism",
    matrix_count: "{what} {n}",
    list_separator: ", ",
    matrix_cell_label: "{doc}, {mechanism}: {counts}",
    witness_heading: "Witnesses compared",
    witness_intro: "Unit by unit, the faithful witness ({faithful}) against the copy passed through a synonym-swapping tool ({reworded}): struck-through words are the original, underlined ones the replacement. Punctuation differences are ignored.",
    witness_none: "This document has no other witness to compare.",
    witness_caption: "How each unit reads in the two witnesses",
    witness_col_diff: "Differences (faithful → reworded)",
    witness_col_count: "Changes",
    witness_counts: "{n} changes, {known} of them substitutions from the learned table",
    witness_partial: "(faithful witness partial)",
    col_unit: "Unit",
    substitutions_heading: "Learned substitution table",
    substitutions_intro: "The pipeline compared the units both witnesses have and counted which word the tool replaced with which. The reader uses this table to mark suspicious words in units only the reworded copy has.",
    col_original: "Original",
    col_reworded: "Replaced by",
    col_count: "Count",
    col_example: "Example",
    suspect_title: "likely: {likely} (seen {count} times)",
    suspect_hidden: " (likely originally “{likely}”)",
};

#[cfg(test)]
mod compare_string_tests {
    use super::*;

    #[test]
    fn relation_names_differ_by_language() {
        assert_eq!(COMPARE_ZH.relation(RowRelation::Rewritten), "改写");
        assert_eq!(COMPARE_EN.relation(RowRelation::Rewritten), "rewritten");
        for relation in RowRelation::ALL {
            assert_ne!(COMPARE_ZH.relation(relation), COMPARE_EN.relation(relation));
        }
    }

    #[test]
    fn templates_keep_the_same_placeholders_in_both_languages() {
        fn holes(s: &str) -> Vec<&str> {
            let mut found: Vec<&str> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|x| x.0))
                .collect();
            found.sort_unstable();
            found
        }
        let pairs = [
            (COMPARE_ZH.diff_summary, COMPARE_EN.diff_summary),
            (COMPARE_ZH.copy_loaded, COMPARE_EN.copy_loaded),
            (COMPARE_ZH.notice_bad_value, COMPARE_EN.notice_bad_value),
            (COMPARE_ZH.matrix_cell_label, COMPARE_EN.matrix_cell_label),
            (
                COMPARE_ZH.copy_error_too_large,
                COMPARE_EN.copy_error_too_large,
            ),
            (COMPARE_ZH.witness_counts, COMPARE_EN.witness_counts),
            (COMPARE_ZH.uncertain_count, COMPARE_EN.uncertain_count),
            (
                COMPARE_ZH.other_candidate_title,
                COMPARE_EN.other_candidate_title,
            ),
            (COMPARE_ZH.matrix_uncertain, COMPARE_EN.matrix_uncertain),
        ];
        for (zh, en) in pairs {
            assert_eq!(holes(zh), holes(en), "{zh} / {en}");
        }
    }
}

/// The embedding, sharing and print strings (issue 6), in their own table
/// like [`CompareStrings`] so that they can be edited without touching the
/// main one.
#[derive(Debug)]
pub struct EmbedStrings {
    /// The small link an embedded view shows instead of the page chrome.
    pub open_full: &'static str,
    pub open_full_label: &'static str,
    pub notice_command_refused: &'static str,
    pub share_button: &'static str,
    pub share_heading: &'static str,
    pub share_intro: &'static str,
    pub share_permalink_label: &'static str,
    pub share_snippet_label: &'static str,
    pub share_snippet_help: &'static str,
    pub share_copy_link: &'static str,
    pub share_copy_snippet: &'static str,
    pub share_copied: &'static str,
    pub share_copy_manually: &'static str,
    pub share_close: &'static str,
    pub print_permalink: &'static str,
    pub print_source: &'static str,
    /// `{count}`, `{files}`
    pub print_corpus: &'static str,
    /// `{title}`, `{issuers}`, `{date}`, `{number}`
    pub print_document: &'static str,
}

impl Lang {
    pub fn embed_strings(self) -> &'static EmbedStrings {
        match self {
            Lang::Zh => &EMBED_ZH,
            Lang::En => &EMBED_EN,
        }
    }
}

pub static EMBED_ZH: EmbedStrings = EmbedStrings {
    open_full: "在完整浏览器中打开 ↗",
    open_full_label: "在新标签页中打开完整的政策浏览器，显示同一页面",
    notice_command_refused: "嵌入本应用的网页发送了无效的跳转指令（地址不是本应用的页面），已忽略，当前页面未改变。",
    share_button: "分享 / 嵌入",
    share_heading: "分享或嵌入当前页面",
    share_intro: "永久链接可在任何地方重新打开当前页面；嵌入代码可把它放进其他网页。",
    share_permalink_label: "永久链接",
    share_snippet_label: "嵌入代码（<iframe>）",
    share_snippet_help: "粘贴到网页的 HTML 中。框架在沙箱中运行，仅允许脚本和“在新标签页打开”，其高度可通过 postMessage 自动调整（见 docs/embedding.md）。",
    share_copy_link: "复制链接",
    share_copy_snippet: "复制嵌入代码",
    share_copied: "已复制到剪贴板。",
    share_copy_manually: "无法直接访问剪贴板：文字已选中，请按 Ctrl+C（Mac 上为 ⌘C）复制。",
    share_close: "关闭",
    print_permalink: "永久链接：",
    print_source: "来源：",
    print_corpus: "区域协调发展政策浏览器内置语料，{count} 份文件，底本文件：{files}",
    print_document: "《{title}》，{issuers}，{date}，{number}",
};

pub static EMBED_EN: EmbedStrings = EmbedStrings {
    open_full: "Open in the full explorer ↗",
    open_full_label: "Open this page in the full Regional Policy Explorer, in a new tab",
    notice_command_refused: "The page embedding this app sent an invalid navigation command (the address is not a page of this app). It was ignored; nothing changed.",
    share_button: "Share / embed",
    share_heading: "Share or embed this page",
    share_intro: "The permalink reopens this exact page anywhere; the embed code puts it into another web page.",
    share_permalink_label: "Permalink",
    share_snippet_label: "Embed code (<iframe>)",
    share_snippet_help: "Paste it into a page's HTML. The frame runs sandboxed (scripts and “open in a new tab” only) and can size itself through postMessage (see docs/embedding.md).",
    share_copy_link: "Copy link",
    share_copy_snippet: "Copy embed code",
    share_copied: "Copied to the clipboard.",
    share_copy_manually: "The clipboard cannot be reached here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.",
    share_close: "Close",
    print_permalink: "Permalink: ",
    print_source: "Source: ",
    print_corpus: "Regional Policy Explorer bundled corpus, {count} documents, from the raw files {files}",
    print_document: "“{title}”, {issuers}, {date}, {number}",
};

/// The classroom strings (issue 6): presentation mode, guided tours and
/// the storage notices, in their own table like [`CompareStrings`]. Same
/// rules: every field in both languages, templates filled with [`fill`].
#[derive(Debug)]
pub struct ClassroomStrings {
    pub notice_stored_preference_reset: &'static str,
    pub notice_stored_tours_reset: &'static str,
    pub notice_storage_unavailable: &'static str,
    pub notice_storage_save_failed: &'static str,
    pub notice_stored_copy_reset: &'static str,
    pub notice_copy_not_kept: &'static str,

    pub present_button: &'static str,
    pub present_button_label: &'static str,
    pub present_bar_label: &'static str,
    pub present_prev: &'static str,
    pub present_next: &'static str,
    pub present_exit: &'static str,
    /// `{n}`, `{total}`: the spoken form of the visible "7 / 33".
    pub present_position_label: &'static str,
    pub present_nothing: &'static str,
    pub present_hint: &'static str,

    pub nav_tours: &'static str,
    pub tours_heading: &'static str,
    pub tours_intro: &'static str,
    pub tours_built_in_heading: &'static str,
    pub tours_user_heading: &'static str,
    pub tours_user_none: &'static str,
    /// `{count}`
    pub tours_steps: &'static str,
    pub tours_start: &'static str,
    /// `{title}`
    pub tours_start_label: &'static str,
    pub tours_remove: &'static str,
    /// `{title}`
    pub tours_remove_label: &'static str,
    pub tours_load_heading: &'static str,
    pub tours_load_label: &'static str,
    pub tours_load_help: &'static str,
    /// `{title}`
    pub tours_loaded: &'static str,
    pub tours_error_prefix: &'static str,
    pub tour_error_empty: &'static str,
    /// `{max}` (kilobytes)
    pub tour_error_too_large: &'static str,
    pub tour_error_not_text: &'static str,
    /// `{line}`, `{column}`, `{message}` (the JSON parser's own English
    /// description; the Chinese table leaves it out)
    pub tour_error_syntax: &'static str,
    pub tour_error_format: &'static str,
    pub tour_error_id: &'static str,
    /// `{field}`, `{problem}`: one `tour_field_*` and one `tour_problem_*`
    pub tour_error_field: &'static str,
    pub tour_field_title: &'static str,
    pub tour_field_description: &'static str,
    pub tour_field_steps: &'static str,
    /// `{n}`
    pub tour_field_step_route: &'static str,
    /// `{n}`
    pub tour_field_step_title: &'static str,
    /// `{n}`
    pub tour_field_step_text: &'static str,
    pub tour_problem_chinese_empty: &'static str,
    /// `{max}`
    pub tour_problem_too_long: &'static str,
    /// `{max}`, `{found}`
    pub tour_problem_step_count: &'static str,
    pub tour_problem_route_not_hash: &'static str,
    pub tour_problem_route_unsafe: &'static str,
    /// `{page}`
    pub tour_problem_route_unknown_page: &'static str,
    /// `{max}`
    pub tour_error_too_many: &'static str,
    pub tour_error_no_room: &'static str,
    pub tour_error_unreadable: &'static str,
    pub page_title_tours: &'static str,

    pub tour_overlay_label: &'static str,
    pub tour_prev: &'static str,
    pub tour_next: &'static str,
    pub tour_close: &'static str,
    /// `{n}`, `{total}`
    pub tour_position_label: &'static str,
}

impl ClassroomStrings {
    /// A field of a tour file, named for a teacher looking for it.
    pub fn tour_field(&self, field: TourField) -> String {
        let step = |template: &str, n: usize| fill(template, &[("n", &n.to_string())]);
        match field {
            TourField::Title => self.tour_field_title.to_string(),
            TourField::Description => self.tour_field_description.to_string(),
            TourField::Steps => self.tour_field_steps.to_string(),
            TourField::StepRoute(n) => step(self.tour_field_step_route, n),
            TourField::StepTitle(n) => step(self.tour_field_step_title, n),
            TourField::StepText(n) => step(self.tour_field_step_text, n),
        }
    }

    /// What is wrong with a field of a tour file.
    pub fn tour_field_problem(&self, problem: &FieldProblem) -> String {
        let too_long = |max: usize| fill(self.tour_problem_too_long, &[("max", &max.to_string())]);
        match problem {
            FieldProblem::ChineseTextEmpty => self.tour_problem_chinese_empty.to_string(),
            FieldProblem::TooLong { max } => too_long(*max),
            FieldProblem::StepCount(found) => fill(
                self.tour_problem_step_count,
                &[
                    ("max", &MAX_STEPS.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            FieldProblem::Route(route) => match route {
                AppRouteError::TooLong => too_long(MAX_APP_ROUTE_CHARS),
                AppRouteError::NotAHashRoute => self.tour_problem_route_not_hash.to_string(),
                AppRouteError::UnsafeCharacters => self.tour_problem_route_unsafe.to_string(),
                AppRouteError::UnknownPage(page) => {
                    fill(self.tour_problem_route_unknown_page, &[("page", page)])
                }
            },
        }
    }
}

impl Lang {
    pub fn classroom_strings(self) -> &'static ClassroomStrings {
        match self {
            Lang::Zh => &CLASSROOM_ZH,
            Lang::En => &CLASSROOM_EN,
        }
    }
}

pub static CLASSROOM_ZH: ClassroomStrings = ClassroomStrings {
    notice_stored_preference_reset: "保存的阅读设置无法读取，已恢复默认。",
    notice_stored_tours_reset: "保存的导览无法读取，已清除。请重新载入导览文件。",
    notice_storage_unavailable: "此处无法使用浏览器存储（例如嵌入在受限框架中），关闭页面后您的设置不会被保留。",
    notice_storage_save_failed: "浏览器存储已满或拒绝写入，此次更改仅在本次访问中有效。",
    notice_stored_copy_reset: "保存的自带文本无法读取，已清除。请重新导入。",
    notice_copy_not_kept: "您导入的文本太大，无法保存在本浏览器中：本次访问可以使用，重新加载页面后需要再次导入。",

    present_button: "演示",
    present_button_label: "进入演示模式（快捷键 P）",
    present_bar_label: "演示控制",
    present_prev: "上一项",
    present_next: "下一项",
    present_exit: "退出演示",
    present_position_label: "第 {n} 项，共 {total} 项",
    present_nothing: "此页面没有可逐项演示的内容，显示整页。",
    present_hint: "← → 翻页 · Esc 退出",

    nav_tours: "导览",
    tours_heading: "导览",
    tours_intro: "导览是一组带说明的页面，按顺序带您看完一个主题。教师可以用同样格式的 JSON 文件编写自己的导览并在此载入。",
    tours_built_in_heading: "内置导览",
    tours_user_heading: "我载入的导览",
    tours_user_none: "尚未载入自己的导览。",
    tours_steps: "{count} 步",
    tours_start: "开始",
    tours_start_label: "开始导览：{title}",
    tours_remove: "移除",
    tours_remove_label: "移除导览：{title}",
    tours_load_heading: "载入导览文件",
    tours_load_label: "选择导览文件（JSON）",
    tours_load_help: "格式与 tours/ 目录中的内置导览相同（\"format\": \"policy-explorer-tour/1\"）。载入的导览保存在本浏览器中。",
    tours_loaded: "已载入导览：{title}",
    tours_error_prefix: "无法载入此文件：",
    tour_error_empty: "文件是空的。",
    tour_error_too_large: "文件太大，导览文件最多 {max} KB。",
    tour_error_not_text: "文件不是 UTF-8 文本，可能不是导览文件。",
    tour_error_syntax: "JSON 格式错误：第 {line} 行第 {column} 列附近。",
    tour_error_format: "\"format\" 必须是 \"policy-explorer-tour/1\"。",
    tour_error_id: "\"id\" 只能包含小写字母、数字和连字符（1–64 个字符）。",
    tour_error_field: "{field}有误：{problem}。",
    tour_field_title: "标题（\"title\"）",
    tour_field_description: "简介（\"description\"）",
    tour_field_steps: "步骤列表（\"steps\"）",
    tour_field_step_route: "第 {n} 步的地址（\"route\"）",
    tour_field_step_title: "第 {n} 步的标题（\"title\"）",
    tour_field_step_text: "第 {n} 步的说明（\"text\"）",
    tour_problem_chinese_empty: "中文文本（\"zh\"）为空",
    tour_problem_too_long: "超过 {max} 个字符",
    tour_problem_step_count: "导览需要 1 到 {max} 个步骤，实际有 {found} 个",
    tour_problem_route_not_hash: "必须以 \"#/\" 开头（本应用内的链接，例如 #/doc/sichuan/6.21）",
    tour_problem_route_unsafe: "含有空格、引号、尖括号或控制字符",
    tour_problem_route_unknown_page: "“{page}”不是本应用的页面",
    tour_error_too_many: "最多可以保存 {max} 个导览，请先移除一个。",
    tour_error_no_room: "为导览保留的存储空间不足，请先移除一个导览。",
    tour_error_unreadable: "浏览器无法读取此文件。",
    page_title_tours: "导览 · 区域协调发展政策浏览器",

    tour_overlay_label: "导览",
    tour_prev: "上一步",
    tour_next: "下一步",
    tour_close: "结束导览",
    tour_position_label: "第 {n} 步，共 {total} 步",
};

pub static CLASSROOM_EN: ClassroomStrings = ClassroomStrings {
    notice_stored_preference_reset: "A saved reading setting could not be read and was reset to its default.",
    notice_stored_tours_reset: "Your saved tours could not be read and were removed. Please load the tour files again.",
    notice_storage_unavailable: "Browser storage is not available here (for example inside a restricted frame): your settings will not be kept after you close the page.",
    notice_storage_save_failed: "Browser storage is full or refused the change: it holds for this visit only.",
    notice_stored_copy_reset: "Your saved copy could not be read and was removed. Please import it again.",
    notice_copy_not_kept: "Your imported copy is too large to keep in this browser: it works for this visit, but after a reload you will need to import it again.",

    present_button: "Present",
    present_button_label: "Enter presentation mode (key P)",
    present_bar_label: "Presentation controls",
    present_prev: "Previous",
    present_next: "Next",
    present_exit: "Leave presentation",
    present_position_label: "Item {n} of {total}",
    present_nothing: "Nothing on this page to step through; showing the whole page.",
    present_hint: "← → to step · Esc to leave",

    nav_tours: "Tours",
    tours_heading: "Guided tours",
    tours_intro: "A tour is a sequence of pages with explanations that walks through one topic. Teachers can write their own tour as a JSON file in the same format and load it here.",
    tours_built_in_heading: "Built-in tours",
    tours_user_heading: "Your tours",
    tours_user_none: "No tours of your own loaded yet.",
    tours_steps: "{count} steps",
    tours_start: "Start",
    tours_start_label: "Start the tour: {title}",
    tours_remove: "Remove",
    tours_remove_label: "Remove the tour: {title}",
    tours_load_heading: "Load a tour file",
    tours_load_label: "Choose a tour file (JSON)",
    tours_load_help: "Same format as the built-in tours in tours/ (\"format\": \"policy-explorer-tour/1\"). Loaded tours are kept in this browser.",
    tours_loaded: "Tour loaded: {title}",
    tours_error_prefix: "This file could not be loaded: ",
    tour_error_empty: "the file is empty.",
    tour_error_too_large: "the file is too large; a tour file may be at most {max} KB.",
    tour_error_not_text: "the file is not UTF-8 text (is it a tour file?).",
    tour_error_syntax: "invalid JSON at line {line}, column {column}: {message}",
    tour_error_format: "\"format\" must be \"policy-explorer-tour/1\".",
    tour_error_id: "\"id\" may only contain a–z, 0–9 and '-' (1–64 characters).",
    tour_error_field: "{field}: {problem}.",
    tour_field_title: "the title (\"title\")",
    tour_field_description: "the description (\"description\")",
    tour_field_steps: "the steps (\"steps\")",
    tour_field_step_route: "step {n} route",
    tour_field_step_title: "step {n} title",
    tour_field_step_text: "step {n} text",
    tour_problem_chinese_empty: "the Chinese text (\"zh\") is empty",
    tour_problem_too_long: "longer than {max} characters",
    tour_problem_step_count: "a tour needs 1 to {max} steps, found {found}",
    tour_problem_route_not_hash: "must start with \"#/\" (an in-app link such as #/doc/sichuan/6.21)",
    tour_problem_route_unsafe: "contains spaces, quotes, angle brackets or control characters",
    tour_problem_route_unknown_page: "\"{page}\" is not a page of the app",
    tour_error_too_many: "at most {max} tours can be kept; remove one first.",
    tour_error_no_room: "not enough storage space is left for tours; remove one first.",
    tour_error_unreadable: "the browser could not read this file.",
    page_title_tours: "Tours · Regional Policy Explorer",

    tour_overlay_label: "Tour",
    tour_prev: "Previous step",
    tour_next: "Next step",
    tour_close: "End tour",
    tour_position_label: "Step {n} of {total}",
};
