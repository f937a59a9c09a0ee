//! Clause alignment between two documents: which unit of one document
//! implements or corresponds to which unit of the other, how sure that is,
//! and the shared terms that show why.
//!
//! # The method: structure-aware bigram TF-IDF
//!
//! One document *implements* the other, the *source* (a provincial plan
//! implements the central opinion; [`Side`] says which is which). Units are
//! compared like with like ([`Role`]): the preamble with the preamble,
//! headings with headings by the text of their whole sections, and every
//! other unit by the cosine of its character-bigram TF-IDF vector with the
//! source unit's, plus its fit with the source unit's whole *section* and a
//! small bonus for a shared mechanism tag (`align_methods::Structured`).
//! Character bigrams survive rewording and segmentation differences; IDF
//! over the two documents pushes shared boilerplate (建立, 机制, 区域) down;
//! the section fit makes a clause about 对口支援 look first among the
//! clauses of the source's mutual-aid section. Of six methods measured on
//! the reading gold standard (`corpus/eval/alignment-gold.toml`,
//! cross-validated by document) it is the most accurate; `docs/alignment.md`
//! has the table.
//!
//! # Pairs and relations
//!
//! Every implementing unit proposes its best `max_candidates` source units.
//! Those proposals are the only pairs; both directions read them, so that
//! aligning A with B and B with A tell the same story:
//!
//! * a pair is [`Relation::Rewritten`] (or [`Relation::NearVerbatim`] when
//!   the two texts are nearly the same) when it is the implementing unit's
//!   first choice and scores at least [`CONFIDENT_SCORE`]; any other pair is
//!   [`Relation::PossiblyRelated`];
//! * a unit's relation is that of its best pair;
//! * a source unit in no pair is dropped by the implementing document:
//!   [`Relation::NoCounterpart`], or [`Relation::ProbablyNoCounterpart`] for
//!   a heading (headings meet headings only, and a document that folds two
//!   sections into one may still carry the clauses of both) and for a unit
//!   that some implementing unit scores at least [`CONFIDENT_SCORE`] against
//!   (a score that would make a confident pair as a first choice is no
//!   ground for a confident absence: the text is there, proposed by a unit
//!   that found three closer source units);
//! * an implementing unit with no candidate at all has no counterpart.
//!
//! [`CONFIDENT_SCORE`] is fitted on the gold standard by the
//! `alignment_methods` benchmark, which also reports how often each relation
//! is right on documents the cut-off was not fitted on.

use super::align_methods::structure::{role, Role};
use super::align_methods::{Params, Structured};
use crate::ingest::tagging::rule::ALIGNED_SECTION;
use crate::model::{Document, Level, Mechanism, Unit, UnitKind};
use crate::restoration::TextChoice;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use super::align_methods::DocUnit as AlignUnit;

/// The lowest score of a first choice that counts as a confident pair: the
/// highest score of a wrong first choice on the reading gold standard
/// (all three documents), rounded up. The `alignment_methods` benchmark
/// prints the value it fits and warns when it differs from this one.
pub const CONFIDENT_SCORE: f64 = 0.223;

/// The cosine of two units' own texts from which a confident pair is
/// near-verbatim rather than rewritten.
pub const NEAR_VERBATIM_COSINE: f64 = 0.8;

/// How a unit relates to its counterpart in the other document, from the
/// surest match to the surest absence. Confident relations are the ones
/// whose measured accuracy on the gold standard is high
/// ([`Relation::is_confident`]); the others say "look for yourself".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// A confident pair whose texts are nearly the same.
    NearVerbatim,
    /// A confident pair: the counterpart, reworded or elaborated.
    Rewritten,
    /// A candidate, not a confident one.
    #[serde(alias = "related")]
    PossiblyRelated,
    /// No candidate, but the absence is uncertain (a heading).
    ProbablyNoCounterpart,
    /// No candidate: dropped (a source unit) or added (an implementing one).
    NoCounterpart,
}

