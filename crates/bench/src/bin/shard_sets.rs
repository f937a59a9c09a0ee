//! Writes the search index's shard sets (`policy_core::search::ShardSet`)
//! of the bundled corpus replicated N times (`policy-bench-workload`, as
//! the browser bench replicates it), for `e2e/bench/shards-in-browser.mjs`:
//! `shard_sets OUT_DIR [FACTORS]` writes `OUT_DIR/x{N}/` per factor
//! (default 1,10,100,1000) and prints the sizes.

use anyhow::{Context, Result};
use policy_core::model::load_corpus;
use policy_core::search::{SearchEngine, ShardSet};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().context("usage: shard_sets OUT_DIR [FACTORS]")?);
    let factors: Vec<usize> = args
        .next()
        .unwrap_or_else(|| "1,10,100,1000".into())
        .split(',')
        .filter_map(|f| f.trim().parse().ok())
        .collect();
    let corpus = load_corpus(include_str!("../../../../corpus/corpus.json"))?;
    for copies in factors {
        let scaled = policy_bench_workload::replicate(&corpus, copies);
        let started = Instant::now();
        let engine = SearchEngine::new(&scaled)?;
        let set = ShardSet::from_index(engine.index(), &scaled.regions)?;
        drop(engine);
        let dir = out.join(format!("x{copies}"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let mut total = 0;
        for (name, bytes) in set.files() {
            total += bytes.len();
            std::fs::write(dir.join(&name), &bytes)?;
        }
        println!(
            "{copies}x: {} units, {} shards, unit table {} B, {} B in all, {:.1} s natively -> {}",
            set.manifest.units,
            set.shards.len(),
            set.unit_table.len(),
            total,
            started.elapsed().as_secs_f64(),
            dir.join(set.manifest_name()).display()
        );
    }
    Ok(())
}
