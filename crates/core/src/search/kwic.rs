//! Keyword-in-context lines. Windows are counted in characters (Unicode
//! scalar values), never bytes, so a line never splits a character —
//! including ones outside the BMP such as 𫫇 — and the app can render the
//! parts as text nodes (never as HTML).

use serde::{Deserialize, Serialize};

/// A piece of a snippet; `highlight` marks a matched term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    /// The piece's text.
    pub text: String,
    /// True when the piece is a matched term.
    pub highlight: bool,
}

/// A KWIC line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The pieces in reading order.
    pub parts: Vec<SnippetPart>,
    /// Text was cut before the first part.
    pub cut_before: bool,
    /// Text was cut after the last part.
    pub cut_after: bool,
}

impl Snippet {
    /// Plain text with `…` where text was cut and each highlight wrapped in
    /// `open`/`close` (e.g. `【`, `】`).
    pub fn to_marked(&self, open: &str, close: &str) -> String {
        let mut s = String::new();
        if self.cut_before {
            s.push('…');
        }
        for p in &self.parts {
            if p.highlight {
                s.push_str(open);
                s.push_str(&p.text);
                s.push_str(close);
            } else {
                s.push_str(&p.text);
            }
        }
        if self.cut_after {
            s.push('…');
        }
        s
    }

    /// The snippet's text without marks.
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Builds a KWIC line around the first match: `window` characters before
/// it and `window` characters after it; later matches inside that span are
/// highlighted too. Without matches, the start of the text (2 × `window`
/// characters). Ranges that are not on character boundaries or out of
/// bounds are ignored rather than trusted.
pub fn kwic(text: &str, matches: &[(usize, usize)], window: usize) -> Snippet {
    let valid: Vec<(usize, usize)> = matches
        .iter()
        .copied()
        .filter(|&(s, e)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    let (from, to) = match valid.first() {
        Some(&(s, e)) => (back_chars(text, s, window), forward_chars(text, e, window)),
        None => (0, forward_chars(text, 0, window.saturating_mul(2))),
    };
    let mut parts = Vec::new();
    let mut pos = from;
    for &(s, e) in &valid {
        if s < pos || e > to {
            continue;
        }
        if s > pos {
            parts.push(SnippetPart {
                text: text[pos..s].to_string(),
                highlight: false,
            });
        }
        parts.push(SnippetPart {
            text: text[s..e].to_string(),
            highlight: true,
        });
        pos = e;
    }
    if pos < to {
        parts.push(SnippetPart {
            text: text[pos..to].to_string(),
            highlight: false,
        });
    }
    Snippet {
        parts,
        cut_before: from > 0,
        cut_after: to < text.len(),
    }
}

/// Byte ranges in `text` where any of `terms` occurs (ASCII
/// case-insensitively, like the search), sorted and merged: what the reader
/// highlights when a hit is followed with the results'
/// `highlight_terms`.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let folded = text.to_ascii_lowercase();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms {
        let needle = term.to_ascii_lowercase();
        if needle.is_empty() {
            continue;
        }
        ranges.extend(
            memchr::memmem::find_iter(folded.as_bytes(), needle.as_bytes())
                .map(|s| (s, s + needle.len())),
        );
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Byte offset `n` characters before `at` (or 0).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    if n == 0 {
        return at;
    }
    text[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// Byte offset `n` characters after `at` (or the end).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map(|(i, _)| at + i)
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn window_counts_characters_and_marks_cuts() {
        let text = "一二三四五关键词六七八九十";
        let s = text.find("关键词").unwrap();
        let snip = kwic(text, &[(s, s + "关键词".len())], 2);
        assert_eq!(snip.to_marked("[", "]"), "…四五[关键词]六七…");
        let whole = kwic(text, &[(s, s + "关键词".len())], 100);
        assert_eq!(whole.to_marked("[", "]"), "一二三四五[关键词]六七八九十");
    }

    #[test]
    fn non_bmp_characters_are_never_split() {
        let text = "𫫇𫫇𫫇甲𫫇𫫇𫫇";
        let s = text.find('甲').unwrap();
        let snip = kwic(text, &[(s, s + 3)], 1);
        assert_eq!(snip.to_marked("[", "]"), "…𫫇[甲]𫫇…");
    }

    #[test]
    fn bad_ranges_are_ignored_and_no_match_shows_the_start() {
        let text = "区域协调发展";
        let snip = kwic(text, &[(1, 2), (0, 99)], 2);
        assert_eq!(snip.to_marked("[", "]"), "区域协调…");
        assert_eq!(kwic("", &[], 5).to_marked("[", "]"), "");
    }

    #[test]
    fn highlight_ranges_merge_overlaps_and_ignore_case() {
        let text = "区域协调发展 and G60 走廊";
        let terms = vec![
            "协调".to_string(),
            "协调发展".to_string(),
            "g60".to_string(),
            String::new(),
        ];
        let ranges = highlight_ranges(text, &terms);
        let found: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, vec!["协调发展", "G60"]);
    }

    proptest! {
        #[test]
        fn kwic_never_panics_and_stays_inside_the_text(
            text in "[a-z生态补偿𫫇 ]{0,40}", s in 0usize..200, len in 0usize..20, w in 0usize..10,
        ) {
            let snip = kwic(&text, &[(s, s + len)], w);
            prop_assert!(text.contains(&snip.text()));
        }
    }
}
