//! Precision and recall of the rewording detector, with held-out clauses.
//!
//! Where both witnesses of the 2018 opinion carry a clause, the truth is
//! known: the word diff between the faithful newspaper text and the
//! machine-reworded copy says exactly where the tool swapped a word. The
//! clauses are split in two (alternating, in reading order); substitution
//! pairs are learned on one half with the pipeline's own learner, and the
//! detector (`policy_core::compare::reword::suspect_substitutions`) is run on
//! the reworded text of the other half. Then the halves swap (two-fold
//! cross-validation) and the counts are summed.
//!
//! * a flagged span is right when it overlaps a span the tool changed;
//! * a changed span is found when a flagged span overlaps it.
//!
//! Prints a table per minimum pair count (how often a pair must have been
//! seen before it is used).

use policy_core::compare::diff::{diff_tokens, DiffKind};
use policy_core::compare::reword::suspect_substitutions;
use policy_core::model::load_corpus;
use policy_core::segment::Segmenter;
use policy_pipeline::substitutions::{learn_substitutions, AlignedText};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = load_corpus(&std::fs::read_to_string(root.join("corpus/corpus.json"))?)?;
    let central = corpus
        .document("central-2018")
        .ok_or_else(|| anyhow::anyhow!("no central-2018"))?;
    let segmenter = Segmenter::with_regions(&corpus.regions)?;

    // (path, faithful text, reworded text) for every unit both witnesses carry whole.
    let pairs: Vec<(String, String, String)> = central
        .witness_readings
        .iter()
        .filter(|r| !r.partial)
        .filter_map(|r| {
            let unit = central.unit(r.path.as_str())?;
            (!unit.provenance.reworded)
                .then(|| (r.path.to_string(), unit.text.clone(), r.text.clone()))
        })
        .collect();
    println!(
        "Rewording detector on central-2018: {} clauses carried by both witnesses, two-fold cross-validation\n",
        pairs.len()
    );
    println!(
        "| min pair count | flagged | right | precision | changed spans | found | recall | F1 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for min_count in [1, 2, 3, 5] {
        let (mut flagged, mut right, mut changed, mut found) = (0, 0, 0, 0);
        for fold in 0..2 {
            let (learn, test): (Vec<_>, Vec<_>) =
                pairs.iter().enumerate().partition(|(i, _)| i % 2 == fold);
            let texts: Vec<AlignedText> = learn
                .iter()
                .map(|(_, (path, original, reworded))| AlignedText {
                    path,
                    original,
                    reworded,
                })
                .collect();
            let learned = learn_substitutions(&segmenter, &texts);
            for (_, (_, original, reworded)) in &test {
                let truth = changed_spans(&segmenter, original, reworded);
                let suspects = suspect_substitutions(reworded, &learned, min_count);
                flagged += suspects.len();
                right += suspects
                    .iter()
                    .filter(|s| truth.iter().any(|&(a, b)| s.start < b && a < s.end))
                    .count();
                changed += truth.len();
                found += truth
                    .iter()
                    .filter(|&&(a, b)| suspects.iter().any(|s| s.start < b && a < s.end))
                    .count();
            }
        }
        let precision = right as f64 / flagged.max(1) as f64;
        let recall = found as f64 / changed.max(1) as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        println!(
            "| {min_count} | {flagged} | {right} | {precision:.3} | {changed} | {found} | {recall:.3} | {f1:.3} |"
        );
    }
    Ok(())
}

/// Byte spans of the reworded text that the word diff marks as changed
/// (inserted or replaced), ignoring changes of punctuation only.
fn changed_spans(segmenter: &Segmenter, original: &str, reworded: &str) -> Vec<(usize, usize)> {
    let chunks = diff_tokens(&segmenter.tokens(original), &segmenter.tokens(reworded));
    let mut spans = Vec::new();
    let mut at = 0;
    for chunk in chunks {
        let len = chunk.new.len();
        let wordlike = chunk.new.chars().any(char::is_alphanumeric);
        if matches!(chunk.op, DiffKind::Insert | DiffKind::Replace) && wordlike {
            spans.push((at, at + len));
        }
        at += len;
    }
    spans
}
