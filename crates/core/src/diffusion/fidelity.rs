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
use rustc_hash::{FxHashMap, FxHashSet};
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
/// source). Units are read by `choice`, as in the alignment. A
/// [`FidelityJob`] run to its end in one go.
pub fn document_fidelity(
    central: &Document,
    local: &Document,
    alignment: &Alignment,
    central_side: Side,
    choice: TextChoice,
) -> DocumentFidelity {
    let mut job = FidelityJob::new(central_side, choice);
    loop {
        if let FidelityStep::Done(fidelity) = job.step(central, local, alignment, usize::MAX) {
            return *fidelity;
        }
    }
}

/// What a step of a [`FidelityJob`] ended with.
#[derive(Debug, Clone, PartialEq)]
pub enum FidelityStep {
    /// More work to do: pieces done, pieces in all.
    Working {
        /// Pieces of work done.
        done: usize,
        /// Pieces of work in all.
        total: usize,
    },
    /// The figures, exactly as [`document_fidelity`] gives them.
    Done(Box<DocumentFidelity>),
}

/// [`document_fidelity`] in steps, for a long local document: what the
/// alignment says about each unit is indexed once (one piece), then every
/// central unit and every local unit is one piece.
pub struct FidelityJob {
    central_side: Side,
    choice: TextChoice,
    links: Option<Links>,
    next_central: usize,
    next_local: usize,
    document: FidelityTotals,
    by_mech: Vec<(Option<Mechanism>, FidelityTotals)>,
    units: Vec<CentralUnitFidelity>,
    without: Vec<String>,
    local_side: LocalTotals,
}

/// What an alignment says about the units of both documents, by path.
struct Links {
    /// A central unit's confident local counterparts, in alignment order.
    counterparts: FxHashMap<String, Vec<String>>,
    /// A local unit's confident central counterparts, in alignment order.
    centrals: FxHashMap<String, Vec<String>>,
    /// The relation of each row's unit (the first row with that path).
    row_relation: FxHashMap<String, Relation>,
    unmatched: FxHashSet<String>,
    /// Where each path first occurs among the central and the local units.
    central_units: FxHashMap<String, usize>,
    local_units: FxHashMap<String, usize>,
    /// The first mechanism of each top-level section of the central document.
    section_mechanisms: FxHashMap<String, Option<Mechanism>>,
}

impl Links {
    fn new(central: &Document, local: &Document, alignment: &Alignment, side: Side) -> Links {
        let mut counterparts: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let mut centrals: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let mut row_relation: FxHashMap<String, Relation> = FxHashMap::default();
        for row in &alignment.pairs {
            for c in &row.candidates {
                if c.relation.is_confident() {
                    let (central_path, local_path) = match side {
                        Side::A => (&row.a, &c.b),
                        Side::B => (&c.b, &row.a),
                    };
                    counterparts
                        .entry(central_path.clone())
                        .or_default()
                        .push(local_path.clone());
                    centrals
                        .entry(local_path.clone())
                        .or_default()
                        .push(central_path.clone());
                }
            }
            row_relation.entry(row.a.clone()).or_insert(row.relation);
        }
        let first_index = |doc: &Document| {
            let mut map: FxHashMap<String, usize> = FxHashMap::default();
            for (k, u) in doc.units.iter().enumerate() {
                map.entry(u.path.as_str().to_string()).or_insert(k);
            }
            map
        };
        let mut section_mechanisms: FxHashMap<String, Option<Mechanism>> = FxHashMap::default();
        for u in central.units.iter().filter(|u| u.kind == UnitKind::Section) {
            section_mechanisms
                .entry(u.path.as_str().to_string())
                .or_insert_with(|| u.mechanisms.first().map(|m| m.id));
        }
        Links {
            counterparts,
            centrals,
            row_relation,
            unmatched: alignment.unmatched_b.iter().cloned().collect(),
            central_units: first_index(central),
            local_units: first_index(local),
            section_mechanisms,
        }
    }

    /// The relation of a unit that has rows (the side of `alignment.pairs`).
    fn of_row(&self, path: &str) -> Relation {
        match self.row_relation.get(path) {
            Some(r) => *r,
            None if self.unmatched.contains(path) => Relation::NoCounterpart,
            None => Relation::PossiblyRelated,
        }
    }

    /// The relation of a unit of B (no row of its own): in a confident
    /// pair, in an uncertain pair only, or in none. `confident` holds the
    /// confident pairs by B's paths.
    fn of_b(&self, path: &str, confident: &FxHashMap<String, Vec<String>>) -> Relation {
        if self.unmatched.contains(path) {
            Relation::NoCounterpart
        } else if confident.contains_key(path) {
            Relation::Rewritten
        } else {
            Relation::PossiblyRelated
        }
    }

    /// The mechanism of a central unit (see [`section_mechanism`]).
    fn mechanism(&self, unit: &Unit) -> Option<Mechanism> {
        let top = unit.path.as_str().split('.').next()?;
        self.section_mechanisms.get(top).copied().flatten()
    }
}

impl FidelityJob {
    /// A job measuring with `central_side` and `choice` (see [`document_fidelity`]).
    pub fn new(central_side: Side, choice: TextChoice) -> FidelityJob {
        FidelityJob {
            central_side,
            choice,
            links: None,
            next_central: 0,
            next_local: 0,
            document: FidelityTotals::default(),
            by_mech: Vec::new(),
            units: Vec::new(),
            without: Vec::new(),
            local_side: LocalTotals::default(),
        }
    }

