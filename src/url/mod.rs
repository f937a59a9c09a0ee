//! Everything the app keeps in, or reads from, a URL.
//!
//! * [`query_string`] — the one query-string parser and writer (on the
//!   `percent-encoding` crate), strict about broken escapes;
//! * [`search`] — `#/search?q=…&region=…` ↔ [`policy_core::search::SearchRequest`];
//! * [`compare`] — the compare view's options (`?mode=chars&ip=1…`);
//! * [`app_route`] — the one rule for a safe in-app route (tours, the
//!   embedding bridge's `navigate` command).
//!
//! Every codec reports what it ignored as a kind with its data; `i18n`
//! words it in the interface language.

pub mod app_route;
pub mod compare;
pub mod query_string;
pub mod search;