impl Relation {
    /// Every relation, from the closest to none.
    pub const ALL: [Relation; 5] = [
        Relation::NearVerbatim,
        Relation::Rewritten,
        Relation::PossiblyRelated,
        Relation::ProbablyNoCounterpart,
        Relation::NoCounterpart,
    ];

    /// The stable id written in URLs and exports.
    pub fn id(self) -> &'static str {
        match self {
            Relation::NearVerbatim => "near-verbatim",
            Relation::Rewritten => "rewritten",
            Relation::PossiblyRelated => "possibly-related",
            Relation::ProbablyNoCounterpart => "probably-no-counterpart",
            Relation::NoCounterpart => "no-counterpart",
        }
    }

    /// Whether the relation is one of the confident classes.
    pub fn is_confident(self) -> bool {
        !matches!(
            self,
            Relation::PossiblyRelated | Relation::ProbablyNoCounterpart
        )
    }

    /// Whether the unit has a counterpart (a candidate) at all.
    pub fn has_counterpart(self) -> bool {
        matches!(
            self,
            Relation::NearVerbatim | Relation::Rewritten | Relation::PossiblyRelated
        )
    }
}

/// One of the two aligned documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The first document (`a`).
    A,
    /// The second document (`b`).
    B,
}

/// Tuning knobs of [`align_units`]; the defaults are the measured ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// How many source units each implementing unit proposes: the most
    /// candidates a unit of the implementing document gets. A source unit
    /// lists every implementing unit that proposed it, so that each unit of
    /// either document appears in the alignment.
    pub max_candidates: usize,
    /// Which document is the source the other implements. `None`: for
    /// [`align_documents`], the one of higher level (central, then
    /// ministry, then provincial), else B; for [`align_units`], B.
    pub source: Option<Side>,
    /// See [`CONFIDENT_SCORE`].
    pub confident_score: f64,
    /// See [`NEAR_VERBATIM_COSINE`].
    pub near_verbatim_cosine: f64,
    /// At most this many evidence terms per candidate.
    pub max_evidence: usize,
    /// The structure-aware scoring's weights.
    pub params: Params,
    /// Which text of each unit [`align_documents`] compares: the reading
    /// (restored where a unit has a restored reading; the default) or the
    /// witness text as it stands.
    pub text: TextChoice,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            max_candidates: 3,
            source: None,
            confident_score: CONFIDENT_SCORE,
            near_verbatim_cosine: NEAR_VERBATIM_COSINE,
            max_evidence: 8,
            params: Params::default(),
            text: TextChoice::default(),
        }
    }
}

/// One candidate counterpart in B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The candidate unit's path in B.
    pub b: String,
    /// Similarity, with the mechanism bonus.
    pub score: f64,
    /// The relation the score falls into.
    pub relation: Relation,
    /// The key terms both texts share, strongest first: each occurs
    /// verbatim in both units' texts (their headings when they have no
    /// text), so a reader can find and highlight it on both sides.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A unit of A with its candidates in B, best first; `relation` is the best
/// candidate's, or says how sure the absence of one is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedUnit {
    /// The unit's path in A.
    pub a: String,
    /// The best candidate's relation, or `no-counterpart`.
    pub relation: Relation,
    /// Candidates in B, best first.
    pub candidates: Vec<Candidate>,
}

/// Result of aligning A against B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Every unit of A, in reading order.
    pub pairs: Vec<AlignedUnit>,
    /// Units of B in no pair: what B added (B implementing A) or what A
    /// left out (A implementing B).
    pub unmatched_b: Vec<String>,
    /// Which text of the units was compared (see [`AlignOptions::text`]).
    #[serde(default)]
    pub text: TextChoice,
}

impl Alignment {
    /// How many units of A have an uncertain relation.
    pub fn uncertain(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| !p.relation.is_confident())
            .count()
    }
}

