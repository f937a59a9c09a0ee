//! The diffusion figures of a comparison, per row of the side-by-side
//! table: each pair's fidelity (central clause against its best local
//! counterpart) and its changes in binding force and targets (central →
//! local), computed once per alignment. Pure, so it is tested natively.

use policy_core::compare::align::{Alignment, Side};
use policy_core::diffusion::binding::{changes, Change};
use policy_core::diffusion::fidelity::{pair_fidelity, PairFidelity};
use policy_core::model::Document;
use policy_core::restoration::TextChoice;

use crate::views::compare_model::comparable_text;

/// The figures of one row of A (one entry of `Alignment::pairs`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairFigures {
    /// Fidelity of the pair with the best candidate; `None` without one.
    pub fidelity: Option<PairFidelity>,
    /// Changes from the central side's text to the local side's.
    pub changes: Vec<Change>,
}

/// The figures of every row of A. `central_side` names the side of the
/// central (source) document: its unit is the old text of every pair.
pub fn pair_figures(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
    central_side: Side,
    text: TextChoice,
) -> Vec<PairFigures> {
    (0..alignment.pairs.len())
        .map(|i| row_figures(a, b, alignment, i, central_side, text))
        .collect()
}

/// The figures of row `i` of A (see [`pair_figures`]), so that a long
/// document's rows can be measured a few at a time.
pub fn row_figures(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
    i: usize,
    central_side: Side,
    text: TextChoice,
) -> PairFigures {
    let pair = &alignment.pairs[i];
    let (Some(unit_a), Some(unit_b)) = (
        a.units.get(i),
        pair.candidates.first().and_then(|c| b.unit(&c.b)),
    ) else {
        return PairFigures::default();
    };
    let (ta, tb) = (comparable_text(unit_a, text), comparable_text(unit_b, text));
    let (central, local) = match central_side {
        Side::A => (ta, tb),
        Side::B => (tb, ta),
    };
    PairFigures {
        fidelity: Some(pair_fidelity(central, &[local])),
        changes: changes(central, local),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus_data::bundled_corpus;
    use policy_core::compare::align::{align_documents, AlignOptions};
    use policy_core::diffusion::binding::ChangeKind;

    #[test]
    fn every_row_has_figures_and_real_pairs_flag_their_changes() {
        let corpus = bundled_corpus().expect("corpus loads");
        let central = corpus.document("central-2018").unwrap();
        let im = corpus.document("inner-mongolia").unwrap();
        let options = AlignOptions {
            source: Some(Side::B),
            ..AlignOptions::default()
        };
        let alignment = align_documents(im, central, &options);
        let figures = pair_figures(im, central, &alignment, Side::B, TextChoice::Reading);
        assert_eq!(figures.len(), im.units.len());
        let row = im
            .units
            .iter()
            .position(|u| u.path.as_str() == "3.7.1")
            .unwrap();
        assert_eq!(alignment.pairs[row].candidates[0].b, "8.23");
        assert_eq!(figures[row].changes[0].kind, ChangeKind::Weakened);
        assert!(figures[row].fidelity.is_some_and(|f| f.central_chars > 0));
    }
}
