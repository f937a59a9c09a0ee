//! The one route type. Every shareable screen is a URL: hash routing
//! (`#/doc/sichuan/6.21`) so that links work from `file://`, from any static
//! host and inside iframes, with no server-side rewrites.
//!
//! Query strings (search terms, filters, compare options) are not part of the
//! path match: the search and compare views read them from the location.

use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// `#/`: the library of documents.
    #[at("/")]
    Library,
    /// `#/doc/{id}`: one document from its top.
    #[at("/doc/:id")]
    Document { id: String },
    /// `#/doc/{id}/{path}`: one document scrolled to a unit (`6.21`, `3.2.1`).
    #[at("/doc/:id/:path")]
    Unit { id: String, path: String },
    /// `#/search?q=…&region=…`: keyword search.
    #[at("/search")]
    Search,
    /// `#/compare`: the overview matrix, mechanisms × documents against the
    /// central opinion.
    #[at("/compare")]
    CompareOverview,
    /// `#/compare/{a}/{b}`: two documents side by side.
    #[at("/compare/:a/:b")]
    Compare { a: String, b: String },
    /// `#/compare/{a}/{b}/{path}`: a comparison focused on one unit of `a`.
    #[at("/compare/:a/:b/:path")]
    CompareUnit { a: String, b: String, path: String },
    /// `#/witnesses/{id}`: a document's witnesses clause by clause (the
    /// faithful copy against the machine-reworded one) and the learned
    /// substitution table.
    #[at("/witnesses/:id")]
    Witnesses { id: String },
    /// `#/tours`: the guided walkthroughs, built-in and loaded.
    #[at("/tours")]
    Tours,
    /// `#/timeline`: the documents on a time axis with citation arrows.
    #[at("/timeline")]
    Timeline,
    /// `#/library`: the user's own library (add, check, remove, export).
    #[at("/library")]
    MyLibrary,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The `href` of a link to this route. Plain fragment links are all the
    /// router needs: following one fires `popstate`, which the hash history
    /// listens to, and ctrl-click / "copy link" work as users expect.
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Route> {
        vec![
            Route::Library,
            Route::Document {
                id: "sichuan".into(),
            },
            Route::Unit {
                id: "sichuan".into(),
                path: "6.21".into(),
            },
            Route::Unit {
                id: "inner-mongolia".into(),
                path: "3.2.1".into(),
            },
            Route::Search,
            Route::Compare {
                a: "central-2018".into(),
                b: "sichuan".into(),
            },
            Route::CompareUnit {
                a: "central-2018".into(),
                b: "sichuan".into(),
                path: "6.21".into(),
            },
            Route::CompareOverview,
            Route::Tours,
            Route::Timeline,
            Route::Witnesses {
                id: "central-2018".into(),
            },
        ]
    }

    #[test]
    fn every_route_round_trips_through_its_path() {
        for route in samples() {
            assert_eq!(
                Route::recognize(&route.to_path()),
                Some(route.clone()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn hostile_parameters_are_encoded_in_hrefs_and_decoded_back() {
        let route = Route::Document {
            id: "<script>\"x\"/../é".into(),
        };
        let href = route.href();
        assert!(href.starts_with("#/doc/"));
        assert!(!href[1..].contains(['<', '"', '#', '?']), "{href}");
        assert_eq!(Route::recognize(&route.to_path()), Some(route));
    }

    #[test]
    fn the_documented_urls_parse_to_the_expected_routes() {
        assert_eq!(Route::recognize("/"), Some(Route::Library));
        assert_eq!(
            Route::recognize("/doc/sichuan/6.21"),
            Some(Route::Unit {
                id: "sichuan".into(),
                path: "6.21".into()
            })
        );
        assert_eq!(Route::recognize("/search"), Some(Route::Search));
        assert_eq!(
            Route::Unit {
                id: "a".into(),
                path: "1.2".into()
            }
            .href(),
            "#/doc/a/1.2"
        );
    }

    #[test]
    fn unknown_paths_fall_back_to_not_found() {
        for bogus in ["/nope", "/doc", "/doc/a/b/c", "/compare/a", "/search/x"] {
            assert_eq!(Route::recognize(bogus), Some(Route::NotFound), "{bogus}");
        }
    }
}
