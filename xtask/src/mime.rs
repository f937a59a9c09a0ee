//! Content types by file extension, for the static server's `Content-Type`
//! and the packer's `data:` URLs: the kinds of file a Trunk build holds.

/// The content type of a file named `name` (a path or an href; the query
/// and fragment are ignored); `application/octet-stream` when unknown.
pub fn content_type(name: &str) -> &'static str {
    let path = name.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    let extension = match file.rsplit_once('.') {
        Some((_, extension)) => extension.to_ascii_lowercase(),
        None => String::new(),
    };
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "jpg" | "jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_by_extension() {
        assert_eq!(content_type("/favicon-1a2b.SVG"), "image/svg+xml");
        assert_eq!(content_type("app_bg.wasm?v=1"), "application/wasm");
        assert_eq!(content_type("dist/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("./a.d/README"), "application/octet-stream");
        assert_eq!(content_type("archive.tar.gz"), "application/octet-stream");
    }
}