/// A proposed pair, indices into the implementing and the source units.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    pub(super) imp: usize,
    pub(super) src: usize,
    pub(super) score: f64,
    pub(super) relation: Relation,
}

/// Aligns every unit of `a` with its counterparts in `b`: an
/// [`AlignJob`](super::align_job::AlignJob) run to its end in one go.
pub fn align_units(a: &[AlignUnit], b: &[AlignUnit], options: &AlignOptions) -> Alignment {
    let mut job = super::align_job::AlignJob::new(options);
    loop {
        if let super::align_job::AlignStep::Done(alignment) = job.step(a, b, usize::MAX) {
            return alignment;
        }
    }
}

/// The implementing and the source units, as `source` says.
pub(super) fn implementing_and_source<'u, 'a>(
    a: &'u [AlignUnit<'a>],
    b: &'u [AlignUnit<'a>],
    source: Side,
) -> (&'u [AlignUnit<'a>], &'u [AlignUnit<'a>]) {
    match source {
        Side::B => (a, b),
        Side::A => (b, a),
    }
}

/// The evidence of one pair (see [`shared_terms`]); `src_index` caches the
/// source units' character indexes.
pub(super) fn pair_evidence(
    p: &Pair,
    imp: &[AlignUnit],
    src: &[AlignUnit],
    src_index: &mut [Option<CharIndex>],
    structured: &Structured,
    options: &AlignOptions,
) -> Vec<String> {
    let index = src_index[p.src].get_or_insert_with(|| CharIndex::new(src[p.src].content()));
    shared_terms(
        imp[p.imp].content(),
        index,
        structured,
        options.max_evidence,
    )
}

/// The alignment from every proposed pair and its evidence (`evidence[k]`
/// belongs to `pairs[k]`), and the best score each source unit got.
pub(super) fn assemble(
    imp: &[AlignUnit],
    src: &[AlignUnit],
    pairs: &[Pair],
    mut evidence: Vec<Vec<String>>,
    best_score_of_src: &[f64],
    options: &AlignOptions,
) -> Alignment {
    let source = options.source.unwrap_or(Side::B);
    let mut by_imp: Vec<Vec<usize>> = vec![Vec::new(); imp.len()];
    let mut by_src: Vec<Vec<usize>> = vec![Vec::new(); src.len()];
    for (k, p) in pairs.iter().enumerate() {
        by_imp[p.imp].push(k);
        by_src[p.src].push(k);
    }
    for list in by_src.iter_mut() {
        list.sort_by(|&x, &y| {
            let (x, y) = (&pairs[x], &pairs[y]);
            x.relation
                .cmp(&y.relation)
                .then(y.score.total_cmp(&x.score))
                .then(x.imp.cmp(&y.imp))
        });
    }
    // Every pair is in exactly one row of the side the rows are read from,
    // so its evidence is moved, not copied.
    let mut candidate = |k: usize, other_is_src: bool| -> Candidate {
        let p = &pairs[k];
        let (x, y) = (&imp[p.imp], &src[p.src]);
        Candidate {
            b: if other_is_src { y.path } else { x.path }.to_string(),
            score: round3(p.score),
            relation: p.relation,
            evidence: std::mem::take(&mut evidence[k]),
        }
    };
    let mut row = |unit: &AlignUnit, list: &[usize], other_is_src: bool, none: Relation| {
        let candidates: Vec<Candidate> = list.iter().map(|&k| candidate(k, other_is_src)).collect();
        AlignedUnit {
            a: unit.path.to_string(),
            relation: candidates.first().map_or(none, |c| c.relation),
            candidates,
        }
    };
    let src_absence = |j: usize, unit: &AlignUnit| {
        if role(unit) == Role::Heading || best_score_of_src[j] >= options.confident_score {
            Relation::ProbablyNoCounterpart
        } else {
            Relation::NoCounterpart
        }
    };
    let unmatched = |units: &[AlignUnit], lists: &[Vec<usize>]| -> Vec<String> {
        units
            .iter()
            .zip(lists)
            .filter(|(_, l)| l.is_empty())
            .map(|(u, _)| u.path.to_string())
            .collect()
    };
    let (rows, unmatched_b): (Vec<AlignedUnit>, Vec<String>) = match source {
        Side::B => (
            imp.iter()
                .zip(&by_imp)
                .map(|(u, l)| row(u, l, true, Relation::NoCounterpart))
                .collect(),
            unmatched(src, &by_src),
        ),
        Side::A => (
            src.iter()
                .zip(&by_src)
                .enumerate()
                .map(|(j, (u, l))| row(u, l, false, src_absence(j, u)))
                .collect(),
            unmatched(imp, &by_imp),
        ),
    };
    Alignment {
        pairs: rows,
        unmatched_b,
        text: options.text,
    }
}

