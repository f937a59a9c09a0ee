//! Restored readings: the likely authentic wording of a unit that survives
//! only in the machine-reworded witness, kept apart from the witness text.
//!
//! The pipeline (`policy-pipeline`'s `restore` module) proposes each change
//! from evidence and records that evidence here, so a reader or a script can
//! always see the witness's word, the restored word and why. Nothing in this
//! module decides anything: it is the data contract plus a few accessors.
//!
//! Offsets are byte offsets; `start`/`end` address the restored text,
//! `witness_start`/`witness_end` the witness text (the unit's `text`).

use crate::model::{Document, Unit};
use serde::{Deserialize, Serialize};

/// Which text of a unit to read, compare or export: the restored reading
/// where there is one (the default), or the witness text as it stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextChoice {
    #[default]
    /// The restored reading where the unit has one, else its text.
    Reading,
    /// The witness text as it stands, even where a restored reading exists.
    Witness,
}

impl Unit {
    /// The text to read: the restored reading when the unit has one, else
    /// the unit's text.
    pub fn reading(&self) -> &str {
        self.restored.as_ref().map_or(&self.text, |r| &r.text)
    }

    /// The heading of [`Unit::reading`].
    pub fn reading_heading(&self) -> Option<&str> {
        match &self.restored {
            Some(r) => r.heading.as_deref(),
            None => self.heading.as_deref(),
        }
    }

    /// The reading or the witness text, as chosen.
    pub fn text_for(&self, choice: TextChoice) -> &str {
        match choice {
            TextChoice::Reading => self.reading(),
            TextChoice::Witness => &self.text,
        }
    }

    /// The heading for the chosen text.
    pub fn heading_for(&self, choice: TextChoice) -> Option<&str> {
        match choice {
            TextChoice::Reading => self.reading_heading(),
            TextChoice::Witness => self.heading.as_deref(),
        }
    }

    /// True when the unit carries a restored reading that differs from its
    /// witness text.
    pub fn is_restored(&self) -> bool {
        self.restored
            .as_ref()
            .is_some_and(|r| !r.changes.is_empty())
    }

    /// True when the unit's restored reading is flagged doubtful.
    pub fn is_restoration_doubtful(&self) -> bool {
        self.restored.as_ref().is_some_and(|r| r.doubtful)
    }
}

/// The restored reading of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestoredReading {
    /// The unit's text with every accepted change applied.
    pub text: String,
    /// The heading recomputed from the restored text (same rule as the
    /// witness heading), when the unit has one.
    #[serde(default)]
    pub heading: Option<String>,
    /// The changes, in text order, never overlapping.
    pub changes: Vec<RestoredChange>,
    /// True when the restoration is uncertain: a change rests on weak or
    /// conflicting evidence, or the text still reads like reworded text
    /// where no change could be justified (see `doubts`).
    pub doubtful: bool,
    /// Why the reading is doubtful (empty when it is not).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<Doubt>,
}

/// One restored word (or character run).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestoredChange {
    /// Byte range in the restored text.
    pub start: usize,
    /// End of the byte range in the restored text.
    pub end: usize,
    /// Byte range of the replaced span in the witness text.
    pub witness_start: usize,
    /// End of the byte range in the witness text.
    pub witness_end: usize,
    /// The witness's wording at this place.
    pub witness: String,
    /// The restored wording.
    pub restored: String,
    /// Combined score of the evidence (log-odds scale; the pipeline makes
    /// changes scoring above its threshold, 1).
    pub score: f64,
    /// Change in the language model's log-probability (natural log) of the
    /// surrounding text when the change is made: the context score.
    pub context_score: f64,
    /// True when this change is weakly supported.
    pub doubtful: bool,
    /// Why the change was made: every source that spoke for it.
    pub evidence: Vec<Evidence>,
}

/// Why a change was made. Serialized with a `source` tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum Evidence {
    /// A substitution pair learned from the clauses both witnesses carry,
    /// reversed: `reworded` in the witness goes back to `original`.
    LearnedPair {
        /// The wording before the rewording tool (what is restored).
        original: String,
        /// The wording the rewording tool produced (what the witness has).
        reworded: String,
        /// How often the pair was observed.
        count: usize,
        /// How often `reworded` occurs in the learning clauses' reworded
        /// text at all (substituted or not): `count / occurrences` is how
        /// reliable the pair is on its own.
        occurrences: usize,
    },
    /// Another text quotes this passage with the restored wording: a
    /// provincial clause (or the faithful witness's fragment of the same
    /// unit) aligned to the reworded passage.
    Quote {
        /// Document id and unit path of the quoting unit.
        doc: String,
        /// Unit path of the quoting unit.
        path: String,
        /// The quoting sentence.
        passage: String,
    },
    /// The faithful texts (the language model) write the restored wording
    /// in this context and never the witness's: a gap in an otherwise
    /// attested context filled the way faithful texts fill it.
    LanguageModel {
        /// How often faithful texts have the restored wording in this
        /// context (with `context_chars` characters either side).
        attested: usize,
        /// Characters of context either side that were matched.
        context_chars: usize,
    },
    /// The restored wording forms a word of the general Chinese lexicon
    /// (jieba's dictionary) that the witness's wording does not.
    Lexicon {
        /// The general-lexicon word the restored wording forms.
        word: String,
    },
}

