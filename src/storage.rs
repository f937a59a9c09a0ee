//! Typed, versioned access to local storage: the one place the app reads
//! and writes it.
//!
//! Storage is an input an outsider controls (another script on the origin,
//! a hand edit in the developer tools, an older or newer build of the app),
//! and it can be missing altogether: a sandboxed iframe without
//! `allow-same-origin` throws on access, and a full quota refuses writes. So:
//!
//! * every value is stored as a small JSON envelope `{"v": <version>,
//!   "data": <value>}`, so a later format can be told apart from this one;
//! * a stored value is parsed and validated, never trusted: a value that is
//!   not JSON, has the wrong shape or version, fails the key's own checks,
//!   or is larger than the key allows is *removed* and reported as
//!   [`Loaded::Reset`], which callers turn into a notice (once: the next
//!   load finds nothing);
//! * storage that cannot be reached is [`Loaded::Unavailable`]: the app runs
//!   on defaults and says once that choices will not be remembered;
//! * a failed write is a [`SaveError`], never a panic.
//!
//! The decoding rules are pure functions ([`decode`], [`encode`]) tested
//! natively; only [`load`], [`save`] and [`remove`] touch the browser.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A kind of value kept in local storage under one key.
pub trait StoredValue: Sized {
    /// The local-storage key, namespaced (`policy-explorer.…`): the app may
    /// share an origin with other pages.
    const KEY: &'static str;
    /// The envelope version this build writes and reads. Bump it when the
    /// data's shape changes; older envelopes then go through
    /// [`StoredValue::from_legacy`] or are reset.
    const VERSION: u32;
    /// The largest stored text (in bytes) accepted on load and written on
    /// save: a huge value is somebody else's data or an attack, and parsing
    /// it at every start-up would cost the user time.
    const MAX_BYTES: usize;
    /// The serializable form.
    type Data: Serialize + DeserializeOwned;

    /// A lower bound of the stored text's size in bytes, cheap to compute:
    /// a value already known to exceed [`StoredValue::MAX_BYTES`] is
    /// refused before it is copied and serialized (which, for a long
    /// document, would itself stall the page).
    fn least_bytes(&self) -> usize {
        0
    }

    fn to_data(&self) -> Self::Data;
    /// Builds the value from parsed data, checking what the type system
    /// cannot (non-empty, known codes, nested formats). The error says what
    /// was wrong, for logs and tests.
    fn from_data(data: Self::Data) -> Result<Self, String>;
    /// Reads a value written before envelopes existed (a raw string such
    /// as `en`). `None`: not a legacy value.
    fn from_legacy(_raw: &str) -> Option<Self> {
        None
    }
}

/// The envelope around every stored value.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<T> {
    v: u32,
    data: T,
}

/// What was found under a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded<T> {
    /// Nothing stored: use the default.
    Missing,
    Found(T),
    /// Something unreadable was stored; it has been removed. The string
    /// says why (not shown to users, who get a notice in their language).
    Reset(String),
    /// Local storage cannot be used here (sandboxed frame, disabled).
    Unavailable,
}

impl<T> Loaded<T> {
    /// The value if one was found.
    pub fn found(self) -> Option<T> {
        match self {
            Loaded::Found(value) => Some(value),
            _ => None,
        }
    }
}

/// Why a value could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Local storage cannot be used here.
    Unavailable,
    /// The encoded value is larger than the key allows.
    TooLarge { bytes: usize, max: usize },
    /// The browser refused the write (quota exceeded, private mode).
    Refused,
}

/// Parses a stored text for `T`. Pure: the browser glue is [`load`].
pub fn decode<T: StoredValue>(raw: &str) -> Result<T, String> {
    if raw.len() > T::MAX_BYTES {
        return Err(format!(
            "{} bytes stored, at most {} allowed",
            raw.len(),
            T::MAX_BYTES
        ));
    }
    // Peek at the version first, so that a newer build's data is reported
    // as such and not as a shape error.
    match serde_json::from_str::<Envelope<serde_json::Value>>(raw) {
        Ok(envelope) if envelope.v == T::VERSION => {
            let data: T::Data = serde_json::from_value(envelope.data)
                .map_err(|e| format!("unexpected shape: {e}"))?;
            T::from_data(data)
        }
        Ok(envelope) => Err(format!(
            "version {} stored, this build reads version {}",
            envelope.v,
            T::VERSION
        )),
        Err(error) => T::from_legacy(raw).ok_or_else(|| format!("not a stored value: {error}")),
    }
}

/// The stored text for `value`, or why it cannot be stored.
pub fn encode<T: StoredValue>(value: &T) -> Result<String, SaveError> {
    let least = value.least_bytes();
    if least > T::MAX_BYTES {
        return Err(SaveError::TooLarge {
            bytes: least,
            max: T::MAX_BYTES,
        });
    }
    let envelope = Envelope {
        v: T::VERSION,
        data: value.to_data(),
    };
    // Serializing plain data (strings, numbers, vectors) cannot fail; treat
    // a failure like a refused write rather than panicking.
    let text = serde_json::to_string(&envelope).map_err(|_| SaveError::Refused)?;
    if text.len() > T::MAX_BYTES {
        return Err(SaveError::TooLarge {
            bytes: text.len(),
            max: T::MAX_BYTES,
        });
    }
    Ok(text)
}

