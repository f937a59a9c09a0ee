//! The alignment gold standard (`corpus/eval/alignment-gold.toml`): for
//! every unit of the provincial documents, the `central-2018` units a
//! careful reader matched it with (rules in `docs/alignment-annotation.md`),
//! and the scores an aligner earns on it.

use policy_core::model::{Corpus, Unit};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The document every gold entry points into.
pub const CENTRAL: &str = "central-2018";

/// The annotated documents, in the order the tables print them.
pub const GOLD_DOCUMENTS: [&str; 3] = ["sichuan", "inner-mongolia", "ndrc-2016"];

/// One annotated provincial unit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldUnit {
    pub doc: String,
    pub path: String,
    /// Central paths, primary first; empty means "no counterpart".
    pub central: Vec<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    unit: Vec<GoldUnit>,
}

/// The whole gold standard.
#[derive(Debug, Clone)]
pub struct Gold {
    pub units: Vec<GoldUnit>,
}

impl Gold {
    pub fn parse(toml_text: &str) -> anyhow::Result<Gold> {
        let file: GoldFile = toml::from_str(toml_text)?;
        Ok(Gold { units: file.unit })
    }

    /// Reads `corpus/eval/alignment-gold.toml` of this checkout.
    pub fn load() -> anyhow::Result<Gold> {
        let path = crate::repo_root().join("corpus/eval/alignment-gold.toml");
        Gold::parse(&std::fs::read_to_string(&path)?)
    }

    /// The entries of one document, in file order.
    pub fn of<'a>(&'a self, doc: &'a str) -> impl Iterator<Item = &'a GoldUnit> + 'a {
        self.units.iter().filter(move |u| u.doc == doc)
    }

    /// Every problem that makes the gold unusable against `corpus`: unknown
    /// documents or paths, a unit annotated twice, a unit of an annotated
    /// document left out, a central path listed twice. Empty when valid.
    pub fn problems(&self, corpus: &Corpus) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(central) = corpus.document(CENTRAL) else {
            return vec![format!("corpus has no {CENTRAL}")];
        };
        let central_paths: HashSet<&str> = central.units.iter().map(|u| u.path.as_str()).collect();
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for entry in &self.units {
            *seen.entry((&entry.doc, &entry.path)).or_default() += 1;
            let Some(doc) = corpus.document(&entry.doc) else {
                problems.push(format!("unknown document {}", entry.doc));
                continue;
            };
            if !doc.units.iter().any(|u| u.path.as_str() == entry.path) {
                problems.push(format!("{} has no unit {}", entry.doc, entry.path));
            }
            let mut listed = HashSet::new();
            for c in &entry.central {
                if !central_paths.contains(c.as_str()) {
                    problems.push(format!(
                        "{} {}: {CENTRAL} has no unit {c}",
                        entry.doc, entry.path
                    ));
                }
                if !listed.insert(c.as_str()) {
                    problems.push(format!("{} {}: {c} listed twice", entry.doc, entry.path));
                }
            }
        }
        for ((doc, path), n) in &seen {
            if *n > 1 {
                problems.push(format!("{doc} {path} annotated {n} times"));
            }
        }
        let annotated: HashSet<&str> = self.units.iter().map(|u| u.doc.as_str()).collect();
        for doc in corpus
            .documents
            .iter()
            .filter(|d| annotated.contains(d.id.as_str()))
        {
            for unit in &doc.units {
                if !seen.contains_key(&(doc.id.as_str(), unit.path.as_str())) {
                    problems.push(format!("{} {} is not annotated", doc.id, unit.path));
                }
            }
        }
        problems
    }
}

impl Gold {
    /// Central paths that no entry of `doc` lists: what the document left
    /// out of the central text (the matrix's "dropped"), in central order.
    pub fn unlisted_central(&self, doc: &str, central_paths: &[&str]) -> Vec<String> {
        let listed: HashSet<&str> = self
            .of(doc)
            .flat_map(|e| e.central.iter().map(String::as_str))
            .collect();
        central_paths
            .iter()
            .filter(|p| !listed.contains(*p))
            .map(|p| p.to_string())
            .collect()
    }
}

/// Agreement of a proposed set with the gold set (e.g. central units
/// dropped).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SetScores {
    pub predicted: usize,
    pub gold: usize,
    pub both: usize,
}

impl SetScores {
    pub fn of(predicted: &[String], gold: &[String]) -> SetScores {
        let gold_set: HashSet<&str> = gold.iter().map(String::as_str).collect();
        let predicted_set: HashSet<&str> = predicted.iter().map(String::as_str).collect();
        SetScores {
            predicted: predicted_set.len(),
            gold: gold_set.len(),
            both: predicted_set.intersection(&gold_set).count(),
        }
    }

    pub fn precision(&self) -> Option<f64> {
        ratio(self.both, self.predicted)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.both, self.gold)
    }
}

/// The text of a central unit the aligners compare against: its reading —
/// the restored reading of a unit that survives only in the
/// machine-reworded witness, as the app's aligner reads it. Every method
/// goes through this.
pub fn central_text(unit: &Unit) -> &str {
    unit.reading()
}

