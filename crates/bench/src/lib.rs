//! Shared helpers of the benchmark binaries:
//!
//! * `segmentation_f1` — word-segmentation P/R/F1 on the UD Chinese GSDSimp
//!   dev set for the app's segmenter and jieba-rs with its stock dictionary
//!   (and, with `--sweep`, for dictionaries trimmed at several frequencies).
//! * `trim_dictionary` — regenerates `crates/core/data/dict.txt`.
//! * `search_bench` — segmentation throughput and query latency on the
//!   corpus and on the corpus replicated 100×.
//! * `restoration_eval` — how well the restorer undoes the rewording tool,
//!   cross-validated on the clauses both witnesses of the 2018 opinion
//!   carry (`docs/restoration.md`).
//! * [`gold`] — the alignment gold standard and its scores, used by
//!   `alignment_methods`.

pub mod gold;

use std::path::PathBuf;

/// `../shared/peer` beside the checkout (where CI puts it).
pub fn peer_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer")
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text every segmentation-throughput benchmark cuts (natively here and
/// in the browser by `e2e/bench/core-in-browser.mjs`): all corpus unit
/// texts, one per line, repeated to at least 2 MB.
pub fn segmentation_text(corpus: &policy_core::model::Corpus) -> String {
    let base: String = corpus
        .documents
        .iter()
        .flat_map(|d| &d.units)
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = base.clone();
    while text.len() < 2_000_000 && !base.is_empty() {
        text.push('\n');
        text.push_str(&base);
    }
    text
}

/// One gold sentence: its text and gold word spans (byte offsets).
#[derive(Clone)]
pub struct GoldSentence {
    pub text: String,
    pub words: Vec<(usize, usize)>,
}

/// Reads a CoNLL-U file: sentence text from `# text = `, words from the
/// FORM column of plain token lines (multi-word ranges and empty nodes are
/// skipped). Spans are found by scanning the text left to right.
pub fn read_conllu(conllu: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    let mut forms: Vec<String> = Vec::new();
    let mut flush = |text: &mut Option<String>, forms: &mut Vec<String>| {
        if let Some(t) = text.take() {
            let mut words = Vec::new();
            let mut pos = 0;
            for f in forms.iter() {
                if let Some(i) = t[pos..].find(f.as_str()) {
                    words.push((pos + i, pos + i + f.len()));
                    pos += i + f.len();
                }
            }
            out.push(GoldSentence { text: t, words });
        }
        forms.clear();
    };
    for line in conllu.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
        } else if line.trim().is_empty() {
            flush(&mut text, &mut forms);
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            let id = cols.next().unwrap_or("");
            if id.contains(['-', '.']) {
                continue;
            }
            if let Some(form) = cols.next() {
                forms.push(form.to_string());
            }
        }
    }
    flush(&mut text, &mut forms);
    out
}

/// Precision/recall/F1 counters.
#[derive(Debug, Default, Clone, Copy)]
pub struct Prf {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
    pub fn add(&mut self, predicted: &[(usize, usize)], gold: &[(usize, usize)]) {
        let gold_set: std::collections::HashSet<_> = gold.iter().collect();
        self.correct += predicted.iter().filter(|p| gold_set.contains(p)).count();
        self.predicted += predicted.len();
        self.gold += gold.len();
    }
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// gzip -9 size of some bytes.
pub fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conllu_spans_follow_the_text() {
        let c = "# text = 我们，好\n1\t我们\t_\n2\t，\t_\n3-4\t好\t_\n3\t好\t_\n\n";
        let s = read_conllu(c);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, vec![(0, 6), (6, 9), (9, 12)]);
        let mut prf = Prf::default();
        prf.add(&[(0, 6), (6, 12)], &s[0].words);
        assert_eq!((prf.correct, prf.predicted, prf.gold), (1, 2, 3));
    }
}
