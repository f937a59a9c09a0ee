//! What the compare screens show, computed from an [`Alignment`] without
//! touching the DOM: the reading order of the side-by-side table (A's
//! units, with B's additions placed where they occur in B) and the
//! mechanism × document overview counts. Pure, so it is tested natively.

use std::collections::HashMap;

use policy_core::compare::align::{default_source, AlignOptions, Alignment, Relation, Side};
use policy_core::model::{Document, Mechanism, Unit, UnitKind};
use policy_core::restoration::TextChoice;

use crate::corpus_data::{CorpusHandle, DocRef, ImportedCopy, MY_COPY_ID};

/// How a row of the comparison relates A to B: the aligner's [`Relation`]
/// for a unit of A, or [`RowRelation::Added`] for a unit only B has. The
/// views pass it typed; `i18n` names it and [`RowRelation::id`] is the
/// stable id for `data-relation` and CSS classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowRelation {
    NearVerbatim,
    Rewritten,
    /// A candidate the aligner is not sure of.
    PossiblyRelated,
    /// No candidate, but the absence is uncertain.
    ProbablyNoCounterpart,
    /// A unit of A with no counterpart: B dropped it.
    NoCounterpart,
    /// A unit of B that matches nothing in A.
    Added,
}

impl RowRelation {
    /// Every relation, in the order summaries and legends list them.
    pub const ALL: [RowRelation; 6] = [
        RowRelation::NearVerbatim,
        RowRelation::Rewritten,
        RowRelation::PossiblyRelated,
        RowRelation::ProbablyNoCounterpart,
        RowRelation::NoCounterpart,
        RowRelation::Added,
    ];

    /// The stable id (`near-verbatim` … `added`), the aligner's for the
    /// relations it names.
    pub fn id(self) -> &'static str {
        match self {
            RowRelation::NearVerbatim => Relation::NearVerbatim.id(),
            RowRelation::Rewritten => Relation::Rewritten.id(),
            RowRelation::PossiblyRelated => Relation::PossiblyRelated.id(),
            RowRelation::ProbablyNoCounterpart => Relation::ProbablyNoCounterpart.id(),
            RowRelation::NoCounterpart => Relation::NoCounterpart.id(),
            RowRelation::Added => "added",
        }
    }

    /// Whether the relation is one the aligner is unsure of (measured on
    /// the gold standard: `docs/alignment.md`).
    pub fn is_uncertain(self) -> bool {
        matches!(
            self,
            RowRelation::PossiblyRelated | RowRelation::ProbablyNoCounterpart
        )
    }

    /// `confident` or `uncertain`, for `data-confidence` and CSS classes.
    pub fn confidence_id(self) -> &'static str {
        if self.is_uncertain() {
            "uncertain"
        } else {
            "confident"
        }
    }
}

impl From<Relation> for RowRelation {
    fn from(relation: Relation) -> Self {
        match relation {
            Relation::NearVerbatim => RowRelation::NearVerbatim,
            Relation::Rewritten => RowRelation::Rewritten,
            Relation::PossiblyRelated => RowRelation::PossiblyRelated,
            Relation::ProbablyNoCounterpart => RowRelation::ProbablyNoCounterpart,
            Relation::NoCounterpart => RowRelation::NoCounterpart,
        }
    }
}

/// Which document of a comparison is the source the other implements: the
/// central document when one side is it, else the aligner's rule (the one
/// of higher level).
pub fn align_options(a: &Document, b: &Document, central_id: &str) -> AlignOptions {
    let source = if a.id == central_id {
        Side::A
    } else if b.id == central_id {
        Side::B
    } else {
        default_source(a, b)
    };
    AlignOptions {
        source: Some(source),
        ..AlignOptions::default()
    }
}

/// A piece of a unit's text: plain, or one of the shared key terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPiece<'t> {
    pub text: &'t str,
    pub term: bool,
}

