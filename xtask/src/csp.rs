//! Make the hosted build run under a strict Content-Security-Policy:
//! `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//!
//! Trunk 0.21 always writes its wasm loader as an *inline*
//! `<script type="module">` in `index.html` (trunk-rs/trunk#288 is still
//! open; its only CSP aid is a `nonce`, which in a static build is a fixed
//! value and therefore worthless). An inline script is exactly what
//! `script-src 'self'` forbids, so `cargo xtask dist` moves the loader,
//! unchanged, into its own file `trunk-loader-<hash>.js` and references it
//! with `<script type="module" src>`. Same-origin module scripts are allowed
//! by `'self'`; `'wasm-unsafe-eval'` allows compiling the wasm.
//!
//! The single-file build is packed from the inline form (it must be one
//! file), so [`inline_loader_again`] undoes the move for the packer and the
//! size report. [`check_strict_csp`] then refuses a `dist/index.html` that
//! would still need `'unsafe-inline'`: an inline script, an event-handler
//! attribute, a `style` attribute or a `<style>` block.

use std::fmt;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::content_hash::fnv1a64_hex;
use crate::html::{apply_edits, find_scripts, find_tags, start_tags, Edit};
use crate::trunk_page::{find_loader, local_path};

/// The policy the e2e suite serves the hosted build with, and the one
/// documented for hosts (`docs/embedding.md`).
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const LOADER_PREFIX: &str = "trunk-loader-";

#[derive(Debug, PartialEq)]
pub enum CspError {
    /// `index.html` has no inline Trunk loader and no external one.
    NoLoader,
    /// Something in `index.html` would need `'unsafe-inline'`.
    Inline(String),
}

impl fmt::Display for CspError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CspError::NoLoader => write!(
                f,
                "no Trunk loader script found in dist/index.html (expected an inline \
                 <script type=\"module\"> with `import init`)"
            ),
            CspError::Inline(what) => write!(
                f,
                "dist/index.html would violate the strict CSP ({STRICT_CSP}): {what}"
            ),
        }
    }
}

impl std::error::Error for CspError {}

/// The result of moving the loader out of the page.
#[derive(Debug, PartialEq)]
pub struct Externalized {
    pub html: String,
    pub file_name: String,
    pub script: String,
}

/// Moves the inline loader into `trunk-loader-<content hash>.js`,
/// referenced with the same public URL prefix as the glue (`/` or `./`).
pub fn externalize_loader(html: &str) -> Result<Externalized, CspError> {
    let loader = find_loader(html).ok_or(CspError::NoLoader)?;
    let script = format!("{}\n", loader.body.trim());
    let file_name = format!("{LOADER_PREFIX}{}.js", fnv1a64_hex(script.as_bytes()));
    // Use the glue's own prefix so a custom public_url keeps working.
    let prefix = if loader.glue_href.starts_with("./") {
        "./"
    } else {
        "/"
    };
    let tag = format!("<script type=\"module\" src=\"{prefix}{file_name}\"></script>");
    let html = apply_edits(html, vec![Edit::replace(loader.script, tag)]);
    Ok(Externalized {
        html,
        file_name,
        script,
    })
}

/// The page with an externalized loader put back inline (for the single
/// file and the size report); unchanged if the loader is already inline.
/// Also returns the loader file's name, if there was one.
pub fn inline_loader_again(html: &str, dist: &Path) -> Result<(String, Option<String>)> {
    if find_loader(html).is_some() {
        return Ok((html.to_string(), None));
    }
    let external = find_scripts(html).into_iter().find_map(|script| {
        let name = local_path(script.open.attr("src")?)?;
        name.starts_with(LOADER_PREFIX)
            .then(|| (script.range(), name))
    });
    let Some((range, name)) = external else {
        return Ok((html.to_string(), None));
    };
    let script = fs::read_to_string(dist.join(&name))
        .with_context(|| format!("dist/{name} is referenced by index.html but missing"))?;
    let inline = format!("<script type=\"module\">\n{script}</script>");
    Ok((
        apply_edits(html, vec![Edit::replace(range, inline)]),
        Some(name),
    ))
}

/// Adds `crossorigin="anonymous"` to every `<link>` that carries an
/// `integrity` hash but no `crossorigin`. In a frame sandboxed without
/// `allow-same-origin` the page's origin is opaque, so its stylesheets are
/// cross-origin; a no-cors response cannot be hashed and the browser would
/// block the stylesheet. A CORS request (the host sends
/// `Access-Control-Allow-Origin: *`, see docs/embedding.md) can be checked.
/// Same-origin pages are unaffected.
pub fn cors_for_integrity_links(html: &str) -> String {
    let edits = find_tags(html, "link")
        .into_iter()
        .filter(|link| link.has_attr("integrity") && !link.has_attr("crossorigin"))
        .map(|link| {
            let name_end = link.range.start + "<link".len();
            Edit::replace(
                link.range.start..name_end,
                "<link crossorigin=\"anonymous\"".into(),
            )
        })
        .collect();
    apply_edits(html, edits)
}

