//! Raw policy text → normalized [`Document`]: the cleaning rules shared by
//! the native corpus pipeline and the browser's "import a text" feature.
//! Everything here is pure Rust (no file IO, no native library); the one
//! native-only step, Traditional → Simplified conversion, is passed in as a
//! [`ScriptConverter`] so the pipeline can use real OpenCC and the browser a
//! pure-Rust converter.
//!
//! The steps, in order (each one logs what it changed):
//! 1. [`validate_text`] — refuse empty, binary, huge or non-Chinese input;
//!    an HTML page is reduced to its text ([`html`], nothing executed);
//! 2. [`noise::remove_inline_noise`] — pinyin readings and ticker links
//!    injected into a line, then script conversion, line by line
//!    (`opencc-t2s` repairs);
//! 3. [`noise`] — chrome lines ([`Removal`]s);
//! 4. [`layout::split_paragraphs`] — lines → paragraphs;
//! 5. [`punctuation`] and [`spacing`] — canonical punctuation, PDF spaces;
//! 6. [`news`] — what a news or portal page puts above the text: table of
//!    contents, datelines, editor's notes, news leads, header strips,
//!    photo captions, posting dates;
//! 7. [`layout`] — repeated blocks, commentary sidebars, column breaks;
//! 8. [`flags`] — a cut-off end and censored characters, flagged, never
//!    guessed;
//! 9. front matter → [`metadata`], body → [`structure`] units;
//! 10. [`tagging`] — mechanisms and regions, each with rule and cue.

pub mod flags;
pub mod gazetteer;
pub mod heading;
pub mod html;
pub mod layout;
pub mod metadata;
pub mod news;
pub mod noise;
pub mod numbering;
pub mod paragraph;
pub mod punctuation;
pub mod spacing;
pub mod structure;
pub mod tagging;

mod front;

pub use front::{parse_document, DocumentMetadata, FoundCitation, ParsedDocument};

use crate::model::{
    Document, Level, MetadataOrigin, MetadataSource, RegionKind, Removal, Script, Witness,
    WitnessRole,
};
use crate::text_encoding::{decode_text, DecodedText, DetectedEncoding, TextRefusal};
use noise::SourceLine;
use paragraph::Paragraph;

/// Traditional → Simplified conversion, supplied by the caller: real OpenCC
/// natively, a pure-Rust converter in the browser.
pub trait ScriptConverter {
    /// Returns `text` in Simplified characters.
    fn to_simplified(&self, text: &str) -> String;
}

/// A converter that leaves text unchanged, for input known to be Simplified
/// (and for tests of the other rules).
pub struct IdentityConverter;

impl ScriptConverter for IdentityConverter {
    fn to_simplified(&self, text: &str) -> String {
        text.to_string()
    }
}

/// The largest input `import` accepts. Policy documents are tens of
/// kilobytes; anything this big is not one document.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// Why a text could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Nothing but whitespace.
    #[error("the input is empty (no text besides whitespace)")]
    Empty,
    /// A byte-order mark names an encoding the bytes do not fit
    /// ([`TextRefusal::Malformed`]).
    #[error("the input starts with a {} byte-order mark but is not valid {} (at byte {offset})", encoding.name(), encoding.name())]
    Malformed {
        /// The encoding the BOM declares.
        encoding: DetectedEncoding,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Neither UTF-8, UTF-16 nor GBK/GB18030 ([`TextRefusal::UnknownEncoding`]).
    #[error("the input is neither UTF-8, UTF-16 nor GBK/GB18030 text (first byte that is not UTF-8: {offset})")]
    UnknownEncoding {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// Too many control characters to be text.
    #[error("the input looks like a binary file ({control} control characters), not a text")]
    Binary {
        /// How many control characters the input holds.
        control: usize,
    },
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("the input is {bytes} bytes, more than the {limit}-byte limit for one document")]
    TooLarge {
        /// The input's size in bytes.
        bytes: usize,
        /// The limit ([`MAX_IMPORT_BYTES`]).
        limit: usize,
    },
    /// Too few Chinese characters to be a Chinese policy text.
    #[error("the input contains no Chinese text ({cjk} Chinese characters out of {chars}); policy-explorer imports Chinese policy documents")]
    NotChinese {
        /// How many Chinese characters the input holds.
        cjk: usize,
        /// How many characters it holds in all.
        chars: usize,
    },
}

impl From<TextRefusal> for ImportError {
    fn from(refusal: TextRefusal) -> Self {
        match refusal {
            TextRefusal::Binary { control } => ImportError::Binary { control },
            TextRefusal::Malformed { encoding, offset } => {
                ImportError::Malformed { encoding, offset }
            }
            TextRefusal::UnknownEncoding { offset } => ImportError::UnknownEncoding { offset },
        }
    }
}

