//! The committed corpus, loaded by `policy_core` compiled to wasm32 and run in
//! headless Chromium (wasm-bindgen-test). The app parses exactly this JSON at
//! start-up, so this proves the model, serde and the Chinese text survive the
//! wasm target, not just the native one.
//!
//! Run with `cargo xtask test` (or `cargo test -p policy-core --target
//! wasm32-unknown-unknown --test wasm_corpus` with wasm-bindgen-test-runner and
//! chromedriver on PATH). Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

#[path = "support/documented_fidelity.rs"]
mod documented_fidelity;

use policy_core::model::{load_corpus, UnitPath};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const CORPUS_JSON: &str = include_str!("../../../corpus/corpus.json");

/// The four documents every view and permalink relies on.
const DOCUMENT_IDS: [&str; 4] = ["central-2018", "sichuan", "inner-mongolia", "ndrc-2016"];

#[wasm_bindgen_test]
fn the_committed_corpus_loads_in_the_browser() {
    let corpus = load_corpus(CORPUS_JSON).expect("corpus/corpus.json parses in wasm");
    let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    let mut expected = DOCUMENT_IDS.to_vec();
    expected.sort_unstable();
    assert_eq!(ids, expected);
}

#[wasm_bindgen_test]
fn every_document_has_a_chinese_title_and_well_formed_unit_paths() {
    let corpus = load_corpus(CORPUS_JSON).expect("corpus parses");
    for doc in &corpus.documents {
        assert!(
            doc.title
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: title {:?} lost its Chinese text",
            doc.id,
            doc.title
        );
        assert!(!doc.units.is_empty(), "{} has no units", doc.id);
        for unit in &doc.units {
            assert!(
                UnitPath::parse(unit.path.as_str()).is_some(),
                "{}: bad unit path {:?}",
                doc.id,
                unit.path.as_str()
            );
        }
    }
}

#[wasm_bindgen_test]
fn the_permalinked_unit_of_the_e2e_suite_exists() {
    let corpus = load_corpus(CORPUS_JSON).expect("corpus parses");
    let sichuan = corpus.document("sichuan").expect("sichuan");
    assert!(
        sichuan.unit("6.21").is_some(),
        "#/doc/sichuan/6.21 would be a dead link"
    );
}

#[wasm_bindgen_test]
fn the_corpus_round_trips_through_json_in_wasm() {
    let corpus = load_corpus(CORPUS_JSON).expect("corpus parses");
    let json = serde_json::to_string(&corpus).expect("serializes");
    assert_eq!(load_corpus(&json).expect("reparses"), corpus);
}

#[wasm_bindgen_test]
fn diffusion_figures_are_the_documented_ones_in_the_browser() {
    use policy_core::diffusion::citations::document_citations;
    use policy_core::restoration::TextChoice;
    let corpus = load_corpus(CORPUS_JSON).expect("corpus parses");
    // The native suite checks the same table against the native build
    // (tests/diffusion_corpus.rs), so wasm and native agree through it.
    for (local, documented) in documented_fidelity::documented_rows() {
        assert_eq!(
            documented_fidelity::measured_row(&corpus, &local),
            documented,
            "{local}: docs/diffusion.md"
        );
    }
    let im = corpus.document("inner-mongolia").expect("inner-mongolia");
    let cites = document_citations(im, &corpus.documents, TextChoice::Reading);
    assert_eq!(cites[0].target.as_deref(), Some("central-2018"));
}
