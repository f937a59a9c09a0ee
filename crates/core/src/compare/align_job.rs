//! Alignment in steps: [`AlignJob`] does what
//! [`align_units`](super::align::align_units) does, a bounded amount of
//! work per [`AlignJob::step`], so that a very long document (thousands of
//! units) can be aligned between the browser's frames. The one-shot
//! functions are these jobs run to their end, so the result is the same
//! however the work is cut.
//!
//! The work, in order: the vectors of both documents
//! ([`StructuredBuilder`]: one text counted or one vector made per piece),
//! the section-against-section table (one section of the implementing
//! document per piece), the scores and proposals (one implementing unit per
//! piece), the evidence (one pair per piece), and the rows (one piece).

use std::ops::Deref;

use super::align::{
    assemble, cue_mechanisms, default_source, implementing_and_source, note_best_scores,
    pair_evidence, propose, units_of, AlignOptions, AlignUnit, Alignment, CharIndex, Pair, Side,
};
use super::align_methods::structure::Role;
use super::align_methods::{roles, Structured, StructuredBuilder};
use crate::model::{Document, Mechanism};

/// How far a job is: pieces of work done, and the pieces there are (an
/// estimate until the number of pairs is known; it only shrinks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Pieces of work done.
    pub done: usize,
    /// Pieces of work in all.
    pub total: usize,
}

impl Progress {
    /// Done, in whole percent (0–100).
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        ((self.done.min(self.total) * 100) / self.total) as u32
    }
}

/// What a step of an [`AlignJob`] ended with.
#[derive(Debug, Clone, PartialEq)]
pub enum AlignStep {
    /// More work to do.
    Working(Progress),
    /// The alignment, exactly as [`align_units`](super::align::align_units) gives it.
    Done(Alignment),
}

/// Where a job is.
enum Stage {
    Vectors(StructuredBuilder),
    SectionPairs {
        structured: Structured,
        section_pairs: Vec<f64>,
        next: usize,
    },
    Scores {
        structured: Structured,
        section_pairs: Vec<f64>,
        roles_src: Vec<Role>,
        best_score_of_src: Vec<f64>,
        pairs: Vec<Pair>,
        next: usize,
    },
    Evidence {
        structured: Structured,
        best_score_of_src: Vec<f64>,
        pairs: Vec<Pair>,
        evidence: Vec<Vec<String>>,
        src_index: Vec<Option<CharIndex>>,
    },
    Finished,
}

/// An alignment of two unit lists, done in steps.
pub struct AlignJob {
    options: AlignOptions,
    stage: Stage,
    /// Pieces done in the stages after the vectors.
    done: usize,
    /// The vectors' pieces, once they are made.
    vector_pieces: Option<usize>,
}

impl AlignJob {
    /// A job aligning with `options` (the source defaults to B, as in
    /// [`align_units`](super::align::align_units)).
    pub fn new(options: &AlignOptions) -> AlignJob {
        AlignJob {
            options: AlignOptions {
                source: Some(options.source.unwrap_or(Side::B)),
                ..*options
            },
            stage: Stage::Vectors(StructuredBuilder::default()),
            done: 0,
            vector_pieces: None,
        }
    }

    fn source(&self) -> Side {
        self.options.source.unwrap_or(Side::B)
    }

    /// Does at most `budget` pieces of work (at least one). `a` and `b`
    /// must be the same units at every call.
    pub fn step(&mut self, a: &[AlignUnit], b: &[AlignUnit], budget: usize) -> AlignStep {
        let (imp, src) = implementing_and_source(a, b, self.source());
        let mut left = budget.max(1);
        while left > 0 {
            left -= 1;
            match std::mem::replace(&mut self.stage, Stage::Finished) {
                Stage::Vectors(mut builder) => {
                    let pieces = builder.progress(imp.len(), src.len()).1;
                    self.stage = match builder.step(imp, src, 1) {
                        Some(structured) => {
                            self.vector_pieces = Some(pieces);
                            Stage::SectionPairs {
                                structured,
                                section_pairs: Vec::new(),
                                next: 0,
                            }
                        }
                        None => Stage::Vectors(builder),
                    };
                }
                Stage::SectionPairs {
                    structured,
                    mut section_pairs,
                    next,
                } => {
                    self.stage = if next < structured.section_count_a() {
                        section_pairs.extend(structured.section_pair_row(next));
                        self.done += 1;
                        Stage::SectionPairs {
                            structured,
                            section_pairs,
                            next: next + 1,
                        }
                    } else {
                        Stage::Scores {
                            structured,
                            section_pairs,
                            roles_src: roles(src),
                            best_score_of_src: vec![0.0; src.len()],
                            pairs: Vec::new(),
                            next: 0,
                        }
                    };
                }
                Stage::Scores {
                    structured,
                    section_pairs,
                    roles_src,
                    mut best_score_of_src,
                    mut pairs,
                    next,
                } => {
                    self.stage = if next < imp.len() {
                        let params = &self.options.params;
                        let row = structured.score_row(
                            params,
                            &section_pairs,
                            &roles_src,
                            next,
                            imp,
                            src,
                        );
                        note_best_scores(&mut best_score_of_src, &row);
                        propose(&structured, next, row, &self.options, &mut pairs);
                        self.done += 1;
                        Stage::Scores {
                            structured,
                            section_pairs,
                            roles_src,
                            best_score_of_src,
                            pairs,
                            next: next + 1,
                        }
                    } else {
                        Stage::Evidence {
                            structured,
                            best_score_of_src,
                            evidence: Vec::with_capacity(pairs.len()),
                            pairs,
                            src_index: (0..src.len()).map(|_| None).collect(),
                        }
                    };
                }
                Stage::Evidence {
                    structured,
                    best_score_of_src,
                    pairs,
                    mut evidence,
                    mut src_index,
                } => {
                    if let Some(p) = pairs.get(evidence.len()) {
                        let terms =
                            pair_evidence(p, imp, src, &mut src_index, &structured, &self.options);
                        evidence.push(terms);
                        self.done += 1;
                        self.stage = Stage::Evidence {
                            structured,
                            best_score_of_src,
                            pairs,
                            evidence,
                            src_index,
                        };
                    } else {
                        let alignment = assemble(
                            imp,
                            src,
                            &pairs,
                            evidence,
                            &best_score_of_src,
                            &self.options,
                        );
                        return AlignStep::Done(alignment);
                    }
                }
                Stage::Finished => {
                    // A finished job starts over: the same units give the
                    // same alignment.
                    *self = AlignJob::new(&self.options);
                }
            }
        }
        AlignStep::Working(self.progress(imp.len(), src.len()))
    }

