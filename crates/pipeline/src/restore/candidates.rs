//! Candidate changes from the three sources, merged per place and wording.
//!
//! A candidate replaces the characters `start..end` of the current text
//! with `text`. The same candidate can be proposed by several sources (a
//! learned pair that a province also quotes); their testimony is merged so
//! that the decision sees it once, with every piece of evidence.

use super::lexicon::GeneralLexicon;
use super::lm::{CharLm, BOUNDARY, GAP_CONTEXT, MAX_GAP};
use super::pairs::{synonym_class, PairStat, PairTable, SYNONYM_CLASSES};
use super::quotes::{QuoteBank, Testimony};
use super::thesaurus::Thesaurus;
use policy_core::ingest::punctuation::is_cjk;
use policy_core::restoration::Evidence;
use policy_core::segment::Segmenter;
use std::collections::HashSet;

/// One proposed change, in character offsets of the current text.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// First character of the replaced span (char offset in the current text).
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The proposed wording.
    pub text: String,
    /// The learned pair proposing it, if any.
    pub pair: Option<PairStat>,
    /// Summed weight of the quotes that word it this way.
    pub quoted: f64,
    /// Summed weight of the quotes that confirm the witness wording here.
    pub contradicted: f64,
    /// How often faithful texts put this wording between the same
    /// neighbours (0 when they do not, or the context is not attested).
    pub attested: u32,
    /// Proposed as a related word (sharing a character) of a two-character
    /// witness word faithful texts never write.
    pub related: bool,
    /// A word of the general lexicon the candidate forms with its
    /// neighbouring word, where the witness's wording forms none (宏观调控
    /// for 微观调控).
    pub lexicon_word: Option<String>,
    /// The best quality (share reproduced exactly) of a quote proposing it.
    pub best_quote: f64,
    /// The witness wording writes a character pair faithful texts never
    /// write, and the candidate's wording writes none (see [`odd_span`]).
    pub odd: bool,
    /// Characters the candidate shares with the witness wording it
    /// replaces: the tool swapped words for near-synonyms, which mostly
    /// share one (根本/基本, 技术/技能).
    pub shared_chars: usize,
    /// The witness wording and the candidate are synonyms of one group of
    /// the thesaurus.
    pub synonym: bool,
    /// One of the wording and the witness wording is a place name — of the
    /// gazetteer, or tagged so by the general lexicon (黄河, 中非) — and
    /// the other is not.
    pub names_place: bool,
    /// The wording (two characters or more) occurs in the reworded witness:
    /// it survived the tool, which replaced the words of its dictionary
    /// wherever they occur (the originals of the learned pairs almost never
    /// occur in the reworded text of the clauses they were learned from), so
    /// it is unlikely to be what the tool replaced here. Only set where the
    /// witness wording is a word.
    pub survives: bool,
    /// A learned pair shows the tool turning the wording into something
    /// else ([`PairTable::maps_elsewhere`]).
    pub maps_elsewhere: bool,
    /// The faithful texts write the witness wording somewhere.
    pub witness_written: bool,
    /// Its class for the synonym prior ([`synonym_class`]).
    pub synonym_class: usize,
    /// Every source that speaks for the candidate.
    pub evidence: Vec<Evidence>,
}

/// The text being restored: current characters, which witness character
/// each came from (`None` inside an accepted change), and which characters
/// an accepted change produced.
pub struct Working {
    /// The current characters.
    pub chars: Vec<char>,
    /// For each current character, the witness character it came from (`None` inside an accepted change).
    pub origin: Vec<Option<usize>>,
}

impl Working {
    /// The witness text, unchanged so far.
    pub fn new(text: &str) -> Working {
        let chars: Vec<char> = text.chars().collect();
        let origin = (0..chars.len()).map(Some).collect();
        Working { chars, origin }
    }

    /// Current offset of witness character `w`, if it is unchanged.
    pub fn current_of(&self, w: usize) -> Option<usize> {
        self.origin.iter().position(|o| *o == Some(w))
    }

    /// True when none of `start..end` was produced by an accepted change.
    pub fn untouched(&self, start: usize, end: usize) -> bool {
        self.origin[start..end].iter().all(Option::is_some)
    }

    /// The current text with `start..end` replaced: padded characters and
    /// the padded offset of the replacement.
    pub fn padded_with(&self, start: usize, end: usize, text: &str) -> Vec<char> {
        let mut v = Vec::with_capacity(self.chars.len() + 2 + text.len());
        v.push(BOUNDARY);
        v.extend_from_slice(&self.chars[..start]);
        v.extend(text.chars());
        v.extend_from_slice(&self.chars[end..]);
        v.push(BOUNDARY);
        v
    }
}

