//! Source (a): the substitution pairs learned from the clauses both
//! witnesses carry, reversed, with how reliable each is on its own.
//!
//! A pair says the tool wrote `reworded` where the faithful text had
//! `original`. Reversing it blindly would be wrong wherever `reworded` is
//! also a genuine word (区域 is the tool's word for 地区 32 times, but the
//! opinion itself writes 区域 far more often). So each pair carries how
//! often its reworded form occurs in the learning clauses' reworded text at
//! all: `count / occurrences` estimates how likely one occurrence is a
//! substitution before the context is looked at.

use policy_core::model::SubstitutionPair;

/// Highest prior log-odds a learned pair gets on its own.
pub const MAX_PAIR_LOG_ODDS: f64 = 2.0;

/// One reversible pair with its statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct PairStat {
    /// The wording before the rewording tool.
    pub original: String,
    /// The wording the tool produced.
    pub reworded: String,
    /// How often the pair was observed in the learning clauses.
    pub count: usize,
    /// Occurrences of `reworded` in the learning clauses' reworded text
    /// (at least `count`).
    pub occurrences: usize,
    reworded_chars: Vec<char>,
}

impl PairStat {
    /// Prior log-odds that one occurrence of `reworded` is this
    /// substitution, smoothed towards "not a substitution" for rare pairs.
    ///
    /// The estimate is capped at [`MAX_PAIR_LOG_ODDS`]: a pair seen 58 times
    /// out of 58 occurrences in half the clauses still meets genuine uses
    /// of its reworded form elsewhere (开展对口支援), and there the context
    /// must be able to overrule it.
    pub fn log_odds(&self) -> f64 {
        let p = (self.count as f64 + 0.5) / (self.occurrences as f64 + 1.5);
        (p / (1.0 - p)).ln().min(MAX_PAIR_LOG_ODDS)
    }
}

/// The learned pairs, ready to be matched against a text.
#[derive(Debug, Clone, Default)]
pub struct PairTable {
    pairs: Vec<PairStat>,
}

impl PairTable {
    /// `pairs` as learned; `reworded_texts` the reworded side of the
    /// clauses they were learned from.
    pub fn new<'a>(
        pairs: &[SubstitutionPair],
        reworded_texts: impl IntoIterator<Item = &'a str> + Clone,
    ) -> PairTable {
        let pairs = pairs
            .iter()
            .filter(|p| !p.reworded.is_empty() && !p.original.is_empty())
            .map(|p| {
                let occurrences: usize = reworded_texts
                    .clone()
                    .into_iter()
                    .map(|t| t.matches(p.reworded.as_str()).count())
                    .sum();
                PairStat {
                    original: p.original.clone(),
                    reworded: p.reworded.clone(),
                    count: p.count,
                    occurrences: occurrences.max(p.count),
                    reworded_chars: p.reworded.chars().collect(),
                }
            })
            .collect();
        PairTable { pairs }
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when no pair was learned.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Every place in `text` (characters) where a pair's reworded form
    /// occurs: (start, end, pair).
    pub fn matches<'a>(
        &'a self,
        text: &'a [char],
    ) -> impl Iterator<Item = (usize, usize, &'a PairStat)> + 'a {
        self.pairs.iter().flat_map(move |p| {
            let n = p.reworded_chars.len();
            (0..text.len().saturating_sub(n - 1))
                .filter(move |&i| text[i..i + n] == p.reworded_chars[..])
                .map(move |i| (i, i + n, p))
        })
    }

    /// True when a learned pair shows the tool turning `original` into
    /// something other than `reworded` (and none into `reworded`): its
    /// dictionary gives each word one replacement, so `reworded` is then
    /// not what it made of `original`.
    pub fn maps_elsewhere(&self, original: &str, reworded: &str) -> bool {
        let mut elsewhere = false;
        for p in self.pairs.iter().filter(|p| p.original == original) {
            if p.reworded == reworded {
                return false;
            }
            elsewhere = true;
        }
        elsewhere
    }

    /// The pair that turns `reworded` back into `original`, if learned.
    pub fn get(&self, original: &str, reworded: &str) -> Option<&PairStat> {
        self.pairs
            .iter()
            .find(|p| p.original == original && p.reworded == reworded)
    }
}

