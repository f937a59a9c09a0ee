//! Turn Trunk's hosted `dist/index.html` into ONE self-contained HTML file
//! that runs from `file://` with no server and no network.
//!
//! Why a rewrite is needed (TOOLCHAIN.md, "Opening from file://"): Chromium
//! refuses to load a module script or fetch a `.wasm` over `file://`. So:
//!
//! * Trunk's `modulepreload` / `preload` links are dropped (they would fetch);
//! * stylesheets become `<style>` blocks, icons become `data:` URLs;
//! * the wasm (gzip + base64, so the file stays near the gzip size) goes
//!   first in `<head>`, as the text of a `<template id="pe-wasm">`, followed
//!   by a small classic script that starts compiling it at once: it decodes
//!   the base64 (`Uint8Array.fromBase64` where the browser has it: mapping
//!   `atob`'s string byte by byte through a JS callback took ~20 MiB of JS
//!   heap), inflates it with the browser's `DecompressionStream` and hands
//!   the inflating stream to `WebAssembly.compileStreaming`, so the browser
//!   compiles while it inflates and while the rest of the page (stylesheets,
//!   glue) is still being parsed. Why there and not in a JS string in the
//!   module script, as before: the module script runs only once the whole
//!   page is parsed, and the HTML tokenizer scans template text faster than
//!   script text (docs/loading.md, *Cold start of the single file*);
//! * Trunk's loader `<script type="module">` (which imports the glue and
//!   fetches the wasm) is replaced by the wasm-bindgen glue itself, inline,
//!   with its `export` statements removed, followed by a boot script that
//!   waits for the compiled module and instantiates it with the glue's own
//!   init;
//! * the boot script then dispatches the same `TrunkApplicationStarted`
//!   event (with `detail.wasm`) as Trunk's loader, so tools that observe the
//!   hosted build (the cold-start bench) observe the single file the same way;
//! * `<base>` is dropped: on `file://` it would turn `#/…` links into
//!   navigations away from the file.
//!
//! Anything else that would make the page fetch (a remote stylesheet, a
//! wasm-bindgen JS snippet import, `url(...)` in CSS) is an error rather than
//! a silently broken offline file. The rewrite is byte-range edits on
//! Trunk's regular output (read with [`crate::html`] and
//! [`crate::trunk_page`]), tested below on a faithful copy of that output.

use std::fmt;

use base64::Engine as _;

use crate::gzip::gzip_best;
use crate::html::{apply_edits, find_scripts, find_tags, Edit};
use crate::mime;
use crate::trunk_page::{self, fetching_references, find_loader, is_inline_url, PageError};

#[derive(Debug, PartialEq)]
pub enum SingleFileError {
    /// The page has no Trunk loader script we understand.
    NoLoader,
    /// A referenced asset could not be read.
    MissingAsset { href: String, reason: String },
    /// A resource outside the build (http:, //host) would need the network.
    RemoteResource(String),
    /// wasm-bindgen glue that imports other modules (JS snippets).
    GlueImports(String),
    /// Content that would end its inline element early (`</script`, `</style`).
    UnsafeInline {
        href: String,
        terminator: &'static str,
    },
    /// After the rewrite something would still be fetched.
    LeftoverReference(String),
}

impl From<PageError> for SingleFileError {
    fn from(error: PageError) -> Self {
        match error {
            PageError::NoLoader => SingleFileError::NoLoader,
            PageError::RemoteResource(href) => SingleFileError::RemoteResource(href),
        }
    }
}

impl fmt::Display for SingleFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SingleFileError::NoLoader => PageError::NoLoader.fmt(f),
            SingleFileError::MissingAsset { href, reason } => {
                write!(f, "cannot read asset `{href}`: {reason}")
            }
            SingleFileError::RemoteResource(href) => write!(
                f,
                "`{href}` is a remote resource; the single file must work offline"
            ),
            SingleFileError::GlueImports(line) => write!(
                f,
                "the wasm-bindgen glue imports another module (`{line}`); JS snippets are not \
                 inlined, keep the app free of `#[wasm_bindgen(module = …)]`"
            ),
            SingleFileError::UnsafeInline { href, terminator } => write!(
                f,
                "`{href}` contains `{terminator}` and cannot be inlined safely"
            ),
            SingleFileError::LeftoverReference(what) => {
                write!(f, "after inlining, the page would still fetch `{what}`")
            }
        }
    }
}

