//! Alternative clause-alignment methods, measured side by side against the
//! reading gold standard (`corpus/eval/alignment-gold.toml`) by the
//! `alignment_methods` benchmark; `docs/alignment.md` has the table.
//!
//! Every method ranks, for each unit of A (a provincial document), the
//! units of B (the central opinion) by a score; a caller turns the best
//! score into "no counterpart" below a threshold. The methods:
//!
//! * [`Method::BigramPair`] — the app's first aligner: character bigram
//!   TF-IDF, IDF over the two documents, a bonus for a shared mechanism tag.
//! * [`Method::WordPair`] — the same over the app's segmenter words
//!   (dictionary + policy lexicon), stop words left out.
//! * [`Method::BigramCorpus`] — bigrams with IDF over every unit of the
//!   corpus instead of the pair.
//! * [`Method::Anchors`] — bigram pair score plus the overlap of named
//!   programmes and places ([`anchors`]).
//! * [`Method::LocalAlign`] — retrieval of the best bigram candidates, then
//!   Smith–Waterman local alignment ([`local_align`]) as in the
//!   Legislative Influence Detector.
//! * [`Method::Structured`] — like with like ([`structure::Role`]):
//!   headings by the text of their whole sections, clauses by their own
//!   score plus their fit with the central clause's section. The chosen
//!   one: [`crate::compare::align`] runs it ([`Structured`]).

pub mod anchors;
pub mod features;
pub mod local_align;
pub mod structure;

use crate::model::{Mechanism, Unit, UnitKind};
use crate::search::StopWords;
use crate::segment::Segmenter;
use anchors::Anchors;
use features::{cosine, Counts, Idf, SparseVector, Tokens, Vocabulary};
use structure::{role, Role, Sections};

/// A unit as the alignment methods see it.
#[derive(Debug, Clone, Copy)]
pub struct DocUnit<'a> {
    /// The unit's path in its document.
    pub path: &'a str,
    /// What kind of unit it is (heading-like units are matched by their sections).
    pub kind: UnitKind,
    /// The unit's heading, compared when it has no text.
    pub heading: Option<&'a str>,
    /// The text compared (the unit's own or another reading of it).
    pub text: &'a str,
    /// The unit's mechanism tags.
    pub mechanisms: &'a [Mechanism],
}

impl<'a> DocUnit<'a> {
    /// A corpus unit read through `text` (its own text, or another reading
    /// of it such as a restored one) and its mechanism ids.
    pub fn new(unit: &'a Unit, text: &'a str, mechanisms: &'a [Mechanism]) -> DocUnit<'a> {
        DocUnit {
            path: unit.path.as_str(),
            kind: unit.kind,
            heading: unit.heading.as_deref(),
            text,
            mechanisms,
        }
    }

    /// The text compared: the unit's text, or its heading when it has none.
    pub fn content(&self) -> &'a str {
        if self.text.trim().is_empty() {
            self.heading.unwrap_or("")
        } else {
            self.text
        }
    }

    fn shares_mechanism(&self, other: &DocUnit) -> bool {
        self.mechanisms.iter().any(|m| other.mechanisms.contains(m))
    }
}

/// The alignment methods compared by the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// Character bigram TF-IDF over the two documents (the current aligner).
    BigramPair,
    /// Segmenter words instead of bigrams, stop words left out.
    WordPair,
    /// Bigrams with IDF over the whole corpus.
    BigramCorpus,
    /// Bigram pair score plus shared named programmes and places.
    Anchors,
    /// Bigram retrieval, then Smith–Waterman local alignment.
    LocalAlign,
    /// Headings by their sections, clauses by their own and their section's fit.
    Structured,
}

impl Method {
    /// Every method, in the benchmark's column order.
    pub const ALL: [Method; 6] = [
        Method::BigramPair,
        Method::WordPair,
        Method::BigramCorpus,
        Method::Anchors,
        Method::LocalAlign,
        Method::Structured,
    ];

    /// The stable id the benchmark and `docs/alignment.md` use.
    pub fn id(self) -> &'static str {
        match self {
            Method::BigramPair => "bigram-pair",
            Method::WordPair => "word-pair",
            Method::BigramCorpus => "bigram-corpus",
            Method::Anchors => "anchors",
            Method::LocalAlign => "local-align",
            Method::Structured => "structured",
        }
    }
}