/// Cuts `text` into plain pieces and occurrences of `terms` (the evidence
/// of a pair), longest term first where two overlap, so the view can mark
/// them without building HTML from text.
pub fn evidence_pieces<'t>(text: &'t str, terms: &[String]) -> Vec<TextPiece<'t>> {
    if text.is_empty() {
        return Vec::new();
    }
    // Which occurrence of a term each byte belongs to (adjacent terms stay
    // separate pieces).
    let mut owner: Vec<Option<usize>> = vec![None; text.len()];
    let mut sorted: Vec<&str> = terms
        .iter()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut occurrence = 0;
    for term in sorted {
        let mut from = 0;
        while let Some(at) = text[from..].find(term) {
            let (start, end) = (from + at, from + at + term.len());
            if owner[start..end].iter().all(Option::is_none) {
                owner[start..end]
                    .iter_mut()
                    .for_each(|o| *o = Some(occurrence));
                occurrence += 1;
            }
            from = end;
        }
    }
    let mut pieces: Vec<TextPiece<'t>> = Vec::new();
    let mut start = 0;
    for (i, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
        if i == text.len() || owner[i] != owner[start] {
            pieces.push(TextPiece {
                text: &text[start..i],
                term: owner[start].is_some(),
            });
            start = i;
        }
    }
    pieces
}

/// One side of a comparison: a corpus document or the user's own copy.
/// Cheap to clone and compared by identity, so it can key memos and props.
#[derive(Debug, Clone, PartialEq)]
pub enum ComparedDoc {
    Corpus(DocRef),
    Copy(ImportedCopy),
}

impl std::ops::Deref for ComparedDoc {
    type Target = Document;
    fn deref(&self) -> &Document {
        match self {
            ComparedDoc::Corpus(doc) => doc,
            ComparedDoc::Copy(copy) => &copy.doc,
        }
    }
}

/// Why a side of a comparison could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// No corpus document has this id.
    Unknown(String),
    /// The URL names the user's copy, but none is loaded (after a reload:
    /// imported copies are not stored yet).
    CopyNotLoaded,
}

/// Resolves a document id from the URL: the user's copy under
/// [`MY_COPY_ID`], otherwise a corpus document.
pub fn resolve_doc(
    corpus: &CorpusHandle,
    copy: Option<&ImportedCopy>,
    id: &str,
) -> Result<ComparedDoc, Unresolved> {
    if let Some(doc) = corpus.doc_ref(id) {
        return Ok(ComparedDoc::Corpus(doc));
    }
    if id == MY_COPY_ID {
        return copy
            .cloned()
            .map(ComparedDoc::Copy)
            .ok_or(Unresolved::CopyNotLoaded);
    }
    Err(Unresolved::Unknown(id.to_string()))
}

/// One row of the side-by-side table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareRow {
    /// A's unit at this index (also the index into `Alignment::pairs`) with
    /// its best counterpart, or marked as dropped when it has none.
    Pair { a: usize },
    /// B's unit at this index, which no unit of A matched: B added it.
    Added { b: usize },
}

/// The text a unit is compared by: its chosen text (the restored reading
/// where there is one, unless the witness text is chosen), or its heading
/// when the text is empty (a section title) — the same rule as
/// `align_documents`.
pub fn comparable_text(unit: &Unit, choice: TextChoice) -> &str {
    let text = unit.text_for(choice);
    if text.trim().is_empty() {
        unit.heading_for(choice).unwrap_or_default()
    } else {
        text
    }
}

/// Index of B's unit with this path.
fn b_index(b: &Document) -> HashMap<&str, usize> {
    b.units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.path.as_str(), i))
        .collect()
}

