//! Chinese word segmentation with one configuration everywhere.
//!
//! The search index, the query, KWIC lines and the compare view's diffs all
//! cut text with the same [`Segmenter`], natively and in wasm32, so a word
//! found in one place is the same word in another.
//!
//! ## Configuration
//! * `jieba-rs` in its default (accurate) mode with HMM for unknown words.
//! * Dictionary: `data/dict.txt`, jieba's stock dictionary trimmed to words
//!   with frequency ≥ [`DICTIONARY_MIN_FREQ`], without part-of-speech tags
//!   (24,102 words, 277 KB raw, 138 KB gzip).
//! * Policy lexicon: `data/lexicon.txt`, the ten mechanism names and the
//!   corpus's region names/aliases, each added with jieba's suggested
//!   frequency so it stays whole without breaking common words apart.
//!
//! ## Why this dictionary (measured, `segmentation_f1 --sweep`)
//! Word F1 on UD Chinese GSDSimp dev: stock dictionary 0.7935 (≈2.4 MB gzip
//! as wasm); trimmed at freq ≥ 100 0.8220, ≥ 200 0.8189, ≥ 500 0.8103 —
//! jieba's long tail of rare compounds over-joins against UD's word
//! standard, so trimming *raises* F1 while cutting page weight. Without the
//! HMM, F1 falls to 0.787 but the wasm is ~180 KB gzip lighter
//! ([`Segmenter::without_hmm`]); the app keeps the HMM for quality. ≥ 200
//! was chosen over ≥ 100 to save 66 KB gzip for 0.3 F1 points. These F1
//! figures are tuned (the cut-off was chosen on the same dev split); see
//! `docs/search.md` for the held-out half.
//! Regenerate with
//! `cargo run -p policy-bench --bin trim_dictionary -- <jieba dict.txt> > crates/core/data/dict.txt`.

use crate::model::{Mechanism, RegionInfo};
use jieba_rs::Jieba;

/// Words of jieba's stock dictionary with a lower frequency were dropped
/// from `data/dict.txt`.
pub const DICTIONARY_MIN_FREQ: usize = 200;

/// The trimmed base dictionary (`word freq` lines), derived from jieba's
/// MIT-licensed `dict.txt`.
const BASE_DICTIONARY: &str = include_str!("../data/dict.txt");

/// The policy lexicon (see the file's header).
pub const POLICY_LEXICON: &str = include_str!("../data/lexicon.txt");

/// The embedded dictionary could not be parsed (a build defect).
#[derive(Debug, thiserror::Error)]
#[error("the embedded segmentation dictionary is invalid: {0}")]
pub struct SegmentError(String);

/// One token of a segmented text. Tokens cover the input completely and in
/// order (whitespace and punctuation are tokens too), so joining their
/// `text`s gives the input back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Word<'a> {
    /// The token, borrowed from the input.
    pub text: &'a str,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte in the input.
    pub end: usize,
}

impl Word<'_> {
    /// True for tokens made only of whitespace.
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    /// True for tokens containing at least one letter, digit or ideograph
    /// (not punctuation or space).
    pub fn is_wordlike(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }
}

/// The project's segmenter: trimmed jieba dictionary + policy lexicon + HMM.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
    /// Guess unknown words with jieba's HMM (on in the app).
    hmm: bool,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").finish_non_exhaustive()
    }
}

impl Segmenter {
    /// The segmenter with the policy lexicon but no gazetteer names.
    pub fn new() -> Result<Self, SegmentError> {
        Self::with_regions(&[])
    }

    /// The segmenter the app and the CLI use: the policy lexicon plus every
    /// region name and multi-character alias of the corpus gazetteer.
    pub fn with_regions(regions: &[RegionInfo]) -> Result<Self, SegmentError> {
        let mut jieba = Jieba::with_dict(&mut BASE_DICTIONARY.as_bytes())
            .map_err(|e| SegmentError(e.to_string()))?;
        let mechanism_names = Mechanism::ALL.iter().map(|m| m.name_zh());
        let region_names = regions.iter().flat_map(|r| {
            std::iter::once(r.name.as_str()).chain(r.aliases.iter().map(String::as_str))
        });
        for term in lexicon_terms(POLICY_LEXICON)
            .chain(mechanism_names)
            .chain(region_names)
        {
            // Single characters are already words; adding them would only
            // distort their frequency.
            if term.chars().count() > 1 {
                let freq = jieba.suggest_freq(term);
                jieba.add_word(term, Some(freq), None);
            }
        }
        Ok(Segmenter { jieba, hmm: true })
    }

    /// The same dictionary without the HMM guesser for unknown words (runs
    /// of unknown characters become single characters). For measurements:
    /// the app keeps the HMM on.
    pub fn without_hmm(mut self) -> Self {
        self.hmm = false;
        self
    }

