//! The "Share / embed" button and its `<dialog>`: the permalink of the
//! current state and an `<iframe>` snippet for it, each with a copy button.
//!
//! Both texts are computed when the dialog opens (from the live URL and the
//! page title the current view set), built by the pure functions of
//! [`crate::embed::snippet`], and shown as the *value* of read-only fields:
//! never as markup. Copying uses the Clipboard API when the page may use it
//! and otherwise selects the text so the user can press Ctrl+C (the API is
//! missing on `file://` in some browsers and in sandboxed frames).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::embed::snippet::{
    full_explorer_url, iframe_snippet, share_base, ShareBase, DEFAULT_EMBED_HEIGHT,
    DEFAULT_EMBED_WIDTH, HOSTED_URL_META,
};
use crate::i18n::Lang;

pub const SHARE_BUTTON_ID: &str = "share-button";
pub const SHARE_DIALOG_ID: &str = "share-dialog";

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub lang: Lang,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyStatus {
    Idle,
    Copied,
    SelectManually,
}

#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let strings = props.lang.embed_strings();
    let dialog = use_node_ref();
    let permalink_field = use_node_ref();
    let snippet_field = use_node_ref();
    let texts = use_state(|| (String::new(), String::new()));
    let status = use_state(|| CopyStatus::Idle);
    // What the texts point at: the offline file gets a note.
    let base_kind = use_state(|| None::<ShareBase>);
    // The reader's place when the dialog opened: put back on close, so
    // sharing never moves the page.
    let scroll_at_open = use_mut_ref(|| (0.0_f64, 0.0_f64));

    let open = {
        let dialog = dialog.clone();
        let texts = texts.clone();
        let status = status.clone();
        let base_kind = base_kind.clone();
        let scroll_at_open = scroll_at_open.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            let Some(window) = web_sys::window() else {
                return;
            };
            *scroll_at_open.borrow_mut() = (
                window.scroll_x().unwrap_or_default(),
                window.scroll_y().unwrap_or_default(),
            );
            let href = window.location().href().unwrap_or_default();
            let hosted = window
                .document()
                .and_then(|d| {
                    d.query_selector(&format!("meta[name=\"{HOSTED_URL_META}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|m| m.get_attribute("content"));
            let base = share_base(&href, hosted.as_deref());
            let title = window.document().map(|d| d.title()).unwrap_or_default();
            texts.set((
                full_explorer_url(base.href()),
                iframe_snippet(
                    base.href(),
                    &title,
                    DEFAULT_EMBED_WIDTH,
                    DEFAULT_EMBED_HEIGHT,
                ),
            ));
            base_kind.set(Some(base));
            status.set(CopyStatus::Idle);
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
            let (x, y) = *scroll_at_open.borrow();
            window.scroll_to_with_x_and_y(x, y);
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // However the dialog closes (button, Esc): focus back on the share
    // button without scrolling to it, and the page where it was.
    let on_closed = {
        let scroll_at_open = scroll_at_open.clone();
        Callback::from(move |_: Event| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let (x, y) = *scroll_at_open.borrow();
            if let Some(button) = window
                .document()
                .and_then(|d| d.get_element_by_id(SHARE_BUTTON_ID))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = button.focus_with_options(&options);
            }
            window.scroll_to_with_x_and_y(x, y);
        })
    };
    let file_note = match &*base_kind {
        Some(ShareBase::FileOnly(_)) => Some(("share-file-note", strings.share_file_only)),
        Some(ShareBase::Hosted(_)) => Some(("share-hosted-note", strings.share_file_hosted)),
        _ => None,
    };
    let copy_from = |field: NodeRef| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (text, select): (String, Box<dyn Fn()>) =
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    let value = input.value();
                    (value, Box::new(move || input.select()))
                } else if let Some(area) = field.cast::<HtmlTextAreaElement>() {
                    let value = area.value();
                    (value, Box::new(move || area.select()))
                } else {
                    return;
                };
            // Selecting first means the fallback is already in place if the
            // clipboard refuses.
            select();
            let done = {
                let status = status.clone();
                move || status.set(CopyStatus::Copied)
            };
            let failed = {
                let status = status.clone();
                move || status.set(CopyStatus::SelectManually)
            };
            copy_text(&text, done, failed);
        })
    };
    let (permalink, snippet) = &*texts;
    let status_text = match *status {
        CopyStatus::Idle => "",
        CopyStatus::Copied => strings.share_copied,
        CopyStatus::SelectManually => strings.share_copy_manually,
    };
    html! {
        <>
            <button type="button" id={SHARE_BUTTON_ID} class="button share-button"
                aria-haspopup="dialog" onclick={open}>{ strings.share_button }</button>
            <dialog id={SHARE_DIALOG_ID} class="share-dialog" ref={dialog}
                aria-labelledby="share-dialog-heading" onclose={on_closed}>
                <h2 id="share-dialog-heading" class="share-dialog__heading">{ strings.share_heading }</h2>
                <p class="share-dialog__intro">{ strings.share_intro }</p>
                if let Some((id, note)) = file_note {
                    <p {id} class="share-dialog__note" role="note">{ note }</p>
                }
                <label class="share-dialog__label" for="share-permalink">{ strings.share_permalink_label }</label>
                <div class="share-dialog__row">
                    <input id="share-permalink" class="share-dialog__field" type="text" readonly=true
                        value={permalink.clone()} ref={permalink_field.clone()} />
                    <button type="button" class="button" id="share-copy-link"
                        onclick={copy_from(permalink_field)}>{ strings.share_copy_link }</button>
                </div>
                <label class="share-dialog__label" for="share-snippet">{ strings.share_snippet_label }</label>
                <textarea id="share-snippet" class="share-dialog__field share-dialog__snippet" readonly=true
                    rows="4" value={snippet.clone()} ref={snippet_field.clone()}
                    aria-describedby="share-snippet-help" />
                <p id="share-snippet-help" class="share-dialog__help">{ strings.share_snippet_help }</p>
                <div class="share-dialog__row share-dialog__actions">
                    <button type="button" class="button" id="share-copy-snippet"
                        onclick={copy_from(snippet_field)}>{ strings.share_copy_snippet }</button>
                    <p class="share-dialog__status" role="status">{ status_text }</p>
                    <button type="button" class="button button--quiet" id="share-close"
                        onclick={close}>{ strings.share_close }</button>
                </div>
            </dialog>
        </>
    }
}

/// `navigator.clipboard.writeText(text)` when it exists, else `failed()`.
/// Looked up dynamically: the property is absent in insecure contexts.
fn copy_text(text: &str, done: impl FnOnce() + 'static, failed: impl FnOnce() + 'static) {
    let promise = (|| -> Option<Promise> {
        let navigator: JsValue = web_sys::window()?.navigator().into();
        let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok()?;
        if clipboard.is_undefined() || clipboard.is_null() {
            return None;
        }
        let write: Function = Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        write
            .call1(&clipboard, &JsValue::from_str(text))
            .ok()?
            .dyn_into()
            .ok()
    })();
    match promise {
        Some(promise) => {
            let on_ok = Closure::once(move |_: JsValue| done()).into_js_value();
            let on_err = Closure::once(move |_: JsValue| failed()).into_js_value();
            // `then` through Reflect: the closures are then owned by JS
            // and freed once the promise settles.
            let then = Reflect::get(&promise, &"then".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok());
            if let Some(then) = then {
                let _ = then.call2(&promise, &on_ok, &on_err);
            }
        }
        None => failed(),
    }
}
