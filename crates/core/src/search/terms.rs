//! Term frequencies of a result set, by document and by mechanism, for the
//! small bar charts next to the results. Words come from the index's
//! segmentation; stop words (`data/stopwords.txt`), punctuation and numbers
//! are left out because they would top every chart.

use super::index::SearchIndex;
use super::results::Hit;
use crate::model::Mechanism;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

fn top(counts: FxHashMap<&str, usize>, n: usize) -> Vec<TermCount> {
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
/// [`Mechanism::ALL`] order, only mechanisms with hits): a
/// [`TermCountJob`] run to its end.
pub fn term_frequencies(
    index: &SearchIndex,
    hits: &[Hit],
    stop: &StopWords,
    top_n: usize,
) -> TermFrequencies {
    TermCountJob::new(index, hits, stop, top_n).run()
}

/// [`term_frequencies`] in steps: a bounded amount of work per
/// [`TermCountJob::step`] (one hit counted, or one group ranked), so that a
/// large library's result set (thousands of hits) can be counted between
/// the browser's frames. The result is the same however the work is cut.
///
/// Counts hash with FxHash: the order of the result does not depend on
/// the hash (ties are broken alphabetically).
pub struct TermCountJob<'a> {
    index: &'a SearchIndex,
    hits: &'a [Hit],
    stop: &'a StopWords,
    top_n: usize,
    /// The next hit to count.
    next_hit: usize,
    doc_order: Vec<u32>,
    by_doc: FxHashMap<u32, FxHashMap<&'a str, usize>>,
    by_mech: FxHashMap<Mechanism, FxHashMap<&'a str, usize>>,
    /// Groups ranked so far (documents first, then mechanisms).
    ranked_docs: Vec<TermGroup>,
    ranked_mechanisms: Vec<TermGroup>,
    /// The next mechanism (index into [`Mechanism::ALL`]) to rank.
    next_mechanism: usize,
}

impl<'a> TermCountJob<'a> {
    /// A job over `hits` (of `index`), nothing counted yet.
    pub fn new(
        index: &'a SearchIndex,
        hits: &'a [Hit],
        stop: &'a StopWords,
        top_n: usize,
    ) -> TermCountJob<'a> {
        TermCountJob {
            index,
            hits,
            stop,
            top_n,
            next_hit: 0,
            doc_order: Vec::new(),
            by_doc: FxHashMap::default(),
            by_mech: FxHashMap::default(),
            ranked_docs: Vec::new(),
            ranked_mechanisms: Vec::new(),
            next_mechanism: 0,
        }
    }

    /// Does up to `budget` pieces of work (at least one); true when every
    /// piece is done and [`Self::finish`] has the result.
    pub fn step(&mut self, budget: usize) -> bool {
        for _ in 0..budget.max(1) {
            if !self.piece() {
                return true;
            }
        }
        self.is_done()
    }

    /// True when nothing is left to do.
    pub fn is_done(&self) -> bool {
        self.next_hit >= self.hits.len()
            && self.ranked_docs.len() >= self.doc_order.len()
            && self.next_mechanism >= Mechanism::ALL.len()
    }

    /// Every piece left, then the frequencies (after [`Self::step`]
    /// returned true, nothing is left: this only hands them over).
    pub fn run(mut self) -> TermFrequencies {
        while self.piece() {}
        TermFrequencies {
            by_doc: self.ranked_docs,
            by_mechanism: self.ranked_mechanisms,
        }
    }

    /// One piece of work; false when there was none left.
    fn piece(&mut self) -> bool {
        if let Some(hit) = self.hits.get(self.next_hit) {
            self.next_hit += 1;
            self.count(hit);
            return true;
        }
        if let Some(&d) = self.doc_order.get(self.ranked_docs.len()) {
            let doc = &self.index.docs[d as usize];
            self.ranked_docs.push(TermGroup {
                key: doc.id.clone(),
                label: doc.title.clone(),
                terms: top(self.by_doc.remove(&d).unwrap_or_default(), self.top_n),
            });
            return true;
        }
        if let Some(m) = Mechanism::ALL.get(self.next_mechanism) {
            self.next_mechanism += 1;
            if let Some(counts) = self.by_mech.remove(m) {
                self.ranked_mechanisms.push(TermGroup {
                    key: m.id().into(),
                    label: m.name_zh().into(),
                    terms: top(counts, self.top_n),
                });
            }
            return true;
        }
        false
    }

    fn count(&mut self, hit: &Hit) {
        let Some(unit) = self.index.units.get(hit.unit as usize) else {
            return;
        };
        if !self.by_doc.contains_key(&unit.doc) {
            self.doc_order.push(unit.doc);
        }
        let doc_counts = self.by_doc.entry(unit.doc).or_default();
        for w in unit.words().filter(|w| counts(w, self.stop)) {
            *doc_counts.entry(w).or_default() += 1;
            for m in &unit.mechanisms {
                *self.by_mech.entry(*m).or_default().entry(w).or_default() += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_corpus;
    use crate::search::{SearchEngine, SearchRequest};

    const CORPUS_JSON: &str = include_str!("../../../../corpus/corpus.json");

    #[test]
    fn term_counts_in_steps_equal_the_one_shot_counts() {
        let corpus = load_corpus(CORPUS_JSON).expect("corpus/corpus.json loads");
        let engine = SearchEngine::new(&corpus).expect("engine");
        let stop = StopWords::builtin();
        for query in ["", "区域协调", "生态补偿", "发展"] {
            let results = engine.search(&SearchRequest::with_query(query));
            assert!(!results.hits.is_empty(), "{query}");
            let one_shot = term_frequencies(engine.index(), &results.hits, &stop, 5);
            assert!(!one_shot.by_doc.is_empty() && !one_shot.by_mechanism.is_empty());
            for budget in [1, 3, 64, usize::MAX] {
                let mut job = TermCountJob::new(engine.index(), &results.hits, &stop, 5);
                let mut steps = 0;
                while !job.step(budget) {
                    steps += 1;
                    assert!(steps <= results.hits.len() + 64, "the job ends");
                }
                assert!(job.is_done());
                if budget == 1 {
                    assert!(steps > results.hits.len() / 2, "one piece per step");
                }
                assert_eq!(job.run(), one_shot, "{query} in steps of {budget}");
            }
        }
    }
}
