//! `policy-explorer align` and `policy-explorer diff`: the compare view's
//! alignment and diffs on the command line, from the same core functions.

use crate::doc_source;
use crate::search::{find_corpus, load_corpus_file};
use anyhow::{bail, Context, Result};
use clap::Args;
use policy_core::compare::align::{align_documents, default_source, AlignOptions, Side};
use policy_core::compare::diff::{DiffChunk, DiffKind, Granularity};
use policy_core::compare::text_diff::{diff_texts, DiffOptions};
use policy_core::diffusion::binding::changes;
use policy_core::diffusion::fidelity::{document_fidelity, DocumentFidelity};
use policy_core::model::{Corpus, Document};
use policy_core::restoration::TextChoice;
use policy_core::script::SimplifiedConverter;
use policy_core::segment::Segmenter;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct AlignArgs {
    /// Document id of A (each of its units gets candidates in B), or a raw
    /// text file, imported on the fly like `corpus import`.
    a: String,
    /// Document id of B, or a raw text file.
    b: String,
    /// Print JSON: {"pairs": [{"a", "relation", "candidates": [{"b", "score", "relation", "evidence"}]}], "unmatched_b": [...], "text": "reading|witness", "summary": {...}};
    /// candidates best first, evidence = the key terms both units share;
    /// summary = the fidelity of the implementing document to the source
    /// (docs/diffusion.md).
    #[arg(long)]
    json: bool,
    /// Which document the other implements: a or b (default: the one of
    /// higher level — central, ministry, provincial — else b).
    #[arg(long, value_parser = ["a", "b"])]
    source: Option<String>,
    /// Compare the witness text of units that have a restored reading (by
    /// default their restored reading is compared).
    #[arg(long)]
    witness_text: bool,
    /// Corpus file (default: corpus/corpus.json found upwards from the current folder).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

#[derive(Args)]
pub struct DiffArgs {
    /// Old side: DOC or DOC:PATH (e.g. central-2018:2.4); DOC may be a raw
    /// text file, imported on the fly like `corpus import`.
    old: String,
    /// New side: DOC or DOC:PATH (DOC may be a raw text file).
    new: String,
    /// Character-level instead of word-level.
    #[arg(long)]
    chars: bool,
    /// Ignore punctuation and spaces.
    #[arg(long)]
    ignore_punctuation: bool,
    /// Ignore Traditional/Simplified differences.
    #[arg(long)]
    ignore_script: bool,
    /// Print JSON: {"ops": [{"op": "equal|insert|delete|replace", "old", "new"}],
    /// "changes": [{"kind": "strengthened|weakened|target", "old", "new"}]}
    /// (binding force and targets, docs/diffusion.md).
    #[arg(long)]
    json: bool,
    /// Diff the witness text of units that have a restored reading (by
    /// default their restored reading is diffed).
    #[arg(long)]
    witness_text: bool,
    /// Corpus file (default: corpus/corpus.json found upwards from the current folder).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

fn corpus(explicit: Option<PathBuf>) -> Result<Corpus> {
    let path = find_corpus(explicit)?
        .context("no corpus/corpus.json found here or above; pass --corpus")?;
    load_corpus_file(&path)
}

/// The id of `spec` in `corpus` (importing a raw text file if it is one).
fn resolve(corpus: &mut Corpus, spec: &str) -> Result<String> {
    doc_source::resolve(corpus, spec)?.with_context(|| unknown_doc(corpus, spec))
}

pub fn run_align(args: AlignArgs) -> Result<ExitCode> {
    let mut corpus = corpus(args.corpus)?;
    let a_id = resolve(&mut corpus, &args.a)?;
    let b_id = resolve(&mut corpus, &args.b)?;
    let a = corpus
        .document(&a_id)
        .with_context(|| unknown_doc(&corpus, &a_id))?;
    let b = corpus
        .document(&b_id)
        .with_context(|| unknown_doc(&corpus, &b_id))?;
    let source = match args.source.as_deref() {
        Some("a") => Side::A,
        Some(_) => Side::B,
        None => default_source(a, b),
    };
    let options = AlignOptions {
        source: Some(source),
        text: text_choice(args.witness_text),
        ..AlignOptions::default()
    };
    let alignment = align_documents(a, b, &options);
    note_restored(a, options.text);
    note_restored(b, options.text);
    let (central, local) = match source {
        Side::A => (a, b),
        Side::B => (b, a),
    };
    let fidelity = document_fidelity(central, local, &alignment, source, options.text);
    if args.json {
        let mut value = serde_json::to_value(&alignment)?;
        if let Some(map) = value.as_object_mut() {
            map.insert("summary".into(), summary_json(&fidelity)?);
        }
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(ExitCode::SUCCESS);
    }
    for pair in &alignment.pairs {
        let best = pair
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} ({:.3} {}: {})",
                    c.b,
                    c.score,
                    c.relation.id(),
                    c.evidence.join("、")
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        println!("{:<10} {:<23} {}", pair.a, pair.relation.id(), best);
    }
    println!("unmatched in {}: {}", b.id, alignment.unmatched_b.join(" "));
    let d = &fidelity.document.shares;
    println!(
        "fidelity of {} to {}: verbatim {:.3}, rewritten {:.3}, not carried {:.3}, uncertain {:.3}, no counterpart {:.3}; new in {}: {:.3}",
        local.id,
        central.id,
        d.verbatim,
        d.rewritten,
        d.not_carried,
        d.uncertain,
        d.no_counterpart,
        local.id,
        fidelity.local_side.new_share
    );
    Ok(ExitCode::SUCCESS)
}

/// The document-level figures of `fidelity` (without the per-unit rows).
fn summary_json(fidelity: &DocumentFidelity) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(fidelity)?;
    if let Some(map) = value.as_object_mut() {
        map.remove("units");
    }
    Ok(value)
}

