//! The one rule for "is this string a safe in-app route?".
//!
//! Routes arrive from outside the app in several ways: a teacher's tour file
//! ([`crate::tours::format`]), a `policy-explorer:navigate` command posted by the page that
//! embeds the app, and the links built from them. All of them must be plain
//! hash routes of this app (`#/doc/sichuan/6.21`, `#/search?q=…`), never a
//! `javascript:` URL, another site, or text that could become markup when a
//! careless consumer puts it into an attribute. Keeping the rule here, in one
//! place, means a tour and an embedding page can never disagree about what
//! is allowed.

/// Longer routes are not routes: the longest real permalink (a search with
/// every filter) is a few hundred characters.
pub const MAX_APP_ROUTE_CHARS: usize = 600;

/// The first path segment of every page the app has (`#/` is the library).
/// A test below checks it against the pages of [`crate::route::Route`].
pub const APP_PAGES: [&str; 8] = [
    "",
    "doc",
    "search",
    "compare",
    "witnesses",
    "tours",
    "timeline",
    "library",
];

/// Why a string is not a safe in-app route; `i18n` words it for a teacher
/// fixing a tour file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRouteError {
    /// Longer than [`MAX_APP_ROUTE_CHARS`].
    TooLong,
    /// Does not start with `#/`.
    NotAHashRoute,
    /// Spaces, quotes, angle brackets, backslashes or control characters.
    UnsafeCharacters,
    /// The first path segment (clipped, shown as text) is no page of the app.
    UnknownPage(String),
    /// An empty path segment (`#//…`, `#/doc//x`): a URL parser reads a
    /// leading `//` as another host, so the hash router could not read it.
    EmptySegment,
}

/// Accepts `route` only if it is `#/` followed by one of [`APP_PAGES`], with
/// no whitespace, control characters, quotes, backslashes or angle brackets
/// anywhere. Percent-encoded text is fine: it stays encoded in the URL.
pub fn check_app_route(route: &str) -> Result<(), AppRouteError> {
    // `chars().count()` is bounded by the byte length, so a huge input is
    // refused without walking it twice.
    if route.len() > MAX_APP_ROUTE_CHARS * 4 || route.chars().count() > MAX_APP_ROUTE_CHARS {
        return Err(AppRouteError::TooLong);
    }
    let Some(rest) = route.strip_prefix("#/") else {
        return Err(AppRouteError::NotAHashRoute);
    };
    if route
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\".contains(c))
    {
        return Err(AppRouteError::UnsafeCharacters);
    }
    let path = rest.split('?').next().unwrap_or_default();
    if path.starts_with('/') || path.contains("//") {
        return Err(AppRouteError::EmptySegment);
    }
    let first = path.split('/').next().unwrap_or_default();
    if APP_PAGES.contains(&first) {
        Ok(())
    } else {
        Err(AppRouteError::UnknownPage(first.chars().take(30).collect()))
    }
}

/// Whether the hash router can read `fragment` (the text after `#`) as a
/// path of this page. The router resolves it as a URL against the page's
/// address, and a URL parser reads a leading `//` (or `/\`: a backslash
/// counts as a slash in http and file URLs) as the start of
/// another host: `//[` and `//x:99999/` are no URL at all and the router
/// throws. Anything else that starts with `/` resolves to a path of this
/// page (percent-encoded as needed).
pub fn router_can_read(fragment: &str) -> bool {
    let mut chars = fragment.chars();
    chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'))
}

