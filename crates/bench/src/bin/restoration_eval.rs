//! How well the restorer undoes the rewording tool, measured where the
//! truth is known.
//!
//! 26 clauses of the 2018 opinion are carried whole by both witnesses: the
//! faithful newspaper print and the machine-reworded copy. They are split
//! in two halves (alternating, in reading order). For each fold the
//! restorer learns on one half only — substitution pairs from that half's
//! two witnesses, the language model from every faithful text *except*
//! the held-out half's — and restores the reworded text of the other half,
//! which is then compared with its faithful text. Provincial documents
//! stay available as quoting witnesses in both folds: they are independent
//! texts, exactly what the restorer has for the clauses it restores for
//! real.
//!
//! Figures (summed over both folds):
//! * CER — character edit distance to the faithful text, divided by its
//!   length, of the reworded text before and of the restored text after;
//! * substitutions undone — word-level differences between the faithful and
//!   the reworded text (the tool's substitutions) whose faithful wording
//!   the restored text has again;
//! * wrong changes — changes the restorer made to text that was already
//!   right, per 1,000 characters; and changes made to a substitution that
//!   did not restore the faithful wording;
//! * reach — the most any choice among the candidates could undo: the
//!   substitutions undone, plus those left whose faithful wording a learned
//!   pair (then a thesaurus synonym) proposes.
//!
//! Rows switch the evidence sources on and off, so each one's share shows.
//! `--leave-one-out` prints the same rows with each clause restored by a
//! restorer that learned from the other 25: nearer the real restoration,
//! which learns from all 26, and still blind to the text it restores.

use policy_core::model::{load_corpus, Corpus, Document, SubstitutionPair};
use policy_core::restoration::RestorationAccuracy;
use policy_core::segment::Segmenter;
use policy_pipeline::restore::{
    own_faithful, own_fragments, provincial_quotes, thesaurus, Params, RestoreInputs, Restorer,
};
use policy_pipeline::substitutions::{changed_runs, learn_substitutions, AlignedText};
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// One clause both witnesses carry.
#[derive(Clone)]
struct Clause {
    path: String,
    kind: policy_core::model::UnitKind,
    faithful: String,
    reworded: String,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    chars: usize,
    edits_before: usize,
    edits_after: usize,
    substitutions: usize,
    undone: usize,
    changes: usize,
    correct_changes: usize,
    wrong_on_correct: usize,
    wrong_on_substitution: usize,
    units: usize,
    doubtful_units: usize,
    changes_in_confident_units: usize,
    wrong_in_confident_units: usize,
    /// Substitutions left, whose faithful wording a learned pair of the fold
    /// proposes (every changed word of the run is a learned pair).
    reachable_by_pairs: usize,
    /// Substitutions left, reachable only with the thesaurus's synonyms too.
    reachable_with_thesaurus: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.chars += o.chars;
        self.edits_before += o.edits_before;
        self.edits_after += o.edits_after;
        self.substitutions += o.substitutions;
        self.undone += o.undone;
        self.changes += o.changes;
        self.correct_changes += o.correct_changes;
        self.wrong_on_correct += o.wrong_on_correct;
        self.wrong_on_substitution += o.wrong_on_substitution;
        self.units += o.units;
        self.doubtful_units += o.doubtful_units;
        self.changes_in_confident_units += o.changes_in_confident_units;
        self.wrong_in_confident_units += o.wrong_in_confident_units;
        self.reachable_by_pairs += o.reachable_by_pairs;
        self.reachable_with_thesaurus += o.reachable_with_thesaurus;
    }
}

