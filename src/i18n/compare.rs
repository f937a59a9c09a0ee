//! The compare screens: side by side, the overview matrix and the witness
//! view, with their option notices and relation names.

use super::Lang;
use crate::views::compare_model::RowRelation;

/// The compare, overview and witness screens' strings, in their
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
    /// `{encoding}`, `{offset}`
    pub copy_error_malformed: &'static str,
    /// `{offset}`
    pub copy_error_unknown_encoding: &'static str,
    /// `{encoding}` (a standard name such as GBK, plus [`Self::encoding_bom`]
    /// or [`Self::encoding_sniffed`])
    pub copy_encoding: &'static str,
    pub encoding_bom: &'static str,
    pub encoding_sniffed: &'static str,
    /// `{done}`, `{total}` (paragraphs or units), `{stage}`
    pub copy_progress: &'static str,
    pub copy_stage_convert: &'static str,
    pub copy_stage_structure: &'static str,
    pub copy_stage_tag: &'static str,
    pub copy_stage_align: &'static str,
    pub copy_cancel: &'static str,
    pub copy_cancelled: &'static str,
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
    /// A long comparison running in slices: `{percent}` done.
    pub align_working: &'static str,
    pub align_cancel: &'static str,
    pub align_cancel_label: &'static str,
    pub align_cancelled: &'static str,
    pub compare_again: &'static str,
    /// After a pair row's first candidates: `{n}` not listed.
    pub others_more: &'static str,
    /// The button under a long table: `{next}` rows, `{left}` still hidden.
    pub more_rows: &'static str,
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

/// English short names of the bundled documents, by document id, for
/// column heads and other places too narrow for a title. The corpus gives
/// titles and document types in Chinese only (it is the documents' own
/// metadata, and stays as issued); these are interface words. A document
/// without an entry (an imported one) is called by its id in English.
pub fn english_short_name(doc_id: &str) -> Option<&'static str> {
    match doc_id {
        "central-2018" => Some("Central opinion 2018"),
        "sichuan" => Some("Sichuan"),
        "inner-mongolia" => Some("Inner Mongolia"),
        "ndrc-2016" => Some("NDRC guidance 2016"),
        _ => None,
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
    copy_error_malformed: "该文件以 {encoding} 字节顺序标记开头，但第 {offset} 字节处的内容不是有效的 {encoding}。",
    copy_error_unknown_encoding: "无法识别该文件的文字编码（可读取 UTF-8、UTF-16、GBK/GB18030；第 {offset} 字节起不是 UTF-8）。它可能不是文本文件。",
    copy_encoding: "文件编码：{encoding}",
    encoding_bom: "（带字节顺序标记）",
    encoding_sniffed: "（无字节顺序标记，按内容识别）",
    copy_progress: "正在处理：{stage} {done}/{total}",
    copy_stage_convert: "清洗与转换段落",
    copy_stage_structure: "识别文件结构",
    copy_stage_tag: "标注条目",
    copy_stage_align: "对齐",
    copy_cancel: "取消",
    copy_cancelled: "已取消导入，已载入的内容保持不变。",
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
    align_working: "正在对齐… {percent}%",
    align_cancel: "取消",
    align_cancel_label: "取消对齐",
    align_cancelled: "已取消对齐。已载入的文档保持不变。",
    compare_again: "重新比较",
    others_more: " 等，另有 {n} 个",
    more_rows: "显示后 {next} 行（还有 {left} 行）",
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
    step_none: "{total} {total|unit|units}: choose one to see its differences",
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
    copy_loaded: "Loaded: {name}, {units} {units|unit|units} (processed in {ms} ms).",
    copy_missing: "The address names “my copy”, but none is loaded (a very large copy is not kept after a reload). Paste or choose a text below.",
    copy_error_empty: "There is nothing to compare: the input is empty.",
    copy_error_malformed: "The file starts with a {encoding} byte-order mark, but the bytes at {offset} are not valid {encoding}.",
    copy_error_unknown_encoding: "The file's text encoding is not one the app reads (UTF-8, UTF-16, GBK/GB18030; not UTF-8 from byte {offset}). It may not be a text file.",
    copy_encoding: "File encoding: {encoding}",
    encoding_bom: " (with byte-order mark)",
    encoding_sniffed: " (no byte-order mark; recognized from the content)",
    copy_progress: "Working: {stage} {done}/{total}",
    copy_stage_convert: "cleaning and converting paragraphs",
    copy_stage_structure: "finding the document's structure",
    copy_stage_tag: "tagging units",
    copy_stage_align: "aligning",
    copy_cancel: "Cancel",
    copy_cancelled: "Import cancelled; what was loaded is unchanged.",
    copy_error_binary: "The input looks like a binary file ({count} control {count|character|characters}), not a text.",
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
    witness_counts: "{n} {n|change|changes}, {known} of them {known|a substitution|substitutions} from the learned table",
    witness_partial: "(faithful witness partial)",
    col_unit: "Unit",
    substitutions_heading: "Learned substitution table",
    substitutions_intro: "The pipeline compared the units both witnesses have and counted which word the tool replaced with which. The reader uses this table to mark suspicious words in units only the reworded copy has.",
    col_original: "Original",
    col_reworded: "Replaced by",
    col_count: "Count",
    col_example: "Example",
    suspect_title: "likely: {likely} (seen {count} {count|time|times})",
    suspect_hidden: " (likely originally “{likely}”)",
    align_working: "Aligning… {percent}%",
    align_cancel: "Cancel",
    align_cancel_label: "Cancel the alignment",
    align_cancelled: "Alignment cancelled. The documents loaded are kept.",
    compare_again: "Compare again",
    others_more: " and {n} more",
    more_rows: "Show the next {next} rows ({left} left)",
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
                .map(|hole| hole.split('|').next().unwrap_or(hole))
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        }
        let pairs = [
            (COMPARE_ZH.diff_summary, COMPARE_EN.diff_summary),
            (COMPARE_ZH.copy_loaded, COMPARE_EN.copy_loaded),
            (
                COMPARE_ZH.copy_error_malformed,
                COMPARE_EN.copy_error_malformed,
            ),
            (
                COMPARE_ZH.copy_error_unknown_encoding,
                COMPARE_EN.copy_error_unknown_encoding,
            ),
            (COMPARE_ZH.copy_encoding, COMPARE_EN.copy_encoding),
            (COMPARE_ZH.copy_progress, COMPARE_EN.copy_progress),
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