impl std::error::Error for SingleFileError {}

/// Reads a build asset by the href Trunk wrote (already made relative).
pub type AssetLoader<'a> = dyn Fn(&str) -> Result<Vec<u8>, String> + 'a;

/// Build the single-file HTML from Trunk's `index.html` and its assets.
pub fn build(index_html: &str, load: &AssetLoader<'_>) -> Result<String, SingleFileError> {
    let loader = find_loader(index_html).ok_or(SingleFileError::NoLoader)?;
    let mut edits: Vec<Edit> = Vec::new();

    for tag in find_tags(index_html, "link") {
        let rels = tag.rels();
        let href = tag.attr("href").unwrap_or_default();
        if rels.iter().any(|r| {
            matches!(
                r.as_str(),
                "preload" | "modulepreload" | "prefetch" | "manifest"
            )
        }) {
            edits.push(Edit::remove(tag.range.clone()));
        } else if rels.iter().any(|r| r == "stylesheet") {
            let css = load_text(load, href)?;
            check_css_is_self_contained(href, &css)?;
            ensure_no_terminator(href, &css, "</style")?;
            edits.push(Edit::replace(
                tag.range.clone(),
                format!("<style>\n{css}\n</style>"),
            ));
        } else if rels.iter().any(|r| r.contains("icon")) && !is_inline_url(href) {
            let bytes = load_asset(load, href)?;
            let data_url = format!(
                "data:{};base64,{}",
                mime::content_type(href),
                base64::engine::general_purpose::STANDARD.encode(bytes)
            );
            edits.push(Edit::replace(
                tag.range.clone(),
                format!("<link rel=\"{}\" href=\"{data_url}\">", rels.join(" ")),
            ));
        }
    }

    for tag in find_tags(index_html, "base") {
        edits.push(Edit::remove(tag.range.clone()));
    }

    for script in find_scripts(index_html) {
        if script.open.range.start == loader.script.start {
            continue;
        }
        if let Some(src) = script.open.attr("src") {
            let js = load_text(load, src)?;
            ensure_no_terminator(src, &js, "</script")?;
            let module = script
                .open
                .attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("module"));
            let open = if module {
                "<script type=\"module\">"
            } else {
                "<script>"
            };
            edits.push(Edit::replace(
                script.range(),
                format!("{open}\n{js}\n</script>"),
            ));
        }
    }

    let glue = load_text(load, loader.glue_href)?;
    ensure_no_terminator(loader.glue_href, &glue, "</script")?;
    let glue = strip_module_syntax(&glue)?;
    let wasm = load_asset(load, loader.wasm_href)?;
    let wasm_gzip_base64 = base64::engine::general_purpose::STANDARD.encode(gzip_best(&wasm));
    let early = early_position(index_html).unwrap_or(loader.script.start);
    edits.push(Edit::replace(
        early..early,
        early_compile(&wasm_gzip_base64),
    ));
    edits.push(Edit::replace(
        loader.script.clone(),
        format!("<script type=\"module\">\n{glue}\n{BOOT_SCRIPT}</script>"),
    ));

    let html = apply_edits(index_html, edits);
    if let Some(leftover) = fetching_references(&html).into_iter().next() {
        return Err(SingleFileError::LeftoverReference(leftover));
    }
    Ok(html)
}

/// Where the embedded wasm and the script that starts compiling it go: as
/// early in `<head>` as possible, but after `<meta charset>` (which must stay
/// within the page's first 1024 bytes). `None` when the page has neither.
fn early_position(index_html: &str) -> Option<usize> {
    let charset = find_tags(index_html, "meta")
        .into_iter()
        .find(|tag| tag.has_attr("charset"));
    charset
        .or_else(|| find_tags(index_html, "head").into_iter().next())
        .map(|tag| tag.range.end)
}

