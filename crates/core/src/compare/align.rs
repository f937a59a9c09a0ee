//! Clause alignment between two documents.
//!
//! # Why character-bigram TF-IDF cosine
//!
//! Provincial plans copy the central opinion's sentences, then cut, reorder
//! and reword them. Two properties matter: a unit must still match when words
//! are swapped for near-synonyms or clauses are merged, and boilerplate that
//! every clause shares (建立, 机制, 区域, 推动) must not make everything look
//! alike. Character bigrams ("shingles" of length 2) survive segmentation
//! differences and single-character rewordings (发展→开展 keeps 展), and
//! TF-IDF weighting over both documents' units pushes the shared boilerplate
//! down — the approach of text-reuse detection such as shingle overlap in
//! plagiarism and policy-diffusion studies. Mechanism tags add a small bonus
//! so that, between two equally similar candidates, the one from the same
//! mechanism section wins. `docs/alignment.md` records the measured evidence.

use crate::model::Mechanism;
use crate::restoration::TextChoice;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A unit as the aligner sees it.
#[derive(Debug, Clone, Copy)]
pub struct AlignUnit<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub mechanisms: &'a [Mechanism],
}

/// How a unit of A relates to its best counterpart in B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    NearVerbatim,
    Rewritten,
    Related,
    NoCounterpart,
}

impl Relation {
    /// Classifies a similarity score. The cut-offs were calibrated on the
    /// corpus (see `docs/alignment.md`).
    pub fn from_score(score: f64, thresholds: &Thresholds) -> Relation {
        if score >= thresholds.near_verbatim {
            Relation::NearVerbatim
        } else if score >= thresholds.rewritten {
            Relation::Rewritten
        } else if score >= thresholds.related {
            Relation::Related
        } else {
            Relation::NoCounterpart
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Relation::NearVerbatim => "near-verbatim",
            Relation::Rewritten => "rewritten",
            Relation::Related => "related",
            Relation::NoCounterpart => "no-counterpart",
        }
    }
}

/// Score cut-offs between the relations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub near_verbatim: f64,
    pub rewritten: f64,
    pub related: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            near_verbatim: 0.8,
            rewritten: 0.4,
            related: 0.15,
        }
    }
}

/// Tuning knobs for [`align_units`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AlignOptions {
    /// At most this many candidates per unit, best first.
    pub max_candidates: usize,
    /// Added to the score when the two units share a mechanism tag.
    pub mechanism_bonus: f64,
    pub thresholds: Thresholds,
    /// Which text of each unit [`align_documents`] compares: the reading
    /// (restored where a unit has a restored reading; the default) or the
    /// witness text as it stands.
    #[serde(default)]
    pub text: TextChoice,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            max_candidates: 3,
            mechanism_bonus: 0.05,
            thresholds: Thresholds::default(),
            text: TextChoice::default(),
        }
    }
}

/// One candidate counterpart in B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub b: String,
    pub score: f64,
    pub relation: Relation,
}

/// A unit of A with its candidates in B (empty when nothing reaches
/// `related`); `relation` is the best candidate's, or `no-counterpart`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedUnit {
    pub a: String,
    pub relation: Relation,
    pub candidates: Vec<Candidate>,
}

/// Result of aligning A against B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub pairs: Vec<AlignedUnit>,
    /// Units of B that are no unit of A's candidate: what B added.
    pub unmatched_b: Vec<String>,
    /// Which text of the units was compared (see [`AlignOptions::text`]).
    #[serde(default)]
    pub text: TextChoice,
}

/// A sparse TF-IDF vector: (feature id, weight), sorted by id, unit length.
type SparseVector = Vec<(u32, f64)>;

