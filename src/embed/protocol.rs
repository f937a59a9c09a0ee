//! The embedding protocol as pure functions: whether embed mode is asked
//! for, which parent origins are trusted, and what an incoming message
//! means. No DOM here, so every rule is tested natively; `bridge` only
//! extracts plain values from the browser and acts on the verdicts.
//!
//! Messages (documented in `docs/embedding.md`):
//! * out: `{type: "policy-explorer:resize", height}` and
//!   `{type: "policy-explorer:route", route: "#/…"}`;
//! * in: `{type: "policy-explorer:navigate", route: "#/…"}` only, with the
//!   route checked by [`crate::url::app_route`] (the rule tours use).

use crate::url::app_route::{check_app_route, AppRouteError, MAX_APP_ROUTE_CHARS};
use crate::url::query_string::{query_part, query_value};

pub const RESIZE_TYPE: &str = "policy-explorer:resize";
pub const ROUTE_TYPE: &str = "policy-explorer:route";
pub const NAVIGATE_TYPE: &str = "policy-explorer:navigate";

/// The page-query (or hash-query) parameter that turns embed mode on.
pub const EMBED_PARAM: &str = "embed";
/// The page-query parameter listing trusted parent origins.
pub const ORIGINS_PARAM: &str = "embed_origins";
/// The `<meta name>` a host page may use instead of [`ORIGINS_PARAM`].
pub const ORIGINS_META: &str = "policy-explorer-embed-origins";

/// Strings longer than this are not read out of a message at all: no real
/// `type` is longer, and a route is bounded by the route rule.
pub const MAX_TYPE_CHARS: usize = 64;
pub const MAX_ROUTE_FIELD_CHARS: usize = MAX_APP_ROUTE_CHARS;

/// The decoded value of `key` in a query string (`?a=1&b=2`, `a=1&b=2`):
/// the first occurrence that decodes, read by the app's one query-string
/// parser.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    query_value(query, key)
}

/// The query part of a hash route (`#/doc/a?embed=1` → `embed=1`).
pub fn hash_query(hash: &str) -> &str {
    query_part(hash)
}

/// Embed mode is on when the page query or the hash query says `embed=1`.
/// Decided once at load and kept for the page's life: in-app navigation
/// rewrites the hash query (search does), and an embedded view must not
/// suddenly grow a header.
pub fn embed_requested(page_query: &str, hash: &str) -> bool {
    let on = |q: &str| matches!(query_param(q, EMBED_PARAM).as_deref(), Some("1" | "true"));
    on(page_query) || on(hash_query(hash))
}

/// Which parent pages the embedded app talks to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OriginPolicy {
    /// No allow-list given: outgoing messages go to `"*"` (they carry only
    /// a height and a route, nothing private) and commands are accepted
    /// only when their source is this frame's own parent window.
    #[default]
    ParentOnly,
    /// An allow-list was given (even if every entry was invalid: then
    /// nothing is trusted — fail closed). Both directions use it.
    AllowList(Vec<String>),
}

/// The allow-list as configured, with the entries that were not origins.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OriginConfig {
    pub policy: OriginPolicy,
    pub rejected: Vec<String>,
}

/// Builds the policy from `?embed_origins=` (decoded by [`query_param`])
/// and, if the URL has none, from the host page's
/// `<meta name="policy-explorer-embed-origins" content>`.
/// Entries are separated by commas or spaces.
pub fn origin_config(url_value: Option<&str>, meta_value: Option<&str>) -> OriginConfig {
    let Some(raw) = url_value.or(meta_value) else {
        return OriginConfig::default();
    };
    let mut allowed = Vec::new();
    let mut rejected = Vec::new();
    for entry in raw.split([',', ' ']).filter(|e| !e.is_empty()) {
        match normalize_origin(entry) {
            Some(origin) if !allowed.contains(&origin) => allowed.push(origin),
            Some(_) => {}
            None => rejected.push(entry.chars().take(80).collect()),
        }
    }
    OriginConfig {
        policy: OriginPolicy::AllowList(allowed),
        rejected,
    }
}

