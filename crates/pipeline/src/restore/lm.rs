//! A character n-gram language model of policy Chinese, trained on the
//! faithful text of every document.
//!
//! Characters rather than words: the reworded text is exactly where the
//! segmenter is least reliable (区域协调开展 is no dictionary word), and
//! character n-grams score a candidate wording without cutting it first.
//! Witten–Bell interpolation over orders 1–[`ORDER`] keeps unseen n-grams
//! possible but unlikely, which is what a 22,000-character corpus needs.
//!
//! Besides probabilities the model answers two plain questions the
//! restorer asks: how often a string occurs in faithful text
//! ([`CharLm::count`]), and which strings faithful texts put between a
//! given left and right context ([`CharLm::fillers`]).

use policy_core::ingest::punctuation::is_cjk;
use std::collections::HashMap;

/// Highest n-gram order scored.
pub const ORDER: usize = 4;
/// Longest string [`CharLm::count`] answers for.
pub const MAX_COUNTED: usize = 8;
/// Context characters either side of a gap in [`CharLm::fillers`].
pub const GAP_CONTEXT: usize = 2;
/// Longest gap [`CharLm::fillers`] knows.
pub const MAX_GAP: usize = 2;

/// Marks the start and end of a text, so that "at the start of a heading"
/// is a context like any other.
pub const BOUNDARY: char = '\u{2}';

/// The model. Build it with [`CharLm::train`].
#[derive(Debug, Default, Clone)]
pub struct CharLm {
    /// Occurrences of every substring up to [`MAX_COUNTED`] characters.
    counts: HashMap<String, u32>,
    /// For every history (up to `ORDER - 1` characters): occurrences as a
    /// history and the number of distinct characters that follow it.
    histories: HashMap<String, (u32, u32)>,
    /// (left context, gap length, right context) → filler → count.
    gaps: HashMap<(String, usize, String), HashMap<String, u32>>,
    /// Character → the two-character strings of faithful text (seen at
    /// least twice, both characters ideographs) that contain it, with
    /// counts.
    bigrams_by_char: HashMap<char, Vec<(String, u32)>>,
    /// Every ideograph of the training texts, in code-point order.
    characters: Vec<char>,
    /// Total characters seen and distinct characters.
    total: u32,
    vocabulary: u32,
}