/// Checks raw bytes before any processing: size, then the encoding
/// ([`decode_text`]: UTF-8 ± BOM, UTF-16LE/BE ± BOM, GBK/GB18030), then
/// [`validate_text`]. Returns the text and the encoding detected.
pub fn decode(bytes: &[u8]) -> Result<DecodedText<'_>, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let decoded = decode_text(bytes)?;
    validate_text(&decoded.text)?;
    Ok(decoded)
}

/// Refuses text that cannot be a Chinese policy document. An HTML page is
/// judged by the text it shows, not by its markup.
pub fn validate_text(raw: &str) -> Result<(), ImportError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: raw.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    if html::looks_like_html(raw) {
        return validate_plain(&html::html_to_text(raw).text);
    }
    validate_plain(raw)
}

fn validate_plain(raw: &str) -> Result<(), ImportError> {
    let mut chars = 0usize;
    let mut cjk = 0usize;
    let mut control = 0usize;
    for c in raw.chars().filter(|c| !c.is_whitespace()) {
        chars += 1;
        if punctuation::is_cjk(c) {
            cjk += 1;
        }
        if c.is_control() || c == '\u{FFFD}' {
            control += 1;
        }
    }
    if chars == 0 {
        return Err(ImportError::Empty);
    }
    if control * 100 > chars {
        return Err(ImportError::Binary { control });
    }
    if cjk < 2 || cjk * 10 < chars {
        return Err(ImportError::NotChinese { cjk, chars });
    }
    Ok(())
}

/// A raw text after the cleaning rules, before structure parsing.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanedText {
    /// Raw file name the text came from.
    pub file: String,
    /// The cleaned paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// Everything the cleaning rules removed, for the removal log.
    pub removals: Vec<Removal>,
    /// The script as received.
    pub script: Script,
    /// The raw lines (1-based index = line number − 1), for evidence.
    pub raw_lines: Vec<String>,
}

/// Rule id of the script conversion repair.
pub const RULE_T2S: &str = "opencc-t2s";
/// Rule id of the punctuation canonicalization repair (GB/T 15834).
pub const RULE_PUNCTUATION: &str = "punctuation-gbt15834";
/// Rule id of the repair that removes spaces a PDF left between Chinese characters.
pub const RULE_PDF_SPACE: &str = "pdf-space-between-cjk";

/// Number of characters `converted` differs from `original` in.
fn changed_chars(original: &str, converted: &str) -> usize {
    let a: Vec<char> = original.chars().collect();
    let b: Vec<char> = converted.chars().collect();
    let common = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    common + a.len().abs_diff(b.len())
}

/// Runs steps 1–8: validation, script conversion, noise removal, paragraph
/// splitting, punctuation and spacing, front-matter rules, layout repairs,
/// flags.
pub fn clean_text(
    raw: &str,
    file: &str,
    converter: &dyn ScriptConverter,
) -> Result<CleanedText, ImportError> {
    let mut conversion = LineConversion::new(raw, file)?;
    conversion.convert(converter, usize::MAX);
    let mut pass = conversion.into_paragraphs();
    pass.canonicalize(usize::MAX);
    Ok(pass.finish())
}

/// Steps 1–2 line by line, so a caller can do them in slices (the browser
/// yields to the page between slices), then the rest of [`clean_text`].
struct LineConversion {
    file: String,
    raw_lines: Vec<String>,
    next: usize,
    t2s_counts: Vec<(usize, Option<String>)>,
    lines: Vec<SourceLine>,
    changed_total: usize,
    cjk_total: usize,
    removals: Vec<Removal>,
}

impl LineConversion {
    fn new(raw: &str, file: &str) -> Result<LineConversion, ImportError> {
        validate_text(raw)?;
        // A saved web page is read as the text it shows; its line numbers are
        // those of that text from here on.
        let page = html::looks_like_html(raw).then(|| html::html_to_text(raw));
        let raw = page.as_ref().map_or(raw, |p| p.text.as_str());
        let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
        let raw_lines: Vec<String> = raw
            .lines()
            .map(|l| l.trim_end_matches('\r').to_string())
            .collect();
        let removals: Vec<Removal> = page
            .iter()
            .flat_map(|p| &p.removed)
            .map(|(line, text)| Removal {
                file: file.to_string(),
                line: *line,
                rule: html::RULE_NON_TEXT.to_string(),
                text: text.clone(),
            })
            .collect();
        Ok(LineConversion {
            file: file.to_string(),
            t2s_counts: Vec::with_capacity(raw_lines.len()),
            lines: Vec::with_capacity(raw_lines.len()),
            raw_lines,
            next: 0,
            changed_total: 0,
            cjk_total: 0,
            removals,
        })
    }