/// Refuses markup that a strict CSP blocks: inline scripts, `on…=`
/// handler attributes, `style=` attributes, `<style>` blocks.
pub fn check_strict_csp(html: &str) -> Result<(), CspError> {
    for tag in start_tags(html) {
        if tag.name == "script" && !tag.has_attr("src") {
            return Err(CspError::Inline("an inline <script>".into()));
        }
        if tag.name == "style" {
            return Err(CspError::Inline("a <style> block".into()));
        }
        if tag.has_attr("style") {
            return Err(CspError::Inline("a style= attribute".into()));
        }
        let handler = tag.attrs.iter().any(|(name, _)| {
            name.strip_prefix("on").is_some_and(|event| {
                !event.is_empty() && event.bytes().all(|b| b.is_ascii_alphabetic())
            })
        });
        if handler {
            return Err(CspError::Inline("an on…= event-handler attribute".into()));
        }
    }
    Ok(())
}

/// Rewrites `dist/index.html` for the strict CSP and writes the loader file.
pub fn externalize_in_dist(dist: &Path) -> Result<String> {
    let index_path = dist.join("index.html");
    let html = fs::read_to_string(&index_path).context("dist/index.html missing")?;
    if find_loader(&html).is_none() && html.contains(LOADER_PREFIX) {
        check_strict_csp(&html)?;
        return Ok("loader already external".into());
    }
    let out = externalize_loader(&html)?;
    let out = Externalized {
        html: cors_for_integrity_links(&out.html),
        ..out
    };
    check_strict_csp(&out.html)?;
    fs::write(dist.join(&out.file_name), &out.script)?;
    fs::write(&index_path, &out.html)?;
    Ok(out.file_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<!doctype html>
<html><head>
<!-- no inline style attributes: style-src 'self' -->
<link rel="stylesheet" href="/base-1.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from '/policy-explorer-app-5e6f.js';
const wasm = await init({ module_or_path: '/policy-explorer-app-5e6f_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="modulepreload" href="/policy-explorer-app-5e6f.js"></head>
<body><div id="app"><p class="boot-message">Loading…</p></div></body></html>"#;

    #[test]
    fn the_loader_moves_to_its_own_file_and_the_page_passes_the_check() {
        assert_eq!(
            check_strict_csp(TRUNK_INDEX),
            Err(CspError::Inline("an inline <script>".into()))
        );
        let out = externalize_loader(TRUNK_INDEX).expect("loader");
        assert!(out.file_name.starts_with("trunk-loader-") && out.file_name.ends_with(".js"));
        assert!(out.html.contains(&format!(
            "<script type=\"module\" src=\"/{}\"></script>",
            out.file_name
        )));
        assert!(out
            .script
            .starts_with("import init, * as bindings from '/policy-explorer-app-5e6f.js';"));
        assert!(out.script.contains("TrunkApplicationStarted"));
        assert_eq!(check_strict_csp(&out.html), Ok(()));
    }

    #[test]
    fn the_move_is_undone_for_the_single_file_and_sizes() {
        let dir = std::env::temp_dir().join(format!("xtask-csp-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("mkdir");
        let out = externalize_loader(TRUNK_INDEX).expect("loader");
        fs::write(dir.join(&out.file_name), &out.script).expect("write");
        let (again, name) = inline_loader_again(&out.html, &dir).expect("inline");
        assert_eq!(name.as_deref(), Some(out.file_name.as_str()));
        assert!(find_loader(&again).is_some());
        assert!(again.contains("module_or_path: '/policy-explorer-app-5e6f_bg.wasm'"));
        let (same, none) = inline_loader_again(TRUNK_INDEX, &dir).expect("identity");
        assert_eq!((same.as_str(), none), (TRUNK_INDEX, None));
    }

    #[test]
    fn markup_needing_unsafe_inline_is_refused() {
        let ok = "<html><body><p class=\"x\">one style= in text is fine</p></body></html>";
        assert_eq!(check_strict_csp(ok), Ok(()));
        let commented = "<!-- <p style=\"x\" onclick=\"y()\"> --><script src=\"/a.js\"></script>";
        assert_eq!(check_strict_csp(commented), Ok(()));
        for bad in [
            "<p style=\"color:red\">x</p>",
            "<style>p{}</style>",
            "<img src=x onerror=\"alert(1)\">",
            "<body onload=go()>",
            "<script>alert(1)</script>",
        ] {
            assert!(check_strict_csp(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn links_with_integrity_become_cors_requests() {
        let html = "<link rel=\"stylesheet\" href=\"/a.css\" integrity=\"sha384-x\"/>\
                    <link rel=\"modulepreload\" href=\"/a.js\" crossorigin=\"anonymous\" integrity=\"sha384-y\">\
                    <link rel=\"icon\" href=\"/i.svg\">";
        let out = cors_for_integrity_links(html);
        assert!(out.starts_with("<link crossorigin=\"anonymous\" rel=\"stylesheet\" href=\"/a.css\" integrity=\"sha384-x\"/>"), "{out}");
        assert_eq!(out.matches("crossorigin").count(), 2, "{out}");
        assert!(out.ends_with("<link rel=\"icon\" href=\"/i.svg\">"));
    }

    #[test]
    fn relative_public_urls_keep_their_prefix() {
        let relative = TRUNK_INDEX.replace("'/policy", "'./policy");
        let out = externalize_loader(&relative).expect("loader");
        assert!(out.html.contains("src=\"./trunk-loader-"));
    }
}
