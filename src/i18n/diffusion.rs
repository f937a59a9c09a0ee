//! How policy travels: fidelity bars and charts, binding-force and target
//! flags, citations in the reader and the timeline screen
//! (`docs/diffusion.md` defines every figure).

use super::Lang;
use policy_core::diffusion::binding::ChangeKind;

/// One language's strings for the diffusion figures. Templates use `{name}`
/// placeholders filled by [`super::fill`].
#[derive(Debug)]
pub struct DiffusionStrings {
    pub verbatim: &'static str,
    pub rewritten: &'static str,
    pub not_carried: &'static str,
    pub uncertain: &'static str,
    pub no_counterpart: &'static str,
    pub local_shared: &'static str,
    pub local_new: &'static str,
    /// `{verbatim}`, `{rewritten}`, `{not_carried}`, `{new}`: a pair's bar.
    pub pair_bar_label: &'static str,
    /// Heading of the focused pair's figures.
    pub pair_figures_heading: &'static str,
    /// What the pair figures measure.
    pub pair_figures_note: &'static str,
    pub strengthened: &'static str,
    pub weakened: &'static str,
    pub target: &'static str,
    /// Shown for an empty side of a change.
    pub change_none: &'static str,
    pub flags_label: &'static str,
    /// The compare view's filter.
    pub filter_changed: &'static str,
    /// `{shown}`, `{total}`: rows left by the filter.
    pub filter_count: &'static str,
    /// `{central}`, `{local}`: the summary chart's caption.
    pub chart_title: &'static str,
    pub chart_central_row: &'static str,
    pub chart_local_row: &'static str,
    /// Under the chart: rewriting is not copying.
    pub chart_note: &'static str,
    /// `{units}`: central units with no counterpart.
    pub chart_without: &'static str,
    pub overview_heading: &'static str,
    pub overview_intro: &'static str,
    pub overview_whole: &'static str,
    pub overview_col_mechanism: &'static str,
    pub overview_other: &'static str,
    pub cites_label: &'static str,
    pub cite_unresolved: &'static str,
    pub nav_timeline: &'static str,
    pub timeline_heading: &'static str,
    pub page_title_timeline: &'static str,
    pub timeline_intro: &'static str,
    pub date_unknown: &'static str,
    pub timeline_axis_unknown: &'static str,
    pub timeline_chart_label: &'static str,
    pub timeline_docs_heading: &'static str,
    pub timeline_cites_heading: &'static str,
    /// `{from}`, `{to}`, `{units}`
    pub timeline_edge: &'static str,
    pub timeline_unresolved_heading: &'static str,
    pub timeline_none: &'static str,
    pub list_separator: &'static str,
}

pub static DIFFUSION_ZH: DiffusionStrings = DiffusionStrings {
    verbatim: "照搬",
    rewritten: "改写",
    not_carried: "未承接",
    uncertain: "对应不确定",
    no_counterpart: "无对应",
    local_shared: "与中央文本共有",
    local_new: "地方新增",
    pair_bar_label: "中央条款内容：照搬 {verbatim}，改写 {rewritten}，未承接 {not_carried}；地方条款新增内容 {new}",
    pair_figures_heading: "承接程度（本对条款）",
    pair_figures_note: "按内容字符计（去掉标点和“的、和、与”等虚字）：照搬 = 在至少 4 字的相同连续片段中；改写 = 词语二元组相同但不连续照搬；未承接 = 其余。",
    strengthened: "约束力增强",
    weakened: "约束力减弱",
    target: "目标改变",
    change_none: "（无）",
    flags_label: "约束力与目标的变化",
    filter_changed: "只看约束力或目标有变化的条款",
    filter_count: "显示 {shown} / {total} 对",
    chart_title: "{local}对{central}的承接程度",
    chart_central_row: "中央文本",
    chart_local_row: "地方文本",
    chart_note: "按内容字符计。地方文件多为改写而非照搬；“对应不确定”的条款不计入承接程度。定义见 docs/diffusion.md。",
    chart_without: "无对应的中央条款：{units}",
    overview_heading: "承接程度：各机制",
    overview_intro: "每格：该机制中央条款内容被照搬、改写、未承接、对应不确定或无对应的比例（按内容字符计）。",
    overview_whole: "全文",
    overview_col_mechanism: "机制",
    overview_other: "序言等",
    cites_label: "引用：",
    cite_unresolved: "（不在文库中）",
    nav_timeline: "时间线",
    timeline_heading: "时间线与引用",
    page_title_timeline: "时间线与引用 · 区域协调发展政策浏览器",
    timeline_intro: "按成文日期排列的文件，箭头表示引用关系（引用方 → 被引用方）。来源未写明日期的文件列为“日期不详”，不作推测。",
    date_unknown: "日期不详",
    timeline_axis_unknown: "日期不详",
    timeline_chart_label: "文件时间线与引用箭头",
    timeline_docs_heading: "按日期排列的文件",
    timeline_cites_heading: "引用关系",
    timeline_edge: "{from} 引用 {to}（条目 {units}）",
    timeline_unresolved_heading: "引用了文库以外的文件",
    timeline_none: "无",
    list_separator: "、",
};