fn main() -> anyhow::Result<()> {
    let root = policy_bench::repo_root();
    let corpus = load_corpus(&std::fs::read_to_string(root.join("corpus/corpus.json"))?)?;
    let (doc_index, central) = corpus
        .documents
        .iter()
        .enumerate()
        .find(|(_, d)| d.id == "central-2018")
        .ok_or_else(|| anyhow::anyhow!("no central-2018"))?;
    let segmenter = Segmenter::with_regions(&corpus.regions)?;
    let thesaurus_path = root.join(thesaurus::DEFAULT_PATH);
    let thesaurus = match thesaurus::Thesaurus::load(&thesaurus_path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!(
                "{e} ({}); the rows with the thesaurus are left out — run `cargo xtask setup`",
                thesaurus_path.display()
            );
            None
        }
    };
    let th = thesaurus.as_ref();
    let clauses: Vec<Clause> = central
        .witness_readings
        .iter()
        .filter(|r| !r.partial)
        .filter_map(|r| {
            let unit = central.unit(r.path.as_str())?;
            (!unit.provenance.reworded).then(|| Clause {
                path: r.path.to_string(),
                kind: unit.kind,
                faithful: unit.text.clone(),
                reworded: r.text.clone(),
            })
        })
        .collect();
    // `--verbose N`: list every change of row N (0 = all sources).
    let args: Vec<String> = std::env::args().collect();
    let verbose_row: Option<usize> = args
        .iter()
        .position(|a| a == "--verbose")
        .map(|i| args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(0));
    let leave_one_out = args.iter().any(|a| a == "--leave-one-out");
    let scheme = if leave_one_out {
        "leave-one-out (learn on the other clauses, restore one)"
    } else {
        "two-fold cross-validation (learn on one half, restore the other)"
    };
    println!(
        "Restoration of central-2018: {} clauses carried by both witnesses, {scheme}; \
         the language model never sees the held-out faithful text\n",
        clauses.len()
    );
    println!("| evidence | chars | CER before | CER after | substitutions | undone | share undone | changes made | correct | wrong on correct words | per 1,000 chars | wrong on substitutions | doubtful units |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let all = Params::default();
    let eval = Evaluation {
        corpus: &corpus,
        doc_index,
        central,
        clauses: &clauses,
        segmenter: &segmenter,
        thesaurus: th,
    };
    let configs: [(&str, Params); 5] = [
        ("all three sources", all),
        (
            "pairs only",
            Params {
                use_quotes: false,
                use_language_model: false,
                ..all
            },
        ),
        (
            "pairs + language model",
            Params {
                use_quotes: false,
                ..all
            },
        ),
        (
            "pairs + quotes",
            Params {
                use_language_model: false,
                ..all
            },
        ),
        (
            "quotes + language model (no pairs)",
            Params {
                use_pairs: false,
                ..all
            },
        ),
    ];
    if args.iter().any(|a| a == "--variants") {
        // New evidence tried against the default (one row each; the table
        // in docs/restoration.md records them).
        let thesaurus = Params {
            use_thesaurus: true,
            ..all
        };
        let variants: [(&str, Params); 9] = [
            ("default", all),
            (
                "previous default (none of the three rules)",
                Params {
                    protect_names: false,
                    reject_survivors: false,
                    reject_mapped_elsewhere: false,
                    ..all
                },
            ),
            (
                "without the name rule",
                Params {
                    protect_names: false,
                    ..all
                },
            ),
            (
                "without the survivor rule",
                Params {
                    reject_survivors: false,
                    ..all
                },
            ),
            (
                "without the one-replacement rule",
                Params {
                    reject_mapped_elsewhere: false,
                    ..all
                },
            ),
            (
                "survivor rule applied to learned pairs too",
                Params {
                    reject_surviving_pairs: true,
                    ..all
                },
            ),
            ("+ thesaurus synonyms (learned priors)", thesaurus),
            (
                "+ thesaurus synonyms of words faithful texts never write",
                Params {
                    thesaurus_unattested_only: true,
                    ..thesaurus
                },
            ),
            (
                "+ thesaurus, none of the three rules",
                Params {
                    protect_names: false,
                    reject_survivors: false,
                    reject_mapped_elsewhere: false,
                    ..thesaurus
                },
            ),
        ];
        for (name, p) in variants {
            print_row(name, &eval.cross_validate(p, verbose_row.is_some()));
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--nested") {
        // A margin chosen inside each learning half (two inner folds; the
        // outer held-out half's faithful text stays hidden), then measured
        // once on the outer held-out half. The margin maximises correct
        // minus wrong changes: a change is worth making when it is more
        // likely right than wrong. "None" (the knob off) is a choice too.
        eval.nested(
            "thesaurus, margin chosen inside each learning half",
            &[
                None,
                Some(0.0),
                Some(2.0),
                Some(4.0),
                Some(6.0),
                Some(8.0),
                Some(10.0),
            ],
            |m| match m {
                None => all,
                Some(synonym_margin) => Params {
                    use_thesaurus: true,
                    synonym_margin,
                    ..all
                },
            },
        );
        eval.nested(
            "margin on pairs whose reworded form faithful texts write, chosen inside each learning half",
            &[None, Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(6.0)],
            |m| Params {
                ambiguous_pair_margin: m.unwrap_or(0.0),
                ..all
            },
        );
        return Ok(());
    }
    if leave_one_out {
        // The same rows, each clause restored by a restorer that learned
        // from the other 25 (the real restoration learns from all 26).
        let mut headline = Tally::default();
        for (k, (name, params)) in configs.iter().enumerate() {
            let total = eval.leave_one_out(*params);
            if k == 0 {
                headline = total;
            }
            print_row(name, &total);
        }
        println!();
        print_reach(&headline, th.is_some());
        return Ok(());
    }
    if args.iter().any(|a| a == "--sweep") {
        // Calibration grid (prints one row per setting; not part of the bench).
        for unlearned_prior in [-3.0, -6.0, -9.0] {
            for context_cap in [6.0, 8.0, 12.0] {
                for threshold in [0.0, 1.0, 2.0] {
                    let p = Params {
                        unlearned_prior,
                        context_cap,
                        threshold,
                        ..Params::default()
                    };
                    let total = eval.cross_validate(p, false);
                    print_row(
                        &format!("prior {unlearned_prior} cap {context_cap} threshold {threshold}"),
                        &total,
                    );
                }
            }
        }
        return Ok(());
    }
    let mut headline = Tally::default();
    for (k, (name, params)) in configs.iter().enumerate() {
        let total = eval.cross_validate(*params, verbose_row == Some(k));
        if k == 0 {
            headline = total;
        }
        print_row(name, &total);
    }
    let t = headline;
    println!(
        "\nWith all three sources: {:.1}% of substitutions undone (goal ≥ 85%), {:.2} correct words wrongly changed per 1,000 characters (goal < 1); \
         {} of {} held-out clauses flagged doubtful; in the clauses not flagged, {} changes of which {} wrong.",
        pct(t.undone, t.substitutions),
        per_mille(t.wrong_on_correct, t.chars),
        t.doubtful_units,
        t.units,
        t.changes_in_confident_units,
        t.wrong_in_confident_units
    );
    print_reach(&t, th.is_some());
    write_accuracy(&root, &t)?;
    Ok(())
}

/// What every evaluation runs on: the corpus, the clauses both witnesses
/// carry, and the segmenter and thesaurus the restorer may use.
struct Evaluation<'a> {
    corpus: &'a Corpus,
    doc_index: usize,
    central: &'a Document,
    clauses: &'a [Clause],
    segmenter: &'a Segmenter,
    thesaurus: Option<&'a thesaurus::Thesaurus>,
}