/// Convenience for callers that only need a yes/no.
pub fn is_safe_app_route(route: &str) -> bool {
    check_app_route(route).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_pages_are_accepted() {
        for route in [
            "#/",
            "#/doc/sichuan",
            "#/doc/sichuan/6.21",
            "#/search?q=%E7%94%9F%E6%80%81&region=sichuan",
            "#/search",
            "#/compare/central-2018/sichuan/6.21",
            "#/witnesses/central-2018",
            "#/tours",
        ] {
            assert_eq!(check_app_route(route), Ok(()), "{route}");
        }
    }

    #[test]
    fn hostile_and_foreign_routes_are_refused_with_a_reason() {
        let cases = [
            ("javascript:alert(1)", AppRouteError::NotAHashRoute),
            ("https://example.com/#/doc/a", AppRouteError::NotAHashRoute),
            ("//example.com", AppRouteError::NotAHashRoute),
            ("/doc/sichuan", AppRouteError::NotAHashRoute),
            ("", AppRouteError::NotAHashRoute),
            (
                "#/doc/<img src=x onerror=alert(1)>",
                AppRouteError::UnsafeCharacters,
            ),
            ("#/doc/a b", AppRouteError::UnsafeCharacters),
            ("#/doc/a\"onmouseover=\"x", AppRouteError::UnsafeCharacters),
            ("#/doc/a\nb", AppRouteError::UnsafeCharacters),
            ("#/doc\\..\\x", AppRouteError::UnsafeCharacters),
            ("#/evil", AppRouteError::UnknownPage("evil".into())),
            (
                "#/javascript:alert(1)",
                AppRouteError::UnknownPage("javascript:alert(1)".into()),
            ),
        ];
        for (route, expected) in cases {
            assert_eq!(check_app_route(route), Err(expected), "{route}");
            assert!(!is_safe_app_route(route));
        }
    }

    #[test]
    fn length_is_bounded_in_characters_and_bytes() {
        let ok = format!("#/doc/{}", "a".repeat(MAX_APP_ROUTE_CHARS - 6));
        assert_eq!(check_app_route(&ok), Ok(()));
        let long = format!("{ok}a");
        assert_eq!(check_app_route(&long), Err(AppRouteError::TooLong));
        let huge = format!("#/doc/{}", "政".repeat(10_000_000 / 3));
        assert_eq!(check_app_route(&huge), Err(AppRouteError::TooLong));
    }

    /// Every page [`APP_PAGES`] allows is a page of [`Route`], and every
    /// page of [`Route`] is allowed: the two lists cannot drift apart.
    #[test]
    fn the_allowed_pages_are_exactly_the_pages_of_route() {
        use crate::route::Route;
        use yew_router::Routable;
        let not_found = Route::not_found_route().map(|r| r.to_path());
        let mut route_pages: Vec<&str> = Route::routes()
            .into_iter()
            .filter(|path| Some(path.to_string()) != not_found)
            .map(|path| {
                path.trim_start_matches('/')
                    .split('/')
                    .next()
                    .unwrap_or_default()
            })
            .collect();
        route_pages.sort_unstable();
        route_pages.dedup();
        let mut allowed = APP_PAGES.to_vec();
        allowed.sort_unstable();
        assert_eq!(allowed, route_pages);
        // And each allowed page, with sample parameters, is recognized.
        for page in APP_PAGES {
            let sample = match page {
                "" => "/".to_string(),
                "search" | "tours" | "compare" | "timeline" | "library" => format!("/{page}"),
                _ => format!("/{page}/x"),
            };
            let route = Route::recognize(&sample);
            assert!(
                route.is_some() && route != Some(Route::NotFound),
                "{sample} is allowed but no route"
            );
            assert_eq!(check_app_route(&format!("#{sample}")), Ok(()));
        }
    }

    #[test]
    fn the_hash_router_cannot_read_a_leading_double_slash() {
        for readable in ["/", "/doc/a", "/search?q=%2F%2F", "/doc/a//b", "/%2F%2Fx"] {
            assert!(router_can_read(readable), "{readable}");
        }
        for unreadable in ["", "//[", "///", "//x:99999/", "/\\x", "main", "\\/x"] {
            assert!(!router_can_read(unreadable), "{unreadable}");
        }
        for route in ["#//[", "#///", "#//x:99999/", "#//?q=1", "#/doc//6.21"] {
            assert_eq!(
                check_app_route(route),
                Err(AppRouteError::EmptySegment),
                "{route}"
            );
        }
        assert_eq!(check_app_route("#/?embed=1"), Ok(()));
    }

    /// The grammar generator reaches every verdict of the rule, so the
    /// properties below test its branches rather than its first line.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_route_grammar_reaches_every_verdict() {
        use proptest::strategy::{Strategy, ValueTree};
        use proptest::test_runner::TestRunner;
        let mut runner = TestRunner::deterministic();
        let strategy = grammar::route();
        let mut seen = std::collections::BTreeMap::<&str, usize>::new();
        for _ in 0..2_000 {
            let route = strategy.new_tree(&mut runner).expect("a value").current();
            let verdict = match check_app_route(&route) {
                Ok(()) => "ok",
                Err(AppRouteError::TooLong) => "too-long",
                Err(AppRouteError::NotAHashRoute) => "not-hash",
                Err(AppRouteError::UnsafeCharacters) => "unsafe",
                Err(AppRouteError::UnknownPage(_)) => "unknown-page",
                Err(AppRouteError::EmptySegment) => "empty-segment",
            };
            *seen.entry(verdict).or_default() += 1;
        }
        for verdict in [
            "ok",
            "too-long",
            "not-hash",
            "unsafe",
            "unknown-page",
            "empty-segment",
        ] {
            let n = seen.get(verdict).copied().unwrap_or_default();
            assert!(n >= 40, "{verdict}: {n} of 2000 ({seen:?})");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn accepted_routes_are_inert_in_attributes_and_stay_in_the_app(route in grammar::route()) {
            if check_app_route(&route).is_ok() {
                proptest::prop_assert!(route.starts_with("#/"));
                proptest::prop_assert!(!route.contains(['<', '>', '"', '\'', '`', '\\', ' ']));
                proptest::prop_assert!(route.chars().count() <= MAX_APP_ROUTE_CHARS);
                // What `navigation::go_to_href` hands to the hash router
                // is a path it can read, and one of the app's pages.
                let path = route[1..].split('?').next().unwrap_or_default();
                proptest::prop_assert!(router_can_read(path), "{}", route);
                proptest::prop_assert!(!path.contains("//"), "{}", route);
                let first = path[1..].split('/').next().unwrap_or_default();
                proptest::prop_assert!(APP_PAGES.contains(&first), "{}", route);
            }
        }

        #[test]
        fn each_refusal_names_the_first_rule_broken(route in grammar::route()) {
            let too_long = route.chars().count() > MAX_APP_ROUTE_CHARS;
            let verdict = check_app_route(&route);
            if too_long {
                proptest::prop_assert_eq!(verdict, Err(AppRouteError::TooLong));
            } else if !route.starts_with("#/") {
                proptest::prop_assert_eq!(verdict, Err(AppRouteError::NotAHashRoute));
            } else if route.chars().any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\".contains(c)) {
                proptest::prop_assert_eq!(verdict, Err(AppRouteError::UnsafeCharacters));
            } else {
                let path = route[2..].split('?').next().unwrap_or_default();
                if path.starts_with('/') || path.contains("//") {
                    proptest::prop_assert_eq!(verdict, Err(AppRouteError::EmptySegment));
                } else if !router_can_read(&route[1..]) {
                    proptest::prop_assert!(false, "accepted shape the router cannot read: {}", route);
                }
            }
        }

        #[test]
        fn prefixed_hash_routes_with_safe_tails_pass(tail in "[a-z0-9.?=&%-]{1,60}(/[a-z0-9.?=&%-]{1,10}){0,3}") {
            let route = format!("#/doc/{tail}");
            proptest::prop_assert_eq!(check_app_route(&route), Ok(()));
        }
    }
}

