//! The size report printed at the end of every `dist` and `test` run.
//!
//! Budgets, both gates of `cargo xtask test`: the offline single file within
//! 2 MB on disk, and the hosted build's first load within 600 KB of gzip
//! transfer. The first load is everything `dist/index.html` makes the
//! browser fetch before the library renders: the page, its stylesheets,
//! icon and scripts, and the lite app's glue and wasm — not the full app,
//! which the loader fetches later (docs/loading.md). "gzip" means level 9
//! (`gzip -9`), computed in-process with flate2.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::gzip::gzip_best;
use crate::trunk_page::first_load_assets;

pub const SINGLE_FILE_BUDGET_BYTES: u64 = 2_000_000;
pub const HOSTED_FIRST_LOAD_BUDGET_GZIP_BYTES: u64 = 600_000;

pub struct SizeReport {
    pub single_file_raw: u64,
    pub single_file_gzip: u64,
    /// (file name, raw, gzip) for index.html and each first-load asset.
    pub hosted_files: Vec<(String, u64, u64)>,
    /// (file name, raw, gzip) for the full app the hosted page loads after
    /// the first paint, when a route needs it.
    pub deferred_files: Vec<(String, u64, u64)>,
}

impl SizeReport {
    pub fn measure(dist: &Path, single_file: &Path) -> Result<SizeReport> {
        let single = fs::read(single_file)
            .with_context(|| format!("cannot read {}", single_file.display()))?;
        let index = fs::read_to_string(dist.join("index.html"))
            .context("dist/index.html missing; run `cargo xtask dist`")?;
        let mut hosted_files = vec![(
            "index.html".to_string(),
            index.len() as u64,
            gzip_best(index.as_bytes()).len() as u64,
        )];
        // The CSP build loads Trunk's loader from its own file (csp.rs):
        // parse the page with it inline, and count the file too.
        let (index, loader_file) = crate::csp::inline_loader_again(&index, dist)?;
        let mut assets = first_load_assets(&index)?;
        assets.extend(loader_file);
        let measure = |asset: String| -> Result<(String, u64, u64)> {
            let bytes = fs::read(dist.join(&asset))
                .with_context(|| format!("dist/{asset} is referenced but missing"))?;
            Ok((asset, bytes.len() as u64, gzip_best(&bytes).len() as u64))
        };
        for asset in assets {
            hosted_files.push(measure(asset)?);
        }
        let deferred_files = match crate::first_load::full_app_in(&index) {
            Some(full) => vec![measure(full.glue)?, measure(full.wasm)?],
            None => Vec::new(),
        };
        Ok(SizeReport {
            single_file_raw: single.len() as u64,
            single_file_gzip: gzip_best(&single).len() as u64,
            hosted_files,
            deferred_files,
        })
    }

    pub fn hosted_gzip_total(&self) -> u64 {
        self.hosted_files.iter().map(|(_, _, gzip)| gzip).sum()
    }

    pub fn single_file_within_budget(&self) -> bool {
        self.single_file_raw <= SINGLE_FILE_BUDGET_BYTES
    }

    pub fn hosted_within_budget(&self) -> bool {
        self.hosted_gzip_total() <= HOSTED_FIRST_LOAD_BUDGET_GZIP_BYTES
    }

    pub fn print(&self) {
        println!("== sizes (gzip = gzip -9)");
        println!("  hosted build, first load:");
        for (name, raw, gzip) in &self.hosted_files {
            println!(
                "    {name:<46} {:>24} raw  {:>22} gzip",
                bytes(*raw),
                bytes(*gzip)
            );
        }
        if !self.deferred_files.is_empty() {
            println!("  hosted build, loaded on demand after the first paint (not in the budget):");
            for (name, raw, gzip) in &self.deferred_files {
                println!(
                    "    {name:<46} {:>24} raw  {:>22} gzip",
                    bytes(*raw),
                    bytes(*gzip)
                );
            }
        }
        println!(
            "  single file dist/policy-explorer.html: {} raw, {} gzip   budget <= {} raw: {}",
            bytes(self.single_file_raw),
            bytes(self.single_file_gzip),
            bytes(SINGLE_FILE_BUDGET_BYTES),
            verdict(self.single_file_within_budget()),
        );
        println!(
            "  hosted first load total: {} gzip   budget <= {} gzip: {}",
            bytes(self.hosted_gzip_total()),
            bytes(HOSTED_FIRST_LOAD_BUDGET_GZIP_BYTES),
            verdict(self.hosted_within_budget()),
        );
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "OK"
    } else {
        "OVER BUDGET"
    }
}

/// `1234567` -> `1,234,567 B (1.23 MB)`.
pub fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if n >= 1_000_000 {
        format!("{grouped} B ({:.2} MB)", n as f64 / 1e6)
    } else if n >= 1_000 {
        format!("{grouped} B ({:.1} KB)", n as f64 / 1e3)
    } else {
        format!("{grouped} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_byte_counts_readably() {
        assert_eq!(bytes(999), "999 B");
        assert_eq!(bytes(600_000), "600,000 B (600.0 KB)");
        assert_eq!(bytes(1_234_567), "1,234,567 B (1.23 MB)");
    }

    #[test]
    fn budgets_compare_the_right_figures() {
        let report = SizeReport {
            single_file_raw: SINGLE_FILE_BUDGET_BYTES,
            single_file_gzip: 1,
            hosted_files: vec![
                ("index.html".into(), 10, 400_000),
                ("app.wasm".into(), 10, 200_001),
            ],
            deferred_files: vec![("full.wasm".into(), 10, 900_000)],
        };
        assert!(report.single_file_within_budget());
        assert_eq!(report.hosted_gzip_total(), 600_001);
        assert!(!report.hosted_within_budget());
    }
}
