//! The comparison of two documents: their alignment, each pair's figures
//! and the local document's fidelity. For documents of ordinary length it
//! is computed during the render, as before; for long ones (a user's copy
//! of thousands of units) it runs in slices of about [`SLICE_MS`], each in
//! its own timer task, so the page paints the progress, scrolls and answers
//! Cancel in between. Cancel stops the work at its next slice; "Compare
//! again" starts it over. Either way the result is the same: the slices run
//! the core's resumable jobs ([`DocumentAlignJob`], [`FidelityJob`]), which
//! give exactly what the one-shot functions give.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use policy_core::compare::align::{AlignOptions, Alignment, Side};
use policy_core::compare::align_job::{AlignStep, DocumentAlignJob};
use policy_core::diffusion::fidelity::{DocumentFidelity, FidelityJob, FidelityStep};
use policy_core::restoration::TextChoice;
use yew::prelude::*;

use crate::views::compare_diffusion::{row_figures, PairFigures};
use crate::views::compare_model::{align_options, ComparedDoc};
use crate::views::matrix::CENTRAL_ID;

/// From this many units in the two documents together, the comparison runs
/// in slices (the bundled documents have a few hundred at most, and stay
/// computed at once).
pub const SLICED_FROM_UNITS: usize = 1_500;
use crate::scheduling::SLICE_MS;
/// Pieces of work per job step inside a slice (a text counted, a unit
/// scored, a pair's evidence, a row measured).
const STEP_BUDGET: usize = 8;

/// A finished comparison.
#[derive(Debug)]
pub struct Comparison {
    pub alignment: Rc<Alignment>,
    /// Each row of A's figures (see [`row_figures`]).
    pub figures: Rc<Vec<PairFigures>>,
    pub fidelity: Rc<DocumentFidelity>,
    /// The side of the central (source) document, as the aligner was told.
    pub central_side: Side,
    /// Milliseconds from the start to the alignment (slices and the pauses
    /// between them included).
    pub align_ms: f64,
}

/// Where the comparison is.
#[derive(Debug, Clone)]
pub enum ComparisonState {
    /// Running in slices; done in percent.
    Working(u32),
    /// Stopped by the reader; nothing computed is shown.
    Cancelled,
    Ready(Rc<Comparison>),
}

impl PartialEq for ComparisonState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ComparisonState::Working(x), ComparisonState::Working(y)) => x == y,
            (ComparisonState::Cancelled, ComparisonState::Cancelled) => true,
            (ComparisonState::Ready(x), ComparisonState::Ready(y)) => Rc::ptr_eq(x, y),
            _ => false,
        }
    }
}

/// The comparison and what the reader can do while it runs.
pub struct ComparisonHandle {
    pub state: ComparisonState,
    /// Stops a comparison in slices.
    pub cancel: Callback<()>,
    /// Starts a cancelled comparison again.
    pub again: Callback<()>,
}

/// The documents and text a comparison is of.
type Key = (ComparedDoc, ComparedDoc, TextChoice);

/// The comparison of `a` and `b` read through `text`.
#[hook]
pub fn use_comparison(a: &ComparedDoc, b: &ComparedDoc, text: TextChoice) -> ComparisonHandle {
    let key: Key = (a.clone(), b.clone(), text);
    let sliced = a.units.len() + b.units.len() >= SLICED_FROM_UNITS;
    let at_once = use_memo(key.clone(), move |(a, b, text)| {
        (!sliced).then(|| {
            let mut job = ComparisonJob::new(a, b, *text);
            loop {
                if let Ok(comparison) = job.run(|| false) {
                    break comparison;
                }
            }
        })
    });
    let sliced_state = use_state(|| None::<(Key, ComparisonState)>);
    // Each run gets a number; Cancel, other documents or leaving the page
    // change the current one, and a running job stops at its next slice.
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let attempt = use_state(|| 0_u32);
    {
        let state = sliced_state.clone();
        let generation = generation.clone();
        use_effect_with((key.clone(), *attempt), move |(key, _)| {
            let id = {
                let mut current = generation.borrow_mut();
                *current += 1;
                *current
            };
            if sliced {
                state.set(Some((key.clone(), ComparisonState::Working(0))));
                let (a, b, text) = key.clone();
                let job = Rc::new(RefCell::new(ComparisonJob::new(&a, &b, text)));
                let run = SlicedRun {
                    job,
                    state,
                    generation: generation.clone(),
                    id,
                    key: key.clone(),
                };
                // Let the browser paint the progress before the first slice.
                Timeout::new(16, move || run.slice()).forget();
            }
            move || *generation.borrow_mut() += 1
        });
    }

    let state = match (&*at_once, &*sliced_state) {
        (Some(comparison), _) => ComparisonState::Ready(comparison.clone()),
        (None, Some((k, state))) if *k == key => state.clone(),
        (None, _) => ComparisonState::Working(0),
    };
    let cancel = {
        let state = sliced_state.clone();
        let generation = generation.clone();
        let key = key.clone();
        Callback::from(move |()| {
            *generation.borrow_mut() += 1;
            state.set(Some((key.clone(), ComparisonState::Cancelled)));
        })
    };
    let again = Callback::from(move |()| attempt.set(*attempt + 1));
    ComparisonHandle {
        state,
        cancel,
        again,
    }
}

