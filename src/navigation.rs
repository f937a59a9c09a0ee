//! The one way the app changes the URL from code: through the router's
//! [`Navigator`], so that every change lands in the same history (the hash
//! history in the browser, a memory history in tests) and the router sees
//! it at once. Links the user follows are plain `<a href>`
//! ([`Route::href`]); this is for everything else — rewriting a query to
//! its canonical form, stepping, the steps of a tour, a `navigate` command
//! from an embedding page.

use yew_router::history::Location;
use yew_router::prelude::*;
use yew_router::query::Raw;
use yew_router::AnyRoute;

use crate::route::Route;
use crate::url::app_route::router_can_read;
use crate::url::compare::{compare_query, CompareOptions};

/// Whether a navigation adds a history entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new place: Back returns to where the user was.
    Push,
    /// The same place in another form (a canonical query, a stepped unit):
    /// the history is not flooded.
    Replace,
}

/// Goes to `route` with `query` (without the `?`; empty for none).
pub fn go_to(navigator: &Navigator, route: &Route, query: &str, entry: Entry) {
    match (query.is_empty(), entry) {
        (true, Entry::Push) => navigator.push(route),
        (true, Entry::Replace) => navigator.replace(route),
        (false, Entry::Push) => {
            let _ = navigator.push_with_query(route, Raw(query));
        }
        (false, Entry::Replace) => {
            let _ = navigator.replace_with_query(route, Raw(query));
        }
    }
}

/// Goes to an in-app hash href as tours and embedding pages name them
/// (`#/doc/sichuan/6.21`, `#/search?q=…`), adding a history entry. The
/// path is kept as written (an unknown one shows the not-found page with
/// that path, as a link would). Going where the app already is changes
/// nothing, as with a link to the current page.
pub fn go_to_href(navigator: &Navigator, current: Option<&Location>, href: &str) {
    let target = href.strip_prefix('#').unwrap_or(href);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = if path.is_empty() { "/" } else { path };
    // Callers check routes with `url::app_route`; this keeps the router
    // safe even if one did not: it throws on a path it cannot read.
    let (path, query) = if router_can_read(path) {
        (path, query)
    } else {
        (
            crate::hash_guard::NOT_FOUND_HASH.trim_start_matches('#'),
            "",
        )
    };
    if let Some(current) = current {
        let here = current.query_str().strip_prefix('?').unwrap_or_default();
        if current.path() == path && here == query {
            return;
        }
    }
    let route = AnyRoute::new(path);
    if query.is_empty() {
        navigator.push(&route);
    } else {
        let _ = navigator.push_with_query(&route, Raw(query));
    }
}

/// The route of a comparison, focused on one unit of `a` or not.
pub fn compare_route(a: &str, b: &str, path: Option<&str>) -> Route {
    match path {
        Some(path) => Route::CompareUnit {
            a: a.to_string(),
            b: b.to_string(),
            path: path.to_string(),
        },
        None => Route::Compare {
            a: a.to_string(),
            b: b.to_string(),
        },
    }
}

/// The href of a comparison with its options (canonical query).
pub fn compare_href(a: &str, b: &str, path: Option<&str>, options: &CompareOptions) -> String {
    let route = compare_route(a, b, path);
    let query = compare_query(options);
    if query.is_empty() {
        route.href()
    } else {
        format!("{}?{query}", route.href())
    }
}

/// Goes to a comparison with its options (canonical query): `Replace` for
/// changes in place (stepping, options), `Push` for a new comparison.
pub fn go_to_compare(navigator: &Navigator, route: &Route, options: &CompareOptions, entry: Entry) {
    go_to(navigator, route, &compare_query(options), entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_hrefs_carry_the_canonical_options() {
        let options = CompareOptions {
            ignore_script: true,
            ..CompareOptions::default()
        };
        assert_eq!(
            compare_href("central-2018", "sichuan", Some("6.21"), &options),
            "#/compare/central-2018/sichuan/6.21?is=1"
        );
        assert_eq!(
            compare_href("a", "b", None, &CompareOptions::default()),
            "#/compare/a/b"
        );
    }
}