/// The rows in reading order: every pair in A's order, and each unit B
/// added right after the A row whose best counterpart comes last before it
/// in B (or first, when nothing in B precedes it). A reader scanning down
/// the table thus sees B's additions where B makes them.
pub fn compare_rows(alignment: &Alignment, b: &Document) -> Vec<CompareRow> {
    let index = b_index(b);
    let best: Vec<Option<usize>> = alignment
        .pairs
        .iter()
        .map(|p| {
            p.candidates
                .first()
                .and_then(|c| index.get(c.b.as_str()).copied())
        })
        .collect();
    let mut added: Vec<usize> = alignment
        .unmatched_b
        .iter()
        .filter_map(|path| index.get(path.as_str()).copied())
        .collect();
    added.sort_unstable();
    // anchor[j] = the A row after which B's added unit j goes (None = top).
    let mut after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for &j in &added {
        let anchor = best
            .iter()
            .enumerate()
            .filter_map(|(row, b)| b.filter(|&b| b < j).map(|b| (b, row)))
            .max_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)))
            .map(|(_, row)| row);
        after.entry(anchor).or_default().push(j);
    }
    let mut rows = Vec::with_capacity(alignment.pairs.len() + added.len());
    rows.extend(
        after
            .get(&None)
            .into_iter()
            .flatten()
            .map(|&b| CompareRow::Added { b }),
    );
    for a in 0..alignment.pairs.len() {
        rows.push(CompareRow::Pair { a });
        rows.extend(
            after
                .get(&Some(a))
                .into_iter()
                .flatten()
                .map(|&b| CompareRow::Added { b }),
        );
    }
    rows
}

/// Whether a unit belongs to the mechanism filter (no filter: all do).
pub fn has_mechanism(unit: &Unit, filter: Option<Mechanism>) -> bool {
    filter.is_none_or(|m| unit.mechanisms.iter().any(|t| t.id == m))
}

/// How one document treated the central text of one mechanism.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixCell {
    /// Central units with a near-verbatim counterpart.
    pub kept: usize,
    pub rewritten: usize,
    /// Central units with only an uncertain candidate.
    pub possibly_related: usize,
    /// Central units nobody proposed, where that is uncertain (headings).
    pub probably_dropped: usize,
    /// Central units with no counterpart.
    pub dropped: usize,
    /// Units of the document tagged with this mechanism that match no
    /// central unit.
    pub added: usize,
    /// Where the cell's link opens: the first central unit that is about
    /// the mechanism (see [`opening_rank`]).
    pub first_path: Option<String>,
}

/// How well a central unit stands for a mechanism's row, lower is better:
/// a clause (or item) of the mechanism's own section, then the section
/// heading, then a unit that only mentions the mechanism's name (the
/// preamble lists every mechanism: opening a cell there would show a pair
/// about something else).
pub fn opening_rank(unit: &Unit, mechanism: Mechanism) -> u8 {
    let structural = unit
        .mechanisms
        .iter()
        .any(|t| t.id == mechanism && t.rule != "keyword");
    let body = !matches!(unit.kind, UnitKind::Preamble | UnitKind::Section);
    match (structural, body) {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (false, false) => 3,
    }
}

impl MatrixCell {
    /// Central units of the mechanism (the bar's full width before additions).
    pub fn central_total(&self) -> usize {
        self.kept + self.rewritten + self.possibly_related + self.probably_dropped + self.dropped
    }

    /// Central units whose relation is uncertain.
    pub fn uncertain(&self) -> usize {
        self.possibly_related + self.probably_dropped
    }

    pub fn total(&self) -> usize {
        self.central_total() + self.added
    }

    /// `(relation, count)` in the order the stacked bar draws them.
    pub fn segments(&self) -> [(RowRelation, usize); 6] {
        [
            (RowRelation::NearVerbatim, self.kept),
            (RowRelation::Rewritten, self.rewritten),
            (RowRelation::PossiblyRelated, self.possibly_related),
            (RowRelation::ProbablyNoCounterpart, self.probably_dropped),
            (RowRelation::NoCounterpart, self.dropped),
            (RowRelation::Added, self.added),
        ]
    }
}