/// Scores of one aligner on one document.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Units evaluated.
    pub units: usize,
    /// Units whose top candidate is a gold counterpart, or that have none
    /// in gold and none proposed.
    pub right: usize,
    /// Units the aligner left without a counterpart.
    pub predicted_none: usize,
    /// Units gold leaves without a counterpart.
    pub gold_none: usize,
    /// Units both leave without a counterpart.
    pub both_none: usize,
}

impl Scores {
    /// Adds one unit: its gold counterparts and the aligner's top candidate.
    pub fn add(&mut self, gold: &[String], predicted: Option<&str>) {
        self.units += 1;
        match predicted {
            None => {
                self.predicted_none += 1;
                if gold.is_empty() {
                    self.gold_none += 1;
                    self.both_none += 1;
                    self.right += 1;
                }
            }
            Some(p) => {
                if gold.is_empty() {
                    self.gold_none += 1;
                } else if gold.iter().any(|g| g == p) {
                    self.right += 1;
                }
            }
        }
    }

    pub fn merge(&mut self, other: &Scores) {
        self.units += other.units;
        self.right += other.right;
        self.predicted_none += other.predicted_none;
        self.gold_none += other.gold_none;
        self.both_none += other.both_none;
    }

    pub fn accuracy(&self) -> f64 {
        ratio(self.right, self.units).unwrap_or(0.0)
    }

    /// Of the units left without a counterpart, the share gold also leaves
    /// without one; `None` when the aligner left none.
    pub fn none_precision(&self) -> Option<f64> {
        ratio(self.both_none, self.predicted_none)
    }

    /// Of the units gold leaves without a counterpart, the share the aligner
    /// also left; `None` when gold has none.
    pub fn none_recall(&self) -> Option<f64> {
        ratio(self.both_none, self.gold_none)
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Scores predictions (`doc path` → top central path or none) on one
/// document's gold entries. A unit without a prediction counts as none.
pub fn score<'a>(
    gold: &Gold,
    doc: &str,
    mut predict: impl FnMut(&str) -> Option<&'a str>,
) -> Scores {
    let mut scores = Scores::default();
    for entry in gold.of(doc) {
        scores.add(&entry.central, predict(&entry.path));
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_core::model::load_corpus;

    fn corpus() -> Corpus {
        let path = crate::repo_root().join("corpus/corpus.json");
        load_corpus(&std::fs::read_to_string(path).expect("corpus.json")).expect("corpus loads")
    }

    #[test]
    fn gold_points_at_existing_units_and_covers_every_unit_once() {
        let gold = Gold::load().expect("gold parses");
        let problems = gold.problems(&corpus());
        assert!(problems.is_empty(), "{problems:#?}");
        for doc in GOLD_DOCUMENTS {
            assert!(gold.of(doc).count() > 0, "{doc} has no gold entries");
        }
    }

    #[test]
    fn problems_are_found() {
        let gold = Gold::parse(
            r#"
[[unit]]
doc = "sichuan"
path = "99.99"
central = ["2.4", "2.4", "77"]

[[unit]]
doc = "nowhere"
path = "1"
central = []
"#,
        )
        .expect("parses");
        let problems = gold.problems(&corpus()).join("\n");
        assert!(problems.contains("sichuan has no unit 99.99"), "{problems}");
        assert!(problems.contains("2.4 listed twice"), "{problems}");
        assert!(problems.contains("has no unit 77"), "{problems}");
        assert!(problems.contains("unknown document nowhere"), "{problems}");
        assert!(
            problems.contains("sichuan 1.3 is not annotated"),
            "{problems}"
        );
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let bad = "[[unit]]\ndoc = \"sichuan\"\npath = \"0\"\ncentrl = [\"0\"]\n";
        assert!(Gold::parse(bad).is_err());
    }

    #[test]
    fn unlisted_central_units_are_the_dropped_ones() {
        let gold = Gold::parse(
            "[[unit]]\ndoc = \"p\"\npath = \"1\"\ncentral = [\"2\", \"2.4\"]\n\n[[unit]]\ndoc = \"p\"\npath = \"2\"\ncentral = []\n",
        )
        .expect("parses");
        let dropped = gold.unlisted_central("p", &["1", "2", "2.4", "2.5"]);
        assert_eq!(dropped, ["1", "2.5"]);
        let s = SetScores::of(&["2.5".into(), "2.4".into()], &dropped);
        assert_eq!((s.predicted, s.gold, s.both), (2, 2, 1));
        assert_eq!(s.precision(), Some(0.5));
        assert_eq!(SetScores::of(&[], &dropped).precision(), None);
    }

    #[test]
    fn scores_count_right_and_none() {
        let mut s = Scores::default();
        s.add(&["2.4".into(), "4.10".into()], Some("4.10"));
        s.add(&["2.4".into()], Some("2.5"));
        s.add(&["2.4".into()], None);
        s.add(&[], None);
        s.add(&[], Some("1"));
        assert_eq!(s.units, 5);
        assert_eq!(s.right, 2);
        assert_eq!(s.none_precision(), Some(0.5));
        assert_eq!(s.none_recall(), Some(0.5));
        assert!((s.accuracy() - 0.4).abs() < 1e-12);
        assert_eq!(Scores::default().none_precision(), None);
    }
}
