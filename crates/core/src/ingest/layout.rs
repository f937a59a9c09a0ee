//! Layout repairs: turning lines into paragraphs and undoing what a page
//! layout did to them — a whole text on one line, blocks a newspaper
//! extraction repeated, a commentary sidebar spliced into a clause, words
//! cut at a column break. Each repair is recorded on the paragraph it
//! changed; each deletion becomes a [`Removal`].

use super::noise::SourceLine;
use super::numbering::{leading_label, Marker};
use super::paragraph::Paragraph;
use crate::model::Removal;

/// Rule ids used by this module.
pub mod rule {
    /// A line holding several paragraphs was split.
    pub const PARAGRAPH_SPLIT: &str = "paragraph-split";
    /// A block the extraction repeated was dropped.
    pub const REPEATED_BLOCK: &str = "repeated-block";
    /// A commentary sidebar spliced into a clause was cut out.
    pub const COMMENTARY_SIDEBAR: &str = "commentary-sidebar";
    /// A word cut at a column break was joined.
    pub const COLUMN_BREAK_JOIN: &str = "column-break-join";
}

/// Characters that may legitimately end a paragraph. A prose paragraph
/// ending in anything else was cut (by a column break or a truncation).
const CLOSING: [char; 11] = [
    '。', '！', '？', '；', '：', '”', '’', '）', '》', '…', '」',
];

/// True when `text` ends mid-sentence.
pub fn ends_open(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| !CLOSING.contains(&c))
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Each non-blank line becomes a paragraph; a line that holds a whole
/// document (as a rewording tool or a flattened web page writes it) is
/// split where whitespace is followed by a numbering label (`一、`, `（一）`,
/// `1.`, `——`), and around a document number or an ISO date standing
/// alone between spaces (`…实施意见 浙政发[2009]69号 2009-11-03 为贯彻…`).
pub fn split_paragraphs(lines: &[SourceLine]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for line in lines {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        let pieces = split_at_labels(text);
        let split = pieces.len() > 1;
        for piece in pieces {
            let mut p = Paragraph::new(piece, line.no);
            if split {
                p.record(rule::PARAGRAPH_SPLIT, 1, None);
            }
            out.push(p);
        }
    }
    out
}

fn split_at_labels(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_whitespace() {
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(&(k, d)) = iter.peek() {
            if d.is_whitespace() {
                iter.next();
                j = k + d.len_utf8();
            } else {
                break;
            }
        }
        let before = text[start..i]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        if j < text.len()
            && (leading_label(&text[j..]).is_some()
                || is_header_token(&text[j..])
                || (!before.is_empty()
                    && whole_header_token(before)
                    && !starts_with_time(&text[j..])))
        {
            let piece = text[start..i].trim();
            if !piece.is_empty() {
                pieces.push(piece.to_string());
            }
            start = j;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        pieces.push(last.to_string());
    }
    pieces
}

/// Byte length of a document number or ISO date at the start of `s` that
/// ends at whitespace or at the end of `s`.
fn header_token_len(s: &str) -> Option<usize> {
    let len = super::metadata::doc_number_prefix_len(s)
        .or_else(|| super::news::iso_date_token(s).map(|(n, _)| n))?;
    (s[len..].is_empty() || s[len..].starts_with(char::is_whitespace)).then_some(len)
}

/// `10:23` after a date belongs to it (a timestamp, not two tokens).
fn starts_with_time(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && s[digits..].starts_with(':')
}

fn is_header_token(s: &str) -> bool {
    header_token_len(s).is_some()
}

fn whole_header_token(word: &str) -> bool {
    header_token_len(word) == Some(word.len())
}

/// Splits a heading glued to the first `——` paragraph under it:
/// `（二）基本原则——明确定位、差异发展。…` → `（二）基本原则` +
/// `——明确定位、差异发展。…`. Only a short heading (no punctuation) after
/// a section or clause label qualifies.
pub fn split_glued_leads(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let split = leading_label(&p.text)
            .filter(|l| matches!(l.marker, Marker::Section(_) | Marker::Clause(_)))
            .and_then(|l| {
                let rest = &p.text[l.len..];
                let dash = rest.find("——")?;
                let heading = &rest[..dash];
                let ok = (2..=12).contains(&char_len(heading))
                    && heading.chars().all(super::punctuation::is_cjk)
                    && char_len(&rest[dash..]) > 4;
                ok.then(|| l.len + dash)
            });
        match split {
            Some(at) => {
                let mut head = p.clone();
                head.text = p.text[..at].to_string();
                head.record(rule::PARAGRAPH_SPLIT, 1, None);
                let mut lead = p;
                lead.text = lead.text[at..].to_string();
                lead.record(rule::PARAGRAPH_SPLIT, 1, None);
                out.push(head);
                out.push(lead);
            }
            None => out.push(p),
        }
    }
    out
}

