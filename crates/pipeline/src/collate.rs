//! Witness collation: one document carried by two raw files — a faithful
//! but damaged one (the newspaper print of the 2018 opinion: truncated,
//! section headings 四、/五、 lost in the layout) and a complete but
//! machine-reworded one.
//!
//! Units are aligned by their numbering *below* the section (clause
//! numbers run on through the whole document, so `（十四）` identifies one
//! clause even where the witnesses disagree about which section it sits
//! in). The structure (paths, labels) follows the complete witness; the
//! reading text of each unit comes from the faithful witness when it has
//! the unit complete, otherwise from the reworded one, marked `reworded`.

use policy_core::ingest::layout::ends_open;
use policy_core::model::{Unit, UnitKind, WitnessReading};
use std::collections::HashMap;

/// Alignment key: the path without its section number for units inside a
/// section (`2.4` → `4`, `1.2.d1` → `2.d1`), `s` + number for sections,
/// the path itself for the preamble.
pub fn alignment_key(u: &Unit) -> String {
    let path = u.path.as_str();
    match u.kind {
        UnitKind::Section => format!("s{path}"),
        UnitKind::Preamble => path.to_string(),
        _ => match path.split_once('.') {
            Some((_, rest)) if !path.starts_with("0.") && path != "0" => rest.to_string(),
            _ => path.to_string(),
        },
    }
}

/// True when the faithful witness has the whole unit: it does not stop
/// mid-sentence and is not much shorter than the other witness. A bare
/// title (`总体要求`, `基本原则`) has no closing punctuation by nature.
pub fn is_complete(faithful: &Unit, other: &Unit) -> bool {
    let a = faithful.text.chars().count();
    let b = other.text.chars().count();
    let bare_title = !faithful.text.contains(['\n', '，', '。']) && a <= 40;
    (bare_title || !ends_open(&faithful.text)) && a * 10 >= b * 8
}

/// A unit carried by both witnesses, for substitution learning.
pub struct AlignedPair {
    /// The unit's path in the collated document.
    pub path: String,
    /// The faithful witness's text.
    pub faithful: String,
    /// The reworded witness's text.
    pub reworded: String,
}

/// The collated units plus the pairs both witnesses carry completely.
pub struct Collation {
    /// The units in reading order, as they go into the corpus.
    pub units: Vec<Unit>,
    /// Units both witnesses carry completely, for substitution learning.
    pub aligned: Vec<AlignedPair>,
    /// The other witness's text for every unit both carry.
    pub readings: Vec<WitnessReading>,
}

/// Collates the faithful witness's units with the complete reworded
/// witness's units.
pub fn collate(faithful: &[Unit], reworded: &[Unit]) -> Collation {
    let faithful_by_key: HashMap<String, &Unit> =
        faithful.iter().map(|u| (alignment_key(u), u)).collect();
    let reworded_keys: HashMap<String, usize> = reworded
        .iter()
        .enumerate()
        .map(|(i, u)| (alignment_key(u), i))
        .collect();
    let mut units = Vec::new();
    let mut aligned = Vec::new();
    let mut readings = Vec::new();
    for r in reworded {
        let key = alignment_key(r);
        let unit = match faithful_by_key.get(&key) {
            Some(f) if is_complete(f, r) => {
                aligned.push(AlignedPair {
                    path: r.path.0.clone(),
                    faithful: f.text.clone(),
                    reworded: r.text.clone(),
                });
                let mut u = (*f).clone();
                u.path = r.path.clone();
                u.label = r.label.clone();
                u.kind = r.kind;
                u.provenance.also_in.push(r.provenance.file.clone());
                readings.push(WitnessReading {
                    path: r.path.clone(),
                    file: r.provenance.file.clone(),
                    text: r.text.clone(),
                    partial: false,
                });
                u
            }
            partial => {
                let mut u = r.clone();
                u.provenance.reworded = true;
                if let Some(f) = partial {
                    u.provenance.also_in.push(f.provenance.file.clone());
                    readings.push(WitnessReading {
                        path: r.path.clone(),
                        file: f.provenance.file.clone(),
                        text: f.text.clone(),
                        partial: true,
                    });
                }
                u
            }
        };
        units.push(unit);
    }
    // Units only the faithful witness has go after their predecessor there.
    for (i, f) in faithful.iter().enumerate() {
        if reworded_keys.contains_key(&alignment_key(f)) {
            continue;
        }
        let pos = faithful[..i]
            .iter()
            .rev()
            .find_map(|p| {
                let key = alignment_key(p);
                units.iter().position(|u| alignment_key(u) == key)
            })
            .map_or(0, |p| p + 1);
        units.insert(pos, f.clone());
    }
    Collation {
        units,
        aligned,
        readings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_core::model::{Provenance, UnitPath};

    fn unit(path: &str, kind: UnitKind, text: &str, file: &str) -> Unit {
        Unit {
            path: UnitPath::new(path),
            label: String::new(),
            kind,
            heading: None,
            text: text.into(),
            mechanisms: vec![],
            regions: vec![],
            provenance: Provenance {
                file: file.into(),
                lines: (1, 1),
                reworded: false,
                also_in: vec![],
                repairs: vec![],
            },
            restored: None,
        }
    }

    #[test]
    fn faithful_text_where_complete_reworded_elsewhere_structure_from_complete_witness() {
        let faithful = vec![
            unit("0", UnitKind::Preamble, "实施区域协调发展战略。", "002"),
            unit("3", UnitKind::Section, "健全市场一体化发展机制", "002"),
            unit("3.14", UnitKind::Clause, "深入实施东西部扶贫协作。", "002"),
            unit("3.16", UnitKind::Clause, "创新开展对口协作，建设", "002"),
        ];
        let reworded = vec![
            unit("0", UnitKind::Preamble, "施行区域协调开展战略。", "000"),
            unit("3", UnitKind::Section, "健全市场一体化开展机制", "000"),
            unit("5", UnitKind::Section, "优化区域合作机制", "000"),
            unit("5.14", UnitKind::Clause, "深化施行东西部扶贫协作。", "000"),
            unit(
                "5.16",
                UnitKind::Clause,
                "立异开展对口协作，建设协作机制。",
                "000",
            ),
        ];
        let c = collate(&faithful, &reworded);
        let got: Vec<(&str, &str, bool)> = c
            .units
            .iter()
            .map(|u| {
                (
                    u.path.as_str(),
                    u.provenance.file.as_str(),
                    u.provenance.reworded,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("0", "002", false),
                ("3", "002", false),
                ("5", "000", true),
                ("5.14", "002", false),
                ("5.16", "000", true)
            ]
        );
        assert_eq!(c.units[4].provenance.also_in, vec!["002"]);
        assert_eq!(c.aligned.len(), 3);
        // Each unit both witnesses carry keeps the other witness's reading.
        let readings: Vec<(&str, &str, bool)> = c
            .readings
            .iter()
            .map(|r| (r.path.as_str(), r.file.as_str(), r.partial))
            .collect();
        assert_eq!(
            readings,
            vec![
                ("0", "000", false),
                ("3", "000", false),
                ("5.14", "000", false),
                ("5.16", "002", true)
            ]
        );
        assert_eq!(c.readings[3].text, "创新开展对口协作，建设");
    }
}
