//! The working unit of the cleaning rules: one paragraph of a raw file with
//! the raw lines it came from and the repairs made to it so far.

use crate::model::Repair;

/// A paragraph being cleaned. Line numbers are 1-based and inclusive so a
/// reader can find the passage in the raw file.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The paragraph's current text.
    pub text: String,
    /// First and last raw line (1-based, inclusive).
    pub lines: (usize, usize),
    /// Repairs made so far, in order.
    pub repairs: Vec<Repair>,
}

impl Paragraph {
    /// A paragraph from one raw line, with no repairs yet.
    pub fn new(text: impl Into<String>, line: usize) -> Self {
        Paragraph {
            text: text.into(),
            lines: (line, line),
            repairs: Vec::new(),
        }
    }

    /// Test input: one paragraph per text, on lines 1, 2, 3 …
    #[cfg(test)]
    pub fn numbered(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph::new(*t, i + 1))
            .collect()
    }

    /// Records that `rule` fired `count` times, merging with an earlier
    /// record of the same rule so each rule appears once per paragraph.
    pub fn record(&mut self, rule: &str, count: usize, example: Option<String>) {
        add_repair(&mut self.repairs, rule, count, example);
    }
}

/// Adds `count` firings of `rule` to `repairs` (merging by rule id, keeping
/// the first example).
pub fn add_repair(repairs: &mut Vec<Repair>, rule: &str, count: usize, example: Option<String>) {
    if count == 0 {
        return;
    }
    if let Some(r) = repairs.iter_mut().find(|r| r.rule == rule) {
        r.count += count;
        if r.example.is_none() {
            r.example = example;
        }
    } else {
        repairs.push(Repair {
            rule: rule.to_string(),
            count,
            example,
        });
    }
}

/// Merges all of `from` into `into`.
pub fn merge_repairs(into: &mut Vec<Repair>, from: &[Repair]) {
    for r in from {
        add_repair(into, &r.rule, r.count, r.example.clone());
    }
}
