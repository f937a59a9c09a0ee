//! Keeps the user's own copy (compare page) across reloads.

use yew::prelude::*;

use crate::state::{Action, NoticeKind, State};
use crate::storage::{self, SaveError};
use crate::stored_copy::StoredCopy;

/// Saves the copy whenever it is replaced (not at start-up: it was just
/// read), and tells the user when it cannot be kept.
#[hook]
pub fn use_persisted_copy(state: &UseReducerHandle<State>) {
    let state = state.clone();
    let first = use_mut_ref(|| true);
    use_effect_with(state.my_copy.clone(), move |copy| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(copy) = copy else { return };
        match storage::save(&StoredCopy(copy.clone())) {
            Ok(()) | Err(SaveError::Unavailable) => {}
            Err(SaveError::TooLarge { .. }) => {
                // An older, smaller copy must not come back after a reload.
                let _ = storage::remove::<StoredCopy>();
                state.dispatch(Action::Notify(NoticeKind::CopyNotKept));
            }
            Err(SaveError::Refused) => {
                let _ = storage::remove::<StoredCopy>();
                state.dispatch(Action::Notify(NoticeKind::StorageSaveFailed));
            }
        }
    });
}
