//! The classroom layer the app shell places on every page: presentation
//! mode (the `P` / `Esc` keys and, while presenting, the controls bar) and
//! the tour in progress (its overlay, and the navigation to each step's
//! route). Also where the tours a teacher loaded come from at start-up.

use std::rc::Rc;

use crate::tours::format::Tour;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::presentation_bar::PresentationBar;
use crate::components::tour_overlay::TourOverlay;
use crate::hooks::use_keydown::{is_typing_or_shortcut, use_keydown, KeyTarget};
use crate::i18n::Lang;
use crate::navigation::go_to_href;
use crate::presentation::{present_key, PresentKey};
use crate::state::{Action, NoticeKind, State};
use crate::storage::{self, Loaded};
use crate::tours::{ActiveTour, ToursContext, UserTours};

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

/// What the tours page needs from the app state (the shell provides it).
pub fn tours_context(state: &UseReducerHandle<State>) -> ToursContext {
    ToursContext {
        user: state.user_tours.clone(),
        set_user: {
            let state = state.clone();
            Callback::from(move |tours: UserTours| state.dispatch(Action::SetUserTours(tours)))
        },
        start: {
            let state = state.clone();
            Callback::from(move |tour: Rc<Tour>| state.dispatch(Action::StartTour(tour)))
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ClassroomProps {
    pub lang: Lang,
    pub presenting: bool,
    pub active_tour: Option<ActiveTour>,
    /// The app state's reducer.
    pub dispatch: Callback<Action>,
    /// Embedded (docs/embedding.md): content only, so neither the tour
    /// overlay nor the presentation bar is drawn.
    #[prop_or_default]
    pub embed: bool,
}

/// Must sit inside the router: a tour step navigates.
#[component]
pub fn Classroom(props: &ClassroomProps) -> Html {
    // `P` toggles presentation from anywhere, `Esc` leaves it.
    {
        let presenting = props.presenting;
        let dispatch = props.dispatch.clone();
        use_keydown(
            KeyTarget::Document,
            Callback::from(move |event: web_sys::KeyboardEvent| {
                if is_typing_or_shortcut(&event) {
                    return;
                }
                match present_key(&event.key(), presenting) {
                    Some(PresentKey::Toggle) => {
                        event.prevent_default();
                        dispatch.emit(Action::SetPresenting(!presenting));
                    }
                    Some(PresentKey::Leave) => {
                        event.prevent_default();
                        dispatch.emit(Action::SetPresenting(false));
                    }
                    _ => {}
                }
            }),
        );
    }

    // Each step of a tour shows its route. Only a change of tour or step
    // navigates: a language switch must not move the reader.
    {
        let navigator = use_navigator();
        let location = use_location();
        use_effect_with(props.active_tour.clone(), move |active| {
            if let (Some(active), Some(navigator)) = (active, navigator) {
                go_to_href(&navigator, location.as_ref(), active.route());
            }
        });
    }

    if props.embed {
        return html! {};
    }
    let tour_overlay = props.active_tour.as_ref().map(|active| {
        let on_step = props.dispatch.reform(Action::StepTour);
        let on_close = props.dispatch.reform(|()| Action::EndTour);
        html! {
            <TourOverlay lang={props.lang} tour={active.tour.clone()} step={active.step}
                {on_step} {on_close} />
        }
    });
    let presentation_bar = props.presenting.then(|| {
        let on_exit = props.dispatch.reform(|()| Action::SetPresenting(false));
        html! { <PresentationBar lang={props.lang} {on_exit} /> }
    });
    html! {
        <>
            { tour_overlay.unwrap_or_default() }
            { presentation_bar.unwrap_or_default() }
        </>
    }
}
