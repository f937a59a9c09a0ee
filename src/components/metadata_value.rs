//! How a metadata value is shown: corpus text marked as Chinese, and a
//! visible "unknown" wherever the corpus has null. Shared by the library
//! table and the reader's metadata block.

use yew::prelude::*;

use crate::i18n::{Strings, CORPUS_LANG};

/// A metadata value from the corpus (so in Chinese), or the visible
/// "unknown" marker: the corpus keeps unknown values as null and the UI must
/// never invent or hide them.
pub fn known_or_unknown(value: Option<String>, strings: &Strings) -> Html {
    match value {
        Some(text) if !text.trim().is_empty() => html! { <span lang={CORPUS_LANG}>{ text }</span> },
        _ => unknown(strings),
    }
}

/// An interface word (e.g. a level name), or the "unknown" marker.
pub fn ui_value_or_unknown(value: Option<&'static str>, strings: &Strings) -> Html {
    match value {
        Some(text) => html! { { text } },
        None => unknown(strings),
    }
}

pub fn unknown(strings: &Strings) -> Html {
    html! { <span class="unknown">{ strings.unknown }</span> }
}
