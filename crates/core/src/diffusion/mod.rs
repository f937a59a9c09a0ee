//! How policy travels from a central text into the documents that implement
//! it, measured on aligned clause pairs (`compare::align`):
//!
//! * [`fidelity`] — how much of a central clause a local clause carries over
//!   verbatim, how much it rewords, how much of the local clause is new, and
//!   which central clauses have no counterpart; per pair, per mechanism and
//!   per document;
//! * [`binding`] — changes in how binding a text is (obligation and
//!   prohibition words versus encouraging or permissive ones) and in its
//!   targets (years, percentages, numbers), from a reviewed lexicon that is
//!   data (`corpus/lexicon/binding-force.json`);
//! * [`citations`] — the documents a text cites, by title in 《》 or by
//!   document number in any bracket form, resolved to corpus documents, and
//!   the corpus's documents on a time axis with their citations.
//!
//! Every figure is defined in `docs/diffusion.md`. Nothing here reads files
//! or the clock: the same input gives the same figures natively and in wasm.

pub mod binding;
pub mod citations;
pub mod fidelity;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
