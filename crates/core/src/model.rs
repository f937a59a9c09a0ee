//! The normalized corpus: the one data contract shared by the pipeline that
//! writes `corpus/corpus.json`, the CLI that reads it and the app that bundles
//! it. Changing a field here is a schema change: bump [`SCHEMA_VERSION`] and
//! update `docs/corpus-schema.json` and `docs/corpus-format.md`.
//!
//! Everything that is not stated by a raw text or the reviewed manifest is
//! `None`/`null`: unknown stays unknown.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Version of the JSON layout below. Readers refuse other major versions.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole normalized corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Layout version of this file; must equal [`SCHEMA_VERSION`] to load.
    pub schema_version: u32,
    /// The documents, in the order the app lists them.
    pub documents: Vec<Document>,
    /// The fixed mechanism vocabulary, in the order the 2018 opinion uses.
    pub mechanisms: Vec<MechanismInfo>,
    /// The gazetteer used for region tagging and the region filter.
    pub regions: Vec<RegionInfo>,
    /// Word substitutions learned by comparing the two witnesses of the 2018
    /// opinion (faithful newspaper text vs machine-reworded copy).
    #[serde(default)]
    pub substitutions: Vec<SubstitutionPair>,
    /// Every raw file the corpus was built from.
    #[serde(default)]
    pub sources: Vec<SourceFile>,
}

/// One policy document, possibly collated from several witnesses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id used in URLs, e.g. `central-2018`, `sichuan`.
    pub id: String,
    /// The title as printed, e.g. 关于建立更加有效的区域协调发展新机制的意见.
    pub title: String,
    /// The issuing bodies, in the order printed.
    pub issuers: Vec<String>,
    /// Region id of the issuing jurisdiction (`cn` for the national level).
    pub jurisdiction: Option<String>,
    /// Administrative level of the issuing body, when known.
    pub level: Option<Level>,
    /// 意见 / 实施方案 / 实施意见 / 指导意见 …
    pub doc_type: Option<String>,
    /// ISO `YYYY-MM-DD`: the date the document was made, never a posting date.
    pub date: Option<String>,
    /// Canonical form, e.g. `发改地区〔2016〕1771号`.
    pub doc_number: Option<String>,
    /// Where each metadata field's value came from (field name → source).
    #[serde(default)]
    pub metadata_sources: Vec<MetadataSource>,
    /// The raw files that carry this document, most faithful first.
    pub witnesses: Vec<Witness>,
    /// Units in reading order (a flat list; the hierarchy is in `path`).
    pub units: Vec<Unit>,
    /// Everything the cleaning rules removed from this document's raw files.
    #[serde(default)]
    pub removals: Vec<Removal>,
    /// What the *other* witnesses read for each unit, so the witness view
    /// can show both copies side by side: the reworded copy's text where the
    /// reading text is the faithful one, and the faithful fragment where the
    /// reading text had to come from the reworded copy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub witness_readings: Vec<WitnessReading>,
}

/// One witness's reading of one unit (see [`Document::witness_readings`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WitnessReading {
    /// The unit's path in the collated document.
    pub path: UnitPath,
    /// The raw file this reading comes from.
    pub file: String,
    /// The witness's text of the unit, cleaned like the reading text.
    pub text: String,
    /// True when this witness has only part of the unit (it stops
    /// mid-sentence or lost sentences in the layout).
    pub partial: bool,
}

/// Administrative level of the issuing body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Issued by the Central Committee or the State Council.
    Central,
    /// Issued by a ministry or commission (e.g. 国家发展改革委).
    Ministry,
    /// Issued by a provincial-level government.
    Provincial,
}

impl Level {
    /// Every level, in display order (used by filters and facets).
    pub const ALL: [Level; 3] = [Level::Central, Level::Ministry, Level::Provincial];

    /// The stable id written in the corpus and in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Ministry => "ministry",
            Level::Provincial => "provincial",
        }
    }

    /// The level whose [`Level::id`] is `id`, if any.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// Where a metadata value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetadataOrigin {
    /// Stated in a raw file.
    Raw,
    /// Hand-known and reviewed, from `corpus/manifest.toml`.
    Manifest,
    /// Implied by the issuers (jurisdiction and level of an imported text).
    Issuers,
}