/// Aligns every unit of `a` with its best-matching units of `b`.
pub fn align_units(a: &[AlignUnit], b: &[AlignUnit], options: &AlignOptions) -> Alignment {
    let mut features = FeatureTable::default();
    let a_counts: Vec<_> = a.iter().map(|u| features.count(u.text)).collect();
    let b_counts: Vec<_> = b.iter().map(|u| features.count(u.text)).collect();
    let idf = features.idf(a_counts.iter().chain(&b_counts));
    let a_vectors: Vec<_> = a_counts.iter().map(|c| weigh(c, &idf)).collect();
    let b_vectors: Vec<_> = b_counts.iter().map(|c| weigh(c, &idf)).collect();

    let mut matched_b = vec![false; b.len()];
    let pairs = a
        .iter()
        .zip(&a_vectors)
        .map(|(unit, vector)| {
            let mut candidates: Vec<(usize, f64)> = b
                .iter()
                .zip(&b_vectors)
                .enumerate()
                .map(|(j, (other, other_vector))| {
                    let mut score = cosine(vector, other_vector);
                    if score > 0.0 && shares_mechanism(unit, other) {
                        score = (score + options.mechanism_bonus).min(1.0);
                    }
                    (j, score)
                })
                .filter(|&(_, score)| score >= options.thresholds.related)
                .collect();
            candidates.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            candidates.truncate(options.max_candidates);
            for &(j, _) in &candidates {
                matched_b[j] = true;
            }
            let candidates: Vec<Candidate> = candidates
                .into_iter()
                .map(|(j, score)| Candidate {
                    b: b[j].path.to_string(),
                    score: round3(score),
                    relation: Relation::from_score(score, &options.thresholds),
                })
                .collect();
            AlignedUnit {
                a: unit.path.to_string(),
                relation: candidates
                    .first()
                    .map_or(Relation::NoCounterpart, |c| c.relation),
                candidates,
            }
        })
        .collect();
    let unmatched_b = b
        .iter()
        .zip(&matched_b)
        .filter(|(_, &m)| !m)
        .map(|(u, _)| u.path.to_string())
        .collect();
    Alignment {
        pairs,
        unmatched_b,
        text: options.text,
    }
}

/// Cosine similarity of two texts on their own (IDF over just the pair), for
/// quick "how close are these two clauses" questions.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let unit_a = AlignUnit {
        path: "a",
        text: a,
        mechanisms: &[],
    };
    let unit_b = AlignUnit {
        path: "b",
        text: b,
        mechanisms: &[],
    };
    let mut features = FeatureTable::default();
    let ca = features.count(unit_a.text);
    let cb = features.count(unit_b.text);
    // With only two texts IDF would zero every shared bigram, so use raw counts.
    let flat: HashMap<u32, f64> = HashMap::new();
    round3(cosine(&weigh(&ca, &flat), &weigh(&cb, &flat)))
}

fn shares_mechanism(a: &AlignUnit, b: &AlignUnit) -> bool {
    a.mechanisms.iter().any(|m| b.mechanisms.contains(m))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Interns character bigrams to small ids.
#[derive(Default)]
struct FeatureTable {
    ids: HashMap<(char, char), u32>,
}

impl FeatureTable {
    /// Bigram counts of the text's letters and digits (punctuation and
    /// spaces carry no content and differ between witnesses).
    fn count(&mut self, text: &str) -> HashMap<u32, f64> {
        let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut counts = HashMap::new();
        for pair in chars.windows(2) {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry((pair[0], pair[1])).or_insert(next);
            *counts.entry(id).or_insert(0.0) += 1.0;
        }
        counts
    }

    /// Smoothed inverse document frequency over the given units.
    fn idf<'a>(&self, units: impl Iterator<Item = &'a HashMap<u32, f64>>) -> HashMap<u32, f64> {
        let mut df: HashMap<u32, f64> = HashMap::new();
        let mut n = 0.0;
        for counts in units {
            n += 1.0;
            for id in counts.keys() {
                *df.entry(*id).or_insert(0.0) += 1.0;
            }
        }
        df.into_iter()
            .map(|(id, d)| (id, (1.0 + n / d).ln()))
            .collect()
    }
}