/// The knobs of the methods (each method reads the ones it uses).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Added when the two units share a mechanism tag.
    pub mechanism_bonus: f64,
    /// [`Method::Anchors`]: weight of the anchor cosine.
    pub anchor_weight: f64,
    /// [`Method::LocalAlign`]: how many bigram candidates are re-scored.
    pub retrieve: usize,
    /// [`Method::Structured`]: weight of the cosine between a clause and
    /// the whole section of the central clause.
    pub own_section_weight: f64,
    /// [`Method::Structured`]: weight of the cosine between the two
    /// clauses' sections.
    pub section_weight: f64,
}

impl Default for Params {
    /// The current aligner's bonus; the structure weights the benchmark's
    /// cross-validation chose on every fold (`docs/alignment.md`).
    fn default() -> Self {
        Params {
            mechanism_bonus: 0.05,
            anchor_weight: 0.1,
            retrieve: 5,
            own_section_weight: 1.0,
            section_weight: 0.0,
        }
    }
}

/// What the methods need besides the two documents.
pub struct Context<'a> {
    /// The app's segmenter, for [`Method::WordPair`].
    pub segmenter: &'a Segmenter,
    /// Words [`Method::WordPair`] leaves out.
    pub stop_words: &'a StopWords,
    /// Named programmes and places, for [`Method::Anchors`].
    pub anchors: &'a Anchors,
    /// Every unit text of the corpus: the texts [`Method::BigramCorpus`]
    /// and [`Method::Anchors`] fit their IDF on.
    pub corpus_texts: &'a [&'a str],
}

/// For every unit of `a`, candidate units of `b` as (index in `b`, score),
/// best first (ties by index). [`Method::Structured`] only offers units of
/// the same [`Role`]; [`Method::LocalAlign`] only the retrieved ones.
pub fn rank(
    method: Method,
    params: &Params,
    a: &[DocUnit],
    b: &[DocUnit],
    ctx: &Context,
) -> Vec<Vec<(usize, f64)>> {
    let scores: Vec<Vec<(usize, f64)>> = match method {
        Method::BigramPair => pair_scores(Tokens::CharBigrams, None, params, a, b),
        Method::WordPair => pair_scores(
            Tokens::Words(ctx.segmenter, ctx.stop_words),
            None,
            params,
            a,
            b,
        ),
        Method::BigramCorpus => {
            pair_scores(Tokens::CharBigrams, Some(ctx.corpus_texts), params, a, b)
        }
        Method::Anchors => anchor_scores(params, a, b, ctx),
        Method::LocalAlign => local_scores(params, a, b),
        Method::Structured => structured_scores(params, a, b),
    };
    scores
        .into_iter()
        .map(|mut row| {
            row.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            row
        })
        .collect()
}

/// Unit vectors of both documents, IDF over the pair or over `corpus`.
fn vectors(
    tokens: Tokens,
    corpus: Option<&[&str]>,
    a: &[&str],
    b: &[&str],
) -> (Vec<SparseVector>, Vec<SparseVector>) {
    let mut vocab = Vocabulary::default();
    let ca: Vec<Counts> = a.iter().map(|t| vocab.count(tokens, t)).collect();
    let cb: Vec<Counts> = b.iter().map(|t| vocab.count(tokens, t)).collect();
    let idf = match corpus {
        Some(texts) => {
            let cc: Vec<Counts> = texts.iter().map(|t| vocab.count(tokens, t)).collect();
            Idf::fit(&cc)
        }
        None => Idf::fit(ca.iter().chain(&cb)),
    };
    (
        ca.iter().map(|c| idf.vector(c)).collect(),
        cb.iter().map(|c| idf.vector(c)).collect(),
    )
}

fn contents<'a>(units: &[DocUnit<'a>]) -> Vec<&'a str> {
    units.iter().map(DocUnit::content).collect()
}

/// The current aligner's scoring rule: cosine, plus the mechanism bonus when
/// the cosine is positive, capped at 1.
fn with_bonus(score: f64, ua: &DocUnit, ub: &DocUnit, params: &Params) -> f64 {
    if score > 0.0 && ua.shares_mechanism(ub) {
        (score + params.mechanism_bonus).min(1.0)
    } else {
        score
    }
}

