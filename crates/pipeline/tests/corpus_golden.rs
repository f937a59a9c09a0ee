//! Golden checks on the real corpus: unit counts, paths, metadata as the
//! texts state it, no noise, no duplicated passage, no traditional
//! character (checked with OpenCC itself), and the committed
//! `corpus/corpus.json` up to date with the pipeline.

use policy_core::model::{Corpus, Document, Level, UnitKind, WitnessRole};
use policy_pipeline::opencc::{OpenCcConfig, OpenCcConverter};
use policy_pipeline::{build_corpus, check_corpus, CheckOutcome, REGENERATE_COMMAND};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| build_corpus(&repo_root()).expect("the corpus builds"))
}

fn doc(id: &str) -> &'static Document {
    corpus()
        .document(id)
        .unwrap_or_else(|| panic!("document {id} exists"))
}

fn kind_counts(d: &Document) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for u in &d.units {
        let k = match u.kind {
            UnitKind::Preamble => "preamble",
            UnitKind::Section => "section",
            UnitKind::Clause => "clause",
            UnitKind::Item => "item",
            UnitKind::Lead => "lead",
        };
        *m.entry(k).or_default() += 1;
    }
    m
}

fn counts(pairs: &[(&'static str, usize)]) -> BTreeMap<&'static str, usize> {
    pairs.iter().copied().collect()
}

#[test]
fn committed_corpus_is_up_to_date() {
    match check_corpus(&repo_root()).expect("check runs") {
        CheckOutcome::UpToDate => {}
        other => panic!("corpus/corpus.json is not up to date ({other:?}); regenerate it with `{REGENERATE_COMMAND}`"),
    }
}

#[test]
fn documents_in_manifest_order() {
    let ids: Vec<&str> = corpus().documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["central-2018", "sichuan", "inner-mongolia", "ndrc-2016"]
    );
}

#[test]
fn unit_counts_per_document_and_level() {
    assert_eq!(
        kind_counts(doc("central-2018")),
        counts(&[
            ("preamble", 1),
            ("section", 10),
            ("clause", 30),
            ("lead", 8)
        ])
    );
    assert_eq!(
        kind_counts(doc("sichuan")),
        counts(&[("preamble", 1), ("section", 9), ("clause", 33)])
    );
    assert_eq!(
        kind_counts(doc("inner-mongolia")),
        counts(&[
            ("preamble", 1),
            ("section", 4),
            ("clause", 12),
            ("item", 18)
        ])
    );
    assert_eq!(
        kind_counts(doc("ndrc-2016")),
        counts(&[("preamble", 2), ("section", 6), ("clause", 25)])
    );
}

#[test]
fn paths_follow_the_printed_numbering() {
    let c = doc("central-2018");
    let u = c.unit("2.4").expect("central 2.4");
    assert_eq!(
        (u.label.as_str(), u.heading.as_deref()),
        ("（四）", Some("推动国家重大区域战略融合发展"))
    );
    assert_eq!(
        c.unit("5.16").expect("（十六） sits under 五、").label,
        "（十六）"
    );
    assert_eq!(c.unit("10.30").expect("last clause").label, "（三十）");
    assert_eq!(c.unit("1.2.d5").expect("fifth 基本原则 lead").label, "——");
    assert_eq!(c.unit("0").expect("preamble").kind, UnitKind::Preamble);
    let s = doc("sichuan");
    assert_eq!(
        s.unit("6.21").expect("sichuan 6.21").heading.as_deref(),
        Some("完善多元化生态补偿机制")
    );
    let im = doc("inner-mongolia");
    assert_eq!(
        im.unit("3.2.1").expect("IM 3.2.1").heading.as_deref(),
        Some("促进城乡区域间要素流动")
    );
    let general = im.unit("1").expect("IM 一、总体要求");
    assert_eq!(general.heading.as_deref(), Some("总体要求"));
    assert!(
        general
            .text
            .contains("以习近平新时代中国特色社会主义思想为指导"),
        "section body text stays on the section"
    );
    let n = doc("ndrc-2016");
    assert!(n
        .unit("0")
        .expect("covering notice")
        .text
        .contains("现印发你们"));
    assert!(n
        .unit("0.1")
        .expect("opinion preamble")
        .text
        .starts_with("党中央、国务院高度重视"));
    for d in &corpus().documents {
        let mut seen = HashSet::new();
        for u in &d.units {
            assert!(
                seen.insert(u.path.as_str()),
                "{} has duplicate path {}",
                d.id,
                u.path
            );
            assert!(
                policy_core::model::UnitPath::parse(u.path.as_str()).is_some(),
                "{} path {} parses",
                d.id,
                u.path
            );
        }
    }
}

#[test]
fn metadata_as_the_texts_state_it() {
    let c = doc("central-2018");
    assert_eq!(c.title, "关于建立更加有效的区域协调发展新机制的意见");
    assert_eq!(c.issuers, vec!["中共中央", "国务院"]);
    assert_eq!(
        (c.jurisdiction.as_deref(), c.level),
        (Some("cn"), Some(Level::Central))
    );
    assert_eq!(c.doc_type.as_deref(), Some("意见"));
    assert_eq!(c.date.as_deref(), Some("2018-11-18"));
    assert_eq!(c.doc_number.as_deref(), Some("中发〔2018〕43号"));
    let src = c
        .metadata_sources
        .iter()
        .find(|s| s.field == "doc_number")
        .expect("doc_number source");
    assert_eq!(
        src.file.as_deref(),
        Some("003_c7cda20545700e5f.txt"),
        "the number is stated by the Inner Mongolia text"
    );

    let s = doc("sichuan");
    assert_eq!(s.title, "四川省建立更加有效的区域协调发展新机制实施方案");
    assert_eq!(s.issuers, vec!["中共四川省委", "四川省人民政府"]);
    assert_eq!(
        (
            s.doc_type.as_deref(),
            s.date.as_deref(),
            s.doc_number.as_deref()
        ),
        (Some("实施方案"), None, None)
    );
    assert_eq!(
        (s.jurisdiction.as_deref(), s.level),
        (Some("sichuan"), Some(Level::Provincial))
    );

    let im = doc("inner-mongolia");
    assert_eq!(im.title, "关于建立更加有效的区域协调发展新机制的实施意见");
    assert_eq!(im.issuers, vec!["内蒙古自治区党委", "自治区人民政府"]);
    assert_eq!(
        (
            im.doc_type.as_deref(),
            im.date.as_deref(),
            im.doc_number.as_deref()
        ),
        (Some("实施意见"), None, None)
    );

    let n = doc("ndrc-2016");
    assert_eq!(
        n.title,
        "关于贯彻落实区域发展战略促进区域协调发展的指导意见"
    );
    assert_eq!(n.issuers, vec!["国家发展改革委"]);
    assert_eq!(n.doc_type.as_deref(), Some("指导意见"));
    assert_eq!(
        n.date.as_deref(),
        Some("2016-08-16"),
        "the signature date, not the web page's 2016-10-19"
    );
    assert_eq!(n.doc_number.as_deref(), Some("发改地区〔2016〕1771号"));
    assert_eq!(n.level, Some(Level::Ministry));
}

#[test]
fn witnesses_and_reworded_provenance() {
    let c = doc("central-2018");
    let roles: Vec<(&str, WitnessRole)> = c
        .witnesses
        .iter()
        .map(|w| (w.file.as_str(), w.role))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("002_154208efee2d029c.txt", WitnessRole::Primary),
            ("000_0d3174276c13488c.txt", WitnessRole::Reworded)
        ]
    );
    // Complete in the newspaper print: faithful text.
    let u = c.unit("2.4").unwrap();
    assert!(!u.provenance.reworded && u.provenance.file.starts_with("002"));
    assert!(
        u.text.contains("促进区域间相互融通补充"),
        "the column break inside 融通 is rejoined"
    );
    // The print stops inside （十六）: the reading text is the reworded one.
    let u = c.unit("5.16").unwrap();
    assert!(u.provenance.reworded && u.provenance.file.starts_with("000"));
    let reworded: Vec<&str> = c
        .units
        .iter()
        .filter(|u| u.provenance.reworded)
        .map(|u| u.path.as_str())
        .collect();
    assert!(reworded.contains(&"10.30") && reworded.contains(&"6.17"));
    assert!(!reworded.contains(&"1.1") && !reworded.contains(&"4.10"));
    for d in corpus().documents.iter().filter(|d| d.id != "central-2018") {
        assert!(
            d.units.iter().all(|u| !u.provenance.reworded),
            "{} has no reworded witness",
            d.id
        );
    }
}

