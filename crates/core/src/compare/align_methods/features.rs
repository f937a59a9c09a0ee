//! Text features for clause alignment: character bigrams or segmenter
//! words, counted per text, weighted by sub-linear TF × smoothed IDF, and
//! compared by cosine.
//!
//! The IDF is fitted over whatever set of texts the caller chooses — the
//! units of the two documents being aligned (as
//! [`crate::compare::align`] does), or every unit of the corpus — which is
//! one of the alternatives the alignment benchmark compares.

use crate::search::StopWords;
use crate::segment::Segmenter;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// How a text is cut into features.
#[derive(Clone, Copy)]
pub enum Tokens<'s> {
    /// Overlapping pairs of letters/digits (punctuation and spaces dropped).
    CharBigrams,
    /// The segmenter's words that contain a letter or digit, stop words
    /// left out.
    Words(&'s Segmenter, &'s StopWords),
}

/// Feature counts of one text: (feature id, count), sorted by id.
pub type Counts = Vec<(u32, f64)>;

/// A TF-IDF vector of unit length: (feature id, weight), sorted by id.
pub type SparseVector = Vec<(u32, f64)>;

/// Interns features (bigrams, words, anchor ids) to small ids.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Bigrams by their two characters (no string per bigram).
    bigram_ids: FxHashMap<(char, char), u32>,
}

impl Vocabulary {
    /// The id of a feature, allocating one for a new feature.
    pub fn id(&mut self, feature: &str) -> u32 {
        if let Some(&id) = self.ids.get(feature) {
            return id;
        }
        let id = self.next_id();
        self.ids.insert(feature.to_string(), id);
        id
    }

    fn bigram_id(&mut self, pair: (char, char)) -> u32 {
        if let Some(&id) = self.bigram_ids.get(&pair) {
            return id;
        }
        let id = self.next_id();
        self.bigram_ids.insert(pair, id);
        id
    }

    /// The id of a bigram already counted, if any.
    pub fn bigram(&self, pair: (char, char)) -> Option<u32> {
        self.bigram_ids.get(&pair).copied()
    }

    fn next_id(&self) -> u32 {
        (self.ids.len() + self.bigram_ids.len()) as u32
    }

    /// Counts the features of `text`.
    pub fn count(&mut self, tokens: Tokens, text: &str) -> Counts {
        let mut ids: Vec<u32> = Vec::new();
        match tokens {
            Tokens::CharBigrams => {
                let mut previous: Option<char> = None;
                for c in text.chars().filter(|c| c.is_alphanumeric()) {
                    if let Some(p) = previous {
                        ids.push(self.bigram_id((p, c)));
                    }
                    previous = Some(c);
                }
            }
            Tokens::Words(segmenter, stop) => {
                for word in segmenter.words(text) {
                    if word.chars().any(char::is_alphanumeric) && !stop.contains(word) {
                        ids.push(self.id(word));
                    }
                }
            }
        }
        ids.sort_unstable();
        let mut counts: Counts = Vec::new();
        for id in ids {
            match counts.last_mut() {
                Some((last, n)) if *last == id => *n += 1.0,
                _ => counts.push((id, 1.0)),
            }
        }
        counts
    }

    /// Counts given features once each (e.g. the anchors found in a text).
    pub fn count_set<'f>(&mut self, features: impl IntoIterator<Item = &'f str>) -> Counts {
        let counts: HashMap<u32, f64> = features.into_iter().map(|f| (self.id(f), 1.0)).collect();
        sorted(counts)
    }
}

fn sorted(counts: HashMap<u32, f64>) -> Counts {
    let mut v: Counts = counts.into_iter().collect();
    v.sort_by_key(|&(id, _)| id);
    v
}

/// Smoothed inverse document frequency, `ln(1 + n / df)`.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    /// By feature id; 0 for a feature no fitted text has.
    weights: Vec<f64>,
    /// The weight of a feature no fitted text contains (as rare as can be).
    unseen: f64,
}