    /// Converts up to `max_lines` more lines; true when all are done.
    fn convert(&mut self, converter: &dyn ScriptConverter, max_lines: usize) -> bool {
        let end = self
            .raw_lines
            .len()
            .min(self.next.saturating_add(max_lines));
        for i in self.next..end {
            let raw_line = &self.raw_lines[i];
            // Pinyin readings and ticker links go before conversion, so the
            // converter sees whole words.
            let (l, removed) = noise::remove_inline_noise(raw_line);
            self.removals
                .extend(removed.into_iter().map(|(rule, text)| Removal {
                    file: self.file.clone(),
                    line: i + 1,
                    rule: rule.to_string(),
                    text,
                }));
            // Script conversion keeps line boundaries, so line numbers stay
            // valid.
            let converted = converter.to_simplified(&l);
            let changed = changed_chars(&l, &converted);
            self.changed_total += changed;
            self.cjk_total += l.chars().filter(|c| punctuation::is_cjk(*c)).count();
            let example = (changed > 0)
                .then(|| first_difference(&l, &converted))
                .flatten();
            self.t2s_counts.push((changed, example));
            self.lines.push(SourceLine {
                no: i + 1,
                text: converted,
            });
        }
        self.next = end;
        self.next == self.raw_lines.len()
    }

    /// Steps 3–4 on the converted lines: chrome lines out, lines →
    /// paragraphs.
    fn into_paragraphs(self) -> ParagraphPass {
        let LineConversion {
            file,
            raw_lines,
            t2s_counts,
            lines,
            changed_total,
            cjk_total,
            mut removals,
            ..
        } = self;
        let script = if changed_total >= 3 && changed_total * 100 >= cjk_total {
            Script::Traditional
        } else {
            Script::Simplified
        };
        let (lines, chrome) = noise::remove_chrome_lines(lines, &file);
        removals.extend(chrome);
        let paras = layout::split_paragraphs(&lines);
        ParagraphPass {
            file,
            raw_lines,
            t2s_counts,
            script,
            removals,
            paras,
            credited: std::collections::HashSet::new(),
            next: 0,
        }
    }
}

/// Step 5 paragraph by paragraph (so it can be sliced), then steps 6–8.
struct ParagraphPass {
    file: String,
    raw_lines: Vec<String>,
    t2s_counts: Vec<(usize, Option<String>)>,
    script: Script,
    removals: Vec<Removal>,
    paras: Vec<Paragraph>,
    credited: std::collections::HashSet<usize>,
    next: usize,
}

impl ParagraphPass {
    /// Canonical punctuation and PDF spaces for up to `max` more
    /// paragraphs; true when all are done.
    fn canonicalize(&mut self, max: usize) -> bool {
        let end = self.paras.len().min(self.next.saturating_add(max));
        for p in &mut self.paras[self.next..end] {
            // A line split into several paragraphs: its conversion count is
            // credited to the first piece only.
            if self.credited.insert(p.lines.0) {
                let (changed, example) = &self.t2s_counts[p.lines.0 - 1];
                p.record(RULE_T2S, *changed, example.clone());
            }
            let canon = punctuation::canonicalize_punctuation_counted(&p.text);
            p.record(RULE_PUNCTUATION, canon.changes, canon.example);
            let despaced = spacing::remove_cjk_spaces(&canon.text);
            p.record(RULE_PDF_SPACE, despaced.removed, despaced.example);
            p.text = despaced.text;
        }
        self.next = end;
        self.next == self.paras.len()
    }

    /// Steps 6–8: front matter, layout repairs, flags.
    fn finish(self) -> CleanedText {
        let ParagraphPass {
            file,
            raw_lines,
            script,
            mut removals,
            mut paras,
            ..
        } = self;
        let file = file.as_str();
        paras.retain(|p| !p.text.is_empty());

        let paras = layout::split_glued_leads(paras);
        let (paras, r) = news::clean_front(paras, file);
        removals.extend(r);
        let (paras, r) = layout::collapse_repeated(paras, file);
        removals.extend(r);
        let (paras, r) = layout::splice_sidebars(paras, file);
        removals.extend(r);
        let mut paragraphs = layout::join_column_breaks(paras);
        flags::flag(&mut paragraphs, file, &mut removals);
        removals.sort_by_key(|r| r.line);

        CleanedText {
            file: file.to_string(),
            paragraphs,
            removals,
            script,
            raw_lines,
        }
    }
}