fn removal(file: &str, p: &Paragraph, rule: &str) -> Removal {
    Removal {
        file: file.to_string(),
        line: p.lines.0,
        rule: rule.to_string(),
        text: p.text.clone(),
    }
}

/// Drops paragraphs that repeat an earlier paragraph word for word (a
/// layout extraction that emitted the same column several times, or a
/// signature date printed twice). Short paragraphs (under 10 characters)
/// are only dropped when they repeat the paragraph right before them, so a
/// legitimately recurring short line elsewhere survives.
pub fn collapse_repeated(paras: Vec<Paragraph>, file: &str) -> (Vec<Paragraph>, Vec<Removal>) {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<Paragraph> = Vec::with_capacity(paras.len());
    let mut removals = Vec::new();
    for p in paras {
        let repeats_previous = kept.last().is_some_and(|k| k.text == p.text);
        let long = char_len(&p.text) >= 10;
        if repeats_previous || (long && seen.contains(&p.text)) {
            removals.push(removal(file, &p, rule::REPEATED_BLOCK));
            continue;
        }
        seen.insert(p.text.clone());
        kept.push(p);
    }
    (kept, removals)
}

fn is_numbered(p: &Paragraph) -> bool {
    matches!(
        leading_label(&p.text).map(|l| l.marker),
        Some(Marker::Section(_) | Marker::Clause(_) | Marker::Item(_))
    )
}

/// Splices out a commentary sidebar. Newspaper layouts interrupt a long
/// clause with a boxed commentary (a short title, an "意见强调…" summary,
/// quoted lead paragraphs); the extraction then emits the clause's
/// continuation twice: a short fragment before the box and the full
/// continuation after it. So: an unnumbered paragraph that is a prefix of a
/// later unnumbered paragraph (within a few paragraphs, with no numbered
/// paragraph in between) is a superseded fragment, and everything between
/// the two is the sidebar.
pub fn splice_sidebars(paras: Vec<Paragraph>, file: &str) -> (Vec<Paragraph>, Vec<Removal>) {
    const WINDOW: usize = 12;
    let mut drop: Vec<Option<&'static str>> = vec![None; paras.len()];
    let mut k = 0;
    while k < paras.len() {
        let frag = &paras[k];
        if drop[k].is_some() || is_numbered(frag) || char_len(&frag.text) < 15 {
            k += 1;
            continue;
        }
        let window_end = paras.len().min(k + 1 + WINDOW);
        let found = paras[k + 1..window_end]
            .iter()
            .take_while(|p| !is_numbered(p))
            .position(|p| p.text.len() > frag.text.len() && p.text.starts_with(&frag.text))
            .map(|offset| k + 1 + offset);
        if let Some(m) = found {
            drop[k] = Some(rule::REPEATED_BLOCK);
            for d in drop.iter_mut().take(m).skip(k + 1) {
                *d = Some(rule::COMMENTARY_SIDEBAR);
            }
            k = m;
        } else {
            k += 1;
        }
    }
    let mut kept = Vec::with_capacity(paras.len());
    let mut removals = Vec::new();
    for (p, d) in paras.into_iter().zip(drop) {
        match d {
            Some(rule) => removals.push(removal(file, &p, rule)),
            None => kept.push(p),
        }
    }
    (kept, removals)
}