pub fn run_diff(args: DiffArgs) -> Result<ExitCode> {
    let mut corpus = corpus(args.corpus)?;
    let choice = text_choice(args.witness_text);
    let old = side_text(&mut corpus, &args.old, choice)?;
    let new = side_text(&mut corpus, &args.new, choice)?;
    let options = DiffOptions {
        granularity: if args.chars {
            Granularity::Chars
        } else {
            Granularity::Words
        },
        ignore_punctuation: args.ignore_punctuation,
        ignore_script: args.ignore_script,
    };
    let segmenter = Segmenter::with_regions(&corpus.regions)?;
    let converter = SimplifiedConverter::new()?;
    let chunks = diff_texts(&old, &new, &options, &segmenter, Some(&converter));
    let changes = changes(&old, &new);
    if args.json {
        let value = serde_json::json!({ "ops": chunks, "changes": changes });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!("{}", render_inline(&chunks));
        for c in &changes {
            println!("{}: {} → {}", c.kind.id(), c.old, c.new);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn text_choice(witness_text: bool) -> TextChoice {
    if witness_text {
        TextChoice::Witness
    } else {
        TextChoice::Reading
    }
}

/// Says on stderr when restored readings take part, and how to compare
/// the witness text instead.
fn note_restored(doc: &Document, choice: TextChoice) {
    let restored = doc.units.iter().filter(|u| u.is_restored()).count();
    if restored > 0 && choice == TextChoice::Reading {
        eprintln!(
            "note: {restored} units of {} are compared by their restored reading (the machine-reworded witness text with --witness-text)",
            doc.id
        );
    }
}

/// The text of `DOC` (all units) or `DOC:PATH` (one unit), as chosen;
/// DOC may be a raw text file.
fn side_text(corpus: &mut Corpus, spec: &str, choice: TextChoice) -> Result<String> {
    let (doc_spec, path) = doc_source::split_unit_spec(spec);
    let doc_id = resolve(corpus, doc_spec)?;
    let doc = corpus
        .document(&doc_id)
        .with_context(|| unknown_doc(corpus, &doc_id))?;
    match path {
        None => {
            note_restored(doc, choice);
            Ok(doc
                .units
                .iter()
                .map(|u| u.text_for(choice))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Some(p) => match doc.unit(p) {
            Some(u) => {
                if u.is_restored() && choice == TextChoice::Reading {
                    eprintln!(
                        "note: {doc_id}:{p} is a restored reading{} (the machine-reworded witness text with --witness-text)",
                        if u.is_restoration_doubtful() { ", marked doubtful" } else { "" }
                    );
                }
                Ok(u.text_for(choice).to_string())
            }
            None => bail!("document {doc_id} has no unit {p:?}"),
        },
    }
}

fn unknown_doc(corpus: &Corpus, id: &str) -> String {
    let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    format!(
        "no document {id:?} in the corpus and no such file (known: {})",
        ids.join(", ")
    )
}

/// `[-deleted-]{+inserted+}` markup, as `git diff --word-diff` prints it.
fn render_inline(chunks: &[DiffChunk]) -> String {
    chunks
        .iter()
        .map(|c| match c.op {
            DiffKind::Equal => c.old.clone(),
            DiffKind::Insert => format!("{{+{}+}}", c.new),
            DiffKind::Delete => format!("[-{}-]", c.old),
            DiffKind::Replace => format!("[-{}-]{{+{}+}}", c.old, c.new),
        })
        .collect()
}