impl CharLm {
    /// Trains on `texts` (each padded with [`BOUNDARY`] at both ends).
    pub fn train<'a>(texts: impl IntoIterator<Item = &'a str>) -> CharLm {
        let mut lm = CharLm::default();
        let mut continuations: HashMap<String, std::collections::HashSet<char>> = HashMap::new();
        for text in texts {
            let chars = pad(text);
            for i in 0..chars.len() {
                for n in 1..=MAX_COUNTED.min(chars.len() - i) {
                    let s: String = chars[i..i + n].iter().collect();
                    *lm.counts.entry(s).or_default() += 1;
                }
                // Histories of every order ending just before i.
                for h in 1..ORDER {
                    if i >= h {
                        let hist: String = chars[i - h..i].iter().collect();
                        lm.histories.entry(hist.clone()).or_default().0 += 1;
                        continuations.entry(hist).or_default().insert(chars[i]);
                    }
                }
                for g in 1..=MAX_GAP {
                    let (l, r) = (i, i + g);
                    if l >= GAP_CONTEXT && r + GAP_CONTEXT <= chars.len() {
                        let key = (
                            chars[l - GAP_CONTEXT..l].iter().collect(),
                            g,
                            chars[r..r + GAP_CONTEXT].iter().collect(),
                        );
                        let filler: String = chars[l..r].iter().collect();
                        *lm.gaps.entry(key).or_default().entry(filler).or_default() += 1;
                    }
                }
            }
            lm.total += chars.len() as u32;
        }
        for (h, set) in continuations {
            if let Some(e) = lm.histories.get_mut(&h) {
                e.1 = set.len() as u32;
            }
        }
        lm.vocabulary = lm.counts.keys().filter(|k| k.chars().count() == 1).count() as u32;
        for (k, &n) in &lm.counts {
            let cs: Vec<char> = k.chars().collect();
            if cs.len() == 2 && n >= 2 && cs.iter().all(|&c| is_cjk(c)) {
                for c in cs
                    .iter()
                    .copied()
                    .collect::<std::collections::BTreeSet<char>>()
                {
                    lm.bigrams_by_char
                        .entry(c)
                        .or_default()
                        .push((k.clone(), n));
                }
            }
        }
        for v in lm.bigrams_by_char.values_mut() {
            v.sort();
        }
        lm.characters = lm
            .counts
            .keys()
            .filter_map(|k| {
                let mut cs = k.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if is_cjk(c) => Some(c),
                    _ => None,
                }
            })
            .collect();
        lm.characters.sort();
        lm
    }

    /// Every ideograph the training texts use.
    pub fn characters(&self) -> &[char] {
        &self.characters
    }

    /// Two-character strings faithful texts write at least twice that
    /// share a character, in the same place, with `word` (two characters),
    /// other than `word`: 秩序 for 次序, 功能 for 功用.
    pub fn related_words(&self, word: &[char]) -> Vec<String> {
        let mut out: Vec<String> = word
            .iter()
            .enumerate()
            .filter_map(|(i, c)| self.bigrams_by_char.get(c).map(|v| (i, c, v)))
            .flat_map(|(i, c, v)| {
                v.iter()
                    .filter(move |(w, _)| w.chars().nth(i) == Some(*c))
                    .map(|(w, _)| w.clone())
            })
            .filter(|w| w.chars().ne(word.iter().copied()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Occurrences of `s` in the training texts (0 for strings longer than
    /// [`MAX_COUNTED`] characters).
    pub fn count(&self, s: &str) -> u32 {
        self.counts.get(s).copied().unwrap_or(0)
    }

    /// Natural-log probability of `c` after `history` (its last
    /// `ORDER - 1` characters are used).
    pub fn log_prob(&self, history: &[char], c: char) -> f64 {
        let start = history.len().saturating_sub(ORDER - 1);
        self.prob(&history[start..], c).ln()
    }

    fn prob(&self, history: &[char], c: char) -> f64 {
        if history.is_empty() {
            let n = self.count(&c.to_string()) as f64;
            return (n + 1.0) / (self.total as f64 + self.vocabulary as f64 + 1.0);
        }
        let lower = self.prob(&history[1..], c);
        let h: String = history.iter().collect();
        match self.histories.get(&h) {
            Some(&(seen, distinct)) if seen > 0 => {
                let mut hc = h;
                hc.push(c);
                let n = self.count(&hc) as f64;
                (n + distinct as f64 * lower) / (seen as f64 + distinct as f64)
            }
            _ => lower,
        }
    }

    /// Log-probability of `text[from..to]` (character indices of the padded
    /// text), each character conditioned on what precedes it.
    pub fn score_span(&self, padded: &[char], from: usize, to: usize) -> f64 {
        (from..to.min(padded.len()))
            .map(|i| self.log_prob(&padded[..i], padded[i]))
            .sum()
    }

    /// What faithful texts put between `left` and `right` (each
    /// [`GAP_CONTEXT`] characters) in a gap of `len` characters, with
    /// counts.
    pub fn fillers(&self, left: &[char], len: usize, right: &[char]) -> Vec<(String, u32)> {
        let key = (left.iter().collect(), len, right.iter().collect());
        let mut v: Vec<(String, u32)> = self
            .gaps
            .get(&key)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect())
            .unwrap_or_default();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// `text` as characters with a [`BOUNDARY`] at each end.
pub fn pad(text: &str) -> Vec<char> {
    std::iter::once(BOUNDARY)
        .chain(text.chars())
        .chain(std::iter::once(BOUNDARY))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attested_wording_scores_higher_than_a_swap() {
        let lm = CharLm::train(["促进区域协调发展。", "推动高质量发展。", "开展对口支援。"]);
        let good = pad("区域协调发展");
        let bad = pad("区域协调开展");
        assert!(lm.score_span(&good, 1, good.len()) > lm.score_span(&bad, 1, bad.len()));
        assert_eq!(lm.count("发展"), 2);
        assert_eq!(lm.count("协调开展"), 0);
    }

    #[test]
    fn gaps_are_filled_the_way_training_texts_fill_them() {
        let lm = CharLm::train(["区域协调发展战略", "区域协调发展新机制"]);
        let got = lm.fillers(&['协', '调'], 2, &['新', '机']);
        assert_eq!(got, vec![("发展".to_string(), 1)]);
        assert!(lm.fillers(&['协', '调'], 2, &['旧', '机']).is_empty());
        // Text boundaries are context too.
        let got = lm.fillers(&[BOUNDARY, '区'], 1, &['协', '调']);
        assert_eq!(got, vec![("域".to_string(), 2)]);
    }
}
