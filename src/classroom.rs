//! The classroom features' wiring into the app shell, kept here so that the
//! shell only places what this hook returns: presentation mode (the `P` /
//! `Esc` keys and the controls bar), the tour in progress (its overlay and
//! the navigation to each step's route), and the persistence of the tours
//! a teacher loaded.

use std::rc::Rc;

use crate::tours::format::Tour;
use yew::prelude::*;

use crate::components::presentation_bar::PresentationBar;
use crate::components::tour_overlay::TourOverlay;
use crate::presentation::{self, is_typing_or_shortcut, present_key, PresentKey};
use crate::state::{Action, NoticeKind, State};
use crate::storage::{self, Loaded, SaveError};
use crate::tours::{ToursContext, UserTours};

/// What the shell places on the page.
pub struct Classroom {
    /// For the tours page (`ToursContext` provider).
    pub tours: ToursContext,
    /// The overlay of the tour in progress (empty without one).
    pub tour_overlay: Html,
    /// The presentation controls (empty unless presenting).
    pub presentation_bar: Html,
    /// For the `#presentation-toggle` button.
    pub toggle_presentation: Callback<()>,
}

/// The loaded tours at start-up, and the notice if the stored ones were
/// unreadable (they are removed: a corrupt value must not crash, nor greet
/// the teacher again on every load).
pub fn load_user_tours() -> (UserTours, Option<NoticeKind>) {
    match storage::load::<UserTours>() {
        Loaded::Found(tours) => (tours, None),
        Loaded::Reset(_) => (UserTours::default(), Some(NoticeKind::StoredToursReset)),
        Loaded::Missing | Loaded::Unavailable => (UserTours::default(), None),
    }
}

#[hook]
pub fn use_classroom(state: &UseReducerHandle<State>) -> Classroom {
    let toggle_presentation = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::SetPresenting(!state.presenting)))
    };

    // `P` toggles presentation from anywhere, `Esc` leaves it. Re-installed
    // when `presenting` changes so the handler sees the current value.
    {
        let state = state.clone();
        use_effect_with(state.presenting, move |presenting| {
            let presenting = *presenting;
            let listener = presentation::KeyListener::new(move |event| {
                if is_typing_or_shortcut(&event) {
                    return;
                }
                match present_key(&event.key(), presenting) {
                    Some(PresentKey::Toggle) => {
                        event.prevent_default();
                        state.dispatch(Action::SetPresenting(!presenting));
                    }
                    Some(PresentKey::Leave) => {
                        event.prevent_default();
                        state.dispatch(Action::SetPresenting(false));
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    // Each step of a tour shows its route. Only a change of tour or step
    // navigates: a language switch must not move the reader.
    use_effect_with(state.active_tour.clone(), |active| {
        if let Some(active) = active {
            if let Some(location) = web_sys::window().map(|w| w.location()) {
                let _ = location.set_hash(active.route());
            }
        }
    });

    // Persist the loaded tours whenever they change (not at start-up:
    // they were just read).
    {
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.user_tours.clone(), move |tours| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let result = if tours.0.is_empty() {
                storage::remove::<UserTours>()
            } else {
                storage::save(tours)
            };
            match result {
                // Unavailable storage was announced at start-up.
                Ok(()) | Err(SaveError::Unavailable) => {}
                Err(SaveError::Refused | SaveError::TooLarge { .. }) => {
                    state.dispatch(Action::Notify(NoticeKind::StorageSaveFailed));
                }
            }
        });
    }

    let tours = ToursContext {
        user: state.user_tours.clone(),
        set_user: {
            let state = state.clone();
            Callback::from(move |tours: UserTours| state.dispatch(Action::SetUserTours(tours)))
        },
        start: {
            let state = state.clone();
            Callback::from(move |tour: Rc<Tour>| state.dispatch(Action::StartTour(tour)))
        },
    };

    let tour_overlay = match &state.active_tour {
        Some(active) => {
            let on_step = {
                let state = state.clone();
                Callback::from(move |delta: isize| state.dispatch(Action::StepTour(delta)))
            };
            let on_close = {
                let state = state.clone();
                Callback::from(move |()| state.dispatch(Action::EndTour))
            };
            html! {
                <TourOverlay lang={state.lang} tour={active.tour.clone()} step={active.step}
                    {on_step} {on_close} />
            }
        }
        None => html! {},
    };

    let presentation_bar = if state.presenting {
        let on_exit = {
            let state = state.clone();
            Callback::from(move |()| state.dispatch(Action::SetPresenting(false)))
        };
        html! { <PresentationBar lang={state.lang} {on_exit} /> }
    } else {
        html! {}
    };

    Classroom {
        tours,
        tour_overlay,
        presentation_bar,
        toggle_presentation,
    }
}
