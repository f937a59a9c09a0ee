//! Front matter (everything before the first section) → metadata and the
//! preamble unit(s); body → numbered units. See [`super::structure`] for
//! the path scheme, including how a covering notice is represented.

use super::metadata::{self, Citation};
use super::news;
use super::paragraph::Paragraph;
use super::structure::{body_start, parse_body, UnitDraft};
use super::CleanedText;
use crate::model::{MetadataOrigin, MetadataSource, UnitKind};

/// Metadata a text states about itself, with where each value was found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentMetadata {
    /// The document's title.
    pub title: Option<String>,
    /// The issuing bodies, in the order stated.
    pub issuers: Vec<String>,
    /// 意见 / 实施方案 …, read from the title.
    pub doc_type: Option<String>,
    /// ISO `YYYY-MM-DD` date the document was made.
    pub date: Option<String>,
    /// The document number, canonical.
    pub doc_number: Option<String>,
    /// Title of a covering notice, when the text is an attachment to one.
    pub notice_title: Option<String>,
    /// Where each value was found.
    pub sources: Vec<MetadataSource>,
    /// Other documents this text cites with their numbers.
    pub citations: Vec<FoundCitation>,
}

/// A citation with the raw line it was found on.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundCitation {
    /// The citation.
    pub citation: Citation,
    /// Raw file name.
    pub file: String,
    /// 1-based line in that file.
    pub line: usize,
    /// The line's text as found.
    pub evidence: String,
}

/// A parsed document before tagging.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDocument {
    /// Metadata the text states about itself.
    pub meta: DocumentMetadata,
    /// The units in reading order.
    pub units: Vec<UnitDraft>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrontKind {
    Title,
    Issuers,
    Date,
    DocNumber,
    Prose,
}

fn classify(p: &Paragraph) -> FrontKind {
    let t = p.text.as_str();
    if metadata::date_line(t).is_some() {
        FrontKind::Date
    } else if metadata::doc_number_line(t).is_some() {
        FrontKind::DocNumber
    } else if metadata::is_title_like(t) {
        FrontKind::Title
    } else if t.chars().count() <= 30 && metadata::split_issuers(t).is_some() {
        FrontKind::Issuers
    } else {
        FrontKind::Prose
    }
}

fn evidence(cleaned: &CleanedText, line: usize) -> String {
    let raw = cleaned
        .raw_lines
        .get(line.wrapping_sub(1))
        .map_or("", |l| l.trim());
    raw.chars().take(120).collect()
}

fn source(cleaned: &CleanedText, field: &str, line: usize) -> MetadataSource {
    MetadataSource {
        field: field.into(),
        origin: MetadataOrigin::Raw,
        file: Some(cleaned.file.clone()),
        line: Some(line),
        evidence: evidence(cleaned, line),
    }
}

fn draft(path: &str, paragraphs: Vec<Paragraph>) -> UnitDraft {
    UnitDraft {
        path: path.into(),
        label: String::new(),
        kind: UnitKind::Preamble,
        paragraphs,
        heading: None,
    }
}

/// A title a page broke over two lines (`国务院关于推动内蒙古高质量发展` +
/// `奋力书写中国式现代化新篇章的意见`): a title-like line that does not end
/// in a document type, followed by a short unpunctuated line that does.
fn join_broken_titles(front: &[Paragraph]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(front.len());
    for p in front {
        if let Some(prev) = out.last_mut() {
            let t = p.text.as_str();
            let joins = metadata::is_title_like(&prev.text)
                && metadata::doc_type_of(&prev.text).is_none()
                && metadata::doc_number_line(&prev.text).is_none()
                && metadata::doc_type_of(t).is_some()
                && !t.contains(['。', '，', '；', '：'])
                && metadata::split_issuers(t).is_none()
                && prev.text.chars().count() + t.chars().count() <= 90;
            if joins {
                prev.text.push_str(t);
                prev.lines.1 = p.lines.1;
                continue;
            }
        }
        out.push(p.clone());
    }
    out
}

