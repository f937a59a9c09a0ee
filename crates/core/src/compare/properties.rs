//! Property tests for the text functions the compare view and search run on
//! arbitrary user text: they must never panic, and what they return must
//! stay consistent with their input, since a panic in wasm kills the page.

use super::align::{align_units, text_similarity, AlignOptions, AlignUnit};
use super::diff::{diff_chars, diff_tokens, new_side, old_side};
use crate::query_normalize::QueryNormalizer;
use crate::segment::Segmenter;
use proptest::prelude::*;
use std::sync::OnceLock;

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| Segmenter::new().expect("embedded dictionary loads"))
}

fn normalizer() -> &'static QueryNormalizer {
    static NORMALIZER: OnceLock<QueryNormalizer> = OnceLock::new();
    NORMALIZER.get_or_init(|| QueryNormalizer::new().expect("embedded tables load"))
}

/// Mostly Chinese text with punctuation, Latin, digits, spaces, control
/// characters and characters outside the BMP.
fn mixed_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[区域协调发展开展機制𫫇，。、“”()a-zA-Z0-9 \\t\\n\\u{0}-\\u{1f}<>&]{0,60}",
    )
    .expect("valid regex")
}

fn as_units<'a>(texts: &'a [String], paths: &'a [String]) -> Vec<AlignUnit<'a>> {
    texts
        .iter()
        .zip(paths)
        .map(|(t, p)| AlignUnit {
            path: p,
            kind: crate::model::UnitKind::Clause,
            heading: None,
            text: t,
            mechanisms: &[],
        })
        .collect()
}

proptest! {
    #[test]
    fn char_diff_rebuilds_both_sides(old in mixed_text(), new in mixed_text()) {
        let chunks = diff_chars(&old, &new);
        prop_assert_eq!(old_side(&chunks), old);
        prop_assert_eq!(new_side(&chunks), new);
    }

    #[test]
    fn word_diff_rebuilds_both_sides(old in mixed_text(), new in mixed_text()) {
        let chunks = diff_tokens(&segmenter().tokens(&old), &segmenter().tokens(&new));
        prop_assert_eq!(old_side(&chunks), old);
        prop_assert_eq!(new_side(&chunks), new);
    }

    #[test]
    fn segmentation_covers_the_input_in_order(text in mixed_text()) {
        let words = segmenter().segment(&text);
        let mut at = 0;
        for w in &words {
            prop_assert_eq!(w.start, at);
            prop_assert_eq!(&text[w.start..w.end], w.text);
            at = w.end;
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn alignment_scores_stay_in_range(a in proptest::collection::vec(mixed_text(), 0..6),
                                       b in proptest::collection::vec(mixed_text(), 0..6)) {
        let paths: Vec<String> = (0..a.len().max(b.len())).map(|i| i.to_string()).collect();
        let ua = as_units(&a, &paths);
        let ub = as_units(&b, &paths);
        let alignment = align_units(&ua, &ub, &AlignOptions::default());
        prop_assert_eq!(alignment.pairs.len(), a.len());
        for pair in &alignment.pairs {
            for c in &pair.candidates {
                // Unit cosine + section fit + mechanism bonus.
                prop_assert!((0.0..=2.1).contains(&c.score));
                for term in &c.evidence {
                    prop_assert!(term.chars().count() >= 2);
                }
            }
        }
        if let (Some(x), Some(y)) = (a.first(), b.first()) {
            let s = text_similarity(x, y);
            prop_assert!((0.0..=1.0).contains(&s));
        }
    }

    #[test]
    fn query_normalization_is_idempotent(text in mixed_text()) {
        let once = normalizer().normalize(&text);
        prop_assert_eq!(normalizer().normalize(&once), once);
    }
}
