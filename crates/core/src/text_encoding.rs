//! Bytes a person brings (a file, a tour, a raw corpus text) → text, with
//! the encoding that was detected.
//!
//! Chinese documents arrive as UTF-8 (with or without a byte-order mark),
//! as UTF-16 (what Windows Notepad calls "Unicode", little- or big-endian,
//! usually with a BOM) and as GBK / GB18030, still common for government
//! documents. [`decode_text`] is the one place that decides which: the
//! browser (copy import, tour files) and the CLI (`corpus import`, raw text
//! files given to `align`, `diff`, `search --doc`) both call it. The actual
//! decoding is done by `encoding_rs`; this module only chooses the decoder.
//!
//! The rules, in order:
//! 1. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); a file whose
//!    bytes do not fit the encoding its BOM declares is refused as
//!    [`TextRefusal::Malformed`];
//! 2. zero bytes only occur in UTF-16 text (never in UTF-8 or GB18030
//!    text): a file with zero bytes is read as BOM-less UTF-16 when its
//!    length is even, it decodes without unpaired surrogates in one byte
//!    order and the result looks like text; otherwise it is binary;
//! 3. valid UTF-8 that contains Chinese (or only ASCII) is UTF-8;
//! 4. otherwise the candidates GB18030 and BOM-less UTF-16LE/BE that decode
//!    without errors and look like text compete (UTF-16 here only when at
//!    least 8 characters and 90% of them are Chinese), and the one with the
//!    most Chinese characters wins (GB18030 on ties). GB18030 is reported as GBK
//!    when the file uses no four-byte sequence (GBK is its two-byte
//!    subset);
//! 5. nothing fits: [`TextRefusal::Binary`] when the bytes are mostly
//!    control bytes, else [`TextRefusal::UnknownEncoding`].
//!
//! The returned text never starts with a BOM.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Chinese characters a BOM-less UTF-16 reading without zero bytes must
/// show (at least 90% of its characters, too).
const MIN_SNIFFED_CHINESE: usize = 8;

/// The encoding [`decode_text`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DetectedEncoding {
    /// UTF-8 without a byte-order mark (plain ASCII included).
    Utf8,
    /// UTF-8 with a byte-order mark (`EF BB BF`).
    Utf8Bom,
    /// UTF-16 little-endian; `bom` is false when detected from the bytes.
    Utf16Le {
        /// Whether the file starts with `FF FE`.
        bom: bool,
    },
    /// UTF-16 big-endian; `bom` is false when detected from the bytes.
    Utf16Be {
        /// Whether the file starts with `FE FF`.
        bom: bool,
    },
    /// GBK: GB18030's one- and two-byte subset (also what "GB2312" files
    /// are in practice).
    Gbk,
    /// GB18030 with four-byte sequences.
    Gb18030,
}

impl DetectedEncoding {
    /// A stable identifier (`utf-8`, `utf-8-bom`, `utf-16le`,
    /// `utf-16le-nobom`, `utf-16be`, `utf-16be-nobom`, `gbk`, `gb18030`),
    /// for data attributes, logs and tests.
    pub fn id(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8-bom",
            Self::Utf16Le { bom: true } => "utf-16le",
            Self::Utf16Le { bom: false } => "utf-16le-nobom",
            Self::Utf16Be { bom: true } => "utf-16be",
            Self::Utf16Be { bom: false } => "utf-16be-nobom",
            Self::Gbk => "gbk",
            Self::Gb18030 => "gb18030",
        }
    }

    /// The encoding's standard name (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `GBK`,
    /// `GB18030`), without the BOM detail; names are the same in every
    /// language.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 | Self::Utf8Bom => "UTF-8",
            Self::Utf16Le { .. } => "UTF-16LE",
            Self::Utf16Be { .. } => "UTF-16BE",
            Self::Gbk => "GBK",
            Self::Gb18030 => "GB18030",
        }
    }

    /// Whether the file started with a byte-order mark.
    pub fn has_bom(self) -> bool {
        matches!(
            self,
            Self::Utf8Bom | Self::Utf16Le { bom: true } | Self::Utf16Be { bom: true }
        )
    }

    /// Plain UTF-8 without a BOM: the case not worth mentioning to a user.
    pub fn is_plain_utf8(self) -> bool {
        self == Self::Utf8
    }
}

