//! Recognising the numbering labels of Chinese official documents:
//! chapters `第一章`, chapter sections `第一节`, articles `第一条`, sections
//! `一、`, clauses `（一）`, items `1.`, sub-items `（1）`/`①` and `——` lead
//! paragraphs. Works on canonical punctuation but also accepts ASCII
//! brackets so it can be used before canonicalization.

/// A numbering label found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// `第三章` → 3
    Chapter(u32),
    /// `第二节` → 2 (a section of a chapter)
    Division(u32),
    /// `第十条` → 10
    Article(u32),
    /// `二、` → 2
    Section(u32),
    /// `（四）` → 4
    Clause(u32),
    /// `1.` → 1
    Item(u32),
    /// `（1）` or `①` → 1
    SubItem(u32),
    /// `——`
    Lead,
}

impl Marker {
    /// How far down the usual hierarchy of Chinese official documents the
    /// marker sits: 章 > 节 > 条 > 一、 > （一） > 1. > （1）. `None` for a
    /// `——` lead, which is not a level of its own.
    pub fn rank(&self) -> Option<u8> {
        Some(match self {
            Marker::Chapter(_) => 0,
            Marker::Division(_) => 1,
            Marker::Article(_) => 2,
            Marker::Section(_) => 3,
            Marker::Clause(_) => 4,
            Marker::Item(_) => 5,
            Marker::SubItem(_) => 6,
            Marker::Lead => return None,
        })
    }

    /// The number the label prints (`第三章` → 3); `None` for a lead.
    pub fn number(&self) -> Option<u32> {
        match self {
            Marker::Chapter(n)
            | Marker::Division(n)
            | Marker::Article(n)
            | Marker::Section(n)
            | Marker::Clause(n)
            | Marker::Item(n)
            | Marker::SubItem(n) => Some(*n),
            Marker::Lead => None,
        }
    }
}

/// The marker, its number and the label as printed, e.g. `（四）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Which numbering scheme the label belongs to, with its number.
    pub marker: Marker,
    /// The label as printed, e.g. `（四）`.
    pub printed: String,
    /// Byte length of the label in the paragraph.
    pub len: usize,
}

/// Value of a Chinese numeral up to 999 (`一` … `九十九`, `一百零五`,
/// `一百二十`), as used in labels.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    match s.split_once('百') {
        Some((h, rest)) => {
            let h = match h {
                "" => 1,
                _ => chinese_numeral_below_100(h).filter(|&v| v < 10)?,
            };
            let rest = match rest {
                "" => 0,
                _ => match rest.strip_prefix('零') {
                    Some(u) => chinese_numeral_below_100(u).filter(|&v| v < 10)?,
                    None => chinese_numeral_below_100(rest).filter(|&v| v >= 10)?,
                },
            };
            Some(h * 100 + rest)
        }
        None => chinese_numeral_below_100(s),
    }
}

fn chinese_numeral_below_100(s: &str) -> Option<u32> {
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

/// `第三章`, `第二节`, `第十条`, `第一百零五条`, `第3章`.
fn ordinal_label(para: &str) -> Option<Label> {
    let rest = para.strip_prefix('第')?;
    let end =
        rest.find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十百零".contains(c)))?;
    let numeral = &rest[..end];
    let unit = rest[end..].chars().next()?;
    let n = if numeral.chars().all(|c| c.is_ascii_digit()) {
        (1..=3)
            .contains(&numeral.len())
            .then(|| numeral.parse().ok())??
    } else {
        chinese_numeral(numeral)?
    };
    let marker = match unit {
        '章' => Marker::Chapter(n),
        '节' | '節' => Marker::Division(n),
        '条' | '條' => Marker::Article(n),
        _ => return None,
    };
    let len = '第'.len_utf8() + end + unit.len_utf8();
    // `第三节课`, `第一条线`: a word, not a label, when a CJK character
    // that cannot start a heading follows without a space.
    if para[len..].starts_with(['课', '线', '次', '批', '期', '届']) {
        return None;
    }
    Some(Label {
        marker,
        printed: para[..len].to_string(),
        len,
    })
}

/// `①` … `⑳` → 1 … 20.
fn circled_number(c: char) -> Option<u32> {
    ('\u{2460}'..='\u{2473}')
        .contains(&c)
        .then(|| c as u32 - 0x2460 + 1)
}

/// Recognises the label at the start of `para`, if any.
pub fn leading_label(para: &str) -> Option<Label> {
    let mut chars = para.char_indices();
    let (_, first) = chars.next()?;
    if first == '第' {
        return ordinal_label(para);
    }
    if let Some(n) = circled_number(first) {
        return Some(Label {
            marker: Marker::SubItem(n),
            printed: first.to_string(),
            len: first.len_utf8(),
        });
    }
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
        let len = close + para[close..].chars().next()?.len_utf8();
        if (1..=2).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_digit()) {
            let n: u32 = inner.parse().ok().filter(|&n| n > 0)?;
            return Some(Label {
                marker: Marker::SubItem(n),
                printed: format!("（{n}）"),
                len,
            });
        }
        if inner.chars().count() <= 3 && inner.chars().all(is_numeral_char) {
            let n = chinese_numeral(inner)?;
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
        assert_eq!(chinese_numeral("一百零五"), Some(105));
        assert_eq!(chinese_numeral("一百二十"), Some(120));
        assert_eq!(chinese_numeral("百"), Some(100));
        assert_eq!(chinese_numeral("一百五"), None);
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
    fn chapters_divisions_articles_and_sub_items() {
        let l = leading_label("第三章 推动巩固拓展脱贫攻坚成果").unwrap();
        assert_eq!(
            (l.marker, l.printed.as_str()),
            (Marker::Chapter(3), "第三章")
        );
        let l = leading_label("第二节基本原则").unwrap();
        assert_eq!((l.marker, l.len), (Marker::Division(2), 9));
        let l = leading_label("第一百零五条 本条例自公布之日起施行。").unwrap();
        assert_eq!(l.marker, Marker::Article(105));
        assert_eq!(leading_label("第12条").unwrap().marker, Marker::Article(12));
        let l = leading_label("（3）建立健全机制。").unwrap();
        assert_eq!(
            (l.marker, l.printed.as_str()),
            (Marker::SubItem(3), "（3）")
        );
        assert_eq!(
            leading_label("(12)推进").unwrap().marker,
            Marker::SubItem(12)
        );
        let l = leading_label("②完善政策").unwrap();
        assert_eq!((l.marker, l.len), (Marker::SubItem(2), 3));
        assert!(Marker::Chapter(1).rank() < Marker::Section(1).rank());
        assert!(Marker::Item(1).rank() < Marker::SubItem(1).rank());
        assert_eq!(Marker::Lead.rank(), None);
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
            "第一批试点",
            "第三节课",
            "第二十五届",
            "（2016）",
            "(0)",
        ] {
            assert_eq!(leading_label(s), None, "{s}");
        }
    }
}
