//! The structure parser: cleaned paragraphs → units with stable paths.
//!
//! Path scheme (documented in `docs/corpus-format.md`): a unit's path is
//! the printed numbers of the numbered units that contain it, outermost
//! first, then its own — the way a reader cites it (`第三章第二节` → `3.2`,
//! `二、（四）` → `2.4`, `三、（二）1.` → `3.2.1`, `1.` directly under
//! `一、` → `1.1`). Which levels a document uses is read from the document:
//! its labels rank 第X章 > 第X节 > 第X条 > 一、 > （一） > 1. > （1）/①, and a
//! label closes every open unit of the same or a lower rank.
//! * `0` — the preamble: text before the first numbered unit. When a
//!   covering notice precedes the attached text (a 通知 that 印发 an
//!   opinion), the notice is `0` and the attached text's own preamble is
//!   `0.1`.
//! * numbers are as printed: clause numbers that run on across sections
//!   (`（四）` under `二、`) give `2.4`; where they restart, that shows.
//! * `<parent>.dK` — the K-th `——` lead paragraph under its parent unit;
//!   the letter keeps it apart from numbered items (`1.2.d3` vs `1.2.3`).
//! * `<path>rK` — a label repeated by mistake in a source.
//!
//! A unit's kind is its depth in that hierarchy: the outermost level is a
//! `section` (第一章 in a plan, 一、 in an opinion), the second a `clause`,
//! anything deeper an `item`.
//!
//! Paragraphs without a label belong to the unit before them.

use super::heading::heading_of;
use super::numbering::leading_label;
use super::paragraph::{merge_repairs, Paragraph};
use crate::model::{Provenance, Repair, Unit, UnitKind, UnitPath};
use std::collections::HashSet;

/// A unit before tagging: its paragraphs are kept so callers can join,
/// compare or re-source them.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDraft {
    /// The dotted unit path, e.g. `2.4`.
    pub path: String,
    /// The number as printed, e.g. `（四）`.
    pub label: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Printed text after the label; following unlabelled paragraphs are
    /// separate entries.
    pub paragraphs: Vec<Paragraph>,
    /// A heading known from elsewhere (a covering notice's title), used
    /// instead of the lead phrase.
    pub heading: Option<String>,
}

impl UnitDraft {
    /// The unit text: paragraphs joined by newlines.
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// First and last raw line the unit's paragraphs cover.
    pub fn lines(&self) -> (usize, usize) {
        let lo = self.paragraphs.iter().map(|p| p.lines.0).min().unwrap_or(0);
        let hi = self.paragraphs.iter().map(|p| p.lines.1).max().unwrap_or(0);
        (lo, hi)
    }

    /// Every repair made to the unit's paragraphs, merged per rule.
    pub fn repairs(&self) -> Vec<Repair> {
        let mut out = Vec::new();
        for p in &self.paragraphs {
            merge_repairs(&mut out, &p.repairs);
        }
        out
    }

    /// Converts into a model unit (tags are added later).
    pub fn into_unit(self, file: &str) -> Unit {
        let text = self.text();
        Unit {
            path: UnitPath::new(self.path.clone()),
            label: self.label.clone(),
            kind: self.kind,
            heading: self
                .heading
                .clone()
                .or_else(|| heading_of(self.kind, &text)),
            mechanisms: Vec::new(),
            regions: Vec::new(),
            provenance: Provenance {
                file: file.to_string(),
                lines: self.lines(),
                reworded: false,
                also_in: Vec::new(),
                repairs: self.repairs(),
            },
            text,
            restored: None,
        }
    }
}

/// Index of the first paragraph of the numbered body: the first label of
/// the outermost level the document uses (a 第一章, or a 一、 in a text
/// without chapters, or a （一） in a text without sections …). `——` leads
/// alone do not make a body.
pub fn body_start(paras: &[Paragraph]) -> Option<usize> {
    let ranks: Vec<Option<u8>> = paras
        .iter()
        .map(|p| leading_label(&p.text).and_then(|l| l.marker.rank()))
        .collect();
    let top = ranks.iter().flatten().min()?;
    ranks.iter().position(|r| r.as_ref() == Some(top))
}