/// Collects candidates by (start, end, text).
#[derive(Default)]
struct Pool {
    items: Vec<Candidate>,
}

impl Pool {
    fn entry(&mut self, start: usize, end: usize, text: &str) -> &mut Candidate {
        let pos = self
            .items
            .iter()
            .position(|c| c.start == start && c.end == end && c.text == text);
        let i = match pos {
            Some(i) => i,
            None => {
                self.items.push(Candidate {
                    start,
                    end,
                    text: text.to_string(),
                    pair: None,
                    quoted: 0.0,
                    contradicted: 0.0,
                    attested: 0,
                    related: false,
                    lexicon_word: None,
                    best_quote: 0.0,
                    odd: false,
                    shared_chars: 0,
                    synonym: false,
                    synonym_class: 0,
                    names_place: false,
                    survives: false,
                    maps_elsewhere: false,
                    witness_written: false,
                    evidence: Vec::new(),
                });
                self.items.len() - 1
            }
        };
        &mut self.items[i]
    }
}

/// What candidates are drawn from.
pub struct Sources<'a> {
    /// Learned substitution pairs, reversed.
    pub pairs: &'a PairTable,
    /// The character language model of the faithful texts.
    pub lm: &'a CharLm,
    /// Sentences of other texts that quote the reworded one.
    pub quotes: &'a QuoteBank,
    /// What those quotes say about the unit being restored.
    pub testimony: &'a Testimony,
    /// Cuts the current text into words (related-word candidates are only
    /// proposed for whole words).
    pub segmenter: &'a Segmenter,
    /// Words never replaced by a related word: place names.
    pub protected: &'a HashSet<String>,
    /// General Chinese, for compounds the faithful texts are too few to
    /// show.
    pub lexicon: Option<&'a GeneralLexicon>,
    /// A synonym thesaurus: the tool swapped synonyms.
    pub thesaurus: Option<&'a Thesaurus>,
    /// Prior log-odds that a witness word is the tool's synonym of the
    /// proposed wording, learned from the learning clauses (see
    /// [`super::pairs::synonym_log_odds`]): for a witness word faithful
    /// texts write, and for one they never write.
    pub synonym_prior: [f64; SYNONYM_CLASSES],
    /// The reworded witness, every unit it carries.
    pub witness_document: &'a str,
}

/// Character ranges of the segmenter's words in `chars`.
fn word_ranges(segmenter: &Segmenter, chars: &[char]) -> Vec<(usize, usize)> {
    let text: String = chars.iter().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for w in segmenter.segment(&text) {
        let n = w.text.chars().count();
        out.push((at, at + n));
        at += n;
    }
    out
}

