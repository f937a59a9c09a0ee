//! Flags words in machine-reworded text that are probably substitutions.
//!
//! The 2018 opinion survives complete only in a copy that a "rewording" tool
//! passed over, swapping words for near-synonyms (发展→开展, 服务→效劳). The
//! pipeline learns those swaps by comparing it with the faithful newspaper
//! witness where both exist; here we use the learned table to mark, in the
//! clauses that only the reworded copy carries, each place where the tool
//! probably struck, with the word that was likely there.

use crate::model::SubstitutionPair;
use serde::{Deserialize, Serialize};

/// One suspected substitution in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuspectedSubstitution {
    /// Byte range of the suspicious word in the text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// The word as it stands (the tool's output).
    pub found: String,
    /// The word the faithful witness most often had there.
    pub likely_original: String,
    /// How often the pair was observed when learning.
    pub evidence_count: usize,
}

/// Finds suspected substitutions: every occurrence of a learned `reworded`
/// word seen at least `min_count` times. Where two candidates overlap, the
/// longer word wins, then the better-attested pair; results are sorted by
/// position and never overlap.
pub fn suspect_substitutions(
    text: &str,
    pairs: &[SubstitutionPair],
    min_count: usize,
) -> Vec<SuspectedSubstitution> {
    let mut found: Vec<SuspectedSubstitution> = Vec::new();
    for pair in pairs
        .iter()
        .filter(|p| p.count >= min_count && !p.reworded.is_empty())
    {
        for (start, word) in text.match_indices(pair.reworded.as_str()) {
            found.push(SuspectedSubstitution {
                start,
                end: start + word.len(),
                found: word.to_string(),
                likely_original: pair.original.clone(),
                evidence_count: pair.count,
            });
        }
    }
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.evidence_count.cmp(&a.evidence_count))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<SuspectedSubstitution> = Vec::new();
    for candidate in found {
        if kept
            .iter()
            .all(|k| candidate.end <= k.start || candidate.start >= k.end)
        {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|s| s.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(original: &str, reworded: &str, count: usize) -> SubstitutionPair {
        SubstitutionPair::new(original, reworded, count)
    }

    #[test]
    fn a_synthetic_reworded_text_is_flagged_where_the_truth_is_known() {
        let faithful = "促进区域协调发展，提升公共服务水平。";
        let pairs = [
            pair("发展", "开展", 40),
            pair("服务", "效劳", 12),
            pair("意见", "定见", 3),
        ];
        let reworded = faithful.replace("发展", "开展").replace("服务", "效劳");
        let suspects = suspect_substitutions(&reworded, &pairs, 2);
        let words: Vec<_> = suspects
            .iter()
            .map(|s| (&reworded[s.start..s.end], s.likely_original.as_str()))
            .collect();
        assert_eq!(words, [("开展", "发展"), ("效劳", "服务")]);
    }

    #[test]
    fn rare_pairs_are_ignored_and_overlaps_resolved_by_length() {
        let pairs = [
            pair("宏观", "微观", 1),
            pair("区域合作", "区域协作", 5),
            pair("合作", "协作", 9),
        ];
        let suspects = suspect_substitutions("加强区域协作和微观调控", &pairs, 2);
        assert_eq!(suspects.len(), 1);
        assert_eq!(suspects[0].found, "区域协作");
    }

    #[test]
    fn empty_inputs_flag_nothing() {
        assert!(suspect_substitutions("", &[pair("a", "b", 5)], 1).is_empty());
        assert!(suspect_substitutions("文本", &[pair("a", "", 5)], 1).is_empty());
    }
}
