//! Property tests for the pipeline's own parsers: witness collation and
//! substitution learning never panic and keep their invariants on
//! arbitrary input.

use policy_core::ingest::{import_document, IdentityConverter};
use policy_core::segment::Segmenter;
use policy_pipeline::collate::{alignment_key, collate};
use policy_pipeline::substitutions::{learn_substitutions, AlignedText};
use proptest::prelude::*;
use std::collections::HashSet;

fn numbered_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、".to_string()),
        Just("二、".to_string()),
        Just("\n（一）".to_string()),
        Just("\n（二）".to_string()),
        Just("\n（三）".to_string()),
        Just("\n1.".to_string()),
        Just("\n——".to_string()),
        Just("\n".to_string()),
        Just("。".to_string()),
        "[\u{4e00}-\u{4e40}]{1,8}",
    ];
    prop::collection::vec(piece, 1..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn collation_keeps_every_unit_of_both_witnesses(a in numbered_text(), b in numbered_text()) {
        let (Ok(x), Ok(y)) = (
            import_document(&a, "faithful.txt", &IdentityConverter),
            import_document(&b, "reworded.txt", &IdentityConverter),
        ) else {
            return Ok(());
        };
        let c = collate(&x.units, &y.units);
        let keys: HashSet<String> = c.units.iter().map(alignment_key).collect();
        for u in x.units.iter().chain(&y.units) {
            prop_assert!(keys.contains(&alignment_key(u)), "unit {} lost", u.path);
        }
        for u in &c.units {
            prop_assert!(u.provenance.reworded == (u.provenance.file == "reworded.txt"));
        }
    }

    #[test]
    fn substitution_learning_never_panics_and_counts_are_positive(
        a in "[\u{4e00}-\u{4e20}，。]{0,40}",
        b in "[\u{4e00}-\u{4e20}，。]{0,40}",
    ) {
        let segmenter = Segmenter::new().expect("segmenter");
        let pairs = learn_substitutions(&segmenter, &[AlignedText { path: "1", original: &a, reworded: &b }]);
        for p in pairs {
            prop_assert!(p.count >= 1);
            prop_assert!(p.original != p.reworded);
            prop_assert!(!p.original.is_empty() && !p.reworded.is_empty());
        }
    }
}
