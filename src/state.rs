//! App-wide state that is *not* in the URL: the interface language and the
//! notices shown to the user. Everything shareable (document, unit, query,
//! filters, comparison) lives in the [`Route`](crate::route::Route) instead,
//! so a reload or a copied link always restores the same screen.

use std::rc::Rc;

use yew::Reducible;

use crate::corpus_data::ImportedCopy;
use crate::i18n::Lang;

/// Something the user should be told about that is not an error of the
/// current view (those are rendered by the view itself). Kept as a kind,
/// not as text, so that it is shown in whichever language is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// The stored language preference was unreadable and has been reset.
    StoredLanguageReset,
}

impl NoticeKind {
    /// A stable name for the `data-notice` attribute that tests select on.
    pub fn id(self) -> &'static str {
        match self {
            NoticeKind::StoredLanguageReset => "stored-language-reset",
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
    /// The user's own copy imported on the compare page (issue 5); kept
    /// here so that it survives moving between compare screens.
    pub my_copy: Option<ImportedCopy>,
    next_notice_id: u32,
}

pub enum Action {
    ToggleLanguage,
    Dismiss(u32),
    /// Replaces the imported copy (a failed import never dispatches, so
    /// what was loaded stays loaded).
    SetMyCopy(ImportedCopy),
}

impl State {
    /// The state at start-up: the stored language and whatever the start-up
    /// checks want to tell the user.
    pub fn new(lang: Lang, startup_notices: &[NoticeKind]) -> Self {
        let mut state = State {
            lang,
            notices: Vec::new(),
            my_copy: None,
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
        let mut next = (*self).clone();
        match action {
            Action::ToggleLanguage => next.lang = next.lang.other(),
            Action::Dismiss(id) => next.notices.retain(|n| n.id != id),
            Action::SetMyCopy(copy) => next.my_copy = Some(copy),
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
