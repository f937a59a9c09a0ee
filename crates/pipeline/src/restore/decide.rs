//! Scoring candidates and deciding which changes to make.
//!
//! Each candidate gets one score on a log-odds scale:
//!
//! * its prior — a learned pair's own reliability (`count / occurrences`
//!   as log-odds), or a fixed penalty for a wording no pair proposes;
//! * the context score — how much more likely the language model finds
//!   the text with the change than without (natural-log ratio over the
//!   changed characters and the few after them);
//! * the quotes — weight of the quoting sentences that word it this way,
//!   minus the weight of those that confirm the witness;
//! * attestation — a bonus growing with how often faithful texts fill the
//!   same context this way.
//!
//! Changes are made greedily, best first, re-scoring after each (two
//! neighbouring swaps, 推进构成 ← 推动形成, support each other through the
//! context), and only while the best score is above the threshold.

use super::candidates::{generate, Candidate, Sources, Working};
use super::lm::{CharLm, ORDER};
use policy_core::restoration::Doubt;

/// The knobs of the decision; the defaults are what the cross-validation
/// in `docs/restoration.md` measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Weight of the (capped) context score from the language model.
    pub lm_weight: f64,
    /// Weight of the testimony of quoting sentences.
    pub quote_weight: f64,
    /// Prior log-odds of a change no learned pair proposes.
    pub unlearned_prior: f64,
    /// Prior log-odds of a change a near-verbatim quote proposes (the tool
    /// changed roughly one word in eight).
    pub quote_prior: f64,
    /// Added to that prior when the wording shares no character with the
    /// witness's.
    pub unrelated_penalty: f64,
    /// A change no learned pair proposes is only considered where the
    /// witness wording is odd (see `candidates::odd_span`), or a quote at
    /// least this faithful proposes it.
    pub verbatim_quote: f64,
    /// The context score counts at most this much either way: the model
    /// has seen near-copies of many sentences (the provinces quote them),
    /// so its ratios run far beyond what one change is worth.
    pub context_cap: f64,
    /// Weight of how often the faithful texts attest the restored wording in context.
    pub attested_weight: f64,
    /// Changes are made when their score is above this.
    pub threshold: f64,
    /// A change scoring less than `threshold + doubt_margin`, or a rejected
    /// candidate scoring more than `threshold - doubt_margin`, makes the
    /// unit doubtful.
    pub doubt_margin: f64,
    /// Which sources are used (all by default; the evaluation switches
    /// them off one at a time).
    pub use_pairs: bool,
    /// Use quoting sentences as evidence.
    pub use_quotes: bool,
    /// Use the language model of the faithful texts as evidence.
    pub use_language_model: bool,
    /// Propose related words (sharing a character) for witness words the
    /// faithful texts never write.
    pub use_related_words: bool,
    /// Added to the score of a change whose wording forms a word of the
    /// general lexicon with its neighbour (where the witness's does not).
    pub lexicon_bonus: f64,
    /// Propose thesaurus synonyms of witness words, with the prior learned
    /// from the learning clauses.
    pub use_thesaurus: bool,
    /// Only propose synonyms of witness words the faithful texts never
    /// write.
    pub thesaurus_unattested_only: bool,
    /// Subtracted from the score of a candidate for which, besides the
    /// context, only the thesaurus speaks.
    pub synonym_margin: f64,
    /// Subtracted from the score of a learned pair whose reworded form the
    /// faithful texts also write (开展, 支撑: genuine words as well).
    pub ambiguous_pair_margin: f64,
    /// Never let evidence weaker than a learned pair or a near-verbatim
    /// quote turn a common word into a place name or a place name into a
    /// common word (the gazetteer's names, the general lexicon's `ns`
    /// words): the tool swapped common words.
    pub protect_names: bool,
    /// Never let evidence weaker than a learned pair or a near-verbatim
    /// quote restore a wording the reworded witness writes elsewhere.
    pub reject_survivors: bool,
    /// The same for learned pairs.
    pub reject_surviving_pairs: bool,
    /// Never let evidence weaker than a learned pair or a near-verbatim
    /// quote restore a wording a learned pair shows the tool replacing
    /// with something else.
    pub reject_mapped_elsewhere: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            lm_weight: 1.0,
            quote_weight: 2.5,
            unlearned_prior: -6.0,
            quote_prior: -2.0,
            unrelated_penalty: -3.0,
            verbatim_quote: 0.75,
            context_cap: 8.0,
            attested_weight: 1.0,
            threshold: 1.0,
            doubt_margin: 1.0,
            use_pairs: true,
            use_quotes: true,
            use_language_model: true,
            use_related_words: false,
            lexicon_bonus: 6.0,
            use_thesaurus: false,
            thesaurus_unattested_only: false,
            synonym_margin: 0.0,
            ambiguous_pair_margin: 0.0,
            protect_names: true,
            reject_survivors: true,
            reject_surviving_pairs: false,
            reject_mapped_elsewhere: true,
        }
    }
}