#[test]
fn substitutions_learned_from_the_witnesses() {
    let subs = &corpus().substitutions;
    let find = |a: &str, b: &str| {
        subs.iter()
            .find(|s| s.original == a && s.reworded == b)
            .map(|s| s.count)
    };
    assert!(
        find("发展", "开展").is_some_and(|n| n >= 20),
        "发展→开展 is the most frequent swap"
    );
    assert!(find("服务", "效劳").is_some());
    assert!(find("意见", "定见").is_some());
    assert!(subs.len() >= 40, "{} pairs", subs.len());
}

/// Markers of chrome and injected noise that must not survive cleaning.
const NOISE: [&str; 14] = [
    "用户登录",
    "立即注册",
    "还没有账号",
    "分享到",
    "相关文章",
    "来源：",
    "点击：",
    "股吧",
    "(di)",
    "(hao)",
    "要 闻",
    "意见强调",
    "光伏产业政策",
    "000061",
];

#[test]
fn no_noise_or_layout_damage_left() {
    for d in &corpus().documents {
        for u in &d.units {
            for n in NOISE {
                assert!(
                    !u.text.contains(n),
                    "{} {} still contains {n}",
                    d.id,
                    u.path
                );
            }
            for bad in [',', ';', '(', ')', '?', '!'] {
                let cs: Vec<char> = u.text.chars().collect();
                for (i, c) in cs.iter().enumerate() {
                    if *c == bad {
                        let near_cjk = [i.checked_sub(1), Some(i + 1)]
                            .into_iter()
                            .flatten()
                            .filter_map(|j| cs.get(j))
                            .any(|c| policy_core::ingest::punctuation::is_cjk(*c));
                        assert!(
                            !near_cjk,
                            "{} {}: ASCII {bad:?} next to Chinese",
                            d.id, u.path
                        );
                    }
                }
            }
            let cs: Vec<char> = u.text.chars().collect();
            for w in cs.windows(3) {
                let cjk = policy_core::ingest::punctuation::is_cjk;
                assert!(
                    !(cjk(w[0]) && w[1] == ' ' && cjk(w[2])),
                    "{} {}: space between Chinese characters",
                    d.id,
                    u.path
                );
            }
            assert!(
                !u.text.trim().is_empty() || u.kind == UnitKind::Section,
                "{} {} is empty",
                d.id,
                u.path
            );
        }
    }
}

