//! OpenCC's published conversion test cases (`testcases.json` split per
//! config, see `../shared/peer/opencc`) and a converter's score on them.
//!
//! Every Traditional→Simplified converter the project uses — real OpenCC in
//! the pipeline, the pure-Rust one in the browser — is measured against the
//! same cases with this one runner, so their pass counts compare directly.
//!
//! Test support only: compiled for this crate's tests and, through the
//! `opencc-cases` feature, for policy-pipeline's; never in the app's wasm.

use serde::Deserialize;

/// One file of cases, e.g. `t2s.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct CaseFile {
    /// The cases, in file order.
    pub cases: Vec<Case>,
}

/// One case: convert `input`, expect `expected`.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// OpenCC's name for the case.
    pub id: String,
    /// Text to convert.
    pub input: String,
    /// What the converter should return.
    pub expected: String,
}

/// A case a converter got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The case's id.
    pub id: String,
    /// The case's input.
    pub input: String,
    /// What the converter returned.
    pub got: String,
    /// What the case expected.
    pub expected: String,
}

/// How a converter did on a case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// Number of cases run.
    pub total: usize,
    /// The cases the converter got wrong.
    pub failures: Vec<Failure>,
}

impl Score {
    /// Number of cases the converter got right.
    pub fn passed(&self) -> usize {
        self.total - self.failures.len()
    }

    /// `label: passed/total cases pass`, then one line per failure.
    pub fn report(&self, label: &str) -> String {
        let mut out = format!("{label}: {}/{} cases pass", self.passed(), self.total);
        for f in &self.failures {
            out.push_str(&format!(
                "\n  {}: {} → got {} expected {}",
                f.id, f.input, f.got, f.expected
            ));
        }
        out
    }
}

/// Parses a case file.
pub fn parse_cases(json: &str) -> Result<CaseFile, serde_json::Error> {
    serde_json::from_str(json)
}

/// Runs every case through `convert`.
pub fn score(cases: &CaseFile, convert: impl Fn(&str) -> String) -> Score {
    let failures = cases
        .cases
        .iter()
        .filter_map(|case| {
            let got = convert(&case.input);
            (got != case.expected).then(|| Failure {
                id: case.id.clone(),
                input: case.input.clone(),
                got,
                expected: case.expected.clone(),
            })
        })
        .collect();
    Score {
        total: cases.cases.len(),
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_passes_and_list_failures() {
        let cases = parse_cases(
            r#"{"cases": [{"id": "a", "input": "發展", "expected": "发展"},
                          {"id": "b", "input": "乾", "expected": "干"}]}"#,
        )
        .expect("valid case file");
        let score = score(&cases, |s| s.replace('發', "发"));
        assert_eq!((score.passed(), score.total), (1, 2));
        assert_eq!(score.failures[0].id, "b");
        assert!(score
            .report("t2s")
            .starts_with("t2s: 1/2 cases pass\n  b: 乾 → got 乾"));
    }
}
