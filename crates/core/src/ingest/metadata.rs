//! Metadata stated by a text: title, issuers, document type, date and
//! document number — and document numbers a text states for *other*
//! documents it cites (`《…意见》（中发〔2018〕43号）`). Nothing is guessed:
//! what a text does not state stays `None`.

use super::punctuation::is_cjk;

/// Document types, longest first so `实施意见` wins over `意见`.
pub const DOC_TYPES: [&str; 14] = [
    "实施方案",
    "实施意见",
    "指导意见",
    "实施细则",
    "行动计划",
    "意见",
    "通知",
    "方案",
    "规划",
    "决定",
    "办法",
    "纲要",
    "条例",
    "规定",
];

/// Endings of issuing bodies' names, used to split `中共四川省委四川省人民政府`.
const ISSUER_ENDINGS: [&str; 16] = [
    "中共中央",
    "国务院办公厅",
    "国务院",
    "中央办公厅",
    "党委",
    "省委",
    "市委",
    "区委",
    "县委",
    "人民政府",
    "办公厅",
    "发展改革委",
    "发展和改革委员会",
    "委员会",
    "人大常委会",
    "政府",
];

/// The document type a title ends with.
pub fn doc_type_of(title: &str) -> Option<&'static str> {
    DOC_TYPES.into_iter().find(|t| title.ends_with(t))
}

/// Splits a run of issuing bodies into names, or `None` when the text is
/// not made only of issuer names.
pub fn split_issuers(text: &str) -> Option<Vec<String>> {
    let mut rest: &str = text.trim();
    let mut out = Vec::new();
    while !rest.is_empty() {
        rest = rest.trim_start_matches([' ', '、', '，', '\u{3000}']);
        if rest.is_empty() {
            break;
        }
        // Earliest position where an issuer name ends.
        let mut best: Option<usize> = None;
        for e in ISSUER_ENDINGS {
            if let Some(pos) = rest.find(e) {
                let end = pos + e.len();
                best = Some(best.map_or(end, |b: usize| b.min(end)));
            }
        }
        let mut end = best?;
        // 国务院办公厅, 省政府办公厅: keep the longer body together.
        if rest[end..].starts_with("办公厅") {
            end += "办公厅".len();
        }
        let name = rest[..end].trim();
        if name.chars().count() > 20 || !name.chars().all(is_cjk) {
            return None;
        }
        out.push(name.to_string());
        rest = &rest[end..];
    }
    (!out.is_empty()).then_some(out)
}

/// An ISO date from a Chinese date `2018年11月18日`.
pub fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once('日')?;
    if !rest.is_empty() {
        return None;
    }
    let y: u32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A paragraph that is only a date, possibly in brackets:
/// `（2018年11月18日）`, or an ISO date as a web page prints it (`2009-11-03`).
pub fn date_line(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix('（')
        .and_then(|s| s.strip_suffix('）'))
        .unwrap_or(t);
    iso_date(t).or_else(|| super::news::iso_date_line(t))
}

/// A document number found in a text, canonical (`发改地区〔2016〕1771号`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// The number in canonical form.
    pub canonical: String,
    /// Byte range in the searched text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
}

/// All document numbers in `text` (after punctuation canonicalization, so
/// the year bracket is already `〔〕`).
pub fn find_doc_numbers(text: &str) -> Vec<DocNumber> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('〔') {
        let after = &text[open + '〔'.len_utf8()..];
        let year: String = after.chars().take(4).collect();
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some(rest) = after[4..].strip_prefix('〕') else {
            continue;
        };
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() || !rest[digits.len()..].starts_with('号') {
            continue;
        }
        // The issuer code: up to 8 CJK characters right before the bracket.
        let prefix: Vec<char> = text[..open]
            .chars()
            .rev()
            .take_while(|c| is_cjk(*c))
            .take(8)
            .collect();
        if prefix.is_empty() {
            continue;
        }
        let prefix: String = prefix.into_iter().rev().collect();
        let start = open - prefix.len();
        let end = open + '〔'.len_utf8() + 4 + '〕'.len_utf8() + digits.len() + '号'.len_utf8();
        out.push(DocNumber {
            canonical: format!("{prefix}〔{year}〕{digits}号"),
            start,
            end,
        });
    }
    out
}