/// Where one metadata value was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetadataSource {
    /// The `Document` field, e.g. `doc_number`.
    pub field: String,
    /// Where the value came from.
    pub origin: MetadataOrigin,
    /// Raw file name when `origin` is `raw`.
    pub file: Option<String>,
    /// 1-based line in that raw file.
    pub line: Option<usize>,
    /// The text as found before canonicalisation, or the manifest's note.
    pub evidence: String,
}

/// What a witness is worth as a source of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WitnessRole {
    /// The most faithful copy; the reading text comes from it.
    Primary,
    /// Another faithful copy, used to fill gaps.
    Secondary,
    /// A copy passed through a synonym-swapping tool.
    Reworded,
}

impl WitnessRole {
    /// The id the corpus and the manifest write.
    pub fn id(self) -> &'static str {
        match self {
            WitnessRole::Primary => "primary",
            WitnessRole::Secondary => "secondary",
            WitnessRole::Reworded => "reworded",
        }
    }
}

/// The script a text was received in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Script {
    /// Simplified characters.
    Simplified,
    /// Traditional characters (converted to Simplified on the way in).
    Traditional,
}

/// One raw file that carries (part of) a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Witness {
    /// Raw file name under `corpus/raw/`.
    pub file: String,
    /// How faithful this copy is.
    pub role: WitnessRole,
    /// Where the copy comes from, in the manifest's words.
    pub description: String,
    /// The script as received.
    pub script: Script,
}

/// A numbered (or lead) unit of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Stable address: `0` preamble, `2` section 二、, `2.4` clause （四） under
    /// 二、, `3.2.1` item 1. under 三、（二）.
    pub path: UnitPath,
    /// The number as printed, e.g. `二、`, `（四）`, `1.`, `——`; empty for a preamble.
    pub label: String,
    /// What kind of unit it is (section, clause, item …).
    pub kind: UnitKind,
    /// The lead phrase up to the first 。 when the unit has one, or a
    /// section's title.
    pub heading: Option<String>,
    /// The unit's cleaned reading text (without the label).
    pub text: String,
    /// Mechanisms the tagging rules assigned to this unit.
    pub mechanisms: Vec<MechanismTag>,
    /// Regions this unit mentions.
    pub regions: Vec<RegionTag>,
    /// Where the text came from and what was repaired.
    pub provenance: Provenance,
    /// The restored reading when `text` comes only from a machine-reworded
    /// witness (see [`crate::restoration`]); `text` stays the witness text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored: Option<crate::restoration::RestoredReading>,
}

/// What kind of numbered unit this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// The untitled text before the first numbered section.
    Preamble,
    /// A top-level section (一、).
    Section,
    /// A clause inside a section (（一）).
    Clause,
    /// A numbered item inside a clause (1.).
    Item,
    /// A dash-led paragraph or other lead unit (——).
    Lead,
}

/// A dotted unit address such as `2.4` or `3.2.1`. Kept as the printed
/// string so it round-trips through URLs unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitPath(pub String);

impl UnitPath {
    /// Wraps a path string without checking it; use [`UnitPath::parse`] for user input.
    pub fn new(s: impl Into<String>) -> Self {
        UnitPath(s.into())
    }

    /// The path as printed, e.g. `2.4`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses a path typed by a user or found in a URL: dot-separated
    /// non-empty ASCII alphanumeric segments, at most 8 of them.
    pub fn parse(s: &str) -> Option<UnitPath> {
        let s = s.trim();
        if s.is_empty() || s.len() > 40 {
            return None;
        }
        let ok = s
            .split('.')
            .all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric()));
        (ok && s.split('.').count() <= 8).then(|| UnitPath(s.to_string()))
    }

    /// Number of segments: 1 for a section, 2 for a clause, 3 for an item.
    pub fn depth(&self) -> usize {
        self.0.split('.').count()
    }

    /// The enclosing unit's path, if any (`2.4` → `2`).
    pub fn parent(&self) -> Option<UnitPath> {
        self.0
            .rsplit_once('.')
            .map(|(p, _)| UnitPath(p.to_string()))
    }
}