/// What the decision produced.
pub struct Outcome {
    /// The restored text.
    pub text: String,
    /// Witness char range, restored wording, score, context score, candidate.
    pub changes: Vec<(usize, usize, String, f64, f64, Candidate)>,
    /// Witness char range, wording, score of candidates not taken but close.
    pub near_misses: Vec<(usize, usize, String, f64)>,
}

fn context_score(work: &Working, c: &Candidate, lm: &CharLm) -> f64 {
    let before = work.padded_with(0, 0, "");
    let after = work.padded_with(c.start, c.end, &c.text);
    let len = c.text.chars().count();
    let tail = ORDER - 1;
    let old = lm.score_span(&before, c.start + 1, c.end + 1 + tail);
    let new = lm.score_span(&after, c.start + 1, c.start + 1 + len + tail);
    new - old
}

/// The score of a candidate in the current text.
pub fn score(work: &Working, c: &Candidate, src: &Sources<'_>, p: &Params) -> (f64, f64) {
    let lm = src.lm;
    let prior = match (&c.pair, p.use_pairs) {
        (Some(pair), true) => pair.log_odds(),
        _ => {
            let unlearned = if p.use_quotes && c.best_quote >= p.verbatim_quote {
                p.quote_prior
            } else if c.shared_chars == 0 {
                p.unlearned_prior + p.unrelated_penalty
            } else {
                p.unlearned_prior
            };
            if thesaurus_speaks(c, p) {
                unlearned.max(src.synonym_prior[c.synonym_class])
            } else {
                unlearned
            }
        }
    };
    let raw = if p.use_language_model {
        context_score(work, c, lm)
    } else {
        0.0
    };
    let ctx = raw.clamp(-p.context_cap, p.context_cap);
    let quotes = if p.use_quotes {
        c.quoted - c.contradicted
    } else {
        0.0
    };
    let attested = if p.use_language_model {
        (1.0 + c.attested as f64).ln()
            + if c.lexicon_word.is_some() {
                p.lexicon_bonus
            } else {
                0.0
            }
    } else {
        0.0
    };
    let thesaurus_only = thesaurus_speaks(c, p)
        && !(p.use_pairs && c.pair.is_some())
        && c.quoted <= 0.0
        && c.attested == 0
        && c.lexicon_word.is_none();
    let margin = if thesaurus_only {
        p.synonym_margin
    } else if p.use_pairs && c.pair.is_some() && c.witness_written {
        p.ambiguous_pair_margin
    } else {
        0.0
    };
    (
        prior + p.lm_weight * ctx + p.quote_weight * quotes + p.attested_weight * attested - margin,
        raw,
    )
}

/// True when the thesaurus speaks for the candidate under `p`.
fn thesaurus_speaks(c: &Candidate, p: &Params) -> bool {
    p.use_thesaurus && c.synonym && !(p.thesaurus_unattested_only && c.synonym_class >= 2)
}