/// The embedded wasm as template text (never rendered, never parsed as
/// script) and the classic script that starts compiling it right away; the
/// compiled module is awaited by [`BOOT_SCRIPT`] through `__peWasmModule`
/// (a global lexical binding, visible to the module script).
fn early_compile(wasm_gzip_base64: &str) -> String {
    format!(
        r#"
<template id="pe-wasm">{wasm_gzip_base64}</template>
<script>
const __peWasmModule = (() => {{
  const embedded = document.getElementById("pe-wasm");
  const base64 = embedded.content.textContent;
  embedded.remove();
  const packed = typeof Uint8Array.fromBase64 === "function"
    ? Uint8Array.fromBase64(base64)
    : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return WebAssembly.compileStreaming(
    new Response(inflated, {{ headers: {{ "Content-Type": "application/wasm" }} }}),
  );
}})();
</script>"#
    )
}

/// The boot code appended after the inline glue: the glue's init
/// instantiates the module compiled by [`early_compile`]'s script. Names are
/// prefixed so they cannot collide with the glue's own top-level bindings.
const BOOT_SCRIPT: &str = r#"async function __peStartEmbedded() {
  const wasm = await __wbg_init({ module_or_path: await __peWasmModule });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
__peStartEmbedded().catch((error) => console.error("policy-explorer failed to start", error));
"#;