/// Number of classes of [`synonym_class`].
pub const SYNONYM_CLASSES: usize = 4;

/// The class of a (witness word, synonym) candidate for its prior: whether
/// the faithful texts write the witness word (促进 is a genuine word, 布置
/// and 效劳 read like the tool), and whether the synonym is the more common
/// word of general Chinese (the tool mostly swapped a common word for a
/// rarer one: 发展 → 开展, 服务 → 效劳, 部署 → 布置).
pub fn synonym_class(witness_attested: bool, synonym_more_common: bool) -> usize {
    2 * usize::from(witness_attested) + usize::from(synonym_more_common)
}

/// Prior log-odds, per [`synonym_class`], that a witness word with a
/// thesaurus synonym (see [`super::thesaurus::Thesaurus::candidates`]) is
/// the tool's substitution for that synonym, learned from the learning
/// clauses: the learned pairs whose two sides are such synonyms (weighted
/// by their counts), over the (word, synonym) candidates the words of the
/// learning clauses' reworded text have. Smoothed like
/// [`PairStat::log_odds`].
pub fn synonym_log_odds<'a>(
    pairs: &[SubstitutionPair],
    reworded_texts: impl IntoIterator<Item = &'a str>,
    segmenter: &policy_core::segment::Segmenter,
    count: impl Fn(&str) -> u32,
    frequency: impl Fn(&str) -> usize,
    thesaurus: &super::thesaurus::Thesaurus,
) -> [f64; SYNONYM_CLASSES] {
    let class = |w: &str, s: &str| synonym_class(count(w) > 0, frequency(s) > frequency(w));
    let mut substituted = [0usize; SYNONYM_CLASSES];
    for p in pairs {
        if thesaurus
            .candidates(&p.reworded, |w| count(w) > 0)
            .contains(&p.original.as_str())
        {
            substituted[class(&p.reworded, &p.original)] += p.count;
        }
    }
    let mut candidates = [0usize; SYNONYM_CLASSES];
    for text in reworded_texts {
        for w in segmenter.segment(text) {
            for s in thesaurus.candidates(w.text, |s| count(s) > 0) {
                candidates[class(w.text, s)] += 1;
            }
        }
    }
    std::array::from_fn(|k| {
        let p = (substituted[k] as f64 + 0.5) / (candidates[k].max(substituted[k]) as f64 + 1.5);
        (p / (1.0 - p)).ln()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(original: &str, reworded: &str, count: usize) -> SubstitutionPair {
        SubstitutionPair::new(original, reworded, count)
    }

    #[test]
    fn a_pair_whose_reworded_form_is_common_is_less_reliable() {
        let texts = ["贫困区域和区域政策，区域合作", "区域开展和协调开展"];
        let table = PairTable::new(&[pair("地区", "区域", 1), pair("发展", "开展", 2)], texts);
        let region = table.get("地区", "区域").unwrap();
        let develop = table.get("发展", "开展").unwrap();
        assert_eq!(region.occurrences, 4);
        assert_eq!(develop.occurrences, 2);
        assert!(develop.log_odds() > 0.0 && region.log_odds() < 0.0);
        let text: Vec<char> = "区域开展".chars().collect();
        let found: Vec<(usize, usize)> = table.matches(&text).map(|(s, e, _)| (s, e)).collect();
        assert_eq!(found, vec![(0, 2), (2, 4)]);
    }

    #[test]
    fn the_tool_gives_each_word_one_replacement() {
        let table = PairTable::new(
            &[pair("认真", "仔细", 1), pair("治理", "管理", 2)],
            ["仔细"],
        );
        // 认真 became 仔细, so a witness 负责 is not the tool's 认真.
        assert!(table.maps_elsewhere("认真", "负责"));
        assert!(!table.maps_elsewhere("认真", "仔细"));
        // Nothing is known of 核心.
        assert!(!table.maps_elsewhere("核心", "中心"));
    }
}
