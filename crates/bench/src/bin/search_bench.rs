//! Native half of the issue's performance benchmark, in one run:
//! * segmentation throughput: the app's segmenter vs jieba-rs with its stock
//!   dictionary (and Python `jieba` when `python3 -c "import jieba"` works)
//!   on the same text;
//! * query latency (median, p95, max) over a fixed set of queries typed
//!   keystroke by keystroke, on the corpus and on the corpus replicated 100×
//!   with light perturbation; "search + render" adds the KWIC lines of the
//!   first 50 hits, what the results list draws per keystroke;
//! * index build time and dictionary sizes.
//!
//! ```text
//! cargo run --release -p policy-bench --bin search_bench [-- CORPUS_JSON]
//! ```
//! Prints tables only: timing thresholds are not asserted anywhere.

use anyhow::{Context, Result};
use policy_bench::{gzip_len, repo_root};
use policy_core::model::{load_corpus, Corpus};
use policy_core::search::{SearchEngine, SearchRequest};
use policy_core::segment::Segmenter;
use std::time::{Duration, Instant};

/// The fixed query set: typical searches, T/S variants, partial words,
/// phrases, exclusions, and filter-only browsing.
fn query_set() -> Vec<SearchRequest> {
    let queries = [
        "区域协调发展",
        "横向生态补偿",
        "橫向生態補償",
        "协调发",
        "一带一路",
        "生态 补偿",
        "\"对口支援\"",
        "补偿 -横向",
        "机制",
        "产业 转移",
        "京津冀协同发展",
        "基本公共服务均等化",
        "飞地经济",
        "利益补偿机制",
    ];
    let mut out: Vec<SearchRequest> = Vec::new();
    for q in queries {
        // Every keystroke: each prefix of the query.
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            out.push(SearchRequest::with_query(
                chars[..n].iter().collect::<String>(),
            ));
        }
    }
    out.push(SearchRequest {
        mechanisms: vec!["compensation".into()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest {
        regions: vec!["sichuan".into()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest {
        query: "发展".into(),
        levels: vec!["provincial".into()],
        mechanisms: vec!["cooperation".into()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest::default());
    out
}

/// `copies` copies of the corpus; copy k > 0 has one character per unit
/// swapped for another, so copies are not byte-identical.
fn replicate(corpus: &Corpus, copies: usize) -> Corpus {
    const SWAPS: [char; 6] = ['之', '其', '和', '及', '与', '并'];
    let mut out = corpus.clone();
    out.documents.clear();
    for k in 0..copies {
        for doc in &corpus.documents {
            let mut d = doc.clone();
            if k > 0 {
                d.id = format!("{}~{k}", doc.id);
                for (i, unit) in d.units.iter_mut().enumerate() {
                    let n = unit.text.chars().count();
                    if n > 0 {
                        let at = (k * 13 + i * 7) % n;
                        unit.text = unit
                            .text
                            .chars()
                            .enumerate()
                            .map(|(j, c)| {
                                if j == at && c > '\u{4e00}' {
                                    SWAPS[(k + i) % SWAPS.len()]
                                } else {
                                    c
                                }
                            })
                            .collect();
                    }
                }
            }
            out.documents.push(d);
        }
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn latency_rows(label: &str, corpus: &Corpus) -> Result<()> {
    let units: usize = corpus.documents.iter().map(|d| d.units.len()).sum();
    let chars: usize = corpus
        .documents
        .iter()
        .flat_map(|d| &d.units)
        .map(|u| u.text.chars().count())
        .sum();
    let t = Instant::now();
    let engine = SearchEngine::new(corpus)?;
    let build = t.elapsed();
    let queries = query_set();
    let (mut search, mut render, mut full) = (Vec::new(), Vec::new(), Vec::new());
    let mut slowest: Vec<(Duration, String, usize)> = Vec::new();
    for _round in 0..3 {
        for q in &queries {
            // All hits (what an export needs).
            let t = Instant::now();
            std::hint::black_box(engine.search(q).total);
            full.push(t.elapsed());
            // Per keystroke: the first screen (50 hits) and its KWIC lines.
            let t = Instant::now();
            let r = engine.search_top(q, 50);
            let s = t.elapsed();
            slowest.push((s, format!("{q:?}"), r.total));
            let snippets: usize = r
                .hits
                .iter()
                .take(50)
                .map(|h| engine.snippet(h, 20).parts.len())
                .sum();
            std::hint::black_box(snippets);
            search.push(s);
            render.push(t.elapsed());
        }
    }
    search.sort();
    render.sort();
    full.sort();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    if std::env::var_os("SEARCH_BENCH_SLOWEST").is_some() {
        for (d, q, total) in slowest.iter().take(8) {
            eprintln!("slow: {:>8.2} ms  {total:>6} hits  {q}", ms(*d));
        }
    }
    println!(
        "| {label:<14} | {units:>6} | {chars:>9} | {:>9.0} | {:>6} | {:>7.2} | {:>7.2} | {:>7.2} | {:>7.2} | {:>7.2} | {:>7.2} | {:>7.2} |",
        ms(build),
        search.len(),
        ms(percentile(&search, 0.5)),
        ms(percentile(&search, 0.95)),
        ms(percentile(&render, 0.5)),
        ms(percentile(&render, 0.95)),
        ms(*render.last().unwrap_or(&Duration::ZERO)),
        ms(percentile(&full, 0.5)),
        ms(percentile(&full, 0.95)),
    );
    Ok(())
}

fn throughput(text: &str, cut: impl Fn(&str) -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut words = 0;
    for _ in 0..3 {
        let t = Instant::now();
        words = text.lines().map(&cut).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (text.len() as f64 / 1e6 / best, words)
}

fn python_jieba(text: &str) -> Option<f64> {
    let path = std::env::temp_dir().join("policy-bench-seg.txt");
    std::fs::write(&path, text).ok()?;
    let script = r#"
import sys, time, jieba
jieba.initialize()
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
size = sum(len(l.encode('utf-8')) + 1 for l in lines) - 1
best = 1e9
for _ in range(3):
    t = time.perf_counter()
    for l in lines:
        list(jieba.cut(l, HMM=True))
    best = min(best, time.perf_counter() - t)
print(size / 1e6 / best)
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

fn main() -> Result<()> {
    let path = std::env::args()
        .nth(1)
        .map(Into::into)
        .unwrap_or_else(|| repo_root().join("corpus/corpus.json"));
    let json =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let corpus = load_corpus(&json)?;

    // Segmentation throughput on the corpus text, repeated to ≥ 2 MB.
    let text = policy_bench::segmentation_text(&corpus);
    println!(
        "## Segmentation throughput ({:.1} MB of corpus text, best of 3)\n",
        text.len() as f64 / 1e6
    );
    println!("| segmenter                                   |   MB/s | words   |");
    println!("|---------------------------------------------|--------|---------|");
    let app = Segmenter::with_regions(&corpus.regions)?;
    let (app_speed, n) = throughput(&text, |l| app.segment(l).len());
    println!("| policy-explorer segmenter (native)          | {app_speed:>6.2} | {n:>7} |");
    let stock = jieba_rs::Jieba::new();
    let (stock_speed, n) = throughput(&text, |l| stock.cut(l, true).len());
    println!("| jieba-rs stock dictionary (native)          | {stock_speed:>6.2} | {n:>7} |");
    match python_jieba(&text) {
        Some(speed) => {
            println!("| Python jieba (HMM)                          | {speed:>6.2} |         |")
        }
        None => println!(
            "| Python jieba                                | not installed (pip install jieba) |"
        ),
    }
    println!(
        "| policy-explorer segmenter (wasm, Chromium)  | see `cargo xtask bench` (browser half) |"
    );

    println!("\n## Query latency (ms; {} requests × 3 rounds: every prefix of 14 queries + filter-only browsing)\n", query_set().len());
    println!("| corpus         |  units |     chars |  build ms |   runs | top-50  |     p95 | +render |     p95 |     max | all hits|     p95 |");
    println!("|----------------|--------|-----------|-----------|--------|---------|---------|---------|---------|---------|---------|---------|");
    latency_rows("1×", &corpus)?;
    latency_rows("100× perturbed", &replicate(&corpus, 100))?;

    println!("\n## Sizes\n");
    let dict = include_str!("../../../core/data/dict.txt");
    let lexicon = include_str!("../../../core/data/lexicon.txt");
    println!("| data                      |     raw |    gzip |");
    println!("|---------------------------|---------|---------|");
    println!(
        "| segmenter dictionary      | {:>7} | {:>7} |",
        dict.len(),
        gzip_len(dict.as_bytes())
    );
    println!(
        "| policy lexicon            | {:>7} | {:>7} |",
        lexicon.len(),
        gzip_len(lexicon.as_bytes())
    );
    println!(
        "| corpus.json               | {:>7} | {:>7} |",
        json.len(),
        gzip_len(json.as_bytes())
    );
    let dist = repo_root().join("dist");
    if let Ok(entries) = std::fs::read_dir(&dist) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "wasm" || x == "html") {
                let bytes = std::fs::read(&p)?;
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                println!(
                    "| dist/{name:<20} | {:>7} | {:>7} |",
                    bytes.len(),
                    gzip_len(&bytes)
                );
            }
        }
    } else {
        println!("| dist/ (app build)         | not built (cargo xtask dist) |");
    }
    Ok(())
}