/// Every candidate for the current text.
pub fn generate(work: &Working, src: &Sources<'_>) -> Vec<Candidate> {
    let Sources {
        pairs,
        lm,
        quotes,
        testimony,
        segmenter,
        protected,
        lexicon,
        thesaurus,
        ..
    } = *src;
    let words = word_ranges(segmenter, &work.chars);
    let mut pool = Pool::default();
    let chars = &work.chars;
    // (a) learned pairs, reversed.
    for (s, e, p) in pairs.matches(chars) {
        if !work.untouched(s, e) {
            continue;
        }
        let c = pool.entry(s, e, &p.original);
        if c.pair.is_none() {
            c.pair = Some(p.clone());
            c.evidence.push(Evidence::LearnedPair {
                original: p.original.clone(),
                reworded: p.reworded.clone(),
                count: p.count,
                occurrences: p.occurrences,
            });
        }
    }
    // (b) quotes: their variants, mapped from witness to current offsets.
    for (ws, we, wording, qi, quality) in &testimony.variants {
        let (Some(s), Some(last)) = (work.current_of(*ws), work.current_of(we - 1)) else {
            continue;
        };
        let e = last + 1;
        if e - s != we - ws || !work.untouched(s, e) {
            continue;
        }
        let q = &quotes.sentences[*qi];
        let c = pool.entry(s, e, wording);
        c.quoted += q.weight * quality;
        c.best_quote = c.best_quote.max(*quality);
        c.evidence.push(Evidence::Quote {
            doc: q.doc.clone(),
            path: q.path.clone(),
            passage: q.text.clone(),
        });
    }
    // (c) gaps the faithful texts fill differently, where the witness's
    // wording is unattested between the same neighbours.
    let padded = work.padded_with(0, 0, "");
    for s in 0..chars.len() {
        for g in 1..=MAX_GAP {
            let e = s + g;
            if e > chars.len() || !work.untouched(s, e) || !chars[s..e].iter().all(|&c| is_cjk(c)) {
                continue;
            }
            // Padded offsets: +1.
            let (ps, pe) = (s + 1, e + 1);
            if ps < GAP_CONTEXT || pe + GAP_CONTEXT > padded.len() {
                continue;
            }
            let window: String = padded[ps - GAP_CONTEXT..pe + GAP_CONTEXT].iter().collect();
            if lm.count(&window) > 0 {
                continue;
            }
            let left = &padded[ps - GAP_CONTEXT..ps];
            let right = &padded[pe..pe + GAP_CONTEXT];
            for (filler, _) in lm.fillers(left, g, right) {
                if filler.chars().all(is_cjk) && odd_span(lm, &padded, ps, pe, &filler) {
                    pool.entry(s, e, &filler);
                }
            }
        }
    }
    // Related words for two-character witness words faithful texts never
    // write (次序 → 秩序, 功用 → 功能): the tool swapped near-synonyms.
    // Only whole words of the segmented text, and never a place name.
    for &(s, e) in &words {
        if e - s != 2 || !work.untouched(s, e) {
            continue;
        }
        let w = &chars[s..e];
        let word: String = w.iter().collect();
        if !w.iter().all(|&c| is_cjk(c)) || lm.count(&word) > 0 || protected.contains(&word) {
            continue;
        }
        for v in lm.related_words(w) {
            pool.entry(s, e, &v).related = true;
        }
    }
    // Synonyms of a witness word that faithful texts write (认真 → 仔细
    // reversed): the tool's substitutions are mostly thesaurus synonyms.
    if let Some(thesaurus) = thesaurus {
        for &(s, e) in &words {
            if e - s < 2 || !work.untouched(s, e) {
                continue;
            }
            let word: String = chars[s..e].iter().collect();
            if !chars[s..e].iter().all(|&c| is_cjk(c)) || protected.contains(&word) {
                continue;
            }
            for v in thesaurus.candidates(&word, |v| lm.count(v) > 0) {
                if v.chars().all(is_cjk) && !protected.contains(v) {
                    pool.entry(s, e, v);
                }
            }
        }
    }
    // A two-character word faithful texts never write, next to a word with
    // which a one-character variant of it forms a word of general Chinese
    // while it forms none itself (微观 + 调控 → 宏观调控).
    if let Some(lexicon) = lexicon {
        for k in 0..words.len() {
            let (s, e) = words[k];
            if e - s != 2 || !work.untouched(s, e) {
                continue;
            }
            let w: String = chars[s..e].iter().collect();
            if !chars[s..e].iter().all(|&c| is_cjk(c)) || lm.count(&w) > 0 || protected.contains(&w)
            {
                continue;
            }
            let neighbours = [
                k.checked_sub(1).map(|j| (words[j], true)),
                words.get(k + 1).map(|&r| (r, false)),
            ];
            for ((ns, ne), before) in neighbours.into_iter().flatten() {
                let n: String = chars[ns..ne].iter().collect();
                if ne - ns < 2 || !n.chars().all(is_cjk) {
                    continue;
                }
                let join = |x: &str| {
                    if before {
                        format!("{n}{x}")
                    } else {
                        format!("{x}{n}")
                    }
                };
                if lexicon.knows(&join(&w)) {
                    continue;
                }
                for i in 0..2 {
                    for &c in lm.characters() {
                        let mut v: Vec<char> = chars[s..e].to_vec();
                        if v[i] == c {
                            continue;
                        }
                        v[i] = c;
                        let v: String = v.into_iter().collect();
                        let compound = join(&v);
                        if lm.count(&v) > 0 && lexicon.knows(&compound) {
                            let cand = pool.entry(s, e, &v);
                            if cand.lexicon_word.is_none() {
                                cand.evidence.push(Evidence::Lexicon {
                                    word: compound.clone(),
                                });
                                cand.lexicon_word = Some(compound);
                            }
                        }
                    }
                }
            }
        }
    }
    // Context attestation and quote contradictions for every candidate.
    for c in &mut pool.items {
        c.odd = odd_span(lm, &padded, c.start + 1, c.end + 1, &c.text);
        let witness: Vec<char> = chars[c.start..c.end].to_vec();
        c.shared_chars = c.text.chars().filter(|ch| witness.contains(ch)).count();
        {
            let w: String = witness.iter().collect();
            let names = |x: &str| {
                protected.iter().any(|n| x.contains(n.as_str()))
                    || lexicon.is_some_and(|l| l.is_place_name(x))
            };
            c.names_place = names(&c.text) != names(&w);
        }
        c.witness_written = lm.count(&witness.iter().collect::<String>()) > 0;
        c.maps_elsewhere = pairs.maps_elsewhere(&c.text, &witness.iter().collect::<String>());
        // Only where the witness wording is a word of the general lexicon:
        // a non-word (造用 in 机制造用) is a break across a word boundary,
        // not the tool's swap of the wording for a synonym.
        c.survives = c.text.chars().count() >= 2
            && src.witness_document.contains(c.text.as_str())
            && lexicon.is_some_and(|l| l.knows(&witness.iter().collect::<String>()));
        if let Some(thesaurus) = thesaurus {
            let w: String = witness.iter().collect();
            c.synonym = thesaurus
                .candidates(&w, |v| lm.count(v) > 0)
                .contains(&c.text.as_str());
            let more_common = lexicon.is_some_and(|l| l.frequency(&c.text) > l.frequency(&w));
            c.synonym_class = synonym_class(lm.count(&w) > 0, more_common);
        }
        let (ps, pe) = (c.start + 1, c.end + 1);
        let len = c.text.chars().count();
        if ps >= GAP_CONTEXT && pe + GAP_CONTEXT <= padded.len() && len <= MAX_GAP {
            let left = &padded[ps - GAP_CONTEXT..ps];
            let right = &padded[pe..pe + GAP_CONTEXT];
            let witness: String = padded[ps..pe].iter().collect();
            let fillers = lm.fillers(left, len, right);
            let found = |w: &str| fillers.iter().find(|(f, _)| f == w).map_or(0, |(_, n)| *n);
            if found(&witness) == 0 {
                c.attested = found(&c.text);
            }
            if c.attested > 0 {
                c.evidence.push(Evidence::LanguageModel {
                    attested: c.attested as usize,
                    context_chars: GAP_CONTEXT,
                });
            }
        }
        for (ws, we, qi, quality) in &testimony.agreements {
            let (Some(s), Some(last)) = (work.current_of(*ws), work.current_of(we - 1)) else {
                continue;
            };
            // The agreement must reach beyond the candidate on both sides
            // (or to the text's edge) to confirm the witness wording here.
            let end = last + 1;
            let covers = s <= c.start
                && end >= c.end
                && (s < c.start || c.start == 0)
                && (end > c.end || c.end == chars.len());
            if covers {
                c.contradicted += quotes.sentences[*qi].weight * quality;
            }
        }
    }
    pool.items.retain(|c| {
        c.pair.is_some()
            || c.quoted > 0.0
            || c.attested > 0
            || (c.related && c.odd)
            || c.lexicon_word.is_some()
            || c.synonym
    });
    pool.items
}

