//! The language preference in local storage.
//!
//! Storage is an input an outsider controls (another script on the origin, a
//! hand edit, an older build), so a stored value is parsed, never trusted:
//! anything but a known code is removed and reported with a notice. Storage
//! may also be missing altogether (a sandboxed iframe without
//! `allow-same-origin` throws on access); the app then simply does not
//! remember the choice.

use crate::i18n::Lang;
use crate::state::NoticeKind;

/// The local-storage key. Namespaced: the app may share an origin.
pub const LANGUAGE_KEY: &str = "policy-explorer.lang";

/// What was found under [`LANGUAGE_KEY`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredLanguage {
    Missing,
    Valid(Lang),
    /// Present but unreadable; it must be reset.
    Corrupt,
}

/// Classifies a raw stored value.
pub fn parse_stored_language(raw: Option<&str>) -> StoredLanguage {
    match raw {
        None => StoredLanguage::Missing,
        Some(code) => Lang::from_code(code).map_or(StoredLanguage::Corrupt, StoredLanguage::Valid),
    }
}

/// The start-up language and any notice the user must see about it.
/// Resets a corrupt value so that the notice appears once, not every load.
pub fn load_language() -> (Lang, Vec<NoticeKind>) {
    let Some(storage) = local_storage() else {
        return (Lang::default(), Vec::new());
    };
    let raw = storage.get_item(LANGUAGE_KEY).ok().flatten();
    match parse_stored_language(raw.as_deref()) {
        StoredLanguage::Missing => (Lang::default(), Vec::new()),
        StoredLanguage::Valid(lang) => (lang, Vec::new()),
        StoredLanguage::Corrupt => {
            // If removal fails too, the notice will simply show again next time.
            let _ = storage.remove_item(LANGUAGE_KEY);
            (Lang::default(), vec![NoticeKind::StoredLanguageReset])
        }
    }
}

/// Remembers the chosen language; silently does nothing without storage.
pub fn save_language(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, lang.code());
    }
}

/// The local-storage key of the reader's "show word boundaries" toggle.
pub const WORD_BOUNDARIES_KEY: &str = "policy-explorer.word-boundaries";

/// Whether the reader shows word boundaries. Only the exact value `"on"`
/// turns them on; anything else (missing, junk) means off, so a corrupt
/// value can only ever hide a teaching aid, never break the reader.
pub fn load_word_boundaries() -> bool {
    local_storage()
        .and_then(|s| s.get_item(WORD_BOUNDARIES_KEY).ok().flatten())
        .is_some_and(|v| v == "on")
}

/// Remembers the toggle; silently does nothing without storage.
pub fn save_word_boundaries(on: bool) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(WORD_BOUNDARIES_KEY, if on { "on" } else { "off" });
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_are_classified_strictly() {
        assert_eq!(parse_stored_language(None), StoredLanguage::Missing);
        assert_eq!(
            parse_stored_language(Some("en")),
            StoredLanguage::Valid(Lang::En)
        );
        assert_eq!(
            parse_stored_language(Some("zh")),
            StoredLanguage::Valid(Lang::Zh)
        );
        for junk in ["", "EN", "\"en\"", "<img src=x onerror=alert(1)>", "en "] {
            assert_eq!(
                parse_stored_language(Some(junk)),
                StoredLanguage::Corrupt,
                "{junk}"
            );
        }
    }
}