/// `https://Example.COM:8443/` → `https://example.com:8443`; `None` for
/// anything that is not `http(s)://host[:port]` (paths, `null`, `*`,
/// `javascript:`…). A trailing `/` is tolerated because people copy it.
pub fn normalize_origin(entry: &str) -> Option<String> {
    let lower = entry.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host_port = rest.strip_suffix('/').unwrap_or(rest);
    let (host_ok, port) = match host_port.strip_prefix('[') {
        // An IPv6 literal: `[::1]` or `[::1]:8080`.
        Some(v6) => {
            let (inner, after) = v6.split_once(']')?;
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':')?),
            };
            let ok = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':');
            (ok, port)
        }
        None => {
            let (host, port) = match host_port.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (host_port, None),
            };
            let ok = !host.is_empty()
                && host.len() <= 253
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
            (ok, port)
        }
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok());
    (host_ok && port_ok).then(|| format!("{scheme}://{host_port}"))
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL such as
/// `document.referrer`; `None` for anything else.
pub fn origin_of_url(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    normalize_origin(&format!("{scheme}://{}", &rest[..end]))
}

impl OriginPolicy {
    /// Whether a message from `origin`, whose source window is (or is not)
    /// this frame's parent, may command the app.
    pub fn accepts(&self, origin: &str, source_is_parent: bool) -> bool {
        source_is_parent
            && match self {
                OriginPolicy::ParentOnly => true,
                OriginPolicy::AllowList(list) => list.iter().any(|o| o == origin),
            }
    }

    /// The `targetOrigin` for outgoing messages: `"*"` without a list;
    /// with one, the parent's origin if it is listed (the browser reports
    /// it through `location.ancestorOrigins` or the referrer), else nothing
    /// is sent at all.
    pub fn target_origin(&self, parent_origin_hint: Option<&str>) -> Option<String> {
        match self {
            OriginPolicy::ParentOnly => Some("*".to_string()),
            OriginPolicy::AllowList(list) => {
                let hint = normalize_origin(parent_origin_hint?)?;
                list.contains(&hint).then_some(hint)
            }
        }
    }
}

/// The shape of an incoming `MessageEvent.data`, as the bridge reads it
/// without copying anything large out of JavaScript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageData<'a> {
    /// A string, number, array, null…: never a command.
    NotAnObject,
    Object {
        /// `type` if it is a string of at most [`MAX_TYPE_CHARS`].
        kind: Option<&'a str>,
        route: RouteField<'a>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteField<'a> {
    Missing,
    NotText,
    /// A string longer than [`MAX_ROUTE_FIELD_CHARS`] (not copied).
    TooLong,
    Text(&'a str),
}

/// Why a `navigate` command was refused; shown to the embedding page's
/// user as a notice (the details go to the console).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NavigateRefusal {
    MissingRoute,
    RouteNotText,
    BadRoute(AppRouteError),
}

/// What the app does with an incoming message from a trusted parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    /// Go to this (validated) route.
    Navigate(String),
    /// A navigate command whose route is unusable: tell the user, change
    /// nothing.
    Refused(NavigateRefusal),
    /// Anything else: not ours, ignored silently.
    Ignore,
}

