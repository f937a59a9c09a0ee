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
pub const APP_PAGES: [&str; 7] = [
    "",
    "doc",
    "search",
    "compare",
    "witnesses",
    "tours",
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
    let first = rest.split(['/', '?']).next().unwrap_or_default();
    if APP_PAGES.contains(&first) {
        Ok(())
    } else {
        Err(AppRouteError::UnknownPage(first.chars().take(30).collect()))
    }
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
                "search" | "tours" | "compare" | "library" => format!("/{page}"),
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

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn accepted_routes_are_inert_in_attributes_and_stay_in_the_app(route in "\\PC{0,120}") {
            if check_app_route(&route).is_ok() {
                proptest::prop_assert!(route.starts_with("#/"));
                proptest::prop_assert!(!route.contains(['<', '>', '"', '\'', '`', '\\', ' ']));
            }
        }

        #[test]
        fn prefixed_hash_routes_with_safe_tails_pass(tail in "[a-z0-9./?=&%-]{0,60}") {
            let route = format!("#/doc/{tail}");
            proptest::prop_assert_eq!(check_app_route(&route), Ok(()));
        }
    }
}
