//! Anchors: named programmes and places two clauses can share
//! (京津冀协同发展, 一带一路, 长江经济带, 雄安新区, 成渝 …).
//!
//! A provincial clause that names the same national strategy or place as a
//! central clause is likely to elaborate it, even when the sentences share
//! few characters. Anchors are the corpus gazetteer's names and aliases
//! (all spellings of a region count as one anchor, its id) and the terms of
//! the policy lexicon's "Strategy areas and national strategies" block.

use crate::model::RegionInfo;
use crate::segment::POLICY_LEXICON;

/// The lexicon block whose terms are named programmes and areas.
const STRATEGY_BLOCK: &str = "# Strategy areas and national strategies";

/// Surface forms and the anchor each denotes.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    /// (surface form, anchor id), longest surface first.
    terms: Vec<(String, String)>,
}

impl Anchors {
    /// Anchors from the gazetteer (names and aliases of two or more
    /// characters; single-character short names such as 川 are too
    /// ambiguous in running text) and the lexicon's strategy block.
    pub fn new(regions: &[RegionInfo]) -> Anchors {
        let mut terms: Vec<(String, String)> = Vec::new();
        for region in regions {
            for name in std::iter::once(&region.name).chain(&region.aliases) {
                if name.chars().count() >= 2 {
                    terms.push((name.clone(), region.id.clone()));
                }
            }
        }
        for term in strategy_terms(POLICY_LEXICON) {
            if !terms.iter().any(|(surface, _)| surface == term) {
                terms.push((term.to_string(), term.to_string()));
            }
        }
        terms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Anchors { terms }
    }

    /// The anchor ids named in `text`, sorted, each once.
    pub fn find<'a>(&'a self, text: &str) -> Vec<&'a str> {
        let mut found: Vec<&str> = self
            .terms
            .iter()
            .filter(|(surface, _)| text.contains(surface.as_str()))
            .map(|(_, id)| id.as_str())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The terms of the lexicon's strategy block (up to the next `#` header).
fn strategy_terms(lexicon: &str) -> impl Iterator<Item = &str> {
    lexicon
        .lines()
        .skip_while(|l| l.trim() != STRATEGY_BLOCK)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: &str, name: &str, aliases: &[&str]) -> RegionInfo {
        RegionInfo {
            id: id.into(),
            name: name.into(),
            name_en: id.into(),
            kind: crate::model::RegionKind::Province,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            parent: None,
            members: vec![],
        }
    }

    #[test]
    fn spellings_of_a_region_are_one_anchor() {
        let anchors = Anchors::new(&[
            region("jing-jin-ji", "京津冀", &["京津冀地区", "京津冀协同发展"]),
            region("sichuan", "四川省", &["四川", "川"]),
        ]);
        assert_eq!(anchors.find("主动对接京津冀协同发展"), ["jing-jin-ji"]);
        assert_eq!(
            anchors.find("四川省与京津冀地区"),
            ["jing-jin-ji", "sichuan"]
        );
        // Single-character aliases are not anchors.
        assert!(anchors.find("川渝合作").is_empty());
    }

    #[test]
    fn named_programmes_come_from_the_lexicon_strategy_block() {
        let terms: Vec<&str> = strategy_terms(POLICY_LEXICON).collect();
        assert!(terms.contains(&"一带一路"), "{terms:?}");
        assert!(terms.contains(&"长江经济带"), "{terms:?}");
        // The mechanism vocabulary block is not part of it.
        assert!(!terms.contains(&"转移支付"), "{terms:?}");
        let anchors = Anchors::new(&[]);
        assert_eq!(anchors.find("以“一带一路”建设为重点"), ["一带一路"]);
    }
}
