//! Source (b): other texts that quote the reworded passage.
//!
//! Provincial implementation documents repeat the central opinion's
//! headings and sentences word for word where they agree with it (四川
//! 八、创新区域政策调控机制; 内蒙古 3.7.2 建立区域均衡的财政转移支付制度).
//! A provincial sentence aligned to a reworded sentence is a partial third
//! witness: where the two agree around a short difference, the province's
//! wording is a candidate restoration; where they agree over a span, the
//! witness wording there is confirmed.
//!
//! Which central sentence a provincial sentence quotes is decided once, for
//! the whole document: each quoting sentence goes to the one central
//! sentence it resembles most (character bigrams it shares), so that 内蒙古
//! 深化区域合作机制 confirms the central 四、 and is not also read as a
//! variant of 五、. The faithful witness's own fragment of a unit (the
//! newspaper print that stops mid-clause) is a quote of that unit only,
//! with more weight.

use policy_core::ingest::punctuation::is_cjk;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::collections::HashSet;

/// Longest differing run (characters) taken from a quote as a candidate.
pub const MAX_QUOTED_CHANGE: usize = 4;
/// Characters that must agree on each side of a difference (a text
/// boundary counts as agreement).
pub const ANCHOR: usize = 2;
/// Least share of the longer sentence that a quote must reproduce
/// exactly to testify at all.
pub const MIN_QUALITY: f64 = 0.6;
/// Least share of the shorter sentence's bigrams the two must share.
const MIN_CONTAINMENT: f64 = 0.5;
/// Least number of shared bigrams.
const MIN_SHARED: usize = 3;

/// A text that may quote the reworded document.
#[derive(Debug, Clone)]
pub struct QuoteSource {
    /// Document id and unit path of the quoting unit.
    pub doc: String,
    /// Unit path of the quoting unit.
    pub path: String,
    /// The quoting unit's text.
    pub text: String,
    /// `Some(path)`: quotes only this unit of the reworded document (the
    /// faithful witness's fragment of it); `None`: any unit.
    pub only_for: Option<String>,
    /// Weight of its testimony (1 for a provincial clause).
    pub weight: f64,
}

/// A sentence of a quoting text.
#[derive(Debug, Clone)]
pub struct QuoteSentence {
    /// Document id of the quoting unit.
    pub doc: String,
    /// Unit path of the quoting unit.
    pub path: String,
    /// The sentence.
    pub text: String,
    /// Weight of its testimony (from its source).
    pub weight: f64,
}

/// What one quoting sentence says about a reworded sentence, in character
/// offsets of the reworded unit's text.
#[derive(Debug, Clone, Default)]
pub struct Testimony {
    /// (start, end, the quote's wording there, quote index, quality).
    pub variants: Vec<(usize, usize, String, usize, f64)>,
    /// (start, end, quote index, quality): spans where quote and witness
    /// agree.
    pub agreements: Vec<(usize, usize, usize, f64)>,
}

/// All quoting sentences, each assigned to the reworded sentence it quotes.
#[derive(Debug, Clone, Default)]
pub struct QuoteBank {
    /// Every quoting sentence.
    pub sentences: Vec<QuoteSentence>,
    /// For every quote sentence: (unit path, char offset of the sentence in
    /// the unit's text, sentence length in chars) of the sentence it quotes.
    targets: Vec<Option<(String, usize, usize)>>,
}

/// Sentences of `text` as (char offset, chars), cut after 。；！？ and line
/// breaks.
pub fn sentences(text: &str) -> Vec<(usize, Vec<char>)> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    let mut start = 0;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            if !cur.is_empty() {
                out.push((start, std::mem::take(&mut cur)));
            }
            start = i + 1;
            continue;
        }
        cur.push(c);
        if matches!(c, '。' | '；' | '！' | '？') {
            out.push((start, std::mem::take(&mut cur)));
            start = i + 1;
        }
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

