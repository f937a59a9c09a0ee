//! Explainable tags: which of the ten mechanisms a unit belongs to and
//! which regions it names. Every tag records the rule and the words that
//! produced it, so a reader can see why a unit shows up under a filter.

use crate::model::{Mechanism, MechanismTag, RegionInfo, RegionTag, Unit, UnitKind, UnitPath};
use std::collections::HashMap;

/// Words in a section or clause *heading* that name a mechanism of the 2018
/// structure (and the variants provincial documents use for it).
const HEADING_CUES: [(Mechanism, &[&str]); 10] = [
    (Mechanism::General, &["总体要求"]),
    (
        Mechanism::Strategy,
        &["战略统筹", "重大区域战略", "统筹机制", "统筹发展机制"],
    ),
    (Mechanism::Market, &["市场一体化"]),
    (Mechanism::Cooperation, &["合作机制", "区域合作"]),
    (Mechanism::MutualAid, &["互助"]),
    (
        Mechanism::Compensation,
        &["利益补偿", "利益平衡", "补偿机制"],
    ),
    (Mechanism::PublicServices, &["公共服务均等化"]),
    (Mechanism::PolicyRegulation, &["政策调控"]),
    (Mechanism::Safeguards, &["保障机制"]),
    (Mechanism::Implementation, &["组织实施"]),
];

/// Words in running text that point to a mechanism, for documents (or
/// parts of documents) that do not follow the 2018 structure.
const TEXT_CUES: [(Mechanism, &[&str]); 10] = [
    (
        Mechanism::General,
        &["总体要求", "指导思想", "基本原则", "总体目标", "主要目标"],
    ),
    (
        Mechanism::Strategy,
        &[
            "区域战略统筹",
            "区域发展总体战略",
            "重大区域战略",
            "战略统筹",
        ],
    ),
    (
        Mechanism::Market,
        &[
            "市场一体化",
            "全国统一市场",
            "统一大市场",
            "要素自由流动",
            "市场准入",
        ],
    ),
    (
        Mechanism::Cooperation,
        &["区域合作", "合作机制", "省际交界", "协同发展"],
    ),
    (
        Mechanism::MutualAid,
        &["区域互助", "对口支援", "扶贫协作", "对口协作", "对口合作"],
    ),
    (
        Mechanism::Compensation,
        &["利益补偿", "生态补偿", "利益平衡", "利益分享", "补偿机制"],
    ),
    (Mechanism::PublicServices, &["基本公共服务"]),
    (
        Mechanism::PolicyRegulation,
        &["区域政策调控", "政策调控", "转移支付", "差别化"],
    ),
    (
        Mechanism::Safeguards,
        &["保障机制", "法治化", "法规体系", "监测评估", "统计体系"],
    ),
    (
        Mechanism::Implementation,
        &["组织实施", "组织领导", "督促落实", "督促检查"],
    ),
];

/// Rule ids written into tags.
pub mod rule {
    /// A section heading names the mechanism.
    pub const SECTION_HEADING: &str = "section-heading";
    /// A clause heading names the mechanism.
    pub const CLAUSE_HEADING: &str = "clause-heading";
    /// A keyword in the unit's text names the mechanism.
    pub const KEYWORD: &str = "keyword";
    /// A unit no cue tags takes the mechanism of the central section its
    /// aligned counterpart belongs to (`compare::align::aligned_sections`).
    pub const ALIGNED_SECTION: &str = "aligned-section";
    /// A region's full name from the gazetteer.
    pub const REGION_NAME: &str = "gazetteer-name";
    /// One of a region's aliases from the gazetteer.
    pub const REGION_ALIAS: &str = "gazetteer-alias";
    /// A single-character short name inside a list of regions.
    pub const REGION_SHORT_LIST: &str = "gazetteer-short-name-list";
}

/// The mechanism a heading names, with the cue word.
pub fn heading_mechanism(heading: &str) -> Option<(Mechanism, &'static str)> {
    HEADING_CUES
        .iter()
        .find_map(|(m, cues)| cues.iter().find(|c| heading.contains(*c)).map(|c| (*m, *c)))
}

/// Every mechanism whose text cues occur in `text` (first cue each).
pub fn text_mechanisms(text: &str) -> Vec<(Mechanism, &'static str)> {
    TEXT_CUES
        .iter()
        .filter_map(|(m, cues)| cues.iter().find(|c| text.contains(*c)).map(|c| (*m, *c)))
        .collect()
}

