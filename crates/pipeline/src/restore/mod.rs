//! Restoring the authentic wording of units that survive only in a
//! machine-reworded witness.
//!
//! The 2018 opinion's clauses (九), (十六)–(三十) and most section headings
//! of 五–十 exist only in a copy a rewording tool passed over (发展→开展,
//! 宏观→微观, 作用→造用 across a word boundary). Nothing here is typed in:
//! every change is proposed and weighed from evidence, and the evidence is
//! kept with the change ([`policy_core::restoration`]).
//!
//! * [`pairs`] — source (a): substitution pairs learned from the clauses
//!   both witnesses carry, reversed, with their reliability;
//! * [`quotes`] — source (b): provincial sentences (and the faithful
//!   witness's own fragment of a unit) that quote a reworded sentence;
//! * [`lm`] — source (c): a character n-gram model of the faithful text of
//!   every document, which scores each change in its context and proposes
//!   wordings where the witness's is unattested;
//!   [`lexicon`] adds jieba's stock dictionary as a lexicon of general
//!   Chinese for compounds the corpus is too small to show (宏观调控);
//! * [`thesaurus`] — a synonym thesaurus (同义词词林) as a fourth source,
//!   measured and off by default (`Params::use_thesaurus`);
//! * [`candidates`] — candidates from the three, merged per place, with
//!   what the tool's habits say against them (it replaces a word wherever
//!   it occurs, gives each word one replacement, and swaps common words,
//!   not place names);
//! * [`decide`] — the score and the greedy decision, and what is doubtful.
//!
//! [`restore_corpus`] fills `Unit::restored` for every reworded-only unit;
//! `docs/restoration.md` describes the method and its measured accuracy.

pub mod candidates;
pub mod decide;
pub mod lexicon;
pub mod lm;
pub mod pairs;
pub mod quotes;
pub mod thesaurus;

pub use decide::Params;

use candidates::Sources;
use decide::{decide, doubts};
use lm::CharLm;
use pairs::PairTable;
use policy_core::ingest::heading::heading_of;
use policy_core::model::{Corpus, Document, RegionInfo, SubstitutionPair, UnitKind};
use policy_core::restoration::{Evidence, RestoredChange, RestoredReading};
use policy_core::segment::Segmenter;
use quotes::{QuoteBank, QuoteSource};
use std::collections::HashSet;
use thesaurus::Thesaurus;

/// Weight of the faithful witness's own fragment of a unit, relative to a
/// provincial quote.
pub const OWN_FRAGMENT_WEIGHT: f64 = 3.0;

/// Everything the restorer learns from.
pub struct RestoreInputs<'a> {
    /// Learned substitution pairs.
    pub pairs: &'a [SubstitutionPair],
    /// The reworded side of the clauses the pairs were learned from.
    pub learning_reworded: Vec<&'a str>,
    /// Faithful texts for the language model.
    pub faithful: Vec<&'a str>,
    /// Texts that may quote the document being restored.
    pub quote_sources: Vec<QuoteSource>,
    /// (path, text) of every unit of the document being restored — the
    /// faithful text where it has one, the witness text elsewhere — so
    /// that each quote is assigned to the sentence it quotes.
    pub document_units: Vec<(String, String)>,
    /// The gazetteer: the segmenter knows its names, and place names are
    /// never replaced by related words.
    pub regions: &'a [RegionInfo],
    /// A synonym thesaurus, when installed (`cargo xtask setup`).
    pub thesaurus: Option<&'a Thesaurus>,
    /// The reworded witness of the document being restored, every unit it
    /// carries: a word it writes survived the tool (see
    /// [`candidates::Candidate::survives`]).
    pub witness_texts: Vec<&'a str>,
}

/// The trained restorer for one document.
pub struct Restorer {
    segmenter: Segmenter,
    lexicon: lexicon::GeneralLexicon,
    protected: HashSet<String>,
    lm: CharLm,
    pairs: PairTable,
    quotes: QuoteBank,
    thesaurus: Option<Thesaurus>,
    synonym_prior: [f64; pairs::SYNONYM_CLASSES],
    witness_document: String,
    params: Params,
}

