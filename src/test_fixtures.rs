//! A small hand-made corpus for component tests: each document exercises
//! one thing the views must get right (unknown metadata, three levels of
//! numbering, reworded text), independent of the generated corpus.

use policy_core::model::{
    Corpus, Document, Level, Mechanism, MechanismInfo, MechanismTag, Provenance, RegionInfo,
    RegionKind, RegionTag, Repair, Script, Unit, UnitKind, UnitPath, Witness, WitnessRole,
    SCHEMA_VERSION,
};

pub fn unit(path: &str, label: &str, kind: UnitKind, heading: Option<&str>, text: &str) -> Unit {
    Unit {
        path: UnitPath::new(path),
        label: label.into(),
        kind,
        heading: heading.map(Into::into),
        text: text.into(),
        mechanisms: Vec::new(),
        regions: Vec::new(),
        provenance: Provenance {
            file: "fixture.txt".into(),
            lines: (1, 1),
            reworded: false,
            also_in: Vec::new(),
            repairs: Vec::new(),
        },
        restored: None,
    }
}

fn document(id: &str, title: &str, units: Vec<Unit>) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        issuers: vec!["国家发展改革委".into()],
        jurisdiction: Some("cn".into()),
        level: Some(Level::Ministry),
        doc_type: Some("指导意见".into()),
        date: Some("2016-08-16".into()),
        doc_number: Some("发改地区〔2016〕1771号".into()),
        metadata_sources: Vec::new(),
        witnesses: vec![Witness {
            file: "fixture.txt".into(),
            role: WitnessRole::Primary,
            description: "fixture".into(),
            script: Script::Simplified,
        }],
        units,
        removals: Vec::new(),
        witness_readings: Vec::new(),
    }
}

pub fn fixture_corpus() -> Corpus {
    let full = document(
        "full-meta",
        "关于促进区域协调发展的指导意见",
        vec![
            unit("0", "", UnitKind::Preamble, None, "各省发展改革委："),
            unit("1", "一、", UnitKind::Section, Some("总体要求"), "总体要求"),
        ],
    );

    let mut unknowns = document(
        "unknowns",
        "未署日期的实施方案",
        vec![unit(
            "0",
            "",
            UnitKind::Preamble,
            None,
            "为落实意见，制定本方案。",
        )],
    );
    unknowns.issuers.clear();
    unknowns.level = None;
    unknowns.doc_type = None;
    unknowns.date = None;
    unknowns.doc_number = None;

    let mut item = unit(
        "3.2.1",
        "1.",
        UnitKind::Item,
        None,
        "推进呼包鄂榆城市群建设。",
    );
    item.regions.push(RegionTag {
        id: "inner-mongolia".into(),
        rule: "gazetteer-name".into(),
        cue: "呼包鄂榆".into(),
    });
    item.provenance.repairs.push(Repair {
        rule: "opencc-t2s".into(),
        count: 5,
        example: Some("區域 → 区域".into()),
    });
    let three = document(
        "three-levels",
        "三级编号的实施意见",
        vec![
            unit(
                "3",
                "三、",
                UnitKind::Section,
                Some("健全区域合作机制"),
                "健全区域合作机制",
            ),
            unit(
                "3.2",
                "（二）",
                UnitKind::Clause,
                Some("深化区域合作"),
                "深化区域合作。加强协作。",
            ),
            item,
        ],
    );

    let mut faithful = unit(
        "1.1",
        "（一）",
        UnitKind::Clause,
        Some("指导思想"),
        "指导思想。坚持新发展理念。",
    );
    faithful.mechanisms.push(MechanismTag {
        id: Mechanism::General,
        rule: "section-heading".into(),
        cue: "总体要求".into(),
    });
    let mut reworded = unit(
        "8.22",
        "（二十二）",
        UnitKind::Clause,
        Some("实行差别化的区域政策"),
        "实行差别化的区域政策。充分考虑区域特点，开展差别化政策。",
    );
    reworded.provenance.reworded = true;
    reworded.mechanisms.push(MechanismTag {
        id: Mechanism::PolicyRegulation,
        rule: "section-heading".into(),
        cue: "区域政策调控".into(),
    });
    reworded.regions.push(RegionTag {
        id: "sichuan".into(),
        rule: "gazetteer-short-name".into(),
        cue: "四川".into(),
    });
    let with_reworded = document(
        "reworded",
        "关于建立更加有效的区域协调发展新机制的意见",
        vec![
            unit("1", "一、", UnitKind::Section, Some("总体要求"), "总体要求"),
            faithful,
            unit(
                "8",
                "八、",
                UnitKind::Section,
                Some("健全区域政策调控机制"),
                "健全区域政策调控机制",
            ),
            reworded,
        ],
    );

    Corpus {
        schema_version: SCHEMA_VERSION,
        documents: vec![full, unknowns, three, with_reworded],
        mechanisms: Mechanism::ALL
            .into_iter()
            .map(|id| MechanismInfo {
                id,
                name_zh: id.name_zh().into(),
                name_en: id.name_en().into(),
            })
            .collect(),
        regions: vec![
            region("sichuan", "四川省", "Sichuan"),
            region("inner-mongolia", "内蒙古自治区", "Inner Mongolia"),
        ],
        substitutions: Vec::new(),
        sources: Vec::new(),
    }
}

fn region(id: &str, name: &str, name_en: &str) -> RegionInfo {
    RegionInfo {
        id: id.into(),
        name: name.into(),
        name_en: name_en.into(),
        kind: RegionKind::Province,
        aliases: Vec::new(),
        parent: None,
        members: Vec::new(),
    }
}
