//! Links and the `<iframe>` snippet offered by the share dialog, built as
//! strings by pure functions. The snippet is shown to the user as text (in
//! a read-only text area) and copied; the app never injects it as markup.
//! Everything that comes from the page (URL, title) is attribute-escaped.

use crate::embed::protocol::{EMBED_PARAM, ORIGINS_PARAM};
use crate::url::query_string::parse_query;

/// The sandbox an embed needs, and nothing more:
/// * `allow-scripts` — the app is a WebAssembly program;
/// * `allow-popups` — the "open in full explorer" link opens a new tab;
/// * `allow-popups-to-escape-sandbox` — so that tab is the normal, full
///   app (with its stored preferences), not another sandboxed frame.
///
/// No `allow-same-origin`: the app works without storage (defaults and a
/// notice), and with `allow-scripts` it would let a same-origin embed
/// remove its own sandbox. Hosting note: without `allow-same-origin` the
/// frame has an opaque origin, so the hosted build's `.js`/`.wasm` files
/// are fetched cross-origin and must be served with
/// `Access-Control-Allow-Origin: *` (or embed the single-file build).
pub const EMBED_SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

pub const DEFAULT_EMBED_WIDTH: u32 = 720;
pub const DEFAULT_EMBED_HEIGHT: u32 = 480;

/// `&`, `<`, `>`, `"` and `'` as entities: safe inside a double- or
/// single-quoted attribute and as text.
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Splits `https://h/p?q#f` into (`https://h/p`, `q`, `#f`); the query has
/// no `?`, the fragment keeps its `#`.
fn split_url(url: &str) -> (&str, &str, &str) {
    let (before_hash, fragment) = match url.find('#') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    match before_hash.split_once('?') {
        Some((base, query)) => (base, query, fragment),
        None => (before_hash, "", fragment),
    }
}

/// `query` without the embedding parameters, the others as written,
/// `&`-joined, no `?`.
fn without_embed_params(query: &str) -> String {
    parse_query(query)
        .filter(|pair| !matches!(pair.name.as_deref(), Ok(EMBED_PARAM | ORIGINS_PARAM)))
        .map(|pair| pair.raw)
        .collect::<Vec<_>>()
        .join("&")
}

fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The fragment with `embed`/`embed_origins` removed from its query.
fn clean_fragment(fragment: &str) -> String {
    match fragment.split_once('?') {
        Some((route, query)) => with_query(route, &without_embed_params(query)),
        None => fragment.to_string(),
    }
}

/// The `<meta name>` through which a build names its hosted copy
/// (`<meta name="policy-explorer-hosted-url" content="https://…/">` in
/// `index.html`, kept in the single file). The offline file then offers
/// that address in its share dialog instead of a `file://` one.
pub const HOSTED_URL_META: &str = "policy-explorer-hosted-url";

/// Where the share dialog's link and embed code should point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareBase {
    /// The page's own address (it is on the web).
    Here(String),
    /// The page is the offline file and a hosted copy is configured: the
    /// hosted address with the current route.
    Hosted(String),
    /// The page is the offline file and no hosted copy is configured: the
    /// `file://` address works only on this computer.
    FileOnly(String),
}

/// Decides [`ShareBase`] from the current address and the configured hosted
/// address (the meta tag's content, if any). Only an `http(s)` URL with no
/// spaces, quotes or angle brackets counts as configured.
pub fn share_base(current: &str, hosted: Option<&str>) -> ShareBase {
    if !current.starts_with("file:") {
        return ShareBase::Here(current.to_string());
    }
    let hosted = hosted.map(str::trim).filter(|url| {
        (url.starts_with("https://") || url.starts_with("http://"))
            && url.len() > "https://".len()
            && !url.contains(|c: char| c.is_whitespace() || "<>\"'`#".contains(c))
    });
    match hosted {
        Some(base) => {
            let fragment = current.find('#').map(|i| &current[i..]).unwrap_or("");
            ShareBase::Hosted(format!("{base}{fragment}"))
        }
        None => ShareBase::FileOnly(current.to_string()),
    }
}

impl ShareBase {
    pub fn href(&self) -> &str {
        match self {
            ShareBase::Here(href) | ShareBase::Hosted(href) | ShareBase::FileOnly(href) => href,
        }
    }
}

/// The permalink of the current state in the full explorer: the same page
/// and route, without any embedding parameter.
pub fn full_explorer_url(current: &str) -> String {
    let (base, query, fragment) = split_url(current);
    format!(
        "{}{}",
        with_query(base, &without_embed_params(query)),
        clean_fragment(fragment)
    )
}

