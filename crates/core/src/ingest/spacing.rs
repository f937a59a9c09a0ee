//! Removal of the spaces a PDF (or a web page built from one) leaves where
//! it wrapped a line: `推动形成全国 统一市场`, `到 2020 年`. Chinese prose
//! has no spaces between characters, so whitespace whose neighbours are both
//! Chinese (or a Chinese character and a digit) is an artefact. Spaces
//! between Latin words or between two numbers are kept (`G60 科创走廊`
//! keeps its space only if a Latin letter touches it).

use super::punctuation::is_cjk_or_cjk_punct;

/// Result of [`remove_cjk_spaces`]: the text and how many space runs were
/// removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Despaced {
    /// The text without the artefact spaces.
    pub text: String,
    /// How many space runs were removed.
    pub removed: usize,
    /// A short `before → after` example for the repair log.
    pub example: Option<String>,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Removes whitespace runs between two Chinese characters, Chinese
/// punctuation, or a Chinese character and an ASCII digit. Also trims the
/// ends. Newlines are kept (they separate paragraphs).
pub fn remove_cjk_spaces(text: &str) -> Despaced {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut example = None;
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            let start = i;
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let prev = start.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i).copied();
            let drop = match (prev, next) {
                (Some('\n'), _) | (_, Some('\n')) => true, // line-edge whitespace
                // Full-width punctuation carries its own spacing.
                (Some(p), Some(n)) if is_full_width_punct(p) || is_full_width_punct(n) => true,
                (Some(p), Some(n)) => joinable(p, n) && !touches_latin_token(&chars, start, i),
                _ => true, // leading / trailing whitespace
            };
            if drop {
                if prev.is_some_and(|c| c != '\n') && next.is_some_and(|c| c != '\n') {
                    removed += 1;
                    if example.is_none() {
                        let lo = start.saturating_sub(3);
                        let hi = (i + 3).min(chars.len());
                        let before: String = chars[lo..hi].iter().collect();
                        let after: String = before.chars().filter(|c| !is_space(*c)).collect();
                        example = Some(format!("{before} → {after}"));
                    }
                }
            } else {
                out.extend(&chars[start..i]);
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    Despaced {
        text: out,
        removed,
        example,
    }
}

fn is_full_width_punct(c: char) -> bool {
    is_cjk_or_cjk_punct(c) && !super::punctuation::is_cjk(c)
}

fn joinable(p: char, n: char) -> bool {
    let p_cjk = is_cjk_or_cjk_punct(p);
    let n_cjk = is_cjk_or_cjk_punct(n);
    (p_cjk && (n_cjk || n.is_ascii_digit())) || (p.is_ascii_digit() && n_cjk)
}

/// True when the space run `start..end` borders a token that mixes digits
/// with Latin letters (`G60`), which must keep its spacing.
fn touches_latin_token(chars: &[char], start: usize, end: usize) -> bool {
    let left = chars[..start]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .any(|c| c.is_ascii_alphabetic());
    let right = chars[end..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .any(|c| c.is_ascii_alphabetic());
    left || right
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_spaces_between_chinese_characters() {
        let d = remove_cjk_spaces("推动形成全国 统一市场，区域 良性互动");
        assert_eq!(d.text, "推动形成全国统一市场，区域良性互动");
        assert_eq!(d.removed, 2);
        assert_eq!(d.example.as_deref(), Some("成全国 统一市 → 成全国统一市"));
    }

    #[test]
    fn removes_spaces_around_numbers_inside_chinese() {
        assert_eq!(remove_cjk_spaces("到 2020 年，").text, "到2020年，");
        assert_eq!(
            remove_cjk_spaces("（二）基本原则。 市场导向").text,
            "（二）基本原则。市场导向"
        );
    }

    #[test]
    fn no_space_next_to_full_width_punctuation() {
        assert_eq!(
            remove_cjk_spaces("发展， see G60。 Next").text,
            "发展，see G60。Next"
        );
    }

    #[test]
    fn keeps_spaces_in_latin_text_and_between_numbers() {
        assert_eq!(remove_cjk_spaces("G60 road").text, "G60 road");
        assert_eq!(remove_cjk_spaces("2016 1771").text, "2016 1771");
        assert_eq!(remove_cjk_spaces("沿 G60 科创走廊").text, "沿 G60 科创走廊");
    }

    #[test]
    fn trims_and_keeps_newlines() {
        assert_eq!(
            remove_cjk_spaces("  一、总体要求 \n（一）").text,
            "一、总体要求\n（一）"
        );
    }
}
