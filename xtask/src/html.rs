//! A minimal HTML scanner and rewriter: enough for the regular, generated
//! pages Trunk writes (`dist/index.html`), shared by the single-file packer
//! and the strict-CSP rewrite so both read a page the same way.
//!
//! It finds start tags outside comments with their attributes (quoted,
//! unquoted or bare), skips the raw text of `<script>` and `<style>` (a `<`
//! in JavaScript is not a tag), and applies byte-range edits. It is not a
//! general HTML parser and does not need to be: the pages are our build's.

use std::ops::Range;

/// A start tag: its byte range (`<` to `>` inclusive) and attributes.
pub struct Tag<'a> {
    /// Lower-case element name.
    pub name: String,
    pub range: Range<usize>,
    /// Lower-case attribute names with their values (`None` for a bare one).
    pub attrs: Vec<(String, Option<&'a str>)>,
}

impl<'a> Tag<'a> {
    /// The value of attribute `name`; `None` if absent or bare.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| *value)
    }

    /// Whether attribute `name` is present, with or without a value.
    pub fn has_attr(&self, name: &str) -> bool {
        self.attrs.iter().any(|(key, _)| key == name)
    }

    /// The `rel` attribute's space-separated keywords, lower-cased.
    pub fn rels(&self) -> Vec<String> {
        self.attr("rel")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect()
    }
}

/// A `<script>` element: its start tag and where its body and end tag are.
pub struct Script<'a> {
    pub open: Tag<'a>,
    /// Start of `</script>`.
    pub body_end: usize,
    /// End of `</script>`.
    pub end: usize,
}

impl Script<'_> {
    /// The whole element, start tag to end tag.
    pub fn range(&self) -> Range<usize> {
        self.open.range.start..self.end
    }

    /// The script's text between its tags.
    pub fn body<'h>(&self, html: &'h str) -> &'h str {
        &html[self.open.range.end..self.body_end]
    }
}

/// Every start tag in document order, outside comments and outside the raw
/// text of `<script>`/`<style>` elements.
pub fn start_tags(html: &str) -> Vec<Tag<'_>> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        if lower[start..].starts_with("<!--") {
            match lower[start + 4..].find("-->") {
                Some(close) => at = start + 4 + close + 3,
                None => break,
            }
            continue;
        }
        if !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            // `</x>`, `<!doctype>`, `<?…>` or a stray `<`: not a start tag.
            at = start + 1;
            continue;
        }
        let name_end = lower[start + 1..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(lower.len(), |e| start + 1 + e);
        let Some(end) = tag_end(html, name_end) else {
            break;
        };
        let name = lower[start + 1..name_end].to_string();
        at = end;
        if name == "script" || name == "style" {
            // Raw text: the element ends at the first `</name`.
            if let Some(close) = lower[end..].find(&format!("</{name}")) {
                at = end + close;
            }
        }
        tags.push(Tag {
            name,
            range: start..end,
            attrs: parse_attrs(&html[name_end..end - 1]),
        });
    }
    tags
}

/// Start tags named `name` (lower case).
pub fn find_tags<'a>(html: &'a str, name: &str) -> Vec<Tag<'a>> {
    start_tags(html)
        .into_iter()
        .filter(|tag| tag.name == name)
        .collect()
}

/// Every `<script>` element with its end tag.
pub fn find_scripts(html: &str) -> Vec<Script<'_>> {
    let lower = html.to_ascii_lowercase();
    find_tags(html, "script")
        .into_iter()
        .filter_map(|open| {
            let body_start = open.range.end;
            let close = lower[body_start..].find("</script")? + body_start;
            let end = lower[close..].find('>')? + close + 1;
            Some(Script {
                open,
                body_end: close,
                end,
            })
        })
        .collect()
}

/// Index just past the `>` closing a start tag, skipping quoted values.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (offset, byte) in html.as_bytes()[from..].iter().enumerate() {
        match (quote, *byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*byte),
            (None, b'>') => return Some(from + offset + 1),
            (None, _) => {}
        }
    }
    None
}

fn parse_attrs(text: &str) -> Vec<(String, Option<&str>)> {
    let mut attrs = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && bytes[i] != b'='
            && bytes[i] != b'/'
        {
            i += 1;
        }
        if name_start == i {
            break;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = text[start..]
                    .find(quote as char)
                    .map_or(text.len(), |e| start + e);
                i = (end + 1).min(text.len());
                &text[start..end]
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                &text[start..i]
            };
            attrs.push((name, Some(value)));
        } else {
            attrs.push((name, None));
        }
    }
    attrs
}

/// Replace a byte range of the page (an empty replacement removes it).
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn remove(range: Range<usize>) -> Edit {
        Edit {
            range,
            replacement: String::new(),
        }
    }

    pub fn replace(range: Range<usize>, replacement: String) -> Edit {
        Edit { range, replacement }
    }
}

/// The page with `edits` applied; of two overlapping edits the one that
/// starts first wins.
pub fn apply_edits(html: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|edit| edit.range.start);
    let mut out = String::with_capacity(html.len());
    let mut cursor = 0;
    for edit in edits {
        if edit.range.start < cursor {
            continue;
        }
        out.push_str(&html[cursor..edit.range.start]);
        out.push_str(&edit.replacement);
        cursor = edit.range.end;
    }
    out.push_str(&html[cursor..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_and_bare_attributes() {
        let tags = find_tags(
            "<link rel=icon href='a b.svg' hidden data-x=\"1>2\">",
            "link",
        );
        assert_eq!(tags.len(), 1);
        assert_eq!(tags[0].attr("rel"), Some("icon"));
        assert_eq!(tags[0].attr("href"), Some("a b.svg"));
        assert_eq!(tags[0].attr("data-x"), Some("1>2"));
        assert!(tags[0].has_attr("hidden"));
        assert_eq!(tags[0].attr("hidden"), None);
        // `<linkfoo>` is not a link tag.
        assert!(find_tags("<linkfoo href=x>", "link").is_empty());
    }

    #[test]
    fn skips_comments_end_tags_doctype_and_raw_text() {
        let html =
            "<!DOCTYPE html><!-- <p style=x> --><html><script>if (a<b) x('<img src=y>')</script>\
                    <style>p{}</style><P Class=z></p></html>";
        let names: Vec<String> = start_tags(html).into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["html", "script", "style", "p"]);
        let scripts = find_scripts(html);
        assert_eq!(scripts.len(), 1);
        assert_eq!(scripts[0].body(html), "if (a<b) x('<img src=y>')");
        assert_eq!(
            &html[scripts[0].range()],
            "<script>if (a<b) x('<img src=y>')</script>"
        );
    }

    #[test]
    fn edits_apply_in_order_and_overlaps_are_dropped() {
        let html = "<a><b><c>";
        let out = apply_edits(
            html,
            vec![
                Edit::replace(6..9, "<C>".into()),
                Edit::remove(0..3),
                Edit::replace(1..2, "x".into()),
            ],
        );
        assert_eq!(out, "<b><C>");
    }
}