/// Why bytes are not text [`decode_text`] can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextRefusal {
    /// Mostly control bytes, or zero bytes that are not UTF-16 text.
    #[error("the input looks like a binary file ({control} control characters), not a text")]
    Binary {
        /// How many control bytes the input holds.
        control: usize,
    },
    /// A byte-order mark names the encoding but the bytes after it do not
    /// fit it.
    #[error("the input starts with a {} byte-order mark but is not valid {} (at byte {offset})", encoding.name(), encoding.name())]
    Malformed {
        /// The encoding the BOM declares.
        encoding: DetectedEncoding,
        /// Byte offset (from the start of the file) of the first invalid
        /// sequence.
        offset: usize,
    },
    /// Neither UTF-8, UTF-16 nor GB18030 fits.
    #[error("the input is neither UTF-8, UTF-16 nor GBK/GB18030 text (first byte that is not UTF-8: {offset})")]
    UnknownEncoding {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
}

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText<'a> {
    /// The text, without a byte-order mark. Borrowed when the bytes were
    /// UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding detected.
    pub encoding: DetectedEncoding,
}

impl DecodedText<'_> {
    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Decodes `bytes` as UTF-8 (± BOM), UTF-16LE/BE (± BOM) or GBK/GB18030,
/// following the rules in the module documentation. Total: never panics,
/// whatever the bytes.
pub fn decode_text(bytes: &[u8]) -> Result<DecodedText<'_>, TextRefusal> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with_bom(bytes, encoding, bom_len);
    }
    if bytes.contains(&0) {
        return decode_with_zero_bytes(bytes);
    }
    let utf8 = std::str::from_utf8(bytes);
    if let Ok(text) = utf8 {
        if text.is_ascii() || text.chars().any(is_chinese) {
            return Ok(DecodedText {
                text: Cow::Borrowed(text),
                encoding: DetectedEncoding::Utf8,
            });
        }
    }
    let mut best: Option<(usize, DecodedText<'_>)> = None;
    let candidates = [
        (GB18030, gb_kind(bytes)),
        (UTF_16LE, DetectedEncoding::Utf16Le { bom: false }),
        (UTF_16BE, DetectedEncoding::Utf16Be { bom: false }),
    ];
    for (encoding, kind) in candidates {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        let profile = Profile::of(&text);
        if !profile.looks_like_text() {
            continue;
        }
        // UTF-16 without a single zero byte is Chinese with no ASCII at all
        // (not even a line break): believe it only for a run of Chinese long
        // enough that chance is out of the question.
        let utf16 = !matches!(kind, DetectedEncoding::Gbk | DetectedEncoding::Gb18030);
        if utf16
            && (profile.chinese < MIN_SNIFFED_CHINESE || profile.chinese * 10 < profile.chars * 9)
        {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|(chinese, _)| profile.chinese > *chinese)
        {
            let text = Cow::Owned(text.into_owned());
            best = Some((
                profile.chinese,
                DecodedText {
                    text,
                    encoding: kind,
                },
            ));
        }
    }
    // Valid UTF-8 without Chinese stays UTF-8 unless another reading
    // finds Chinese in the same bytes.
    if let Some((_, decoded)) = best.filter(|(chinese, _)| utf8.is_err() || *chinese > 0) {
        return Ok(decoded);
    }
    match utf8 {
        Ok(text) => Ok(DecodedText {
            text: Cow::Borrowed(text),
            encoding: DetectedEncoding::Utf8,
        }),
        Err(error) => {
            let control = control_bytes(bytes);
            if control * 100 > bytes.len() {
                Err(TextRefusal::Binary { control })
            } else {
                Err(TextRefusal::UnknownEncoding {
                    offset: error.valid_up_to(),
                })
            }
        }
    }
}

fn decode_with_bom<'a>(
    bytes: &'a [u8],
    encoding: &'static Encoding,
    bom_len: usize,
) -> Result<DecodedText<'a>, TextRefusal> {
    let body = &bytes[bom_len..];
    let kind = if encoding == UTF_8 {
        DetectedEncoding::Utf8Bom
    } else if encoding == UTF_16LE {
        DetectedEncoding::Utf16Le { bom: true }
    } else {
        DetectedEncoding::Utf16Be { bom: true }
    };
    if kind == DetectedEncoding::Utf8Bom {
        return std::str::from_utf8(body)
            .map(|text| DecodedText {
                text: Cow::Borrowed(text),
                encoding: kind,
            })
            .map_err(|e| TextRefusal::Malformed {
                encoding: kind,
                offset: bom_len + e.valid_up_to(),
            });
    }
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(DecodedText {
            text: Cow::Owned(text.into_owned()),
            encoding: kind,
        }),
        None => Err(TextRefusal::Malformed {
            encoding: kind,
            offset: bom_len + utf16_error_offset(body, kind),
        }),
    }
}

