//! HTML input → plain text, with nothing executed or fetched: a saved web
//! page is read as characters. Tags are dropped (block-level ones end a
//! line), character references are decoded, and elements whose content is
//! not text a reader sees — `<head>`, `<script>`, `<style>`, `<noscript>`,
//! `<template>`, `<iframe>`, `<object>`, `<svg>`, `<select>` … — are cut
//! out whole and logged. A small hand-written reader: the wasm build has
//! no HTML parser, and this is all a policy page needs.

/// Rule id of the elements cut out whole.
pub const RULE_NON_TEXT: &str = "html-non-text";

/// Elements whose whole content is dropped.
const NON_TEXT: [&str; 13] = [
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "select", "textarea", "button",
];

/// Elements that end a line of text.
const BLOCK: [&str; 36] = [
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "table",
    "thead",
    "tbody",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "title",
    "form",
    "figure",
    "figcaption",
    "main",
    "center",
    "caption",
    "body",
];

/// Text extracted from an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    /// The text a reader sees; block-level elements end a line.
    pub text: String,
    /// Elements cut out whole: (1-based line of the extracted text where
    /// they stood, `<name>` and the start of their content).
    pub removed: Vec<(usize, String)>,
}

/// True when `s` is an HTML document or fragment rather than plain text: it
/// starts with a doctype or `<html>`, or it carries several common tags.
pub fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return true;
    }
    let lower = s
        .get(..s.len().min(64 * 1024))
        .unwrap_or(s)
        .to_ascii_lowercase();
    let tags = [
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "<span", "<td", "<li>", "<script", "<body",
        "<meta",
    ];
    tags.iter().map(|t| lower.matches(t).count()).sum::<usize>() >= 3
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == ':'
}

/// Byte index just past the `>` that closes the tag opened at `from`
/// (quotes in attribute values may hold `>`), or the end of `s`.
fn tag_end(s: &str, from: usize) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in s[from..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return from + i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Byte index of `</name` (ASCII case-insensitive) at or after `from`.
fn closing_tag(s: &str, lower: &str, from: usize, name: &str) -> Option<usize> {
    let needle = format!("</{name}");
    let mut at = from;
    while let Some(p) = lower[at..].find(&needle) {
        let i = at + p;
        let after = s[i + needle.len()..].chars().next();
        if !after.is_some_and(is_name_char) {
            return Some(i);
        }
        at = i + needle.len();
    }
    None
}

/// The character a reference such as `amp`, `#20013` or `#x4e2d` stands for.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "plusmn" => '±',
        "laquo" => '«',
        "raquo" => '»',
        "yen" => '¥',
        "sect" => '§',
        _ => return None,
    })
}

/// Extracts the text of an HTML document.
pub fn html_to_text(html: &str) -> HtmlText {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut removed = Vec::new();
    let mut pre = 0usize;
    let mut i = 0;
    let newline = |out: &mut String| {
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    while i < html.len() {
        let rest = &html[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '<' {
            if rest.starts_with("<!--") {
                i = rest.find("-->").map_or(html.len(), |p| i + p + 3);
                continue;
            }
            let after = &rest[1..];
            let closing = after.starts_with('/');
            let name_start = if closing { 2 } else { 1 };
            let name: String = rest[name_start..]
                .chars()
                .take_while(|c| is_name_char(*c))
                .collect::<String>()
                .to_ascii_lowercase();
            // A tag name starts with a letter (`</1` or `< p` is text).
            let is_tag = name.starts_with(|c: char| c.is_ascii_alphabetic())
                || after.starts_with(['!', '?']);
            if !is_tag {
                out.push('<');
                i += 1;
                continue;
            }
            let end = tag_end(html, i + 1);
            if !closing && NON_TEXT.contains(&name.as_str()) {
                let self_closing = html[i..end].ends_with("/>");
                let close = if self_closing {
                    None
                } else {
                    closing_tag(html, &lower, end, &name)
                };
                let content_end = close.unwrap_or(if self_closing { end } else { html.len() });
                let content: String = html[end.min(content_end)..content_end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(80)
                    .collect();
                let line = out.matches('\n').count() + 1;
                removed.push((line, format!("<{name}> {content}").trim_end().to_string()));
                i = close.map_or(content_end, |c| tag_end(html, c + 1));
                continue;
            }
            if name == "pre" {
                pre = if closing {
                    pre.saturating_sub(1)
                } else {
                    pre + 1
                };
            }
            if BLOCK.contains(&name.as_str()) {
                newline(&mut out);
            } else if matches!(name.as_str(), "td" | "th") && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
            i = end;
            continue;
        }
        if c == '&' {
            let semi = rest[1..].find(';').filter(|&p| p <= 32);
            if let Some(ch) = semi.and_then(|p| entity(&rest[1..1 + p])) {
                out.push(ch);
                i += 1 + semi.unwrap_or(0) + 1;
                continue;
            }
        }
        if c.is_whitespace() && c != '\u{3000}' {
            if pre > 0 && c == '\n' {
                newline(&mut out);
            } else if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else if !matches!(c, '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}') {
            out.push(c);
        }
        i += c.len_utf8();
    }
    let text = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    HtmlText { text, removed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_pages_and_not_plain_text() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>正文</body></html>"
        ));
        assert!(looks_like_html("\u{FEFF}  <html lang=zh>"));
        assert!(looks_like_html("<div>一</div><p>二</p><br>"));
        assert!(!looks_like_html("关于…的意见\n一、总体要求 a<b 且 c>d"));
    }

    #[test]
    fn text_comes_out_and_scripts_never_do() {
        let html = "<!DOCTYPE html><html><head><title>意见_政府网</title>\
            <script>alert('x')</script><style>p{color:red}</style></head>\
            <body onload=\"steal()\"><h1>关于建立区域协调发展新机制的意见</h1>\
            <p>一、总体要求</p><p>（一）指导&nbsp;思想。坚持&ldquo;一带一路&rdquo;&#12290;</p>\
            <SCRIPT type=\"text/javascript\">document.write('<p>注入</p>')</SCRIPT>\
            <!-- <p>注释</p> --><img src=x onerror=\"alert(1)\"><p>A &lt;b&gt; &amp; &#x4e2d;&unknown;</p>\
            <iframe src=\"http://evil\"></iframe><noscript>请启用脚本</noscript></body></html>";
        let t = html_to_text(html);
        assert_eq!(
            t.text,
            "关于建立区域协调发展新机制的意见\n一、总体要求\n（一）指导 思想。坚持“一带一路”。\nA <b> & 中&unknown;"
        );
        let what: Vec<&str> = t.removed.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(what.len(), 4, "{what:?}");
        assert!(what[0].starts_with("<head>"));
        assert!(what[1].starts_with("<script> document.write"));
        assert_eq!(what[2], "<iframe>");
        assert_eq!(what[3], "<noscript> 请启用脚本");
        assert_eq!(t.removed[1].0, 4);
    }

    #[test]
    fn broken_markup_ends_without_panicking() {
        for s in [
            "<p>未闭合<script>永不结束",
            "<div class=\"a>b\">正文</div>",
            "<",
            "&#xFFFFFFFF;&#0;&",
            "<p>一<br/>二</p><pre>三\n四</pre>",
            "<!-- 未闭合注释",
        ] {
            let _ = html_to_text(s);
        }
        assert_eq!(
            html_to_text("<p>一<br/>二</p><pre>三\n四</pre>").text,
            "一\n二\n三\n四"
        );
        assert_eq!(html_to_text("<div class=\"a>b\">正文</div>").text, "正文");
    }
}
