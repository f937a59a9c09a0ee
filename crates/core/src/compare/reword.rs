//! Flags words in machine-reworded text that are probably substitutions.
//!
//! The 2018 opinion survives complete only in a copy that a "rewording" tool
//! passed over, swapping words for near-synonyms (发展→开展, 服务→效劳). The
//! pipeline learns those swaps by comparing it with the faithful newspaper
//! witness where both exist; here we use the learned table to mark, in the
//! clauses that only the reworded copy carries, each place where the tool
//! probably struck, with the word that was likely there.

use crate::compare::diff::{DiffChunk, DiffKind};
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

/// The changes of a diff (faithful text → reworded text), and how many of
/// them the learned table explains.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeCounts {
    /// Places where the texts differ: each non-equal chunk counts once.
    pub changes: usize,
    /// Those of the changes that are learned substitutions: the reworded
    /// side has a table word where the faithful side has that word's
    /// original. Never more than `changes`.
    pub learned: usize,
}

/// Counts the changes of `chunks` and those a learned pair explains.
///
/// Both counts are of the same things, the diff's changed places. A change
/// is explained when it lies inside a run of suspected substitutions
/// ([`suspect_substitutions`] on the reworded side) whose faithful side
/// reads, word for word, as the pairs' originals with the text between
/// them unchanged. A word diff may cut one swap into several changes
/// (发展→开展 as 发→开) or put two swaps in one change (发展机制→开展体制);
/// either way every change is counted once, and a reworded word that merely
/// sits next to an unrelated change does not count.
pub fn learned_changes(chunks: &[DiffChunk], pairs: &[SubstitutionPair]) -> ChangeCounts {
    // Each chunk's byte range on both sides.
    let mut spans = Vec::with_capacity(chunks.len());
    let (mut old_pos, mut new_pos) = (0, 0);
    for chunk in chunks {
        let (old_end, new_end) = (old_pos + chunk.old.len(), new_pos + chunk.new.len());
        spans.push((old_pos..old_end, new_pos..new_end));
        (old_pos, new_pos) = (old_end, new_end);
    }
    let old: String = chunks.iter().map(|c| c.old.as_str()).collect();
    let new: String = chunks.iter().map(|c| c.new.as_str()).collect();
    let changed: Vec<usize> = (0..chunks.len())
        .filter(|&i| chunks[i].op != DiffKind::Equal)
        .collect();
    let suspects = suspect_substitutions(&new, pairs, 1);
    // Does a change at new-side range `r` touch new-side range a..b? A
    // deletion (empty range) touches it when it falls strictly inside.
    let touches = |r: &std::ops::Range<usize>, a: usize, b: usize| {
        if r.is_empty() {
            a < r.start && r.start < b
        } else {
            r.start < b && a < r.end
        }
    };

    let mut explained = vec![false; chunks.len()];
    for &i in &changed {
        if explained[i] {
            continue;
        }
        // Grow a group from this change: the suspects it touches, the
        // changes they touch, and so on.
        let mut members = vec![i];
        let mut group: Vec<usize> = Vec::new();
        let (mut a, mut b) = (spans[i].1.start, spans[i].1.end);
        loop {
            let mut grew = false;
            for (k, s) in suspects.iter().enumerate() {
                if !group.contains(&k)
                    && (s.start < b && a < s.end || (a == b && s.start < a && a < s.end))
                {
                    group.push(k);
                    (a, b) = (a.min(s.start), b.max(s.end));
                    grew = true;
                }
            }
            for &j in &changed {
                if !members.contains(&j) && touches(&spans[j].1, a, b) {
                    members.push(j);
                    (a, b) = (a.min(spans[j].1.start), b.max(spans[j].1.end));
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        if group.is_empty() {
            continue;
        }
        group.sort_by_key(|&k| suspects[k].start);
        let (Some(old_a), Some(old_b)) = (old_start(&spans, chunks, a), old_end(&spans, chunks, b))
        else {
            continue;
        };
        let group: Vec<&SuspectedSubstitution> = group.iter().map(|&k| &suspects[k]).collect();
        // A deletion right at either end of the group may belong to it
        // (地区→区域 diffs as "-地, 区, +域"): try the faithful span with
        // and without it.
        let deletion_at = |at: usize, old_at: usize, before: bool| {
            changed.iter().copied().find(|&j| {
                let (o, n) = &spans[j];
                chunks[j].op == DiffKind::Delete
                    && n.start == at
                    && if before {
                        o.end == old_at
                    } else {
                        o.start == old_at
                    }
            })
        };
        let before = deletion_at(a, old_a, true);
        let after = deletion_at(b, old_b, false);
        let starts = [None, before];
        let ends = [None, after];
        let found = starts
            .iter()
            .flat_map(|s| ends.iter().map(move |e| (*s, *e)))
            .find(|&(s, e)| {
                let from = s.map_or(old_a, |j| spans[j].0.start);
                let to = e.map_or(old_b, |j| spans[j].0.end);
                old.get(from..to.max(from))
                    .is_some_and(|faithful| reads_as_originals(faithful, &new, a, b, &group, pairs))
            });
        if let Some((s, e)) = found {
            for j in members.into_iter().chain(s).chain(e) {
                explained[j] = true;
            }
        }
    }
    ChangeCounts {
        changes: changed.len(),
        learned: changed.iter().filter(|&&i| explained[i]).count(),
    }
}

/// The faithful-side position where new-side position `at` starts: exact
/// inside unchanged text, the start of a changed chunk's old text otherwise.
fn old_start(
    spans: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    chunks: &[DiffChunk],
    at: usize,
) -> Option<usize> {
    spans
        .iter()
        .zip(chunks)
        .find(|((_, n), _)| n.start <= at && at < n.end)
        .map(|((o, n), chunk)| match chunk.op {
            DiffKind::Equal => o.start + (at - n.start),
            _ => o.start,
        })
}

/// The faithful-side position where new-side position `at` ends: exact
/// inside unchanged text, the end of a changed chunk's old text otherwise.
fn old_end(
    spans: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    chunks: &[DiffChunk],
    at: usize,
) -> Option<usize> {
    spans
        .iter()
        .zip(chunks)
        .find(|((_, n), _)| n.start < at && at <= n.end)
        .map(|((o, n), chunk)| match chunk.op {
            DiffKind::Equal => o.start + (at - n.start),
            _ => o.end,
        })
}

/// Whether `faithful` equals `new[a..b]` with each suspect replaced by one
/// of the originals the table pairs with its word.
fn reads_as_originals(
    faithful: &str,
    new: &str,
    a: usize,
    b: usize,
    group: &[&SuspectedSubstitution],
    pairs: &[SubstitutionPair],
) -> bool {
    fn walk(
        faithful: &str,
        new: &str,
        cursor: usize,
        b: usize,
        group: &[&SuspectedSubstitution],
        pairs: &[SubstitutionPair],
    ) -> bool {
        let Some((first, rest)) = group.split_first() else {
            return new.get(cursor..b) == Some(faithful);
        };
        let Some(between) = new.get(cursor..first.start) else {
            return false;
        };
        let Some(faithful) = faithful.strip_prefix(between) else {
            return false;
        };
        pairs
            .iter()
            .filter(|p| p.reworded == first.found && !p.original.is_empty())
            .filter_map(|p| faithful.strip_prefix(p.original.as_str()))
            .any(|tail| walk(tail, new, first.end, b, rest, pairs))
    }
    walk(faithful, new, a, b, group, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(original: &str, reworded: &str, count: usize) -> SubstitutionPair {
        SubstitutionPair::new(original, reworded, count)
    }

    fn chunk(op: DiffKind, old: &str, new: &str) -> DiffChunk {
        DiffChunk {
            op,
            old: old.into(),
            new: new.into(),
        }
    }

    #[test]
    fn a_swap_cut_into_characters_is_one_learned_change() {
        use DiffKind::*;
        let pairs = [pair("发展", "开展", 40)];
        let chunks = [
            chunk(Equal, "区域协调", "区域协调"),
            chunk(Replace, "发", "开"),
            chunk(Equal, "展。", "展。"),
        ];
        let counts = learned_changes(&chunks, &pairs);
        assert_eq!(
            counts,
            ChangeCounts {
                changes: 1,
                learned: 1
            }
        );
    }

    #[test]
    fn two_swaps_in_one_change_count_once() {
        use DiffKind::*;
        let pairs = [pair("发展", "开展", 40), pair("机制", "体制", 5)];
        let chunks = [
            chunk(Equal, "健全", "健全"),
            chunk(Replace, "发展机制", "开展体制"),
            chunk(Equal, "。", "。"),
        ];
        let counts = learned_changes(&chunks, &pairs);
        assert_eq!(
            counts,
            ChangeCounts {
                changes: 1,
                learned: 1
            }
        );
    }

    #[test]
    fn a_table_word_beside_an_unrelated_change_is_not_a_learned_change() {
        use DiffKind::*;
        let pairs = [pair("发展", "开展", 40)];
        // Both witnesses say 开展 (the faithful text too): the change is
        // the inserted 积极, not a substitution.
        let chunks = [
            chunk(Insert, "", "积极"),
            chunk(Equal, "开展合作", "开展合作"),
        ];
        assert_eq!(
            learned_changes(&chunks, &pairs),
            ChangeCounts {
                changes: 1,
                learned: 0
            }
        );
        // A change inside the word that is not the learned one.
        let chunks = [chunk(Replace, "进展", "开展")];
        assert_eq!(
            learned_changes(&chunks, &pairs),
            ChangeCounts {
                changes: 1,
                learned: 0
            }
        );
    }

    #[test]
    fn a_swap_diffed_as_a_deletion_and_an_insertion_is_learned_twice_over() {
        use DiffKind::*;
        let pairs = [pair("地区", "区域", 30), pair("发展", "开展", 40)];
        // 地区 → 区域 as "-地, 区, +域": two changes, both the swap.
        let chunks = [
            chunk(Equal, "发达", "发达"),
            chunk(Delete, "地", ""),
            chunk(Equal, "区", "区"),
            chunk(Insert, "", "域"),
            chunk(Equal, "和", "和"),
        ];
        assert_eq!(
            learned_changes(&chunks, &pairs),
            ChangeCounts {
                changes: 2,
                learned: 2
            }
        );
        // 地区发展 → 区域开展 as "-地, 区, 发→域开, 展".
        let chunks = [
            chunk(Delete, "地", ""),
            chunk(Equal, "区", "区"),
            chunk(Replace, "发", "域开"),
            chunk(Equal, "展", "展"),
        ];
        assert_eq!(
            learned_changes(&chunks, &pairs),
            ChangeCounts {
                changes: 2,
                learned: 2
            }
        );
        // An unrelated deletion next to a swap is not part of it.
        let chunks = [
            chunk(Delete, "的", ""),
            chunk(Replace, "发", "开"),
            chunk(Equal, "展", "展"),
        ];
        assert_eq!(
            learned_changes(&chunks, &pairs),
            ChangeCounts {
                changes: 2,
                learned: 1
            }
        );
    }

    #[test]
    fn learned_changes_never_exceed_changes() {
        use DiffKind::*;
        let pairs = [pair("发展", "开展", 40), pair("服务", "效劳", 9)];
        let chunks = [
            chunk(Replace, "发", "开"),
            chunk(Equal, "展", "展"),
            chunk(Delete, "的", ""),
            chunk(Replace, "服务", "效劳"),
            chunk(Equal, "开展", "开展"),
            chunk(Insert, "", "开展"),
        ];
        let counts = learned_changes(&chunks, &pairs);
        assert_eq!(counts.changes, 4);
        assert_eq!(counts.learned, 2, "{counts:?}");
        assert!(learned_changes(&[], &pairs) == ChangeCounts::default());
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