fn local_storage() -> Option<web_sys::Storage> {
    // `local_storage()` is `Err` when access throws (sandboxed iframe) and
    // `Ok(None)` when the browser has it disabled.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads `T`, removing a corrupt value so that the reset is reported once.
pub fn load<T: StoredValue>() -> Loaded<T> {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(T::KEY) {
        Ok(raw) => raw,
        Err(_) => return Loaded::Unavailable,
    };
    let Some(raw) = raw else {
        return Loaded::Missing;
    };
    match decode::<T>(&raw) {
        Ok(value) => Loaded::Found(value),
        Err(problem) => {
            // If removal fails too, the notice simply shows again next time.
            let _ = storage.remove_item(T::KEY);
            Loaded::Reset(problem)
        }
    }
}

/// Writes `T`. The previous value stays if the write fails.
pub fn save<T: StoredValue>(value: &T) -> Result<(), SaveError> {
    let text = encode(value)?;
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    storage
        .set_item(T::KEY, &text)
        .map_err(|_| SaveError::Refused)
}

/// Forgets `T` (e.g. the last user tour was removed).
pub fn remove<T: StoredValue>() -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    storage.remove_item(T::KEY).map_err(|_| SaveError::Refused)
}

/// Whether local storage can be used at all (a sandboxed iframe cannot);
/// checked once at start-up to tell the user that nothing will be
/// remembered.
pub fn is_available() -> bool {
    local_storage().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Colour(String);

    impl StoredValue for Colour {
        const KEY: &'static str = "test.colour";
        const VERSION: u32 = 2;
        const MAX_BYTES: usize = 64;
        type Data = String;
        fn to_data(&self) -> String {
            self.0.clone()
        }
        fn from_data(data: String) -> Result<Self, String> {
            if ["red", "blue"].contains(&data.as_str()) {
                Ok(Colour(data))
            } else {
                Err(format!("unknown colour {data:?}"))
            }
        }
        fn from_legacy(raw: &str) -> Option<Self> {
            (raw == "red").then(|| Colour(raw.to_string()))
        }
    }

    #[test]
    fn values_round_trip_through_their_envelope() {
        let text = encode(&Colour("blue".into())).unwrap();
        assert_eq!(text, r#"{"v":2,"data":"blue"}"#);
        assert_eq!(decode::<Colour>(&text), Ok(Colour("blue".into())));
    }

    #[test]
    fn legacy_raw_values_are_still_read() {
        assert_eq!(decode::<Colour>("red"), Ok(Colour("red".into())));
    }

    #[test]
    fn corrupt_values_are_refused_with_a_reason() {
        for junk in [
            "",
            "blue",
            "{",
            "null",
            "[]",
            r#"{"v":2}"#,
            r#"{"v":2,"data":7}"#,
            r#"{"v":2,"data":"green"}"#,
            r#"{"v":"2","data":"blue"}"#,
            r#"{"v":2,"data":"blue","extra":1}"#,
            "<img src=x onerror=alert(1)>",
        ] {
            assert!(decode::<Colour>(junk).is_err(), "{junk:?} was accepted");
        }
        let newer = decode::<Colour>(r#"{"v":3,"data":"blue"}"#).unwrap_err();
        assert!(newer.contains("version 3"), "{newer}");
    }

    #[test]
    fn huge_values_are_refused_without_parsing() {
        let huge = format!(r#"{{"v":2,"data":"{}"}}"#, "x".repeat(10_000));
        assert!(decode::<Colour>(&huge)
            .unwrap_err()
            .contains("bytes stored"));
        assert_eq!(
            encode(&Colour("y".repeat(100))),
            Err(SaveError::TooLarge {
                bytes: 117,
                max: 64
            })
        );
    }

    /// Panics if serialized: a value whose lower bound already exceeds the
    /// limit must be refused before that.
    struct Endless;

    impl StoredValue for Endless {
        const KEY: &'static str = "test.endless";
        const VERSION: u32 = 1;
        const MAX_BYTES: usize = 64;
        type Data = String;
        fn least_bytes(&self) -> usize {
            1_000_000
        }
        fn to_data(&self) -> String {
            unreachable!("a value known to be too large is not serialized")
        }
        fn from_data(_: String) -> Result<Self, String> {
            Ok(Endless)
        }
    }

    #[test]
    fn a_value_known_to_be_too_large_is_refused_without_serializing_it() {
        assert_eq!(
            encode(&Endless),
            Err(SaveError::TooLarge {
                bytes: 1_000_000,
                max: 64
            })
        );
    }
}
