//! The shared search engine, for views and components that need it.

use yew::prelude::*;

use crate::corpus_data::SearchEngineHandle;
use crate::engine::LazyEngine;

/// The engine the shell provides ([`crate::engine`]), or `None` until it
/// is built. While `needed`, asks for it to be built just after the first
/// paint. `None` as well outside an [`EngineProvider`](crate::engine::EngineProvider)
/// (views rendered alone in tests).
#[hook]
pub fn use_search_engine(needed: bool) -> Option<Result<SearchEngineHandle, String>> {
    let engine = use_context::<LazyEngine>();
    {
        let engine = engine.clone();
        // Keyed on the engine too: when the corpus changes under an open
        // view (the library is read after a deep link opened search), the
        // new corpus's engine is asked for as well.
        use_effect_with((needed, engine.clone()), move |(needed, engine)| {
            if let (true, Some(engine)) = (*needed, engine) {
                engine.request();
            }
        });
    }
    engine.and_then(|e| e.get())
}
