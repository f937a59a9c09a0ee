//! Where a command's document comes from: a corpus document id, or a raw
//! text file imported on the fly by the same rules as `corpus import`.

use anyhow::{Context, Result};
use policy_core::ingest;
use policy_core::model::Corpus;
use policy_core::text_encoding::{DecodedText, DetectedEncoding};
use policy_pipeline::opencc::OpenCcConverter;
use std::path::Path;

/// Resolves `spec` to the id of a document in `corpus`: an id the corpus
/// knows is used as is; otherwise, when `spec` names a file, that file is
/// imported and added to `corpus` (under its own id, made unique). `None`
/// when it is neither, so the caller can report the unknown id its way.
pub fn resolve(corpus: &mut Corpus, spec: &str) -> Result<Option<String>> {
    if corpus.document(spec).is_some() {
        return Ok(Some(spec.to_string()));
    }
    let path = Path::new(spec);
    if !path.is_file() {
        return Ok(None);
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {spec}"))?;
    let name = path
        .file_name()
        .map_or_else(|| spec.to_string(), |n| n.to_string_lossy().into_owned());
    let converter = OpenCcConverter::t2s()?;
    let mut doc = decode_reporting(&bytes, spec)
        .and_then(|text| ingest::import_document(&text.text, &name, &converter))
        .with_context(|| format!("cannot import {spec}"))?;
    let base = doc.id.clone();
    let mut n = 2;
    while corpus.document(&doc.id).is_some() {
        doc.id = format!("{base}-{n}");
        n += 1;
    }
    let id = doc.id.clone();
    corpus.documents.push(doc);
    Ok(Some(id))
}

/// Decodes a raw text file ([`ingest::decode`]: UTF-8 ± BOM, UTF-16 ±
/// BOM, GBK/GB18030) and says on stderr which encoding it was read as.
pub fn decode_reporting<'a>(
    bytes: &'a [u8],
    shown_as: &str,
) -> Result<DecodedText<'a>, ingest::ImportError> {
    let decoded = ingest::decode(bytes)?;
    eprintln!("{shown_as}: {}", encoding_note(decoded.encoding));
    Ok(decoded)
}

/// "read as GBK", "read as UTF-16LE (with byte-order mark)", …
fn encoding_note(encoding: DetectedEncoding) -> String {
    let bom = match encoding {
        DetectedEncoding::Utf8Bom
        | DetectedEncoding::Utf16Le { bom: true }
        | DetectedEncoding::Utf16Be { bom: true } => " (with byte-order mark)",
        DetectedEncoding::Utf16Le { bom: false } | DetectedEncoding::Utf16Be { bom: false } => {
            " (no byte-order mark; detected from the bytes)"
        }
        DetectedEncoding::Utf8 | DetectedEncoding::Gbk | DetectedEncoding::Gb18030 => "",
    };
    format!("read as {}{bom}", encoding.name())
}

/// Splits `DOC:PATH` or `FILE:PATH` into the document part and the unit
/// path. A spec that is itself an existing file (even with a `:` in its
/// name) has no unit path.
pub fn split_unit_spec(spec: &str) -> (&str, Option<&str>) {
    if Path::new(spec).is_file() {
        return (spec, None);
    }
    match spec.rsplit_once(':') {
        Some((d, p)) if !d.is_empty() => (d, Some(p)),
        _ => (spec, None),
    }
}
