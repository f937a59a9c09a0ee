//! Citations: the documents a text names, by title in 《》 or by document
//! number in any bracket form a copy uses (`中发〔2018〕43号`,
//! `国发[2008]30号`, `发改地区(2016)1771号`, `国发【2019】8号`, full-width
//! brackets), numbers normalised to `〔〕`. A title followed by its number
//! (`《…意见》（中发〔2018〕43号）`) is one citation. Each is resolved to a
//! corpus document by number, else by title (issuers before 关于 ignored,
//! punctuation and spaces ignored), or stays unresolved.
//!
//! [`timeline`] puts the corpus's documents on a time axis by their stated
//! date (unknown dates stay unknown) with the citations between them.

use crate::ingest::metadata::split_title;
use crate::ingest::punctuation::is_cjk;
use crate::model::{Corpus, Document};
use crate::restoration::TextChoice;
use serde::{Deserialize, Serialize};

/// A cited document as found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedRef {
    /// The title inside 《》, when the citation has one.
    pub title: Option<String>,
    /// The document number, normalised to `〔〕`, when it has one.
    pub doc_number: Option<String>,
    /// Byte offset of the citation in the text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
}

/// Leading words that end an issuer code when read backwards from a
/// document number's bracket (`根据国发〔2008〕30号` → `国发`).
const NUMBER_PREFIX_STOPS: [&str; 16] = [
    "根据", "按照", "依据", "依照", "参照", "贯彻", "落实", "执行", "印发", "转发", "通知", "文件",
    "精神", "见", "的", "和",
];

fn closing(open: char) -> Option<char> {
    Some(match open {
        '〔' => '〕',
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '(' => ')',
        '（' => '）',
        '〖' => '〗',
        _ => return None,
    })
}

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// A document number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NumberHit {
    canonical: String,
    start: usize,
    end: usize,
}

/// Every document number in `text`, in any bracket form, canonical.
fn doc_numbers(text: &str) -> Vec<NumberHit> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for (i, &(open_at, open)) in chars.iter().enumerate() {
        let Some(close) = closing(open) else { continue };
        let year: Option<String> = (1..=4)
            .map(|k| chars.get(i + k).and_then(|c| digit(c.1)))
            .collect();
        let Some(year) = year else { continue };
        if chars.get(i + 5).map(|c| c.1) != Some(close) {
            continue;
        }
        let mut j = i + 6;
        let mut num = String::new();
        while let Some(d) = chars.get(j).and_then(|c| digit(c.1)) {
            num.push(d);
            j += 1;
        }
        if num.is_empty() || chars.get(j).map(|c| c.1) != Some('号') {
            continue;
        }
        // The issuer code: CJK characters right before the bracket (at most
        // eight), cut after the last connecting word.
        let mut k = i;
        while k > 0 && i - k < 8 && is_cjk(chars[k - 1].1) {
            k -= 1;
        }
        let mut prefix: String = chars[k..i].iter().map(|c| c.1).collect();
        let mut start = chars.get(k).map_or(open_at, |c| c.0);
        let cut = NUMBER_PREFIX_STOPS
            .iter()
            .filter_map(|s| prefix.rfind(s).map(|p| p + s.len()))
            .max();
        if let Some(cut) = cut {
            start += cut;
            prefix = prefix[cut..].to_string();
        }
        if prefix.is_empty() {
            continue;
        }
        let end = chars.get(j + 1).map_or(text.len(), |c| c.0);
        out.push(NumberHit {
            canonical: format!("{prefix}〔{year}〕{num}号"),
            start,
            end,
        });
    }
    out
}

/// Normalises a document number written in any bracket form to `〔〕`
/// (`国发[2008]30号` → `国发〔2008〕30号`); `None` when it is not one.
pub fn normalize_doc_number(s: &str) -> Option<String> {
    let s = s.trim();
    let hits = doc_numbers(s);
    match hits.as_slice() {
        [h] if h.start == 0 && h.end == s.len() => Some(h.canonical.clone()),
        _ => None,
    }
}

