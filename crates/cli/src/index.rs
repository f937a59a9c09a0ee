//! `policy-explorer index shards --out DIR [--corpus FILE]`: the search
//! index of the corpus, precomputed and split into the shard set a hosted
//! build serves (`search::ShardSet`, docs/search.md): a unit table, gram
//! shards fetched per query, and a manifest naming them.

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use policy_core::search::{SearchEngine, ShardSet};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::search::{find_corpus, load_corpus_file};

#[derive(Subcommand)]
pub enum IndexCommand {
    /// Write the search index as a shard set (manifest, unit table, gram shards) into DIR.
    Shards(ShardsArgs),
}

#[derive(Args)]
pub struct ShardsArgs {
    /// Folder to write into (created; files of an earlier set are left).
    #[arg(long)]
    out: PathBuf,
    /// Corpus file (default: corpus/corpus.json found upwards from the current folder).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

pub fn run(cmd: IndexCommand) -> Result<ExitCode> {
    match cmd {
        IndexCommand::Shards(args) => shards(args),
    }
}

fn shards(args: ShardsArgs) -> Result<ExitCode> {
    let path = find_corpus(args.corpus)?
        .context("no corpus/corpus.json found here or above; pass --corpus")?;
    let corpus = load_corpus_file(&path)?;
    let engine = SearchEngine::new(&corpus)?;
    let set = ShardSet::from_index(engine.index(), &corpus.regions)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let mut total = 0;
    for (name, bytes) in set.files() {
        total += bytes.len();
        let file = args.out.join(&name);
        std::fs::write(&file, &bytes).with_context(|| format!("writing {}", file.display()))?;
    }
    println!(
        "{}: {} units, unit table {} bytes, {} gram shards, {} bytes in all",
        set.manifest_name(),
        set.manifest.units,
        set.unit_table.len(),
        set.shards.len(),
        total
    );
    Ok(ExitCode::SUCCESS)
}