impl Idf {
    /// Fits the IDF over the given texts' counts.
    pub fn fit<'a>(texts: impl IntoIterator<Item = &'a Counts>) -> Idf {
        let mut df: Vec<u32> = Vec::new();
        let mut n = 0.0;
        for counts in texts {
            n += 1.0;
            for &(id, _) in counts {
                let id = id as usize;
                if id >= df.len() {
                    df.resize(id + 1, 0);
                }
                df[id] += 1;
            }
        }
        Idf {
            weights: df
                .into_iter()
                .map(|d| {
                    if d == 0 {
                        0.0
                    } else {
                        (1.0 + n / f64::from(d)).ln()
                    }
                })
                .collect(),
            unseen: (1.0f64 + n).ln(),
        }
    }

    /// Every feature weighs 1: plain sub-linear TF.
    pub fn flat() -> Idf {
        Idf {
            weights: Vec::new(),
            unseen: 1.0,
        }
    }

    /// The weight of a feature (`None`, or a feature no fitted text has:
    /// the weight of the rarest).
    pub fn weight(&self, id: Option<u32>) -> f64 {
        id.and_then(|id| self.weights.get(id as usize).copied())
            .filter(|&w| w > 0.0)
            .unwrap_or(self.unseen)
    }

    /// Sub-linear TF × IDF, normalised to unit length.
    pub fn vector(&self, counts: &Counts) -> SparseVector {
        let mut v: SparseVector = counts
            .iter()
            .map(|&(id, tf)| {
                let idf = self.weight(Some(id));
                (id, (1.0 + tf.ln()) * idf)
            })
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }
}

/// Dot product of two sorted unit vectors, clamped to [0, 1].
pub fn cosine(a: &SparseVector, b: &SparseVector) -> f64 {
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

/// The features two vectors share, with the product of their weights, best
/// first: what makes their cosine.
pub fn shared(a: &SparseVector, b: &SparseVector) -> Vec<(u32, f64)> {
    let weights: HashMap<u32, f64> = b.iter().copied().collect();
    let mut out: Vec<(u32, f64)> = a
        .iter()
        .filter_map(|&(id, w)| weights.get(&id).map(|v| (id, w * v)))
        .collect();
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_skip_punctuation_and_count_repeats() {
        let mut vocab = Vocabulary::default();
        let counts = vocab.count(Tokens::CharBigrams, "补偿，补偿");
        // 补偿 偿补 补偿: two distinct bigrams, one of them twice.
        assert_eq!(counts.len(), 2);
        assert_eq!(counts.iter().map(|c| c.1).sum::<f64>(), 3.0);
    }

    #[test]
    fn words_leave_out_stop_words_and_punctuation() {
        let segmenter = Segmenter::new().expect("segmenter");
        let stop = StopWords::parse("推动");
        let mut vocab = Vocabulary::default();
        let counts = vocab.count(Tokens::Words(&segmenter, &stop), "推动横向生态补偿。");
        assert_eq!(counts.len(), 1, "{counts:?}");
        assert_eq!(vocab.id("横向生态补偿"), counts[0].0);
    }

    #[test]
    fn idf_pushes_shared_features_down() {
        let mut vocab = Vocabulary::default();
        let texts = ["建立机制粮食", "建立机制海洋", "建立机制补偿"];
        let counts: Vec<Counts> = texts
            .iter()
            .map(|t| vocab.count(Tokens::CharBigrams, t))
            .collect();
        let idf = Idf::fit(&counts);
        let v: Vec<SparseVector> = counts.iter().map(|c| idf.vector(c)).collect();
        assert!(cosine(&v[0], &v[0]) > 0.999);
        assert!(cosine(&v[0], &v[1]) < 0.5);
        let shared_ids = shared(&v[0], &v[1]);
        assert!(shared_ids
            .iter()
            .any(|&(id, _)| id == vocab.bigram_id(('机', '制'))));
        assert!(!shared_ids
            .iter()
            .any(|&(id, _)| id == vocab.bigram_id(('粮', '食'))));
    }

    #[test]
    fn unseen_features_weigh_like_the_rarest() {
        let mut vocab = Vocabulary::default();
        let fitted = vec![vocab.count(Tokens::CharBigrams, "区域合作")];
        let idf = Idf::fit(&fitted);
        let new = vocab.count(Tokens::CharBigrams, "海洋");
        assert_eq!(idf.vector(&new).len(), 1);
        assert_eq!(cosine(&idf.vector(&new), &idf.vector(&fitted[0])), 0.0);
    }
}
