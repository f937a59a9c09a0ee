//! `policy-explorer`: the command line of policy-explorer. `main` only
//! parses arguments and dispatches; each subcommand group lives in its own
//! module (`corpus.rs` …) so new groups are one enum variant and one file.

mod cites;
mod compare;
mod corpus;
mod doc_source;
mod index;
mod search;
mod segment;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "policy-explorer",
    version,
    about = "Read, search and compare Chinese regional-development policy documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build, check or import into the normalized corpus.
    #[command(subcommand)]
    Corpus(corpus::CorpusCommand),
    /// Precompute the search index for a hosted build (`index shards --out DIR`).
    #[command(subcommand)]
    Index(index::IndexCommand),
    /// Cut stdin lines into words (same segmenter as the app), one line out per line in.
    Segment(segment::SegmentArgs),
    /// Search the corpus with the app's engine: words as in the search box
    /// (`search 对口支援 三州 -西藏`), filters, facets.
    Search(search::SearchArgs),
    /// Align the units of two documents (ids or raw text files): best counterparts with scores and relations.
    Align(compare::AlignArgs),
    /// Word- or character-level diff of two units (DOC:PATH) or whole documents (DOC); DOC may be a raw text file.
    Diff(compare::DiffArgs),
    /// The documents DOC cites (titles in 《》, document numbers), resolved to corpus documents; DOC may be a raw text file.
    Cites(cites::CitesArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(search::rewrite_exclusions(std::env::args_os().collect()));
    let result = match cli.command {
        Command::Corpus(cmd) => corpus::run(cmd),
        Command::Index(cmd) => index::run(cmd),
        Command::Segment(args) => segment::run(args),
        Command::Search(args) => search::run(args),
        Command::Align(args) => compare::run_align(args),
        Command::Diff(args) => compare::run_diff(args),
        Command::Cites(args) => cites::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