impl Evaluation<'_> {
    /// One fold of the two-fold cross-validation over `clauses`: fold `f`
    /// learns from the clauses `i % 2 == f` and restores the others.
    fn fold(
        &self,
        clauses: &[Clause],
        fold: usize,
        params: Params,
        verbose: bool,
        hidden: &[&str],
    ) -> Tally {
        self.fold_of(
            clauses,
            Fold {
                index: 1 - fold,
                of: 2,
            },
            params,
            verbose,
            hidden,
        )
    }

    /// Every shared clause restored once, each by a restorer that learned
    /// from all the others: the closest measure of the real restoration
    /// (which learns from all 26) that still never sees the text it restores.
    fn leave_one_out(&self, params: Params) -> Tally {
        let mut total = Tally::default();
        for index in 0..self.clauses.len() {
            let fold = Fold {
                index,
                of: self.clauses.len(),
            };
            total += self.fold_of(self.clauses, fold, params, false, &[]);
        }
        total
    }

    fn fold_of(
        &self,
        clauses: &[Clause],
        fold: Fold,
        params: Params,
        verbose: bool,
        hidden: &[&str],
    ) -> Tally {
        run_fold(
            self.corpus,
            self.doc_index,
            self.central,
            clauses,
            self.segmenter,
            self.thesaurus,
            fold,
            params,
            verbose,
            hidden,
        )
    }

    /// Both folds over every shared clause, summed.
    fn cross_validate(&self, params: Params, verbose: bool) -> Tally {
        let mut total = Tally::default();
        for fold in 0..2 {
            total += self.fold(self.clauses, fold, params, verbose, &[]);
        }
        total
    }

    /// A setting chosen inside each learning half (two inner folds; the
    /// outer held-out half's faithful text stays hidden), then measured once
    /// on the outer held-out half.
    fn nested(&self, name: &str, grid: &[Option<f64>], with: impl Fn(Option<f64>) -> Params) {
        let mut total = Tally::default();
        for fold in 0..2 {
            let learning: Vec<Clause> = self
                .clauses
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 2 == fold)
                .map(|(_, c)| c.clone())
                .collect();
            let hidden: Vec<&str> = self
                .clauses
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 2 != fold)
                .map(|(_, c)| c.path.as_str())
                .collect();
            let mut best: Option<(i64, Option<f64>)> = None;
            for &m in grid {
                let mut inner = Tally::default();
                for inner_fold in 0..2 {
                    inner += self.fold(&learning, inner_fold, with(m), false, &hidden);
                }
                let wrong = inner.wrong_on_correct + inner.wrong_on_substitution;
                let net = inner.correct_changes as i64 - wrong as i64;
                println!(
                    "  fold {fold}, {m:?}: inner undone {}/{}, {} correct, {wrong} wrong, net {net}",
                    inner.undone, inner.substitutions, inner.correct_changes,
                );
                if best.is_none_or(|(b, _)| net > b) {
                    best = Some((net, m));
                }
            }
            let chosen = best.and_then(|(_, m)| m);
            println!("  fold {fold}: chosen {chosen:?}");
            total += self.fold(self.clauses, fold, with(chosen), false, &[]);
        }
        print_row(name, &total);
    }
}

