//! The search screen's URL state:
//! `#/search?q=…&region=…&mechanism=…&doc=…&level=…&year=…`.
//!
//! The URL is the source of truth for a shared search, so the codec must
//! round-trip exactly (`parse(serialize(r)) == r`), and it reads URLs
//! written by anyone: every malformed or hostile parameter (bad percent
//! escapes, invalid UTF-8, markup, control characters, huge values, unknown
//! keys) is dropped and reported as a [`UrlNotice`] — a kind with its data,
//! worded by `i18n` in the interface language; parsing never panics.
//! Multi-valued filters repeat their key (`region=a&region=b`).

use policy_core::model::{Level, Mechanism};
use policy_core::search::{FilterKind, SearchRequest};

use super::query_string::{encode_component, parse_query, query_part, DecodeError};

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
/// Longest parameter name echoed back in a notice.
const MAX_ECHOED_PARAM_CHARS: usize = 32;

/// A part of the address that was ignored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlNotice {
    /// The parameter name as found (possibly empty; clipped), shown as text.
    pub param: String,
    /// What was wrong with it.
    pub problem: UrlProblem,
}

/// Why part of a search address was ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// The query string is longer than [`MAX_URL_BYTES`]; the rest was cut.
    AddressTooLong,
    /// The parameter name does not decode.
    BadName(DecodeError),
    /// The value does not decode.
    BadValue(DecodeError),
    /// `name=` with nothing after it.
    EmptyValue,
    /// `q` given a second time (the first one counts).
    QueryRepeated,
    /// The query is longer than [`MAX_QUERY_CHARS`].
    QueryTooLong,
    /// A filter value is longer than [`MAX_VALUE_CHARS`].
    ValueTooLong,
    /// Control characters (new lines, tabs …) in the value.
    ControlCharacters,
    /// `<` or `>` in the query.
    MarkupCharacters,
    /// A parameter the search screen does not know.
    UnknownParam,
    /// More than [`MAX_VALUES_PER_FILTER`] values for one filter.
    TooManyValues,
    /// A `mechanism` value that is not one of the ten ids or names.
    NotAMechanism,
    /// A `level` value other than `central`, `ministry`, `provincial`.
    NotALevel,
    /// A `year` value that is not four digits.
    NotAYear,
    /// A `region` or `doc` value with characters no id or name has.
    NotAnId,
}

/// Serializes a request as `#/search?…` with parameters in a fixed order
/// (q, region, mechanism, doc, level, year) and empty ones left out.
pub fn to_search_url(request: &SearchRequest) -> String {
    let query = search_query(request);
    if query.is_empty() {
        SEARCH_ROUTE.to_string()
    } else {
        format!("{SEARCH_ROUTE}?{query}")
    }
}

/// The query string of [`to_search_url`], without the `?`.
pub fn search_query(request: &SearchRequest) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if !request.query.is_empty() {
        pairs.push(("q", &request.query));
    }
    for kind in FilterKind::ALL {
        pairs.extend(
            request
                .values(kind)
                .iter()
                .map(|v| (kind.param(), v.as_str())),
        );
    }
    pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn filter_kind(param: &str) -> Option<FilterKind> {
    FilterKind::ALL.into_iter().find(|k| k.param() == param)
}

/// Parses `#/search?…`, `/search?…`, `?…` or a bare query string.
pub fn parse_search_url(url: &str) -> (SearchRequest, Vec<UrlNotice>) {
    let mut request = SearchRequest::default();
    let mut notices = Vec::new();
    let mut notice = |param: &str, problem: UrlProblem| {
        notices.push(UrlNotice {
            param: param.chars().take(MAX_ECHOED_PARAM_CHARS).collect(),
            problem,
        })
    };
    let query = query_part(url);
    let query = if query.len() > MAX_URL_BYTES {
        notice("", UrlProblem::AddressTooLong);
        let mut end = MAX_URL_BYTES;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        &query[..end]
    } else {
        query
    };
    let mut seen_q = false;
    for pair in parse_query(query) {
        let key = match pair.name {
            Ok(name) => name,
            Err(e) => {
                notice(pair.raw_name, UrlProblem::BadName(e));
                continue;
            }
        };
        let value = match pair.value {
            Ok(value) => value,
            Err(e) => {
                notice(&key, UrlProblem::BadValue(e));
                continue;
            }
        };
        if value.is_empty() {
            notice(&key, UrlProblem::EmptyValue);
            continue;
        }
        if key == "q" {
            if seen_q {
                notice("q", UrlProblem::QueryRepeated);
            } else if let Err(problem) = check_query(&value) {
                notice("q", problem);
            } else {
                request.query = value;
                seen_q = true;
            }
            continue;
        }
        let Some(kind) = filter_kind(&key) else {
            notice(&key, UrlProblem::UnknownParam);
            continue;
        };
        let list = request.values_mut(kind);
        if list.len() >= MAX_VALUES_PER_FILTER {
            notice(&key, UrlProblem::TooManyValues);
            continue;
        }
        match check_value(kind, &value) {
            Ok(()) => list.push(value),
            Err(problem) => notice(&key, problem),
        }
    }
    (request, notices)
}

