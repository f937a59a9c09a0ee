//! The resumable alignment and fidelity jobs give exactly what the one-shot
//! functions give, on the real pairs the compare view shows (the central
//! opinion against every other document, either side, both texts), however
//! the work is cut.
#![cfg(not(target_arch = "wasm32"))]

use policy_core::compare::align::{align_documents, AlignOptions, Side};
use policy_core::compare::align_job::{AlignStep, DocumentAlignJob};
use policy_core::diffusion::fidelity::{document_fidelity, FidelityJob, FidelityStep};
use policy_core::model::{load_corpus, Corpus};
use policy_core::restoration::TextChoice;

fn corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/corpus.json");
    let json = std::fs::read_to_string(path).expect("corpus/corpus.json");
    load_corpus(&json).expect("corpus parses")
}

#[test]
fn stepped_alignment_and_fidelity_equal_the_one_shot_ones_on_every_corpus_pair() {
    let corpus = corpus();
    let central = corpus.document("central-2018").expect("central");
    let mut compared = 0;
    for other in corpus.documents.iter().filter(|d| d.id != central.id) {
        for text in [TextChoice::Reading, TextChoice::Witness] {
            for central_side in [Side::A, Side::B] {
                let (a, b) = match central_side {
                    Side::A => (central, other),
                    Side::B => (other, central),
                };
                let options = AlignOptions {
                    text,
                    ..AlignOptions::default()
                };
                let whole = align_documents(a, b, &options);
                // A budget that cuts every stage in odd places.
                let mut job = DocumentAlignJob::new(a, b, &options);
                let mut steps = 0;
                let stepped = loop {
                    match job.step(7) {
                        AlignStep::Done(alignment) => break alignment,
                        AlignStep::Working(p) => {
                            assert!(p.done <= p.total, "{p:?}");
                            steps += 1;
                        }
                    }
                };
                assert!(steps > 10, "{}: the work is cut into steps", other.id);
                assert_eq!(stepped, whole, "{} {text:?} {central_side:?}", other.id);

                let fidelity = document_fidelity(central, other, &whole, central_side, text);
                let mut job = FidelityJob::new(central_side, text);
                let stepped = loop {
                    if let FidelityStep::Done(f) = job.step(central, other, &whole, 3) {
                        break *f;
                    }
                };
                assert_eq!(stepped, fidelity, "{} {text:?} {central_side:?}", other.id);
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 4 * (corpus.documents.len() - 1));
    assert!(compared >= 12, "every province compared: {compared}");
}
