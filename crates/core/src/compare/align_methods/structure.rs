//! Document structure for alignment: what role a unit plays (preamble,
//! heading, body) and which section it belongs to, and the text of a whole
//! section (its heading and every unit under it).
//!
//! Structure-aware alignment compares like with like — preamble with
//! preamble, heading with heading, clause with clause — and lets a clause's
//! fit with a whole central section weigh in, so that a clause about
//! 对口支援 looks first among the central clauses of the mutual-aid section.

use super::DocUnit;

/// The part a unit plays in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The text before the first section.
    Preamble,
    /// A title with no text of its own (a section heading, or a clause-level
    /// title such as 基本原则 whose content follows in sub-units).
    Heading,
    /// Anything with text of its own: clauses, items, leads, and titles
    /// followed by a paragraph.
    Body,
}

/// The role of a unit.
pub fn role(unit: &DocUnit) -> Role {
    if unit.kind == crate::model::UnitKind::Preamble {
        return Role::Preamble;
    }
    let text = unit.text.trim();
    let heading = unit.heading.map(str::trim).unwrap_or("");
    if text.is_empty() || text == heading {
        Role::Heading
    } else {
        Role::Body
    }
}

/// Section keys and profiles of one document.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// For every unit, the index of its section in `keys`.
    pub of_unit: Vec<usize>,
    /// Section paths: a heading's own path, or a top-level path segment
    /// for units under no heading (the preamble).
    pub keys: Vec<String>,
    /// Every section's text: the contents of the units at or under its path.
    pub texts: Vec<String>,
}

impl Sections {
    /// A heading is its own section; any other unit belongs to its nearest
    /// ancestor heading, or else to its top-level path segment.
    pub fn of(units: &[DocUnit]) -> Sections {
        let headings: std::collections::HashSet<&str> = units
            .iter()
            .filter(|u| role(u) == Role::Heading)
            .map(|u| u.path)
            .collect();
        let mut keys: Vec<String> = Vec::new();
        let of_unit = units
            .iter()
            .map(|u| {
                let key = section_key(u, &headings);
                match keys.iter().position(|k| *k == key) {
                    Some(i) => i,
                    None => {
                        keys.push(key);
                        keys.len() - 1
                    }
                }
            })
            .collect();
        let texts = keys
            .iter()
            .map(|key| {
                units
                    .iter()
                    .filter(|u| is_under(u.path, key))
                    .map(|u| u.content())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        Sections {
            of_unit,
            keys,
            texts,
        }
    }

    /// The index of a section by its key.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.keys.iter().position(|k| k == key)
    }
}

fn section_key(unit: &DocUnit, headings: &std::collections::HashSet<&str>) -> String {
    if headings.contains(unit.path) {
        return unit.path.to_string();
    }
    let mut path = unit.path;
    while let Some((parent, _)) = path.rsplit_once('.') {
        if headings.contains(parent) {
            return parent.to_string();
        }
        path = parent;
    }
    path.to_string()
}

/// True when `path` is `key` or lies under it (`2.4` under `2`, not `20`).
fn is_under(path: &str, key: &str) -> bool {
    path == key
        || path
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitKind;

    fn unit<'a>(
        path: &'a str,
        kind: UnitKind,
        heading: Option<&'a str>,
        text: &'a str,
    ) -> DocUnit<'a> {
        DocUnit {
            path,
            kind,
            heading,
            text,
            mechanisms: &[],
        }
    }

    #[test]
    fn roles_follow_kind_and_text() {
        assert_eq!(
            role(&unit("0", UnitKind::Preamble, None, "为贯彻落实")),
            Role::Preamble
        );
        assert_eq!(
            role(&unit("1", UnitKind::Section, Some("总体要求"), "总体要求")),
            Role::Heading
        );
        assert_eq!(
            role(&unit("1.2", UnitKind::Clause, Some("基本原则"), "基本原则")),
            Role::Heading
        );
        assert_eq!(
            role(&unit(
                "1.2",
                UnitKind::Clause,
                Some("基本原则"),
                "基本原则。市场导向。"
            )),
            Role::Body
        );
        assert_eq!(
            role(&unit(
                "3.8",
                UnitKind::Clause,
                Some("保障"),
                "保障\n实行规划管理"
            )),
            Role::Body
        );
    }

    #[test]
    fn units_belong_to_their_nearest_heading() {
        let units = [
            unit("0", UnitKind::Preamble, None, "为贯彻"),
            unit("1", UnitKind::Section, Some("总体要求"), "总体要求"),
            unit("1.2", UnitKind::Clause, Some("基本原则"), "基本原则"),
            unit("1.2.d1", UnitKind::Lead, None, "坚持市场主导"),
            unit("1.3", UnitKind::Clause, Some("目标"), "目标。到2020年"),
            unit("10", UnitKind::Section, Some("组织实施"), "组织实施"),
        ];
        let s = Sections::of(&units);
        let key = |i: usize| s.keys[s.of_unit[i]].as_str();
        assert_eq!(
            (0..units.len()).map(key).collect::<Vec<_>>(),
            ["0", "1", "1.2", "1.2", "1", "10"]
        );
        let one = s.index("1").expect("section 1");
        assert_eq!(
            s.texts[one],
            "总体要求\n基本原则\n坚持市场主导\n目标。到2020年"
        );
        assert_eq!(s.texts[s.index("10").expect("section 10")], "组织实施");
    }
}