fn pair_scores(
    tokens: Tokens,
    corpus: Option<&[&str]>,
    params: &Params,
    a: &[DocUnit],
    b: &[DocUnit],
) -> Vec<Vec<(usize, f64)>> {
    let (va, vb) = vectors(tokens, corpus, &contents(a), &contents(b));
    a.iter()
        .zip(&va)
        .map(|(ua, x)| {
            b.iter()
                .zip(&vb)
                .enumerate()
                .map(|(j, (ub, y))| (j, with_bonus(cosine(x, y), ua, ub, params)))
                .collect()
        })
        .collect()
}

fn anchor_scores(
    params: &Params,
    a: &[DocUnit],
    b: &[DocUnit],
    ctx: &Context,
) -> Vec<Vec<(usize, f64)>> {
    let base = pair_scores(Tokens::CharBigrams, None, params, a, b);
    let mut vocab = Vocabulary::default();
    let mut anchor_counts = |text: &str| vocab.count_set(ctx.anchors.find(text));
    let corpus: Vec<Counts> = ctx.corpus_texts.iter().map(|t| anchor_counts(t)).collect();
    let ca: Vec<Counts> = a.iter().map(|u| anchor_counts(u.content())).collect();
    let cb: Vec<Counts> = b.iter().map(|u| anchor_counts(u.content())).collect();
    let idf = Idf::fit(&corpus);
    let va: Vec<SparseVector> = ca.iter().map(|c| idf.vector(c)).collect();
    let vb: Vec<SparseVector> = cb.iter().map(|c| idf.vector(c)).collect();
    base.into_iter()
        .zip(&va)
        .map(|(row, x)| {
            row.into_iter()
                .map(|(j, s)| (j, s + params.anchor_weight * cosine(x, &vb[j])))
                .collect()
        })
        .collect()
}

fn local_scores(params: &Params, a: &[DocUnit], b: &[DocUnit]) -> Vec<Vec<(usize, f64)>> {
    let base = pair_scores(Tokens::CharBigrams, None, params, a, b);
    base.into_iter()
        .zip(a)
        .map(|(mut row, ua)| {
            row.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            row.truncate(params.retrieve);
            row.into_iter()
                .filter(|&(_, s)| s > 0.0)
                .map(|(j, _)| {
                    let ub = &b[j];
                    let s = local_align::local_similarity(
                        ua.content(),
                        ub.content(),
                        local_align::Scoring::default(),
                    );
                    (j, with_bonus(s, ua, ub, params))
                })
                .collect()
        })
        .collect()
}

fn structured_scores(params: &Params, a: &[DocUnit], b: &[DocUnit]) -> Vec<Vec<(usize, f64)>> {
    Structured::new(a, b).scores(params, a, b)
}

/// The vectors structure-aware scoring compares, for one pair of documents:
/// units against units (IDF over both documents' units), sections against
/// sections (IDF over both documents' sections), and units of A against
/// sections of B (IDF over both kinds of text).
pub struct Structured {
    vocab: Vocabulary,
    unit_idf: Idf,
    sections_a: Sections,
    sections_b: Sections,
    units_a: Vec<SparseVector>,
    units_b: Vec<SparseVector>,
    section_vectors_a: Vec<SparseVector>,
    section_vectors_b: Vec<SparseVector>,
    mixed_a: Vec<SparseVector>,
    mixed_b: Vec<SparseVector>,
}

impl Structured {
    /// The weighted vectors of both documents' units and sections, IDF over both.
    pub fn new(a: &[DocUnit], b: &[DocUnit]) -> Structured {
        let mut builder = StructuredBuilder::default();
        loop {
            if let Some(structured) = builder.step(a, b, usize::MAX) {
                return structured;
            }
        }
    }

    /// For every unit of `a`, its score against every unit of `b` of the
    /// same [`Role`] (unsorted): headings by the cosine of their whole
    /// sections; anything else by its own cosine plus its fit with the
    /// section of the unit of `b`; plus the mechanism bonus.
    pub fn scores(&self, params: &Params, a: &[DocUnit], b: &[DocUnit]) -> Vec<Vec<(usize, f64)>> {
        let section_pairs: Vec<f64> = (0..self.section_count_a())
            .flat_map(|x| self.section_pair_row(x))
            .collect();
        let roles_b = roles(b);
        (0..a.len())
            .map(|i| self.score_row(params, &section_pairs, &roles_b, i, a, b))
            .collect()
    }

