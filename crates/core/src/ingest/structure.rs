//! The structure parser: cleaned paragraphs → units with stable paths.
//!
//! Path scheme (documented in `docs/corpus-format.md`):
//! * `0` — the preamble: text before the first section. When a covering
//!   notice precedes the attached text (a 通知 that 印发 an opinion), the
//!   notice is `0` and the attached text's own preamble is `0.1`.
//! * `N` — section `N、` (`二、` → `2`).
//! * `N.C` — clause `（C）` under section N, with C as printed (clause
//!   numbers run on across sections in most documents: `（四）` under `二、`
//!   is `2.4`; where they restart per section that shows in C).
//! * `N.C.I` — item `I.` under that clause; an item directly under a
//!   section (no clause yet) is `N.0.I`.
//! * `<parent>.dK` — the K-th `——` lead paragraph under its parent unit;
//!   the letter keeps it apart from numbered items (`1.2.d3` vs `1.2.3`).
//!
//! Paragraphs without a label belong to the unit before them.

use super::heading::heading_of;
use super::numbering::{leading_label, Marker};
use super::paragraph::{merge_repairs, Paragraph};
use crate::model::{Provenance, Repair, Unit, UnitKind, UnitPath};
use std::collections::HashSet;

/// A unit before tagging: its paragraphs are kept so callers can join,
/// compare or re-source them.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDraft {
    pub path: String,
    pub label: String,
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

    pub fn lines(&self) -> (usize, usize) {
        let lo = self.paragraphs.iter().map(|p| p.lines.0).min().unwrap_or(0);
        let hi = self.paragraphs.iter().map(|p| p.lines.1).max().unwrap_or(0);
        (lo, hi)
    }

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

/// Index of the first paragraph of the numbered body (the first section
/// label, or the first clause label in a document without sections).
pub fn body_start(paras: &[Paragraph]) -> Option<usize> {
    let labels: Vec<Option<Marker>> = paras
        .iter()
        .map(|p| leading_label(&p.text).map(|l| l.marker))
        .collect();
    labels
        .iter()
        .position(|m| matches!(m, Some(Marker::Section(_))))
        .or_else(|| {
            labels
                .iter()
                .position(|m| matches!(m, Some(Marker::Clause(_))))
        })
}

/// Parses the numbered body into units in reading order.
pub fn parse_body(paras: &[Paragraph]) -> Vec<UnitDraft> {
    let mut units: Vec<UnitDraft> = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut section: Option<u32> = None;
    let mut clause: Option<String> = None; // path of the current clause
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
        let (path, kind) = match label.marker {
            Marker::Section(n) => {
                section = Some(n);
                clause = None;
                (n.to_string(), UnitKind::Section)
            }
            Marker::Clause(n) => {
                let path = match section {
                    Some(s) => format!("{s}.{n}"),
                    None => n.to_string(),
                };
                clause = Some(path.clone());
                (path, UnitKind::Clause)
            }
            Marker::Item(n) => {
                let parent = clause.clone().unwrap_or_else(|| match section {
                    Some(s) => format!("{s}.0"),
                    None => "0".into(),
                });
                (format!("{parent}.{n}"), UnitKind::Item)
            }
            Marker::Lead => {
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
                (format!("{parent}.d{k}"), UnitKind::Lead)
            }
        };
        let path = unique_path(path, &mut used);
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
    fn body_starts_at_first_section() {
        let ps = Paragraph::numbered(&["标题", "导言。", "一、总体要求"]);
        assert_eq!(body_start(&ps), Some(2));
        assert_eq!(body_start(&Paragraph::numbered(&["只有一段话。"])), None);
    }
}
