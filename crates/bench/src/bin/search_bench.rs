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
use policy_bench_workload::{keystroke, query_set, replicate};
use policy_core::model::{load_corpus, Corpus};
use policy_core::search::SearchEngine;
use policy_core::segment::Segmenter;
use std::time::{Duration, Instant};

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
    let (units, chars) = policy_bench_workload::size(corpus);
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
            // Per keystroke: the first screen (50 hits), then with its KWIC lines.
            let t = Instant::now();
            let r = engine.search_top(q, policy_bench_workload::FIRST_SCREEN);
            let s = t.elapsed();
            slowest.push((s, format!("{q:?}"), r.total));
            let t = Instant::now();
            std::hint::black_box(keystroke(&engine, q));
            render.push(t.elapsed());
            search.push(s);
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