    /// How many sections document A has.
    pub fn section_count_a(&self) -> usize {
        self.sections_a.keys.len()
    }

    /// Section `x` of A against every section of B (one row of the
    /// section-pair table [`Structured::score_row`] reads).
    pub fn section_pair_row(&self, x: usize) -> Vec<f64> {
        self.section_vectors_b
            .iter()
            .map(|y| cosine(&self.section_vectors_a[x], y))
            .collect()
    }

    /// Unit `i` of `a` scored against every unit of `b` of its role (see
    /// [`Structured::scores`]); `section_pairs` is every
    /// [`Structured::section_pair_row`] in order, `roles_b` is [`roles`] of `b`.
    pub fn score_row(
        &self,
        params: &Params,
        section_pairs: &[f64],
        roles_b: &[Role],
        i: usize,
        a: &[DocUnit],
        b: &[DocUnit],
    ) -> Vec<(usize, f64)> {
        let sections_b = self.sections_b.keys.len();
        let x = &a[i];
        let rx = role(x);
        let sec_i = self.sections_a.of_unit[i];
        // This unit against each section of B, computed once.
        let mut fit: Vec<Option<f64>> = vec![None; sections_b];
        b.iter()
            .enumerate()
            .filter(|&(j, _)| roles_b[j] == rx)
            .map(|(j, y)| {
                let sec_j = self.sections_b.of_unit[j];
                let sections = section_pairs[sec_i * sections_b + sec_j];
                let mut score = if rx == Role::Heading {
                    sections
                } else {
                    let own = *fit[sec_j]
                        .get_or_insert_with(|| cosine(&self.mixed_a[i], &self.mixed_b[sec_j]));
                    cosine(&self.units_a[i], &self.units_b[j])
                        + params.own_section_weight * own
                        + params.section_weight * sections
                };
                if x.shares_mechanism(y) {
                    score += params.mechanism_bonus;
                }
                (j, score)
            })
            .collect()
    }

    /// The cosine of unit `i` of A and unit `j` of B on their own text.
    pub fn unit_cosine(&self, i: usize, j: usize) -> f64 {
        cosine(&self.units_a[i], &self.units_b[j])
    }

    /// The IDF of a character bigram over both documents' units (as rare
    /// as can be when neither document has it).
    pub fn bigram_idf(&self, pair: (char, char)) -> f64 {
        self.unit_idf.weight(self.vocab.bigram(pair))
    }

    /// The IDF a bigram found in a single unit gets: the upper end of
    /// [`Structured::bigram_idf`].
    pub fn rarest_idf(&self) -> f64 {
        self.unit_idf.weight(None)
    }

    /// How many units the IDF was fitted on.
    pub fn unit_count(&self) -> usize {
        self.units_a.len() + self.units_b.len()
    }
}

/// The [`Role`] of every unit.
pub fn roles(units: &[DocUnit]) -> Vec<Role> {
    units.iter().map(role).collect()
}

/// Builds a [`Structured`] a bounded amount of work at a time, so that a
/// long document can be prepared between the browser's frames:
/// [`Structured::new`] is this builder run to its end. The texts are
/// counted in one fixed order (A's units, B's units, A's sections, B's
/// sections), so the vocabulary, and with it every vector, is the same
/// however the work is cut.
#[derive(Default)]
pub struct StructuredBuilder {
    sections: Option<(Sections, Sections)>,
    vocab: Vocabulary,
    /// Counts of every text counted so far, in the fixed order.
    counts: Vec<Counts>,
    /// The three IDFs (units, sections, units against sections), once fitted.
    idfs: Option<[Idf; 3]>,
    /// The vectors made so far, in [`StructuredBuilder::vector_plan`] order.
    vectors: Vec<SparseVector>,
}

/// Which IDF a vector is weighted with, and which counts it weighs.
#[derive(Clone, Copy)]
enum Weighting {
    Unit,
    Section,
    Mixed,
}

