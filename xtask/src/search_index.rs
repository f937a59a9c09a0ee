//! The hosted build's precomputed search index (docs/search.md, "Shards
//! fetched on demand"): `policy-explorer index shards` writes the corpus's
//! shard set into `dist/search/`, and the hosted page names its manifest in
//! `<meta name="policy-explorer-search-index">`, so that the full app
//! fetches the unit table and the shards a query needs instead of
//! segmenting the corpus. The offline single file never fetches: it is
//! packed without the meta and keeps building its index in memory.

use std::fs;

use anyhow::{bail, Context, Result};

use crate::html::{apply_edits, find_tags, Edit};
use crate::workspace::Workspace;

/// The `<meta name>` naming the shard set's manifest.
pub const SEARCH_INDEX_META: &str = "policy-explorer-search-index";
/// The folder of `dist/` holding the shard set.
pub const SEARCH_DIR: &str = "search";

/// Writes the shard set into `dist/search/` and names its manifest in
/// `dist/index.html`. Returns the manifest's path in `dist/`.
pub fn write(ws: &Workspace) -> Result<String> {
    let out = ws.dist_dir().join(SEARCH_DIR);
    if out.exists() {
        fs::remove_dir_all(&out).with_context(|| format!("cannot empty {}", out.display()))?;
    }
    println!("== dist: policy-explorer index shards (the hosted search index)");
    ws.cmd("cargo")
        .args([
            "run",
            "-q",
            "-p",
            "policy-cli",
            "--",
            "index",
            "shards",
            "--out",
        ])
        .arg(&out)
        .run()?;
    let manifest = fs::read_dir(&out)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("manifest-") && name.ends_with(".json"))
        .context("index shards wrote no manifest")?;
    let path = format!("{SEARCH_DIR}/{manifest}");
    let page_path = ws.dist_dir().join("index.html");
    let page = fs::read_to_string(&page_path).context("dist/index.html missing")?;
    fs::write(&page_path, with_meta(&page, &path)?)?;
    Ok(path)
}

/// `page` with the meta naming the manifest at `path` (in `dist/`)
/// inserted before `</head>`, root-relative like Trunk's paths.
pub fn with_meta(page: &str, path: &str) -> Result<String> {
    if manifest_in(page).is_some() {
        bail!("the page already names a search index");
    }
    let head_end = page.find("</head>").context("the page has no </head>")?;
    let meta = format!("<meta name=\"{SEARCH_INDEX_META}\" content=\"/{path}\">\n");
    Ok(apply_edits(
        page,
        vec![Edit::replace(head_end..head_end, meta)],
    ))
}

/// The manifest named by a page's meta, if any.
pub fn manifest_in(page: &str) -> Option<String> {
    find_tags(page, "meta")
        .into_iter()
        .find(|m| m.attr("name") == Some(SEARCH_INDEX_META))
        .and_then(|m| m.attr("content").map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_names_the_manifest_once() {
        let page = "<html><head><title>x</title></head><body></body></html>";
        let named = with_meta(page, "search/manifest-1.json").expect("inserted");
        assert_eq!(
            manifest_in(&named).as_deref(),
            Some("/search/manifest-1.json")
        );
        assert!(named.find("<meta").expect("meta") < named.find("</head>").expect("head"));
        assert!(with_meta(&named, "search/other.json").is_err());
        assert_eq!(manifest_in(page), None);
    }
}
