//! `policy-explorer search [WORD…] [--region R]… [--mechanism M]… [--doc D]…
//! [--level L] [--year Y] [--json]`: the app's search engine on the
//! committed corpus. The words form one query as typed into the app's
//! search box (`对口支援 三州 -西藏`); `--doc` also takes a raw text file.

use anyhow::{Context, Result};
use clap::Args;
use policy_core::model::{load_corpus, Corpus};
use policy_core::search::{
    FilterKind, FilterNotice, NoResults, NoResultsCause, SearchEngine, SearchRequest,
};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct SearchArgs {
    /// Query words, as typed into the search box: terms (all must match),
    /// "quoted phrases", -excluded (`对口支援 三州 -西藏`).
    query: Vec<String>,
    /// A word to exclude (the same as `-WORD` among the query words); repeatable.
    #[arg(long, value_name = "WORD")]
    exclude: Vec<String>,
    /// Region id, Chinese name or alias (issued by or mentions); repeatable.
    #[arg(long)]
    region: Vec<String>,
    /// Mechanism id or Chinese name; repeatable.
    #[arg(long)]
    mechanism: Vec<String>,
    /// Document id, or a raw text file imported on the fly; repeatable.
    #[arg(long)]
    doc: Vec<String>,
    /// central, ministry or provincial.
    #[arg(long)]
    level: Option<String>,
    /// Year of the document's date.
    #[arg(long)]
    year: Option<String>,
    /// Print JSON: {"total", "hits": [{"doc","path","heading","snippet","score","restoration"}], "facets"}.
    #[arg(long)]
    json: bool,
    /// KWIC window: characters either side of the match.
    #[arg(long, default_value_t = 20)]
    window: usize,
    /// Show at most this many hits (the total is always reported).
    #[arg(long)]
    limit: Option<usize>,
    /// Corpus file (default: corpus/corpus.json found upwards from the current folder).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

/// `--corpus`, or `corpus/corpus.json` in the current folder or above.
pub fn find_corpus(explicit: Option<PathBuf>) -> Result<Option<PathBuf>> {
    if explicit.is_some() {
        return Ok(explicit);
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    Ok(cwd
        .ancestors()
        .map(|d| d.join("corpus/corpus.json"))
        .find(|p| p.is_file()))
}

pub fn load_corpus_file(path: &Path) -> Result<Corpus> {
    let json =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    load_corpus(&json).with_context(|| format!("loading {}", path.display()))
}

pub fn run(args: SearchArgs) -> Result<ExitCode> {
    let path = find_corpus(args.corpus.clone())?
        .context("no corpus/corpus.json found here or above; pass --corpus")?;
    let mut corpus = load_corpus_file(&path)?;
    let mut docs = Vec::with_capacity(args.doc.len());
    for spec in &args.doc {
        // An unknown id stays as given: the engine reports it as a notice.
        docs.push(crate::doc_source::resolve(&mut corpus, spec)?.unwrap_or_else(|| spec.clone()));
    }
    let engine = SearchEngine::new(&corpus)?;
    let request = SearchRequest {
        query: query_of(&args.query, &args.exclude),
        regions: args.region.clone(),
        mechanisms: args.mechanism.clone(),
        docs,
        levels: args.level.clone().into_iter().collect(),
        years: args.year.clone().into_iter().collect(),
    };
    let results = engine.search(&request);
    for n in &results.notices {
        eprintln!("note: {}", describe_notice(n));
    }
    let limit = args.limit.unwrap_or(usize::MAX);
    if args.json {
        let hits: Vec<_> = results
            .hits
            .iter()
            .take(limit)
            .map(|h| {
                json!({
                    "doc": h.doc,
                    "path": h.path,
                    "heading": h.heading,
                    "snippet": engine.snippet(h, args.window).to_marked("【", "】"),
                    "score": (h.score * 1000.0).round() / 1000.0,
                    "restoration": engine.unit(h).and_then(|u| u.restoration),
                })
            })
            .collect();
        let mut out = json!({ "total": results.total, "hits": hits, "facets": results.facets });
        if let Some(d) = &results.diagnosis {
            out["diagnosis"] = json!(d);
        }
        if !results.notices.is_empty() {
            out["notices"] = json!(results.notices);
        }
        return emit(&format!("{}\n", serde_json::to_string_pretty(&out)?));
    }
    let mut text = format!("{} hits\n", results.total);
    if let Some(d) = &results.diagnosis {
        text.push_str(&format!("{}\n", describe_no_results(d, &request.query)));
    }
    let mut shown = 0;
    for group in &results.groups {
        if shown >= limit {
            break;
        }
        text.push_str(&format!(
            "\n{} — {} ({} hits)\n",
            group.doc,
            group.title,
            group.hits.len()
        ));
        for &i in &group.hits {
            if shown >= limit {
                break;
            }
            let hit = &results.hits[i];
            let via: Vec<String> = hit
                .region_matches
                .iter()
                .map(|m| match (m.issued_by, m.mentions) {
                    (true, true) => format!("issued by + mentions {}", m.region),
                    (true, false) => format!("issued by {}", m.region),
                    _ => format!("mentions {}", m.region),
                })
                .collect();
            let via = if via.is_empty() {
                String::new()
            } else {
                format!(" [{}]", via.join("; "))
            };
            let restored = match engine.unit(hit).and_then(|u| u.restoration) {
                Some(flag) => format!(" [{}]", flag.id()),
                None => String::new(),
            };
            text.push_str(&format!(
                "  {:<8} {:>7.3}  {}{via}{restored}\n",
                hit.path,
                hit.score,
                engine.snippet(hit, args.window).to_marked("【", "】")
            ));
            shown += 1;
        }
    }
    emit(&text)
}

/// The search-box query made of the command line's words and `--exclude`s.
fn query_of(words: &[String], excluded: &[String]) -> String {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.trim().is_empty())
        .map(str::to_string)
        .chain(
            excluded
                .iter()
                .filter(|w| !w.trim().is_empty())
                .map(|w| format!("-{}", w.trim())),
        )
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rewrites the arguments of a `search` command so that `-WORD` query
/// words (`-三州`, `-"对口 支援"`) are not taken for unknown flags: each
/// becomes `--exclude=WORD`. Every flag of `search` is a `--long` flag or
/// `-h`, so any other argument starting with a single `-` is a word. The
/// arguments of other commands pass through unchanged.
pub fn rewrite_exclusions(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let Some(search_at) = args
        .iter()
        .skip(1)
        .position(|a| !a.to_string_lossy().starts_with('-'))
        .map(|p| p + 1)
        .filter(|&p| args[p] == "search")
    else {
        return args;
    };
    let mut out = Vec::with_capacity(args.len());
    let mut escaped = false;
    for (i, arg) in args.into_iter().enumerate() {
        let text = arg.to_string_lossy();
        let word = (i > search_at && !escaped)
            .then(|| text.strip_prefix('-'))
            .flatten()
            .filter(|w| !w.is_empty() && !w.starts_with('-') && *w != "h");
        if let Some(w) = word {
            out.push(format!("--exclude={w}").into());
            continue;
        }
        if i > search_at && text == "--" {
            escaped = true;
        }
        out.push(arg);
    }
    out
}

/// An ignored filter value, in English: the core returns its kind and data.
pub fn describe_notice(notice: &FilterNotice) -> String {
    let problem = match notice.filter {
        FilterKind::Region => "unknown region",
        FilterKind::Mechanism => "unknown mechanism",
        FilterKind::Doc => "unknown document",
        FilterKind::Level => "not central, ministry or provincial",
        FilterKind::Year => "not a four-digit year",
    };
    format!(
        "--{} {}: {problem}, ignored",
        notice.filter.param(),
        notice.value
    )
}

/// Why nothing was found, in English.
pub fn describe_no_results(diagnosis: &NoResults, query: &str) -> String {
    match diagnosis.cause() {
        NoResultsCause::QueryMatchesNothing => format!("No unit matches the query “{query}”."),
        NoResultsCause::FilterExcludesAll {
            query_alone,
            filter,
        } => format!(
            "The query matches {query_alone} units, but none of them passes the {} filter.",
            filter.param()
        ),
        NoResultsCause::FiltersCombinedExcludeAll {
            query_alone,
            filter,
        } => format!(
            "The query matches {query_alone} units; each filter alone keeps some, but adding the {} filter to the ones before it leaves none.",
            filter.param()
        ),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> Result<ExitCode> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