/// One column of the overview (`central` aligned against `doc`), by
/// mechanism in `Mechanism::ALL` order. A unit tagged with two mechanisms
/// counts in both rows.
pub fn mechanism_column(
    central: &Document,
    doc: &Document,
    alignment: &Alignment,
) -> Vec<(Mechanism, MatrixCell)> {
    let mut cells: Vec<(Mechanism, MatrixCell)> = Mechanism::ALL
        .iter()
        .map(|&m| (m, MatrixCell::default()))
        .collect();
    let mut best_rank = [u8::MAX; Mechanism::ALL.len()];
    for (unit, pair) in central.units.iter().zip(&alignment.pairs) {
        for ((m, cell), best) in cells.iter_mut().zip(best_rank.iter_mut()) {
            if !unit.mechanisms.iter().any(|t| t.id == *m) {
                continue;
            }
            match pair.relation {
                Relation::NearVerbatim => cell.kept += 1,
                Relation::Rewritten => cell.rewritten += 1,
                Relation::PossiblyRelated => cell.possibly_related += 1,
                Relation::ProbablyNoCounterpart => cell.probably_dropped += 1,
                Relation::NoCounterpart => cell.dropped += 1,
            }
            let rank = opening_rank(unit, *m);
            if rank < *best {
                *best = rank;
                cell.first_path = Some(unit.path.as_str().to_string());
            }
        }
    }
    let index = b_index(doc);
    for path in &alignment.unmatched_b {
        let Some(unit) = index.get(path.as_str()).map(|&i| &doc.units[i]) else {
            continue;
        };
        for (m, cell) in cells.iter_mut() {
            if unit.mechanisms.iter().any(|t| t.id == *m) {
                cell.added += 1;
            }
        }
    }
    cells
}

