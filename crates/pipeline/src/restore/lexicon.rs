//! Part of source (c): a lexicon of general Chinese — jieba's stock
//! dictionary of 349,000 words — for what the corpus is too small to show.
//!
//! The faithful texts never write 宏观调控 (22,000 characters), yet it is
//! what (二十五) means where the witness reads 微观调控; the dictionary
//! knows the one as a word and not the other. The restorer asks it one
//! question only: is this string a word?

use jieba_rs::Jieba;

/// jieba's stock dictionary.
pub struct GeneralLexicon {
    jieba: Jieba,
}

impl std::fmt::Debug for GeneralLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneralLexicon").finish_non_exhaustive()
    }
}

impl GeneralLexicon {
    /// The lexicon built from jieba's stock dictionary.
    pub fn stock() -> GeneralLexicon {
        GeneralLexicon {
            jieba: Jieba::new(),
        }
    }

    /// True when the dictionary has `word`.
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// True when the dictionary tags `word` as a place name (`ns`: 黄河,
    /// 中非). Its person tags (`nr`) are too noisy to use: 晋级, 殷实 and
    /// 通达 carry them.
    pub fn is_place_name(&self, word: &str) -> bool {
        if !self.jieba.has_word(word) {
            return false;
        }
        let tags = self.jieba.tag(word, false);
        matches!(&tags[..], [t] if t.word == word && t.tag == "ns")
    }

    /// How common `word` is in general Chinese: its frequency in the
    /// dictionary, 0 when it is not a word of it.
    pub fn frequency(&self, word: &str) -> usize {
        if self.jieba.has_word(word) {
            self.jieba.suggest_freq(word)
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stock_dictionary_knows_the_authentic_compound_only() {
        let l = GeneralLexicon::stock();
        assert!(l.knows("宏观调控"));
        assert!(!l.knows("微观调控"));
    }

    #[test]
    fn place_names_are_told_from_common_words() {
        let l = GeneralLexicon::stock();
        assert!(l.is_place_name("黄河"));
        assert!(!l.is_place_name("黄金"));
        assert!(!l.is_place_name("宏观"));
    }
}