#[test]
fn no_passage_appears_twice_in_a_document() {
    for d in &corpus().documents {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for u in &d.units {
            for sentence in u
                .text
                .split(['。', '\n'])
                .filter(|s| s.chars().count() >= 20)
            {
                if let Some(prev) = seen.insert(sentence, u.path.as_str()) {
                    panic!(
                        "{}: passage repeated in {prev} and {}: {sentence}",
                        d.id, u.path
                    );
                }
            }
        }
    }
}

#[test]
fn no_traditional_character_remains() {
    let t2s = OpenCcConverter::new(OpenCcConfig::T2s).expect("OpenCC loads");
    let mut chars: BTreeMap<char, String> = BTreeMap::new();
    for d in &corpus().documents {
        for u in &d.units {
            assert_eq!(
                t2s.convert(&u.text),
                u.text,
                "{} {}: OpenCC t2s is not idempotent on the unit",
                d.id,
                u.path
            );
            for c in u
                .text
                .chars()
                .chain(u.heading.iter().flat_map(|h| h.chars()))
            {
                chars
                    .entry(c)
                    .or_insert_with(|| format!("{} {}", d.id, u.path));
            }
        }
        for c in d
            .title
            .chars()
            .chain(d.issuers.iter().flat_map(|i| i.chars()))
        {
            chars
                .entry(c)
                .or_insert_with(|| format!("{} metadata", d.id));
        }
    }
    // Character by character as well, so a phrase rule cannot hide a
    // traditional form: every character must be a fixed point of t2s. (Not
    // of tw2s/hk2s: those map regional variants such as 著 → 着 that are
    // correct simplified characters in 显著.)
    for (c, place) in &chars {
        let s = t2s.convert(&c.to_string());
        assert_eq!(
            s,
            c.to_string(),
            "{place}: {c} is traditional (t2s gives {s})"
        );
    }
}

