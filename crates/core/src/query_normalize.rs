//! Query normalization: a query must be cut and compared exactly like the
//! corpus text it searches, so it goes through the same steps the pipeline
//! applies to documents — Traditional → Simplified, canonical punctuation
//! (which also folds full-width digits and Latin letters to half-width) —
//! and whitespace is collapsed so that stray or ideographic spaces do not
//! change the meaning. `橫向生態補償` and `横向生态补偿` therefore normalize to
//! the same string.

use crate::ingest::punctuation::canonicalize_punctuation;
use crate::script::{ScriptError, SimplifiedConverter};

/// Normalizes user-typed text the way the corpus was normalized.
#[derive(Debug)]
pub struct QueryNormalizer {
    converter: SimplifiedConverter,
}

impl QueryNormalizer {
    /// Builds a normalizer with the corpus's converter (OpenCC `t2s`).
    pub fn new() -> Result<Self, ScriptError> {
        Ok(QueryNormalizer {
            converter: SimplifiedConverter::new()?,
        })
    }

    /// Wraps an existing converter (building one costs a few milliseconds).
    pub fn with_converter(converter: SimplifiedConverter) -> Self {
        QueryNormalizer { converter }
    }

    /// The converter, for callers that also convert whole texts.
    pub fn converter(&self) -> &SimplifiedConverter {
        &self.converter
    }

    /// T→S, canonical punctuation and width, whitespace collapsed to single
    /// ASCII spaces and trimmed.
    pub fn normalize(&self, text: &str) -> String {
        let simplified = self.converter.to_simplified(text);
        let folded: String = simplified.chars().map(fold_width).collect();
        let canonical = canonicalize_punctuation(&folded);
        collapse_whitespace(&canonical)
    }
}

/// Full-width ASCII variants (U+FF01..U+FF5E) → ASCII for letters and
/// digits, U+3000 ideographic space → space. Punctuation is left to
/// [`canonicalize_punctuation`], which knows the Chinese conventions.
pub fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Trims and replaces every run of Unicode whitespace with one ASCII space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalizer() -> QueryNormalizer {
        QueryNormalizer::new().unwrap()
    }

    #[test]
    fn traditional_and_simplified_queries_normalize_identically() {
        let n = normalizer();
        assert_eq!(n.normalize("橫向生態補償"), n.normalize("横向生态补偿"));
        assert_eq!(n.normalize("橫向生態補償"), "横向生态补偿");
        assert_eq!(n.normalize("區際利益補償"), "区际利益补偿");
    }

    #[test]
    fn width_is_folded_for_letters_and_digits() {
        let n = normalizer();
        assert_eq!(n.normalize("２０１８年"), "2018年");
        assert_eq!(n.normalize("Ｇ６０科创走廊"), "G60科创走廊");
        assert_eq!(fold_width('ｚ'), 'z');
        assert_eq!(fold_width('中'), '中');
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        let n = normalizer();
        assert_eq!(
            n.normalize("  生态\u{3000}\u{3000}补偿 \t 机制 "),
            "生态 补偿 机制"
        );
        assert_eq!(n.normalize(""), "");
        assert_eq!(n.normalize(" \u{3000} "), "");
    }

    #[test]
    fn punctuation_is_canonicalized_like_the_corpus() {
        let n = normalizer();
        assert_eq!(n.normalize("生态补偿,横向"), "生态补偿，横向");
        assert_eq!(n.normalize("(一)指导思想"), "（一）指导思想");
    }

    #[test]
    fn normalization_is_idempotent_and_keeps_non_bmp() {
        let n = normalizer();
        for s in [
            "橫向生態補償 機制",
            "𫫇 化合物",
            "ＡＢＣ，１２３",
            "“一带一路”",
        ] {
            let once = n.normalize(s);
            assert_eq!(n.normalize(&once), once, "{s}");
        }
        assert!(n.normalize("𫫇").contains('𫫇'));
    }
}
