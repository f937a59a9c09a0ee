//! What the user should know about their library (records skipped, a
//! write refused, no IndexedDB), shown on the library pages until
//! dismissed.

use yew::prelude::*;

use crate::hooks::use_user_library::{LibraryNotice, LibraryStatus, UserLibraryContext};
use crate::i18n::{fill, Lang};
use crate::user_library::idb::IdbError;

#[derive(Properties, PartialEq)]
pub struct LibraryNoticesProps {
    pub lang: Lang,
}

#[component]
pub fn LibraryNotices(props: &LibraryNoticesProps) -> Html {
    let s = props.lang.library_strings();
    let Some(library) = use_context::<UserLibraryContext>() else {
        return html! {};
    };
    let status = match library.state.status {
        LibraryStatus::Disabled => Some(("disabled", s.disabled_embed)),
        LibraryStatus::Unavailable => Some(("unavailable", s.notice_unavailable)),
        LibraryStatus::Loading | LibraryStatus::Ready => None,
    };
    let text = |notice: &LibraryNotice| -> (&'static str, String) {
        match notice {
            LibraryNotice::Skipped { count } => (
                "skipped",
                fill(s.notice_skipped, &[("count", &count.to_string())]),
            ),
            LibraryNotice::SaveFailed(IdbError::Quota) => ("quota", s.notice_quota.to_string()),
            LibraryNotice::SaveFailed(IdbError::Unavailable) => {
                ("unavailable", s.notice_unavailable.to_string())
            }
            LibraryNotice::SaveFailed(IdbError::Other(message)) => (
                "save-failed",
                fill(s.notice_save_failed, &[("message", message)]),
            ),
            LibraryNotice::LoadFailed(error) => {
                let message = match error {
                    IdbError::Other(m) => m.clone(),
                    IdbError::Quota => "quota".into(),
                    IdbError::Unavailable => "unavailable".into(),
                };
                (
                    "load-failed",
                    fill(s.notice_load_failed, &[("message", &message)]),
                )
            }
        }
    };
    html! {
        <div class="library-notices" data-testid="library-notices">
            if let Some((id, message)) = status {
                <p class="library-notice" role="status" data-library-notice={id}>{ message }</p>
            }
            { for library.state.notices.iter().enumerate().map(|(index, notice)| {
                let (id, message) = text(notice);
                let dismiss = {
                    let dismiss = library.dismiss.clone();
                    Callback::from(move |_: MouseEvent| dismiss.emit(index))
                };
                html! {
                    <p class="library-notice copy-panel__error" role="alert" data-library-notice={id}>
                        { message }{ " " }
                        <button type="button" class="button button--secondary" onclick={dismiss}>{ s.dismiss }</button>
                    </p>
                }
            }) }
        </div>
    }
}