#[test]
fn every_removal_is_logged_with_a_rule() {
    let d = doc("ndrc-2016");
    let rules: HashSet<&str> = d.removals.iter().map(|r| r.rule.as_str()).collect();
    for r in [
        "site-menu",
        "injected-pinyin",
        "source-date-clicks",
        "stock-ticker",
        "share-trailer",
    ] {
        assert!(rules.contains(r), "ndrc-2016 logs {r}");
    }
    let c = doc("central-2018");
    let rules: HashSet<&str> = c.removals.iter().map(|r| r.rule.as_str()).collect();
    for r in ["newspaper-header", "commentary-sidebar", "repeated-block"] {
        assert!(rules.contains(r), "central-2018 logs {r}");
    }
    let repairs: HashSet<&str> = c
        .units
        .iter()
        .flat_map(|u| u.provenance.repairs.iter().map(|r| r.rule.as_str()))
        .collect();
    assert!(repairs.contains("column-break-join"));
    let im = doc("inner-mongolia");
    assert!(
        im.units
            .iter()
            .all(|u| u.provenance.repairs.iter().any(|r| r.rule == "opencc-t2s")),
        "every IM unit was converted"
    );
}

#[test]
fn mechanisms_and_regions_are_explained() {
    let c = doc("central-2018");
    let tag = &c.unit("5.14").unwrap().mechanisms[0];
    assert_eq!(
        (tag.id.id(), tag.rule.as_str()),
        ("mutual-aid", "vocabulary-section")
    );
    let s = doc("sichuan");
    let tag = &s.unit("6.20").unwrap().mechanisms[0];
    assert_eq!(
        (tag.id.id(), tag.rule.as_str()),
        ("compensation", "section-heading")
    );
    let im = doc("inner-mongolia");
    let tag = &im.unit("3.5.1").unwrap().mechanisms[0];
    assert_eq!(
        (tag.id.id(), tag.rule.as_str()),
        ("compensation", "clause-heading")
    );
    let n = doc("ndrc-2016");
    assert!(
        n.units
            .iter()
            .flat_map(|u| &u.mechanisms)
            .all(|m| m.rule == "keyword" || m.rule == "aligned-section"),
        "2016 predates the structure"
    );
    // Units with no cue take the mechanism of the central section their
    // counterpart lies in, and say so.
    let tag = &n.unit("3").unwrap().mechanisms[0];
    assert_eq!(
        (tag.id.id(), tag.rule.as_str()),
        ("policy-regulation", "aligned-section")
    );
    assert!(tag.cue.starts_with("central-2018 8 "), "{}", tag.cue);
    let tag = &n.unit("2").unwrap().mechanisms[0];
    assert_eq!(
        (tag.id.id(), tag.rule.as_str()),
        ("strategy", "aligned-section")
    );
    for d in &corpus().documents {
        for u in d.units.iter().filter(|u| u.kind != UnitKind::Preamble) {
            assert!(
                !u.mechanisms.is_empty(),
                "{} {} has no mechanism",
                d.id,
                u.path
            );
        }
    }
    let regions: Vec<&str> = s
        .unit("3.11")
        .unwrap()
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        regions.contains(&"cheng-yu") && regions.contains(&"chongqing"),
        "{regions:?}"
    );
    let known: HashSet<&str> = corpus().regions.iter().map(|r| r.id.as_str()).collect();
    for d in &corpus().documents {
        for u in &d.units {
            for r in &u.regions {
                assert!(
                    known.contains(r.id.as_str()) && u.text.contains(&r.cue),
                    "{} {} region {} cue {}",
                    d.id,
                    u.path,
                    r.id,
                    r.cue
                );
            }
        }
    }
}

#[test]
fn sources_carry_sizes_and_digests() {
    let sources = &corpus().sources;
    assert_eq!(sources.len(), 5);
    for s in sources {
        let bytes = std::fs::read(repo_root().join("corpus/raw").join(&s.file)).unwrap();
        assert_eq!(s.bytes, bytes.len());
        assert_eq!(s.digest, policy_pipeline::assemble::fnv1a64(&bytes));
    }
}
