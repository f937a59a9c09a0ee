//! Regenerates `crates/core/data/dict.txt` from jieba's stock `dict.txt`:
//! keeps `word freq` for words with frequency ≥ MIN_FREQ, drops the
//! part-of-speech tags (the segmenter never uses them).
//!
//! ```text
//! cargo run -p policy-bench --bin trim_dictionary -- STOCK_DICT_TXT [MIN_FREQ] > crates/core/data/dict.txt
//! ```

use anyhow::{Context, Result};
use std::io::Write;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: trim_dictionary STOCK_DICT_TXT [MIN_FREQ]")?;
    let min: usize = match args.next() {
        Some(m) => m.parse().context("MIN_FREQ must be a number")?,
        None => policy_core::segment::DICTIONARY_MIN_FREQ,
    };
    let dict = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in dict.lines() {
        let mut it = line.split_whitespace();
        if let (Some(w), Some(f)) = (it.next(), it.next().and_then(|f| f.parse::<usize>().ok())) {
            if f >= min {
                writeln!(out, "{w} {f}")?;
            }
        }
    }
    Ok(())
}