/// Rejoins a prose paragraph that a column break cut mid-word (`…相互融` +
/// `通补充。…`): the first ends without closing punctuation, is long prose
/// (a title never is), and the next paragraph carries no numbering label.
pub fn join_column_breaks(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paras.len());
    for p in paras {
        if let Some(prev) = out.last_mut() {
            let prose = char_len(&prev.text) >= 40 && prev.text.contains(['，', '。']);
            if prose && ends_open(&prev.text) && leading_label(&p.text).is_none() {
                let tail: String = {
                    let cs: Vec<char> = prev.text.chars().collect();
                    cs[cs.len().saturating_sub(4)..].iter().collect()
                };
                let head: String = p.text.chars().take(4).collect();
                let example = format!("{tail} | {head} → {tail}{head}");
                prev.text.push_str(&p.text);
                prev.lines.1 = prev.lines.1.max(p.lines.1);
                prev.record(rule::COLUMN_BREAK_JOIN, 1, Some(example));
                super::paragraph::merge_repairs(&mut prev.repairs, &p.repairs);
                continue;
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(ps: &[Paragraph]) -> Vec<&str> {
        ps.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn one_line_documents_split_at_labels() {
        let line = SourceLine {
            no: 3,
            text: "如下定见。 一、整体要求 （一）辅导思维。以… （二）根本原则 ——坚持市场主导。"
                .into(),
        };
        let ps = split_paragraphs(&[line]);
        assert_eq!(
            texts(&ps),
            vec![
                "如下定见。",
                "一、整体要求",
                "（一）辅导思维。以…",
                "（二）根本原则",
                "——坚持市场主导。"
            ]
        );
        assert!(ps
            .iter()
            .all(|p| p.lines == (3, 3) && p.repairs[0].rule == "paragraph-split"));
    }

    #[test]
    fn a_flattened_header_splits_around_its_number_and_date() {
        let line = SourceLine {
            no: 1,
            text: "某省人民政府关于加强合作的实施意见 浙政发[2009]69号 2009-11-03 为贯彻《指导意见》(国发[2008]30号)精神,提出以下意见。 一、总体要求".into(),
        };
        assert_eq!(
            texts(&split_paragraphs(&[line])),
            vec![
                "某省人民政府关于加强合作的实施意见",
                "浙政发[2009]69号",
                "2009-11-03",
                "为贯彻《指导意见》(国发[2008]30号)精神,提出以下意见。",
                "一、总体要求"
            ]
        );
        let prose = SourceLine {
            no: 1,
            text: "根据 国发[2008]30号文件 要求".into(),
        };
        assert_eq!(split_paragraphs(&[prose]).len(), 1);
    }

    #[test]
    fn a_heading_glued_to_its_first_lead_comes_apart() {
        let ps = split_glued_leads(Paragraph::numbered(&[
            "（二）基本原则——明确定位、差异发展。立足区域比较优势。",
            "——协调联动、整体提升。",
            "（三）发展目标——到2020年",
            "一、坚持——以人为本的发展思想，推进改革。",
        ]));
        assert_eq!(
            texts(&ps),
            vec![
                "（二）基本原则",
                "——明确定位、差异发展。立足区域比较优势。",
                "——协调联动、整体提升。",
                "（三）发展目标",
                "——到2020年",
                "一、坚持",
                "——以人为本的发展思想，推进改革。"
            ]
        );
    }

    #[test]
    fn spaces_inside_prose_do_not_split() {
        let line = SourceLine {
            no: 1,
            text: "到 2020 年，区域 发展".into(),
        };
        assert_eq!(split_paragraphs(&[line]).len(), 1);
    }

    #[test]
    fn repeated_blocks_collapse_to_their_first_copy() {
        let (kept, removed) = collapse_repeated(
            Paragraph::numbered(&[
                "（九）完善区域交易平台和制度。建立健全。",
                "（十）推动区域合作互动。",
                "（九）完善区域交易平台和制度。建立健全。",
                "2016年8月16日",
                "2016年8月16日",
            ]),
            "f",
        );
        assert_eq!(
            texts(&kept),
            vec![
                "（九）完善区域交易平台和制度。建立健全。",
                "（十）推动区域合作互动。",
                "2016年8月16日"
            ]
        );
        assert_eq!(
            removed.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![3, 5]
        );
    }

    #[test]
    fn sidebar_between_a_fragment_and_its_full_continuation_is_spliced_out() {
        let (kept, removed) = splice_sidebars(
            Paragraph::numbered(&[
                "（四）推动国家重大区域战略融合发展。以西部、东北为基础，促进区域间相互融",
                "通补充。以“一带一路”建设助推沿海开放。",
                "推动国家重大区域战略融合发展",
                "意见强调，推动国家重大区域战略融合发展。",
                "——以“一带一路”建设助推沿海开放。",
                "通补充。以“一带一路”建设助推沿海开放。充分发挥长江经济带的区位优势。",
                "（五）统筹发达地区和欠发达地区发展。",
            ]),
            "f",
        );
        assert_eq!(kept.len(), 3);
        assert!(kept[1].text.ends_with("区位优势。"));
        let rules: Vec<&str> = removed.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(
            rules,
            vec![
                "repeated-block",
                "commentary-sidebar",
                "commentary-sidebar",
                "commentary-sidebar"
            ]
        );
    }

    #[test]
    fn column_breaks_join_but_titles_and_labels_do_not() {
        let joined = join_column_breaks(Paragraph::numbered(&[
            "（八）推动区域市场一体化建设。进一步完善长三角区域合作工作机制，深化三省一市在产业结构布",
            "局调整、改革创新等方面合作。",
            "中共中央 国务院",
            "关于建立更加有效的区域协调发展新机制的意见",
        ]));
        assert_eq!(joined.len(), 3);
        assert!(joined[0]
            .text
            .ends_with("产业结构布局调整、改革创新等方面合作。"));
        assert_eq!(joined[0].lines, (1, 2));
        assert_eq!(joined[0].repairs[0].rule, "column-break-join");
    }

    #[test]
    fn open_endings() {
        assert!(ends_open("促进区域间相互融"));
        assert!(!ends_open("优化开发模式。"));
        assert!(!ends_open("（2018年11月18日）"));
    }
}
