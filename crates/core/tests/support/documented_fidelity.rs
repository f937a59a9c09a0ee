//! The fidelity table `docs/diffusion.md` publishes, and the same seven
//! figures computed from the committed corpus. The native suite and the
//! browser suite both compare the two, so the documented figures, the native
//! build and the wasm build cannot drift apart.

use policy_core::compare::align::{align_documents, AlignOptions, Side};
use policy_core::diffusion::fidelity::document_fidelity;
use policy_core::model::Corpus;
use policy_core::restoration::TextChoice;

const DIFFUSION_DOC: &str = include_str!("../../../../docs/diffusion.md");

/// Verbatim, rewritten, not carried, uncertain, no counterpart (shares of the
/// central opinion), then the local text's new and uncertain shares.
pub type FidelityRow = [f64; 7];

/// `(local document id, figures)` for every row of the documented table.
pub fn documented_rows() -> Vec<(String, FidelityRow)> {
    let rows: Vec<(String, FidelityRow)> = DIFFUSION_DOC
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .strip_prefix('|')?
                .strip_suffix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            if cells.len() != 8 {
                return None;
            }
            let mut row = [0.0; 7];
            for (slot, cell) in row.iter_mut().zip(&cells[1..]) {
                *slot = cell.parse().ok()?;
            }
            Some((cells[0].to_string(), row))
        })
        .collect();
    assert!(
        rows.len() >= 3,
        "docs/diffusion.md lost its fidelity table (found {} rows)",
        rows.len()
    );
    rows
}

/// The figures of one local document against the central opinion, rounded
/// as the CLI prints them (three decimals).
pub fn measured_row(corpus: &Corpus, local_id: &str) -> FidelityRow {
    let central = corpus.document("central-2018").expect("central-2018");
    let local = corpus
        .document(local_id)
        .expect("documented document exists");
    let alignment = align_documents(central, local, &AlignOptions::default());
    let f = document_fidelity(central, local, &alignment, Side::A, TextChoice::Reading);
    let s = &f.document.shares;
    [
        s.verbatim,
        s.rewritten,
        s.not_carried,
        s.uncertain,
        s.no_counterpart,
        f.local_side.new_share,
        f.local_side.uncertain_share,
    ]
}