/// Raises each source unit's best score to the scores of one implementing
/// unit (a source unit nobody scores keeps 0).
pub(super) fn note_best_scores(best: &mut [f64], row: &[(usize, f64)]) {
    for &(j, score) in row {
        best[j] = best[j].max(score);
    }
}

/// Implementing unit `i`'s best source units (positive scores only), with
/// the relation of each pair; `row` holds its scores against the source units.
pub(super) fn propose(
    structured: &Structured,
    i: usize,
    mut row: Vec<(usize, f64)>,
    options: &AlignOptions,
    pairs: &mut Vec<Pair>,
) {
    row.retain(|&(_, s)| s > 0.0);
    row.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    row.truncate(options.max_candidates);
    for (rank, (j, score)) in row.into_iter().enumerate() {
        let relation = if rank > 0 || score < options.confident_score {
            Relation::PossiblyRelated
        } else if structured.unit_cosine(i, j) >= options.near_verbatim_cosine {
            Relation::NearVerbatim
        } else {
            Relation::Rewritten
        };
        pairs.push(Pair {
            imp: i,
            src: j,
            score,
            relation,
        });
    }
}

/// The key terms `x` and `y` share, strongest first: maximal runs of
/// letters and digits of `x` that also occur in `y`, of two characters or
/// more, holding at least one bigram found in at most a tenth of the two
/// documents' units (or two units, in small documents) (so that 建立, 机制, 区域协调发展 alone are not
/// evidence). A term contained in a stronger one is left out.
fn shared_terms(x: &str, y: &CharIndex, structured: &Structured, max: usize) -> Vec<String> {
    if max == 0 {
        return Vec::new();
    }
    let n = structured.unit_count() as f64;
    // A shared term is in at least two units; rare means in at most two, or
    // a tenth of the units when there are more than twenty.
    let key_idf = (1.0 + n / (n / 10.0).max(2.0)).ln() - 1e-9;
    let mut found: Vec<(String, f64, usize)> = Vec::new();
    let mut order = 0;
    let mut starts: Vec<u32> = Vec::new();
    for run in x.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = run.chars().collect();
        let mut p = 0;
        while p + 1 < chars.len() {
            // The longest run from p that occurs in y: start from where y
            // has its first bigram, extend while some start still matches.
            starts.clear();
            starts.extend_from_slice(y.positions((chars[p], chars[p + 1])));
            let mut len = if starts.is_empty() { 1 } else { 2 };
            while len > 1 && p + len < chars.len() {
                let next = chars[p + len];
                starts.retain(|&s| y.chars.get(s as usize + len) == Some(&next));
                if starts.is_empty() {
                    break;
                }
                len += 1;
            }
            if len < 2 {
                p += 1;
                continue;
            }
            let term = trim_function_chars(&chars[p..p + len]);
            if term.len() >= 2 {
                let idfs: Vec<f64> = term
                    .windows(2)
                    .map(|w| structured.bigram_idf((w[0], w[1])))
                    .collect();
                if idfs.iter().any(|&w| w >= key_idf) {
                    let weight: f64 = idfs.iter().sum();
                    found.push((term.iter().collect(), weight, order));
                    order += 1;
                }
            }
            p += len;
        }
    }
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    let mut terms: Vec<String> = Vec::new();
    for (term, _, _) in found {
        if terms.iter().any(|t| t.contains(&term)) {
            continue;
        }
        terms.push(term);
        if terms.len() == max {
            break;
        }
    }
    terms
}

