//! A tiny static file server on 127.0.0.1 (free port) for the e2e suite and
//! the bench: the hosted build must be tested as it is hosted, over HTTP,
//! with `application/wasm` so streaming compilation works.
//!
//! std only: one thread per connection, GET/HEAD, `Connection: close`.
//! Extra response headers can be set per server (e.g. a Content-Security-Policy
//! for the hardening tests). Dropping the handle stops it.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use anyhow::{Context, Result};
use percent_encoding::percent_decode_str;

use crate::mime;

pub struct StaticServer {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl StaticServer {
    pub fn start(root: &Path, extra_headers: Vec<(String, String)>) -> Result<StaticServer> {
        let listener =
            TcpListener::bind("127.0.0.1:0").context("cannot bind a port on 127.0.0.1")?;
        let addr = listener.local_addr()?;
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot serve {}", root.display()))?;
        let stopping = Arc::new(AtomicBool::new(false));
        let stop_flag = stopping.clone();
        let headers = Arc::new(extra_headers);
        let acceptor = thread::spawn(move || {
            for stream in listener.incoming() {
                if stop_flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let root = root.clone();
                let headers = headers.clone();
                thread::spawn(move || {
                    let _ = serve_one(stream, &root, &headers);
                });
            }
        });
        Ok(StaticServer {
            addr,
            stopping,
            acceptor: Some(acceptor),
        })
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the thread sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn serve_one(stream: TcpStream, root: &Path, extra_headers: &[(String, String)]) -> Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them matters to a static server.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            extra_headers,
            true,
        );
    }
    let Some(path) = resolve(root, target) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            extra_headers,
            method == "GET",
        );
    };
    match fs::read(&path) {
        Ok(body) => respond(
            &mut stream,
            "200 OK",
            mime::content_type(&path.to_string_lossy()),
            &body,
            extra_headers,
            method == "GET",
        ),
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            extra_headers,
            method == "GET",
        ),
    }
}

/// Map a request target to a file under `root`; `None` for anything that
/// tries to leave it. A directory means its `index.html`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    extra_headers: &[(String, String)],
    send_body: bool,
) -> Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in extra_headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(server: &StaticServer, target: &str) -> String {
        let mut stream = TcpStream::connect(server.addr).expect("connect");
        write!(stream, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").expect("write");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        response
    }

    fn fixture_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-static-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).expect("mkdir");
        fs::write(dir.join("index.html"), "<h1>hi</h1>").expect("write");
        fs::write(dir.join("app_bg.wasm"), b"\0asm").expect("write");
        dir
    }

    #[test]
    fn serves_files_with_types_and_extra_headers() {
        let dir = fixture_dir();
        let server = StaticServer::start(
            &dir,
            vec![(
                "Content-Security-Policy".into(),
                "default-src 'self'".into(),
            )],
        )
        .expect("start");
        let index = get(&server, "/");
        assert!(index.starts_with("HTTP/1.1 200 OK"), "{index}");
        assert!(index.contains("text/html"));
        assert!(index.contains("Content-Security-Policy: default-src 'self'"));
        assert!(index.ends_with("<h1>hi</h1>"));
        let wasm = get(&server, "/app_bg.wasm?v=1");
        assert!(wasm.contains("Content-Type: application/wasm"));
        assert!(get(&server, "/missing.js").starts_with("HTTP/1.1 404"));
    }

    #[test]
    fn refuses_to_leave_the_root() {
        let dir = fixture_dir();
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&dir, "/sub/"), None); // directory without index
        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
    }
}