/// The URL an `<iframe>` should load: the permalink with `?embed=1` in the
/// page query (before the hash, where in-app navigation never removes it).
pub fn embed_url(current: &str) -> String {
    let (base, query, fragment) = split_url(current);
    let kept = without_embed_params(query);
    let query = if kept.is_empty() {
        format!("{EMBED_PARAM}=1")
    } else {
        format!("{kept}&{EMBED_PARAM}=1")
    };
    format!("{base}?{query}{}", clean_fragment(fragment))
}

/// The `<iframe>` element for `current` (the page URL with its hash),
/// titled `title` (what the frame shows, for screen readers).
pub fn iframe_snippet(current: &str, title: &str, width: u32, height: u32) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"{width}\" height=\"{height}\" \
         loading=\"lazy\" sandbox=\"{EMBED_SANDBOX}\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
        src = escape_attribute(&embed_url(current)),
        title = escape_attribute(title.trim()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_url_puts_embed_before_the_hash_and_keeps_the_route() {
        assert_eq!(
            embed_url("https://h.example/pe/index.html#/doc/sichuan/6.21"),
            "https://h.example/pe/index.html?embed=1#/doc/sichuan/6.21"
        );
        assert_eq!(
            embed_url("https://h.example/?lang=en&embed=1&embed_origins=x#/search?q=a&embed=1"),
            "https://h.example/?lang=en&embed=1#/search?q=a"
        );
        assert_eq!(
            embed_url("file:///tmp/policy-explorer.html"),
            "file:///tmp/policy-explorer.html?embed=1"
        );
    }

    #[test]
    fn the_full_explorer_url_drops_every_embedding_parameter() {
        assert_eq!(
            full_explorer_url("https://h.example/?embed=1&embed_origins=https://a#/doc/a/1.2"),
            "https://h.example/#/doc/a/1.2"
        );
        assert_eq!(
            full_explorer_url("https://h.example/?x=1&embed=1#/search?embed=1&q=%E7%94%9F"),
            "https://h.example/?x=1#/search?q=%E7%94%9F"
        );
        assert_eq!(
            full_explorer_url("https://h.example/#/"),
            "https://h.example/#/"
        );
    }

    #[test]
    fn the_snippet_has_every_attribute_and_escapes_what_it_quotes() {
        let snippet = iframe_snippet(
            "https://h.example/#/search?q=\"><script>alert(1)</script>&r='x'",
            "  《四川》 \"6.21\" <b>  ",
            720,
            480,
        );
        assert!(
            snippet.starts_with(
                "<iframe src=\"https://h.example/?embed=1#/search?q=&quot;&gt;&lt;script&gt;"
            ),
            "{snippet}"
        );
        assert!(snippet.contains("&amp;r=&#39;x&#39;"), "{snippet}");
        assert!(
            snippet.contains(" title=\"《四川》 &quot;6.21&quot; &lt;b&gt;\""),
            "{snippet}"
        );
        assert!(snippet.contains(" width=\"720\" height=\"480\" loading=\"lazy\""));
        assert!(snippet
            .contains(" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\""));
        assert!(!snippet.contains("allow-same-origin"));
        assert!(snippet.ends_with("></iframe>"));
        // Exactly one element: nothing quoted can close the tag early.
        assert_eq!(snippet.matches('<').count(), 2, "{snippet}");
        assert_eq!(snippet.matches('>').count(), 2, "{snippet}");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn escaped_attributes_never_contain_markup(text in "\\PC{0,100}") {
            let escaped = escape_attribute(&text);
            proptest::prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
        }

        #[test]
        fn snippets_are_one_element_whatever_the_url_and_title(url in "\\PC{0,100}", title in "\\PC{0,60}") {
            let snippet = iframe_snippet(&url, &title, 1, 1);
            proptest::prop_assert_eq!(snippet.matches('<').count(), 2);
            proptest::prop_assert_eq!(snippet.matches('"').count(), 2 * 7);
        }
    }

    #[test]
    fn the_offline_file_shares_the_hosted_address_when_one_is_configured() {
        let file = "file:///home/t/policy-explorer.html#/doc/sichuan/6.21";
        assert_eq!(
            share_base(file, Some("https://example.org/pe/")),
            ShareBase::Hosted("https://example.org/pe/#/doc/sichuan/6.21".into())
        );
        for junk in [
            None,
            Some(""),
            Some("  "),
            Some("javascript:alert(1)"),
            Some("https://a b/"),
            Some("https://x/\"><script>"),
        ] {
            assert_eq!(
                share_base(file, junk),
                ShareBase::FileOnly(file.into()),
                "{junk:?}"
            );
        }
        let web = "https://example.org/pe/#/";
        assert_eq!(
            share_base(web, Some("https://other/")),
            ShareBase::Here(web.into())
        );
    }
}