/// The kind of a numbered unit at `depth` (1 = outermost level).
fn kind_at(depth: usize) -> UnitKind {
    match depth {
        0 | 1 => UnitKind::Section,
        2 => UnitKind::Clause,
        _ => UnitKind::Item,
    }
}

/// Parses the numbered body into units in reading order.
pub fn parse_body(paras: &[Paragraph]) -> Vec<UnitDraft> {
    let mut units: Vec<UnitDraft> = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    // Open numbered units, outermost first: (rank, path).
    let mut open: Vec<(u8, String)> = Vec::new();
    let mut lead_parent: Option<(String, u32)> = None; // parent path, leads so far
    for p in paras {
        let Some(label) = leading_label(&p.text) else {
            match units.last_mut() {
                Some(u) => u.paragraphs.push(p.clone()),
                None => units.push(UnitDraft {
                    path: "0".into(),
                    label: String::new(),
                    kind: UnitKind::Preamble,
                    paragraphs: vec![p.clone()],
                    heading: None,
                }),
            }
            continue;
        };
        let rest = p.text[label.len..].trim_start().to_string();
        let (path, kind) = match (label.marker.rank(), label.marker.number()) {
            (Some(rank), Some(n)) => {
                while open.last().is_some_and(|(r, _)| *r >= rank) {
                    open.pop();
                }
                let path = match open.last() {
                    Some((_, parent)) => format!("{parent}.{n}"),
                    None => n.to_string(),
                };
                let path = unique_path(path, &mut used);
                open.push((rank, path.clone()));
                (path, kind_at(open.len()))
            }
            _ => {
                let parent = units
                    .iter()
                    .rev()
                    .find(|u| u.kind != UnitKind::Lead)
                    .map(|u| u.path.clone())
                    .unwrap_or_else(|| "0".into());
                let k = match &mut lead_parent {
                    Some((pp, k)) if *pp == parent => {
                        *k += 1;
                        *k
                    }
                    _ => {
                        lead_parent = Some((parent.clone(), 1));
                        1
                    }
                };
                let path = unique_path(format!("{parent}.d{k}"), &mut used);
                (path, UnitKind::Lead)
            }
        };
        let mut first = p.clone();
        first.text = rest;
        units.push(UnitDraft {
            path,
            label: label.printed,
            kind,
            paragraphs: vec![first],
            heading: None,
        });
    }
    units
}