impl Restorer {
    /// A restorer over the given evidence, deciding with `params`.
    pub fn new(
        inputs: RestoreInputs<'_>,
        params: Params,
    ) -> Result<Restorer, policy_core::segment::SegmentError> {
        let protected = inputs
            .regions
            .iter()
            .flat_map(|r| std::iter::once(&r.name).chain(&r.aliases))
            .filter(|n| n.chars().count() > 1)
            .cloned()
            .collect();
        let segmenter = Segmenter::with_regions(inputs.regions)?;
        let lm = CharLm::train(inputs.faithful.iter().copied());
        let lexicon = lexicon::GeneralLexicon::stock();
        let synonym_prior =
            inputs
                .thesaurus
                .map_or([f64::NEG_INFINITY; pairs::SYNONYM_CLASSES], |t| {
                    pairs::synonym_log_odds(
                        inputs.pairs,
                        inputs.learning_reworded.iter().copied(),
                        &segmenter,
                        |w| lm.count(w),
                        |w| lexicon.frequency(w),
                        t,
                    )
                });
        Ok(Restorer {
            segmenter,
            lexicon,
            protected,
            lm,
            pairs: PairTable::new(inputs.pairs, inputs.learning_reworded.iter().copied()),
            quotes: QuoteBank::new(&inputs.quote_sources, &inputs.document_units),
            thesaurus: inputs.thesaurus.cloned(),
            synonym_prior,
            witness_document: inputs.witness_texts.join("\n"),
            params,
        })
    }

    /// The restored reading of one unit's witness text.
    pub fn restore(
        &self,
        path: &str,
        kind: UnitKind,
        heading: Option<&str>,
        text: &str,
    ) -> RestoredReading {
        let chars: Vec<char> = text.chars().collect();
        let testimony = self.quotes.testify(path, &chars);
        let sources = Sources {
            pairs: &self.pairs,
            lm: &self.lm,
            quotes: &self.quotes,
            testimony: &testimony,
            segmenter: &self.segmenter,
            protected: &self.protected,
            lexicon: Some(&self.lexicon),
            thesaurus: self.thesaurus.as_ref(),
            synonym_prior: self.synonym_prior,
            witness_document: &self.witness_document,
        };
        let outcome = decide(text, &sources, &self.params);
        // Byte offset of every witness character boundary.
        let mut witness_byte: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        witness_byte.push(text.len());
        let mut changes = Vec::new();
        let mut shift: isize = 0;
        for (ws, we, restored, score, ctx, candidate) in &outcome.changes {
            let (bs, be) = (witness_byte[*ws], witness_byte[*we]);
            let start = (bs as isize + shift) as usize;
            let end = start + restored.len();
            shift += restored.len() as isize - (be - bs) as isize;
            let mut evidence: Vec<Evidence> = Vec::new();
            for e in &candidate.evidence {
                if !evidence.contains(e) {
                    evidence.push(e.clone());
                }
            }
            changes.push(RestoredChange {
                start,
                end,
                witness_start: bs,
                witness_end: be,
                witness: text[bs..be].to_string(),
                restored: restored.clone(),
                score: round3(*score),
                context_score: round3(*ctx),
                doubtful: decide::weak(*score, candidate, &self.params),
                evidence,
            });
        }
        let spans: Vec<(usize, usize)> = changes.iter().map(|c| (c.start, c.end)).collect();
        let doubts = doubts(
            &outcome,
            &self.params,
            |w| witness_byte[w.min(witness_byte.len() - 1)],
            |k| spans[k],
        );
        let mut reading = RestoredReading {
            heading: None,
            text: outcome.text,
            doubtful: !doubts.is_empty(),
            changes,
            doubts,
        };
        reading.heading = restored_heading(kind, heading, text, &reading);
        reading
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The heading of the restored text: the witness heading's span mapped
/// through the changes when the heading is the text's lead, else the
/// heading rule run on the restored text.
fn restored_heading(
    kind: UnitKind,
    heading: Option<&str>,
    witness: &str,
    reading: &RestoredReading,
) -> Option<String> {
    let h = heading?;
    if witness.starts_with(h) {
        let end = reading.to_restored_offset(h.len());
        // A change straddling the heading's end maps to its start: take it
        // whole.
        let end = reading
            .changes
            .iter()
            .find(|c| c.start == end && c.witness_start < h.len())
            .map_or(end, |c| c.end);
        return reading.text.get(..end).map(str::to_string);
    }
    heading_of(kind, &reading.text).or_else(|| Some(h.to_string()))
}

/// The inputs for restoring document `doc_index` of `corpus`: pairs and
/// faithful texts from the whole corpus, quotes from every other document
/// and from the document's own faithful fragments.
pub fn corpus_inputs<'a>(
    corpus: &'a Corpus,
    doc_index: usize,
    thesaurus: Option<&'a Thesaurus>,
) -> RestoreInputs<'a> {
    let doc = &corpus.documents[doc_index];
    let mut faithful: Vec<&str> = corpus
        .documents
        .iter()
        .flat_map(|d| &d.units)
        .filter(|u| !u.provenance.reworded)
        .map(|u| u.text.as_str())
        .collect();
    faithful.extend(
        doc.witness_readings
            .iter()
            .filter(|r| r.partial)
            .map(|r| r.text.as_str()),
    );
    let learning_reworded = doc
        .witness_readings
        .iter()
        .filter(|r| !r.partial)
        .map(|r| r.text.as_str())
        .collect();
    let mut quote_sources = provincial_quotes(corpus, doc_index);
    quote_sources.extend(own_fragments(doc));
    quote_sources.extend(own_faithful(doc, &[]));
    let witness_texts = doc
        .units
        .iter()
        .filter(|u| u.provenance.reworded)
        .map(|u| u.text.as_str())
        .chain(
            doc.witness_readings
                .iter()
                .filter(|r| !r.partial)
                .map(|r| r.text.as_str()),
        )
        .collect();
    RestoreInputs {
        pairs: &corpus.substitutions,
        learning_reworded,
        faithful,
        quote_sources,
        document_units: doc
            .units
            .iter()
            .map(|u| (u.path.0.clone(), u.text.clone()))
            .collect(),
        regions: &corpus.regions,
        thesaurus,
        witness_texts,
    }
}

