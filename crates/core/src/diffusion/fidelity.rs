//! Fidelity to the central text: how much of a central clause a local
//! clause carries over, and how.
//!
//! # Content characters
//!
//! A text is cut into *runs* at every character that is not a letter or a
//! digit (punctuation, spaces, brackets); inside a run the function
//! characters in [`STOP_CHARS`] are dropped. What is left are the text's
//! *content characters*. Only they are counted, so 的/和/与 and punctuation
//! neither make two texts look alike nor pad a share.
//!
//! # The three shares of a central clause (they add up to 1)
//!
//! * **verbatim** — content characters inside a run of at least
//!   [`VERBATIM_RUN`] consecutive content characters that the local clause
//!   also has, in that order (same run);
//! * **rewritten** — the other content characters that share a bigram (with
//!   a neighbour in the same run) with the local clause: the words are
//!   there, reordered, shortened or combined with others;
//! * **not carried** — the rest: no bigram of theirs is in the local clause.
//!
//! # The local clause
//!
//! The same marking seen from the local side: its content characters in a
//! verbatim run or a bigram shared with the central clause are *shared*;
//! the rest is **new** local content.
//!
//! # Documents and mechanisms
//!
//! [`document_fidelity`] reads an alignment of a central (source) document
//! with a local one: every central unit is compared with all its confident
//! counterparts together (`near-verbatim` or `rewritten` pairs); a central
//! unit whose best relation is `possibly-related` is counted **uncertain**
//! (not measured: its counterpart is not sure), one with no counterpart as
//! **no counterpart**. Document and mechanism figures are sums of content
//! characters, so a long clause weighs more than a short one.

use crate::compare::align::{Alignment, Relation, Side};
use crate::model::{Document, Mechanism, Unit, UnitKind};
use crate::restoration::TextChoice;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// Function characters left out of content (particles, conjunctions and
/// the like, which any rewording adds or drops freely).
pub const STOP_CHARS: &[char] = &[
    '的', '了', '和', '与', '及', '等', '之', '其', '并', '而', '或', '着', '把', '被', '所', '以',
    '于', '对', '在', '为', '是', '将',
];

/// The shortest run of consecutive content characters, found in the same
/// order in both texts, that counts as carried over verbatim (four
/// characters: two two-character words, longer than any single term).
pub const VERBATIM_RUN: usize = 4;

/// The content characters of `text`, as runs (see the module docs).
pub fn content_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !STOP_CHARS.contains(&c) {
                run.push(c);
            }
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The n-grams and bigrams of one or more texts, to look characters up in.
#[derive(Debug, Default)]
struct Grams {
    long: FxHashSet<Vec<char>>,
    pairs: FxHashSet<[char; 2]>,
    chars: FxHashSet<char>,
}

impl Grams {
    fn add(&mut self, runs: &[Vec<char>]) {
        for run in runs {
            for w in run.windows(VERBATIM_RUN) {
                self.long.insert(w.to_vec());
            }
            for w in run.windows(2) {
                self.pairs.insert([w[0], w[1]]);
            }
            self.chars.extend(run.iter().copied());
        }
    }

    fn of(runs: &[Vec<char>]) -> Grams {
        let mut g = Grams::default();
        g.add(runs);
        g
    }
}

/// How the content characters of one side are marked against the other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    chars: usize,
    verbatim: usize,
    shared: usize,
}

fn mark(runs: &[Vec<char>], other: &Grams) -> Marks {
    let mut m = Marks::default();
    for run in runs {
        let n = run.len();
        let mut verbatim = vec![false; n];
        for (i, w) in run.windows(VERBATIM_RUN).enumerate() {
            if other.long.contains(w) {
                verbatim[i..i + VERBATIM_RUN]
                    .iter_mut()
                    .for_each(|v| *v = true);
            }
        }
        for i in 0..n {
            m.chars += 1;
            if verbatim[i] {
                m.verbatim += 1;
            } else {
                let left = i > 0 && other.pairs.contains(&[run[i - 1], run[i]]);
                let right = i + 1 < n && other.pairs.contains(&[run[i], run[i + 1]]);
                // A one-character run has no bigram: it is shared when the
                // other text has the character at all.
                let single = n == 1 && other.chars.contains(&run[0]);
                if left || right || single {
                    m.shared += 1;
                }
            }
        }
    }
    m
}

/// A share rounded to three decimals (0 when there is nothing to share).
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        ((part as f64 / whole as f64) * 1000.0).round() / 1000.0
    }
}

