//! `policy-explorer segment`: stdin lines → words separated by single
//! spaces, cut by the same segmenter as the app (trimmed jieba dictionary,
//! policy lexicon and the corpus's region names).

use crate::search::{find_corpus, load_corpus_file};
use anyhow::Result;
use clap::Args;
use policy_core::segment::Segmenter;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct SegmentArgs {
    /// Corpus whose region names join the lexicon (default: corpus/corpus.json
    /// found upwards from the current folder).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

pub fn run(args: SegmentArgs) -> Result<ExitCode> {
    let segmenter = match find_corpus(args.corpus)? {
        Some(path) => Segmenter::with_regions(&load_corpus_file(&path)?.regions)?,
        None => {
            eprintln!("note: no corpus/corpus.json found; segmenting without gazetteer names");
            Segmenter::new()?
        }
    };
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line?;
        let written = writeln!(out, "{}", segmenter.words(&line).join(" "));
        if let Err(e) = written {
            // A closed pipe (`| head`) ends the output quietly.
            return if e.kind() == std::io::ErrorKind::BrokenPipe {
                Ok(ExitCode::SUCCESS)
            } else {
                Err(e.into())
            };
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