/// Byte length of a document number at the start of `s`, in any bracket
/// form a web copy uses: `浙政发[2009]69号`, `国发(2016)5号`,
/// `发改地区〔2016〕1771号`, `国发【2019】8号`.
pub fn doc_number_prefix_len(s: &str) -> Option<usize> {
    let prefix: usize = s
        .chars()
        .take_while(|c| is_cjk(*c))
        .take(8)
        .map(char::len_utf8)
        .sum();
    if prefix == 0 {
        return None;
    }
    let rest = &s[prefix..];
    let open = rest.chars().next()?;
    let close = match open {
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '〔' => '〕',
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let after_open = &rest[open.len_utf8()..];
    let year = after_open.get(..4)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after_year = after_open[4..].strip_prefix(close)?;
    let digits = after_year.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !after_year[digits..].starts_with('号') {
        return None;
    }
    Some(s.len() - after_year.len() + digits + '号'.len_utf8())
}

/// A paragraph that is only a document number.
pub fn doc_number_line(text: &str) -> Option<String> {
    let nums = find_doc_numbers(text);
    match nums.as_slice() {
        [n] if n.start == 0 && n.end == text.trim_end().len() => Some(n.canonical.clone()),
        _ => None,
    }
}

/// Another document cited with its number: `《中共中央、国务院关于…的意见》（中发〔2018〕43号）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The cited title as written inside 《》.
    pub title: String,
    /// The cited document's number, canonical.
    pub doc_number: String,
}

/// Citations of other documents that state their number.
pub fn find_citations(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find('《').map(|p| p + search) {
        let Some(close) = text[open..].find('》').map(|p| p + open) else {
            break;
        };
        let title = &text[open + '《'.len_utf8()..close];
        let after = &text[close + '》'.len_utf8()..];
        if let Some(inner) = after.strip_prefix('（') {
            if let Some(n) = find_doc_numbers(inner).into_iter().next() {
                if n.start == 0 {
                    out.push(Citation {
                        title: title.to_string(),
                        doc_number: n.canonical,
                    });
                }
            }
        }
        search = close;
    }
    out
}

/// True for a title line: no sentence punctuation, not too long, and shaped
/// like an official title (`关于…`, `…印发…`, or ending in a document type).
pub fn is_title_like(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (4..=90).contains(&n)
        && !t.contains(['。', '，', '；', '：'])
        && (t.contains("关于") || t.contains("印发") || doc_type_of(t).is_some())
}