/// Why a restoration is doubtful.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Doubt {
    /// A change was made on weak evidence: its score is close to the
    /// decision threshold, or only the language model speaks for it (no
    /// learned pair, no quote).
    WeakChange {
        /// Start of the weak change in the restored text (bytes).
        start: usize,
        /// End of the weak change in the restored text (bytes).
        end: usize,
    },
    /// A change was considered and not made although it had some support.
    RejectedCandidate {
        /// Start of the witness span the candidate would have replaced (bytes).
        witness_start: usize,
        /// End of that witness span (bytes).
        witness_end: usize,
        /// The wording that was considered.
        candidate: String,
        /// Its combined score, below the decision threshold.
        score: f64,
    },
}

impl RestoredReading {
    /// Maps a byte offset in the witness text to the restored text: offsets
    /// inside a changed span map to the start of its restored wording.
    pub fn to_restored_offset(&self, witness_offset: usize) -> usize {
        let mut shift: isize = 0;
        for c in &self.changes {
            if witness_offset < c.witness_start {
                break;
            }
            if witness_offset < c.witness_end {
                return c.start;
            }
            shift += (c.end - c.start) as isize - (c.witness_end - c.witness_start) as isize;
        }
        (witness_offset as isize + shift).max(0) as usize
    }

    /// Number of characters of the restored text that differ from the
    /// witness (the sum of the restored spans).
    pub fn restored_chars(&self) -> usize {
        self.changes
            .iter()
            .map(|c| c.restored.chars().count())
            .sum()
    }
}

/// How much of a document is restored text (for the library and reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestorationSummary {
    /// Units in the document.
    pub units: usize,
    /// Units whose reading is a restoration (their text comes only from a
    /// machine-reworded witness), with and without changes.
    pub restored_units: usize,
    /// Of those, units flagged doubtful.
    pub doubtful_units: usize,
    /// Changes made, and how many are doubtful.
    pub changes: usize,
    /// Of the changes, how many are doubtful.
    pub doubtful_changes: usize,
    /// Characters of the document's reading, of the restored units'
    /// readings, and of restored wording.
    pub chars: usize,
    /// Characters of the restored units' readings.
    pub restored_unit_chars: usize,
    /// Characters of restored wording.
    pub changed_chars: usize,
}

impl Document {
    /// How much of the document is restored text; `None` when nothing is.
    pub fn restoration_summary(&self) -> Option<RestorationSummary> {
        let mut s = RestorationSummary {
            units: self.units.len(),
            restored_units: 0,
            doubtful_units: 0,
            changes: 0,
            doubtful_changes: 0,
            chars: 0,
            restored_unit_chars: 0,
            changed_chars: 0,
        };
        for u in &self.units {
            let n = u.reading().chars().count();
            s.chars += n;
            let Some(r) = &u.restored else { continue };
            s.restored_units += 1;
            s.doubtful_units += usize::from(r.doubtful);
            s.changes += r.changes.len();
            s.doubtful_changes += r.changes.iter().filter(|c| c.doubtful).count();
            s.restored_unit_chars += n;
            s.changed_chars += r.restored_chars();
        }
        (s.restored_units > 0).then_some(s)
    }
}

/// How well the restorer undoes the rewording tool where the truth is
/// known: the clauses both witnesses carry, cross-validated (learn on one
/// half, restore the other). `restoration_eval` measures it and writes
/// `corpus/eval/restoration-accuracy.json`; the app tells readers of a
/// restored reading how far to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestorationAccuracy {
    /// Clauses restored and compared with their faithful text.
    pub clauses: usize,
    /// Characters of their faithful text.
    pub chars: usize,
    /// The tool's substitutions in them (word-level differences).
    pub substitutions: usize,
    /// Substitutions whose faithful wording the restoration has again.
    pub undone: usize,
    /// Correct words the restoration changed.
    pub wrongly_changed: usize,
    /// Changes made in clauses not flagged doubtful.
    pub confident_changes: usize,
    /// Of those, changes that were wrong.
    pub confident_wrong: usize,
}

