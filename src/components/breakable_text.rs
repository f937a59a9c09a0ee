//! Text that may hold very long unbroken runs (a user's own copy with a
//! 30,000-letter "word"), rendered so that layout stays linear: a `<wbr>`
//! every [`RUN_CHUNK_CHARS`] characters of a run with no break opportunity.
//!
//! CSS alone does not help: with `overflow-wrap: anywhere` (or
//! `word-break: break-all`) Chromium's line breaker takes seconds for a
//! 100,000-letter run (8.8 s measured), while the same run with a `<wbr>` every
//! 64 letters lays out in under 0.1 s. `<wbr>` adds no characters, so what
//! the reader copies is the text as it was.

use yew::prelude::*;

/// The longest stretch of an unbreakable run between two `<wbr>`.
pub const RUN_CHUNK_CHARS: usize = 64;

/// Whether the line breaker may need a `<wbr>` around `c`: whitespace and
/// CJK characters are break opportunities of their own.
fn unbreakable(c: char) -> bool {
    !c.is_whitespace() && (c as u32) < 0x2E80
}

/// Where to put `<wbr>`: byte offsets into `text`, one after every
/// [`RUN_CHUNK_CHARS`] characters of an unbreakable run.
pub fn break_points(text: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut run = 0;
    for (index, c) in text.char_indices() {
        if unbreakable(c) {
            if run == RUN_CHUNK_CHARS {
                points.push(index);
                run = 0;
            }
            run += 1;
        } else {
            run = 0;
        }
    }
    points
}

/// `text` as a text node, or as text nodes with `<wbr>` between them when
/// it holds a run longer than [`RUN_CHUNK_CHARS`].
pub fn breakable(text: &str) -> Html {
    let points = break_points(text);
    if points.is_empty() {
        return html! { { text.to_string() } };
    }
    let mut start = 0;
    let mut pieces = Vec::with_capacity(points.len() * 2 + 1);
    for point in points {
        pieces.push(html! { { text[start..point].to_string() } });
        pieces.push(html! { <wbr /> });
        start = point;
    }
    pieces.push(html! { { text[start..].to_string() } });
    html! { <>{ for pieces }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_latin_runs_get_break_points() {
        assert!(break_points("区域协调发展新机制").is_empty());
        assert!(break_points(&"政".repeat(1_000)).is_empty());
        assert!(break_points(&"word ".repeat(1_000)).is_empty());
        let run = "A".repeat(RUN_CHUNK_CHARS * 3 + 1);
        assert_eq!(
            break_points(&run),
            vec![RUN_CHUNK_CHARS, RUN_CHUNK_CHARS * 2, RUN_CHUNK_CHARS * 3]
        );
        let mixed = format!("政{}策", "é".repeat(RUN_CHUNK_CHARS + 1));
        // Offsets are byte offsets on character boundaries.
        let points = break_points(&mixed);
        assert_eq!(points.len(), 1);
        assert!(mixed.is_char_boundary(points[0]));
    }
}
