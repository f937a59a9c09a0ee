//! Turns a crash into a visible, recoverable message.
//!
//! The release build aborts on panic, so this hook is the last code that
//! runs: it logs the panic to the console and puts an accessible banner
//! (`<div id="fatal-error" role="alert">`) at the top of the page with a
//! reload button. All shareable state is in the URL, so reloading loses
//! nothing. The banner is built with DOM calls and `text_content` only: the
//! panic message may contain user input and must never become markup.
//!
//! The reload button's handler is the browser's own `location.reload`,
//! bound in JavaScript, because the wasm instance cannot be trusted to run
//! again after the abort.

use std::panic::PanicHookInfo;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use crate::i18n::Lang;

/// The id of the banner, part of the selector contract for tests.
pub const BANNER_ID: &str = "fatal-error";

pub fn install() {
    std::panic::set_hook(Box::new(report_panic));
}

fn report_panic(info: &PanicHookInfo<'_>) {
    let details = info.to_string();
    gloo::console::error!(format!("policy-explorer stopped after a panic: {details}"));
    if show_banner(&details).is_none() {
        gloo::console::error!("policy-explorer could not show its error banner");
    }
}

/// Puts the banner on the page (once). Public for the browser tests; the
/// hook is the only caller in the app.
pub fn show_banner(details: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id(BANNER_ID).is_some() {
        return Some(()); // a second panic adds nothing the first did not say
    }
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .map_or(Lang::default(), |tag| Lang::from_html_lang(&tag));
    let strings = lang.strings();

    let banner = document.create_element("div").ok()?;
    banner.set_id(BANNER_ID);
    banner.set_class_name("fatal-error");
    banner.set_attribute("role", "alert").ok()?;

    let heading = child(&document, &banner, "h2", strings.fatal_heading)?;
    heading.set_class_name("fatal-error__heading");
    child(&document, &banner, "p", strings.fatal_body)?;

    let button = child(&document, &banner, "button", strings.fatal_reload)?;
    button.set_attribute("type", "button").ok()?;
    button.set_class_name("button fatal-error__reload");
    let html_button: &web_sys::HtmlElement = button.dyn_ref()?;
    html_button.set_onclick(Some(&bound_reload()?));

    let disclosure = child(&document, &banner, "details", "")?;
    child(&document, &disclosure, "summary", strings.fatal_details)?;
    child(&document, &disclosure, "pre", details)?;

    let body = document.body()?;
    body.prepend_with_node_1(&banner).ok()?;
    let _ = html_button.focus();
    Some(())
}

/// Appends `<tag>text</tag>` to `parent`, as text.
fn child(document: &Document, parent: &Element, tag: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

/// `location.reload.bind(location)`: a pure JavaScript click handler.
fn bound_reload() -> Option<js_sys::Function> {
    let location: JsValue = web_sys::window()?.location().into();
    let reload = js_sys::Reflect::get(&location, &JsValue::from_str("reload")).ok()?;
    let reload: js_sys::Function = reload.dyn_into().ok()?;
    Some(reload.bind0(&location))
}