pub static DIFFUSION_EN: DiffusionStrings = DiffusionStrings {
    verbatim: "verbatim",
    rewritten: "rewritten",
    not_carried: "not carried",
    uncertain: "uncertain counterpart",
    no_counterpart: "no counterpart",
    local_shared: "shared with the central text",
    local_new: "new local content",
    pair_bar_label: "Central clause content: verbatim {verbatim}, rewritten {rewritten}, not carried {not_carried}; new content in the local clause {new}",
    pair_figures_heading: "Fidelity of this pair",
    pair_figures_note: "Counted in content characters (punctuation and particles such as 的、和、与 left out): verbatim = inside a run of at least 4 characters found as is; rewritten = shares a character bigram but no such run; not carried = the rest.",
    strengthened: "more binding",
    weakened: "less binding",
    target: "target changed",
    change_none: "(none)",
    flags_label: "Changes in binding force and targets",
    filter_changed: "Only pairs where binding force or a target changed",
    filter_count: "{shown} of {total} pairs shown",
    chart_title: "How faithfully {local} carries over {central}",
    chart_central_row: "Central text",
    chart_local_row: "Local text",
    chart_note: "Counted in content characters. Local documents mostly rewrite rather than copy; clauses with an uncertain counterpart are not counted as carried over. Definitions: docs/diffusion.md.",
    chart_without: "Central units with no counterpart: {units}",
    overview_heading: "Fidelity by mechanism",
    overview_intro: "Each cell: the share of the central text of that mechanism carried over verbatim, rewritten, not carried, with an uncertain counterpart or with none (content characters).",
    overview_whole: "Whole document",
    overview_col_mechanism: "Mechanism",
    overview_other: "Preamble etc.",
    cites_label: "Cites: ",
    cite_unresolved: "(not in the library)",
    nav_timeline: "Timeline",
    timeline_heading: "Timeline and citations",
    page_title_timeline: "Timeline and citations · Regional Policy Explorer",
    timeline_intro: "Documents by the date they were made; arrows show citations (citing → cited). Documents whose sources state no date are listed as “date unknown”, never placed by guess.",
    date_unknown: "date unknown",
    timeline_axis_unknown: "date unknown",
    timeline_chart_label: "Documents on a time axis with citation arrows",
    timeline_docs_heading: "Documents by date",
    timeline_cites_heading: "Citations",
    timeline_edge: "{from} cites {to} (units {units})",
    timeline_unresolved_heading: "Citations of documents outside the library",
    timeline_none: "none",
    list_separator: ", ",
};

impl DiffusionStrings {
    /// The name of a change's kind.
    pub fn change(&self, kind: ChangeKind) -> &'static str {
        match kind {
            ChangeKind::Strengthened => self.strengthened,
            ChangeKind::Weakened => self.weakened,
            ChangeKind::Target => self.target,
        }
    }
}

impl Lang {
    /// The strings of the diffusion figures, flags, citations and timeline.
    pub fn diffusion_strings(self) -> &'static DiffusionStrings {
        match self {
            Lang::Zh => &DIFFUSION_ZH,
            Lang::En => &DIFFUSION_EN,
        }
    }
}