impl fmt::Display for UnitPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A mechanism assigned to a unit, with the rule that assigned it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MechanismTag {
    /// One of the ten ids in [`Mechanism`].
    pub id: Mechanism,
    /// Which rule produced the tag, e.g. `section-heading`, `keyword`.
    pub rule: String,
    /// The text that triggered the rule.
    pub cue: String,
}

/// A region mentioned by a unit, with the words that named it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionTag {
    /// A region id from the gazetteer.
    pub id: String,
    /// The rule, e.g. `gazetteer-name`, `gazetteer-short-name`.
    pub rule: String,
    /// The words found in the text.
    pub cue: String,
}

/// The ten mechanisms of the 2018 opinion's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mechanism {
    /// 总体要求: general requirements.
    General,
    /// 区域战略统筹机制: coordinating regional strategies.
    Strategy,
    /// 市场一体化发展机制: market integration.
    Market,
    /// 区域合作机制: regional cooperation.
    Cooperation,
    /// 区域互助机制: regional mutual aid.
    MutualAid,
    /// 区际利益补偿机制: inter-regional benefit compensation.
    Compensation,
    /// 基本公共服务均等化机制: equal basic public services.
    PublicServices,
    /// 区域政策调控机制: regional policy regulation.
    PolicyRegulation,
    /// 区域发展保障机制: safeguards for regional development.
    Safeguards,
    /// 组织实施: organisation and implementation.
    Implementation,
}

impl Mechanism {
    /// The ten mechanisms in the 2018 opinion's order.
    pub const ALL: [Mechanism; 10] = [
        Mechanism::General,
        Mechanism::Strategy,
        Mechanism::Market,
        Mechanism::Cooperation,
        Mechanism::MutualAid,
        Mechanism::Compensation,
        Mechanism::PublicServices,
        Mechanism::PolicyRegulation,
        Mechanism::Safeguards,
        Mechanism::Implementation,
    ];

    /// The stable kebab-case id written in the corpus and in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Mechanism::General => "general",
            Mechanism::Strategy => "strategy",
            Mechanism::Market => "market",
            Mechanism::Cooperation => "cooperation",
            Mechanism::MutualAid => "mutual-aid",
            Mechanism::Compensation => "compensation",
            Mechanism::PublicServices => "public-services",
            Mechanism::PolicyRegulation => "policy-regulation",
            Mechanism::Safeguards => "safeguards",
            Mechanism::Implementation => "implementation",
        }
    }

    /// The Chinese name as the 2018 opinion writes it.
    pub fn name_zh(self) -> &'static str {
        match self {
            Mechanism::General => "总体要求",
            Mechanism::Strategy => "区域战略统筹机制",
            Mechanism::Market => "市场一体化发展机制",
            Mechanism::Cooperation => "区域合作机制",
            Mechanism::MutualAid => "区域互助机制",
            Mechanism::Compensation => "区际利益补偿机制",
            Mechanism::PublicServices => "基本公共服务均等化机制",
            Mechanism::PolicyRegulation => "区域政策调控机制",
            Mechanism::Safeguards => "区域发展保障机制",
            Mechanism::Implementation => "组织实施",
        }
    }

    /// An English name for the UI and exports.
    pub fn name_en(self) -> &'static str {
        match self {
            Mechanism::General => "General requirements",
            Mechanism::Strategy => "Coordinating regional strategies",
            Mechanism::Market => "Market integration",
            Mechanism::Cooperation => "Regional cooperation",
            Mechanism::MutualAid => "Regional mutual aid",
            Mechanism::Compensation => "Inter-regional benefit compensation",
            Mechanism::PublicServices => "Equal basic public services",
            Mechanism::PolicyRegulation => "Regional policy regulation",
            Mechanism::Safeguards => "Safeguards for regional development",
            Mechanism::Implementation => "Organisation and implementation",
        }
    }

    /// Accepts an id (`mutual-aid`) or the Chinese name.
    pub fn parse(s: &str) -> Option<Mechanism> {
        let s = s.trim();
        Mechanism::ALL
            .into_iter()
            .find(|m| m.id() == s || m.name_zh() == s)
    }
}