/// Every unit of every other document, as a quote source.
pub fn provincial_quotes(corpus: &Corpus, doc_index: usize) -> Vec<QuoteSource> {
    corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != doc_index)
        .flat_map(|(_, d)| {
            d.units.iter().map(|u| QuoteSource {
                doc: d.id.clone(),
                path: u.path.0.clone(),
                text: u.text.clone(),
                only_for: None,
                weight: 1.0,
            })
        })
        .collect()
}

/// The faithful witness's fragments of the document's reworded-only units.
pub fn own_fragments(doc: &Document) -> Vec<QuoteSource> {
    doc.witness_readings
        .iter()
        .filter(|r| r.partial)
        .map(|r| QuoteSource {
            doc: doc.id.clone(),
            path: r.path.0.clone(),
            text: r.text.clone(),
            only_for: Some(r.path.0.clone()),
            weight: OWN_FRAGMENT_WEIGHT,
        })
        .collect()
}

/// The document's own faithful units (except the paths in `exclude`), as
/// quote sources: the 2018 opinion's goals name the mechanisms its section
/// titles repeat.
pub fn own_faithful(doc: &Document, exclude: &[&str]) -> Vec<QuoteSource> {
    doc.units
        .iter()
        .filter(|u| !u.provenance.reworded && !exclude.contains(&u.path.as_str()))
        .map(|u| QuoteSource {
            doc: doc.id.clone(),
            path: u.path.0.clone(),
            text: u.text.clone(),
            only_for: None,
            weight: 1.0,
        })
        .collect()
}