fn usable(c: &Candidate, p: &Params) -> bool {
    if p.use_pairs && c.pair.is_some() {
        return !(p.reject_surviving_pairs && c.survives);
    }
    let quoted = p.use_quotes && c.quoted > 0.0;
    let verbatim = quoted && c.best_quote >= p.verbatim_quote;
    let attested = p.use_language_model && (c.attested > 0 || (c.related && p.use_related_words));
    let lexicon = p.use_language_model && c.lexicon_word.is_some();
    let against = (p.protect_names && c.names_place)
        || (p.reject_survivors && c.survives)
        || (p.reject_mapped_elsewhere && c.maps_elsewhere);
    if against && !verbatim {
        return false;
    }
    verbatim || lexicon || thesaurus_speaks(c, p) || ((quoted || attested) && c.odd)
}

/// Runs the decision on one witness text.
pub fn decide(witness: &str, src: &Sources<'_>, p: &Params) -> Outcome {
    let mut work = Working::new(witness);
    let mut changes = Vec::new();
    for _round in 0..4 {
        let mut pool: Vec<Candidate> = generate(&work, src)
            .into_iter()
            .filter(|c| usable(c, p))
            .collect();
        let mut accepted = false;
        loop {
            let best = pool
                .iter()
                .enumerate()
                .map(|(i, c)| (i, score(&work, c, src, p)))
                .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0));
            let Some((i, (s, ctx))) = best else { break };
            if s <= p.threshold {
                break;
            }
            let c = pool.swap_remove(i);
            let (ws, we) = (
                work.origin[c.start].unwrap_or(0),
                work.origin[c.end - 1].map_or(0, |o| o + 1),
            );
            let new: Vec<char> = c.text.chars().collect();
            let delta = new.len() as isize - (c.end - c.start) as isize;
            work.chars.splice(c.start..c.end, new.iter().copied());
            work.origin
                .splice(c.start..c.end, std::iter::repeat_n(None, new.len()));
            pool.retain(|o| o.end <= c.start || o.start >= c.end);
            for o in &mut pool {
                if o.start >= c.end {
                    o.start = (o.start as isize + delta) as usize;
                    o.end = (o.end as isize + delta) as usize;
                }
            }
            changes.push((ws, we, c.text.clone(), s, ctx, c));
            accepted = true;
        }
        if !accepted {
            break;
        }
    }
    // Close calls among the candidates left, for the doubt report.
    let mut near_misses = Vec::new();
    for c in generate(&work, src) {
        if !usable(&c, p) {
            continue;
        }
        let (s, _) = score(&work, &c, src, p);
        if s > p.threshold - p.doubt_margin {
            if let (Some(ws), Some(we)) = (work.origin[c.start], work.origin[c.end - 1]) {
                near_misses.push((ws, we + 1, c.text.clone(), s));
            }
        }
    }
    changes.sort_by_key(|c| c.0);
    Outcome {
        text: work.chars.iter().collect(),
        changes,
        near_misses,
    }
}

/// A change is weak when its score is close to the threshold, or when only
/// the language model (faithful texts, the general lexicon) speaks for it:
/// no learned pair and no quote.
pub fn weak(score: f64, c: &Candidate, p: &Params) -> bool {
    score < p.threshold + p.doubt_margin || (c.pair.is_none() && c.quoted <= 0.0)
}

/// Doubts of an outcome (character offsets converted by `to_byte`).
pub fn doubts(
    outcome: &Outcome,
    p: &Params,
    witness_byte: impl Fn(usize) -> usize,
    restored_span: impl Fn(usize) -> (usize, usize),
) -> Vec<Doubt> {
    let mut out = Vec::new();
    for (k, (_, _, _, s, _, c)) in outcome.changes.iter().enumerate() {
        if weak(*s, c, p) {
            let (start, end) = restored_span(k);
            out.push(Doubt::WeakChange { start, end });
        }
    }
    for (ws, we, text, s) in &outcome.near_misses {
        out.push(Doubt::RejectedCandidate {
            witness_start: witness_byte(*ws),
            witness_end: witness_byte(*we),
            candidate: text.clone(),
            score: (s * 1000.0).round() / 1000.0,
        });
    }
    out
}
