//! `policy-explorer search [QUERY] [--region R]… [--mechanism M]… [--doc D]…
//! [--level L] [--year Y] [--json]`: the app's search engine on the
//! committed corpus.

use anyhow::{Context, Result};
use clap::Args;
use policy_core::model::{load_corpus, Corpus};
use policy_core::search::{SearchEngine, SearchRequest};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct SearchArgs {
    /// Query: terms (all must match), "quoted phrases", -excluded.
    query: Option<String>,
    /// Region id, Chinese name or alias (issued by or mentions); repeatable.
    #[arg(long)]
    region: Vec<String>,
    /// Mechanism id or Chinese name; repeatable.
    #[arg(long)]
    mechanism: Vec<String>,
    /// Document id; repeatable.
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
    let corpus = load_corpus_file(&path)?;
    let engine = SearchEngine::new(&corpus)?;
    let request = SearchRequest {
        query: args.query.clone().unwrap_or_default(),
        regions: args.region.clone(),
        mechanisms: args.mechanism.clone(),
        docs: args.doc.clone(),
        levels: args.level.clone().into_iter().collect(),
        years: args.year.clone().into_iter().collect(),
    };
    let results = engine.search(&request);
    for n in &results.notices {
        eprintln!("note: --{} {}: {}", n.param, n.value, n.message);
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
        text.push_str(&format!("{}\n", d.message));
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

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(text: &str) -> Result<ExitCode> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