/// The fidelity figures of one aligned pair: a central clause and a local
/// clause (or several local clauses read together). All counts are content
/// characters (see the module docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairFidelity {
    /// Content characters of the central clause.
    pub central_chars: usize,
    /// Of those, carried over verbatim.
    pub verbatim: usize,
    /// Of those, carried over reworded (shared bigrams, no verbatim run).
    pub rewritten: usize,
    /// Of those, not carried over.
    pub not_carried: usize,
    /// Content characters of the local clause.
    pub local_chars: usize,
    /// Of those, shared with the central clause (verbatim or by bigram).
    pub local_shared: usize,
    /// Of those, new local content.
    pub local_new: usize,
}

impl PairFidelity {
    /// Share of the central clause carried over verbatim.
    pub fn verbatim_share(&self) -> f64 {
        share(self.verbatim, self.central_chars)
    }
    /// Share of the central clause carried over reworded.
    pub fn rewritten_share(&self) -> f64 {
        share(self.rewritten, self.central_chars)
    }
    /// Share of the central clause not carried over.
    pub fn not_carried_share(&self) -> f64 {
        share(self.not_carried, self.central_chars)
    }
    /// Share of the local clause that is new local content.
    pub fn new_share(&self) -> f64 {
        share(self.local_new, self.local_chars)
    }
}

/// Fidelity of `local` (one or more local texts read together) to `central`.
pub fn pair_fidelity(central: &str, local: &[&str]) -> PairFidelity {
    let c_runs = content_runs(central);
    let l_runs: Vec<Vec<char>> = local.iter().flat_map(|t| content_runs(t)).collect();
    let (c_grams, l_grams) = (Grams::of(&c_runs), Grams::of(&l_runs));
    let c = mark(&c_runs, &l_grams);
    let l = mark(&l_runs, &c_grams);
    PairFidelity {
        central_chars: c.chars,
        verbatim: c.verbatim,
        rewritten: c.shared,
        not_carried: c.chars - c.verbatim - c.shared,
        local_chars: l.chars,
        local_shared: l.verbatim + l.shared,
        local_new: l.chars - l.verbatim - l.shared,
    }
}

/// The text a unit is compared by: its chosen text, or its heading when it
/// has no text of its own.
pub fn unit_text(unit: &Unit, choice: TextChoice) -> &str {
    let text = unit.text_for(choice);
    if text.trim().is_empty() {
        unit.heading_for(choice).unwrap_or("")
    } else {
        text
    }
}

/// Fidelity figures summed over a set of central units (a document or one
/// mechanism), with the units that could not be measured counted apart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FidelityTotals {
    /// Content characters of every central unit in the set.
    pub central_chars: usize,
    /// Carried over verbatim (central units with a confident counterpart).
    pub verbatim: usize,
    /// Carried over reworded (same units).
    pub rewritten: usize,
    /// Not carried over although the unit has a confident counterpart.
    pub not_carried: usize,
    /// Content characters of central units whose counterpart is uncertain
    /// (`possibly-related`): not measured.
    pub uncertain: usize,
    /// Content characters of central units with no counterpart.
    pub no_counterpart: usize,
    /// Central units in the set.
    pub units: usize,
    /// Of those, units with a confident counterpart.
    pub units_confident: usize,
    /// Of those, units whose counterpart is uncertain.
    pub units_uncertain: usize,
    /// Of those, units with no counterpart.
    pub units_no_counterpart: usize,
    /// The shares of `central_chars`, rounded to three decimals.
    pub shares: Shares,
}

/// Shares of a [`FidelityTotals`]' central content characters; they add up
/// to 1 (give or take rounding) when there is any content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    /// See [`FidelityTotals::verbatim`].
    pub verbatim: f64,
    /// See [`FidelityTotals::rewritten`].
    pub rewritten: f64,
    /// See [`FidelityTotals::not_carried`].
    pub not_carried: f64,
    /// See [`FidelityTotals::uncertain`].
    pub uncertain: f64,
    /// See [`FidelityTotals::no_counterpart`].
    pub no_counterpart: f64,
}

impl FidelityTotals {
    fn add_unit(&mut self, chars: usize, outcome: Outcome) {
        self.units += 1;
        self.central_chars += chars;
        match outcome {
            Outcome::Measured(f) => {
                self.units_confident += 1;
                self.verbatim += f.verbatim;
                self.rewritten += f.rewritten;
                self.not_carried += f.not_carried;
            }
            Outcome::Uncertain => {
                self.units_uncertain += 1;
                self.uncertain += chars;
            }
            Outcome::None => {
                self.units_no_counterpart += 1;
                self.no_counterpart += chars;
            }
        }
    }

    fn finish(&mut self) {
        let w = self.central_chars;
        self.shares = Shares {
            verbatim: share(self.verbatim, w),
            rewritten: share(self.rewritten, w),
            not_carried: share(self.not_carried, w),
            uncertain: share(self.uncertain, w),
            no_counterpart: share(self.no_counterpart, w),
        };
    }
}

#[derive(Debug, Clone, Copy)]
enum Outcome {
    Measured(PairFidelity),
    Uncertain,
    None,
}