/// How many of the eight core mechanisms (not 总体要求 / 组织实施) a
/// document's section and clause headings name. Five or more means the
/// document follows the 2018 structure and headings are authoritative.
pub fn follows_2018_structure(units: &[Unit]) -> bool {
    let mut found: Vec<Mechanism> = units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Section | UnitKind::Clause))
        .filter_map(|u| u.heading.as_deref().and_then(heading_mechanism))
        .map(|(m, _)| m)
        .filter(|m| !matches!(m, Mechanism::General | Mechanism::Implementation))
        .collect();
    found.sort();
    found.dedup();
    found.len() >= 5
}

/// Assigns `mechanisms` to every unit. When the document follows the 2018
/// structure, a unit inherits the mechanism named by its outermost
/// ancestor-or-self heading that names one (`section-heading` / `clause-heading`); units with no
/// such heading above them, and every unit of other documents, get the
/// mechanisms their text names (`keyword`).
pub fn tag_mechanisms(units: &mut [Unit]) {
    let structured = follows_2018_structure(units);
    let heading_tags: HashMap<UnitPath, MechanismTag> = units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Section | UnitKind::Clause))
        .filter_map(|u| {
            let h = u.heading.as_deref()?;
            let (m, _) = heading_mechanism(h)?;
            let rule = if u.kind == UnitKind::Section {
                rule::SECTION_HEADING
            } else {
                rule::CLAUSE_HEADING
            };
            Some((
                u.path.clone(),
                MechanismTag {
                    id: m,
                    rule: rule.into(),
                    cue: h.to_string(),
                },
            ))
        })
        .collect();
    for u in units.iter_mut() {
        // The outermost heading wins: a section's mechanism is what its
        // clauses implement even when a clause title names another
        // (六、创新区域利益平衡机制 › （二十）探索区域合作利益分享机制).
        let inherited = if structured {
            let mut found = None;
            let mut p = Some(u.path.clone());
            while let Some(path) = p {
                if let Some(t) = heading_tags.get(&path) {
                    found = Some(t.clone());
                }
                p = path.parent();
            }
            found
        } else {
            None
        };
        u.mechanisms = match inherited {
            Some(t) => vec![t],
            None => {
                let mut text = u.heading.clone().unwrap_or_default();
                text.push('\n');
                text.push_str(&u.text);
                text_mechanisms(&text)
                    .into_iter()
                    .map(|(m, cue)| MechanismTag {
                        id: m,
                        rule: rule::KEYWORD.into(),
                        cue: cue.into(),
                    })
                    .collect()
            }
        };
    }
}

/// Finds gazetteer regions in text.
pub struct RegionMatcher {
    /// (name as chars, region id, rule), longest first.
    names: Vec<(Vec<char>, String, &'static str)>,
    /// Names from `names` that only count in an enumeration.
    context_only: Vec<Vec<char>>,
    short: HashMap<char, String>,
}

impl RegionMatcher {
    /// Builds the matcher from the gazetteer.
    pub fn new(regions: &[RegionInfo]) -> Self {
        let mut names = Vec::new();
        let mut short = HashMap::new();
        for r in regions {
            names.push((
                r.name.chars().collect::<Vec<_>>(),
                r.id.clone(),
                rule::REGION_NAME,
            ));
            for a in &r.aliases {
                let cs: Vec<char> = a.chars().collect();
                if cs.len() == 1 {
                    short.insert(cs[0], r.id.clone());
                } else {
                    names.push((cs, r.id.clone(), rule::REGION_ALIAS));
                }
            }
        }
        // `cn`'s alias 全国 would tag nearly every unit; it is a scope, not a place.
        names.retain(|(_, id, _)| id != "cn");
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.1.cmp(&b.1)));
        let context_only = super::gazetteer::context_aliases()
            .unwrap_or_default()
            .iter()
            .map(|a| a.chars().collect())
            .collect();
        RegionMatcher {
            names,
            short,
            context_only,
        }
    }

    /// Regions named in `text`, first mention first, one tag per region.
    /// Names match longest first (粤港澳大湾区 before 粤); one-character short
    /// names only count in a list of two or more (川渝, 京津冀, 晋陕豫).
    pub fn tag(&self, text: &str) -> Vec<RegionTag> {
        let chars: Vec<char> = text.chars().collect();
        let mut tags: Vec<RegionTag> = Vec::new();
        let push = |tags: &mut Vec<RegionTag>, id: &str, rule: &str, cue: String| {
            if !tags.iter().any(|t| t.id == id) {
                tags.push(RegionTag {
                    id: id.to_string(),
                    rule: rule.to_string(),
                    cue,
                });
            }
        };
        let mut i = 0;
        'outer: while i < chars.len() {
            for (name, id, rule) in &self.names {
                if chars[i..].starts_with(name)
                    && (!self.context_only.contains(name) || in_enumeration(&chars, i, name.len()))
                {
                    push(&mut tags, id, rule, name.iter().collect());
                    i += name.len();
                    continue 'outer;
                }
            }
            let run = chars[i..]
                .iter()
                .take_while(|c| self.short.contains_key(c))
                .count();
            if run >= 2 {
                let cue: String = chars[i..i + run].iter().collect();
                for c in &chars[i..i + run] {
                    if let Some(id) = self.short.get(c) {
                        push(&mut tags, id, rule::REGION_SHORT_LIST, cue.clone());
                    }
                }
                i += run;
            } else {
                i += 1;
            }
        }
        tags
    }
}