/// Where the app reads the measured accuracy from (it tells readers of a
/// restored reading how far to trust it).
const ACCURACY_FILE: &str = "corpus/eval/restoration-accuracy.json";

/// Writes the headline figures for the app; leaves the file alone when
/// they have not changed.
fn write_accuracy(root: &std::path::Path, t: &Tally) -> anyhow::Result<()> {
    let accuracy = RestorationAccuracy {
        clauses: t.units,
        chars: t.chars,
        substitutions: t.substitutions,
        undone: t.undone,
        wrongly_changed: t.wrong_on_correct,
        confident_changes: t.changes_in_confident_units,
        confident_wrong: t.wrong_in_confident_units,
    };
    let path = root.join(ACCURACY_FILE);
    let json = serde_json::to_string_pretty(&accuracy)? + "\n";
    if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
        std::fs::write(&path, json)?;
        println!("(written into {ACCURACY_FILE})");
    }
    Ok(())
}

/// How many substitutions any choice among the candidates could undo: what
/// the restorer undid, plus those left whose faithful wording a learned
/// pair (then a thesaurus synonym) proposes. Other sources (quotes, the
/// language model's own proposals) count only where they did undo one.
fn print_reach(t: &Tally, with_thesaurus: bool) {
    let by_pairs = t.undone + t.reachable_by_pairs;
    println!(
        "Reach of the candidates: undone {} + left but proposed by a learned pair {} = {by_pairs} = {:.1}% at most with a perfect choice",
        t.undone,
        t.reachable_by_pairs,
        pct(by_pairs, t.substitutions)
    );
    if with_thesaurus {
        let with = by_pairs + t.reachable_with_thesaurus;
        println!(
            "  + left but a thesaurus synonym {} = {with} = {:.1}% at most; {} substitutions no candidate reaches",
            t.reachable_with_thesaurus,
            pct(with, t.substitutions),
            t.substitutions - with
        );
    }
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

fn per_mille(a: usize, chars: usize) -> f64 {
    1000.0 * a as f64 / chars.max(1) as f64
}

fn print_row(name: &str, t: &Tally) {
    println!(
        "| {name} | {} | {:.2}% | {:.2}% | {} | {} | {:.1}% | {} | {} | {} | {:.2} | {} | {}/{} |",
        t.chars,
        pct(t.edits_before, t.chars),
        pct(t.edits_after, t.chars),
        t.substitutions,
        t.undone,
        pct(t.undone, t.substitutions),
        t.changes,
        t.correct_changes,
        t.wrong_on_correct,
        per_mille(t.wrong_on_correct, t.chars),
        t.wrong_on_substitution,
        t.doubtful_units,
        t.units,
    );
}

/// Fold `index` of `of`: clause `i` is held out when `i % of == index`,
/// the others are learned from.
#[derive(Clone, Copy)]
struct Fold {
    index: usize,
    of: usize,
}

#[allow(clippy::too_many_arguments)]
fn run_fold(
    corpus: &Corpus,
    doc_index: usize,
    central: &Document,
    clauses: &[Clause],
    segmenter: &Segmenter,
    thesaurus: Option<&thesaurus::Thesaurus>,
    fold: Fold,
    params: Params,
    verbose: bool,
    hidden: &[&str],
) -> Tally {
    type Half<'a> = Vec<(usize, &'a Clause)>;
    let (learn, test): (Half, Half) = clauses
        .iter()
        .enumerate()
        .partition(|(i, _)| i % fold.of != fold.index);
    let texts: Vec<AlignedText> = learn
        .iter()
        .map(|(_, c)| AlignedText {
            path: &c.path,
            original: &c.faithful,
            reworded: &c.reworded,
        })
        .collect();
    let pairs: Vec<SubstitutionPair> = learn_substitutions(segmenter, &texts);
    // `hidden`: clauses whose faithful text this run must not see either
    // (the outer held-out half, when calibrating inside the learning half).
    let held_out: Vec<&str> = test
        .iter()
        .map(|(_, c)| c.path.as_str())
        .chain(hidden.iter().copied())
        .collect();
    // Faithful text for the language model: every document's, minus the
    // held-out clauses (and minus the reworded-only units, which have none).
    let mut faithful: Vec<&str> = corpus
        .documents
        .iter()
        .flat_map(|d| d.units.iter().map(move |u| (d, u)))
        .filter(|(d, u)| {
            let held = d.id == central.id && held_out.contains(&u.path.as_str());
            !(u.provenance.reworded || held)
        })
        .map(|(_, u)| u.text.as_str())
        .collect();
    faithful.extend(
        central
            .witness_readings
            .iter()
            .filter(|r| r.partial)
            .map(|r| r.text.as_str()),
    );
    // The document as the restorer sees it: held-out clauses in their
    // reworded wording.
    let document_units: Vec<(String, String)> = central
        .units
        .iter()
        .map(|u| {
            let text = if held_out.contains(&u.path.as_str()) {
                central
                    .witness_readings
                    .iter()
                    .find(|r| !r.partial && r.path == u.path)
                    .map_or(u.text.clone(), |r| r.text.clone())
            } else {
                u.text.clone()
            };
            (u.path.0.clone(), text)
        })
        .collect();
    let mut quote_sources = provincial_quotes(corpus, doc_index);
    quote_sources.extend(own_fragments(central));
    quote_sources.extend(own_faithful(central, &held_out));
    // The reworded witness as the restorer has it: every unit it carries.
    let witness_texts: Vec<&str> = central
        .units
        .iter()
        .filter(|u| u.provenance.reworded)
        .map(|u| u.text.as_str())
        .chain(
            central
                .witness_readings
                .iter()
                .filter(|r| !r.partial)
                .map(|r| r.text.as_str()),
        )
        .collect();
    let restorer = Restorer::new(
        RestoreInputs {
            pairs: &pairs,
            learning_reworded: learn.iter().map(|(_, c)| c.reworded.as_str()).collect(),
            faithful,
            quote_sources,
            document_units,
            regions: &corpus.regions,
            thesaurus,
            witness_texts,
        },
        params,
    )
    .expect("segmenter loads");
    let candidates = Candidates {
        pairs: &pairs,
        thesaurus,
    };
    let mut tally = Tally::default();
    for (_, c) in &test {
        let reading = restorer.restore(&c.path, c.kind, None, &c.reworded);
        let t = measure(
            segmenter,
            c,
            &reading.text,
            &reading.changes,
            candidates,
            verbose,
        );
        if verbose {
            for ch in &reading.changes {
                let verdict = classify(c, &reading.text, ch);
                println!(
                    "  {} {:>6} {} → {} ({:.2}, ctx {:.2}) {}",
                    c.path,
                    verdict,
                    ch.witness,
                    ch.restored,
                    ch.score,
                    ch.context_score,
                    ch.evidence
                        .iter()
                        .map(evidence_tag)
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
        let mut t = t;
        t.units = 1;
        if reading.doubtful {
            t.doubtful_units = 1;
        } else {
            t.changes_in_confident_units = t.changes;
            t.wrong_in_confident_units = t.wrong_on_correct + t.wrong_on_substitution;
        }
        tally += t;
    }
    tally
}

fn evidence_tag(e: &policy_core::restoration::Evidence) -> String {
    use policy_core::restoration::Evidence::*;
    match e {
        LearnedPair {
            count, occurrences, ..
        } => format!("pair{count}/{occurrences}"),
        Quote { doc, path, .. } => format!("quote:{doc}:{path}"),
        LanguageModel { attested, .. } => format!("lm{attested}"),
        Lexicon { word } => format!("lex:{word}"),
    }
}

/// For each character of `a`: the index of the equal character of `b`, if
/// the character diff aligns one.
fn char_map(a: &[char], b: &[char]) -> Vec<Option<usize>> {
    let mut map = vec![None; a.len()];
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in o.zip(n) {
                map[i] = Some(j);
            }
        }
    }
    map
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Verdict on one change: `ok` (restores the faithful wording), `wrong`
/// (changed a correct word), `miss` (changed a substitution, but not to the
/// faithful wording).
fn classify(
    c: &Clause,
    restored: &str,
    ch: &policy_core::restoration::RestoredChange,
) -> &'static str {
    let faithful: Vec<char> = c.faithful.chars().collect();
    let reworded: Vec<char> = c.reworded.chars().collect();
    let restored_chars: Vec<char> = restored.chars().collect();
    let rw_map = char_map(&reworded, &faithful);
    let rs_map = char_map(&restored_chars, &faithful);
    let ws = c.reworded[..ch.witness_start].chars().count();
    let we = c.reworded[..ch.witness_end].chars().count();
    let rs = restored[..ch.start].chars().count();
    let re = restored[..ch.end].chars().count();
    if rw_map[ws..we].iter().all(Option::is_some) {
        "wrong"
    } else if rs_map[rs..re].iter().all(Option::is_some) {
        "ok"
    } else {
        "miss"
    }
}

fn measure(
    segmenter: &Segmenter,
    c: &Clause,
    restored: &str,
    changes: &[policy_core::restoration::RestoredChange],
    candidates: Candidates,
    verbose: bool,
) -> Tally {
    let faithful: Vec<char> = c.faithful.chars().collect();
    let reworded: Vec<char> = c.reworded.chars().collect();
    let restored_chars: Vec<char> = restored.chars().collect();
    let mut t = Tally {
        chars: faithful.len(),
        edits_before: levenshtein(&reworded, &faithful),
        edits_after: levenshtein(&restored_chars, &faithful),
        ..Tally::default()
    };
    let restored_map = char_map(&faithful, &restored_chars);
    for hunk in substitutions(segmenter, c) {
        t.substitutions += 1;
        let (at, len) = (hunk.at, hunk.old.concat().chars().count());
        let undone = if len > 0 {
            restored_map[at..at + len].iter().all(Option::is_some)
        } else {
            // An insertion is undone when the faithful neighbours are
            // adjacent again in the restored text.
            at > 0
                && at < faithful.len()
                && matches!((restored_map[at - 1], restored_map[at]), (Some(x), Some(y)) if y == x + 1)
        };
        let reach = if undone {
            Reach::Undone
        } else {
            hunk.reach(candidates)
        };
        match reach {
            Reach::Undone => t.undone += 1,
            Reach::Pairs => t.reachable_by_pairs += 1,
            Reach::Thesaurus => t.reachable_with_thesaurus += 1,
            Reach::Neither => {}
        }
        if !undone && verbose {
            println!(
                "  {} left: {} → {}",
                c.path,
                hunk.old.concat(),
                hunk.new.concat()
            );
        }
    }
    for ch in changes {
        t.changes += 1;
        match classify(c, restored, ch) {
            "ok" => t.correct_changes += 1,
            "wrong" => t.wrong_on_correct += 1,
            _ => t.wrong_on_substitution += 1,
        }
    }
    t
}

/// One of the tool's substitutions: a word-level changed run of a clause
/// (adjacent changed tokens merged).
struct Hunk {
    /// Where it starts, in faithful characters.
    at: usize,
    /// The faithful tokens.
    old: Vec<String>,
    /// The reworded tokens.
    new: Vec<String>,
}

/// Where the restorer's candidates could come from, for one fold: the
/// pairs it learned and the thesaurus (when installed).
#[derive(Clone, Copy)]
struct Candidates<'a> {
    pairs: &'a [SubstitutionPair],
    thesaurus: Option<&'a thesaurus::Thesaurus>,
}

