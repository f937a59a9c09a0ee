//! The page chrome, the library, the reader and the error pages.

use policy_core::model::{Level, Script, UnitKind, WitnessRole};

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
    /// The single file's footer: everything is inside it.
    pub footer_offline: &'static str,
    /// The hosted build's footer: parts load from the site on first use.
    pub footer_hosted: &'static str,

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
    /// The reader's print choice (shown when a unit permalink is open).
    pub print_choice_label: &'static str,
    /// `{path}`: print the open unit with its headings.
    pub print_this_unit: &'static str,
    pub print_whole_document: &'static str,
    /// The printed source line: the title, then the known fields.
    pub print_title: &'static str,
    pub print_field_separator: &'static str,
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
    footer_hosted: "全部文件已内置于本应用；检索、比较及检索索引在首次使用时从本站加载。离线单文件版无需联网即可使用。",

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
    print_choice_label: "打印",
    print_this_unit: "打印本条（§ {path}）",
    print_whole_document: "打印全文",
    print_title: "《{title}》",
    print_field_separator: "，",
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
    footer_hosted: "Every document is built into this app; search, comparison and the search index load from this site when first used. The offline single file works without a network.",

    notices_label: "Notices",
    notice_dismiss: "Dismiss notice",
    notice_stored_language_reset: "The saved interface language could not be read and was reset to the default, Chinese.",

    library_heading: "Library",
    library_intro: "The corpus holds {count} policy {count|document|documents}. Choose a title to read it.",
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
    print_choice_label: "Print",
    print_this_unit: "Print this unit (§ {path})",
    print_whole_document: "Print the whole document",
    print_title: "“{title}”",
    print_field_separator: ", ",
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

};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_tables_differ_where_they_must() {
        assert_eq!(ZH.unknown, "未知");
        assert_eq!(EN.unknown, "unknown");
        assert_ne!(ZH.lang_toggle_text, EN.lang_toggle_text);
    }
}
