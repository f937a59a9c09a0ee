//! The user's preferences in local storage: the interface language and the
//! reader's word-boundary toggle.
//!
//! Reading, validating, versioning and resetting stored values is
//! [`crate::storage`]'s job; this module only says what each preference is
//! and how a bad value becomes a notice. A corrupt value is removed and
//! reported once; missing storage (a sandboxed iframe) means defaults and a
//! single "not remembered" notice from [`startup_notices`].

use crate::i18n::Lang;
use crate::state::NoticeKind;
use crate::storage::{self, Loaded, StoredValue};

/// The local-storage key of the language. Namespaced: the app may share an
/// origin.
pub const LANGUAGE_KEY: &str = "policy-explorer.lang";

/// The local-storage key of the reader's "show word boundaries" toggle.
pub const WORD_BOUNDARIES_KEY: &str = "policy-explorer.word-boundaries";

/// The stored interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguagePreference(pub Lang);

impl StoredValue for LanguagePreference {
    const KEY: &'static str = LANGUAGE_KEY;
    const VERSION: u32 = 1;
    const MAX_BYTES: usize = 64;
    type Data = String;

    fn to_data(&self) -> String {
        self.0.code().to_string()
    }

    fn from_data(code: String) -> Result<Self, String> {
        Lang::from_code(&code)
            .map(LanguagePreference)
            .ok_or_else(|| format!("unknown language code {code:?}"))
    }

    /// Builds before the envelope stored the bare code (`en`).
    fn from_legacy(raw: &str) -> Option<Self> {
        Lang::from_code(raw).map(LanguagePreference)
    }
}

/// The stored word-boundary toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordBoundaries(pub bool);

impl StoredValue for WordBoundaries {
    const KEY: &'static str = WORD_BOUNDARIES_KEY;
    const VERSION: u32 = 1;
    const MAX_BYTES: usize = 64;
    type Data = bool;

    fn to_data(&self) -> bool {
        self.0
    }

    fn from_data(on: bool) -> Result<Self, String> {
        Ok(WordBoundaries(on))
    }

    /// Builds before the envelope stored `on` / `off`.
    fn from_legacy(raw: &str) -> Option<Self> {
        match raw {
            "on" => Some(WordBoundaries(true)),
            "off" => Some(WordBoundaries(false)),
            _ => None,
        }
    }
}

/// The start-up language and any notice the user must see about it.
/// A corrupt value is removed, so the notice appears once, not every load.
pub fn load_language() -> (Lang, Vec<NoticeKind>) {
    match storage::load::<LanguagePreference>() {
        Loaded::Found(LanguagePreference(lang)) => (lang, Vec::new()),
        Loaded::Reset(_) => (Lang::default(), vec![NoticeKind::StoredLanguageReset]),
        Loaded::Missing | Loaded::Unavailable => (Lang::default(), Vec::new()),
    }
}

/// Remembers the chosen language; without storage the choice lasts until
/// the page is closed (the start-up notice said so).
pub fn save_language(lang: Lang) {
    let _ = storage::save(&LanguagePreference(lang));
}

/// Whether the reader shows word boundaries (off when missing or corrupt;
/// a corrupt value was already reset and reported by [`startup_notices`]).
pub fn load_word_boundaries() -> bool {
    storage::load::<WordBoundaries>()
        .found()
        .is_some_and(|w| w.0)
}

/// Remembers the toggle.
pub fn save_word_boundaries(on: bool) {
    let _ = storage::save(&WordBoundaries(on));
}

/// Checks every stored preference other than the language once at start-up
/// (the language is read by [`load_language`]): corrupt values are reset
/// and reported here, so that views reading a preference later never have
/// to. Also reports storage that cannot be used at all.
pub fn startup_notices() -> Vec<NoticeKind> {
    if !storage::is_available() {
        return vec![NoticeKind::StorageUnavailable];
    }
    let mut notices = Vec::new();
    if let Loaded::Reset(_) = storage::load::<WordBoundaries>() {
        notices.push(NoticeKind::StoredPreferenceReset);
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{decode, encode};

    #[test]
    fn the_language_is_read_from_its_envelope_or_a_legacy_code() {
        let text = encode(&LanguagePreference(Lang::En)).unwrap();
        assert_eq!(
            decode::<LanguagePreference>(&text),
            Ok(LanguagePreference(Lang::En))
        );
        assert_eq!(
            decode::<LanguagePreference>("zh"),
            Ok(LanguagePreference(Lang::Zh))
        );
        for junk in [
            "",
            "EN",
            "\"en\"",
            "<img src=x onerror=alert(1)>",
            "en ",
            r#"{"v":1,"data":"fr"}"#,
        ] {
            assert!(decode::<LanguagePreference>(junk).is_err(), "{junk}");
        }
    }

    #[test]
    fn the_word_boundary_toggle_accepts_booleans_and_legacy_on_off() {
        assert_eq!(
            decode::<WordBoundaries>(r#"{"v":1,"data":true}"#),
            Ok(WordBoundaries(true))
        );
        assert_eq!(decode::<WordBoundaries>("off"), Ok(WordBoundaries(false)));
        assert!(decode::<WordBoundaries>(r#"{"v":1,"data":"yes"}"#).is_err());
        assert!(decode::<WordBoundaries>(&"on".repeat(100)).is_err());
    }
}