/// A mechanism as listed at the corpus top level (for readers that do not
/// link this crate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MechanismInfo {
    /// The mechanism.
    pub id: Mechanism,
    /// Its Chinese name (see [`Mechanism::name_zh`]).
    pub name_zh: String,
    /// Its English name (see [`Mechanism::name_en`]).
    pub name_en: String,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionInfo {
    /// Stable ASCII id, e.g. `sichuan`, `inner-mongolia`, `jing-jin-ji`.
    pub id: String,
    /// Full Chinese name, e.g. 四川省.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// What kind of place it is.
    pub kind: RegionKind,
    /// Other names that denote the region in running text (四川, 川, 蒙 …).
    /// Single-character short names are only matched in list contexts.
    pub aliases: Vec<String>,
    /// The province (or strategy area) this region lies within, if any.
    pub parent: Option<String>,
    /// Region ids this area covers (a strategy area's provinces).
    #[serde(default)]
    pub members: Vec<String>,
}

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionKind {
    /// The whole country (`cn`).
    Country,
    /// 省.
    Province,
    /// 自治区.
    AutonomousRegion,
    /// 直辖市.
    Municipality,
    /// 特别行政区.
    SpecialAdministrativeRegion,
    /// A strategy area spanning several provinces (京津冀, 长江经济带 …).
    StrategyArea,
    /// 副省级城市 and other places below the provincial level.
    SubProvincial,
}

impl RegionKind {
    /// A province-level unit: a province, autonomous region, municipality
    /// or special administrative region.
    pub fn is_provincial(self) -> bool {
        matches!(
            self,
            RegionKind::Province
                | RegionKind::AutonomousRegion
                | RegionKind::Municipality
                | RegionKind::SpecialAdministrativeRegion
        )
    }
}

/// Where a unit's text came from and what was done to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The raw file the reading text was taken from.
    pub file: String,
    /// 1-based line range in that raw file (inclusive).
    pub lines: (usize, usize),
    /// `true` when the reading text comes only from a machine-reworded
    /// witness: readers must be warned.
    pub reworded: bool,
    /// Other witnesses that also carry this unit (file names).
    #[serde(default)]
    pub also_in: Vec<String>,
    /// Every repair made to this unit's text, in the order applied.
    pub repairs: Vec<Repair>,
}

/// One change a cleaning rule made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repair {
    /// The rule id, e.g. `opencc-t2s`, `punctuation-fullwidth`,
    /// `pdf-space-between-cjk`, `column-break-join`.
    pub rule: String,
    /// How many times the rule fired on this unit.
    pub count: usize,
    /// A short example `before → after`, if useful.
    #[serde(default)]
    pub example: Option<String>,
}

/// Something a cleaning rule removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    /// Raw file name under `corpus/raw/`.
    pub file: String,
    /// 1-based line in the raw file.
    pub line: usize,
    /// The rule id, e.g. `site-menu`, `source-date-clicks`, `injected-pinyin`.
    pub rule: String,
    /// The removed text.
    pub text: String,
}

/// A word the rewording tool swapped, learned from the two witnesses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstitutionPair {
    /// The faithful word, e.g. 发展.
    pub original: String,
    /// What the tool wrote instead, e.g. 开展.
    pub reworded: String,
    /// How often the pair was observed across aligned clauses.
    pub count: usize,
    /// A unit path where it was observed.
    pub example_path: Option<String>,
}

impl SubstitutionPair {
    /// A pair observed `count` times, with no example path.
    pub fn new(original: &str, reworded: &str, count: usize) -> SubstitutionPair {
        SubstitutionPair {
            original: original.into(),
            reworded: reworded.into(),
            count,
            example_path: None,
        }
    }
}

