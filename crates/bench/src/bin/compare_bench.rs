//! Native half of the compare benchmark: the same operations that
//! `e2e/bench/compare.mjs` times in headless Chromium (wasm vs
//! diff-match-patch), so the browser figures can be read against native
//! ones. Prints a table; no thresholds.

use policy_core::compare::align::{align_documents, AlignOptions};
use policy_core::compare::diff::{diff_chars, diff_tokens};
use policy_core::model::load_corpus;
use policy_core::segment::Segmenter;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() -> anyhow::Result<()> {
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

    println!(
        "Compare benchmark, native (release). Witness texts: 002 = {} chars, 000 = {} chars\n",
        faithful.chars().count(),
        reworded.chars().count()
    );
    println!("| operation | median | min | runs |");
    println!("|---|---|---|---|");
    println!("| segmenter load (once) | {} | – | 1 |", ms(segmenter_load));
    row("char diff 002 vs 000 (similar, Myers)", 5, || {
        diff_chars(&faithful, &reworded).len()
    });
    row(
        "word diff 002 vs 000 (segment + similar + char refine)",
        5,
        || diff_tokens(&segmenter.words(&faithful), &segmenter.words(&reworded)).len(),
    );
    row("align sichuan against central-2018", 20, || {
        align_documents(sichuan, central, &AlignOptions::default())
            .pairs
            .len()
    });
    Ok(())
}

fn row(name: &str, runs: usize, mut f: impl FnMut() -> usize) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "| {name} | {} | {} | {runs} |",
        ms(times[runs / 2]),
        ms(times[0])
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