/// Fills `restored` for every unit whose text comes only from a reworded
/// witness, in every document that has one.
pub fn restore_corpus(
    corpus: &mut Corpus,
    params: Params,
    thesaurus: Option<&Thesaurus>,
) -> Result<(), policy_core::segment::SegmentError> {
    for i in 0..corpus.documents.len() {
        if !corpus.documents[i]
            .units
            .iter()
            .any(|u| u.provenance.reworded)
        {
            continue;
        }
        let restorer = Restorer::new(corpus_inputs(corpus, i, thesaurus), params)?;
        let readings: Vec<_> = corpus.documents[i]
            .units
            .iter()
            .map(|u| {
                u.provenance.reworded.then(|| {
                    restorer.restore(u.path.as_str(), u.kind, u.heading.as_deref(), &u.text)
                })
            })
            .collect();
        for (u, r) in corpus.documents[i].units.iter_mut().zip(readings) {
            u.restored = r;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_core::restoration::Evidence;

    fn pair(original: &str, reworded: &str, count: usize) -> SubstitutionPair {
        SubstitutionPair::new(original, reworded, count)
    }

    fn restorer() -> Restorer {
        let pairs = vec![pair("发展", "开展", 3)];
        Restorer::new(
            RestoreInputs {
                pairs: &pairs,
                learning_reworded: vec!["区域协调开展", "推动高质量开展", "开展战略"],
                faithful: vec![
                    "促进区域协调发展。",
                    "推动区域协调发展，推动高质量发展。",
                    "深入开展对口支援。",
                    "发挥市场机制作用。",
                    "在深化区域合作机制、优化区域互助机制、健全区际利益补偿机制等方面取得新进展。",
                ],
                quote_sources: vec![
                    QuoteSource {
                        doc: "inner-mongolia".into(),
                        path: "3.4".into(),
                        text: "优化区域互助机制".into(),
                        only_for: None,
                        weight: 1.0,
                    },
                    // The opinion's own goals name the mechanism in running text.
                    QuoteSource {
                        doc: "central-2018".into(),
                        path: "1.3.d2".into(),
                        text: "在深化区域合作机制、优化区域互助机制、健全区际利益补偿机制等方面取得新进展。".into(),
                        only_for: None,
                        weight: 1.0,
                    },
                ],
                document_units: vec![
                    ("4".into(), "深化区域合作机制".into()),
                    ("5".into(), "优化区域合作机制".into()),
                    ("9.29".into(), "推动区域协调开展。".into()),
                ],
                regions: &[],
                thesaurus: None,
                witness_texts: vec!["推动区域协调开展。", "优化区域合作机制"],
            },
            Params::default(),
        )
        .expect("segmenter")
    }

    #[test]
    fn a_learned_pair_is_reversed_where_the_context_wants_it_and_records_its_evidence() {
        let r = restorer().restore("9.29", UnitKind::Clause, None, "推动区域协调开展。");
        assert_eq!(r.text, "推动区域协调发展。");
        let c = &r.changes[0];
        assert_eq!((c.witness.as_str(), c.restored.as_str()), ("开展", "发展"));
        assert_eq!(&r.text[c.start..c.end], "发展");
        assert_eq!(c.witness_start, "推动区域协调".len());
        assert!(c.context_score > 0.0);
        assert!(c
            .evidence
            .iter()
            .any(|e| matches!(e, Evidence::LearnedPair { original, .. } if original == "发展")));
    }

    #[test]
    fn a_wording_the_witness_writes_elsewhere_is_not_restored_on_weak_evidence() {
        let restore = |elsewhere: &str| {
            Restorer::new(
                RestoreInputs {
                    pairs: &[],
                    learning_reworded: vec![],
                    faithful: vec!["加强宏观政策协调。", "宏观经济稳定。"],
                    quote_sources: vec![],
                    document_units: vec![("1".into(), "加强微观调控。".into())],
                    regions: &[],
                    thesaurus: None,
                    witness_texts: vec!["加强微观调控。", elsewhere],
                },
                Params::default(),
            )
            .expect("segmenter")
            .restore("1", UnitKind::Clause, None, "加强微观调控。")
        };
        // The general lexicon knows 宏观调控 and not 微观调控.
        assert_eq!(restore("稳定物价。").text, "加强宏观调控。");
        // A witness that writes 宏观 elsewhere shows the tool leaves it
        // alone: 微观 here is not its replacement for 宏观.
        assert_eq!(restore("宏观经济稳定。").text, "加强微观调控。");
    }

    #[test]
    fn a_quoting_heading_restores_a_word_no_pair_knows_and_the_heading_follows() {
        let r = restorer().restore(
            "5",
            UnitKind::Section,
            Some("优化区域合作机制"),
            "优化区域合作机制",
        );
        assert_eq!(r.text, "优化区域互助机制");
        assert_eq!(r.heading.as_deref(), Some("优化区域互助机制"));
        assert!(r.changes[0]
            .evidence
            .iter()
            .any(|e| matches!(e, Evidence::Quote { doc, path, .. } if doc == "inner-mongolia" && path == "3.4")));
        assert!(r.changes[0]
            .evidence
            .iter()
            .any(|e| matches!(e, Evidence::Quote { path, .. } if path == "1.3.d2")));
        // The authentic heading of 四、 is left alone.
        let four = restorer().restore(
            "4",
            UnitKind::Section,
            Some("深化区域合作机制"),
            "深化区域合作机制",
        );
        assert!(four.changes.is_empty(), "{:?}", four.changes);
    }
}
