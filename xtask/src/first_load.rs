//! The hosted build's first load (docs/loading.md): a second Trunk run
//! builds `first-load.html` — the same page with the app compiled with the
//! `first-load` feature (library, reader, tours, timeline) — and this module
//! makes that page the hosted `dist/index.html`, with a
//! `<meta name="policy-explorer-full-app">` naming the full app's glue and
//! wasm. The page's loader script (`assets/first-load.js`) fetches those
//! only when a route needs them, or when the browser is idle.
//!
//! Trunk builds one HTML target per run and empties its dist directory, so
//! the lite build goes to its own directory and its files are copied into
//! `dist/` next to the full build's (the content-hashed names cannot clash
//! unless the content is the same).

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::html::{apply_edits, find_tags, Edit};
use crate::trunk_page::{find_loader, local_path};
use crate::workspace::Workspace;

/// The lite page's source, next to `index.html`.
pub const LITE_PAGE: &str = "first-load.html";
/// What Trunk names the page it writes, whatever the source page's name.
const TRUNK_PAGE: &str = "index.html";
/// The `<meta name>` that tells the loader where the full app is.
pub const FULL_APP_META: &str = "policy-explorer-full-app";

/// The full app's wasm-bindgen glue and wasm, as `dist/` paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullApp {
    pub glue: String,
    pub wasm: String,
}

/// The full app named by Trunk's loader in the full build's page.
pub fn full_app_of(full_page: &str) -> Result<FullApp> {
    let loader =
        find_loader(full_page).context("the full build's index.html has no Trunk loader")?;
    let local = |href: &str| {
        local_path(href).with_context(|| format!("`{href}` is not a file of the build"))
    };
    Ok(FullApp {
        glue: local(loader.glue_href)?,
        wasm: local(loader.wasm_href)?,
    })
}

/// The full app named by the hosted page's meta element, if it has one.
pub fn full_app_in(hosted_page: &str) -> Option<FullApp> {
    let meta = find_tags(hosted_page, "meta")
        .into_iter()
        .find(|m| m.attr("name") == Some(FULL_APP_META))?;
    Some(FullApp {
        glue: local_path(meta.attr("data-glue")?)?,
        wasm: local_path(meta.attr("data-wasm")?)?,
    })
}

/// The hosted page: the lite page with the meta naming `full` inserted
/// before `</head>`. Paths are written root-relative like Trunk's own.
pub fn hosted_page(lite_page: &str, full: &FullApp) -> Result<String> {
    if find_loader(lite_page).is_none() {
        bail!("the lite build's page has no Trunk loader");
    }
    if full_app_in(lite_page).is_some() {
        bail!("the lite build's page already names a full app");
    }
    let head_end = lite_page
        .find("</head>")
        .context("the lite build's page has no </head>")?;
    let meta = format!(
        "<meta name=\"{FULL_APP_META}\" data-glue=\"/{}\" data-wasm=\"/{}\">\n",
        full.glue, full.wasm
    );
    Ok(apply_edits(
        lite_page,
        vec![Edit::replace(head_end..head_end, meta)],
    ))
}

/// Builds the lite page into its own directory, copies its files into
/// `dist/` and makes it `dist/index.html`. Call after the full build and
/// the single file are written (both read the full `index.html`).
pub fn build(ws: &Workspace) -> Result<FullApp> {
    let dist = ws.dist_dir();
    let full_page =
        fs::read_to_string(dist.join("index.html")).context("dist/index.html missing")?;
    let full = full_app_of(&full_page)?;
    let lite_dist = ws.target_dir.join("first-load-dist");
    println!("== dist: trunk build {LITE_PAGE} --release (the hosted first load)");
    ws.cmd("trunk")
        // The target before `--release`, which takes an optional value.
        .args(["build", LITE_PAGE, "--release", "--dist"])
        .arg(&lite_dist)
        .run()?;
    copy_files(&lite_dist, &dist)?;
    let lite_page = fs::read_to_string(lite_dist.join(TRUNK_PAGE))
        .with_context(|| format!("{TRUNK_PAGE} missing after trunk build {LITE_PAGE}"))?;
    fs::write(dist.join(TRUNK_PAGE), hosted_page(&lite_page, &full)?)?;
    Ok(full)
}

/// Copies every file of `from` but its page into `to`; a file of the same name must have
/// the same content (content-hashed names, shared stylesheets and icons).
fn copy_files(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            bail!(
                "unexpected directory {} in the lite build",
                entry.path().display()
            );
        }
        let name = entry.file_name();
        if name == TRUNK_PAGE {
            continue;
        }
        let bytes = fs::read(entry.path())?;
        let target = to.join(&name);
        if let Ok(existing) = fs::read(&target) {
            if existing != bytes {
                bail!(
                    "{} differs between the full and the lite build",
                    name.to_string_lossy()
                );
            }
            continue;
        }
        fs::write(&target, bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"<html><head><script type="module">
import init, * as bindings from '/policy-explorer-app-aaaa.js';
const wasm = await init({ module_or_path: '/policy-explorer-app-aaaa_bg.wasm' });
</script></head><body></body></html>"#;

    const LITE: &str = r#"<html><head><script defer src="/first-load.js"></script><script type="module">
import init, * as bindings from '/policy-explorer-app-bbbb.js';
const wasm = await init({ module_or_path: '/policy-explorer-app-bbbb_bg.wasm' });
</script></head><body></body></html>"#;

    #[test]
    fn the_hosted_page_boots_the_lite_app_and_names_the_full_one() {
        let full = full_app_of(FULL).expect("full app");
        assert_eq!(
            full,
            FullApp {
                glue: "policy-explorer-app-aaaa.js".into(),
                wasm: "policy-explorer-app-aaaa_bg.wasm".into()
            }
        );
        let page = hosted_page(LITE, &full).expect("page");
        assert_eq!(
            find_loader(&page).expect("loader").wasm_href,
            "/policy-explorer-app-bbbb_bg.wasm"
        );
        assert_eq!(full_app_in(&page), Some(full.clone()));
        // What the first load fetches names the lite wasm only.
        let assets = crate::trunk_page::first_load_assets(&page).expect("assets");
        assert!(assets.contains(&"policy-explorer-app-bbbb_bg.wasm".to_string()));
        assert!(!assets.iter().any(|a| a.contains("aaaa")), "{assets:?}");
        // Twice is refused rather than naming two full apps.
        assert!(hosted_page(&page, &full).is_err());
    }

    #[test]
    fn a_page_without_a_loader_is_refused() {
        assert!(full_app_of("<html><head></head></html>").is_err());
        let full = full_app_of(FULL).expect("full app");
        assert!(hosted_page("<html><head></head></html>", &full).is_err());
        assert_eq!(full_app_in(FULL), None);
    }
}