/// Sub-linear TF times IDF (1.0 where no IDF is known), normalised to unit length.
fn weigh(counts: &HashMap<u32, f64>, idf: &HashMap<u32, f64>) -> SparseVector {
    let mut v: SparseVector = counts
        .iter()
        .map(|(&id, &tf)| (id, (1.0 + tf.ln()) * idf.get(&id).copied().unwrap_or(1.0)))
        .collect();
    v.sort_by_key(|&(id, _)| id);
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Dot product of two sorted unit vectors.
fn cosine(a: &SparseVector, b: &SparseVector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum.clamp(0.0, 1.0)
}

/// Aligns two corpus documents unit by unit (units without text, such as a
/// section title that only heads its clauses, still take part through their
/// heading). Units are compared by their reading — the restored reading of
/// a unit that survives only in a machine-reworded witness — unless
/// `options.text` asks for the witness text.
pub fn align_documents(
    a: &crate::model::Document,
    b: &crate::model::Document,
    options: &AlignOptions,
) -> Alignment {
    let owned = |doc: &crate::model::Document| -> Vec<(String, Vec<Mechanism>)> {
        doc.units
            .iter()
            .map(|u| {
                let body = u.text_for(options.text);
                let text = if body.trim().is_empty() {
                    u.heading_for(options.text).unwrap_or_default().to_string()
                } else {
                    body.to_string()
                };
                (text, u.mechanisms.iter().map(|m| m.id).collect())
            })
            .collect()
    };
    let (a_owned, b_owned) = (owned(a), owned(b));
    align_units(&borrowed(a, &a_owned), &borrowed(b, &b_owned), options)
}

fn borrowed<'a>(
    doc: &'a crate::model::Document,
    owned: &'a [(String, Vec<Mechanism>)],
) -> Vec<AlignUnit<'a>> {
    doc.units
        .iter()
        .zip(owned)
        .map(|(u, (text, mechanisms))| AlignUnit {
            path: u.path.as_str(),
            text,
            mechanisms,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_aligned_by_their_readings_unless_the_witness_text_is_asked_for() {
        use crate::model::Document;
        use crate::restoration::restored_unit;
        let doc = |id: &str, units| Document {
            id: id.into(),
            title: id.into(),
            issuers: vec![],
            jurisdiction: None,
            level: None,
            doc_type: None,
            date: None,
            doc_number: None,
            metadata_sources: vec![],
            witnesses: vec![],
            units,
            removals: vec![],
            witness_readings: vec![],
        };
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
        assert!(score(&by_reading) > 0.99, "{by_reading:?}");
        assert!(score(&by_witness) < score(&by_reading));
        assert_eq!(by_reading.pairs[0].relation, Relation::NearVerbatim);
    }

    fn unit<'a>(path: &'a str, text: &'a str) -> AlignUnit<'a> {
        AlignUnit {
            path,
            text,
            mechanisms: &[],
        }
    }

    const ECO: &str = "完善多元化横向生态补偿机制。鼓励生态受益地区与生态保护地区、流域下游与流域上游通过资金补偿、对口协作、产业转移、人才培训、共建园区等方式建立横向补偿关系。";
    const GRAIN: &str = "建立粮食主产区与主销区之间利益补偿机制，研究制定粮食主产区与主销区开展产销合作的具体办法。";
    const SEA: &str = "加强海洋经济发展顶层设计，完善规划体系和管理机制，研究制定陆海统筹政策措施，推动建设一批海洋经济示范区。";
    const SPORT: &str = "举办全民健身运动会，推广太极拳和广场舞，丰富群众业余文化生活。";

    #[test]
    fn known_pairs_align_to_each_other() {
        let a = [unit("1", ECO), unit("2", GRAIN), unit("3", SEA)];
        let reworded_eco = ECO.replace("建立", "树立").replace("鼓励", "勉励");
        let b = [unit("x", SEA), unit("y", &reworded_eco), unit("z", GRAIN)];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        let best: Vec<_> = alignment
            .pairs
            .iter()
            .map(|p| p.candidates[0].b.as_str())
            .collect();
        assert_eq!(best, ["y", "z", "x"]);
        assert_eq!(alignment.pairs[2].relation, Relation::NearVerbatim);
        assert!(alignment.unmatched_b.is_empty());
    }

    #[test]
    fn unrelated_text_scores_low() {
        assert!(text_similarity(ECO, SPORT) < 0.1);
        let a = [unit("1", ECO), unit("2", GRAIN)];
        let b = [unit("k", SPORT)];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        assert!(alignment
            .pairs
            .iter()
            .all(|p| p.relation == Relation::NoCounterpart));
        assert_eq!(alignment.unmatched_b, ["k"]);
    }

    #[test]
    fn scores_do_not_depend_on_unit_order_or_direction() {
        let a = [unit("1", ECO), unit("2", GRAIN), unit("3", SEA)];
        let b = [unit("z", GRAIN), unit("y", ECO)];
        let forward = align_units(&a, &b, &AlignOptions::default());
        let b_rev = [unit("y", ECO), unit("z", GRAIN)];
        let reordered = align_units(&a, &b_rev, &AlignOptions::default());
        assert_eq!(forward.pairs, reordered.pairs);
        let backward = align_units(&b, &a, &AlignOptions::default());
        let eco_ab = forward.pairs[0].candidates[0].score;
        let eco_ba = backward.pairs[1].candidates[0].score;
        assert!((eco_ab - eco_ba).abs() < 1e-9);
    }

    #[test]
    fn empty_and_punctuation_only_units_never_match() {
        let a = [unit("1", ""), unit("2", "，。；")];
        let b = [unit("x", ECO)];
        let alignment = align_units(&a, &b, &AlignOptions::default());
        assert!(alignment.pairs.iter().all(|p| p.candidates.is_empty()));
        assert_eq!(text_similarity("", ""), 0.0);
    }
}