    /// Cuts `text` into tokens that borrow it and carry byte offsets.
    pub fn segment<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .cut(text, self.hmm)
            .into_iter()
            .map(|t| Word {
                text: t.word,
                start: t.byte_start,
                end: t.byte_end,
            })
            .collect()
    }

    /// The words of `text` without whitespace tokens, e.g. for the CLI.
    pub fn words<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.segment(text)
            .into_iter()
            .filter(|w| !w.is_space())
            .map(|w| w.text)
            .collect()
    }

    /// Every token of `text`, whitespace included, so that the tokens
    /// concatenate back to `text` exactly — what a diff must be given.
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.segment(text).into_iter().map(|w| w.text).collect()
    }

    /// True when the dictionary (base + lexicon) knows `word`.
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }
}

/// The terms of a lexicon file: one per line, `#` comments and blank lines
/// skipped, anything after the first whitespace ignored.
pub fn lexicon_terms(lexicon: &str) -> impl Iterator<Item = &str> {
    lexicon
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|l| l.split_whitespace().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RegionKind;

    fn seg() -> Segmenter {
        Segmenter::new().unwrap()
    }

    fn region(id: &str, name: &str, aliases: &[&str]) -> RegionInfo {
        RegionInfo {
            id: id.into(),
            name: name.into(),
            name_en: id.into(),
            kind: RegionKind::Province,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            parent: None,
            members: vec![],
        }
    }

    #[test]
    fn lexicon_terms_stay_whole() {
        let s = seg();
        for term in lexicon_terms(POLICY_LEXICON) {
            let words = s.words(term);
            assert_eq!(words, vec![term], "lexicon term {term} was cut");
        }
        for m in Mechanism::ALL {
            assert_eq!(s.words(m.name_zh()), vec![m.name_zh()]);
        }
        let words = s.words("建立健全横向生态补偿机制，推动飞地经济发展");
        assert!(words.contains(&"横向生态补偿"), "{words:?}");
        assert!(words.contains(&"飞地经济"), "{words:?}");
        let words = s.words("主动融入一带一路建设");
        assert!(words.contains(&"一带一路"), "{words:?}");
    }

    #[test]
    fn region_names_from_the_gazetteer_stay_whole() {
        let s =
            Segmenter::with_regions(&[region("inner-mongolia", "内蒙古自治区", &["内蒙古", "蒙"])])
                .unwrap();
        assert!(s.words("内蒙古自治区人民政府").contains(&"内蒙古自治区"));
        assert!(s.words("支持内蒙古发展").contains(&"内蒙古"));
    }

    #[test]
    fn common_words_are_not_broken_by_the_lexicon() {
        // The lexicon must not change how ordinary sentences are cut: compare
        // with the same base dictionary without the lexicon.
        let bare = Segmenter {
            jieba: Jieba::with_dict(&mut BASE_DICTIONARY.as_bytes()).unwrap(),
            hmm: true,
        };
        let s = seg();
        for sentence in [
            "我们今天去公园散步",
            "经济社会发展取得了显著成绩",
            "加强基础设施建设",
            "提高人民生活水平",
            "这个问题需要认真研究",
            "市场经济体制改革不断深化",
        ] {
            assert_eq!(s.words(sentence), bare.words(sentence), "{sentence}");
        }
        assert!(s.words("我们的经济发展").contains(&"经济"));
        assert!(s.words("我们的经济发展").contains(&"我们"));
    }

    #[test]
    fn tokens_cover_the_input_with_correct_byte_offsets() {
        let s = seg();
        let text = "推进 区域协调发展，ABC 123。𫫇是一个字";
        let tokens = s.segment(text);
        let mut pos = 0;
        for t in &tokens {
            assert_eq!(t.start, pos);
            assert_eq!(&text[t.start..t.end], t.text);
            pos = t.end;
        }
        assert_eq!(pos, text.len());
        assert!(tokens.iter().any(|t| t.text.contains('𫫇')));
        assert!(tokens.iter().any(|t| t.text == "区域协调发展"));
    }

    #[test]
    fn words_drop_whitespace_and_handle_empty_input() {
        let s = seg();
        assert!(s.words("").is_empty());
        assert!(s.words("   ").is_empty());
        assert!(!s.words("生态 补偿").contains(&" "));
    }

    #[test]
    fn lexicon_parser_skips_comments_and_blank_lines() {
        let terms: Vec<_> = lexicon_terms("# c\n\n一带一路 100\n飞地经济 # note\n").collect();
        assert_eq!(terms, vec!["一带一路", "飞地经济"]);
    }
}