/// Remove the glue's ES-module syntax so it runs as the body of an inline
/// module: `export { … };` / `export default …;` lines go, `export` before a
/// declaration goes, and any `import` statement is refused (it would fetch).
fn strip_module_syntax(glue: &str) -> Result<String, SingleFileError> {
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("import ")
            || trimmed.starts_with("import{")
            || trimmed.starts_with("import'")
            || trimmed.starts_with("import\"")
        {
            return Err(SingleFileError::GlueImports(trimmed.to_string()));
        }
        if trimmed.starts_with("export {") || trimmed.starts_with("export default ") {
            continue;
        }
        let line = match trimmed.strip_prefix("export ") {
            Some(declaration) => declaration,
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

fn load_asset(load: &AssetLoader<'_>, href: &str) -> Result<Vec<u8>, SingleFileError> {
    let path = trunk_page::require_local(href)?;
    load(&path).map_err(|reason| SingleFileError::MissingAsset {
        href: href.to_string(),
        reason,
    })
}

fn load_text(load: &AssetLoader<'_>, href: &str) -> Result<String, SingleFileError> {
    let bytes = load_asset(load, href)?;
    String::from_utf8(bytes).map_err(|_| SingleFileError::MissingAsset {
        href: href.to_string(),
        reason: "not UTF-8 text".to_string(),
    })
}

fn ensure_no_terminator(
    href: &str,
    text: &str,
    terminator: &'static str,
) -> Result<(), SingleFileError> {
    if text.to_ascii_lowercase().contains(terminator) {
        return Err(SingleFileError::UnsafeInline {
            href: href.to_string(),
            terminator,
        });
    }
    Ok(())
}

/// Inlined CSS must not pull fonts or images from files next to it.
fn check_css_is_self_contained(href: &str, css: &str) -> Result<(), SingleFileError> {
    let lower = css.to_ascii_lowercase();
    for (at, _) in lower.match_indices("url(") {
        let target = lower[at + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !(target.starts_with("data:") || target.starts_with('#')) {
            let end = (at + 40).min(css.len());
            let snippet = css.get(at..end).unwrap_or("url(…)");
            return Err(SingleFileError::LeftoverReference(format!(
                "{snippet} (in {href})"
            )));
        }
    }
    if lower.contains("@import") {
        return Err(SingleFileError::LeftoverReference(format!(
            "@import (in {href})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trunk_page::first_load_assets;
    use std::collections::HashMap;
    use std::io::Read;

    /// A faithful copy of what Trunk 0.21 writes for this app (hashes shortened).
    const TRUNK_INDEX: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>政策浏览器 policy-explorer</title>
  <base href="/">
  <link rel="icon" href="/favicon-1a2b.svg">
  <link rel="stylesheet" href="/main-3c4d.css" integrity="sha384-abc" crossorigin="anonymous">
<link rel="modulepreload" href="/policy-explorer-app-5e6f.js" crossorigin="anonymous" integrity="sha384-def"><link rel="preload" href="/policy-explorer-app-5e6f_bg.wasm" crossorigin="anonymous" integrity="sha384-ghi" as="fetch" type="application/wasm"></head>
<body>
<!-- <link rel="stylesheet" href="/commented-out.css"> -->
<script type="module">
import init, * as bindings from '/policy-explorer-app-5e6f.js';
const wasm = await init({ module_or_path: '/policy-explorer-app-5e6f_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

</script></body>
</html>
"#;

    const GLUE: &str = "let wasm;\nexport function greet() { return 1; }\nfunction initSync(module) { return wasm; }\nasync function __wbg_init(module_or_path) { return import.meta.url; }\nexport { initSync };\nexport default __wbg_init;\n";
    const WASM: &[u8] = b"\0asm\x01\0\0\0 pretend module bytes";

    fn assets() -> HashMap<&'static str, Vec<u8>> {
        HashMap::from([
            ("policy-explorer-app-5e6f.js", GLUE.as_bytes().to_vec()),
            ("policy-explorer-app-5e6f_bg.wasm", WASM.to_vec()),
            ("main-3c4d.css", b"body { color: #222; }".to_vec()),
            (
                "favicon-1a2b.svg",
                b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            ),
        ])
    }

    fn build_with(
        index: &str,
        files: HashMap<&'static str, Vec<u8>>,
    ) -> Result<String, SingleFileError> {
        build(index, &|path: &str| {
            files
                .get(path)
                .cloned()
                .ok_or_else(|| "no such file".to_string())
        })
    }

    fn embedded_wasm(html: &str) -> Vec<u8> {
        const OPEN: &str = "<template id=\"pe-wasm\">";
        let start = html.find(OPEN).expect("embedded wasm") + OPEN.len();
        let b64 = &html[start..start + html[start..].find("</template>").expect("closed")];
        let gz = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("base64");
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut out)
            .expect("gzip");
        out
    }

    #[test]
    fn inlines_everything_and_leaves_nothing_to_fetch() {
        let html = build_with(TRUNK_INDEX, assets()).expect("single file");
        assert!(
            fetching_references(&html).is_empty(),
            "{:?}",
            fetching_references(&html)
        );
        assert!(!html.contains("modulepreload"));
        assert!(!html.contains("rel=\"preload\""));
        assert!(!html.contains("import init"));
        assert!(!html.contains("<base"));
        assert!(html.contains("<style>\nbody { color: #222; }\n</style>"));
        assert!(html.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,"));
        assert!(html.contains("<title>政策浏览器 policy-explorer</title>"));
        // The commented-out stylesheet is left alone, not inlined.
        assert!(html.contains("<!-- <link rel=\"stylesheet\" href=\"/commented-out.css\"> -->"));
    }

    #[test]
    fn glue_is_inlined_without_its_exports() {
        let html = build_with(TRUNK_INDEX, assets()).expect("single file");
        assert!(html.contains("<script type=\"module\">\nlet wasm;\nfunction greet()"));
        assert!(!html.contains("export {"));
        assert!(!html.contains("export default"));
        assert!(!html.contains("export function"));
        // import.meta is not an import statement and stays.
        assert!(html.contains("import.meta.url"));
        assert!(html.contains("await __wbg_init({ module_or_path: await __peWasmModule })"));
        assert!(html.contains("\"TrunkApplicationStarted\""));
        // The glue's module script and the early compile script.
        assert_eq!(html.matches("<script").count(), 2);
    }

    #[test]
    fn wasm_compiles_from_the_top_of_head() {
        let html = build_with(TRUNK_INDEX, assets()).expect("single file");
        let charset = html.find("<meta charset=\"utf-8\">").expect("charset");
        let template = html.find("<template id=\"pe-wasm\">").expect("template");
        let early = html
            .find("<script>\nconst __peWasmModule")
            .expect("early script");
        let title = html.find("<title>").expect("title");
        let style = html.find("<style>").expect("style");
        let glue = html.find("<script type=\"module\">").expect("glue");
        // After the charset (first 1024 bytes), before everything else.
        assert!(charset < template && template < early);
        assert!(early < title && early < style && early < glue);
        assert!(html.contains("Uint8Array.fromBase64(base64)"));
        assert!(html.contains("new DecompressionStream(\"gzip\")"));
        assert!(html.contains("WebAssembly.compileStreaming("));
        // Base64 only: nothing in the template text can end it or be markup.
        let b64 = &html[template..html.find("</template>").expect("closed")];
        assert!(!b64["<template id=\"pe-wasm\">".len()..].contains(['<', '&']));
    }

    #[test]
    fn without_a_charset_meta_the_wasm_goes_first_in_head() {
        let page = TRUNK_INDEX.replace("  <meta charset=\"utf-8\">\n", "");
        let html = build_with(&page, assets()).expect("single file");
        let head = html.find("<head>").expect("head");
        assert_eq!(
            &html[head + "<head>".len()..][..24],
            "\n<template id=\"pe-wasm\">"
        );
        assert_eq!(embedded_wasm(&html), WASM);
    }

    #[test]
    fn embedded_wasm_round_trips_through_gzip_and_base64() {
        let html = build_with(TRUNK_INDEX, assets()).expect("single file");
        assert_eq!(embedded_wasm(&html), WASM);
    }

    #[test]
    fn refuses_glue_that_imports_snippets() {
        let mut files = assets();
        files.insert(
            "policy-explorer-app-5e6f.js",
            b"import { x } from './snippets/app/inline0.js';\nlet wasm;\n".to_vec(),
        );
        assert!(matches!(
            build_with(TRUNK_INDEX, files),
            Err(SingleFileError::GlueImports(_))
        ));
    }

    #[test]
    fn refuses_remote_stylesheets_and_css_urls() {
        let remote = TRUNK_INDEX.replace("/main-3c4d.css", "https://cdn.example/x.css");
        assert_eq!(
            build_with(&remote, assets()),
            Err(SingleFileError::RemoteResource(
                "https://cdn.example/x.css".to_string()
            ))
        );
        let mut files = assets();
        files.insert(
            "main-3c4d.css",
            b"@font-face { src: url(font.woff2); }".to_vec(),
        );
        assert!(matches!(
            build_with(TRUNK_INDEX, files),
            Err(SingleFileError::LeftoverReference(_))
        ));
    }

    #[test]
    fn refuses_content_that_would_close_the_inline_element() {
        let mut files = assets();
        files.insert(
            "policy-explorer-app-5e6f.js",
            b"let s = '</script>';\n".to_vec(),
        );
        assert!(matches!(
            build_with(TRUNK_INDEX, files),
            Err(SingleFileError::UnsafeInline { .. })
        ));
    }

    #[test]
    fn reports_a_missing_loader_or_asset() {
        assert_eq!(
            build_with("<html><body></body></html>", assets()),
            Err(SingleFileError::NoLoader)
        );
        let mut files = assets();
        files.remove("policy-explorer-app-5e6f_bg.wasm");
        assert!(matches!(
            build_with(TRUNK_INDEX, files),
            Err(SingleFileError::MissingAsset { .. })
        ));
    }

    #[test]
    fn lists_the_hosted_first_load() {
        let assets = first_load_assets(TRUNK_INDEX).expect("assets");
        assert_eq!(
            assets,
            vec![
                "policy-explorer-app-5e6f.js",
                "policy-explorer-app-5e6f_bg.wasm",
                "favicon-1a2b.svg",
                "main-3c4d.css",
            ]
        );
    }

    #[test]
    fn relative_public_url_is_supported() {
        let relative = TRUNK_INDEX.replace("'/policy", "'./policy");
        let html = build_with(&relative, assets()).expect("single file");
        assert_eq!(embedded_wasm(&html), WASM);
    }
}
