//! `policy-explorer cites DOC`: the documents a document cites, by title in
//! 《》 or by document number, resolved to corpus documents where the corpus
//! has them (`docs/diffusion.md`).

use crate::doc_source;
use crate::search::{find_corpus, load_corpus_file};
use anyhow::{Context, Result};
use clap::Args;
use policy_core::diffusion::citations::document_citations;
use policy_core::restoration::TextChoice;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CitesArgs {
    /// Document id, or a raw text file imported on the fly like `corpus import`.
    doc: String,
    /// Print JSON: {"cites": [{"title", "doc_number", "unit", "target"}]};
    /// target = the cited corpus document's id, or null.
    #[arg(long)]
    json: bool,
    /// Read the witness text of units that have a restored reading.
    #[arg(long)]
    witness_text: bool,
    /// Corpus file (default: corpus/corpus.json found upwards from the current folder).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

pub fn run(args: CitesArgs) -> Result<ExitCode> {
    let path = find_corpus(args.corpus)?
        .context("no corpus/corpus.json found here or above; pass --corpus")?;
    let mut corpus = load_corpus_file(&path)?;
    let id = doc_source::resolve(&mut corpus, &args.doc)?.with_context(|| {
        let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        format!(
            "no document {:?} in the corpus and no such file (known: {})",
            args.doc,
            ids.join(", ")
        )
    })?;
    let choice = if args.witness_text {
        TextChoice::Witness
    } else {
        TextChoice::Reading
    };
    let doc = corpus
        .document(&id)
        .context("the resolved document is in the corpus")?;
    // A raw file is resolved against the corpus documents, not itself.
    let others: Vec<_> = corpus
        .documents
        .iter()
        .filter(|d| d.id != id)
        .cloned()
        .collect();
    let cites = document_citations(doc, &others, choice);
    if args.json {
        let value = serde_json::json!({ "cites": cites });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        for c in &cites {
            println!(
                "{:<8} {} {} → {}",
                c.unit,
                c.title
                    .as_deref()
                    .map(|t| format!("《{t}》"))
                    .unwrap_or_default(),
                c.doc_number.as_deref().unwrap_or(""),
                c.target.as_deref().unwrap_or("(not in the corpus)")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