/// The local document's side: how much of it is new.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalTotals {
    /// Content characters of every local unit.
    pub chars: usize,
    /// In units with a confident central counterpart: shared with it.
    pub shared: usize,
    /// New local content: the unshared characters of units with a
    /// confident counterpart plus every character of units with none.
    pub new: usize,
    /// Content characters of local units whose counterpart is uncertain.
    pub uncertain: usize,
    /// `new / chars`, rounded.
    pub new_share: f64,
    /// `uncertain / chars`, rounded.
    pub uncertain_share: f64,
    /// Local units with no counterpart at all (added by the local text).
    pub units_added: Vec<String>,
}

/// The figures of one mechanism (the section of the central document a
/// central unit belongs to; `None` for the preamble and unsectioned units).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MechanismFidelity {
    /// The mechanism, or `None` outside the mechanism sections.
    pub mechanism: Option<Mechanism>,
    /// The central units of that mechanism, summed.
    #[serde(flatten)]
    pub totals: FidelityTotals,
}

/// One central unit's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentralUnitFidelity {
    /// The central unit's path.
    pub path: String,
    /// Its best relation in the alignment.
    pub relation: Relation,
    /// Its confident counterparts in the local document.
    pub counterparts: Vec<String>,
    /// Measured against those counterparts together (`None` when it has none).
    pub fidelity: Option<PairFidelity>,
}

/// Fidelity of a whole local document to a central one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentFidelity {
    /// The central (source) document's id.
    pub central: String,
    /// The local (implementing) document's id.
    pub local: String,
    /// Which text of restored units was compared.
    pub text: TextChoice,
    /// Every central unit, summed.
    pub document: FidelityTotals,
    /// The local document's new content.
    pub local_side: LocalTotals,
    /// Per mechanism, in the mechanisms' order, then units outside them.
    pub by_mechanism: Vec<MechanismFidelity>,
    /// Central units with no counterpart (confident or probable absence).
    pub central_without_counterpart: Vec<String>,
    /// Every central unit, in reading order.
    pub units: Vec<CentralUnitFidelity>,
}

/// The mechanism of a unit of the central document: the first mechanism of
/// its top-level section.
pub fn section_mechanism(doc: &Document, unit: &Unit) -> Option<Mechanism> {
    let top = unit.path.as_str().split('.').next()?;
    let section = doc
        .units
        .iter()
        .find(|u| u.path.as_str() == top && u.kind == UnitKind::Section)?;
    section.mechanisms.first().map(|m| m.id)
}

