//! Compiles the bundled corpus in without its indentation.
//!
//! `corpus/corpus.json` is committed pretty-printed so that changes to it
//! can be reviewed; 40 % of its bytes are indentation and line breaks. The
//! app parses the compiled-in copy on every start and carries it in its wasm,
//! so the copy in `OUT_DIR` drops every whitespace byte outside strings and
//! changes nothing else (a test in `src/corpus_data.rs` compares the two).

use std::path::PathBuf;

const CORPUS: &str = "corpus/corpus.json";

fn main() {
    println!("cargo:rerun-if-changed={CORPUS}");
    let pretty = std::fs::read_to_string(CORPUS).unwrap_or_else(|e| panic!("{CORPUS}: {e}"));
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let compact = PathBuf::from(out_dir).join("corpus.compact.json");
    std::fs::write(&compact, without_whitespace(&pretty))
        .unwrap_or_else(|e| panic!("{}: {e}", compact.display()));
}

/// JSON text without the whitespace between its tokens. Strings are copied
/// as they are, escapes included (a `\"` does not end a string).
fn without_whitespace(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
