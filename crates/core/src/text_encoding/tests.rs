//! Real GBK / GB18030 / UTF-16 bytes, made from the committed corpus's raw
//! texts with `encoding_rs`'s encoders (and the UTF-16 ones by hand, since
//! the WHATWG encoders only write UTF-8 for UTF-16).

use super::*;
use proptest::prelude::*;

/// The raw text of one committed corpus file (Chinese policy prose).
fn corpus_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/raw/003_c7cda20545700e5f.txt"
    );
    std::fs::read_to_string(path).expect("committed raw corpus file")
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom
        .then_some(0xFEFF_u16)
        .into_iter()
        .chain(text.encode_utf16());
    for unit in units {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = GB18030.encode(text);
    assert!(!unmappable, "GB18030 maps all of Unicode");
    bytes.into_owned()
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "test text is within GBK");
    bytes.into_owned()
}

fn decoded(bytes: &[u8]) -> (String, DetectedEncoding) {
    let d = decode_text(bytes).expect("decodes");
    (d.text.into_owned(), d.encoding)
}

#[test]
fn utf8_with_and_without_bom() {
    let text = corpus_text();
    assert_eq!(
        decoded(text.as_bytes()),
        (text.clone(), DetectedEncoding::Utf8)
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    assert_eq!(decoded(&bom), (text, DetectedEncoding::Utf8Bom));
}

#[test]
fn gbk_corpus_text() {
    let text = corpus_text();
    let bytes = gbk(&text);
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_eq!(decoded(&bytes), (text, DetectedEncoding::Gbk));
}

#[test]
fn gb18030_with_four_byte_sequences() {
    // 𠀀 (U+20000) and € are four-byte / outside GBK's two-byte table.
    let text = format!("{}\n扩展汉字𠀀与㐀，以及符号€。", corpus_text());
    let bytes = gb18030(&text);
    assert_eq!(decoded(&bytes), (text, DetectedEncoding::Gb18030));
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let text = corpus_text();
    assert_eq!(
        decoded(&utf16(&text, false, true)),
        (text.clone(), DetectedEncoding::Utf16Le { bom: true })
    );
    assert_eq!(
        decoded(&utf16(&text, true, true)),
        (text, DetectedEncoding::Utf16Be { bom: true })
    );
}

#[test]
fn utf16_without_bom_both_byte_orders() {
    let text = corpus_text();
    assert_eq!(
        decoded(&utf16(&text, false, false)),
        (text.clone(), DetectedEncoding::Utf16Le { bom: false })
    );
    assert_eq!(
        decoded(&utf16(&text, true, false)),
        (text, DetectedEncoding::Utf16Be { bom: false })
    );
}

#[test]
fn utf16_without_bom_or_zero_bytes_is_found_by_its_chinese() {
    // One line of Chinese, no ASCII: no zero byte to go by.
    let text = "国务院关于建立更加有效的区域协调发展新机制的意见";
    assert_eq!(
        decoded(&utf16(text, false, false)),
        (text.to_string(), DetectedEncoding::Utf16Le { bom: false })
    );
    assert_eq!(
        decoded(&utf16(text, true, false)),
        (text.to_string(), DetectedEncoding::Utf16Be { bom: false })
    );
}

#[test]
fn binary_and_unknown_are_refused() {
    assert!(matches!(
        decode_text(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]),
        Err(TextRefusal::Binary { .. })
    ));
    // A zero byte where UTF-16 text would not have it.
    assert!(matches!(
        decode_text(b"\x00\x01binary"),
        Err(TextRefusal::Binary { .. })
    ));
    // An odd number of bytes with zeros cannot be UTF-16.
    assert!(matches!(
        decode_text(b"a\0b\0c"),
        Err(TextRefusal::Binary { .. })
    ));
    // 0xFF is a byte no supported encoding starts a character with.
    assert!(matches!(
        decode_text(b"\xff\xff\xffabc"),
        Err(TextRefusal::UnknownEncoding { offset: 0 })
    ));
    // A UTF-8 BOM followed by bytes that are not UTF-8.
    assert_eq!(
        decode_text(b"\xEF\xBB\xBFab\xff"),
        Err(TextRefusal::Malformed {
            encoding: DetectedEncoding::Utf8Bom,
            offset: 5
        })
    );
    // A UTF-16LE BOM followed by an unpaired surrogate.
    assert_eq!(
        decode_text(&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8]),
        Err(TextRefusal::Malformed {
            encoding: DetectedEncoding::Utf16Le { bom: true },
            offset: 4
        })
    );
}

#[test]
fn a_few_bytes_are_not_taken_for_utf16() {
    // Latin-1 "aéb\n": read as UTF-16BE it would be two ideographs.
    let d = decode_text(b"a\xe9b\n").expect("GBK reads it");
    assert_eq!(d.encoding, DetectedEncoding::Gbk);
}

#[test]
fn empty_and_ascii_are_utf8() {
    assert_eq!(decoded(b""), (String::new(), DetectedEncoding::Utf8));
    assert_eq!(decoded(b"hello"), ("hello".into(), DetectedEncoding::Utf8));
}

/// Sentences of the corpus text, for property tests.
fn sentences() -> Vec<String> {
    corpus_text()
        .split(['。', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().filter(|c| is_chinese(*c)).count() >= 4)
        .map(str::to_string)
        .collect()
}

/// 1–6 corpus sentences, joined by `。` and newlines, optionally with ASCII.
fn chinese_text() -> impl Strategy<Value = String> {
    let all = sentences();
    (
        proptest::collection::vec(proptest::sample::select(all), 1..6),
        "[a-zA-Z0-9 ,.()]{0,12}",
    )
        .prop_map(|(parts, ascii)| format!("{}。\n{ascii}\n", parts.join("。\n")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = decode_text(&bytes) {
            let bom_left = d.encoding.has_bom() && d.text.starts_with('\u{FEFF}');
            prop_assert!(!bom_left || bytes.len() > 4, "a BOM is stripped once");
        }
    }

    #[test]
    fn every_encoding_round_trips(text in chinese_text()) {
        prop_assert_eq!(decoded(text.as_bytes()), (text.clone(), DetectedEncoding::Utf8));
        let gb = decoded(&gb18030(&text));
        prop_assert_eq!(&gb.0, &text);
        prop_assert!(matches!(gb.1, DetectedEncoding::Gbk | DetectedEncoding::Gb18030));
        for big_endian in [false, true] {
            for bom in [false, true] {
                let (back, kind) = decoded(&utf16(&text, big_endian, bom));
                prop_assert_eq!(&back, &text);
                let expected = if big_endian {
                    DetectedEncoding::Utf16Be { bom }
                } else {
                    DetectedEncoding::Utf16Le { bom }
                };
                prop_assert_eq!(kind, expected);
            }
        }
    }

    #[test]
    fn ascii_text_is_always_utf8(text in "[ -~\n]{0,200}") {
        prop_assert_eq!(decoded(text.as_bytes()), (text.clone(), DetectedEncoding::Utf8));
    }
}