/// A text's characters and where each of its bigrams starts, built once
/// per unit so that finding shared runs costs little per pair.
pub(super) struct CharIndex {
    chars: Vec<char>,
    bigrams: FxHashMap<(char, char), Vec<u32>>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let chars: Vec<char> = text.chars().collect();
        let mut bigrams: FxHashMap<(char, char), Vec<u32>> = FxHashMap::default();
        for (i, w) in chars.windows(2).enumerate() {
            bigrams.entry((w[0], w[1])).or_default().push(i as u32);
        }
        CharIndex { chars, bigrams }
    }

    fn positions(&self, bigram: (char, char)) -> &[u32] {
        self.bigrams.get(&bigram).map_or(&[], Vec::as_slice)
    }
}

/// Characters that begin or end a shared run without belonging to the term
/// (the run 的区域市场 shares 的 by accident).
const FUNCTION_CHARS: &str = "的和与及等在了为对从以将并或之其把被向于而也是中";

fn trim_function_chars(term: &[char]) -> &[char] {
    let mut t = term;
    while let [first, rest @ ..] = t {
        if !FUNCTION_CHARS.contains(*first) {
            break;
        }
        t = rest;
    }
    while let [rest @ .., last] = t {
        if !FUNCTION_CHARS.contains(*last) {
            break;
        }
        t = rest;
    }
    t
}

/// Cosine similarity of two texts on their own (no IDF: with only two texts
/// IDF would zero every shared bigram), for quick "how close are these two
/// clauses" questions.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    use super::align_methods::features::{cosine, Idf, Tokens, Vocabulary};
    let mut vocab = Vocabulary::default();
    let ca = vocab.count(Tokens::CharBigrams, a);
    let cb = vocab.count(Tokens::CharBigrams, b);
    let flat = Idf::flat();
    round3(cosine(&flat.vector(&ca), &flat.vector(&cb)))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Which of two documents is the source: the one of higher level (central,
/// ministry, provincial, unknown), else B.
pub fn default_source(a: &Document, b: &Document) -> Side {
    let rank = |d: &Document| match d.level {
        Some(Level::Central) => 3,
        Some(Level::Ministry) => 2,
        Some(Level::Provincial) => 1,
        None => 0,
    };
    if rank(a) > rank(b) {
        Side::A
    } else {
        Side::B
    }
}

/// The units of a corpus document as the aligner reads them, with the
/// mechanism ids of their own cues (owned beside the document).
pub struct DocumentUnits<'d> {
    doc: &'d Document,
    mechanisms: Vec<Vec<Mechanism>>,
}

impl<'d> DocumentUnits<'d> {
    /// The units of `doc` with their mechanism tags, ready to align.
    pub fn new(doc: &'d Document) -> DocumentUnits<'d> {
        DocumentUnits {
            doc,
            mechanisms: doc.units.iter().map(cue_mechanisms).collect(),
        }
    }

    /// The units, each read through the chosen text (its heading when it
    /// has none): the reading — restored where the unit survives only in a
    /// machine-reworded witness — or the witness text.
    pub fn units(&self, choice: TextChoice) -> Vec<AlignUnit<'_>> {
        units_of(self.doc, &self.mechanisms, choice)
    }
}