/// Splits a cleaned text into metadata, preamble unit(s) and body units.
pub fn parse_document(cleaned: &CleanedText) -> ParsedDocument {
    let paras = &cleaned.paragraphs;
    let start = body_start(paras).unwrap_or(paras.len());
    let front = join_broken_titles(&paras[..start]);
    let front = front.as_slice();
    let kinds: Vec<FrontKind> = front.iter().map(classify).collect();
    let titles: Vec<usize> = (0..front.len())
        .filter(|&i| kinds[i] == FrontKind::Title)
        .collect();

    let mut meta = DocumentMetadata::default();
    let mut units = Vec::new();

    // A covering notice: a first title ending in 通知, prose, then the
    // attached text's own title.
    let notice = match titles.as_slice() {
        [first, .., last]
            if front[*first].text.ends_with("通知")
                && (first + 1..*last).any(|i| kinds[i] == FrontKind::Prose) =>
        {
            Some((*first, *last))
        }
        _ => None,
    };

    let (title_idx, preamble): (Option<usize>, Vec<Paragraph>) = match notice {
        Some((n, t)) => {
            let notice_paras: Vec<Paragraph> = front[n + 1..t].to_vec();
            let mut notice_unit = draft("0", notice_paras);
            notice_unit.heading = Some(front[n].text.clone());
            units.push(notice_unit);
            meta.notice_title = Some(front[n].text.clone());
            let (issuers, _) = metadata::split_title(&front[n].text);
            if !issuers.is_empty() {
                meta.issuers = issuers;
                meta.sources
                    .push(source(cleaned, "issuers", front[n].lines.0));
            }
            let pre: Vec<Paragraph> = (t + 1..front.len())
                .filter(|&i| kinds[i] == FrontKind::Prose)
                .map(|i| front[i].clone())
                .collect();
            (Some(t), pre)
        }
        None => {
            let pre: Vec<Paragraph> = (0..front.len())
                .filter(|&i| kinds[i] == FrontKind::Prose)
                .map(|i| front[i].clone())
                .collect();
            (titles.first().copied(), pre)
        }
    };

    if let Some(t) = title_idx {
        let (issuers, title) = metadata::split_title(&front[t].text);
        if meta.issuers.is_empty() {
            if !issuers.is_empty() {
                meta.issuers = issuers;
                meta.sources
                    .push(source(cleaned, "issuers", front[t].lines.0));
            } else if let Some(i) = (0..t).rev().find(|&i| kinds[i] == FrontKind::Issuers) {
                meta.issuers = metadata::split_issuers(&front[i].text).unwrap_or_default();
                meta.sources
                    .push(source(cleaned, "issuers", front[i].lines.0));
            }
        }
        meta.doc_type = metadata::doc_type_of(&title).map(str::to_string);
        meta.title = Some(title);
        meta.sources
            .push(source(cleaned, "title", front[t].lines.0));
        if meta.doc_type.is_some() {
            meta.sources
                .push(source(cleaned, "doc_type", front[t].lines.0));
        }
    }
    if meta.title.is_none() {
        // A copy whose title survives only in the news lead or editor's
        // note the cleaning removed (`省委、省政府印发《…》，主要内容如下`).
        let stated = cleaned
            .removals
            .iter()
            .filter(|r| {
                matches!(
                    r.rule.as_str(),
                    news::rule::NEWS_LEAD | news::rule::EDITOR_NOTE
                )
            })
            .find_map(|r| news::issued_title(&r.text).map(|found| (r.line, found)));
        if let Some((line, (issuers, title))) = stated {
            if meta.issuers.is_empty() && !issuers.is_empty() {
                meta.issuers = issuers;
                meta.sources.push(source(cleaned, "issuers", line));
            }
            meta.doc_type = metadata::doc_type_of(&title).map(str::to_string);
            meta.title = Some(title);
            meta.sources.push(source(cleaned, "title", line));
            if meta.doc_type.is_some() {
                meta.sources.push(source(cleaned, "doc_type", line));
            }
        }
    }
    if let Some(i) = (0..front.len()).find(|&i| kinds[i] == FrontKind::Date) {
        meta.date = metadata::date_line(&front[i].text);
        meta.sources.push(source(cleaned, "date", front[i].lines.0));
    }
    if let Some(i) = (0..front.len()).find(|&i| kinds[i] == FrontKind::DocNumber) {
        meta.doc_number = metadata::doc_number_line(&front[i].text);
        meta.sources
            .push(source(cleaned, "doc_number", front[i].lines.0));
    }
    for p in paras {
        for c in metadata::find_citations(&p.text) {
            meta.citations.push(FoundCitation {
                citation: c,
                file: cleaned.file.clone(),
                line: p.lines.0,
                evidence: evidence(cleaned, p.lines.0),
            });
        }
    }

    let body_units = parse_body(&paras[start..]);
    // A signature block after the last clause (`中共中央 国务院` /
    // `2018年11月18日`) dates the document when the front matter does not.
    if meta.date.is_none() {
        let tail = body_units.last().map(|u| &u.paragraphs[1..]).unwrap_or(&[]);
        let signature = tail
            .iter()
            .rev()
            .take(3)
            .find(|p| metadata::date_line(&p.text).is_some());
        if let Some(p) = signature {
            meta.date = metadata::date_line(&p.text);
            meta.sources.push(source(cleaned, "date", p.lines.0));
        }
    }

    let preamble_path = if notice.is_some() { "0.1" } else { "0" };
    if !preamble.is_empty() {
        units.push(draft(preamble_path, preamble));
    }
    units.extend(body_units);
    if units.is_empty() {
        // Nothing but a title: keep it as the one unit so no text is lost.
        units.push(draft("0", paras.to_vec()));
    }
    ParsedDocument { meta, units }
}