/// One comparison running in slices, and where its progress goes.
struct SlicedRun {
    job: Rc<RefCell<ComparisonJob>>,
    state: UseStateHandle<Option<(Key, ComparisonState)>>,
    generation: Rc<RefCell<u64>>,
    id: u64,
    key: Key,
}

impl SlicedRun {
    /// Works for about [`SLICE_MS`], then shows the progress and schedules
    /// the next slice as a new task, or shows the comparison.
    fn slice(self) {
        if *self.generation.borrow() != self.id {
            return;
        }
        let started = crate::clock::now_ms();
        let result = self
            .job
            .borrow_mut()
            .run(|| crate::clock::now_ms() - started >= SLICE_MS);
        match result {
            Ok(comparison) => self
                .state
                .set(Some((self.key.clone(), ComparisonState::Ready(comparison)))),
            Err(percent) => {
                self.state
                    .set(Some((self.key.clone(), ComparisonState::Working(percent))));
                Timeout::new(0, move || self.slice()).forget();
            }
        }
    }
}

/// The whole comparison as one resumable job: the alignment, then each
/// row's figures, then the document's fidelity.
struct ComparisonJob {
    a: ComparedDoc,
    b: ComparedDoc,
    text: TextChoice,
    central_side: Side,
    started: f64,
    align_ms: f64,
    stage: Stage,
}

enum Stage {
    Align(Box<DocumentAlignJob<ComparedDoc>>),
    Figures {
        alignment: Rc<Alignment>,
        rows: Vec<PairFigures>,
    },
    Fidelity {
        alignment: Rc<Alignment>,
        figures: Rc<Vec<PairFigures>>,
        job: Box<FidelityJob>,
    },
}

/// Shares of the progress bar: the alignment up to this percent, the rows'
/// figures up to [`FIGURES_UNTIL`], the fidelity the rest.
const ALIGN_UNTIL: usize = 80;
const FIGURES_UNTIL: usize = 90;

impl ComparisonJob {
    fn new(a: &ComparedDoc, b: &ComparedDoc, text: TextChoice) -> ComparisonJob {
        let options = AlignOptions {
            text,
            ..align_options(a, b, CENTRAL_ID)
        };
        let central_side = options.source.unwrap_or(Side::B);
        ComparisonJob {
            a: a.clone(),
            b: b.clone(),
            text,
            central_side,
            started: crate::clock::now_ms(),
            align_ms: 0.0,
            stage: Stage::Align(Box::new(DocumentAlignJob::new(
                a.clone(),
                b.clone(),
                &options,
            ))),
        }
    }

    /// Works until done or until `stop` says so (asked between steps):
    /// the comparison, or how far it is in percent.
    fn run(&mut self, mut stop: impl FnMut() -> bool) -> Result<Rc<Comparison>, u32> {
        loop {
            let percent = match &mut self.stage {
                Stage::Align(job) => match job.run_steps(STEP_BUDGET, &mut stop) {
                    AlignStep::Done(alignment) => {
                        self.align_ms = crate::clock::now_ms() - self.started;
                        let rows = Vec::with_capacity(alignment.pairs.len());
                        self.stage = Stage::Figures {
                            alignment: Rc::new(alignment),
                            rows,
                        };
                        continue;
                    }
                    AlignStep::Working(progress) => progress.percent() as usize * ALIGN_UNTIL / 100,
                },
                Stage::Figures { alignment, rows } => {
                    while rows.len() < alignment.pairs.len() {
                        let i = rows.len();
                        rows.push(row_figures(
                            &self.a,
                            &self.b,
                            alignment,
                            i,
                            self.central_side,
                            self.text,
                        ));
                        if i % STEP_BUDGET == 0 && stop() {
                            break;
                        }
                    }
                    if rows.len() == alignment.pairs.len() {
                        let figures = Rc::new(std::mem::take(rows));
                        self.stage = Stage::Fidelity {
                            alignment: alignment.clone(),
                            figures,
                            job: Box::new(FidelityJob::new(self.central_side, self.text)),
                        };
                        continue;
                    }
                    ALIGN_UNTIL
                        + rows.len() * (FIGURES_UNTIL - ALIGN_UNTIL) / alignment.pairs.len().max(1)
                }
                Stage::Fidelity {
                    alignment,
                    figures,
                    job,
                } => {
                    let (central, local) = match self.central_side {
                        Side::A => (&self.a, &self.b),
                        Side::B => (&self.b, &self.a),
                    };
                    let step = loop {
                        match job.step(central, local, alignment, STEP_BUDGET) {
                            FidelityStep::Working { .. } if !stop() => {}
                            other => break other,
                        }
                    };
                    match step {
                        FidelityStep::Done(fidelity) => {
                            return Ok(Rc::new(Comparison {
                                alignment: alignment.clone(),
                                figures: figures.clone(),
                                fidelity: Rc::new(*fidelity),
                                central_side: self.central_side,
                                align_ms: self.align_ms,
                            }));
                        }
                        FidelityStep::Working { done, total } => {
                            FIGURES_UNTIL + done * (100 - FIGURES_UNTIL) / total.max(1)
                        }
                    }
                }
            };
            return Err(percent.min(99) as u32);
        }
    }
}
