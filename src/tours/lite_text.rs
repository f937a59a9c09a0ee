//! Reading a tour file's bytes in the hosted build's lite app (feature
//! `first-load`), which leaves out `encoding_rs` (≈ 130 KB gzip of legacy
//! decoders; docs/loading.md). The same files read as in the full app,
//! [`policy_core::text_encoding::decode_text`]: UTF-8 with or without a
//! BOM, UTF-16 with a BOM, and — through the browser's own `TextDecoder` —
//! UTF-16 without a BOM and GBK/GB18030. Without a BOM the candidates are
//! tried in turn and the first that decodes strictly is kept; the tour's
//! JSON check then refuses anything that was not a tour.

/// The text of `bytes`, or `None` when no candidate decodes them strictly.
pub fn decode(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return std::str::from_utf8(rest).ok().map(str::to_string);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return utf16(bytes, u16::from_le_bytes).or_else(|| utf16(bytes, u16::from_be_bytes));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    browser_decode("gb18030", bytes)
}

/// Strict UTF-16 in the byte order `unit` reads.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// No browser, no legacy decoders (native tests of the lite build).
#[cfg(not(target_arch = "wasm32"))]
fn browser_decode(_label: &str, _bytes: &[u8]) -> Option<String> {
    None
}

/// The browser's strict decoder for `label` (`new TextDecoder(label,
/// { fatal: true })`); `None` when it refuses.
#[cfg(target_arch = "wasm32")]
fn browser_decode(label: &str, bytes: &[u8]) -> Option<String> {
    use js_sys::{Array, Function, Object, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    let class: Function = Reflect::get(&js_sys::global(), &"TextDecoder".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"fatal".into(), &JsValue::TRUE).ok()?;
    let decoder = Reflect::construct(&class, &Array::of2(&label.into(), &options)).ok()?;
    let decode: Function = Reflect::get(&decoder, &"decode".into())
        .ok()?
        .dyn_into()
        .ok()?;
    decode
        .call1(&decoder, &Uint8Array::from(bytes))
        .ok()?
        .as_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_bytes(text: &str, bom: bool, big_endian: bool) -> Vec<u8> {
        let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
        units
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn reads_utf8_with_and_without_a_bom_and_utf16_in_both_orders() {
        let text = "{\"title\": \"标题\"}";
        assert_eq!(decode(text.as_bytes()).as_deref(), Some(text));
        let bom = [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat();
        assert_eq!(decode(&bom).as_deref(), Some(text));
        for big_endian in [false, true] {
            assert_eq!(
                decode(&utf16_bytes(text, true, big_endian)).as_deref(),
                Some(text)
            );
        }
        // Without a BOM, ASCII in UTF-16 has zero bytes.
        assert_eq!(
            decode(&utf16_bytes(text, false, false)).as_deref(),
            Some(text)
        );
    }

    #[test]
    fn refuses_what_does_not_decode_strictly() {
        assert_eq!(decode(&[0xff, 0xfe, 0x00]), None);
        assert_eq!(decode(&[0xef, 0xbb, 0xbf, 0xff]), None);
    }
}