/// Every citation in `text`, in text order.
pub fn find_citations(text: &str) -> Vec<CitedRef> {
    let mut out: Vec<CitedRef> = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find('《').map(|p| p + search) {
        let inner_start = open + '《'.len_utf8();
        let Some(close) = text[inner_start..].find('》').map(|p| p + inner_start) else {
            break;
        };
        let title = &text[inner_start..close];
        // A nested or runaway 《 means this is no title.
        if !title.is_empty() && !title.contains('《') && title.chars().count() <= 100 {
            out.push(CitedRef {
                title: Some(title.to_string()),
                doc_number: None,
                start: open,
                end: close + '》'.len_utf8(),
            });
        }
        search = close + '》'.len_utf8();
    }
    for n in doc_numbers(text) {
        // A number right after a title (`》（中发〔2018〕43号）`) belongs to it.
        let owner = out.iter_mut().find(|c| {
            c.doc_number.is_none()
                && c.title.is_some()
                && n.start >= c.end
                && text[c.end..n.start]
                    .chars()
                    .all(|ch| matches!(ch, '（' | '(' | ' ' | '　'))
                && text[c.end..n.start].chars().count() <= 2
        });
        match owner {
            Some(c) => {
                c.doc_number = Some(n.canonical);
                let after = &text[n.end..];
                c.end = n.end
                    + after
                        .chars()
                        .next()
                        .filter(|ch| matches!(ch, '）' | ')'))
                        .map_or(0, char::len_utf8);
            }
            None => out.push(CitedRef {
                title: None,
                doc_number: Some(n.canonical),
                start: n.start,
                end: n.end,
            }),
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// A title reduced for comparison: issuers before 关于/印发 dropped,
/// punctuation and spaces dropped.
pub fn title_key(title: &str) -> String {
    let (_, name) = split_title(title);
    let name = match name.find("关于") {
        Some(p) => &name[p..],
        None => name.as_str(),
    };
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The corpus document a citation names: by document number, else by
/// title. `None` when the corpus has no such document.
pub fn resolve<'c>(cite: &CitedRef, docs: &'c [Document]) -> Option<&'c Document> {
    if let Some(n) = &cite.doc_number {
        if let Some(d) = docs.iter().find(|d| {
            d.doc_number
                .as_deref()
                .and_then(normalize_doc_number)
                .as_deref()
                == Some(n)
        }) {
            return Some(d);
        }
    }
    let key = title_key(cite.title.as_deref()?);
    if key.is_empty() {
        return None;
    }
    docs.iter().find(|d| title_key(&d.title) == key)
}

/// One citation of a unit of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The cited title, as written inside 《》.
    pub title: Option<String>,
    /// The cited number, normalised to `〔〕`.
    pub doc_number: Option<String>,
    /// The citing unit's path.
    pub unit: String,
    /// The corpus document cited, when the corpus has it.
    pub target: Option<String>,
}

/// Every citation in `doc`'s units (their reading, plus a heading the text
/// does not repeat), resolved against `docs`. A document's own title or
/// number in its header is not a citation and is left out.
pub fn document_citations(doc: &Document, docs: &[Document], choice: TextChoice) -> Vec<Citation> {
    let own_number = doc.doc_number.as_deref().and_then(normalize_doc_number);
    let own_title = title_key(&doc.title);
    let mut out = Vec::new();
    for unit in &doc.units {
        let text = unit.text_for(choice);
        let mut found = Vec::new();
        if let Some(h) = unit.heading_for(choice) {
            if !text.contains(h) {
                found.extend(find_citations(h));
            }
        }
        found.extend(find_citations(text));
        for c in found {
            let own = c.doc_number.is_some() && c.doc_number == own_number
                || c.title
                    .as_deref()
                    .is_some_and(|t| title_key(t) == own_title);
            let target = resolve(&c, docs).map(|d| d.id.clone());
            if own || target.as_deref() == Some(doc.id.as_str()) {
                continue;
            }
            out.push(Citation {
                title: c.title,
                doc_number: c.doc_number,
                unit: unit.path.as_str().to_string(),
                target,
            });
        }
    }
    out
}

/// A document on the time axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineDoc {
    /// The document id.
    pub id: String,
    /// Its stated date (ISO), or `None` when no source states it.
    pub date: Option<String>,
}

