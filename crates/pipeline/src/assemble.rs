//! Corpus assembly: manifest + raw files → [`Corpus`], rendered as
//! deterministic JSON, written atomically, and checked for drift.

use crate::collate::collate;
use crate::manifest::{Manifest, ManifestDocument, ManifestError};
use crate::opencc::{OpenCcConverter, OpenCcError};
use crate::paths;
use crate::substitutions::{learn_substitutions, AlignedText};
use policy_core::compare::align::{aligned_sections, AlignOptions};
use policy_core::ingest::{self, gazetteer, tagging, CleanedText, ImportError, ParsedDocument};
use policy_core::model::{
    Corpus, Document, Mechanism, MechanismInfo, MechanismTag, MetadataOrigin, MetadataSource,
    RegionInfo, SourceFile, SubstitutionPair, Unit, UnitKind, Witness, WitnessRole, SCHEMA_VERSION,
};
use policy_core::segment::Segmenter;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Why the corpus could not be built, written or checked.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The manifest is unusable.
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    /// OpenCC could not be loaded.
    #[error(transparent)]
    OpenCc(#[from] OpenCcError),
    /// A raw file could not be imported.
    #[error("{file}: {source}")]
    Import {
        /// The raw file name.
        file: String,
        /// Why the import failed.
        source: ImportError,
    },
    /// The gazetteer is invalid.
    #[error(transparent)]
    Gazetteer(#[from] gazetteer::GazetteerError),
    /// The jieba segmenter could not be built.
    #[error("cannot load the segmenter: {0}")]
    Segmenter(String),
    /// The corpus could not be serialized to JSON.
    #[error("cannot serialize the corpus: {0}")]
    Json(#[from] serde_json::Error),
}

fn read(path: &Path) -> Result<Vec<u8>, PipelineError> {
    std::fs::read(path).map_err(|source| PipelineError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// FNV-1a 64-bit (the `fnv` crate) as 16 hex digits: a cheap fingerprint of
/// each raw file so an edited raw copy shows up as a corpus diff. The format
/// is part of `corpus.json` (`digest`); the test below pins it.
pub fn fnv1a64(bytes: &[u8]) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

struct Witnessed {
    file: String,
    role: WitnessRole,
    description: String,
    cleaned: CleanedText,
    parsed: ParsedDocument,
    units: Vec<Unit>,
}

fn load_witness(
    root: &Path,
    w: &crate::manifest::ManifestWitness,
    converter: &OpenCcConverter,
) -> Result<(Witnessed, SourceFile, Vec<u8>), PipelineError> {
    let path = root.join(paths::RAW_DIR).join(&w.file);
    let bytes = read(&path)?;
    let text = ingest::decode(&bytes).map_err(|source| PipelineError::Import {
        file: w.file.clone(),
        source,
    })?;
    let cleaned = ingest::clean_text(&text.text, &w.file, converter).map_err(|source| {
        PipelineError::Import {
            file: w.file.clone(),
            source,
        }
    })?;
    let parsed = ingest::parse_document(&cleaned);
    let units = parsed
        .units
        .iter()
        .cloned()
        .map(|d| d.into_unit(&w.file))
        .collect();
    let source = SourceFile {
        file: w.file.clone(),
        document: String::new(),
        bytes: bytes.len(),
        digest: fnv1a64(&bytes),
    };
    Ok((
        Witnessed {
            file: w.file.clone(),
            role: w.role,
            description: w.description.clone(),
            cleaned,
            parsed,
            units,
        },
        source,
        bytes,
    ))
}

/// Builds the whole corpus from the repository at `root`.
pub fn build_corpus(root: &Path) -> Result<Corpus, PipelineError> {
    let manifest_path = root.join(paths::MANIFEST);
    let manifest_text = String::from_utf8_lossy(&read(&manifest_path)?).into_owned();
    let manifest = Manifest::parse(&manifest_text)?;
    let converter = OpenCcConverter::t2s()?;
    let regions = gazetteer::regions()?;
    let matcher = tagging::RegionMatcher::new(&regions);
    let segmenter =
        Segmenter::with_regions(&regions).map_err(|e| PipelineError::Segmenter(e.to_string()))?;

    let mut documents = Vec::new();
    let mut sources = Vec::new();
    let mut substitutions = Vec::new();
    let mut citations = Vec::new();
    for md in &manifest.documents {
        let mut witnesses = Vec::new();
        for w in &md.witnesses {
            let (witnessed, mut source, _) = load_witness(root, w, &converter)?;
            source.document = md.id.clone();
            sources.push(source);
            witnesses.push(witnessed);
        }
        for w in &witnesses {
            citations.extend(w.parsed.meta.citations.iter().cloned());
        }
        let (doc, learned) = assemble_document(md, witnesses, &matcher, &segmenter);
        substitutions.extend(learned);
        documents.push(doc);
    }
    fill_cited_numbers(&mut documents, &citations);

    let mut corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        documents,
        mechanisms: Mechanism::ALL
            .into_iter()
            .map(|m| MechanismInfo {
                id: m,
                name_zh: m.name_zh().into(),
                name_en: m.name_en().into(),
            })
            .collect(),
        regions,
        substitutions,
        sources,
    };
    // Restoration needs every document: the others quote the reworded one.
    crate::restore::restore_corpus(&mut corpus, crate::restore::Params::default(), None)
        .map_err(|e| PipelineError::Segmenter(e.to_string()))?;
    // Alignment reads the restored readings, so it comes after them.
    if let Some(vocabulary) = manifest.documents.iter().find(|d| d.defines_mechanisms) {
        tag_through_alignment(&mut corpus.documents, &vocabulary.id);
    }
    Ok(corpus)
}

fn manifest_source(field: &str, note: &str) -> MetadataSource {
    MetadataSource {
        field: field.into(),
        origin: MetadataOrigin::Manifest,
        file: None,
        line: None,
        evidence: note.into(),
    }
}

/// One document from its witnesses: collated when there is a reworded
/// witness, tagged, with metadata from the primary witness's text and the
/// manifest.
fn assemble_document(
    md: &ManifestDocument,
    mut witnesses: Vec<Witnessed>,
    matcher: &tagging::RegionMatcher,
    segmenter: &Segmenter,
) -> (Document, Vec<SubstitutionPair>) {
    let primary_idx = witnesses
        .iter()
        .position(|w| w.role == WitnessRole::Primary)
        .unwrap_or(0);
    let reworded_idx = witnesses
        .iter()
        .position(|w| w.role == WitnessRole::Reworded);
    let mut learned = Vec::new();
    let mut witness_readings = Vec::new();
    let mut units = match reworded_idx {
        Some(r) => {
            let c = collate(&witnesses[primary_idx].units, &witnesses[r].units);
            let texts: Vec<AlignedText> = c
                .aligned
                .iter()
                .map(|p| AlignedText {
                    path: &p.path,
                    original: &p.faithful,
                    reworded: &p.reworded,
                })
                .collect();
            learned = learn_substitutions(segmenter, &texts);
            witness_readings = c.readings;
            c.units
        }
        None => std::mem::take(&mut witnesses[primary_idx].units),
    };
    tagging::tag_mechanisms(&mut units);
    if md.defines_mechanisms {
        tag_by_vocabulary_section(&mut units);
    }
    tagging::tag_regions(&mut units, matcher);

    let primary = &witnesses[primary_idx];
    let meta = &primary.parsed.meta;
    let mut sources = meta.sources.clone();
    if let (Some(_), Some(note)) = (&md.jurisdiction, &md.jurisdiction_note) {
        sources.push(manifest_source("jurisdiction", note));
    }
    if let (Some(_), Some(note)) = (&md.level, &md.level_note) {
        sources.push(manifest_source("level", note));
    }
    let mut removals = Vec::new();
    for w in &witnesses {
        removals.extend(w.cleaned.removals.iter().cloned());
    }
    let doc = Document {
        id: md.id.clone(),
        title: meta.title.clone().unwrap_or_else(|| primary.file.clone()),
        issuers: meta.issuers.clone(),
        jurisdiction: md.jurisdiction.clone(),
        level: md.level(),
        doc_type: meta.doc_type.clone(),
        date: meta.date.clone(),
        doc_number: meta.doc_number.clone(),
        metadata_sources: sources,
        witnesses: witnesses
            .iter()
            .map(|w| Witness {
                file: w.file.clone(),
                role: w.role,
                description: w.description.clone(),
                script: w.cleaned.script,
            })
            .collect(),
        units,
        removals,
        witness_readings,
    };
    (doc, learned)
}

/// The 2018 opinion's sections define the mechanism vocabulary in order
/// (一、总体要求 … 十、组织实施), so its section N and everything under it
/// carry mechanism N — even where only the reworded witness has the heading
/// and the rewording garbled it (五、优化区域合作机制 for 互助).
fn tag_by_vocabulary_section(units: &mut [Unit]) {
    let headings: Vec<(String, String)> = units
        .iter()
        .filter(|u| u.kind == UnitKind::Section)
        .map(|u| {
            (
                u.path.0.clone(),
                format!("{}{}", u.label, u.heading.clone().unwrap_or_default()),
            )
        })
        .collect();
    for u in units.iter_mut() {
        let section = u.path.as_str().split('.').next().unwrap_or("");
        let Ok(n) = section.parse::<usize>() else {
            continue;
        };
        let (Some(m), Some((_, cue))) = (
            Mechanism::ALL.get(n.wrapping_sub(1)),
            headings.iter().find(|(p, _)| p == section),
        ) else {
            continue;
        };
        u.mechanisms = vec![MechanismTag {
            id: *m,
            rule: "vocabulary-section".into(),
            cue: cue.clone(),
        }];
    }
}

/// Units no cue tags with a mechanism (the 2016 opinion's sections 二、三
/// use none of the 2018 vocabulary) take the mechanism of the section of
/// the vocabulary document their first choice of counterpart belongs to, so
/// the mechanism filter finds them. The tag records the rule, the
/// counterpart and how sure the pair is (`alignment_methods` measures how
/// often such a section is right on the gold standard).
fn tag_through_alignment(documents: &mut [Document], vocabulary_id: &str) {
    let Some(source) = documents.iter().find(|d| d.id == vocabulary_id).cloned() else {
        return;
    };
    let options = AlignOptions::default();
    for doc in documents.iter_mut().filter(|d| d.id != source.id) {
        let matches = aligned_sections(doc, &source, &options);
        for (unit, found) in doc.units.iter_mut().zip(matches) {
            let Some(found) = found.filter(|_| unit.mechanisms.is_empty()) else {
                continue;
            };
            let heading = source
                .unit(&found.section)
                .map(|s| format!("{}{}", s.label, s.reading_heading().unwrap_or_default()))
                .unwrap_or_default();
            unit.mechanisms = found
                .mechanisms
                .iter()
                .map(|&id| MechanismTag {
                    id,
                    rule: tagging::rule::ALIGNED_SECTION.into(),
                    cue: format!(
                        "{} {} ({}) ⊂ {heading}",
                        source.id,
                        found.unit,
                        found.relation.id()
                    ),
                })
                .collect();
        }
    }
}

/// A document whose text does not state its number may be cited with it
/// by another (`《中共中央、国务院关于…的意见》（中发〔2018〕43号）`): take it,
/// recording the citing file and line.
fn fill_cited_numbers(documents: &mut [Document], citations: &[ingest::FoundCitation]) {
    for d in documents.iter_mut() {
        if d.doc_number.is_some() {
            continue;
        }
        let found = citations.iter().find(|c| {
            c.citation.title.ends_with(&d.title)
                && d.issuers
                    .iter()
                    .all(|i| c.citation.title.contains(i.as_str()))
                && !d.witnesses.iter().any(|w| w.file == c.file)
        });
        if let Some(c) = found {
            d.doc_number = Some(c.citation.doc_number.clone());
            d.metadata_sources.push(MetadataSource {
                field: "doc_number".into(),
                origin: MetadataOrigin::Raw,
                file: Some(c.file.clone()),
                line: Some(c.line),
                evidence: c.evidence.clone(),
            });
        }
    }
}

/// The corpus as committed: pretty JSON with a final newline. Field order
/// follows the model and every list is built in a fixed order, so the same
/// inputs always give the same bytes.
pub fn render_corpus(corpus: &Corpus) -> Result<String, PipelineError> {
    let mut s = serde_json::to_string_pretty(corpus)?;
    s.push('\n');
    Ok(s)
}

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so a failure never leaves a partial corpus behind.
pub fn write_corpus(path: &Path, contents: &str) -> Result<(), PipelineError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("corpus"),
        std::process::id()
    ));
    let write = |p: &Path| {
        std::fs::write(p, contents).map_err(|source| PipelineError::Write {
            path: p.to_path_buf(),
            source,
        })
    };
    write(&tmp)?;
    std::fs::rename(&tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        PipelineError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Result of comparing the committed corpus with a fresh build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckOutcome {
    /// The committed corpus equals a fresh build.
    UpToDate,
    /// There is no committed corpus.
    Missing,
    /// Differs; the first differing line (1-based) for the message.
    Drifted {
        /// 1-based line of the first difference.
        first_difference_line: usize,
    },
}

/// Rebuilds the corpus in memory and compares it with the committed file.
pub fn check_corpus(root: &Path) -> Result<CheckOutcome, PipelineError> {
    let fresh = render_corpus(&build_corpus(root)?)?;
    let path = root.join(paths::CORPUS);
    let Ok(committed) = std::fs::read_to_string(&path) else {
        return Ok(CheckOutcome::Missing);
    };
    if committed == fresh {
        return Ok(CheckOutcome::UpToDate);
    }
    let line = committed
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()));
    Ok(CheckOutcome::Drifted {
        first_difference_line: line + 1,
    })
}

/// Regions as listed in the corpus (the gazetteer, unchanged).
pub fn corpus_regions() -> Result<Vec<RegionInfo>, PipelineError> {
    Ok(gazetteer::regions()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_reference_values() {
        assert_eq!(fnv1a64(b""), "cbf29ce484222325");
        assert_eq!(fnv1a64(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("policy-pipeline-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("corpus.json");
        write_corpus(&path, "one").unwrap();
        write_corpus(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
