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
//! * [`restoration`] — restored readings on every screen that shows them;
//! * [`diffusion`] — fidelity figures, binding flags, citations, the timeline;
//! * [`loading`] — the hosted build's "loading search…" state.

pub mod classroom;
pub mod compare;
pub mod diffusion;
pub mod library;
pub mod loading;
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
///
/// A template may also choose a word by number: `{n|change|changes}` gives
/// the first form when the value of `n` is `1` and the second otherwise
/// (English needs it; Chinese templates have no use for it). Choices are
/// made on the template before any value goes in, so a value that looks
/// like a choice stays as typed.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(choose_forms(template, values), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// The `{key|one|other}` choices of a template, made.
fn choose_forms(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let parts: Vec<&str> = inner.split('|').collect();
        match parts.as_slice() {
            [key, one, other] => {
                let value = values.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
                out.push_str(if value == Some("1") { one } else { other });
            }
            _ => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The most characters of a user-controlled value (an id or path from the
/// address, a file name) the interface quotes back.
pub const ECHO_MAX_CHARS: usize = 80;

/// `value` as the interface quotes it back: at most [`ECHO_MAX_CHARS`]
/// characters, then "…". A route can carry 100,000 letters; quoting them
/// whole would only make the page slow to lay out and the message unreadable.
pub fn clip(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(ECHO_MAX_CHARS) {
        None => std::borrow::Cow::Borrowed(value),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &value[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_values_are_clipped_on_a_character_boundary() {
        assert_eq!(clip("sichuan"), "sichuan");
        let long = "政".repeat(100_000);
        let clipped = clip(&long);
        assert_eq!(clipped.chars().count(), ECHO_MAX_CHARS + 1);
        assert!(clipped.ends_with('…'));
        assert_eq!(
            clip(&"a".repeat(ECHO_MAX_CHARS)),
            "a".repeat(ECHO_MAX_CHARS)
        );
    }

    #[test]
    fn fill_replaces_every_placeholder_and_leaves_markup_as_text() {
        let text = fill("{a} and {a} then {b}", &[("a", "<x>"), ("b", "2")]);
        assert_eq!(text, "<x> and <x> then 2");
    }

    #[test]
    fn fill_chooses_the_form_for_the_number() {
        let t = "{n} {n|change|changes}, {k} of {k|it|them}";
        assert_eq!(fill(t, &[("n", "1"), ("k", "0")]), "1 change, 0 of them");
        assert_eq!(fill(t, &[("n", "26"), ("k", "1")]), "26 changes, 1 of it");
        // A value that looks like a choice is text, not a template.
        assert_eq!(fill("“{q}”", &[("q", "{q|a|b}")]), "“{q|a|b}”");
        assert_eq!(fill("{unclosed", &[]), "{unclosed");
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
