//! Native twin of the in-browser benchmark (`e2e/bench/core-in-browser.mjs`):
//! the same operations on the same inputs, so the browser table can show
//! wasm/native ratios from one run. `--json` prints the figures for that
//! script; without it, a table. `--json --segment-only` measures the two
//! segmentation throughputs alone (one round of the browser script's
//! alternating native/wasm rounds).

use jieba_rs::Jieba;
use policy_core::compare::align::{align_documents, AlignOptions};
use policy_core::compare::diff::{diff_chars, diff_tokens};
use policy_core::model::load_corpus;
use policy_core::segment::Segmenter;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() -> anyhow::Result<()> {
    let json_output = std::env::args().any(|a| a == "--json");
    let segment_only = std::env::args().any(|a| a == "--segment-only");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let faithful = std::fs::read_to_string(root.join("corpus/raw/002_154208efee2d029c.txt"))?;
    let reworded = std::fs::read_to_string(root.join("corpus/raw/000_0d3174276c13488c.txt"))?;
    let corpus = load_corpus(&std::fs::read_to_string(root.join("corpus/corpus.json"))?)?;
    let central = corpus
        .document("central-2018")
        .ok_or_else(|| anyhow::anyhow!("no central-2018"))?;
    let sichuan = corpus
        .document("sichuan")
        .ok_or_else(|| anyhow::anyhow!("no sichuan"))?;

    let start = Instant::now();
    let segmenter = Segmenter::with_regions(&corpus.regions)?;
    let segmenter_load = start.elapsed();
    let stock = Jieba::new();
    let text = policy_bench::segmentation_text(&corpus);

    let app_mbps = throughput(&text, |l| segmenter.segment(l).len());
    let stock_mbps = throughput(&text, |l| stock.cut(l, true).len());
    if json_output && segment_only {
        println!(
            "{{\"segment_app_mbps\": {app_mbps:.3}, \"segment_stock_jieba_mbps\": {stock_mbps:.3}, \"segmentation_text_bytes\": {}}}",
            text.len()
        );
        return Ok(());
    }
    let char_diff = median(5, || diff_chars(&faithful, &reworded).len());
    let word_diff = median(5, || {
        diff_tokens(&segmenter.tokens(&faithful), &segmenter.tokens(&reworded)).len()
    });
    let align = median(20, || {
        align_documents(sichuan, central, &AlignOptions::default())
            .pairs
            .len()
    });

    if json_output {
        println!(
            "{{\"segment_app_mbps\": {app_mbps:.3}, \"segment_stock_jieba_mbps\": {stock_mbps:.3}, \"segmenter_load_ms\": {:.3}, \"char_diff_ms\": {:.3}, \"word_diff_ms\": {:.3}, \"align_ms\": {:.3}, \"segmentation_text_bytes\": {}}}",
            ms(segmenter_load), ms(char_diff), ms(word_diff), ms(align), text.len()
        );
        return Ok(());
    }
    println!("Compare/segment benchmark, native (release)\n");
    println!("| operation | result |");
    println!("|---|---|");
    println!("| segmenter load (once) | {:.2} ms |", ms(segmenter_load));
    println!(
        "| segmentation, app segmenter ({:.1} MB) | {app_mbps:.1} MB/s |",
        text.len() as f64 / 1e6
    );
    println!("| segmentation, jieba-rs stock dictionary | {stock_mbps:.1} MB/s |");
    println!(
        "| char diff 002 vs 000 (similar, Myers), median | {:.2} ms |",
        ms(char_diff)
    );
    println!("| word diff 002 vs 000, median | {:.2} ms |", ms(word_diff));
    println!(
        "| align sichuan against central-2018, median | {:.2} ms |",
        ms(align)
    );
    Ok(())
}

/// Best of three passes, in MB/s (UTF-8 bytes).
fn throughput(text: &str, cut: impl Fn(&str) -> usize) -> f64 {
    let best = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(text.lines().map(&cut).sum::<usize>());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    text.len() as f64 / 1e6 / best
}

fn median(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
