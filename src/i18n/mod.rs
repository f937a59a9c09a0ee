//! Every string the interface shows, in both languages, one module per screen.
//!
//! Views never hold UI literals: they ask [`Lang`] for their screen's table
//! ([`Lang::strings`], [`Lang::search_strings`], [`Lang::compare_strings`],
//! [`Lang::embed_strings`], [`Lang::classroom_strings`]) and fill templates
//! with [`fill`]. Adding a language means adding one table per module; the
//! compiler then points at nothing else, because every field must be given.
//! Corpus text (titles, clause text, mechanism and region names) is data,
//! not UI, and comes from the corpus in its own language.
//!
//! * [`pages`] — the page chrome, the library, the reader and the error pages;
//! * [`search`] — the search screen, its facets and every search notice;
//! * [`compare`] — the side-by-side, overview matrix and witness screens;
//! * [`sharing`] — embedding, the share dialog and print;
//! * [`classroom`] — presentation mode, guided tours and storage notices;
//! * [`restoration`] — restored readings on every screen that shows them.

pub mod classroom;
pub mod compare;
pub mod library;
pub mod pages;
pub mod restoration;
pub mod search;
pub mod sharing;

pub use classroom::ClassroomStrings;
pub use compare::CompareStrings;
pub use library::LibraryStrings;
pub use pages::Strings;
pub use restoration::RestorationStrings;
pub use search::SearchStrings;
pub use sharing::EmbedStrings;

/// The language of the corpus text (titles, clauses, issuers). Elements
/// showing it carry `lang` so that an English interface still has Chinese
/// text read with a Chinese voice and Chinese glyph forms.
pub const CORPUS_LANG: &str = "zh-CN";

/// The interface language. Chinese is the default: the documents are Chinese
/// and most readers are too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The code stored in local storage; see `preferences`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses a stored code; anything else is `None` (the caller resets it).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`, which screen readers and font
    /// fallback (CJK glyph shapes) depend on.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The page chrome, library, reader and error-page strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &pages::ZH,
            Lang::En => &pages::EN,
        }
    }

    /// The search screen's strings.
    pub fn search_strings(self) -> &'static SearchStrings {
        match self {
            Lang::Zh => &search::SEARCH_ZH,
            Lang::En => &search::SEARCH_EN,
        }
    }

    /// The user's own library strings.
    pub fn library_strings(self) -> &'static LibraryStrings {
        match self {
            Lang::Zh => &library::LIBRARY_ZH,
            Lang::En => &library::LIBRARY_EN,
        }
    }

    /// The strings about restored readings.
    pub fn restoration_strings(self) -> &'static RestorationStrings {
        match self {
            Lang::Zh => &restoration::RESTORATION_ZH,
            Lang::En => &restoration::RESTORATION_EN,
        }
    }

    /// Picks the language from an `<html lang>` value; used by the panic
    /// banner, which cannot reach the app state any more.
    pub fn from_html_lang(tag: &str) -> Lang {
        if tag.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// Replaces each `{key}` in `template` with its value. Values are plain text
/// and stay plain text: the result is only ever rendered as a text node.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder_and_leaves_markup_as_text() {
        let text = fill("{a} and {a} then {b}", &[("a", "<x>"), ("b", "2")]);
        assert_eq!(text, "<x> and <x> then 2");
    }

    #[test]
    fn language_codes_round_trip_and_reject_junk() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code("\"zh\""), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }
}
