//! The one entry point the app and the CLI use to diff two texts, with the
//! noise-insensitive options a policy reader needs.

use super::diff::{diff_chars, diff_tokens, DiffChunk, Granularity};
use crate::model::Unit;
use crate::restoration::TextChoice;
use crate::script::SimplifiedConverter;
use crate::segment::Segmenter;
use serde::{Deserialize, Serialize};

/// How to diff two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiffOptions {
    /// Whether to diff characters or words.
    pub granularity: Granularity,
    /// Drop punctuation and spaces before diffing: witnesses that differ only
    /// in ASCII vs full-width punctuation then compare equal.
    pub ignore_punctuation: bool,
    /// Convert both sides to Simplified first, so a Traditional copy of the
    /// same text compares equal.
    pub ignore_script: bool,
}

/// Diffs `old` against `new`. With neither `ignore_*` option the chunks
/// concatenate back to the inputs exactly; with them, to the normalized
/// inputs (what the reader is shown).
pub fn diff_texts(
    old: &str,
    new: &str,
    options: &DiffOptions,
    segmenter: &Segmenter,
    converter: Option<&SimplifiedConverter>,
) -> Vec<DiffChunk> {
    let (old, new) = match (options.ignore_script, converter) {
        (true, Some(c)) => (c.to_simplified(old), c.to_simplified(new)),
        _ => (old.to_string(), new.to_string()),
    };
    let (old, new) = if options.ignore_punctuation {
        (strip_punctuation(&old), strip_punctuation(&new))
    } else {
        (old, new)
    };
    match options.granularity {
        Granularity::Chars => diff_chars(&old, &new),
        Granularity::Words => diff_tokens(&segmenter.tokens(&old), &segmenter.tokens(&new)),
    }
}

/// The diff of two corpus units, saying which of their texts was compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitDiff {
    /// Which text of each unit was compared.
    pub text: TextChoice,
    /// Whether the old side's compared text is a restored reading.
    pub old_restored: bool,
    /// Whether the new side's compared text is a restored reading.
    pub new_restored: bool,
    /// The diff, in order.
    pub chunks: Vec<DiffChunk>,
}

/// Diffs two units: their readings (restored where a unit has a restored
/// reading, so that the rewording tool's swaps do not show up as
/// differences) or, with [`TextChoice::Witness`], their texts as the
/// witnesses have them.
pub fn diff_units(
    old: &Unit,
    new: &Unit,
    text: TextChoice,
    options: &DiffOptions,
    segmenter: &Segmenter,
    converter: Option<&SimplifiedConverter>,
) -> UnitDiff {
    let restored = |u: &Unit| text == TextChoice::Reading && u.is_restored();
    UnitDiff {
        text,
        old_restored: restored(old),
        new_restored: restored(new),
        chunks: diff_texts(
            old.text_for(text),
            new.text_for(text),
            options,
            segmenter,
            converter,
        ),
    }
}

/// Keeps letters, digits and ideographs; drops punctuation, symbols and space.
fn strip_punctuation(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::diff::{new_side, old_side, DiffKind};

    fn segmenter() -> Segmenter {
        Segmenter::new().expect("embedded dictionary loads")
    }

    #[test]
    fn inline_reconstruction_equals_the_inputs_in_both_granularities() {
        let old = "促进区域协调发展，健全市场一体化发展机制。";
        let new = "促进区域协调开展,健全市场一体化开展机制和𫫇。";
        for granularity in [Granularity::Words, Granularity::Chars] {
            let options = DiffOptions {
                granularity,
                ..DiffOptions::default()
            };
            let chunks = diff_texts(old, new, &options, &segmenter(), None);
            assert_eq!(old_side(&chunks), old);
            assert_eq!(new_side(&chunks), new);
        }
    }

    #[test]
    fn units_are_diffed_by_their_reading_unless_the_witness_text_is_asked_for() {
        use crate::restoration::restored_unit;
        let central = restored_unit(
            "7.22",
            "推进城乡区域间根本公共效劳衔接",
            "根本公共效劳",
            "基本公共服务",
        );
        let mut province = central.clone();
        province.restored = None;
        province.text = "推动城乡区域间基本公共服务衔接".into();
        let options = DiffOptions::default();
        let reading = diff_units(
            &central,
            &province,
            TextChoice::Reading,
            &options,
            &segmenter(),
            None,
        );
        assert!(reading.old_restored && !reading.new_restored);
        let changed: Vec<(&str, &str)> = reading
            .chunks
            .iter()
            .filter(|c| c.op != DiffKind::Equal)
            .map(|c| (c.old.as_str(), c.new.as_str()))
            .collect();
        // Only the province's own wording differs (推进 is the witness's
        // word the restoration kept in this fixture).
        assert!(
            changed.iter().all(|(o, _)| !o.contains("效劳")),
            "{changed:?}"
        );
        let witness = diff_units(
            &central,
            &province,
            TextChoice::Witness,
            &options,
            &segmenter(),
            None,
        );
        assert!(!witness.old_restored);
        assert!(witness.chunks.iter().any(|c| c.old.contains("效劳")));
    }

    #[test]
    fn ignoring_punctuation_and_script_makes_copies_equal() {
        let converter = SimplifiedConverter::new().expect("converter loads");
        let options = DiffOptions {
            granularity: Granularity::Words,
            ignore_punctuation: true,
            ignore_script: true,
        };
        let chunks = diff_texts(
            "完善多元化横向生态补偿机制。",
            "完善多元化橫向生態補償機制.",
            &options,
            &segmenter(),
            Some(&converter),
        );
        assert!(chunks.iter().all(|c| c.op == DiffKind::Equal), "{chunks:?}");
    }
}