/// Route-shaped test input, generated from the grammar the rule guards
/// (prefix, page, segments, query), including the near misses: `#//…`,
/// `#/\…`, a bare `#name`, percent-escapes good and broken, runs longer
/// than the limit, markup and whitespace. Random strings would almost never
/// start with `#/`, and a property over them would test only the first line.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod grammar {
    use proptest::prelude::*;

    fn prefix() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            6 => Just("#/"),
            2 => Just("#//"),
            1 => Just("#///"),
            1 => Just("#/\\"),
            1 => Just("#"),
            1 => Just(""),
            1 => Just("/"),
            1 => Just("# /"),
            1 => Just("javascript:"),
        ]
    }

    fn page() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("doc".to_string()),
            Just("search".to_string()),
            Just("compare".to_string()),
            Just("witnesses".to_string()),
            Just("tours".to_string()),
            Just("main".to_string()),
            Just("x:99999".to_string()),
            Just("[".to_string()),
            "[a-z]{1,8}",
        ]
    }

    fn segment() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => "[a-z0-9.-]{1,14}",
            1 => Just(String::new()),
            1 => "%[0-9A-F]{2}",
            1 => "%[0-9A-Za-z%]{0,2}",
            1 => "[政策区域协调发展]{1,6}",
            1 => "A{200,700}",
            1 => "[<>\"'` \\\\\t\n\u{0}]",
            1 => "\\PC{1,4}",
        ]
    }

    fn query() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => Just(String::new()),
            1 => "\\?[a-z]{1,6}=[a-z0-9%]{0,12}",
            1 => Just("?embed=1".to_string()),
            1 => Just("?q=//x".to_string()),
        ]
    }

    /// One route-shaped string.
    pub(crate) fn route() -> impl Strategy<Value = String> {
        (
            prefix(),
            page(),
            proptest::collection::vec(segment(), 0..4),
            query(),
        )
            .prop_map(|(prefix, page, segments, query)| {
                let mut route = format!("{prefix}{page}");
                for segment in segments {
                    route.push('/');
                    route.push_str(&segment);
                }
                route.push_str(&query);
                route
            })
    }
}