fn bigrams(chars: &[char]) -> HashSet<(char, char)> {
    chars
        .windows(2)
        .filter(|w| is_cjk(w[0]) && is_cjk(w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Share of the smaller bigram set found in the other, and the count.
fn containment(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> (f64, usize) {
    let shared = a.intersection(b).count();
    let smaller = a.len().min(b.len()).max(1);
    (shared as f64 / smaller as f64, shared)
}

/// A quoting sentence and a target sentence that are both titles (or both
/// not) get this added to their coverage when targets are ranked.
const TITLE_BONUS: f64 = 0.3;

/// A sentence of the document being restored: unit path, char offset,
/// chars, bigrams, and whether it is a title (a unit that is nothing but a
/// short heading line).
type Target = (String, usize, Vec<char>, HashSet<(char, char)>, bool);

/// A unit text that is only a title: one short line without full stops.
fn is_title(text: &str) -> bool {
    !text.contains(['。', '；', '\n', '，']) && text.chars().count() <= 30
}

/// The target sentence `chars` quotes: highest coverage plus `bonus`, by a
/// clear margin.
fn best_target(
    targets: &[Target],
    chars: &[char],
    source: &QuoteSource,
    bonus: impl Fn(&Target) -> f64,
) -> Option<usize> {
    let b = bigrams(chars);
    if b.len() < MIN_SHARED {
        return None;
    }
    // Candidates share bigrams; the quoted one shares them in runs (a long
    // sentence can contain every bigram of a short heading, scattered).
    let mut scored: Vec<(f64, usize)> = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| source.only_for.as_ref().is_none_or(|p| *p == t.0))
        .filter_map(|(i, t)| {
            let (c, shared) = containment(&b, &t.3);
            (c >= MIN_CONTAINMENT && shared >= MIN_SHARED).then(|| (coverage(chars, &t.2), i))
        })
        .filter(|(c, _)| *c >= MIN_CONTAINMENT)
        .map(|(c, i)| (c + bonus(&targets[i]), i))
        .filter(|(c, _)| c.is_finite())
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    match scored.as_slice() {
        [] => None,
        [(_, i)] => Some(*i),
        [(a, i), (b, _), ..] if a - b >= 0.05 => Some(*i),
        _ => None,
    }
}

/// Phrases of `text` (cut at every punctuation mark), four characters or
/// longer.
fn phrases(text: &str) -> Vec<Vec<char>> {
    text.split(['，', '、', '；', '。', '：', '\n'])
        .map(|p| p.chars().collect::<Vec<char>>())
        .filter(|p| p.len() >= 4)
        .collect()
}

/// Share of `quote`'s characters that a character diff aligns with
/// `sentence` in runs of at least three.
fn coverage(quote: &[char], sentence: &[char]) -> f64 {
    let covered: usize = capture_diff_slices(Algorithm::Myers, quote, sentence)
        .iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, o, _)| *tag == DiffTag::Equal && o.len() >= 3)
        .map(|(_, o, _)| o.len())
        .sum();
    covered as f64 / quote.len().max(1) as f64
}

impl QuoteBank {
    fn push(&mut self, source: &QuoteSource, chars: &[char], target: Option<&Target>) {
        self.sentences.push(QuoteSentence {
            doc: source.doc.clone(),
            path: source.path.clone(),
            text: chars.iter().collect(),
            weight: source.weight,
        });
        self.targets
            .push(target.map(|t| (t.0.clone(), t.1, t.2.len())));
    }

    /// Assigns every sentence of `sources` to the sentence of `units`
    /// (path, text: the document being restored, faithful text where it
    /// has it, witness text elsewhere) it resembles most.
    pub fn new(sources: &[QuoteSource], units: &[(String, String)]) -> QuoteBank {
        let targets_all: Vec<Target> = units
            .iter()
            .flat_map(|(path, text)| {
                let title = is_title(text);
                sentences(text).into_iter().map(move |(off, chars)| {
                    let b = bigrams(&chars);
                    (path.clone(), off, chars, b, title && off == 0)
                })
            })
            .collect();
        let mut bank = QuoteBank::default();
        for source in sources {
            let source_title = is_title(&source.text);
            for (off, chars) in sentences(&source.text) {
                let title = source_title && off == 0;
                let target = best_target(&targets_all, &chars, source, |t| {
                    // Headings quote headings: a provincial section title
                    // goes to a central title before a phrase inside a
                    // long sentence.
                    if title == t.4 {
                        TITLE_BONUS
                    } else {
                        0.0
                    }
                });
                bank.push(source, &chars, target.map(|i| &targets_all[i]));
            }
            // Titles are also quoted inside running text: the opinion's own
            // goals list 深化区域合作机制、优化区域互助机制、… A phrase
            // testifies for a title only.
            if source_title {
                continue;
            }
            for chars in phrases(&source.text) {
                let target = best_target(&targets_all, &chars, source, |t| {
                    if t.4 {
                        0.0
                    } else {
                        f64::NEG_INFINITY
                    }
                });
                bank.push(source, &chars, target.map(|i| &targets_all[i]));
            }
        }
        bank
    }

    /// What the quotes assigned to unit `path` say about its `text`.
    pub fn testify(&self, path: &str, text: &[char]) -> Testimony {
        let mut out = Testimony::default();
        for (qi, (q, target)) in self.sentences.iter().zip(&self.targets).enumerate() {
            let Some((p, off, len)) = target else {
                continue;
            };
            if p != path || off + len > text.len() {
                continue;
            }
            let sentence = &text[*off..off + len];
            let quote: Vec<char> = q.text.chars().collect();
            compare(sentence, &quote, *off, qi, &mut out);
        }
        out
    }
}

/// Diffs a reworded sentence (at char offset `off` of its unit) against a
/// quoting sentence and records variants and agreements.
fn compare(sentence: &[char], quote: &[char], off: usize, qi: usize, out: &mut Testimony) {
    let ops = capture_diff_slices(Algorithm::Myers, sentence, quote);
    // How closely the quote follows the sentence: a word-for-word quote
    // with one difference testifies strongly, a paraphrase weakly.
    let equal: usize = ops
        .iter()
        .filter(|op| op.as_tag_tuple().0 == DiffTag::Equal)
        .map(|op| op.as_tag_tuple().1.len())
        .sum();
    let quality = equal as f64 / sentence.len().max(quote.len()).max(1) as f64;
    if quality < MIN_QUALITY {
        return;
    }
    // Runs: (equal?, old range, new range), adjacent changes merged.
    let mut runs: Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        let equal = tag == DiffTag::Equal;
        match runs.last_mut() {
            Some(last) if !last.0 && !equal => {
                last.1.end = o.end;
                last.2.end = n.end;
            }
            _ => runs.push((equal, o, n)),
        }
    }
    // A quote that is the sentence with a single difference is as good as
    // a second witness there (内蒙古 优化区域互助机制 for 优化区域合作机制).
    let sole_difference = runs.iter().filter(|r| !r.0).count() == 1;
    for (k, (equal, o, n)) in runs.iter().enumerate() {
        if *equal {
            // An agreement longer than an anchor confirms the witness there
            // (a candidate inside it must also have agreeing neighbours).
            if o.len() > ANCHOR {
                out.agreements
                    .push((off + o.start, off + o.end, qi, quality));
            }
            continue;
        }
        let anchored_before = match k.checked_sub(1).map(|j| &runs[j]) {
            Some((true, po, _)) => po.len() >= ANCHOR,
            None => o.start == 0 && n.start == 0,
            _ => false,
        };
        let anchored_after = match runs.get(k + 1) {
            Some((true, no, _)) => no.len() >= ANCHOR,
            None => o.end == sentence.len() && n.end == quote.len(),
            _ => false,
        };
        let old = &sentence[o.clone()];
        let new = &quote[n.clone()];
        let short = |s: &[char]| !s.is_empty() && s.len() <= MAX_QUOTED_CHANGE;
        // The tool swapped words for near-synonyms of about the same
        // length; a longer difference is the province's own wording.
        if anchored_before
            && anchored_after
            && short(old)
            && short(new)
            && old.len().abs_diff(new.len()) <= 1
            && old.iter().chain(new).all(|&c| is_cjk(c))
        {
            out.variants.push((
                off + o.start,
                off + o.end,
                new.iter().collect(),
                qi,
                if sole_difference { 1.0 } else { quality },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(doc: &str, path: &str, text: &str) -> QuoteSource {
        QuoteSource {
            doc: doc.into(),
            path: path.into(),
            text: text.into(),
            only_for: None,
            weight: 1.0,
        }
    }

    #[test]
    fn each_quote_testifies_for_the_sentence_it_resembles_most() {
        let units = vec![
            ("4".to_string(), "深化区域合作机制".to_string()),
            ("5".to_string(), "优化区域合作机制".to_string()),
        ];
        let bank = QuoteBank::new(
            &[
                source("im", "3.3", "深化区域合作机制"),
                source("im", "3.4", "优化区域互助机制"),
            ],
            &units,
        );
        let text: Vec<char> = "优化区域合作机制".chars().collect();
        let t = bank.testify("5", &text);
        assert_eq!(t.variants.len(), 1, "{t:?}");
        let (s, e, wording, qi, _) = &t.variants[0];
        assert_eq!((*s, *e, wording.as_str()), (4, 6, "互助"));
        assert_eq!(bank.sentences[*qi].path, "3.4");
        // 3.3 quotes 四、 exactly and says nothing about 五、.
        let four: Vec<char> = "深化区域合作机制".chars().collect();
        let t4 = bank.testify("4", &four);
        assert!(t4.variants.is_empty());
        assert_eq!(t4.agreements.len(), 1);
    }

    #[test]
    fn unanchored_or_long_differences_are_not_variants() {
        let mut out = Testimony::default();
        let a: Vec<char> = "实行不同化的区域政策。".chars().collect();
        let b: Vec<char> = "建立差别化区域环境保护政策。".chars().collect();
        compare(&a, &b, 0, 0, &mut out);
        assert!(out.variants.is_empty(), "{out:?}");
    }

    #[test]
    fn sentences_are_cut_after_full_stops_and_line_breaks() {
        let got: Vec<(usize, String)> = sentences("甲乙。丙；丁\n戊")
            .into_iter()
            .map(|(o, c)| (o, c.into_iter().collect()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, "甲乙。".to_string()),
                (3, "丙；".to_string()),
                (5, "丁".to_string()),
                (7, "戊".to_string())
            ]
        );
    }
}