/// Fidelity of `local` to `central`, read from `alignment`, an alignment of
/// the two in which `central_side` names the side of the central document
/// (the one [`crate::compare::align::align_documents`] was given as the
/// source). Units are read by `choice`, as in the alignment.
pub fn document_fidelity(
    central: &Document,
    local: &Document,
    alignment: &Alignment,
    central_side: Side,
    choice: TextChoice,
) -> DocumentFidelity {
    // Confident pairs and best relations, from whichever side the rows are.
    let mut confident: Vec<(String, String)> = Vec::new();
    let mut central_relation: Vec<(String, Relation)> = Vec::new();
    let mut local_relation: Vec<(String, Relation)> = Vec::new();
    for row in &alignment.pairs {
        for c in &row.candidates {
            if c.relation.is_confident() {
                let pair = match central_side {
                    Side::A => (row.a.clone(), c.b.clone()),
                    Side::B => (c.b.clone(), row.a.clone()),
                };
                confident.push(pair);
            }
        }
        match central_side {
            Side::A => central_relation.push((row.a.clone(), row.relation)),
            Side::B => local_relation.push((row.a.clone(), row.relation)),
        }
    }
    let relation_of = |rows: &[(String, Relation)], path: &str, unmatched: bool| {
        rows.iter()
            .find(|(p, _)| p == path)
            .map(|(_, r)| *r)
            .unwrap_or(if unmatched {
                Relation::NoCounterpart
            } else {
                Relation::PossiblyRelated
            })
    };
    let unmatched = |path: &str| alignment.unmatched_b.iter().any(|p| p == path);
    let relation_on_b_side = |path: &str| {
        // Units of B: no row of their own; a unit is in a confident pair,
        // in an uncertain pair only, or in none.
        if unmatched(path) {
            Relation::NoCounterpart
        } else if confident.iter().any(|(c, l)| match central_side {
            Side::A => l == path,
            Side::B => c == path,
        }) {
            Relation::Rewritten
        } else {
            Relation::PossiblyRelated
        }
    };

    let mut document = FidelityTotals::default();
    let mut by_mech: Vec<(Option<Mechanism>, FidelityTotals)> = Vec::new();
    let mut units = Vec::new();
    let mut without = Vec::new();
    for unit in &central.units {
        let path = unit.path.as_str();
        let text = unit_text(unit, choice);
        let relation = match central_side {
            Side::A => relation_of(&central_relation, path, unmatched(path)),
            Side::B => relation_on_b_side(path),
        };
        let counterparts: Vec<String> = confident
            .iter()
            .filter(|(c, _)| c == path)
            .map(|(_, l)| l.clone())
            .collect();
        let outcome = if !counterparts.is_empty() {
            let texts: Vec<&str> = counterparts
                .iter()
                .filter_map(|p| local.unit(p))
                .map(|u| unit_text(u, choice))
                .collect();
            Outcome::Measured(pair_fidelity(text, &texts))
        } else if relation.has_counterpart() {
            Outcome::Uncertain
        } else {
            without.push(path.to_string());
            Outcome::None
        };
        let chars = content_runs(text).iter().map(Vec::len).sum();
        document.add_unit(chars, outcome);
        let mech = section_mechanism(central, unit);
        match by_mech.iter_mut().find(|(m, _)| *m == mech) {
            Some((_, t)) => t.add_unit(chars, outcome),
            None => {
                let mut t = FidelityTotals::default();
                t.add_unit(chars, outcome);
                by_mech.push((mech, t));
            }
        }
        units.push(CentralUnitFidelity {
            path: path.to_string(),
            relation: match outcome {
                Outcome::Measured(_) if !relation.is_confident() => Relation::Rewritten,
                _ => relation,
            },
            counterparts,
            fidelity: match outcome {
                Outcome::Measured(f) => Some(f),
                _ => None,
            },
        });
    }
    document.finish();
    by_mech.sort_by_key(|(m, _)| m.map_or(usize::MAX, |m| m as usize));
    let by_mechanism = by_mech
        .into_iter()
        .map(|(mechanism, mut totals)| {
            totals.finish();
            MechanismFidelity { mechanism, totals }
        })
        .collect();

    let mut local_side = LocalTotals::default();
    for unit in &local.units {
        let path = unit.path.as_str();
        let text = unit_text(unit, choice);
        let centrals: Vec<&str> = confident
            .iter()
            .filter(|(_, l)| l == path)
            .filter_map(|(c, _)| central.unit(c))
            .map(|u| unit_text(u, choice))
            .collect();
        let relation = match central_side {
            Side::A => relation_on_b_side(path),
            Side::B => relation_of(&local_relation, path, unmatched(path)),
        };
        let chars: usize = content_runs(text).iter().map(Vec::len).sum();
        local_side.chars += chars;
        if !centrals.is_empty() {
            // The local unit against all its confident central counterparts.
            let f = pair_fidelity(&centrals.join("\n"), &[text]);
            local_side.shared += f.local_shared;
            local_side.new += f.local_new;
        } else if relation.has_counterpart() {
            local_side.uncertain += chars;
        } else {
            local_side.new += chars;
            local_side.units_added.push(path.to_string());
        }
    }
    local_side.new_share = share(local_side.new, local_side.chars);
    local_side.uncertain_share = share(local_side.uncertain, local_side.chars);

    DocumentFidelity {
        central: central.id.clone(),
        local: local.id.clone(),
        text: choice,
        document,
        local_side,
        by_mechanism,
        central_without_counterpart: without,
        units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_drops_punctuation_and_function_characters() {
        let runs = content_runs("建立健全区域合作的机制，和互助机制。");
        assert_eq!(
            runs,
            vec![
                "建立健全区域合作机制".chars().collect::<Vec<_>>(),
                "互助机制".chars().collect()
            ]
        );
    }

    #[test]
    fn identical_texts_are_all_verbatim() {
        let t = "深入实施区域协调发展战略，加快建立区域合作机制。";
        let f = pair_fidelity(t, &[t]);
        assert_eq!(f.verbatim, f.central_chars);
        assert_eq!(f.verbatim_share(), 1.0);
        assert_eq!(f.local_new, 0);
    }

    #[test]
    fn reworded_text_is_rewritten_not_verbatim() {
        // Words reordered in pairs: bigrams shared, no four-character run.
        let f = pair_fidelity("区域合作机制", &["合作区域机制"]);
        assert_eq!(f.central_chars, 6);
        assert_eq!(f.verbatim, 0);
        assert!(f.rewritten >= 4, "{f:?}");
    }

    #[test]
    fn unrelated_text_is_new() {
        let f = pair_fidelity("区域合作机制", &["推广太极拳"]);
        assert_eq!(f.not_carried, 6);
        assert_eq!(f.local_new, 5);
        assert_eq!(f.new_share(), 1.0);
    }

    #[test]
    fn shares_of_an_empty_text_are_zero() {
        let f = pair_fidelity("，。", &[""]);
        assert_eq!(f, PairFidelity::default());
        assert_eq!(f.verbatim_share(), 0.0);
    }
}
