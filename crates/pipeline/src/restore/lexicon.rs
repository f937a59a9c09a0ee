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
}
