//! `policy-explorer corpus build | check | import FILE… | add FILE…`.

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use policy_core::ingest;
use policy_pipeline::add;
use policy_pipeline::opencc::OpenCcConverter;
use policy_pipeline::{
    build_corpus, check_corpus, paths, render_corpus, write_corpus, CheckOutcome,
    REGENERATE_COMMAND,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum CorpusCommand {
    /// Regenerate corpus/corpus.json from corpus/raw and corpus/manifest.toml.
    Build {
        /// Repository root (default: found upwards from the current folder).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Exit non-zero when corpus/corpus.json differs from a fresh build.
    Check {
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Run the pipeline on raw policy texts and print the normalized
    /// document as JSON: one object for one file, an array for several.
    /// Nothing is printed unless every file imports.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Record raw policy texts in corpus/manifest.toml (copied unchanged
    /// into corpus/raw/, with their provenance), then rebuild
    /// corpus/corpus.json so that `cargo xtask dist` bakes them into the
    /// offline single file. Nothing is written unless every file imports.
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        root: Option<PathBuf>,
        /// The date written in the provenance (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
    },
}

pub fn run(cmd: CorpusCommand) -> Result<ExitCode> {
    match cmd {
        CorpusCommand::Build { root } => build(&find_root(root)?),
        CorpusCommand::Check { root } => check(&find_root(root)?),
        CorpusCommand::Import { files } => import(&files),
        CorpusCommand::Add { files, root, date } => add(&find_root(root)?, &files, date),
    }
}

/// The repository root: `--root`, or the nearest folder upwards that has
/// `corpus/manifest.toml`.
fn find_root(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(root) = explicit {
        return Ok(root);
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    cwd.ancestors()
        .find(|d| d.join(paths::MANIFEST).is_file())
        .map(Path::to_path_buf)
        .with_context(|| {
            format!(
                "no {} found in {} or above; pass --root",
                paths::MANIFEST,
                cwd.display()
            )
        })
}

fn build(root: &Path) -> Result<ExitCode> {
    let corpus = build_corpus(root)
        .context("building the corpus failed; corpus/corpus.json was left unchanged")?;
    let json = render_corpus(&corpus)?;
    let path = root.join(paths::CORPUS);
    write_corpus(&path, &json)?;
    let units: usize = corpus.documents.iter().map(|d| d.units.len()).sum();
    eprintln!(
        "wrote {} ({} documents, {units} units, {} substitution pairs, {} bytes)",
        path.display(),
        corpus.documents.len(),
        corpus.substitutions.len(),
        json.len()
    );
    for d in &corpus.documents {
        if let Some(r) = d.restoration_summary() {
            eprintln!(
                "  {}: {} of {} units read as restored text ({} doubtful), {} changes ({} doubtful), {} of {} characters restored",
                d.id,
                r.restored_units,
                r.units,
                r.doubtful_units,
                r.changes,
                r.doubtful_changes,
                r.changed_chars,
                r.chars
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(root: &Path) -> Result<ExitCode> {
    match check_corpus(root)? {
        CheckOutcome::UpToDate => {
            eprintln!("{} is up to date", paths::CORPUS);
            Ok(ExitCode::SUCCESS)
        }
        CheckOutcome::Missing => {
            eprintln!(
                "{} is missing; regenerate it with `{REGENERATE_COMMAND}`",
                paths::CORPUS
            );
            Ok(ExitCode::FAILURE)
        }
        CheckOutcome::Drifted {
            first_difference_line,
        } => {
            eprintln!(
                "{} is out of date (first difference at line {first_difference_line}); regenerate it with `{REGENERATE_COMMAND}`",
                paths::CORPUS
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// A file's name (what its imported document is named after) and bytes.
fn read_named(file: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}

fn import(files: &[PathBuf]) -> Result<ExitCode> {
    let converter = OpenCcConverter::t2s()?;
    let mut out = Vec::new();
    for file in files {
        let (name, bytes) = read_named(file)?;
        let doc = crate::doc_source::decode_reporting(&bytes, &file.display().to_string())
            .and_then(|text| ingest::import_document(&text.text, &name, &converter))
            .with_context(|| format!("cannot import {}", file.display()))?;
        out.push(doc);
    }
    let json = match out.as_slice() {
        [] => bail!("no files given"),
        [doc] => serde_json::to_string_pretty(doc)?,
        docs => serde_json::to_string_pretty(docs)?,
    };
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

fn add(root: &Path, files: &[PathBuf], date: Option<String>) -> Result<ExitCode> {
    let converter = OpenCcConverter::t2s()?;
    let mut new_files = Vec::new();
    for file in files {
        let (name, bytes) = read_named(file)?;
        new_files.push(add::NewFile { name, bytes });
    }
    let date = date.unwrap_or_else(today_utc);
    let added = add::add_documents(root, &new_files, &converter, &date)
        .context("nothing was added; corpus/manifest.toml and corpus/raw were left unchanged")?;
    for a in &added {
        eprintln!("added {} ({}) as corpus/raw/{}", a.id, a.title, a.raw_file);
    }
    build(root)
}

/// Today's date in UTC as `YYYY-MM-DD` (civil-from-days, no time crate).
fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
