//! The search screen's URL state:
//! `#/search?q=…&region=…&mechanism=…&doc=…&level=…&year=…`.
//!
//! The URL is the source of truth for a shared search, so the codec must
//! round-trip exactly (`parse(serialize(r)) == r`), and it reads URLs
//! written by anyone: every malformed or hostile parameter (bad percent
//! escapes, invalid UTF-8, markup, control characters, huge values, unknown
//! keys) is dropped and reported as a [`UrlNotice`]; parsing never panics.
//! Multi-valued filters repeat their key (`region=a&region=b`).

use super::request::SearchRequest;
use crate::model::{Level, Mechanism};
use serde::{Deserialize, Serialize};

/// The route prefix of the search screen.
pub const SEARCH_ROUTE: &str = "#/search";
/// Longest accepted query text, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Longest accepted filter value, in characters.
pub const MAX_VALUE_CHARS: usize = 64;
/// Longest accepted query string, in bytes; the rest is ignored.
pub const MAX_URL_BYTES: usize = 8192;
/// Most values accepted per filter.
pub const MAX_VALUES_PER_FILTER: usize = 32;

/// A parameter that was ignored, and why (shown to the user as text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlNotice {
    /// The parameter name as found (possibly empty).
    pub param: String,
    pub message: String,
}

/// Serializes a request as `#/search?…` with parameters in a fixed order
/// (q, region, mechanism, doc, level, year) and empty ones left out.
pub fn to_search_url(request: &SearchRequest) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if !request.query.is_empty() {
        pairs.push(("q", &request.query));
    }
    for (key, values) in [
        ("region", &request.regions),
        ("mechanism", &request.mechanisms),
        ("doc", &request.docs),
        ("level", &request.levels),
        ("year", &request.years),
    ] {
        pairs.extend(values.iter().map(|v| (key, v.as_str())));
    }
    if pairs.is_empty() {
        return SEARCH_ROUTE.to_string();
    }
    let query: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    format!("{SEARCH_ROUTE}?{}", query.join("&"))
}

/// Parses `#/search?…`, `/search?…`, `?…` or a bare query string.
pub fn parse_search_url(url: &str) -> (SearchRequest, Vec<UrlNotice>) {
    let mut request = SearchRequest::default();
    let mut notices = Vec::new();
    let mut notice = |param: &str, message: String| {
        notices.push(UrlNotice {
            param: truncate_chars(param, 32),
            message,
        })
    };
    let query = match url.split_once('?') {
        Some((_, q)) => q,
        None if url.starts_with('#') || url.starts_with('/') => "",
        None => url,
    };
    let query = if query.len() > MAX_URL_BYTES {
        notice(
            "",
            format!("the address is longer than {MAX_URL_BYTES} bytes; the rest was ignored"),
        );
        let mut end = MAX_URL_BYTES;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        &query[..end]
    } else {
        query
    };
    let mut seen_q = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = match percent_decode(raw_key) {
            Ok(k) => k,
            Err(e) => {
                notice(raw_key, format!("ignored: parameter name {e}"));
                continue;
            }
        };
        let value = match percent_decode(raw_value) {
            Ok(v) => v,
            Err(e) => {
                notice(&key, format!("ignored: value {e}"));
                continue;
            }
        };
        if value.is_empty() {
            notice(&key, "ignored: empty value".into());
            continue;
        }
        let list = match key.as_str() {
            "q" => {
                if seen_q {
                    notice("q", "ignored: the query was given twice".into());
                } else if let Err(e) = check_query(&value) {
                    notice("q", format!("ignored: {e}"));
                } else {
                    request.query = value;
                    seen_q = true;
                }
                continue;
            }
            "region" => &mut request.regions,
            "mechanism" => &mut request.mechanisms,
            "doc" => &mut request.docs,
            "level" => &mut request.levels,
            "year" => &mut request.years,
            _ => {
                notice(&key, "ignored: unknown parameter".into());
                continue;
            }
        };
        if list.len() >= MAX_VALUES_PER_FILTER {
            notice(
                &key,
                format!("ignored: more than {MAX_VALUES_PER_FILTER} values"),
            );
            continue;
        }
        match check_value(&key, &value) {
            Ok(()) => list.push(value),
            Err(e) => notice(&key, format!("ignored: {e}")),
        }
    }
    (request, notices)
}

fn check_query(value: &str) -> Result<(), String> {
    if value.chars().count() > MAX_QUERY_CHARS {
        return Err(format!("longer than {MAX_QUERY_CHARS} characters"));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err("contains control characters".into());
    }
    if value.contains(['<', '>']) {
        return Err("contains markup characters < or >".into());
    }
    Ok(())
}

fn check_value(key: &str, value: &str) -> Result<(), String> {
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(format!("longer than {MAX_VALUE_CHARS} characters"));
    }
    match key {
        "mechanism" => Mechanism::parse(value)
            .map(|_| ())
            .ok_or_else(|| "not one of the ten mechanisms".into()),
        "level" => Level::from_id(value)
            .map(|_| ())
            .ok_or_else(|| "not central, ministry or provincial".into()),
        "year" => (value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()))
            .then_some(())
            .ok_or_else(|| "not a four-digit year".into()),
        // region and doc: ids (`inner-mongolia`) or Chinese names.
        _ => value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '·'))
            .then_some(())
            .ok_or_else(|| "only letters, digits, - and _ are allowed".into()),
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, as UTF-8.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space, as forms write it).
pub fn percent_decode(value: &str) -> Result<String, String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or("has a truncated % escape")?;
                let s = std::str::from_utf8(hex).map_err(|_| "has a bad % escape")?;
                let b = u8::from_str_radix(s, 16).map_err(|_| "has a bad % escape")?;
                out.push(b);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "is not valid UTF-8".to_string())
}

fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn serializes_in_canonical_order_and_round_trips() {
        let r = SearchRequest {
            query: "横向生态补偿 -飞地 \"一带一路\"".into(),
            regions: vec!["sichuan".into(), "内蒙古".into()],
            mechanisms: vec!["compensation".into()],
            docs: vec!["central-2018".into()],
            levels: vec!["provincial".into()],
            years: vec!["2018".into()],
        };
        let url = to_search_url(&r);
        assert!(url.starts_with("#/search?q=%E6%A8%AA"), "{url}");
        assert!(url.contains("&region=sichuan&region=%E5%86%85"), "{url}");
        assert!(
            url.ends_with("&mechanism=compensation&doc=central-2018&level=provincial&year=2018")
        );
        let (back, notices) = parse_search_url(&url);
        assert_eq!(back, r);
        assert!(notices.is_empty());
        assert_eq!(to_search_url(&back), url);
        assert_eq!(to_search_url(&SearchRequest::default()), "#/search");
        assert_eq!(
            parse_search_url("#/search"),
            (SearchRequest::default(), vec![])
        );
    }

    #[test]
    fn accepts_plus_as_space_and_lowercase_escapes() {
        let (r, n) = parse_search_url("#/search?q=a+b%e7%94%9f");
        assert_eq!(r.query, "a b生");
        assert!(n.is_empty());
    }

    #[test]
    fn hostile_and_malformed_parameters_are_ignored_with_notices() {
        let (r, n) = parse_search_url(
            "#/search?q=%3Cscript%3Ealert(1)%3C/script%3E&region=%FF&doc=<img>&level=admin&year=20x8\
             &mechanism=nope&evil=1&q2&region=%E4&year=2018&region=sichuan&q=%ZZ",
        );
        assert_eq!(r.query, "");
        assert_eq!(r.regions, vec!["sichuan"]);
        assert_eq!(r.years, vec!["2018"]);
        assert!(r.docs.is_empty() && r.levels.is_empty() && r.mechanisms.is_empty());
        let params: Vec<&str> = n.iter().map(|n| n.param.as_str()).collect();
        for p in [
            "q",
            "region",
            "doc",
            "level",
            "year",
            "mechanism",
            "evil",
            "q2",
        ] {
            assert!(params.contains(&p), "no notice for {p}: {n:?}");
        }
    }

    #[test]
    fn huge_values_are_refused_without_panicking() {
        let long = "生".repeat(600);
        let (r, n) = parse_search_url(&format!("#/search?q={}", percent_encode(&long)));
        assert_eq!(r.query, "");
        assert_eq!(n.len(), 1, "{n:?}");
        let huge = "生".repeat(1000);
        let (r, n) = parse_search_url(&format!("#/search?q={}", percent_encode(&huge)));
        assert_eq!(r.query, "");
        assert_eq!(n.len(), 2, "{n:?}"); // too long overall, and the cut value is bad
        let many: String = (0..40).map(|_| "&year=2018").collect();
        let (r, n) = parse_search_url(&format!("?{many}"));
        assert_eq!(r.years.len(), MAX_VALUES_PER_FILTER);
        assert_eq!(n.len(), 40 - MAX_VALUES_PER_FILTER);
    }

    fn request_strategy() -> impl Strategy<Value = SearchRequest> {
        let id = "[a-z0-9\\-_]{1,12}|[生态四川内蒙古𫫇]{1,6}";
        (
            "[^<>\\p{Cc}]{0,40}",
            proptest::collection::vec(id, 0..3),
            proptest::collection::vec(
                proptest::sample::select(Mechanism::ALL.map(|m| m.id()).to_vec()),
                0..3,
            ),
            proptest::collection::vec(id, 0..3),
            proptest::collection::vec(
                proptest::sample::select(vec!["central", "ministry", "provincial"]),
                0..2,
            ),
            proptest::collection::vec("[12][0-9]{3}", 0..3),
        )
            .prop_map(|(q, regions, mechs, docs, levels, years)| SearchRequest {
                query: q,
                regions,
                mechanisms: mechs.into_iter().map(String::from).collect(),
                docs,
                levels: levels.into_iter().map(String::from).collect(),
                years,
            })
    }

    proptest! {
        #[test]
        fn valid_requests_round_trip_exactly(r in request_strategy()) {
            let url = to_search_url(&r);
            let (back, notices) = parse_search_url(&url);
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(&back, &r);
            prop_assert_eq!(to_search_url(&back), url);
        }

        #[test]
        fn arbitrary_input_never_panics(s in "\\PC{0,200}") {
            let (r, _) = parse_search_url(&s);
            // Whatever was accepted serializes and parses back unchanged.
            let (back, notices) = parse_search_url(&to_search_url(&r));
            prop_assert!(notices.is_empty());
            prop_assert_eq!(back, r);
        }

        #[test]
        fn arbitrary_escapes_never_panic(s in "(%[0-9A-Fa-fZ]{0,2}|[a-z=&+?#]){0,60}") {
            let _ = parse_search_url(&s);
        }
    }
}