/// Zero bytes: BOM-less UTF-16 (ASCII characters have a zero high byte),
/// or binary.
fn decode_with_zero_bytes(bytes: &[u8]) -> Result<DecodedText<'_>, TextRefusal> {
    if bytes.len() % 2 == 0 {
        let zeros_at_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        let zeros_at_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
        let le = (UTF_16LE, DetectedEncoding::Utf16Le { bom: false });
        let be = (UTF_16BE, DetectedEncoding::Utf16Be { bom: false });
        // Little-endian text puts the zero high byte of ASCII second. The
        // other byte order is tried only when the zeros do not clearly
        // favour one (a Chinese text with few ASCII characters).
        let (major, minor) = if zeros_at_odd >= zeros_at_even {
            (zeros_at_odd, zeros_at_even)
        } else {
            (zeros_at_even, zeros_at_odd)
        };
        let both = minor * 2 >= major;
        let order: &[_] = match (zeros_at_odd >= zeros_at_even, both) {
            (true, true) => &[le, be],
            (true, false) => &[le],
            (false, true) => &[be, le],
            (false, false) => &[be],
        };
        for &(encoding, kind) in order {
            if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes)
            {
                if Profile::of(&text).looks_like_text() {
                    return Ok(DecodedText {
                        text: Cow::Owned(text.into_owned()),
                        encoding: kind,
                    });
                }
            }
        }
    }
    Err(TextRefusal::Binary {
        control: control_bytes(bytes),
    })
}

/// GBK when no four-byte GB18030 sequence occurs (lead byte 0x81–0xFE
/// followed by a digit byte 0x30–0x39), else GB18030.
fn gb_kind(bytes: &[u8]) -> DetectedEncoding {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xfe).contains(&b)
            && bytes.get(i + 1).is_some_and(|n| (0x30..=0x39).contains(n))
        {
            return DetectedEncoding::Gb18030;
        } else {
            i += 2;
        }
    }
    DetectedEncoding::Gbk
}

/// Byte offset in `body` of the first code unit that is not valid UTF-16
/// (an unpaired surrogate, or a last odd byte).
fn utf16_error_offset(body: &[u8], kind: DetectedEncoding) -> usize {
    let units = body.chunks_exact(2).map(|pair| match kind {
        DetectedEncoding::Utf16Be { .. } => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut offset = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => offset += c.len_utf16() * 2,
            Err(_) => return offset,
        }
    }
    offset
}

fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .filter(|b| **b < 0x09 || (0x0e..0x20).contains(*b))
        .count()
}

/// Chinese characters and Chinese punctuation.
fn is_chinese(c: char) -> bool {
    crate::ingest::punctuation::is_cjk_or_cjk_punct(c)
}

/// Characters a Chinese (or Latin) text plausibly holds: ASCII, Latin
/// (pinyin tone marks included), Greek and Cyrillic (in GBK), general and
/// CJK punctuation, symbols, kana, bopomofo, CJK ideographs, full-width
/// forms. Not: control characters, Hangul (where misread byte pairs
/// land), private use, specials.
fn is_text_like(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\u{0C}'
        | ' '..='~'
        | '\u{A0}'..='\u{24F}'
        | '\u{2B0}'..='\u{36F}'
        | '\u{370}'..='\u{4FF}'
        | '\u{2000}'..='\u{206F}'
        | '\u{2070}'..='\u{27BF}'
        | '\u{2E80}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE10}'..='\u{FE1F}'
        | '\u{FE30}'..='\u{FE6F}'
        | '\u{FEFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3134F}')
}

/// How Chinese and how text-like a decoding is.
struct Profile {
    chars: usize,
    chinese: usize,
    odd: usize,
}

impl Profile {
    fn of(text: &str) -> Profile {
        let mut profile = Profile {
            chars: 0,
            chinese: 0,
            odd: 0,
        };
        for c in text.chars() {
            profile.chars += 1;
            if is_chinese(c) {
                profile.chinese += 1;
            } else if !is_text_like(c) {
                profile.odd += 1;
            }
        }
        profile
    }

    /// At most 2% of the characters outside what text holds.
    fn looks_like_text(&self) -> bool {
        self.chars > 0 && self.odd * 50 <= self.chars
    }
}

#[cfg(test)]
mod tests;
