//! One stylesheet for the hosted page instead of one per concern.
//!
//! The sources keep a stylesheet per concern (`styles/base.css`,
//! `styles/reader.css`, …) and Trunk links each one. Every stylesheet blocks
//! rendering, and over HTTP/1.1 a browser opens at most six connections to a
//! host, so ten stylesheets queue the page's scripts and its wasm behind
//! them (docs/loading.md, *Cold start of the served build*). `cargo xtask
//! dist` therefore joins the hosted page's stylesheets, in their order, into
//! one content-hashed file. The single file inlines them and is unaffected.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::content_hash::fnv1a64_hex;
use crate::html::{apply_edits, find_tags, Edit};

/// The page with its stylesheet links replaced by one link to the joined
/// file, the joined file's name and its bytes, and the names it joined.
/// `None` when the page links fewer than two stylesheets.
pub struct Joined {
    pub page: String,
    pub file: String,
    pub css: Vec<u8>,
    pub parts: Vec<String>,
}

/// Joins the stylesheets `page` links (root-relative `href`s as Trunk
/// writes them; `load` reads one by name). A stylesheet with a `media`
/// attribute would change meaning when joined: that is an error, as is
/// one that cannot be read.
pub fn join(page: &str, load: &dyn Fn(&str) -> Result<Vec<u8>>) -> Result<Option<Joined>> {
    let links: Vec<_> = find_tags(page, "link")
        .into_iter()
        .filter(|tag| tag.rels().iter().any(|rel| rel == "stylesheet"))
        .collect();
    if links.len() < 2 {
        return Ok(None);
    }
    let mut css = Vec::new();
    let mut parts = Vec::new();
    for link in &links {
        if link.has_attr("media") {
            bail!("a stylesheet with a media attribute cannot be joined");
        }
        let href = link
            .attr("href")
            .context("a stylesheet link without href")?;
        let name = href.trim_start_matches('/');
        if name.is_empty() || name.contains('/') || !name.ends_with(".css") {
            bail!("unexpected stylesheet address {href}");
        }
        let bytes = load(name)?;
        css.extend_from_slice(format!("/* {name} */\n").as_bytes());
        css.extend_from_slice(&bytes);
        if !bytes.ends_with(b"\n") {
            css.push(b'\n');
        }
        parts.push(name.to_string());
    }
    let file = format!("styles-{}.css", fnv1a64_hex(&css));
    let mut edits = vec![Edit::replace(
        links[0].range.clone(),
        format!("<link rel=\"stylesheet\" href=\"/{file}\">"),
    )];
    edits.extend(
        links[1..]
            .iter()
            .map(|link| Edit::remove(link.range.clone())),
    );
    Ok(Some(Joined {
        page: apply_edits(page, edits),
        file,
        css,
        parts,
    }))
}

/// Joins the stylesheets of `dist/index.html`: writes the joined file,
/// rewrites the page and removes the files it joined. Returns the joined
/// file's name, if there was anything to join.
pub fn join_in_dist(dist: &Path) -> Result<Option<String>> {
    let index = dist.join("index.html");
    let page = fs::read_to_string(&index).context("dist/index.html missing")?;
    let load = |name: &str| -> Result<Vec<u8>> {
        fs::read(dist.join(name)).with_context(|| format!("cannot read dist/{name}"))
    };
    let Some(joined) = join(&page, &load)? else {
        return Ok(None);
    };
    fs::write(dist.join(&joined.file), &joined.css)?;
    fs::write(&index, &joined.page)?;
    for part in &joined.parts {
        fs::remove_file(dist.join(part))?;
    }
    Ok(Some(joined.file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(name: &str) -> Result<Vec<u8>> {
        match name {
            "a-1.css" => Ok(b"body { color: red; }\n".to_vec()),
            "b-2.css" => Ok(b"p { margin: 0 }".to_vec()),
            _ => bail!("no {name}"),
        }
    }

    const PAGE: &str = r#"<head><link rel="icon" href="/i.svg"/>
<link crossorigin="anonymous" rel="stylesheet" href="/a-1.css" integrity="sha384-x"/>
<link crossorigin="anonymous" rel="stylesheet" href="/b-2.css" integrity="sha384-y"/>
<script type="module" src="/loader.js"></script></head>"#;

    #[test]
    fn joins_the_stylesheets_in_order_into_one_hashed_file() {
        let joined = join(PAGE, &files).expect("joins").expect("two to join");
        let css = String::from_utf8(joined.css.clone()).unwrap();
        assert_eq!(
            css,
            "/* a-1.css */\nbody { color: red; }\n/* b-2.css */\np { margin: 0 }\n"
        );
        assert!(joined.file.starts_with("styles-") && joined.file.ends_with(".css"));
        assert_eq!(joined.parts, ["a-1.css", "b-2.css"]);
        let links: Vec<_> = find_tags(&joined.page, "link")
            .into_iter()
            .filter_map(|tag| tag.attr("href").map(str::to_string))
            .collect();
        assert_eq!(links, ["/i.svg".to_string(), format!("/{}", joined.file)]);
        assert!(joined
            .page
            .contains(r#"<script type="module" src="/loader.js"></script>"#));
    }

    #[test]
    fn the_name_follows_the_content() {
        let other = |name: &str| -> Result<Vec<u8>> {
            let mut bytes = files(name)?;
            bytes.push(b' ');
            Ok(bytes)
        };
        let a = join(PAGE, &files).unwrap().unwrap();
        let b = join(PAGE, &other).unwrap().unwrap();
        assert_ne!(a.file, b.file);
    }

    #[test]
    fn one_stylesheet_is_left_alone_and_unreadable_or_media_ones_are_refused() {
        let one = r#"<head><link rel="stylesheet" href="/a-1.css"></head>"#;
        assert!(join(one, &files).unwrap().is_none());
        let missing = PAGE.replace("/b-2.css", "/c-3.css");
        assert!(join(&missing, &files).is_err());
        let media = PAGE.replace("href=\"/b-2.css\"", "href=\"/b-2.css\" media=\"print\"");
        assert!(join(&media, &files).is_err());
        let nested = PAGE.replace("/b-2.css", "/x/b-2.css");
        assert!(join(&nested, &files).is_err());
    }
}