pub fn classify(data: &MessageData<'_>) -> Inbound {
    let MessageData::Object { kind, route } = data else {
        return Inbound::Ignore;
    };
    if *kind != Some(NAVIGATE_TYPE) {
        return Inbound::Ignore;
    }
    match route {
        RouteField::Missing => Inbound::Refused(NavigateRefusal::MissingRoute),
        RouteField::NotText => Inbound::Refused(NavigateRefusal::RouteNotText),
        RouteField::TooLong => Inbound::Refused(NavigateRefusal::BadRoute(AppRouteError::TooLong)),
        RouteField::Text(route) => match check_app_route(route) {
            Ok(()) => Inbound::Navigate((*route).to_string()),
            Err(problem) => Inbound::Refused(NavigateRefusal::BadRoute(problem)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_mode_comes_from_the_page_query_or_the_hash_query() {
        assert!(embed_requested("?embed=1", "#/doc/sichuan/6.21"));
        assert!(embed_requested("?lang=en&embed=true", ""));
        assert!(embed_requested("", "#/doc/sichuan?embed=1"));
        assert!(!embed_requested("", "#/doc/sichuan"));
        assert!(!embed_requested("?embed=0", "#/"));
        assert!(!embed_requested("?embedded=1", "#/?xembed=1"));
        assert!(!embed_requested("?embed", "#/"));
    }

    #[test]
    fn query_params_are_found_by_exact_key() {
        assert_eq!(query_param("?a=1&embed=1", "embed").as_deref(), Some("1"));
        assert_eq!(query_param("a=1&b", "b").as_deref(), Some(""));
        assert_eq!(query_param("?ab=1", "a"), None);
        assert_eq!(hash_query("#/search?q=x&embed=1"), "q=x&embed=1");
        assert_eq!(hash_query("#/"), "");
    }

    #[test]
    fn origins_are_normalized_and_junk_is_rejected() {
        assert_eq!(
            normalize_origin("https://Example.COM/").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            normalize_origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            normalize_origin("http://[::1]:80").as_deref(),
            Some("http://[::1]:80")
        );
        for junk in [
            "*",
            "null",
            "example.com",
            "javascript:alert(1)",
            "https://a.example/path",
            "https://a.example:99999",
            "https://a.example:",
            "ftp://a.example",
            "https://",
            "https://a b.example",
            "https://a.example\"><script>",
        ] {
            assert_eq!(normalize_origin(junk), None, "{junk}");
        }
    }

    #[test]
    fn the_allow_list_comes_from_the_url_before_the_meta_tag() {
        let url = query_param(
            "?embed=1&embed_origins=https%3A%2F%2Fa.example%2Chttps://b.example:8443,*+https://a.example/",
            ORIGINS_PARAM,
        );
        let config = origin_config(url.as_deref(), Some("https://meta.example"));
        assert_eq!(
            config.policy,
            OriginPolicy::AllowList(vec![
                "https://a.example".into(),
                "https://b.example:8443".into()
            ])
        );
        assert_eq!(config.rejected, vec!["*".to_string()]);
        let from_meta = origin_config(None, Some("https://meta.example https://m2.example"));
        assert_eq!(
            from_meta.policy,
            OriginPolicy::AllowList(vec![
                "https://meta.example".into(),
                "https://m2.example".into()
            ])
        );
        assert_eq!(origin_config(None, None).policy, OriginPolicy::ParentOnly);
    }

    #[test]
    fn an_allow_list_of_only_junk_trusts_nobody() {
        let config = origin_config(Some("*"), None);
        assert_eq!(config.policy, OriginPolicy::AllowList(vec![]));
        assert!(!config.policy.accepts("https://a.example", true));
        assert_eq!(config.policy.target_origin(Some("https://a.example")), None);
    }

    #[test]
    fn referrers_give_their_origin() {
        assert_eq!(
            origin_of_url("https://A.example:8443/page.html?x#y").as_deref(),
            Some("https://a.example:8443")
        );
        assert_eq!(
            origin_of_url("http://127.0.0.1:5000").as_deref(),
            Some("http://127.0.0.1:5000")
        );
        assert_eq!(origin_of_url(""), None);
        assert_eq!(origin_of_url("about:srcdoc"), None);
    }

    #[test]
    fn commands_need_the_parent_as_source_and_a_listed_origin() {
        let open = OriginPolicy::ParentOnly;
        assert!(open.accepts("https://anyone.example", true));
        assert!(!open.accepts("https://anyone.example", false));
        assert_eq!(open.target_origin(None).as_deref(), Some("*"));

        let listed = OriginPolicy::AllowList(vec!["https://a.example".into()]);
        assert!(listed.accepts("https://a.example", true));
        assert!(!listed.accepts("https://a.example", false));
        assert!(!listed.accepts("https://b.example", true));
        assert!(!listed.accepts("null", true));
        assert_eq!(
            listed.target_origin(Some("https://a.example/page.html")),
            None,
            "a referrer with a path is not an origin"
        );
        assert_eq!(
            listed.target_origin(Some("https://A.example")).as_deref(),
            Some("https://a.example")
        );
        assert_eq!(listed.target_origin(Some("https://b.example")), None);
        assert_eq!(listed.target_origin(None), None);
    }

    #[test]
    fn only_navigate_commands_with_app_routes_navigate() {
        let navigate = |route| MessageData::Object {
            kind: Some(NAVIGATE_TYPE),
            route,
        };
        assert_eq!(
            classify(&navigate(RouteField::Text("#/doc/sichuan/6.21"))),
            Inbound::Navigate("#/doc/sichuan/6.21".into())
        );
        assert_eq!(
            classify(&navigate(RouteField::Text("javascript:alert(1)"))),
            Inbound::Refused(NavigateRefusal::BadRoute(AppRouteError::NotAHashRoute))
        );
        assert_eq!(
            classify(&navigate(RouteField::Text("#/doc/<svg onload=alert(1)>"))),
            Inbound::Refused(NavigateRefusal::BadRoute(AppRouteError::UnsafeCharacters))
        );
        assert_eq!(
            classify(&navigate(RouteField::TooLong)),
            Inbound::Refused(NavigateRefusal::BadRoute(AppRouteError::TooLong))
        );
        assert_eq!(
            classify(&navigate(RouteField::Missing)),
            Inbound::Refused(NavigateRefusal::MissingRoute)
        );
        assert_eq!(
            classify(&navigate(RouteField::NotText)),
            Inbound::Refused(NavigateRefusal::RouteNotText)
        );
    }

    #[test]
    fn everything_else_is_ignored_silently() {
        assert_eq!(classify(&MessageData::NotAnObject), Inbound::Ignore);
        for kind in [
            None,
            Some(RESIZE_TYPE),
            Some(ROUTE_TYPE),
            Some("policy-explorer:eval"),
            Some("POLICY-EXPLORER:NAVIGATE"),
        ] {
            let data = MessageData::Object {
                kind,
                route: RouteField::Text("#/"),
            };
            assert_eq!(classify(&data), Inbound::Ignore, "{kind:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// Route texts from the route grammar (`#/` pages, `#//…`,
            /// escapes, long runs, markup): a command navigates exactly when
            /// the shared rule accepts the route, to a path the hash router
            /// can read, and is otherwise refused with the rule's reason.
            #[test]
            fn a_navigate_command_goes_exactly_where_the_route_rule_allows(route in crate::url::app_route::grammar::route()) {
                let data = MessageData::Object { kind: Some(NAVIGATE_TYPE), route: RouteField::Text(&route) };
                match (classify(&data), check_app_route(&route)) {
                    (Inbound::Navigate(r), Ok(())) => {
                        prop_assert_eq!(&r, &route);
                        prop_assert!(crate::url::app_route::router_can_read(&r[1..]), "{}", r);
                        prop_assert!(!r.contains(['<', '>', '"']));
                    }
                    (Inbound::Refused(NavigateRefusal::BadRoute(reason)), Err(expected)) => prop_assert_eq!(reason, expected),
                    (verdict, rule) => prop_assert!(false, "{:?} for {:?} ({:?})", verdict, route, rule),
                }
            }

            #[test]
            fn origin_lists_never_panic_and_hold_only_origins(raw in "\\PC{0,200}") {
                let config = origin_config(Some(&raw), None);
                if let OriginPolicy::AllowList(list) = config.policy {
                    for origin in list {
                        prop_assert!(origin.starts_with("http"));
                        prop_assert!(!origin.contains(['<', '>', '"', ' ', ',', '*']));
                    }
                }
            }
        }
    }
}
