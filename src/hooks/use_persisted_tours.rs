//! Keeps the tours a teacher loaded across reloads.

use yew::prelude::*;

use crate::state::{Action, NoticeKind, State};
use crate::storage::{self, SaveError};
use crate::tours::UserTours;

/// Saves the loaded tours whenever they change (not at start-up: they were
/// just read), and tells the user when they cannot be kept.
#[hook]
pub fn use_persisted_tours(state: &UseReducerHandle<State>) {
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