/// The units of `doc` as the aligner reads them through `choice`, with
/// `mechanisms[k]` the cue mechanisms of unit `k` (see [`DocumentUnits`]).
pub(super) fn units_of<'d>(
    doc: &'d Document,
    mechanisms: &'d [Vec<Mechanism>],
    choice: TextChoice,
) -> Vec<AlignUnit<'d>> {
    doc.units
        .iter()
        .zip(mechanisms)
        .map(|(u, m)| AlignUnit {
            heading: u.heading_for(choice),
            ..AlignUnit::new(u, u.text_for(choice), m)
        })
        .collect()
}

/// Aligns two corpus documents unit by unit (units without text, such as a
/// section title that only heads its clauses, take part through their
/// heading). Units are compared by their reading — the restored reading of
/// a unit that survives only in a machine-reworded witness — unless
/// `options.text` asks for the witness text. The source is
/// `options.source`, else [`default_source`].
pub fn align_documents(a: &Document, b: &Document, options: &AlignOptions) -> Alignment {
    super::align_job::DocumentAlignJob::new(a, b, options).run()
}

/// The mechanism ids a unit's own text or structure gave it: every tag but
/// those taken over through alignment (which would otherwise reward the
/// very pair they came from).
pub fn cue_mechanisms(unit: &Unit) -> Vec<Mechanism> {
    unit.mechanisms
        .iter()
        .filter(|m| m.rule != ALIGNED_SECTION)
        .map(|m| m.id)
        .collect()
}

/// The section of the source document a unit's first choice belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionMatch {
    /// The first choice's path.
    pub unit: String,
    /// How sure the pair is.
    pub relation: Relation,
    /// The path of the section heading above it (its top-level path).
    pub section: String,
    /// That section's own mechanism ids.
    pub mechanisms: Vec<Mechanism>,
}