/// Position of `path` among the A units the stepper visits (those passing
/// the mechanism filter); the first such unit when `path` is not one.
pub fn step_target(stops: &[&str], current: Option<&str>, forward: bool) -> Option<usize> {
    if stops.is_empty() {
        return None;
    }
    let at = current.and_then(|p| stops.iter().position(|s| *s == p));
    Some(match (at, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(stops.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::bundled_corpus;
    use policy_core::compare::align::{align_documents, AlignedUnit, Candidate};

    fn doc(paths: &[&str]) -> Document {
        let corpus = crate::test_fixtures::fixture_corpus();
        let mut doc = corpus.documents[0].clone();
        doc.units = paths
            .iter()
            .map(|p| crate::test_fixtures::unit(p, "", UnitKind::Clause, None, p))
            .collect();
        doc
    }

    fn pair(a: &str, best: Option<&str>) -> AlignedUnit {
        AlignedUnit {
            a: a.into(),
            relation: if best.is_some() {
                Relation::Rewritten
            } else {
                Relation::NoCounterpart
            },
            candidates: best
                .map(|b| Candidate {
                    b: b.into(),
                    score: 0.5,
                    relation: Relation::Rewritten,
                    evidence: vec![],
                })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn additions_sit_after_the_row_matching_what_precedes_them_in_b() {
        let b = doc(&["x0", "x1", "x2", "x3", "x4"]);
        let alignment = Alignment {
            pairs: vec![
                pair("1", Some("x1")),
                pair("2", None),
                pair("3", Some("x3")),
            ],
            unmatched_b: vec!["x4".into(), "x0".into(), "x2".into()],
            text: Default::default(),
        };
        assert_eq!(
            compare_rows(&alignment, &b),
            vec![
                CompareRow::Added { b: 0 },
                CompareRow::Pair { a: 0 },
                CompareRow::Added { b: 2 },
                CompareRow::Pair { a: 1 },
                CompareRow::Pair { a: 2 },
                CompareRow::Added { b: 4 },
            ]
        );
    }

    #[test]
    fn every_unit_of_both_documents_appears_once_on_the_real_corpus() {
        let corpus = bundled_corpus().expect("corpus loads");
        let central = corpus.document("central-2018").expect("central");
        for other in corpus.documents.iter().filter(|d| d.id != central.id) {
            let options = align_options(central, other, &central.id);
            assert_eq!(options.source, Some(Side::A));
            let alignment = align_documents(central, other, &options);
            let rows = compare_rows(&alignment, other);
            let pairs = rows
                .iter()
                .filter(|r| matches!(r, CompareRow::Pair { .. }))
                .count();
            assert_eq!(pairs, central.units.len());
            let added = rows.len() - pairs;
            assert_eq!(added, alignment.unmatched_b.len(), "{}", other.id);
            // Every unit of B is some row's candidate or an added row.
            for unit in &other.units {
                let path = unit.path.as_str();
                let shown = alignment
                    .pairs
                    .iter()
                    .any(|p| p.candidates.iter().any(|c| c.b == path))
                    || alignment.unmatched_b.iter().any(|u| u == path);
                assert!(shown, "{} {path} appears nowhere", other.id);
            }
        }
    }

    #[test]
    fn a_document_against_itself_keeps_everything_of_every_mechanism() {
        let corpus = bundled_corpus().expect("corpus loads");
        let central = corpus.document("central-2018").expect("central");
        let alignment = align_documents(central, central, &AlignOptions::default());
        let column = mechanism_column(central, central, &alignment);
        let tagged: usize = column.iter().map(|(_, c)| c.central_total()).sum();
        assert!(tagged >= central.units.len(), "every unit has a mechanism");
        for (m, cell) in &column {
            assert_eq!(cell.kept, cell.central_total(), "{m:?}");
            assert_eq!(cell.added, 0);
            assert_eq!(cell.first_path.is_some(), cell.kept > 0);
        }
    }

    #[test]
    fn a_cell_opens_on_the_first_clause_of_its_mechanism_not_the_preamble() {
        let corpus = bundled_corpus().expect("corpus loads");
        let central = corpus.document("central-2018").expect("central");
        let doc = corpus.document("sichuan").expect("sichuan");
        let alignment = align_documents(central, doc, &AlignOptions::default());
        let column = mechanism_column(central, doc, &alignment);
        let cell = |m: Mechanism| &column.iter().find(|(x, _)| *x == m).expect("row").1;
        assert_eq!(
            cell(Mechanism::Compensation).first_path.as_deref(),
            Some("6.17")
        );
        for (m, cell) in &column {
            let Some(path) = cell.first_path.as_deref() else {
                continue;
            };
            let unit = central.unit(path).expect("a central unit");
            assert_ne!(unit.kind, UnitKind::Preamble, "{m:?} opens on the preamble");
        }
    }

    #[test]
    fn a_province_rewrites_more_than_it_copies() {
        let corpus = bundled_corpus().expect("corpus loads");
        let central = corpus.document("central-2018").expect("central");
        let sichuan = corpus.document("sichuan").expect("sichuan");
        let alignment = align_documents(central, sichuan, &AlignOptions::default());
        let column = mechanism_column(central, sichuan, &alignment);
        let kept: usize = column.iter().map(|(_, c)| c.kept).sum();
        let changed: usize = column
            .iter()
            .map(|(_, c)| c.rewritten + c.possibly_related)
            .sum();
        assert!(changed > kept, "kept {kept}, changed {changed}");
        let uncertain: usize = column.iter().map(|(_, c)| c.uncertain()).sum();
        assert!(uncertain > 0, "some relations are uncertain");
    }

    #[test]
    fn evidence_pieces_mark_every_occurrence_longest_first() {
        let terms = vec!["协同发展".to_string(), "京津冀协同发展".to_string()];
        let pieces = evidence_pieces("对接京津冀协同发展，推动协同发展协同发展。", &terms);
        let shown: Vec<(&str, bool)> = pieces.iter().map(|p| (p.text, p.term)).collect();
        assert_eq!(
            shown,
            [
                ("对接", false),
                ("京津冀协同发展", true),
                ("，推动", false),
                ("协同发展", true),
                ("协同发展", true),
                ("。", false),
            ]
        );
        assert_eq!(
            evidence_pieces("无关", &terms),
            [TextPiece {
                text: "无关",
                term: false
            }]
        );
        assert!(evidence_pieces("", &terms).is_empty());
    }

    #[test]
    fn stepping_stops_at_both_ends() {
        let stops = ["1", "1.1", "2"];
        assert_eq!(step_target(&stops, None, true), Some(0));
        assert_eq!(step_target(&stops, Some("1.1"), true), Some(2));
        assert_eq!(step_target(&stops, Some("2"), true), Some(2));
        assert_eq!(step_target(&stops, Some("1"), false), Some(0));
        assert_eq!(step_target(&stops, Some("9"), false), Some(0));
        assert_eq!(step_target(&[], Some("1"), true), None);
    }
}