/// A raw input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceFile {
    /// Raw file name under `corpus/raw/`.
    pub file: String,
    /// Which document it is a witness of.
    pub document: String,
    /// Bytes and a hex FNV-1a 64 digest of the file as received, to notice
    /// if a raw copy was ever edited.
    pub bytes: usize,
    /// Hex FNV-1a 64 digest of the file's bytes.
    pub digest: String,
}

impl Corpus {
    /// The document with id `id`, if any.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The gazetteer entry with id `id`, if any.
    pub fn region(&self, id: &str) -> Option<&RegionInfo> {
        self.regions.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
impl Document {
    /// A document with only an id, its id as title, and `units`: every
    /// metadata field unknown. For tests.
    pub(crate) fn bare(id: &str, units: Vec<Unit>) -> Document {
        Document {
            id: id.into(),
            title: id.into(),
            issuers: vec![],
            jurisdiction: None,
            level: None,
            doc_type: None,
            date: None,
            doc_number: None,
            metadata_sources: vec![],
            witnesses: vec![],
            units,
            removals: vec![],
            witness_readings: vec![],
        }
    }
}

impl Document {
    /// The unit at the printed path `path`, if any.
    pub fn unit(&self, path: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.path.as_str() == path)
    }
}

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The text is not JSON or does not match the schema.
    #[error("the corpus is not valid JSON for this schema: {0}")]
    Json(#[from] serde_json::Error),
    /// The corpus was written for another schema version.
    #[error("corpus schema version {found} is not supported (this build reads {expected})")]
    SchemaVersion {
        /// The version the file states.
        found: u32,
        /// The version this build reads ([`SCHEMA_VERSION`]).
        expected: u32,
    },
}

/// Parses and version-checks a corpus.
pub fn load_corpus(json: &str) -> Result<Corpus, CorpusError> {
    let corpus: Corpus = serde_json::from_str(json)?;
    if corpus.schema_version != SCHEMA_VERSION {
        return Err(CorpusError::SchemaVersion {
            found: corpus.schema_version,
            expected: SCHEMA_VERSION,
        });
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_path_parse_accepts_dotted_numbers_and_rejects_junk() {
        assert_eq!(UnitPath::parse("6.21").unwrap().depth(), 2);
        assert_eq!(
            UnitPath::parse("3.2.1").unwrap().parent().unwrap().as_str(),
            "3.2"
        );
        assert!(UnitPath::parse("").is_none());
        assert!(UnitPath::parse("1..2").is_none());
        assert!(UnitPath::parse("<script>").is_none());
        assert!(UnitPath::parse("1.2.").is_none());
    }

    #[test]
    fn mechanism_ids_round_trip_through_parse_and_serde() {
        for m in Mechanism::ALL {
            assert_eq!(Mechanism::parse(m.id()), Some(m));
            assert_eq!(Mechanism::parse(m.name_zh()), Some(m));
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.id()));
        }
    }

    #[test]
    fn fixed_sets_serialize_as_the_corpus_writes_them() {
        fn json<T: Serialize>(value: T) -> String {
            serde_json::to_string(&value).expect("serializes")
        }
        assert_eq!(json(Script::Traditional), "\"traditional\"");
        assert_eq!(json(MetadataOrigin::Manifest), "\"manifest\"");
        assert_eq!(
            json(RegionKind::SpecialAdministrativeRegion),
            "\"special-administrative-region\""
        );
        for role in [
            WitnessRole::Primary,
            WitnessRole::Secondary,
            WitnessRole::Reworded,
        ] {
            assert_eq!(json(role), format!("\"{}\"", role.id()));
        }
    }

    #[test]
    fn load_corpus_rejects_other_schema_versions() {
        let json = r#"{"schema_version": 999, "documents": [], "mechanisms": [], "regions": []}"#;
        assert!(matches!(
            load_corpus(json),
            Err(CorpusError::SchemaVersion { found: 999, .. })
        ));
    }
}
