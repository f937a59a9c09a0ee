//! The one query-string parser and writer of the app. Every screen that
//! keeps state in the URL (search, compare options, the reader's `hl`, the
//! embedding parameters) reads its `?a=1&b=2` through [`parse_query`] and
//! writes values with [`encode_component`].
//!
//! Decoding is `application/x-www-form-urlencoded` (`+` is a space, `%XX`
//! escapes are UTF-8) done by the `percent-encoding` crate, but strict where
//! the crate is lenient: a `%` not followed by two hex digits, or escapes
//! that are not UTF-8, make the component a [`DecodeError`] instead of
//! being passed through or replaced, so callers can drop the parameter and
//! say so.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters (`A–Z a–z 0–9 - _ . ~`)
/// is escaped: the result is safe in a hash route, an attribute and a
/// query, and round-trips through [`decode_component`].
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Why a name or value could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A `%` not followed by two hexadecimal digits (`%ZZ`, a cut-off `%E`).
    BadEscape,
    /// The escapes decode to bytes that are not UTF-8 text (`%FF`, half a
    /// character).
    NotUtf8,
}

/// One `name=value` pair as written and as decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryPair<'a> {
    /// The whole pair as written (`name=value`, or just `name`).
    pub raw: &'a str,
    /// The name as written in the URL.
    pub raw_name: &'a str,
    /// The value as written in the URL (empty when there was no `=`).
    pub raw_value: &'a str,
    /// The decoded name.
    pub name: Result<String, DecodeError>,
    /// The decoded value.
    pub value: Result<String, DecodeError>,
}

impl QueryPair<'_> {
    /// The decoded name, or the name as written when it does not decode:
    /// for showing in a notice (as text only), never for matching.
    pub fn name_for_display(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|_| self.raw_name.to_string())
    }

    /// The decoded value, or the value as written when it does not decode.
    pub fn value_for_display(&self) -> String {
        self.value
            .clone()
            .unwrap_or_else(|_| self.raw_value.to_string())
    }
}

/// The pairs of a query string (`?a=1&b=2` or `a=1&b=2`), in order. Empty
/// pairs (`a=1&&b=2`) are skipped; a pair without `=` has an empty value.
/// For a whole route, take its [`query_part`] first.
pub fn parse_query(query: &str) -> impl Iterator<Item = QueryPair<'_>> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            QueryPair {
                raw: pair,
                raw_name,
                raw_value,
                name: decode_component(raw_name),
                value: decode_component(raw_value),
            }
        })
}

/// The decoded value of the first pair named `name` that decodes, if any.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    parse_query(query)
        .filter(|pair| pair.name.as_deref() == Ok(name))
        .find_map(|pair| pair.value.ok())
}

/// The query string of a route or URL without its `?`: everything after
/// the first `?`; nothing for a route with no `?` (`#/search`, `/doc/a`);
/// the string itself when it is a bare query (`a=1&b=2`).
pub fn query_part(url: &str) -> &str {
    match url.split_once('?') {
        Some((_, query)) => query,
        None if url.starts_with('#') || url.starts_with('/') => "",
        None => url,
    }
}

/// Decodes one name or value: `+` is a space, `%XX` a byte; the bytes must
/// be UTF-8.
pub fn decode_component(raw: &str) -> Result<String, DecodeError> {
    let bytes = raw.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return Err(DecodeError::BadEscape);
    }
    let spaced = raw.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| DecodeError::NotUtf8)
}

/// Encodes one name or value: everything but `A–Z a–z 0–9 - _ . ~` as
/// UTF-8 `%XX` escapes (a space becomes `%20`, never `+`).
pub fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Writes `name=value` pairs as a query string (no `?`), each side encoded.
pub fn write_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(name, value)| format!("{}={}", encode_component(name), encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pairs_are_split_decoded_and_kept_as_written() {
        let pairs: Vec<QueryPair> =
            parse_query(query_part("#/search?q=a+b%E7%94%9F&&flag&x=%ZZ&%FF=1")).collect();
        assert_eq!(pairs.len(), 4);
        assert_eq!(pairs[0].name, Ok("q".into()));
        assert_eq!(pairs[0].value, Ok("a b生".into()));
        assert_eq!((pairs[1].raw_name, pairs[1].raw_value), ("flag", ""));
        assert_eq!(pairs[1].raw, "flag");
        assert_eq!(pairs[1].value, Ok(String::new()));
        assert_eq!(pairs[2].value, Err(DecodeError::BadEscape));
        assert_eq!(pairs[2].value_for_display(), "%ZZ");
        assert_eq!(pairs[3].name, Err(DecodeError::NotUtf8));
        assert_eq!(pairs[3].name_for_display(), "%FF");
    }

    #[test]
    fn routes_without_a_query_have_no_pairs() {
        assert_eq!(query_part("#/search"), "");
        assert_eq!(query_part("/doc/a"), "");
        assert_eq!(query_part("a=1"), "a=1");
        assert_eq!(query_part("#/doc/a?hl=x?y"), "hl=x?y");
        assert_eq!(parse_query("").count(), 0);
        assert_eq!(parse_query("?").count(), 0);
        assert_eq!(parse_query("a=1").count(), 1);
    }

    #[test]
    fn truncated_and_lowercase_escapes() {
        assert_eq!(decode_component("%e7%94%9f"), Ok("生".into()));
        assert_eq!(decode_component("%E4%B"), Err(DecodeError::BadEscape));
        assert_eq!(decode_component("%E4"), Err(DecodeError::NotUtf8));
        assert_eq!(decode_component("%"), Err(DecodeError::BadEscape));
        assert_eq!(decode_component("%2B"), Ok("+".into()));
    }

    #[test]
    fn the_first_decodable_value_wins() {
        assert_eq!(query_value("?hl=%ZZ&hl=ok&hl=2", "hl"), Some("ok".into()));
        assert_eq!(query_value("?x=1", "hl"), None);
    }

    #[test]
    fn encoding_escapes_all_but_unreserved() {
        assert_eq!(
            encode_component("a b-_.~/?&=+生"),
            "a%20b-_.~%2F%3F%26%3D%2B%E7%94%9F"
        );
        assert_eq!(
            write_query([("q", "生 态"), ("x", "1")]),
            "q=%E7%94%9F%20%E6%80%81&x=1"
        );
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC{0,60}") {
            prop_assert_eq!(decode_component(&encode_component(&text)), Ok(text));
        }

        #[test]
        fn any_input_parses_without_panicking(s in "(%[0-9A-Fa-fZ]{0,2}|[a-z=&+?#生]){0,60}") {
            for pair in parse_query(&s) {
                let _ = pair.name_for_display();
            }
        }
    }
}
