//! "Export CSV" / "Export JSON" for the current result list. The file is
//! made in memory (the engine's `export_rows` + `to_csv` / `to_json`) and
//! handed to the browser as a Blob through a temporary `<a download>`, which
//! works from `file://` and needs no server.

use std::rc::Rc;

use policy_core::search::{export_rows, to_csv, to_json, SearchResults};
use yew::prelude::*;

use crate::corpus_data::SearchEngineHandle;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SearchExportProps {
    pub lang: Lang,
    pub engine: SearchEngineHandle,
    pub results: Rc<SearchResults>,
    /// The KWIC window the list shows, reused for the exported snippets.
    pub window: usize,
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

#[component]
pub fn SearchExport(props: &SearchExportProps) -> Html {
    let strings = props.lang.search_strings();
    let empty = props.results.hits.is_empty();
    let button = |format: Format| {
        let engine = props.engine.clone();
        let results = props.results.clone();
        let window = props.window;
        let onclick = Callback::from(move |_: MouseEvent| {
            let rows = export_rows(&engine.engine, &results, window);
            match format {
                // The byte-order mark makes spreadsheet programs read the
                // Chinese text as UTF-8.
                Format::Csv => download(
                    "policy-search.csv",
                    "text/csv;charset=utf-8",
                    &format!("\u{feff}{}", to_csv(&rows)),
                ),
                Format::Json => download(
                    "policy-search.json",
                    "application/json;charset=utf-8",
                    &to_json(&rows),
                ),
            }
        });
        let (id, text) = match format {
            Format::Csv => ("export-csv", strings.search_export_csv),
            Format::Json => ("export-json", strings.search_export_json),
        };
        html! {
            <button type="button" {id} class="search-export__button" disabled={empty} {onclick}>{ text }</button>
        }
    };
    html! {
        <div class="search-export" role="group" aria-label={strings.search_export_label}>
            { button(Format::Csv) }
            { button(Format::Json) }
        </div>
    }
}

/// Saves `text` as a file named `name`. Failures (no DOM, blocked Blob)
/// leave the page as it was: there is nothing useful to show instead.
pub fn download(name: &str, mime: &str, text: &str) {
    let _ = try_download(name, mime, text);
}

fn try_download(name: &str, mime: &str, text: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body = document.body()?;
    let _ = body.append_child(&anchor);
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoke later: revoking at once can cancel the download in some
    // browsers before it has started reading the Blob.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}