/// `發 → 发` for the first character conversion changed.
fn first_difference(a: &str, b: &str) -> Option<String> {
    a.chars()
        .zip(b.chars())
        .find(|(x, y)| x != y)
        .map(|(x, y)| format!("{x} → {y}"))
}

/// A URL-safe document id from a file name: `my file.txt` → `my-file`.
pub fn id_from_file_name(file_name: &str) -> String {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "imported".into()
    } else {
        id
    }
}

/// The whole single-document pipeline: raw text → tagged [`Document`].
/// Metadata the text does not state is `None`; the document id comes from
/// the file name.
pub fn import_document(
    raw: &str,
    file_name: &str,
    converter: &dyn ScriptConverter,
) -> Result<Document, ImportError> {
    let mut job = ImportJob::new(raw, file_name)?;
    loop {
        if let Some(doc) = job.step(converter, usize::MAX) {
            return Ok(doc);
        }
    }
}

/// Where an [`ImportJob`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStage {
    /// Cleaning and converting raw lines (`done`/`total` lines).
    Convert,
    /// Canonical punctuation and spacing (`done`/`total` paragraphs).
    Paragraphs,
    /// Whole-document passes: front matter, layout, structure, mechanism
    /// tags (`done`/`total` passes).
    Structure,
    /// Tagging units with regions (`done`/`total` units).
    Tag,
}

/// How far an [`ImportJob`] has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// The stage in progress.
    pub stage: ImportStage,
    /// Lines or units done in this stage.
    pub done: usize,
    /// Lines or units in this stage.
    pub total: usize,
}

/// [`import_document`] in slices: each [`ImportJob::step`] does a bounded
/// amount of work, so the browser can paint, scroll and answer a Cancel
/// button between slices (dropping the job cancels it). The result is the
/// same document `import_document` returns: that function is this job
/// run in one slice.
pub struct ImportJob {
    file: String,
    stage: JobStage,
}

enum JobStage {
    Convert(LineConversion),
    Paragraphs(Box<ParagraphPass>),
    Layout(Box<ParagraphPass>),
    Parse(Box<CleanedText>),
    Mechanisms(Box<Tagging>),
    Tag(Box<Tagging>),
    Finished,
}

struct Tagging {
    units: Vec<crate::model::Unit>,
    next: usize,
    matcher: tagging::RegionMatcher,
    meta: DocumentMetadata,
    script: Script,
    removals: Vec<Removal>,
}

impl ImportJob {
    /// Validates `raw` (step 1) and prepares the job.
    pub fn new(raw: &str, file_name: &str) -> Result<ImportJob, ImportError> {
        Ok(ImportJob {
            file: file_name.to_string(),
            stage: JobStage::Convert(LineConversion::new(raw, file_name)?),
        })
    }

    /// The progress so far.
    pub fn progress(&self) -> ImportProgress {
        match &self.stage {
            JobStage::Convert(c) => ImportProgress {
                stage: ImportStage::Convert,
                done: c.next,
                total: c.raw_lines.len(),
            },
            JobStage::Paragraphs(p) => ImportProgress {
                stage: ImportStage::Paragraphs,
                done: p.next,
                total: p.paras.len(),
            },
            JobStage::Layout(_) => ImportProgress {
                stage: ImportStage::Structure,
                done: 0,
                total: 3,
            },
            JobStage::Parse(_) => ImportProgress {
                stage: ImportStage::Structure,
                done: 1,
                total: 3,
            },
            JobStage::Mechanisms(_) => ImportProgress {
                stage: ImportStage::Structure,
                done: 2,
                total: 3,
            },
            JobStage::Tag(t) => ImportProgress {
                stage: ImportStage::Tag,
                done: t.next,
                total: t.units.len(),
            },
            JobStage::Finished => ImportProgress {
                stage: ImportStage::Tag,
                done: 0,
                total: 0,
            },
        }
    }

