//! Dismissable notices about things outside the current view (for example a
//! stored preference that had to be reset). A polite live region, so screen
//! readers announce them without interrupting.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::{Notice, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub lang: Lang,
    pub notices: Vec<Notice>,
    /// Called with the id of the notice to dismiss.
    pub on_dismiss: Callback<u32>,
}

#[component]
pub fn NoticeList(props: &NoticeListProps) -> Html {
    let strings = props.lang.strings();
    html! {
        <div class="notices" role="status" aria-label={strings.notices_label}>
            { for props.notices.iter().map(|notice| {
                let id = notice.id;
                let onclick = props.on_dismiss.reform(move |_: MouseEvent| id);
                let text = match notice.kind {
                    NoticeKind::StoredLanguageReset => strings.notice_stored_language_reset,
                    NoticeKind::EmbedCommandRefused => props.lang.embed_strings().notice_command_refused,
                    NoticeKind::StoredPreferenceReset => props.lang.classroom_strings().notice_stored_preference_reset,
                    NoticeKind::StoredToursReset => props.lang.classroom_strings().notice_stored_tours_reset,
                    NoticeKind::StorageUnavailable => props.lang.classroom_strings().notice_storage_unavailable,
                    NoticeKind::StorageSaveFailed => props.lang.classroom_strings().notice_storage_save_failed,
                    NoticeKind::StoredCopyReset => props.lang.classroom_strings().notice_stored_copy_reset,
                    NoticeKind::CopyNotKept => props.lang.classroom_strings().notice_copy_not_kept,
                    NoticeKind::AddressUnreadable => props.lang.embed_strings().notice_address_unreadable,
                };
                html! {
                    <div key={id} class="notice" data-notice={notice.kind.id()}>
                        <p class="notice__text">{ text }</p>
                        <button type="button" class="button button--quiet notice__dismiss" {onclick}
                            aria-label={strings.notice_dismiss}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