/// For every unit of `a` (the implementing document), the section of `b`
/// (the source) its first choice belongs to, when that section is a
/// numbered section with mechanisms; `None` otherwise. Even an uncertain
/// first choice usually lies in the right section (the
/// `alignment_methods` benchmark measures how often).
pub fn aligned_sections(
    a: &Document,
    b: &Document,
    options: &AlignOptions,
) -> Vec<Option<SectionMatch>> {
    let options = AlignOptions {
        source: Some(Side::B),
        ..*options
    };
    let alignment = align_documents(a, b, &options);
    alignment
        .pairs
        .iter()
        .map(|pair| {
            let best = pair.candidates.first()?;
            let top = best.b.split('.').next().unwrap_or("");
            let section = b
                .units
                .iter()
                .find(|u| u.path.as_str() == top && u.kind == UnitKind::Section)?;
            let mechanisms = cue_mechanisms(section);
            (!mechanisms.is_empty()).then(|| SectionMatch {
                unit: best.b.clone(),
                relation: best.relation,
                section: top.to_string(),
                mechanisms,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitKind;

    fn unit<'a>(path: &'a str, kind: UnitKind, text: &'a str) -> AlignUnit<'a> {
        AlignUnit {
            path,
            kind,
            heading: (kind == UnitKind::Section).then_some(text),
            text,
            mechanisms: &[],
        }
    }

    fn clause<'a>(path: &'a str, text: &'a str) -> AlignUnit<'a> {
        unit(path, UnitKind::Clause, text)
    }

    const ECO: &str = "完善多元化横向生态补偿机制。鼓励生态受益地区与生态保护地区、流域下游与流域上游通过资金补偿、对口协作、产业转移、人才培训、共建园区等方式建立横向补偿关系。";
    const GRAIN: &str = "建立粮食主产区与主销区之间利益补偿机制，研究制定粮食主产区与主销区开展产销合作的具体办法。";
    const SEA: &str = "加强海洋经济发展顶层设计，完善规划体系和管理机制，研究制定陆海统筹政策措施，推动建设一批海洋经济示范区。";
    const SPORT: &str = "举办全民健身运动会，推广太极拳和广场舞，丰富群众业余文化生活。";
    const JJJ: &str =
        "以疏解北京非首都功能为牛鼻子推动京津冀协同发展，高起点规划、高标准建设雄安新区。";

    fn best(alignment: &Alignment) -> Vec<&str> {
        alignment
            .pairs
            .iter()
            .map(|p| p.candidates.first().map_or("-", |c| c.b.as_str()))
            .collect()
    }

    #[test]
    fn known_pairs_align_to_each_other() {
        let a = [clause("1", ECO), clause("2", GRAIN), clause("3", SEA)];
        let reworded_eco = ECO.replace("建立", "树立").replace("鼓励", "勉励");
        let b = [
            clause("x", SEA),
            clause("y", &reworded_eco),
            clause("z", GRAIN),
        ];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        assert_eq!(best(&alignment), ["y", "z", "x"]);
        assert_eq!(alignment.pairs[2].relation, Relation::NearVerbatim);
        assert_eq!(alignment.pairs[0].relation, Relation::NearVerbatim);
        assert!(alignment.unmatched_b.is_empty());
        // Candidates are best first.
        for p in &alignment.pairs {
            assert!(p.candidates.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }

    #[test]
    fn both_directions_tell_the_same_story() {
        let a = [clause("1", ECO), clause("2", GRAIN), clause("3", SPORT)];
        let b = [clause("x", SEA), clause("y", ECO), clause("z", GRAIN)];
        let forward = align_units(&a, &b, &AlignOptions::default());
        let backward = align_units(
            &b,
            &a,
            &AlignOptions {
                source: Some(Side::A),
                ..AlignOptions::default()
            },
        );
        // Every pair seen from A is the same pair seen from B.
        for row in &forward.pairs {
            for c in &row.candidates {
                let back = backward
                    .pairs
                    .iter()
                    .find(|r| r.a == c.b)
                    .and_then(|r| r.candidates.iter().find(|d| d.b == row.a));
                let back = back.expect("pair seen from both sides");
                assert_eq!((back.score, back.relation), (c.score, c.relation));
                assert_eq!(back.evidence, c.evidence);
            }
        }
    }

    #[test]
    fn unrelated_text_is_never_a_confident_pair() {
        assert!(text_similarity(ECO, SPORT) < 0.1);
        let a = [clause("1", SPORT)];
        let b = [clause("k", ECO), clause("l", GRAIN)];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        assert!(!matches!(
            alignment.pairs[0].relation,
            Relation::NearVerbatim | Relation::Rewritten
        ));
    }

    #[test]
    fn a_source_unit_nobody_proposes_is_dropped_and_only_probably_when_a_heading_or_near_a_pair() {
        let central = [
            unit("1", UnitKind::Section, "健全区际利益补偿机制"),
            clause("1.1", ECO),
            clause("1.2", GRAIN),
            unit("2", UnitKind::Section, "推动陆海统筹发展"),
            clause("2.1", SEA),
        ];
        let province = [
            unit("1", UnitKind::Section, "完善区际利益补偿机制"),
            clause("1.1", ECO),
        ];
        let options = AlignOptions {
            source: Some(Side::A),
            max_candidates: 1,
            ..AlignOptions::default()
        };
        let alignment = align_units(&central, &province, &options);
        let relations: Vec<Relation> = alignment.pairs.iter().map(|p| p.relation).collect();
        assert_eq!(
            relations,
            [
                Relation::Rewritten,
                Relation::NearVerbatim,
                // The province's clause scores GRAIN as high as a confident
                // pair (same section), so its absence is only probable.
                Relation::ProbablyNoCounterpart,
                Relation::ProbablyNoCounterpart,
                Relation::NoCounterpart,
            ]
        );
        assert!(alignment.unmatched_b.is_empty());
        assert_eq!(alignment.uncertain(), 2);
    }

    #[test]
    fn headings_only_meet_headings_and_preambles_preambles() {
        let a = [
            unit(
                "0",
                UnitKind::Preamble,
                "为贯彻落实中央意见，结合实际制定本方案。",
            ),
            unit("1", UnitKind::Section, "生态补偿"),
            clause("1.1", ECO),
        ];
        let b = [
            unit(
                "0",
                UnitKind::Preamble,
                "为促进区域协调发展，现提出如下意见。",
            ),
            unit("6", UnitKind::Section, "健全生态补偿机制"),
            clause("6.1", ECO),
        ];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        assert_eq!(best(&alignment), ["0", "6", "6.1"]);
        for row in &alignment.pairs {
            assert_eq!(row.candidates.len(), 1, "{row:?}");
        }
    }

    #[test]
    fn evidence_is_the_shared_key_terms_found_on_both_sides() {
        let a = [
            clause("1", "主动对接京津冀协同发展，加强与雄安新区的交流合作。"),
            clause("2", GRAIN),
            clause("3", ECO),
        ];
        let b = [clause("x", JJJ), clause("y", SEA), clause("z", GRAIN)];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        let c = &alignment.pairs[0].candidates[0];
        assert_eq!(c.b, "x");
        assert_eq!(c.evidence[0], "京津冀协同发展");
        assert!(
            c.evidence.contains(&"雄安新区".to_string()),
            "{:?}",
            c.evidence
        );
        for row in &alignment.pairs {
            for c in &row.candidates {
                let other = b.iter().find(|u| u.path == c.b).expect("b unit");
                let own = a.iter().find(|u| u.path == row.a).expect("a unit");
                for term in &c.evidence {
                    assert!(other.text.contains(term.as_str()) && own.text.contains(term.as_str()));
                    assert!(term.chars().count() >= 2);
                }
            }
        }
    }

    #[test]
    fn empty_and_punctuation_only_units_never_match() {
        let a = [clause("1", ""), clause("2", "，。；")];
        let b = [clause("x", ECO)];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        assert!(alignment.pairs.iter().all(|p| p.candidates.is_empty()));
        assert!(alignment
            .pairs
            .iter()
            .all(|p| p.relation == Relation::NoCounterpart));
        assert_eq!(text_similarity("", ""), 0.0);
    }

    #[test]
    fn documents_are_aligned_by_their_readings_unless_the_witness_text_is_asked_for() {
        use crate::restoration::restored_unit;
        let doc = Document::bare;
        let text = "财务、钱银、出资等政策要效劳于国家重大区域战略";
        let restored = "财政、货币、投资等政策要服务于国家重大区域战略";
        let mut central = restored_unit("8.25", text, "财务、钱银、出资", "财政、货币、投资");
        if let Some(r) = central.restored.as_mut() {
            r.text = restored.into();
        }
        let mut province = central.clone();
        province.restored = None;
        province.text = restored.into();
        let a = doc("central", vec![central]);
        let b = doc("province", vec![province]);
        let by_reading = align_documents(&a, &b, &AlignOptions::default());
        let by_witness = align_documents(
            &a,
            &b,
            &AlignOptions {
                text: TextChoice::Witness,
                ..AlignOptions::default()
            },
        );
        assert_eq!(by_reading.text, TextChoice::Reading);
        assert_eq!(by_witness.text, TextChoice::Witness);
        let score = |al: &Alignment| al.pairs[0].candidates[0].score;
        assert!(score(&by_reading) > score(&by_witness), "{by_reading:?}");
        assert_eq!(by_reading.pairs[0].relation, Relation::NearVerbatim);
        // The evidence is found in the texts compared.
        assert!(by_reading.pairs[0].candidates[0]
            .evidence
            .iter()
            .any(|t| t.contains("财政")));
    }

    #[test]
    fn relation_ids_round_trip_and_read_the_old_related() {
        for r in Relation::ALL {
            let json = serde_json::to_string(&r).expect("serializes");
            assert_eq!(json, format!("\"{}\"", r.id()));
        }
        let old: Relation = serde_json::from_str("\"related\"").expect("alias");
        assert_eq!(old, Relation::PossiblyRelated);
    }
}
