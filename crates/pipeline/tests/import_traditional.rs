//! `import` on a traditional-script copy of a document yields the same
//! units as the corpus: the copy is made with OpenCC s2t here, then run
//! through the same single-document pipeline the CLI and browser use.

use policy_core::ingest::import_document;
use policy_core::model::{Script, Unit};
use policy_pipeline::build_corpus;
use policy_pipeline::opencc::{OpenCcConfig, OpenCcConverter};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shape(units: &[Unit]) -> Vec<(String, String, Option<String>, String)> {
    units
        .iter()
        .map(|u| {
            (
                u.path.0.clone(),
                u.label.clone(),
                u.heading.clone(),
                u.text.clone(),
            )
        })
        .collect()
}

#[test]
fn traditional_copy_of_sichuan_imports_to_the_corpus_units() {
    let file = "001_ca91016dd0c6a5e5.txt";
    let raw = std::fs::read_to_string(root().join("corpus/raw").join(file)).expect("raw file");
    let s2t = OpenCcConverter::new(OpenCcConfig::S2t).expect("OpenCC s2t");
    let traditional = s2t.convert(&raw);
    assert_ne!(traditional, raw, "the copy really is traditional");
    let t2s = OpenCcConverter::t2s().expect("OpenCC t2s");
    let imported = import_document(&traditional, file, &t2s).expect("imports");
    assert_eq!(imported.witnesses[0].script, Script::Traditional);

    let corpus = build_corpus(&root()).expect("corpus builds");
    let expected = corpus.document("sichuan").expect("sichuan");
    assert_eq!(shape(&imported.units), shape(&expected.units));
    assert_eq!(imported.title, expected.title);
    assert_eq!(imported.issuers, expected.issuers);
    // Unknown stays unknown on import too.
    assert_eq!(
        (imported.date.as_deref(), imported.doc_number.as_deref()),
        (None, None)
    );
}

#[test]
fn traditional_raw_file_imports_like_the_corpus_document() {
    // 003 arrived in traditional script; a plain import must match the corpus.
    let file = "003_c7cda20545700e5f.txt";
    let raw = std::fs::read_to_string(root().join("corpus/raw").join(file)).expect("raw file");
    let t2s = OpenCcConverter::t2s().expect("OpenCC t2s");
    let imported = import_document(&raw, file, &t2s).expect("imports");
    let corpus = build_corpus(&root()).expect("corpus builds");
    let expected = corpus.document("inner-mongolia").expect("inner-mongolia");
    assert_eq!(shape(&imported.units), shape(&expected.units));
    // A document imported on its own has no central text to align with, so
    // it lacks the tags the corpus build takes over through alignment.
    let tags = |units: &[Unit]| {
        units
            .iter()
            .map(|u| {
                let cued: Vec<_> = u
                    .mechanisms
                    .iter()
                    .filter(|m| m.rule != "aligned-section")
                    .cloned()
                    .collect();
                (cued, u.regions.clone())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(tags(&imported.units), tags(&expected.units));
    assert_eq!(imported.jurisdiction.as_deref(), Some("inner-mongolia"));
}

#[test]
fn browser_converter_agrees_with_opencc_on_the_traditional_documents() {
    // The browser imports with the pure-Rust converter; it must give the
    // units the OpenCC-built corpus has.
    let browser =
        policy_core::script::SimplifiedConverter::new().expect("pure-Rust converter loads");
    let corpus = build_corpus(&root()).expect("corpus builds");
    for (file, id) in [
        ("003_c7cda20545700e5f.txt", "inner-mongolia"),
        ("004_126da79b9d7433e3.txt", "ndrc-2016"),
    ] {
        let raw = std::fs::read_to_string(root().join("corpus/raw").join(file)).expect("raw file");
        let imported = import_document(&raw, file, &browser).expect("imports");
        let expected = corpus.document(id).expect("document");
        assert_eq!(shape(&imported.units), shape(&expected.units), "{id}");
        assert_eq!(imported.doc_number, expected.doc_number, "{id}");
    }
}
