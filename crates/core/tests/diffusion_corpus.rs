//! Fidelity, binding-force and citation figures on the committed corpus:
//! the real pairs the app and the CLI show.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/documented_fidelity.rs"]
mod documented_fidelity;

use policy_core::compare::align::{align_documents, AlignOptions, Side};
use policy_core::diffusion::binding::{changes, ChangeKind};
use policy_core::diffusion::citations::{corpus_timeline, document_citations};
use policy_core::diffusion::fidelity::{document_fidelity, DocumentFidelity};
use policy_core::model::{load_corpus, Corpus};
use policy_core::restoration::TextChoice;

fn corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/corpus.json");
    let json = std::fs::read_to_string(path).expect("corpus/corpus.json");
    load_corpus(&json).expect("corpus parses")
}

fn fidelity(corpus: &Corpus, local: &str, central_side: Side) -> DocumentFidelity {
    let central = corpus.document("central-2018").expect("central");
    let local = corpus.document(local).expect("local");
    let alignment = match central_side {
        Side::A => align_documents(central, local, &AlignOptions::default()),
        Side::B => align_documents(local, central, &AlignOptions::default()),
    };
    document_fidelity(
        central,
        local,
        &alignment,
        central_side,
        TextChoice::Reading,
    )
}

fn reading<'c>(corpus: &'c Corpus, doc: &str, path: &str) -> &'c str {
    corpus
        .document(doc)
        .and_then(|d| d.unit(path))
        .map(|u| u.reading())
        .expect("unit exists")
}

#[test]
fn provinces_rewrite_more_than_they_copy_and_the_shares_add_up() {
    let corpus = corpus();
    for id in ["sichuan", "inner-mongolia", "ndrc-2016"] {
        let f = fidelity(&corpus, id, Side::A);
        let s = f.document.shares;
        let sum = s.verbatim + s.rewritten + s.not_carried + s.uncertain + s.no_counterpart;
        assert!((sum - 1.0).abs() < 0.01, "{id}: shares add up to {sum}");
        // Of what is measured, less than half is copied word for word.
        let measured = f.document.verbatim + f.document.rewritten + f.document.not_carried;
        assert!(f.document.verbatim * 2 < measured, "{id}: {:?}", f.document);
        assert!(f.local_side.new_share > 0.2, "{id}: {:?}", f.local_side);
        assert_eq!(f.units.len(), 49);
        assert_eq!(
            f.by_mechanism.iter().map(|m| m.totals.units).sum::<usize>(),
            49
        );
        assert!(!f.central_without_counterpart.is_empty());
    }
}

#[test]
fn the_figures_do_not_depend_on_which_side_the_central_text_is() {
    let corpus = corpus();
    let a = fidelity(&corpus, "sichuan", Side::A);
    let b = fidelity(&corpus, "sichuan", Side::B);
    assert_eq!(a.document, b.document);
    assert_eq!(a.local_side, b.local_side);
}

#[test]
fn real_pairs_that_change_binding_force_and_targets() {
    let corpus = corpus();
    // Central 8.23 forbids (严禁) and insists (坚决); Inner Mongolia's
    // counterpart 3.7.1 seeks support (争取).
    let c = changes(
        reading(&corpus, "central-2018", "8.23"),
        reading(&corpus, "inner-mongolia", "3.7.1"),
    );
    assert_eq!(c[0].kind, ChangeKind::Weakened, "{c:?}");
    assert!(
        c[0].old.contains("严禁") && c[0].new.contains("争取"),
        "{c:?}"
    );
    // Central 6.18 encourages (鼓励); Sichuan 6.22 states the measure.
    let c = changes(
        reading(&corpus, "central-2018", "6.18"),
        reading(&corpus, "sichuan", "6.22"),
    );
    assert_eq!(c[0].kind, ChangeKind::Strengthened, "{c:?}");
    assert_eq!(c[0].old, "鼓励");
    // The 2035 goal of the central opinion against the 2016 guidance's 2020 goal.
    let c = changes(
        reading(&corpus, "central-2018", "1.3.d2"),
        reading(&corpus, "ndrc-2016", "1.3"),
    );
    let t = c
        .iter()
        .find(|c| c.kind == ChangeKind::Target)
        .expect("target change");
    assert!(
        t.old.contains("到2035年") && t.new.contains("到2020年"),
        "{t:?}"
    );
    // Sichuan 2.7 plans for the 十四五 period.
    let t = changes("推动区域发展", reading(&corpus, "sichuan", "2.7"));
    assert!(t
        .iter()
        .any(|c| c.kind == ChangeKind::Target && c.new.contains("十四五")));
}

#[test]
fn provincial_documents_cite_the_central_opinion() {
    let corpus = corpus();
    let docs = &corpus.documents;
    let sichuan = document_citations(
        corpus.document("sichuan").unwrap(),
        docs,
        TextChoice::Reading,
    );
    assert_eq!(sichuan[0].unit, "0");
    assert_eq!(sichuan[0].target.as_deref(), Some("central-2018"));
    assert_eq!(sichuan[0].doc_number, None);
    // 《成渝城市群发展规划》 is not in the corpus: unresolved.
    assert!(sichuan
        .iter()
        .any(|c| c.title.as_deref() == Some("成渝城市群发展规划") && c.target.is_none()));
    let im = document_citations(
        corpus.document("inner-mongolia").unwrap(),
        docs,
        TextChoice::Reading,
    );
    assert_eq!(im.len(), 1);
    assert_eq!(im[0].doc_number.as_deref(), Some("中发〔2018〕43号"));
    assert_eq!(im[0].target.as_deref(), Some("central-2018"));
    // The 2016 guidance's own number and title in its header are not citations.
    let ndrc = document_citations(
        corpus.document("ndrc-2016").unwrap(),
        docs,
        TextChoice::Reading,
    );
    assert!(ndrc.iter().all(|c| c.target.is_none()), "{ndrc:?}");
}

#[test]
fn the_timeline_keeps_unknown_dates_unknown() {
    let t = corpus_timeline(&corpus());
    let order: Vec<(&str, Option<&str>)> = t
        .docs
        .iter()
        .map(|d| (d.id.as_str(), d.date.as_deref()))
        .collect();
    assert_eq!(
        order,
        [
            ("ndrc-2016", Some("2016-08-16")),
            ("central-2018", Some("2018-11-18")),
            ("sichuan", None),
            ("inner-mongolia", None)
        ]
    );
    let edges: Vec<(&str, &str)> = t
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(
        edges,
        [
            ("sichuan", "central-2018"),
            ("inner-mongolia", "central-2018")
        ]
    );
}

#[test]
fn the_documented_fidelity_table_is_what_the_corpus_gives() {
    let corpus = corpus();
    for (local, documented) in documented_fidelity::documented_rows() {
        assert_eq!(
            documented_fidelity::measured_row(&corpus, &local),
            documented,
            "{local}: regenerate the table in docs/diffusion.md"
        );
    }
}