/// True when the witness's wording at padded offsets `ps..pe` reads like
/// the tool's and `filler` like the faithful texts. The witness must write
/// a character pair that faithful texts never write — inside the changed
/// span (接壤, 钱银), or, for a one-character change, with a neighbour
/// (机制造用: 造用) — and the filler, with its neighbours, none. A gap
/// alone proves nothing: faithful texts put many common words between the
/// same neighbours (引领/基础, 开放/发展).
pub fn odd_span(lm: &CharLm, padded: &[char], ps: usize, pe: usize, filler: &str) -> bool {
    let unattested = |w: &[char]| {
        w.windows(2)
            .any(|p| is_cjk(p[0]) && is_cjk(p[1]) && lm.count(&p.iter().collect::<String>()) == 0)
    };
    let a = ps.saturating_sub(1).max(1);
    let b = (pe + 1).min(padded.len() - 1);
    let odd_witness = if pe - ps >= 2 {
        unattested(&padded[ps..pe])
    } else {
        unattested(&padded[a..b])
    };
    let restored: Vec<char> = padded[a..ps]
        .iter()
        .copied()
        .chain(filler.chars())
        .chain(padded[pe..b].iter().copied())
        .collect();
    odd_witness && !unattested(&restored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_offsets_skip_changed_characters() {
        let mut w = Working::new("甲乙丙丁戊");
        // Replace 乙丙 (1..3) with one new character.
        w.chars.splice(1..3, ['X']);
        w.origin.splice(1..3, [None]);
        assert_eq!(w.current_of(0), Some(0));
        assert_eq!(w.current_of(1), None);
        assert_eq!(w.current_of(3), Some(2));
        assert_eq!(w.current_of(4), Some(3));
        assert!(w.untouched(2, 4));
        assert!(!w.untouched(0, 2));
    }
}
