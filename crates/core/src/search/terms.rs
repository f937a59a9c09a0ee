//! Term frequencies of a result set, by document and by mechanism, for the
//! small bar charts next to the results. Words come from the index's
//! segmentation; stop words (`data/stopwords.txt`), punctuation and numbers
//! are left out because they would top every chart.

use super::index::SearchIndex;
use super::results::Hit;
use crate::model::Mechanism;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The built-in stop word list.
pub const STOP_WORDS: &str = include_str!("../../data/stopwords.txt");

/// A set of words to leave out of term counts.
#[derive(Debug, Clone, Default)]
pub struct StopWords(HashSet<String>);

impl StopWords {
    /// Parses a list: words separated by whitespace, `#` starts a comment.
    pub fn parse(list: &str) -> StopWords {
        StopWords(
            list.lines()
                .map(|l| l.split('#').next().unwrap_or(""))
                .flat_map(str::split_whitespace)
                .map(str::to_string)
                .collect(),
        )
    }

    /// The built-in list.
    pub fn builtin() -> StopWords {
        StopWords::parse(STOP_WORDS)
    }

    /// True when `word` is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// One word and how often it occurs in the hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCount {
    /// The word.
    pub term: String,
    /// Occurrences in the hits.
    pub count: usize,
}

/// The top terms of one document's or one mechanism's hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermGroup {
    /// Document id or mechanism id.
    pub key: String,
    /// The document's title or the mechanism's Chinese name.
    pub label: String,
    /// Most frequent first (ties alphabetical), at most `top` long.
    pub terms: Vec<TermCount>,
}

/// Term frequencies of a result set, for the bar charts next to the results.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermFrequencies {
    /// One group per document with hits.
    pub by_doc: Vec<TermGroup>,
    /// One group per mechanism with hits.
    pub by_mechanism: Vec<TermGroup>,
}

/// True for words worth counting: some letter or ideograph, not only
/// digits, not a stop word.
fn counts(word: &str, stop: &StopWords) -> bool {
    word.chars().any(|c| c.is_alphabetic()) && !stop.contains(word)
}

fn top(counts: HashMap<&str, usize>, n: usize) -> Vec<TermCount> {
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter()
        .take(n)
        .map(|(t, c)| TermCount {
            term: t.to_string(),
            count: c,
        })
        .collect()
}

/// Counts the words of the hits' units, grouped by document (in the order
/// the documents first appear among the hits) and by mechanism (in
/// [`Mechanism::ALL`] order, only mechanisms with hits).
pub fn term_frequencies(
    index: &SearchIndex,
    hits: &[Hit],
    stop: &StopWords,
    top_n: usize,
) -> TermFrequencies {
    let mut doc_order: Vec<u32> = Vec::new();
    let mut by_doc: HashMap<u32, HashMap<&str, usize>> = HashMap::new();
    let mut by_mech: HashMap<Mechanism, HashMap<&str, usize>> = HashMap::new();
    for hit in hits {
        let Some(unit) = index.units.get(hit.unit as usize) else {
            continue;
        };
        if !by_doc.contains_key(&unit.doc) {
            doc_order.push(unit.doc);
        }
        let doc_counts = by_doc.entry(unit.doc).or_default();
        for w in unit.words().filter(|w| counts(w, stop)) {
            *doc_counts.entry(w).or_default() += 1;
            for m in &unit.mechanisms {
                *by_mech.entry(*m).or_default().entry(w).or_default() += 1;
            }
        }
    }
    TermFrequencies {
        by_doc: doc_order
            .into_iter()
            .map(|d| {
                let doc = &index.docs[d as usize];
                TermGroup {
                    key: doc.id.clone(),
                    label: doc.title.clone(),
                    terms: top(by_doc.remove(&d).unwrap_or_default(), top_n),
                }
            })
            .collect(),
        by_mechanism: Mechanism::ALL
            .iter()
            .filter_map(|m| {
                by_mech.remove(m).map(|c| TermGroup {
                    key: m.id().into(),
                    label: m.name_zh().into(),
                    terms: top(c, top_n),
                })
            })
            .collect(),
    }
}
