//! What Trunk 0.21 writes into `dist/index.html` and what that page makes a
//! browser fetch: its wasm loader script, the build's own hrefs, and every
//! reference that would need a request. Read by the single-file packer, the
//! strict-CSP rewrite and the size report.

use std::fmt;
use std::ops::Range;

use crate::html::{find_scripts, find_tags, start_tags, Tag};

/// `<link rel>` keywords that make the browser fetch the `href`.
const FETCHING_RELS: [&str; 5] = [
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
];

#[derive(Debug, PartialEq)]
pub enum PageError {
    /// The page has no Trunk loader script.
    NoLoader,
    /// A resource outside the build (http:, //host) would need the network.
    RemoteResource(String),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::NoLoader => write!(
                f,
                "no Trunk loader found: expected an inline <script type=\"module\"> that imports \
                 the wasm-bindgen glue and calls init({{ module_or_path: … }})"
            ),
            PageError::RemoteResource(href) => write!(
                f,
                "`{href}` is a remote resource; the build must not need the network"
            ),
        }
    }
}

impl std::error::Error for PageError {}

/// Trunk's inline wasm loader, which looks like
/// `import init, * as bindings from '/app-HASH.js';`
/// `const wasm = await init({ module_or_path: '/app-HASH_bg.wasm' });`.
pub struct Loader<'a> {
    /// The whole `<script>…</script>` element.
    pub script: Range<usize>,
    /// The script's text.
    pub body: &'a str,
    /// The wasm-bindgen glue's href, as written.
    pub glue_href: &'a str,
    /// The wasm module's href, as written.
    pub wasm_href: &'a str,
}

/// Finds Trunk's inline loader script.
pub fn find_loader(html: &str) -> Option<Loader<'_>> {
    find_scripts(html).into_iter().find_map(|script| {
        let module = script
            .open
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("module"));
        if !module || script.open.has_attr("src") {
            return None;
        }
        let body = script.body(html);
        if !body.contains("import init") {
            return None;
        }
        Some(Loader {
            script: script.range(),
            body,
            glue_href: quoted_after(body, " from ")?,
            wasm_href: quoted_after(body, "module_or_path:")?,
        })
    })
}

/// The first '…' or "…" string literal after `marker`.
pub fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let start = rest.find(['\'', '"'])?;
    let quote = rest[start..].chars().next()?;
    let value = &rest[start + 1..];
    Some(&value[..value.find(quote)?])
}

/// An href of the build, made relative to `dist/` (Trunk writes `/name` for
/// the default public URL, or `./name`); `None` for a remote resource.
pub fn local_path(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http:") || lower.starts_with("https:") || href.starts_with("//") {
        return None;
    }
    let path = href.split(['?', '#']).next().unwrap_or_default();
    Some(
        path.trim_start_matches("./")
            .trim_start_matches('/')
            .to_string(),
    )
}

/// [`local_path`], or the error naming the remote href.
pub fn require_local(href: &str) -> Result<String, PageError> {
    local_path(href).ok_or_else(|| PageError::RemoteResource(href.to_string()))
}

/// URLs that need no request: empty, `data:` and same-document `#…`.
pub fn is_inline_url(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    lower.is_empty() || lower.starts_with("data:") || lower.starts_with('#')
}

/// Whether a `<link>` makes the browser fetch its `href`.
pub fn link_fetches(link: &Tag<'_>) -> bool {
    link.rels()
        .iter()
        .any(|rel| FETCHING_RELS.contains(&rel.as_str()) || rel.contains("icon"))
}

/// The files a browser fetches on the hosted build's first load (the page
/// itself excluded): the glue, the wasm, stylesheets, scripts and icons.
pub fn first_load_assets(html: &str) -> Result<Vec<String>, PageError> {
    let loader = find_loader(html).ok_or(PageError::NoLoader)?;
    let mut hrefs = vec![
        require_local(loader.glue_href)?,
        require_local(loader.wasm_href)?,
    ];
    for link in find_tags(html, "link") {
        let fetched = link
            .rels()
            .iter()
            .any(|rel| rel == "stylesheet" || rel.contains("icon"));
        if fetched {
            if let Some(href) = link.attr("href").filter(|h| !is_inline_url(h)) {
                hrefs.push(require_local(href)?);
            }
        }
    }
    for script in find_scripts(html) {
        if let Some(src) = script.open.attr("src") {
            hrefs.push(require_local(src)?);
        }
    }
    hrefs.dedup();
    Ok(hrefs)
}

/// Every URL in an element that makes the browser fetch, other than inline
/// `data:`/`#` URLs: what must be empty for an offline file.
pub fn fetching_references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in start_tags(html) {
        let attr = match tag.name.as_str() {
            "link" if link_fetches(&tag) => "href",
            "script" | "img" | "source" | "iframe" | "audio" | "video" | "embed" => "src",
            "object" => "data",
            _ => continue,
        };
        if let Some(url) = tag.attr(attr).filter(|url| !is_inline_url(url)) {
            found.push(format!("<{} {attr}=\"{url}\">", tag.name));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head>
<link rel="icon" href="/favicon-1a2b.svg">
<link rel="stylesheet" href="/main-3c4d.css">
<link rel="canonical" href="https://example.org/">
<script type="module">
import init, * as bindings from '/app-5e6f.js';
const wasm = await init({ module_or_path: '/app-5e6f_bg.wasm' });
</script></head><body><img src="data:image/png;base64,AA=="></body></html>"#;

    #[test]
    fn finds_the_loader_and_its_hrefs() {
        let loader = find_loader(PAGE).expect("loader");
        assert_eq!(loader.glue_href, "/app-5e6f.js");
        assert_eq!(loader.wasm_href, "/app-5e6f_bg.wasm");
        assert!(PAGE[loader.script.clone()].starts_with("<script type=\"module\">"));
        assert!(PAGE[loader.script].ends_with("</script>"));
        assert!(find_loader("<script type=\"module\" src=\"/x.js\"></script>").is_none());
    }

    #[test]
    fn hrefs_are_made_local_or_refused() {
        assert_eq!(local_path("./a.css?v=1").as_deref(), Some("a.css"));
        assert_eq!(local_path("/a.js#x").as_deref(), Some("a.js"));
        assert_eq!(local_path("//cdn/x.js"), None);
        assert_eq!(
            require_local("https://cdn/x.js"),
            Err(PageError::RemoteResource("https://cdn/x.js".into()))
        );
    }

    #[test]
    fn lists_what_the_page_fetches() {
        assert_eq!(
            first_load_assets(PAGE).expect("assets"),
            [
                "app-5e6f.js",
                "app-5e6f_bg.wasm",
                "favicon-1a2b.svg",
                "main-3c4d.css"
            ]
        );
        // The canonical link and the data: image fetch nothing.
        assert_eq!(
            fetching_references(PAGE),
            [
                "<link href=\"/favicon-1a2b.svg\">",
                "<link href=\"/main-3c4d.css\">"
            ]
        );
    }
}