    /// Does at most `budget` pieces of work (at least one). The documents
    /// and the alignment must be the same at every call.
    pub fn step(
        &mut self,
        central: &Document,
        local: &Document,
        alignment: &Alignment,
        budget: usize,
    ) -> FidelityStep {
        for _ in 0..budget.max(1) {
            let Some(links) = self.links.take() else {
                self.links = Some(Links::new(central, local, alignment, self.central_side));
                continue;
            };
            // The links are taken out while a unit is measured, and put back.
            let finished = self.unit_step(&links, central, local);
            self.links = Some(links);
            if finished {
                return FidelityStep::Done(Box::new(self.finish(central, local)));
            }
        }
        FidelityStep::Working {
            done: usize::from(self.links.is_some()) + self.next_central + self.next_local,
            total: 1 + central.units.len() + local.units.len() + 1,
        }
    }

    /// Measures the next central unit, else the next local one; true when
    /// there is none left.
    fn unit_step(&mut self, links: &Links, central: &Document, local: &Document) -> bool {
        if let Some(unit) = central.units.get(self.next_central) {
            self.next_central += 1;
            let (outcome, unit_fidelity) = self.central_unit(links, unit, local);
            let chars = content_runs(unit_text(unit, self.choice))
                .iter()
                .map(Vec::len)
                .sum();
            self.document.add_unit(chars, outcome);
            let mech = links.mechanism(unit);
            match self.by_mech.iter_mut().find(|(m, _)| *m == mech) {
                Some((_, t)) => t.add_unit(chars, outcome),
                None => {
                    let mut t = FidelityTotals::default();
                    t.add_unit(chars, outcome);
                    self.by_mech.push((mech, t));
                }
            }
            self.units.push(unit_fidelity);
            return false;
        }
        if let Some(unit) = local.units.get(self.next_local) {
            self.next_local += 1;
            self.local_unit(links, unit, central);
            return false;
        }
        true
    }

    fn central_unit(
        &mut self,
        links: &Links,
        unit: &Unit,
        local: &Document,
    ) -> (Outcome, CentralUnitFidelity) {
        let path = unit.path.as_str();
        let text = unit_text(unit, self.choice);
        let relation = match self.central_side {
            Side::A => links.of_row(path),
            Side::B => links.of_b(path, &links.counterparts),
        };
        let counterparts: Vec<String> = links.counterparts.get(path).cloned().unwrap_or_default();
        let outcome = if !counterparts.is_empty() {
            let texts: Vec<&str> = counterparts
                .iter()
                .filter_map(|p| links.local_units.get(p.as_str()))
                .map(|&k| unit_text(&local.units[k], self.choice))
                .collect();
            Outcome::Measured(pair_fidelity(text, &texts))
        } else if relation.has_counterpart() {
            Outcome::Uncertain
        } else {
            self.without.push(path.to_string());
            Outcome::None
        };
        let fidelity = CentralUnitFidelity {
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
        };
        (outcome, fidelity)
    }

    fn local_unit(&mut self, links: &Links, unit: &Unit, central: &Document) {
        let path = unit.path.as_str();
        let text = unit_text(unit, self.choice);
        let centrals: Vec<&str> = links
            .centrals
            .get(path)
            .into_iter()
            .flatten()
            .filter_map(|c| links.central_units.get(c.as_str()))
            .map(|&k| unit_text(&central.units[k], self.choice))
            .collect();
        let relation = match self.central_side {
            Side::A => links.of_b(path, &links.centrals),
            Side::B => links.of_row(path),
        };
        let chars: usize = content_runs(text).iter().map(Vec::len).sum();
        let side = &mut self.local_side;
        side.chars += chars;
        if !centrals.is_empty() {
            // The local unit against all its confident central counterparts.
            let f = pair_fidelity(&centrals.join("\n"), &[text]);
            side.shared += f.local_shared;
            side.new += f.local_new;
        } else if relation.has_counterpart() {
            side.uncertain += chars;
        } else {
            side.new += chars;
            side.units_added.push(path.to_string());
        }
    }

    fn finish(&mut self, central: &Document, local: &Document) -> DocumentFidelity {
        let mut document = std::mem::take(&mut self.document);
        document.finish();
        let mut by_mech = std::mem::take(&mut self.by_mech);
        by_mech.sort_by_key(|(m, _)| m.map_or(usize::MAX, |m| m as usize));
        let by_mechanism = by_mech
            .into_iter()
            .map(|(mechanism, mut totals)| {
                totals.finish();
                MechanismFidelity { mechanism, totals }
            })
            .collect();
        let mut local_side = std::mem::take(&mut self.local_side);
        local_side.new_share = share(local_side.new, local_side.chars);
        local_side.uncertain_share = share(local_side.uncertain, local_side.chars);
        let fidelity = DocumentFidelity {
            central: central.id.clone(),
            local: local.id.clone(),
            text: self.choice,
            document,
            local_side,
            by_mechanism,
            central_without_counterpart: std::mem::take(&mut self.without),
            units: std::mem::take(&mut self.units),
        };
        *self = FidelityJob::new(self.central_side, self.choice);
        fidelity
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
