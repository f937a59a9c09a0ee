//! The gazetteer: provinces, national strategy areas and the sub-provincial
//! areas the documents name. It is data (`crates/core/data/gazetteer.json`),
//! compiled in so the browser's import tags regions exactly like the native
//! pipeline does, and emitted into the corpus as `regions`.

use crate::model::{RegionInfo, RegionKind};
use serde::Deserialize;

const GAZETTEER_JSON: &str = include_str!("../../data/gazetteer.json");

#[derive(Deserialize)]
struct GazetteerFile {
    regions: Vec<GazetteerEntry>,
}

#[derive(Deserialize)]
struct GazetteerEntry {
    id: String,
    name: String,
    name_en: String,
    kind: RegionKind,
    #[serde(default)]
    aliases: Vec<String>,
    /// One-character names (川, 蒙 …), matched only in list contexts.
    #[serde(default)]
    short_names: Vec<String>,
    /// Bare direction words (东部, 西部 …), matched only in enumerations.
    #[serde(default)]
    list_aliases: Vec<String>,
    parent: Option<String>,
    #[serde(default)]
    members: Vec<String>,
}

/// Why the compiled-in gazetteer could not be read (a build defect, caught
/// by the tests, never by users).
#[derive(Debug, thiserror::Error)]
#[error("the built-in gazetteer is invalid: {0}")]
pub struct GazetteerError(#[from] serde_json::Error);

/// All gazetteer entries in file order. `aliases` lists the free aliases,
/// then the list-context aliases, then the one-character short names (see
/// [`context_aliases`] and the corpus format for how they are matched).
pub fn regions() -> Result<Vec<RegionInfo>, GazetteerError> {
    let file: GazetteerFile = serde_json::from_str(GAZETTEER_JSON)?;
    Ok(file
        .regions
        .into_iter()
        .map(|e| {
            let mut aliases = e.aliases;
            aliases.extend(e.list_aliases);
            aliases.extend(e.short_names);
            RegionInfo {
                id: e.id,
                name: e.name,
                name_en: e.name_en,
                kind: e.kind,
                aliases,
                parent: e.parent,
                members: e.members,
            }
        })
        .collect())
}

/// Aliases that only name their region inside an enumeration (`西部、东北、
/// 中部、东部`) or before 地区/板块/沿海/大开发/振兴: bare direction words.
pub fn context_aliases() -> Result<Vec<String>, GazetteerError> {
    let file: GazetteerFile = serde_json::from_str(GAZETTEER_JSON)?;
    Ok(file
        .regions
        .into_iter()
        .flat_map(|e| e.list_aliases)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn gazetteer_has_every_provincial_unit_and_valid_links() {
        let regions = regions().expect("gazetteer parses");
        let provincial = regions.iter().filter(|r| r.kind.is_provincial()).count();
        assert_eq!(provincial, 34);
        let ids: HashSet<&str> = regions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), regions.len(), "ids are unique");
        for r in &regions {
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is kebab-case ASCII",
                r.id
            );
            for m in r.members.iter().chain(r.parent.iter()) {
                assert!(ids.contains(m.as_str()), "{} links to unknown {m}", r.id);
            }
        }
    }
}