/// A repeated label (a numbering slip in the source) must not produce two
/// units with one address: the later one gets `r2`, `r3` … appended.
fn unique_path(path: String, used: &mut HashSet<String>) -> String {
    if used.insert(path.clone()) {
        return path;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{path}r{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(units: &[UnitDraft]) -> Vec<&str> {
        units.iter().map(|u| u.path.as_str()).collect()
    }

    #[test]
    fn clause_numbers_run_on_across_sections() {
        let ps = Paragraph::numbered(&[
            "一、总体要求",
            "（一）指导思想。以…",
            "（二）基本原则",
            "——坚持市场主导。",
            "——坚持中央统筹。",
            "二、建立区域战略统筹机制",
            "（四）推动融合发展。",
        ]);
        let units = parse_body(&ps);
        assert_eq!(
            paths(&units),
            vec!["1", "1.1", "1.2", "1.2.d1", "1.2.d2", "2", "2.4"]
        );
        assert_eq!(units[6].label, "（四）");
        assert_eq!(units[6].text(), "推动融合发展。");
    }

    #[test]
    fn three_levels_and_section_body_text() {
        let ps = Paragraph::numbered(&[
            "一、总体要求",
            "以习近平新时代中国特色社会主义思想为指导。",
            "三、建立机制",
            "（一）建立区域统筹发展机制",
            "统筹自治区东、中、西部发展。",
            "（二）推动健全市场一体化发展机制",
            "1.促进要素流动。",
            "2.推动市场建设。",
        ]);
        let units = parse_body(&ps);
        assert_eq!(
            paths(&units),
            vec!["1", "3", "3.1", "3.2", "3.2.1", "3.2.2"]
        );
        assert_eq!(
            units[0].text(),
            "总体要求\n以习近平新时代中国特色社会主义思想为指导。"
        );
        assert_eq!(
            units[2].text(),
            "建立区域统筹发展机制\n统筹自治区东、中、西部发展。"
        );
        assert_eq!(units[4].lines(), (7, 7));
    }

    #[test]
    fn repeated_labels_get_distinct_paths() {
        let units = parse_body(&Paragraph::numbered(&[
            "一、甲",
            "（一）乙。",
            "（一）丙。",
        ]));
        assert_eq!(paths(&units), vec!["1", "1.1", "1.1r2"]);
    }

    #[test]
    fn items_directly_under_a_section_read_as_section_dot_item() {
        let units = parse_body(&Paragraph::numbered(&[
            "一、深化预算管理制度改革的总体要求",
            "1.指导思想。贯彻落实。",
            "2.目标任务。全面启动。",
            "二、主要任务",
            "（一）完善政府预算体系。",
            "1.加大统筹力度。",
            "（1）清理规范。",
            "②推进整合。",
        ]));
        assert_eq!(
            paths(&units),
            vec!["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.1.1", "2.1.1.2"]
        );
        let kinds: Vec<UnitKind> = units.iter().map(|u| u.kind).collect();
        assert_eq!(
            kinds,
            vec![
                UnitKind::Section,
                UnitKind::Clause,
                UnitKind::Clause,
                UnitKind::Section,
                UnitKind::Clause,
                UnitKind::Item,
                UnitKind::Item,
                UnitKind::Item
            ]
        );
    }

    #[test]
    fn chapters_and_their_sections_number_like_a_plan_is_cited() {
        let ps = Paragraph::numbered(&[
            "川陕革命老区是党和国家的重要财富。",
            "第一章 规划背景",
            "第一节 发展成效",
            "老区发展取得显著成效。",
            "一、经济实力明显增强。",
            "第二节 主要问题",
            "第二章 总体要求",
            "第一节 指导思想",
            "（一）坚持党的领导。",
            "——坚持人民至上。",
        ]);
        assert_eq!(body_start(&ps), Some(1));
        let units = parse_body(&ps[1..]);
        assert_eq!(
            paths(&units),
            vec!["1", "1.1", "1.1.1", "1.2", "2", "2.1", "2.1.1", "2.1.1.d1"]
        );
        assert_eq!(units[0].label, "第一章");
        assert_eq!(units[0].kind, UnitKind::Section);
        assert_eq!(units[1].kind, UnitKind::Clause);
        assert_eq!(units[1].text(), "发展成效\n老区发展取得显著成效。");
    }

    #[test]
    fn articles_run_on_across_chapters() {
        let units = parse_body(&Paragraph::numbered(&[
            "第一章 总则",
            "第一条 为了规范工作，制定本办法。",
            "第二条 本办法适用于全州。",
            "第二章 公文种类",
            "第三条 公文种类主要有：",
            "（一）决议。",
        ]));
        assert_eq!(paths(&units), vec!["1", "1.1", "1.2", "2", "2.3", "2.3.1"]);
    }

    #[test]
    fn body_starts_at_first_section() {
        let ps = Paragraph::numbered(&["标题", "导言。", "一、总体要求"]);
        assert_eq!(body_start(&ps), Some(2));
        assert_eq!(body_start(&Paragraph::numbered(&["只有一段话。"])), None);
        let items_only = Paragraph::numbered(&["通知如下：", "1.加强领导。", "2.落实责任。"]);
        assert_eq!(body_start(&items_only), Some(1));
        let leads_only = Paragraph::numbered(&["导言。", "——坚持。"]);
        assert_eq!(body_start(&leads_only), None);
    }
}
