//! Restored readings wherever they appear: the reader's marks, switch and
//! notes, the library's count, the compare view's text choice and the
//! search results' flag. One table because the same words ("restored",
//! "witness text", "doubtful") must read the same on every screen.

/// One language's strings about restored readings. Templates use `{name}`
/// placeholders filled by [`super::fill`].
#[derive(Debug)]
pub struct RestorationStrings {
    /// The reader's switch while the restored reading is shown.
    pub show_witness: &'static str,
    /// The reader's switch while the witness text is shown.
    pub show_reading: &'static str,
    /// `{count}`: the reader's header note while the reading is shown.
    pub reader_note_reading: &'static str,
    /// `{count}`: the reader's header note while the witness text is shown.
    pub reader_note_witness: &'static str,
    pub unit_badge: &'static str,
    /// `{count}`: words restored in this unit.
    pub unit_note: &'static str,
    pub doubtful_badge: &'static str,
    pub doubtful_note: &'static str,
    /// `{witness}`, `{evidence}`: the tooltip of a restored word.
    pub mark_title: &'static str,
    /// `{witness}`: read by screen readers after a restored word.
    pub mark_hidden: &'static str,
    pub mark_doubtful: &'static str,
    /// `{original}`, `{reworded}`, `{count}`
    pub evidence_pair: &'static str,
    /// `{doc}`, `{path}`
    pub evidence_quote: &'static str,
    /// `{attested}`
    pub evidence_model: &'static str,
    /// `{word}`
    pub evidence_lexicon: &'static str,
    pub evidence_separator: &'static str,
    /// `{restored}`, `{total}`, `{doubtful}`: the library's count.
    pub library_count: &'static str,
    /// `{clauses}`, `{undone}` (percent), `{wrong}` (per 1,000 characters),
    /// `{confident}`, `{confident_wrong}`: how far to trust a restored
    /// reading, as measured where the truth is known.
    pub accuracy_note: &'static str,
    /// The compare view's switch.
    pub compare_witness_option: &'static str,
    /// `{restored}`: the witness view's note on units only the reworded
    /// copy carries (they have no faithful text to diff against).
    pub witness_view_note: &'static str,
    /// `{count}`: the compare view says the restored reading is compared.
    pub compare_note_reading: &'static str,
    /// `{count}`: the compare view says the witness text is compared.
    pub compare_note_witness: &'static str,
    /// The search results' flag on a restored unit.
    pub search_flag: &'static str,
    pub search_flag_doubtful: &'static str,
    pub search_flag_title: &'static str,
}

pub static RESTORATION_ZH: RestorationStrings = RestorationStrings {
    show_witness: "显示改写本原文",
    show_reading: "显示恢复文本",
    reader_note_reading: "本文件有 {count} 个条目仅存于机器“改写”的副本；这里显示的是据证据恢复的文本，恢复的词语已标出（悬停或聚焦可见改写本原词与依据）。",
    reader_note_witness: "正在显示改写本原文：{count} 个条目的文字未经恢复，是机器“改写”后的样子。",
    unit_badge: "恢复文本",
    unit_note: "据证据恢复了 {count} 处词语；改写本原文可通过上方开关查看。",
    doubtful_badge: "恢复存疑",
    doubtful_note: "本条的恢复依据较弱，部分词语可能仍有误，引用前请核对改写本原文与权威文本。",
    mark_title: "改写本作“{witness}”。依据：{evidence}",
    mark_hidden: "（恢复的词语，改写本作“{witness}”）",
    mark_doubtful: "（存疑）",
    evidence_pair: "习得的替换“{original}→{reworded}”（{count} 次）",
    evidence_quote: "{doc} {path} 引用了此处",
    evidence_model: "可靠文本在同一语境中写作此词（{attested} 次）",
    evidence_lexicon: "通用词典收有“{word}”",
    evidence_separator: "；",
    library_count: "{total} 个条目中有 {restored} 个为据改写本恢复的文本，其中 {doubtful} 个存疑",
    accuracy_note: "可信程度：在两个底本都有的 {clauses} 个条款上检验（用一半学习，恢复另一半，再与可靠文本对照），改写工具的替换恢复了 {undone}%，每千字约有 {wrong} 个本来正确的词被误改；未标“恢复存疑”的条款中，{confident} 处改动有 {confident_wrong} 处有误。",
    compare_witness_option: "比较改写本原文（不用恢复文本）",
    witness_view_note: "本页只比较两个底本都有的条款。另有 {restored} 条只见于改写本：阅读、检索和比较中显示的是根据证据恢复的文本（每个恢复的词都有标记和依据），可在阅读页切换查看改写本原文。",
    compare_note_reading: "{count} 个仅存于改写本的条目按恢复文本比较，改写工具造成的替换不计为差异。",
    compare_note_witness: "{count} 个仅存于改写本的条目按改写本原文比较，改写工具的替换也显示为差异。",
    search_flag: "恢复文本",
    search_flag_doubtful: "恢复存疑",
    search_flag_title: "此条文字据机器改写的副本恢复；也可按改写本原词检索到",
};

pub static RESTORATION_EN: RestorationStrings = RestorationStrings {
    show_witness: "Show the reworded witness text",
    show_reading: "Show the restored reading",
    reader_note_reading: "Units of this document found only in a machine-reworded copy: {count}. They are shown as restored from evidence; each restored word is marked (hover or focus it for the copy's word and the evidence).",
    reader_note_witness: "Showing the reworded witness text: {count} {count|unit|units} read as the machine rewording left them, not restored.",
    unit_badge: "Restored reading",
    unit_note: "{count} {count|word|words} restored from evidence; the switch above shows the reworded witness text.",
    doubtful_badge: "Restoration doubtful",
    doubtful_note: "The evidence for this unit's restoration is weak and some words may still be wrong; check the witness text and an authoritative text before quoting it.",
    mark_title: "The reworded copy has “{witness}”. Evidence: {evidence}",
    mark_hidden: " (restored word; the reworded copy has “{witness}”)",
    mark_doubtful: " (doubtful)",
    evidence_pair: "learned substitution “{original}→{reworded}” ({count}×)",
    evidence_quote: "quoted by {doc} {path}",
    evidence_model: "faithful texts use it in this context ({attested}×)",
    evidence_lexicon: "the general dictionary has “{word}”",
    evidence_separator: "; ",
    library_count: "{restored} of {total} units restored from the reworded copy, {doubtful} doubtful",
    accuracy_note: "How far to trust it: tested on the {clauses} clauses both witnesses carry (learning from one half, restoring the other and checking it against the faithful text), the restoration undoes {undone}% of the tool's substitutions and wrongly changes {wrong} correct words per 1,000 characters; in the clauses not flagged doubtful, {confident_wrong} of {confident} {confident|change was|changes were} wrong.",
    compare_witness_option: "Compare the reworded witness text (not the restored reading)",
    witness_view_note: "This page diffs only the clauses both witnesses carry. {restored} more {restored|unit survives|units survive} only in the reworded copy: the reader, search and comparisons show a reading restored from evidence (each restored word is marked with its evidence), and the reader can switch to the witness text as it is.",
    compare_note_reading: "{count} {count|unit|units} found only in the reworded copy are compared by their restored reading: the rewording tool's substitutions do not count as differences.",
    compare_note_witness: "{count} {count|unit|units} found only in the reworded copy are compared by their witness text: the rewording tool's substitutions show as differences.",
    search_flag: "restored",
    search_flag_doubtful: "restoration doubtful",
    search_flag_title: "This unit's text is restored from a machine-reworded copy; the copy's wording finds it too",
};
