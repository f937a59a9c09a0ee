//! Flags: what a reader must know about a text that the cleaning rules
//! cannot repair — it stops mid-sentence (a page archive's excerpt, a
//! copy cut off), or characters were censored by a site (`国家*委`,
//! `××县`, `□□`). Nothing is guessed: a flag is recorded on the paragraph
//! (and so on its unit's provenance) as a [`crate::model::Repair`] whose
//! rule is a flag rule and whose text is unchanged.

use super::layout::ends_open;
use super::metadata;
use super::numbering::leading_label;
use super::paragraph::Paragraph;
use super::punctuation::is_cjk;
use crate::model::{Document, Removal};

/// Rule ids of the flags.
pub mod rule {
    /// The text stops mid-sentence: recorded on the last paragraph.
    pub const TRUNCATED: &str = "truncated";
    /// Characters a site replaced with `*`, `×`, `□` …, counted per paragraph.
    pub const CENSORED_CHARACTER: &str = "censored-character";
}

/// Characters sites put in place of censored ones.
const CENSOR_MARKS: [char; 6] = ['*', '＊', '×', '□', '■', '◻'];

/// Censor marks in `text` standing next to Chinese text (a `×` between two
/// numbers is a multiplication, a `*` in Latin text is not Chinese), and
/// the first one with a few characters of context.
pub fn censored_characters(text: &str) -> (usize, Option<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut example = None;
    let mut i = 0;
    while i < chars.len() {
        if !CENSOR_MARKS.contains(&chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && CENSOR_MARKS.contains(&chars[i]) {
            i += 1;
        }
        let prev = start.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i).copied();
        let chinese = prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        let arithmetic =
            prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
        if chinese && !arithmetic {
            count += i - start;
            if example.is_none() {
                let lo = start.saturating_sub(4);
                let hi = (i + 4).min(chars.len());
                example = Some(chars[lo..hi].iter().collect());
            }
        }
    }
    (count, example)
}

/// Paragraph openings that may end a complete document without closing
/// punctuation: attachment lists, copy lines, contacts.
const OPEN_ENDINGS: [&str; 7] = [
    "附件",
    "附：",
    "附表",
    "抄送",
    "联系人",
    "联系电话",
    "（此件",
];

/// True when the last paragraph of a text shows the text was cut: it ends
/// mid-sentence and is not a signature, a date or an attachment line.
fn cut_off(last: &Paragraph) -> bool {
    let t = last.text.trim();
    ends_open(t)
        && metadata::date_line(t).is_none()
        && metadata::split_issuers(t).is_none()
        && metadata::doc_number_line(t).is_none()
        && !OPEN_ENDINGS.iter().any(|o| t.starts_with(o))
}

/// Records the censored-character flag on every paragraph that has some,
/// and the truncation flag on the last paragraph of a text that stops
/// mid-sentence. A bare numbering label left at the very end (`（二）` and
/// nothing after it) is the cut itself: it is removed (logged under
/// [`rule::TRUNCATED`]) and the paragraph before it carries the flag.
pub fn flag(paras: &mut Vec<Paragraph>, file: &str, removals: &mut Vec<Removal>) {
    for p in paras.iter_mut() {
        let (count, example) = censored_characters(&p.text);
        p.record(rule::CENSORED_CHARACTER, count, example);
    }
    let bare_label = paras.last().is_some_and(|p| {
        leading_label(&p.text)
            .is_some_and(|l| l.marker.rank().is_some() && p.text[l.len..].trim().is_empty())
    });
    if bare_label && paras.len() > 1 {
        if let Some(p) = paras.pop() {
            removals.push(Removal {
                file: file.to_string(),
                line: p.lines.0,
                rule: rule::TRUNCATED.to_string(),
                text: p.text,
            });
        }
    }
    if let Some(last) = paras.last_mut() {
        if bare_label || cut_off(last) {
            let tail: Vec<char> = last.text.chars().collect();
            let example: String = tail[tail.len().saturating_sub(8)..].iter().collect();
            last.record(rule::TRUNCATED, 1, Some(format!("{example}…")));
        }
    }
}

/// True when a document's text is flagged as cut off.
pub fn is_truncated(doc: &Document) -> bool {
    doc.units.iter().any(|u| {
        u.provenance
            .repairs
            .iter()
            .any(|r| r.rule == rule::TRUNCATED)
    })
}

/// How many censored characters a document's units carry.
pub fn censored_count(doc: &Document) -> usize {
    doc.units
        .iter()
        .flat_map(|u| &u.provenance.repairs)
        .filter(|r| r.rule == rule::CENSORED_CHARACTER)
        .map(|r| r.count)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(p: &Paragraph) -> Vec<&str> {
        p.repairs.iter().map(|r| r.rule.as_str()).collect()
    }

    #[test]
    fn censor_marks_next_to_chinese_are_counted_not_guessed() {
        assert_eq!(
            censored_characters("国家*委和××县的□□工作"),
            (5, Some("国家*委和××".to_string()))
        );
        assert_eq!(censored_characters("3×3 矩阵，5*24 小时").0, 0);
        assert_eq!(censored_characters("a * b").0, 0);
        let mut ps = Paragraph::numbered(&["国家*委印发。"]);
        flag(&mut ps, "f", &mut Vec::new());
        assert_eq!(ps[0].text, "国家*委印发。", "the text is not changed");
        assert_eq!(ps[0].repairs[0].count, 1);
    }

    #[test]
    fn a_text_that_stops_mid_sentence_is_flagged_on_its_last_paragraph() {
        let mut ps = Paragraph::numbered(&[
            "一、总体要求",
            "（一）推进建设。同步推进渝昆高铁建设，争取开工建设重庆至宜",
        ]);
        flag(&mut ps, "f", &mut Vec::new());
        assert_eq!(rules(&ps[1]), vec!["truncated"]);
        assert_eq!(
            ps[1].repairs[0].example.as_deref(),
            Some("开工建设重庆至宜…")
        );
        assert!(rules(&ps[0]).is_empty());
    }

    #[test]
    fn a_bare_label_at_the_end_is_the_cut() {
        let mut ps = Paragraph::numbered(&["一、总体要求", "（一）指导思想。坚持。", "（二）"]);
        let mut removed = Vec::new();
        flag(&mut ps, "f", &mut removed);
        assert_eq!(ps.len(), 2);
        assert_eq!(rules(&ps[1]), vec!["truncated"]);
        assert_eq!(removed[0].rule, "truncated");
        assert_eq!(removed[0].text, "（二）");
    }

    #[test]
    fn signatures_dates_and_closed_endings_are_complete() {
        for last in [
            "（三十三）加强评估监测。预先防范区域发展风险。",
            "2018年11月18日",
            "中共中央 国务院",
            "国家发展改革委",
            "附件：区域协调发展评价指标表",
            "（此件公开发布）",
        ] {
            let mut ps = Paragraph::numbered(&["一、总体要求", last]);
            flag(&mut ps, "f", &mut Vec::new());
            assert!(rules(&ps[1]).is_empty(), "{last}");
        }
    }
}
