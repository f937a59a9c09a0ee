//! Embedding: the app inside another site's `<iframe>`.
//!
//! * [`protocol`] — pure rules: is embed mode on, which parent origins are
//!   trusted, what an incoming message means (tested natively);
//! * [`snippet`] — pure builders for the permalink, the embed URL and the
//!   `<iframe>` snippet of the share dialog;
//! * [`environment`] — what the page was loaded with, read once at start-up
//!   (embed flag, origin allow-list, framed or not, storage or not);
//! * [`bridge`] — the browser side: `postMessage` out (height, route) and
//!   in (navigate), and the resize observer.
//!
//! `docs/embedding.md` is the guide for people who embed the app.

pub mod bridge;
pub mod environment;
pub mod protocol;
pub mod snippet;