    /// Does up to `budget` lines, paragraphs or units of work, or one
    /// whole-document pass (front matter and layout; structure; mechanism
    /// tags). Returns the document when done; `None` after a finished job.
    pub fn step(&mut self, converter: &dyn ScriptConverter, budget: usize) -> Option<Document> {
        let budget = budget.max(1);
        match std::mem::replace(&mut self.stage, JobStage::Finished) {
            JobStage::Convert(mut conversion) => {
                self.stage = if conversion.convert(converter, budget) {
                    JobStage::Paragraphs(Box::new(conversion.into_paragraphs()))
                } else {
                    JobStage::Convert(conversion)
                };
                None
            }
            JobStage::Paragraphs(mut pass) => {
                self.stage = if pass.canonicalize(budget) {
                    JobStage::Layout(pass)
                } else {
                    JobStage::Paragraphs(pass)
                };
                None
            }
            JobStage::Layout(pass) => {
                self.stage = JobStage::Parse(Box::new(pass.finish()));
                None
            }
            JobStage::Parse(cleaned) => {
                self.stage = JobStage::Mechanisms(Box::new(self.structure(*cleaned)));
                None
            }
            JobStage::Mechanisms(mut t) => {
                tagging::tag_mechanisms(&mut t.units);
                self.stage = JobStage::Tag(t);
                None
            }
            JobStage::Tag(mut t) => {
                let end = t.units.len().min(t.next.saturating_add(budget));
                tagging::tag_regions(&mut t.units[t.next..end], &t.matcher);
                t.next = end;
                if end == t.units.len() {
                    Some(self.document(*t))
                } else {
                    self.stage = JobStage::Tag(t);
                    None
                }
            }
            JobStage::Finished => None,
        }
    }

    /// Step 9: front matter → metadata, body → units.
    fn structure(&self, cleaned: CleanedText) -> Tagging {
        let parsed = parse_document(&cleaned);
        let regions = gazetteer::regions().unwrap_or_default();
        let matcher = tagging::RegionMatcher::new(&regions);
        let units: Vec<_> = parsed
            .units
            .into_iter()
            .map(|u| u.into_unit(&self.file))
            .collect();
        Tagging {
            units,
            next: 0,
            matcher,
            meta: parsed.meta,
            script: cleaned.script,
            removals: cleaned.removals,
        }
    }

    fn document(&self, t: Tagging) -> Document {
        let file_name = self.file.as_str();
        let meta = t.meta;
        let mut sources = meta.sources.clone();
        let (jurisdiction, level) = jurisdiction_from_issuers(&meta.issuers, &t.matcher);
        let implied = [
            ("jurisdiction", jurisdiction.clone()),
            ("level", level.map(|l| l.id().to_string())),
        ];
        for (field, value) in implied {
            if let Some(v) = value {
                sources.push(MetadataSource {
                    field: field.into(),
                    origin: MetadataOrigin::Issuers,
                    file: Some(file_name.to_string()),
                    line: None,
                    evidence: format!("{} → {v}", meta.issuers.join("、")),
                });
            }
        }
        let title = meta.title.clone().unwrap_or_else(|| file_name.to_string());
        Document {
            id: id_from_file_name(file_name),
            title,
            issuers: meta.issuers.clone(),
            jurisdiction,
            level,
            doc_type: meta.doc_type.clone(),
            date: meta.date.clone(),
            doc_number: meta.doc_number.clone(),
            metadata_sources: sources,
            witnesses: vec![Witness {
                file: file_name.to_string(),
                role: WitnessRole::Primary,
                description: "imported text".into(),
                script: t.script,
            }],
            units: t.units,
            removals: t.removals,
            witness_readings: Vec::new(),
        }
    }
}

/// Jurisdiction and level implied by who issued a document: central party
/// and state organs → `cn`/central, 国家…委 or …部 → `cn`/ministry, a
/// province's organs → that province/provincial; organs named only as
/// `省委`/`省政府` → provincial, province unknown. `None` when unclear.
pub fn jurisdiction_from_issuers(
    issuers: &[String],
    matcher: &tagging::RegionMatcher,
) -> (Option<String>, Option<Level>) {
    if issuers
        .iter()
        .any(|i| i == "中共中央" || i.starts_with("国务院"))
    {
        return (Some("cn".into()), Some(Level::Central));
    }
    if issuers
        .iter()
        .any(|i| i.starts_with("国家") || i.ends_with('部'))
    {
        return (Some("cn".into()), Some(Level::Ministry));
    }
    let provinces = gazetteer::regions().unwrap_or_default();
    for i in issuers {
        for tag in matcher.tag(i) {
            if provinces.iter().any(|r| {
                r.id == tag.id
                    && r.parent.as_deref() == Some("cn")
                    && r.kind != RegionKind::StrategyArea
            }) {
                return (Some(tag.id), Some(Level::Provincial));
            }
        }
    }
    // `省委、省政府` as a provincial newspaper writes them: a provincial
    // document, of a province the text does not name.
    if !issuers.is_empty()
        && issuers
            .iter()
            .all(|i| i.starts_with('省') || i.starts_with("自治区"))
    {
        return (None, Some(Level::Provincial));
    }
    (None, None)
}

#[cfg(test)]
mod tests;