impl RestorationAccuracy {
    /// Share of the substitutions undone, in percent.
    pub fn undone_percent(&self) -> f64 {
        100.0 * self.undone as f64 / self.substitutions.max(1) as f64
    }

    /// Correct words wrongly changed per 1,000 characters.
    pub fn wrong_per_thousand_chars(&self) -> f64 {
        1000.0 * self.wrongly_changed as f64 / self.chars.max(1) as f64
    }
}

/// A unit whose witness text has `witness` at the first occurrence and the
/// restored reading `restored` there (for tests of code that reads units).
#[cfg(test)]
pub(crate) fn restored_unit(path: &str, text: &str, witness: &str, restored: &str) -> Unit {
    use crate::model::{Provenance, UnitKind, UnitPath};
    let start = text.find(witness).expect("witness wording in text");
    let reading = text.replacen(witness, restored, 1);
    Unit {
        path: UnitPath::new(path),
        label: String::new(),
        kind: UnitKind::Clause,
        heading: None,
        text: text.into(),
        mechanisms: vec![],
        regions: vec![],
        provenance: Provenance {
            file: "000.txt".into(),
            lines: (1, 1),
            reworded: true,
            also_in: vec![],
            repairs: vec![],
        },
        restored: Some(RestoredReading {
            text: reading,
            heading: None,
            changes: vec![RestoredChange {
                start,
                end: start + restored.len(),
                witness_start: start,
                witness_end: start + witness.len(),
                witness: witness.into(),
                restored: restored.into(),
                score: 1.0,
                context_score: 0.0,
                doubtful: false,
                evidence: vec![],
            }],
            doubtful: false,
            doubts: vec![],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_restored_units_changes_and_characters() {
        let restored = restored_unit("8.25", "其他微观调控政策", "微观", "宏观");
        let mut plain = restored.clone();
        plain.restored = None;
        plain.provenance.reworded = false;
        let mut doc = Document::bare("d", vec![plain.clone(), restored]);
        let s = doc.restoration_summary().expect("restored");
        assert_eq!((s.units, s.restored_units, s.doubtful_units), (2, 1, 0));
        assert_eq!(
            (s.changes, s.chars, s.restored_unit_chars, s.changed_chars),
            (1, 16, 8, 2)
        );
        doc.units = vec![plain];
        assert_eq!(doc.restoration_summary(), None);
    }

    #[test]
    fn reading_is_the_restored_text_and_witness_text_stays_apart() {
        let u = restored_unit("8.25", "其他微观调控政策", "微观", "宏观");
        assert_eq!(u.reading(), "其他宏观调控政策");
        assert_eq!(u.text, "其他微观调控政策");
        assert_eq!(u.text_for(TextChoice::Witness), "其他微观调控政策");
        assert!(u.is_restored() && !u.is_restoration_doubtful());
        let mut plain = u.clone();
        plain.restored = None;
        assert_eq!(plain.reading(), plain.text);
        assert!(!plain.is_restored());
    }

    fn change(ws: usize, we: usize, s: usize, e: usize) -> RestoredChange {
        RestoredChange {
            start: s,
            end: e,
            witness_start: ws,
            witness_end: we,
            witness: String::new(),
            restored: String::new(),
            score: 1.0,
            context_score: 0.0,
            doubtful: false,
            evidence: vec![],
        }
    }

    #[test]
    fn witness_offsets_map_through_changes_of_other_lengths() {
        let r = RestoredReading {
            text: String::new(),
            heading: None,
            // 6 bytes → 9 bytes at 3, then 6 → 6 at 12.
            changes: vec![change(3, 9, 3, 12), change(12, 18, 15, 21)],
            doubtful: false,
            doubts: vec![],
        };
        assert_eq!(r.to_restored_offset(0), 0);
        assert_eq!(r.to_restored_offset(3), 3);
        assert_eq!(r.to_restored_offset(6), 3);
        assert_eq!(r.to_restored_offset(9), 12);
        assert_eq!(r.to_restored_offset(12), 15);
        assert_eq!(r.to_restored_offset(20), 23);
    }

    #[test]
    fn evidence_serializes_with_a_source_tag() {
        let e = Evidence::Quote {
            doc: "sichuan".into(),
            path: "8".into(),
            passage: "创新区域政策调控机制".into(),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.starts_with(r#"{"source":"quote""#), "{json}");
        let back: Evidence = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
    }
}