/// The search box's text as a query the address can carry: without what
/// the codec refuses in an address (`<`, `>`, control characters) and at
/// most [`MAX_QUERY_CHARS`] characters, with whether anything was left
/// out. Typed text is the reader's own input, not an address: what it
/// loses is reported by the search box, and the URL written from it never
/// makes the codec complain about an address parameter.
pub fn typed_query(text: &str) -> (String, bool) {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>'))
        .take(MAX_QUERY_CHARS)
        .collect();
    let changed = kept.len() != text.len();
    (kept, changed)
}

fn check_query(value: &str) -> Result<(), UrlProblem> {
    if value.chars().count() > MAX_QUERY_CHARS {
        return Err(UrlProblem::QueryTooLong);
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(UrlProblem::ControlCharacters);
    }
    if value.contains(['<', '>']) {
        return Err(UrlProblem::MarkupCharacters);
    }
    Ok(())
}

fn check_value(kind: FilterKind, value: &str) -> Result<(), UrlProblem> {
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(UrlProblem::ValueTooLong);
    }
    let ok = match kind {
        FilterKind::Mechanism => Mechanism::parse(value).is_some(),
        FilterKind::Level => Level::from_id(value).is_some(),
        FilterKind::Year => value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()),
        // region and doc: ids (`inner-mongolia`) or Chinese names.
        FilterKind::Region | FilterKind::Doc => value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '·')),
    };
    if ok {
        Ok(())
    } else {
        Err(match kind {
            FilterKind::Mechanism => UrlProblem::NotAMechanism,
            FilterKind::Level => UrlProblem::NotALevel,
            FilterKind::Year => UrlProblem::NotAYear,
            FilterKind::Region | FilterKind::Doc => UrlProblem::NotAnId,
        })
    }
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
    fn a_broken_escape_is_reported_as_a_kind() {
        let (r, n) = parse_search_url("#/search?q=%E4%B");
        assert_eq!(r.query, "");
        assert_eq!(
            n,
            vec![UrlNotice {
                param: "q".into(),
                problem: UrlProblem::BadValue(DecodeError::BadEscape)
            }]
        );
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
        let found: Vec<(&str, UrlProblem)> =
            n.iter().map(|n| (n.param.as_str(), n.problem)).collect();
        for expected in [
            ("q", UrlProblem::MarkupCharacters),
            ("region", UrlProblem::BadValue(DecodeError::NotUtf8)),
            ("doc", UrlProblem::NotAnId),
            ("level", UrlProblem::NotALevel),
            ("year", UrlProblem::NotAYear),
            ("mechanism", UrlProblem::NotAMechanism),
            ("evil", UrlProblem::UnknownParam),
            ("q2", UrlProblem::EmptyValue),
            ("q", UrlProblem::BadValue(DecodeError::BadEscape)),
        ] {
            assert!(found.contains(&expected), "no {expected:?} in {found:?}");
        }
    }

    #[test]
    fn typed_text_becomes_a_query_the_codec_accepts() {
        assert_eq!(typed_query("<b>补偿</b>"), ("b补偿/b".to_string(), true));
        assert_eq!(typed_query("生态 补偿"), ("生态 补偿".to_string(), false));
        let (long, changed) = typed_query(&"补".repeat(600));
        assert!(changed && long.chars().count() == MAX_QUERY_CHARS);
        for text in ["<b>", "a\u{7}b", "x>y"] {
            let (query, _) = typed_query(text);
            let url = to_search_url(&SearchRequest::with_query(query.clone()));
            let (parsed, notices) = parse_search_url(&url);
            assert!(notices.is_empty(), "{text}: {notices:?}");
            assert_eq!(parsed.query, query);
        }
    }

    #[test]
    fn huge_values_are_refused_without_panicking() {
        let long = "生".repeat(600);
        let (r, n) = parse_search_url(&format!("#/search?q={}", encode_component(&long)));
        assert_eq!(r.query, "");
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].problem, UrlProblem::QueryTooLong);
        let huge = "生".repeat(1000);
        let (r, n) = parse_search_url(&format!("#/search?q={}", encode_component(&huge)));
        assert_eq!(r.query, "");
        assert_eq!(n.len(), 2, "{n:?}"); // too long overall, and the cut value is bad
        assert_eq!(n[0].problem, UrlProblem::AddressTooLong);
        let many: String = (0..40).map(|_| "&year=2018").collect();
        let (r, n) = parse_search_url(&format!("?{many}"));
        assert_eq!(r.years.len(), MAX_VALUES_PER_FILTER);
        assert_eq!(n.len(), 40 - MAX_VALUES_PER_FILTER);
        assert!(n.iter().all(|n| n.problem == UrlProblem::TooManyValues));
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