/// A citation arrow between two corpus documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitationEdge {
    /// The citing document.
    pub from: String,
    /// The cited document.
    pub to: String,
    /// The citing units, in reading order.
    pub units: Vec<String>,
}

/// The corpus on a time axis: documents with a date first, by date (then
/// in corpus order), documents with no stated date after them in corpus
/// order; and every citation between two corpus documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// The documents in time order, unknown dates last.
    pub docs: Vec<TimelineDoc>,
    /// Citation arrows.
    pub edges: Vec<CitationEdge>,
    /// Citations that name no corpus document, per citing document.
    pub unresolved: Vec<(String, Vec<Citation>)>,
}

/// Builds the [`Timeline`] of `docs`.
pub fn timeline(docs: &[Document], choice: TextChoice) -> Timeline {
    let mut dated: Vec<&Document> = docs.iter().filter(|d| d.date.is_some()).collect();
    dated.sort_by(|a, b| a.date.cmp(&b.date));
    let undated = docs.iter().filter(|d| d.date.is_none());
    let order = dated.into_iter().chain(undated);
    let mut edges: Vec<CitationEdge> = Vec::new();
    let mut unresolved = Vec::new();
    for doc in docs {
        let mut open = Vec::new();
        for c in document_citations(doc, docs, choice) {
            match &c.target {
                Some(to) => match edges.iter_mut().find(|e| e.from == doc.id && &e.to == to) {
                    Some(e) => {
                        if !e.units.contains(&c.unit) {
                            e.units.push(c.unit.clone());
                        }
                    }
                    None => edges.push(CitationEdge {
                        from: doc.id.clone(),
                        to: to.clone(),
                        units: vec![c.unit.clone()],
                    }),
                },
                None => open.push(c),
            }
        }
        if !open.is_empty() {
            unresolved.push((doc.id.clone(), open));
        }
    }
    Timeline {
        docs: order
            .map(|d| TimelineDoc {
                id: d.id.clone(),
                date: d.date.clone(),
            })
            .collect(),
        edges,
        unresolved,
    }
}

/// [`timeline`] of a whole corpus.
pub fn corpus_timeline(corpus: &Corpus) -> Timeline {
    timeline(&corpus.documents, TextChoice::Reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_in_every_bracket_form_normalise() {
        for (raw, want) in [
            ("中发〔2018〕43号", "中发〔2018〕43号"),
            ("国发[2008]30号", "国发〔2008〕30号"),
            ("发改地区(2016)1771号", "发改地区〔2016〕1771号"),
            ("发改地区（2016）1771号", "发改地区〔2016〕1771号"),
            ("国发【2019】8号", "国发〔2019〕8号"),
            ("国办发［2020］１２号", "国办发〔2020〕12号"),
        ] {
            assert_eq!(normalize_doc_number(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(normalize_doc_number("2018年43号"), None);
    }

    #[test]
    fn a_title_with_its_number_is_one_citation() {
        let t = "为贯彻落实《中共中央、国务院关于建立更加有效的区域协调发展新机制的意见》（中发〔2018〕43号）精神";
        let c = find_citations(t);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].doc_number.as_deref(), Some("中发〔2018〕43号"));
        assert!(c[0].title.as_deref().is_some_and(|t| t.ends_with("意见")));
        assert_eq!(&t[c[0].end..], "精神");
    }

    #[test]
    fn connecting_words_are_not_issuer_codes() {
        let c = find_citations("根据国发[2008]30号文件，按照《成渝城市群发展规划》");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].doc_number.as_deref(), Some("国发〔2008〕30号"));
        assert_eq!(c[1].title.as_deref(), Some("成渝城市群发展规划"));
    }

    #[test]
    fn titles_match_without_issuers_and_punctuation() {
        assert_eq!(
            title_key("中共中央、国务院关于建立更加有效的区域协调发展新机制的意见"),
            title_key("关于建立更加有效的区域协调发展新机制的意见")
        );
    }
}