/// A title split into who issued it and what it is called:
/// `内蒙古自治区党委自治区人民政府关于…实施意见` → issuers + `关于…实施意见`;
/// `中共四川省委四川省人民政府印发四川省…实施方案` → issuers + `四川省…实施方案`.
pub fn split_title(text: &str) -> (Vec<String>, String) {
    let t = text.trim();
    // The earliest verb after which the text before it is only issuers:
    // `浙江省人民政府贯彻国务院关于…` splits at 贯彻, not at 关于.
    let mut cuts: Vec<(usize, &str)> = ["印发", "关于", "贯彻", "转发", "批转"]
        .into_iter()
        .flat_map(|sep| t.match_indices(sep).map(move |(pos, _)| (pos, sep)))
        .filter(|(pos, _)| *pos > 0)
        .collect();
    cuts.sort_unstable();
    for (pos, sep) in cuts {
        if let Some(issuers) = split_issuers(&t[..pos]) {
            let title = if sep == "印发" && !t.ends_with("通知") {
                &t[pos + sep.len()..]
            } else {
                &t[pos..]
            };
            return (issuers, title.to_string());
        }
    }
    (Vec::new(), t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_split_at_body_name_endings() {
        assert_eq!(
            split_issuers("中共中央国务院").unwrap(),
            vec!["中共中央", "国务院"]
        );
        assert_eq!(
            split_issuers("中共中央 国务院").unwrap(),
            vec!["中共中央", "国务院"]
        );
        assert_eq!(
            split_issuers("中共四川省委四川省人民政府").unwrap(),
            vec!["中共四川省委", "四川省人民政府"]
        );
        assert_eq!(
            split_issuers("内蒙古自治区党委自治区人民政府").unwrap(),
            vec!["内蒙古自治区党委", "自治区人民政府"]
        );
        assert_eq!(
            split_issuers("国家发展改革委").unwrap(),
            vec!["国家发展改革委"]
        );
        assert_eq!(split_issuers("国务院办公厅").unwrap(), vec!["国务院办公厅"]);
        assert_eq!(split_issuers("推动区域协调发展"), None);
    }

    #[test]
    fn titles_split_into_issuers_and_name() {
        let (i, t) = split_title(
            "中共四川省委四川省人民政府印发四川省建立更加有效的区域协调发展新机制实施方案",
        );
        assert_eq!(i, vec!["中共四川省委", "四川省人民政府"]);
        assert_eq!(t, "四川省建立更加有效的区域协调发展新机制实施方案");
        let (i, t) = split_title(
            "国家发展改革委关于印发贯彻落实区域发展战略促进区域协调发展的指导意见的通知",
        );
        assert_eq!(i, vec!["国家发展改革委"]);
        assert_eq!(
            t,
            "关于印发贯彻落实区域发展战略促进区域协调发展的指导意见的通知"
        );
        assert_eq!(doc_type_of(&t), Some("通知"));
        let (i, t) = split_title(
            "浙江省人民政府贯彻国务院关于进一步推进长江三角洲地区改革开放和经济社会发展指导意见的实施意见",
        );
        assert_eq!(i, vec!["浙江省人民政府"]);
        assert!(t.starts_with("贯彻国务院关于"));
        let (i, t) = split_title("关于建立更加有效的区域协调发展新机制的意见");
        assert!(i.is_empty());
        assert_eq!(doc_type_of(&t), Some("意见"));
    }

    #[test]
    fn dates_become_iso() {
        assert_eq!(
            date_line("（2018年11月18日）").as_deref(),
            Some("2018-11-18")
        );
        assert_eq!(date_line("2016年8月16日").as_deref(), Some("2016-08-16"));
        assert_eq!(date_line("到2020年"), None);
        assert_eq!(date_line("2016年13月1日"), None);
    }

    #[test]
    fn document_numbers_and_citations() {
        assert_eq!(
            doc_number_line("发改地区〔2016〕1771号").as_deref(),
            Some("发改地区〔2016〕1771号")
        );
        assert_eq!(doc_number_line("印发通知，发改地区〔2016〕1771号"), None);
        let c = find_citations("为贯彻落实《中共中央、国务院关于建立更加有效的区域协调发展新机制的意见》（中发〔2018〕43号）精神");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].doc_number, "中发〔2018〕43号");
        assert!(c[0].title.ends_with("新机制的意见"));
        assert!(find_citations("贯彻《成渝城市群发展规划》，完善").is_empty());
        for (s, n) in [
            ("浙政发[2009]69号 2009", "浙政发[2009]69号".len()),
            ("国发(2016)5号", "国发(2016)5号".len()),
            ("国发（2016）5号", "国发（2016）5号".len()),
            ("发改地区〔2016〕1771号", "发改地区〔2016〕1771号".len()),
        ] {
            assert_eq!(doc_number_prefix_len(s), Some(n), "{s}");
        }
        assert_eq!(doc_number_prefix_len("国发[2008]文件"), None);
        assert_eq!(doc_number_prefix_len("[2008]30号"), None);
        assert_eq!(date_line("2009-11-03").as_deref(), Some("2009-11-03"));
    }
}
