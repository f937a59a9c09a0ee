//! What the reader's unit text shows besides the text.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::use_location;

use crate::components::search_unit_text::ReaderTextOptions;
use crate::corpus_data::DocRef;
#[cfg(not(feature = "first-load"))]
use crate::hooks::use_search_engine::use_search_engine;
use crate::views::reader::highlight_query;

/// The `hl` query's terms marked in the target unit, and word boundaries
/// when the toggle (a stored preference) is on. Both need the search
/// engine, which is asked for only when one of them is wanted. Returns the
/// options, whether boundaries are on, and the callback that toggles them.
#[hook]
pub fn use_reader_text_options(doc: &DocRef) -> (ReaderTextOptions, bool, Callback<()>) {
    let hl = use_location()
        .map(|l| highlight_query(l.query_str()))
        .unwrap_or_default();
    // Off until the stored preference is read in an effect (storage is a
    // browser API; effects never run in native render tests).
    let boundaries = use_state(|| false);
    {
        let boundaries = boundaries.clone();
        use_effect_with((), move |_| {
            if crate::preferences::load_word_boundaries() {
                boundaries.set(true);
            }
        });
    }
    let needed = *boundaries || !hl.is_empty();
    // The hosted build's lite app has no engine: it asks for the full app,
    // which takes over and marks the terms (`hand_over`).
    #[cfg(feature = "first-load")]
    {
        crate::hand_over::use_full_app(needed);
        let _ = (hl, &doc.id);
    }
    #[cfg(feature = "first-load")]
    let (engine, highlight_terms) = (None, Rc::new(Vec::new()));
    #[cfg(not(feature = "first-load"))]
    let engine = use_search_engine(needed).and_then(Result::ok);
    #[cfg(not(feature = "first-load"))]
    let highlight_terms = {
        let doc_id = doc.id.clone();
        use_memo(
            (engine.clone(), hl, doc_id),
            |(engine, hl, doc_id)| match engine {
                Some(handle) if !hl.is_empty() => {
                    let mut request = policy_core::search::SearchRequest::with_query(hl.clone());
                    request.docs.push(doc_id.clone());
                    handle.engine.search(&request).highlight_terms
                }
                _ => Vec::new(),
            },
        )
    };
    let on_toggle = {
        let boundaries = boundaries.clone();
        Callback::from(move |()| {
            let on = !*boundaries;
            crate::preferences::save_word_boundaries(on);
            boundaries.set(on);
        })
    };
    let options = ReaderTextOptions {
        highlight_terms: Rc::new((*highlight_terms).clone()),
        boundaries: engine.filter(|_| *boundaries),
    };
    (options, *boundaries, on_toggle)
}