    /// How far the job is, for `imp` implementing and `src` source units.
    fn progress(&self, imp: usize, src: usize) -> Progress {
        let pairs_estimate = imp * self.options.max_candidates;
        let (vectors_done, vectors_total) = match &self.stage {
            Stage::Vectors(builder) => builder.progress(imp, src),
            _ => {
                let n = self.vector_pieces.unwrap_or(0);
                (n, n)
            }
        };
        let (sections, pairs) = match &self.stage {
            Stage::Vectors(_) | Stage::Finished => (0, pairs_estimate),
            Stage::SectionPairs { structured, .. } => {
                (structured.section_count_a(), pairs_estimate)
            }
            Stage::Scores { structured, .. } => (structured.section_count_a(), pairs_estimate),
            Stage::Evidence {
                structured, pairs, ..
            } => (structured.section_count_a(), pairs.len()),
        };
        Progress {
            done: vectors_done + self.done,
            total: vectors_total + sections + imp + pairs + 1,
        }
    }
}

/// An alignment of two documents, done in steps: what
/// [`align_documents`](super::align::align_documents) does. The job owns
/// the two documents (any owner of a [`Document`]: a reference, an `Rc`),
/// so it can be kept between the browser's tasks.
pub struct DocumentAlignJob<D: Deref<Target = Document>> {
    a: D,
    b: D,
    mechanisms_a: Vec<Vec<Mechanism>>,
    mechanisms_b: Vec<Vec<Mechanism>>,
    options: AlignOptions,
    job: AlignJob,
}

impl<D: Deref<Target = Document>> DocumentAlignJob<D> {
    /// A job aligning `a` with `b`; the source is `options.source`, else
    /// [`default_source`].
    pub fn new(a: D, b: D, options: &AlignOptions) -> DocumentAlignJob<D> {
        let options = AlignOptions {
            source: Some(options.source.unwrap_or_else(|| default_source(&a, &b))),
            ..*options
        };
        DocumentAlignJob {
            mechanisms_a: a.units.iter().map(cue_mechanisms).collect(),
            mechanisms_b: b.units.iter().map(cue_mechanisms).collect(),
            a,
            b,
            job: AlignJob::new(&options),
            options,
        }
    }

    /// The options the job aligns with (the source resolved).
    pub fn options(&self) -> &AlignOptions {
        &self.options
    }

    /// Does at most `budget` pieces of work (see [`AlignJob::step`]).
    pub fn step(&mut self, budget: usize) -> AlignStep {
        self.run_steps(budget, || true)
    }

    /// Steps of `budget` pieces until the alignment is done or `stop`
    /// says so (asked after every step): a caller with a time budget passes
    /// a clock check. The units are read once per call, not once per step.
    pub fn run_steps(&mut self, budget: usize, mut stop: impl FnMut() -> bool) -> AlignStep {
        let text = self.options.text;
        let ua = units_of(&self.a, &self.mechanisms_a, text);
        let ub = units_of(&self.b, &self.mechanisms_b, text);
        loop {
            match self.job.step(&ua, &ub, budget) {
                AlignStep::Working(_) if !stop() => {}
                other => return other,
            }
        }
    }

    /// Runs the job to its end in one go.
    pub fn run(mut self) -> Alignment {
        loop {
            if let AlignStep::Done(alignment) = self.step(usize::MAX) {
                return alignment;
            }
        }
    }
}
