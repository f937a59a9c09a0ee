//! Property tests for the text functions the compare view and search run on
//! arbitrary user text: they must never panic, and what they return must
//! stay consistent with their input, since a panic in wasm kills the page.

use super::align::{align_units, text_similarity, AlignOptions, AlignUnit, Side};
use super::align_job::{AlignJob, AlignStep};
use super::diff::{diff_chars, diff_tokens, new_side, old_side};
use crate::model::UnitKind;
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

/// A small structured document: a preamble, then sections (headings) and
/// clauses under the latest section; `(is_section, text)` per unit.
fn structured_doc() -> impl Strategy<Value = Vec<(bool, String)>> {
    proptest::collection::vec((proptest::bool::weighted(0.25), mixed_text()), 0..9)
}

/// Paths and kinds for [`structured_doc`]: `0` for the preamble, `k` for
/// the k-th section, `k.m` for its clauses.
fn layout(doc: &[(bool, String)]) -> Vec<(String, UnitKind)> {
    let (mut section, mut clause) = (0, 0);
    doc.iter()
        .enumerate()
        .map(|(i, (is_section, _))| {
            if i == 0 {
                ("0".to_string(), UnitKind::Preamble)
            } else if *is_section {
                section += 1;
                clause = 0;
                (section.to_string(), UnitKind::Section)
            } else {
                clause += 1;
                (format!("{section}.{clause}"), UnitKind::Clause)
            }
        })
        .collect()
}

fn structured_units<'a>(
    doc: &'a [(bool, String)],
    layout: &'a [(String, UnitKind)],
) -> Vec<AlignUnit<'a>> {
    doc.iter()
        .zip(layout)
        .map(|((_, text), (path, kind))| AlignUnit {
            path,
            kind: *kind,
            heading: (*kind == UnitKind::Section).then_some(text.as_str()),
            text: if *kind == UnitKind::Section { "" } else { text },
            mechanisms: &[],
        })
        .collect()
}

proptest! {
    #[test]
    fn an_alignment_job_gives_the_one_shot_result_at_any_step_budget(
        a in structured_doc(),
        b in structured_doc(),
        budget in 1usize..40,
        source_a in proptest::bool::ANY,
        max_candidates in 1usize..5,
    ) {
        let (la, lb) = (layout(&a), layout(&b));
        let (ua, ub) = (structured_units(&a, &la), structured_units(&b, &lb));
        let options = AlignOptions {
            source: Some(if source_a { Side::A } else { Side::B }),
            max_candidates,
            ..AlignOptions::default()
        };
        let whole = align_units(&ua, &ub, &options);
        let mut job = AlignJob::new(&options);
        let mut steps = 0;
        let stepped = loop {
            match job.step(&ua, &ub, budget) {
                AlignStep::Done(alignment) => break alignment,
                AlignStep::Working(progress) => {
                    prop_assert!(progress.done <= progress.total);
                    steps += 1;
                    prop_assert!(steps < 10_000, "the job ends");
                }
            }
        };
        prop_assert_eq!(stepped, whole);
    }

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