impl StructuredBuilder {
    /// Does at most `budget` pieces of work (a text counted, a vector made,
    /// the sections found, the IDFs fitted; at least one) and returns the
    /// vectors once all are made. `a` and `b` must be the same at every call.
    pub fn step(&mut self, a: &[DocUnit], b: &[DocUnit], budget: usize) -> Option<Structured> {
        for _ in 0..budget.max(1) {
            let Some((sa, sb)) = &self.sections else {
                self.sections = Some((Sections::of(a), Sections::of(b)));
                continue;
            };
            let texts = a.len() + b.len() + sa.texts.len() + sb.texts.len();
            let k = self.counts.len();
            if k < texts {
                let text = if k < a.len() {
                    a[k].content()
                } else if k < a.len() + b.len() {
                    b[k - a.len()].content()
                } else if k < a.len() + b.len() + sa.texts.len() {
                    sa.texts[k - a.len() - b.len()].as_str()
                } else {
                    sb.texts[k - a.len() - b.len() - sa.texts.len()].as_str()
                };
                let counts = self.vocab.count(Tokens::CharBigrams, text);
                self.counts.push(counts);
                continue;
            }
            let (ua, rest) = self.counts.split_at(a.len());
            let (ub, rest) = rest.split_at(b.len());
            let (pa, pb) = rest.split_at(sa.texts.len());
            let Some(idfs) = &self.idfs else {
                self.idfs = Some([
                    Idf::fit(ua.iter().chain(ub)),
                    Idf::fit(pa.iter().chain(pb)),
                    Idf::fit(ua.iter().chain(pb)),
                ]);
                continue;
            };
            let plan = Self::vector_plan(a.len(), b.len(), sa.texts.len(), sb.texts.len());
            let v = self.vectors.len();
            if v < plan.len() {
                let (weighting, counts) = plan[v];
                let idf = &idfs[weighting as usize];
                self.vectors.push(idf.vector(&self.counts[counts]));
                continue;
            }
            return Some(self.finish(a.len(), b.len()));
        }
        None
    }

    /// Work done and the work there is (known once the sections are found).
    pub fn progress(&self, a: usize, b: usize) -> (usize, usize) {
        let Some((sa, sb)) = &self.sections else {
            return (0, 2 + a + b + 2 * a + b);
        };
        let (sa, sb) = (sa.texts.len(), sb.texts.len());
        let done = 1 + self.counts.len() + usize::from(self.idfs.is_some()) + self.vectors.len();
        (done, 2 + a + b + sa + sb + 2 * a + b + sa + 2 * sb)
    }

    /// Every vector to make, in order: A's units, B's units (unit IDF);
    /// A's sections, B's sections (section IDF); A's units, B's sections
    /// (mixed IDF). Each names its weighting and the index of its counts.
    fn vector_plan(a: usize, b: usize, sa: usize, sb: usize) -> Vec<(Weighting, usize)> {
        let run = |w: Weighting, from: usize, n: usize| (from..from + n).map(move |k| (w, k));
        run(Weighting::Unit, 0, a + b)
            .chain(run(Weighting::Section, a + b, sa + sb))
            .chain(run(Weighting::Mixed, 0, a))
            .chain(run(Weighting::Mixed, a + b + sa, sb))
            .collect()
    }