/// How far the candidates reach for one substitution.
enum Reach {
    /// The restorer undid it.
    Undone,
    /// Left, but learned pairs propose the faithful wording.
    Pairs,
    /// Left, and only with thesaurus synonyms among the candidates.
    Thesaurus,
    /// Left, and neither proposes it.
    Neither,
}

impl Hunk {
    /// Could a perfect choice among the candidates undo this run? Either
    /// the whole run is one known change, or the runs have as many words
    /// and each changed word is one.
    fn reach(&self, candidates: Candidates) -> Reach {
        let known = |old: &str, new: &str, with_thesaurus: bool| {
            old == new
                || candidates
                    .pairs
                    .iter()
                    .any(|p| p.original == old && p.reworded == new)
                || (with_thesaurus && candidates.thesaurus.is_some_and(|t| t.synonyms(old, new)))
        };
        let covered = |with_thesaurus: bool| {
            known(&self.old.concat(), &self.new.concat(), with_thesaurus)
                || (self.old.len() == self.new.len()
                    && self
                        .old
                        .iter()
                        .zip(&self.new)
                        .all(|(o, n)| known(o, n, with_thesaurus)))
        };
        if covered(false) {
            Reach::Pairs
        } else if covered(true) {
            Reach::Thesaurus
        } else {
            Reach::Neither
        }
    }
}

/// The tool's substitutions in a clause: the changed runs of the word diff
/// of its faithful and reworded texts that carry a letter or digit.
fn substitutions(segmenter: &Segmenter, c: &Clause) -> Vec<Hunk> {
    let old_tokens = segmenter.tokens(&c.faithful);
    let new_tokens = segmenter.tokens(&c.reworded);
    let owned = |tokens: &[&str]| tokens.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    changed_runs(&old_tokens, &new_tokens)
        .into_iter()
        .map(|(old, new)| Hunk {
            at: old_tokens[..old.start]
                .iter()
                .map(|t| t.chars().count())
                .sum(),
            old: owned(&old_tokens[old]),
            new: owned(&new_tokens[new]),
        })
        .filter(|h| {
            h.old
                .iter()
                .chain(&h.new)
                .flat_map(|t| t.chars())
                .any(char::is_alphanumeric)
        })
        .collect()
}
