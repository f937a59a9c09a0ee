//! Property tests for the detectors: they run on any text a user brings,
//! so they must never panic, and their answers must hold for every input.

use super::binding::{binding_words, changes, targets, ChangeKind};
use super::citations::{find_citations, normalize_doc_number};
use super::fidelity::pair_fidelity;
use proptest::prelude::*;

/// Mostly Chinese text with lexicon words, digits, brackets, punctuation and
/// characters outside the BMP.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([区域协调发展机制𫫇，。、（）〔〕\\[\\]【】()《》0-9０-９%年号第a-z \\n]|要|重要|不得|不得不|必须|须|鼓励|可以|到2020年|中发〔2018〕43号){0,40}",
    )
    .expect("valid regex")
}

/// Text with none of the lexicon's characters that could make a word.
fn plain() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[区域协调发展机制，。]{0,12}").expect("valid regex")
}

proptest! {
    #[test]
    fn detectors_never_panic_and_offsets_address_the_words(t in text()) {
        for h in binding_words(&t) {
            prop_assert_eq!(&t[h.start..h.end], h.word.as_str());
        }
        for h in targets(&t) {
            prop_assert_eq!(&t[h.start..h.end], h.text.as_str());
        }
        for c in find_citations(&t) {
            prop_assert!(t.get(c.start..c.end).is_some());
        }
    }

    #[test]
    fn hits_never_overlap(t in text()) {
        let hits = binding_words(&t);
        for w in hits.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
    }

    #[test]
    fn yao_inside_other_words_is_never_an_obligation(a in plain(), b in plain(), w in "重要|主要|要素|需要|要求|纲要|必要") {
        let t = format!("{a}{w}{b}");
        prop_assert!(binding_words(&t).is_empty(), "{t}");
    }

    #[test]
    fn budebu_is_never_a_prohibition(a in plain(), b in plain()) {
        let t = format!("{a}不得不{b}");
        prop_assert!(binding_words(&t).is_empty(), "{t}");
        let t = format!("{a}不得{b}");
        prop_assert_eq!(binding_words(&t).len(), 1);
    }

    #[test]
    fn a_text_never_changes_against_itself(t in text()) {
        prop_assert!(changes(&t, &t).is_empty());
    }

    #[test]
    fn changes_reverse_when_the_sides_swap(a in text(), b in text()) {
        let ab = changes(&a, &b);
        let ba = changes(&b, &a);
        prop_assert_eq!(ab.len(), ba.len());
        for (x, y) in ab.iter().zip(&ba) {
            let flipped = match x.kind {
                ChangeKind::Strengthened => ChangeKind::Weakened,
                ChangeKind::Weakened => ChangeKind::Strengthened,
                ChangeKind::Target => ChangeKind::Target,
            };
            prop_assert_eq!(y.kind, flipped);
            prop_assert_eq!(&x.old, &y.new);
            prop_assert_eq!(&x.new, &y.old);
        }
    }

    #[test]
    fn doc_numbers_normalise_in_every_bracket(p in "[中国发改地区办]{1,4}", y in 1990u32..2030, n in 1u32..5000,
        br in prop::sample::select(vec![('〔','〕'), ('[',']'), ('(',')'), ('（','）'), ('【','】'), ('［','］')])) {
        let raw = format!("{p}{}{y}{}{n}号", br.0, br.1);
        let want = format!("{p}〔{y}〕{n}号");
        prop_assert_eq!(normalize_doc_number(&raw), Some(want));
    }

    #[test]
    fn fidelity_parts_add_up(a in text(), b in text()) {
        let f = pair_fidelity(&a, &[&b]);
        prop_assert_eq!(f.verbatim + f.rewritten + f.not_carried, f.central_chars);
        prop_assert_eq!(f.local_shared + f.local_new, f.local_chars);
        let same = pair_fidelity(&a, &[&a]);
        prop_assert_eq!(same.local_new, 0);
    }
}