    fn finish(&mut self, a: usize, b: usize) -> Structured {
        let (sa, sb) = self.sections.take().unwrap_or_default();
        let [unit_idf, _, _] = self.idfs.take().unwrap_or_default();
        let mut vectors = std::mem::take(&mut self.vectors).into_iter();
        let mut take = |n: usize| -> Vec<SparseVector> { vectors.by_ref().take(n).collect() };
        let units_a = take(a);
        let units_b = take(b);
        let section_vectors_a = take(sa.texts.len());
        let section_vectors_b = take(sb.texts.len());
        let mixed_a = take(a);
        let mixed_b = take(sb.texts.len());
        Structured {
            vocab: std::mem::take(&mut self.vocab),
            unit_idf,
            sections_a: sa,
            sections_b: sb,
            units_a,
            units_b,
            section_vectors_a,
            section_vectors_b,
            mixed_a,
            mixed_b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit<'a>(path: &'a str, kind: UnitKind, text: &'a str) -> DocUnit<'a> {
        let heading = (kind == UnitKind::Section).then_some(text);
        DocUnit {
            path,
            kind,
            heading,
            text,
            mechanisms: &[],
        }
    }

    const ECO: &str = "完善多元化横向生态补偿机制。鼓励生态受益地区与生态保护地区、流域下游与流域上游通过资金补偿、对口协作、产业转移、人才培训、共建园区等方式建立横向补偿关系。";
    const GRAIN: &str = "建立粮食主产区与主销区之间利益补偿机制，研究制定粮食主产区与主销区开展产销合作的具体办法。";
    const AID: &str =
        "深入开展对口支援。加强资金和项目管理，推动对口支援向更深层次、更高质量方向发展。";

    fn central() -> Vec<DocUnit<'static>> {
        vec![
            unit(
                "0",
                UnitKind::Preamble,
                "为促进区域协调发展，现提出如下意见。",
            ),
            unit("5", UnitKind::Section, "优化区域互助机制"),
            unit("5.15", UnitKind::Clause, AID),
            unit("6", UnitKind::Section, "健全区际利益补偿机制"),
            unit("6.17", UnitKind::Clause, ECO),
            unit("6.18", UnitKind::Clause, GRAIN),
        ]
    }

    fn province() -> Vec<DocUnit<'static>> {
        vec![
            unit("0", UnitKind::Preamble, "根据中央意见精神，结合我省实际，制定本方案。"),
            unit("1", UnitKind::Section, "创新区域利益平衡机制"),
            unit("1.1", UnitKind::Clause, "完善粮食重点产区利益补偿机制。研究省内重点产区与一般产区开展合作的具体措施。"),
            unit("1.2", UnitKind::Clause, "完善生态补偿机制。鼓励生态受益地区与生态保护地区通过资金补偿、对口协作等方式建立横向补偿关系。"),
            unit("2", UnitKind::Section, "完善区域互助机制"),
            unit("2.1", UnitKind::Clause, "强化精准对口支援。加强对口支援资金和项目管理。"),
        ]
    }

    fn context_parts() -> (Segmenter, StopWords, Anchors) {
        (
            Segmenter::new().expect("segmenter"),
            StopWords::builtin(),
            Anchors::new(&[]),
        )
    }

    fn best(ranked: &[Vec<(usize, f64)>], b: &[DocUnit]) -> Vec<String> {
        ranked
            .iter()
            .map(|row| {
                row.first()
                    .map_or("-".to_string(), |&(j, _)| b[j].path.to_string())
            })
            .collect()
    }

    #[test]
    fn structured_matches_like_with_like() {
        let (seg, stop, anchors) = context_parts();
        let texts: Vec<&str> = central()
            .iter()
            .chain(&province())
            .map(|u| u.text)
            .collect();
        let ctx = Context {
            segmenter: &seg,
            stop_words: &stop,
            anchors: &anchors,
            corpus_texts: &texts,
        };
        let (a, b) = (province(), central());
        let ranked = rank(Method::Structured, &Params::default(), &a, &b, &ctx);
        assert_eq!(best(&ranked, &b), ["0", "6", "6.18", "6.17", "5", "5.15"]);
        // Headings only ever meet headings.
        for &(j, _) in &ranked[1] {
            assert_eq!(b[j].kind, UnitKind::Section);
        }
    }

    #[test]
    fn every_method_finds_the_copied_clauses() {
        let (seg, stop, anchors) = context_parts();
        let texts: Vec<&str> = central()
            .iter()
            .chain(&province())
            .map(|u| u.text)
            .collect();
        let ctx = Context {
            segmenter: &seg,
            stop_words: &stop,
            anchors: &anchors,
            corpus_texts: &texts,
        };
        let (a, b) = (province(), central());
        for method in Method::ALL {
            let ranked = rank(method, &Params::default(), &a, &b, &ctx);
            let best = best(&ranked, &b);
            assert_eq!(
                [best[2].as_str(), best[3].as_str(), best[5].as_str()],
                ["6.18", "6.17", "5.15"],
                "{}",
                method.id()
            );
            for row in &ranked {
                assert!(
                    row.windows(2).all(|w| w[0].1 >= w[1].1),
                    "{}: not sorted",
                    method.id()
                );
            }
        }
    }
}
