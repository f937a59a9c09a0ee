//! Recognising the numbering labels of Chinese official documents:
//! sections `一、`, clauses `（一）`, items `1.` and `——` lead paragraphs.
//! Works on canonical punctuation but also accepts ASCII brackets so it can
//! be used before canonicalization.

/// A numbering label found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// `二、` → 2
    Section(u32),
    /// `（四）` → 4
    Clause(u32),
    /// `1.` → 1
    Item(u32),
    /// `——`
    Lead,
}

/// The marker, its number and the label as printed, e.g. `（四）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub marker: Marker,
    pub printed: String,
    /// Byte length of the label in the paragraph.
    pub len: usize,
}

/// Value of a Chinese numeral up to 99 (`一` … `九十九`), as used in
/// section and clause labels.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [d] if *d == '十' => Some(10),
        [d] => digit(*d).filter(|&v| v > 0),
        ['十', u] => digit(*u).filter(|&v| v > 0).map(|v| 10 + v),
        [t, '十'] => digit(*t).filter(|&v| v > 1).map(|v| v * 10),
        [t, '十', u] => {
            let t = digit(*t).filter(|&v| v > 1)?;
            let u = digit(*u).filter(|&v| v > 0)?;
            Some(t * 10 + u)
        }
        _ => None,
    }
}

fn is_numeral_char(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Recognises the label at the start of `para`, if any.
pub fn leading_label(para: &str) -> Option<Label> {
    let mut chars = para.char_indices();
    let (_, first) = chars.next()?;
    if first == '—' && para.starts_with("——") {
        return Some(Label {
            marker: Marker::Lead,
            printed: "——".into(),
            len: "——".len(),
        });
    }
    if matches!(first, '（' | '(') {
        let close = para.find(['）', ')'])?;
        let inner = &para[first.len_utf8()..close];
        if inner.chars().count() <= 3 && inner.chars().all(is_numeral_char) {
            let n = chinese_numeral(inner)?;
            let len = close + para[close..].chars().next()?.len_utf8();
            return Some(Label {
                marker: Marker::Clause(n),
                printed: format!("（{inner}）"),
                len,
            });
        }
        return None;
    }
    if is_numeral_char(first) {
        let end = para.find('、')?;
        let inner = &para[..end];
        if inner.chars().count() <= 3 && inner.chars().all(is_numeral_char) {
            let n = chinese_numeral(inner)?;
            return Some(Label {
                marker: Marker::Section(n),
                printed: format!("{inner}、"),
                len: end + '、'.len_utf8(),
            });
        }
        return None;
    }
    if first.is_ascii_digit() {
        let digits_end = para.find(|c: char| !c.is_ascii_digit())?;
        if digits_end > 2 {
            return None;
        }
        let rest = &para[digits_end..];
        let sep = rest.chars().next()?;
        if !matches!(sep, '.' | '．' | '、') {
            return None;
        }
        // `1.5倍` is a number, not an item label.
        let after = rest[sep.len_utf8()..].chars().next();
        if after.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u32 = para[..digits_end].parse().ok()?;
        if n == 0 {
            return None;
        }
        return Some(Label {
            marker: Marker::Item(n),
            printed: format!("{n}."),
            len: digits_end + sep.len_utf8(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        assert_eq!(chinese_numeral("一"), Some(1));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十六"), Some(16));
        assert_eq!(chinese_numeral("二十"), Some(20));
        assert_eq!(chinese_numeral("三十三"), Some(33));
        assert_eq!(chinese_numeral("一十"), None);
        assert_eq!(chinese_numeral("十十"), None);
        assert_eq!(chinese_numeral(""), None);
    }

    #[test]
    fn labels_of_each_level() {
        let l = leading_label("二、建立区域战略统筹机制").unwrap();
        assert_eq!((l.marker, l.printed.as_str()), (Marker::Section(2), "二、"));
        let l = leading_label("（二十一）完善多元化生态补偿机制。").unwrap();
        assert_eq!(
            (l.marker, l.printed.as_str()),
            (Marker::Clause(21), "（二十一）")
        );
        let l = leading_label("(四)推动").unwrap();
        assert_eq!(
            (l.marker, l.printed.as_str(), l.len),
            (Marker::Clause(4), "（四）", 5)
        );
        let l = leading_label("3.完善区域交易平台和制度。").unwrap();
        assert_eq!((l.marker, l.len), (Marker::Item(3), 2));
        assert_eq!(leading_label("——坚持").unwrap().marker, Marker::Lead);
    }

    #[test]
    fn prose_is_not_a_label() {
        for s in [
            "一带一路建设",
            "（合作）体系",
            "2020年",
            "1.5倍",
            "十分重要、",
            "—西江",
            "(2018年11月18日)",
        ] {
            assert_eq!(leading_label(s), None, "{s}");
        }
    }
}