/// True when the word at `chars[i..i + len]` stands in an enumeration
/// (`西部、东北、中部、东部`) or names an area (`东部地区`, `东北振兴`).
fn in_enumeration(chars: &[char], i: usize, len: usize) -> bool {
    const JOINERS: [char; 4] = ['、', '和', '与', '及'];
    const AREA_WORDS: [&str; 6] = ["地区", "板块", "沿海", "大开发", "振兴", "等"];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + len).copied();
    if prev.is_some_and(|c| JOINERS.contains(&c)) || next.is_some_and(|c| JOINERS.contains(&c)) {
        return true;
    }
    let rest: String = chars[i + len..].iter().take(3).collect();
    AREA_WORDS.iter().any(|w| rest.starts_with(w))
}

/// Assigns `regions` to every unit from its heading and text.
pub fn tag_regions(units: &mut [Unit], matcher: &RegionMatcher) {
    for u in units.iter_mut() {
        u.regions = matcher.tag(&u.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer;

    fn ids(tags: &[RegionTag]) -> Vec<&str> {
        tags.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn names_match_longest_first_and_short_names_only_in_lists() {
        let m = RegionMatcher::new(&gazetteer::regions().unwrap());
        assert_eq!(ids(&m.tag("联动粤港澳大湾区")), vec!["greater-bay-area"]);
        assert_eq!(
            ids(&m.tag("支持晋陕豫黄河金三角、川渝等")),
            vec!["jin-shaan-yu-triangle", "sichuan", "chongqing"]
        );
        assert_eq!(
            ids(&m.tag("深化川粤川浙扶贫协作")),
            vec!["sichuan", "guangdong", "zhejiang"]
        );
        // A lone 川 or 蒙 in a word is not a region.
        assert!(m
            .tag("土默川平原，蒙古国")
            .iter()
            .all(|t| t.rule != "gazetteer-short-name-list"));
        assert_eq!(
            ids(&m.tag("推进呼包鄂及乌兰察布协同发展")),
            vec!["hu-bao-e", "ulanqab"]
        );
        assert_eq!(
            ids(&m.tag("以西部、东北、中部、东部四大板块为基础")),
            vec![
                "western-region",
                "northeast",
                "central-region",
                "eastern-region"
            ]
        );
        assert!(m.tag("推动东部盟市振兴发展").is_empty());
        let t = m.tag("京蒙两地");
        assert_eq!(ids(&t), vec!["beijing", "inner-mongolia"]);
        assert_eq!(t[0].cue, "京蒙");
    }

    #[test]
    fn heading_cues_name_mechanisms() {
        assert_eq!(
            heading_mechanism("建立区域战略统筹机制").map(|x| x.0),
            Some(Mechanism::Strategy)
        );
        assert_eq!(
            heading_mechanism("创新区域利益平衡机制").map(|x| x.0),
            Some(Mechanism::Compensation)
        );
        assert_eq!(
            heading_mechanism("完善基本公共服务均等化机制").map(|x| x.0),
            Some(Mechanism::PublicServices)
        );
        assert_eq!(heading_mechanism("加快推动自治区重点区域发展"), None);
    }

    #[test]
    fn text_cues_are_reported_with_their_word() {
        let found = text_mechanisms("深入推进对口支援，完善生态补偿。");
        assert_eq!(
            found,
            vec![
                (Mechanism::MutualAid, "对口支援"),
                (Mechanism::Compensation, "生态补偿")
            ]
        );
    }
}
