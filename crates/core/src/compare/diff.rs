//! Chinese-aware diffs built on `similar`.
//!
//! `similar`'s own word mode splits on whitespace, which means nothing in
//! Chinese, so callers pass the segmenter's tokens and we diff those slices.
//! Replaced tokens are then refined to characters, because a rewording tool
//! often changes one character of a two-character word (发展→开展) and the
//! reader should see exactly that character. Everything works on Unicode
//! scalar values (`char`), so a character outside the BMP such as 𫫇 is never
//! split — the JS side must index by code point too, never by UTF-16 unit.

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// What one diff operation does to the old text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// Text both sides share.
    Equal,
    /// Text only the new side has.
    Insert,
    /// Text only the old side has.
    Delete,
    /// Text the new side has in place of the old.
    Replace,
}

/// One operation with the text it covers on each side. For `Equal` both
/// sides are the same, for `Insert` `old` is empty, for `Delete` `new` is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffChunk {
    /// What the operation does.
    pub op: DiffKind,
    /// The old side's text.
    pub old: String,
    /// The new side's text.
    pub new: String,
}

/// How fine the diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Words from the segmenter, with replaced words refined to characters.
    #[default]
    Words,
    /// Every character on its own.
    Chars,
}

/// Diffs two token sequences (segmenter output). Tokens must concatenate to
/// the original texts; the chunks then concatenate back to them exactly.
pub fn diff_tokens(old: &[&str], new: &[&str]) -> Vec<DiffChunk> {
    let mut chunks = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text: String = old[o].concat();
        let new_text: String = new[n].concat();
        match tag {
            DiffTag::Equal => push(&mut chunks, DiffKind::Equal, old_text, new_text),
            DiffTag::Delete => push(&mut chunks, DiffKind::Delete, old_text, String::new()),
            DiffTag::Insert => push(&mut chunks, DiffKind::Insert, String::new(), new_text),
            DiffTag::Replace => {
                for c in refine_replacement(&old_text, &new_text) {
                    push(&mut chunks, c.op, c.old, c.new);
                }
            }
        }
    }
    chunks
}

/// Character-level diff of two texts.
pub fn diff_chars(old: &str, new: &str) -> Vec<DiffChunk> {
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let mut chunks = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new_chars) {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text: String = old_chars[o].iter().collect();
        let new_text: String = new_chars[n].iter().collect();
        let kind = match tag {
            DiffTag::Equal => DiffKind::Equal,
            DiffTag::Delete => DiffKind::Delete,
            DiffTag::Insert => DiffKind::Insert,
            DiffTag::Replace => DiffKind::Replace,
        };
        push(&mut chunks, kind, old_text, new_text);
    }
    chunks
}

/// Refines a replaced word run to characters, but only when the two sides
/// share something: a wholesale rewrite reads better as one replacement than
/// as confetti of single-character edits.
fn refine_replacement(old: &str, new: &str) -> Vec<DiffChunk> {
    let refined = diff_chars(old, new);
    let shared: usize = refined
        .iter()
        .filter(|c| c.op == DiffKind::Equal)
        .map(|c| c.old.chars().count())
        .sum();
    let longest = old.chars().count().max(new.chars().count());
    if shared * 3 >= longest && shared > 0 {
        refined
    } else {
        vec![DiffChunk {
            op: DiffKind::Replace,
            old: old.to_string(),
            new: new.to_string(),
        }]
    }
}

/// Appends a chunk, merging it into the previous one when both are equal
/// runs so the output stays compact.
fn push(chunks: &mut Vec<DiffChunk>, op: DiffKind, old: String, new: String) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    if let Some(last) = chunks.last_mut() {
        if last.op == op && op == DiffKind::Equal {
            last.old.push_str(&old);
            last.new.push_str(&new);
            return;
        }
    }
    chunks.push(DiffChunk { op, old, new });
}

/// Rebuilds the old text from a diff (equal + delete + replace's old side).
pub fn old_side(chunks: &[DiffChunk]) -> String {
    chunks.iter().map(|c| c.old.as_str()).collect()
}

/// Rebuilds the new text from a diff (equal + insert + replace's new side).
pub fn new_side(chunks: &[DiffChunk]) -> String {
    chunks.iter().map(|c| c.new.as_str()).collect()
}

/// Share of characters that are unchanged, 0.0–1.0, over the longer side.
pub fn similarity(chunks: &[DiffChunk]) -> f64 {
    let equal: usize = chunks
        .iter()
        .filter(|c| c.op == DiffKind::Equal)
        .map(|c| c.old.chars().count())
        .sum();
    let old_len = old_side(chunks).chars().count();
    let new_len = new_side(chunks).chars().count();
    let longest = old_len.max(new_len);
    if longest == 0 {
        1.0
    } else {
        equal as f64 / longest as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_refines_a_changed_character_inside_a_word() {
        let old = ["促进", "区域", "协调", "发展"];
        let new = ["促进", "区域", "协调", "开展"];
        let chunks = diff_tokens(&old, &new);
        assert_eq!(old_side(&chunks), "促进区域协调发展");
        assert_eq!(new_side(&chunks), "促进区域协调开展");
        let replaced: Vec<_> = chunks
            .iter()
            .filter(|c| c.op == DiffKind::Replace)
            .collect();
        assert_eq!(replaced.len(), 1);
        assert_eq!(
            (replaced[0].old.as_str(), replaced[0].new.as_str()),
            ("发", "开")
        );
    }

    #[test]
    fn unrelated_words_stay_one_replacement() {
        let chunks = diff_tokens(&["服务"], &["效劳"]);
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].op, DiffKind::Replace);
    }

    #[test]
    fn non_bmp_characters_are_never_split() {
        let chunks = diff_chars("臭𫫇味", "臭𫫇气");
        assert_eq!(old_side(&chunks), "臭𫫇味");
        assert_eq!(new_side(&chunks), "臭𫫇气");
        assert!(chunks
            .iter()
            .any(|c| c.op == DiffKind::Equal && c.old == "臭𫫇"));
    }

    #[test]
    fn empty_sides_give_pure_inserts_or_deletes() {
        let ins = diff_chars("", "新增");
        assert_eq!(
            ins,
            vec![DiffChunk {
                op: DiffKind::Insert,
                old: String::new(),
                new: "新增".into()
            }]
        );
        let del = diff_chars("删除", "");
        assert_eq!(del[0].op, DiffKind::Delete);
        assert!(diff_chars("", "").is_empty());
        assert_eq!(similarity(&[]), 1.0);
    }

    #[test]
    fn similarity_is_share_of_unchanged_characters() {
        let chunks = diff_chars("区域协调发展", "区域协调开展");
        assert!((similarity(&chunks) - 5.0 / 6.0).abs() < 1e-9);
    }
}
