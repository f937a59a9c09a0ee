//! App-wide state that is *not* in the URL: the interface language and the
//! notices shown to the user. Everything shareable (document, unit, query,
//! filters, comparison) lives in the [`Route`](crate::route::Route) instead,
//! so a reload or a copied link always restores the same screen.

use std::rc::Rc;

use yew::Reducible;

use crate::corpus_data::ImportedCopy;
use crate::i18n::Lang;
use crate::tours::format::Tour;
use crate::tours::{ActiveTour, UserTours};

/// Something the user should be told about that is not an error of the
/// current view (those are rendered by the view itself). Kept as a kind,
/// not as text, so that it is shown in whichever language is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// The stored language preference was unreadable and has been reset.
    StoredLanguageReset,
    /// The page embedding the app sent a `navigate` command with an
    /// unusable route; nothing changed (see `embed::protocol`).
    EmbedCommandRefused,
    /// A stored preference other than the language (e.g. the reader's
    /// word-boundary toggle) was unreadable and has been reset.
    StoredPreferenceReset,
    /// The stored user tours were unreadable and have been removed.
    StoredToursReset,
    /// Local storage cannot be used (sandboxed iframe, disabled): nothing
    /// the user chooses will be remembered after the page closes.
    StorageUnavailable,
    /// A write to local storage failed (quota exceeded): the change holds
    /// for this visit only.
    StorageSaveFailed,
    /// The stored copy of the user's own text was unreadable and removed.
    StoredCopyReset,
    /// The user's own copy is too large to keep after a reload.
    CopyNotKept,
    /// The address's fragment was no route the app can read (`#//…`, or an
    /// unknown `#name`): the not-found page is shown instead (see
    /// `hash_guard`).
    AddressUnreadable,
}

impl NoticeKind {
    /// A stable name for the `data-notice` attribute that tests select on.
    pub fn id(self) -> &'static str {
        match self {
            NoticeKind::StoredLanguageReset => "stored-language-reset",
            NoticeKind::EmbedCommandRefused => "embed-command-refused",
            NoticeKind::StoredPreferenceReset => "stored-preference-reset",
            NoticeKind::StoredToursReset => "stored-tours-reset",
            NoticeKind::StorageUnavailable => "storage-unavailable",
            NoticeKind::StorageSaveFailed => "storage-save-failed",
            NoticeKind::StoredCopyReset => "stored-copy-reset",
            NoticeKind::CopyNotKept => "copy-not-kept",
            NoticeKind::AddressUnreadable => "address-unreadable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Unique within one page load, for dismissing and as a render key.
    pub id: u32,
    pub kind: NoticeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub lang: Lang,
    pub notices: Vec<Notice>,
    /// The user's own copy imported on the compare page; kept
    /// here so that it survives moving between compare screens.
    pub my_copy: Option<ImportedCopy>,
    /// Presentation mode (classroom projector): chrome hidden, one item at
    /// a time. App state, not URL: see `presentation`.
    pub presenting: bool,
    /// The tours a teacher loaded (persisted by the app shell).
    pub user_tours: UserTours,
    /// The walkthrough in progress, if any.
    pub active_tour: Option<ActiveTour>,
    next_notice_id: u32,
}

pub enum Action {
    ToggleLanguage,
    Dismiss(u32),
    /// Shows a notice raised after start-up (e.g. by the embedding bridge).
    Notify(NoticeKind),
    /// Replaces the imported copy (a failed import never dispatches, so
    /// what was loaded stays loaded).
    SetMyCopy(ImportedCopy),
    SetPresenting(bool),
    /// Replaces the loaded user tours (a failed load never dispatches).
    SetUserTours(UserTours),
    StartTour(Rc<Tour>),
    /// Moves the tour in progress by this many steps (clamped).
    StepTour(isize),
    EndTour,
}

impl State {
    /// The state at start-up: the stored language and whatever the start-up
    /// checks want to tell the user.
    pub fn new(lang: Lang, startup_notices: &[NoticeKind]) -> Self {
        let mut state = State {
            lang,
            notices: Vec::new(),
            my_copy: None,
            presenting: false,
            user_tours: UserTours::default(),
            active_tour: None,
            next_notice_id: 1,
        };
        for kind in startup_notices {
            state.push_notice(*kind);
        }
        state
    }

    /// Adds a notice unless the same kind is already shown: repeating one
    /// message would only push the page content down.
    fn push_notice(&mut self, kind: NoticeKind) {
        if self.notices.iter().any(|n| n.kind == kind) {
            return;
        }
        self.notices.push(Notice {
            id: self.next_notice_id,
            kind,
        });
        self.next_notice_id += 1;
    }
}

impl Default for State {
    fn default() -> Self {
        State::new(Lang::default(), &[])
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A notice already shown changes nothing: returning the same state
        // spares a re-render (a flood of refused commands stays cheap).
        if let Action::Notify(kind) = &action {
            if self.notices.iter().any(|n| n.kind == *kind) {
                return self;
            }
        }
        let mut next = (*self).clone();
        match action {
            Action::ToggleLanguage => next.lang = next.lang.other(),
            Action::Dismiss(id) => next.notices.retain(|n| n.id != id),
            Action::Notify(kind) => next.push_notice(kind),
            Action::SetMyCopy(copy) => next.my_copy = Some(copy),
            Action::SetPresenting(on) => next.presenting = on,
            Action::SetUserTours(tours) => next.user_tours = tours,
            Action::StartTour(tour) => next.active_tour = Some(ActiveTour::start(tour)),
            Action::StepTour(delta) => {
                next.active_tour = next.active_tour.as_ref().map(|t| t.moved(delta));
            }
            Action::EndTour => next.active_tour = None,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn toggling_the_language_twice_returns_to_the_start() {
        let state = reduce(State::default(), Action::ToggleLanguage);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(reduce(state, Action::ToggleLanguage).lang, Lang::Zh);
    }

    #[test]
    fn notices_are_deduplicated_and_dismissed_by_id() {
        let kind = NoticeKind::StoredLanguageReset;
        let state = State::new(Lang::Zh, &[kind, kind]);
        assert_eq!(state.notices.len(), 1);
        let id = state.notices[0].id;
        let state = reduce(state, Action::Dismiss(id + 1));
        assert_eq!(state.notices.len(), 1, "unknown ids are ignored");
        assert!(reduce(state, Action::Dismiss(id)).notices.is_empty());
    }
}
