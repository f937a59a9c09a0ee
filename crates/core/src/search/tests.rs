//! Engine tests on a small hand-built corpus.

use super::*;
use crate::model::*;

fn unit(path: &str, text: &str, mechs: &[Mechanism], regions: &[&str]) -> Unit {
    Unit {
        path: UnitPath::new(path),
        label: String::new(),
        kind: UnitKind::Clause,
        heading: text.split('。').next().map(|h| h.to_string()),
        text: text.into(),
        mechanisms: mechs
            .iter()
            .map(|m| MechanismTag {
                id: *m,
                rule: "test".into(),
                cue: String::new(),
            })
            .collect(),
        regions: regions
            .iter()
            .map(|r| RegionTag {
                id: r.to_string(),
                rule: "test".into(),
                cue: String::new(),
            })
            .collect(),
        provenance: test_provenance(),
        restored: None,
    }
}

fn doc(
    id: &str,
    jurisdiction: &str,
    level: Level,
    date: Option<&str>,
    units: Vec<Unit>,
) -> Document {
    Document {
        title: format!("{id} 标题"),
        jurisdiction: Some(jurisdiction.into()),
        level: Some(level),
        date: date.map(String::from),
        ..Document::bare(id, units)
    }
}

fn region(
    id: &str,
    name: &str,
    aliases: &[&str],
    parent: Option<&str>,
    members: &[&str],
) -> RegionInfo {
    RegionInfo {
        id: id.into(),
        name: name.into(),
        name_en: id.into(),
        kind: RegionKind::Province,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        parent: parent.map(String::from),
        members: members.iter().map(|m| m.to_string()).collect(),
    }
}

fn corpus() -> Corpus {
    use Mechanism::*;
    Corpus {
        schema_version: SCHEMA_VERSION,
        documents: vec![
            doc(
                "central",
                "cn",
                Level::Central,
                Some("2018-11-18"),
                vec![
                    unit(
                        "1",
                        "实施区域协调发展战略是新时代国家重大战略之一。",
                        &[General],
                        &[],
                    ),
                    unit(
                        "2.1",
                        "建立健全横向生态补偿机制，鼓励流域上下游开展补偿。",
                        &[Compensation],
                        &[],
                    ),
                    unit(
                        "2.2",
                        "生态保护要适当加强，对受损地区给予补偿。",
                        &[Compensation],
                        &[],
                    ),
                    unit(
                        "3.1",
                        "推动京津冀协同发展，支持四川承接产业转移。",
                        &[Strategy],
                        &["jjj", "sichuan"],
                    ),
                    unit(
                        "3.2",
                        "发展飞地经济，探索横向生态补偿的新方式。",
                        &[Cooperation, Compensation],
                        &[],
                    ),
                ],
            ),
            doc(
                "sichuan",
                "sichuan",
                Level::Provincial,
                None,
                vec![
                    unit(
                        "1.1",
                        "主动融入一带一路建设，深化区域合作。",
                        &[Strategy],
                        &[],
                    ),
                    unit(
                        "1.2",
                        "推进成都平原经济区一体化，促进区域协调发展。",
                        &[Cooperation],
                        &["chengdu"],
                    ),
                    unit(
                        "2.1",
                        "完善生态补偿制度，建立横向生态补偿试点。",
                        &[Compensation],
                        &[],
                    ),
                ],
            ),
            doc(
                "ndrc",
                "cn",
                Level::Ministry,
                Some("2016-08-16"),
                vec![unit(
                    "1",
                    "做好对口支援工作，对四川藏区给予适当补偿。",
                    &[MutualAid],
                    &["sichuan"],
                )],
            ),
        ],
        mechanisms: vec![],
        regions: vec![
            region("cn", "中国", &[], None, &[]),
            region("sichuan", "四川省", &["四川"], None, &[]),
            region("chengdu", "成都市", &["成都"], Some("sichuan"), &[]),
            region("beijing", "北京市", &["北京"], None, &[]),
            region("jjj", "京津冀", &[], None, &["beijing"]),
        ],
        substitutions: vec![],
        sources: vec![],
    }
}

fn engine() -> SearchEngine {
    SearchEngine::new(&corpus()).unwrap()
}

fn ids(results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| format!("{}:{}", h.doc, h.path))
        .collect()
}

fn search(e: &SearchEngine, q: &str) -> SearchResults {
    e.search(&SearchRequest::with_query(q))
}

#[test]
fn traditional_and_simplified_queries_give_identical_results() {
    let e = engine();
    let s = search(&e, "横向生态补偿");
    let t = search(&e, "橫向生態補償");
    assert_eq!(ids(&s), ids(&t));
    assert_eq!(s.total, 3);
    assert_eq!(s.facets, t.facets);
}

#[test]
fn exact_phrase_ranks_above_scattered_words() {
    let e = engine();
    // 适当补偿 is cut into 适当 + 补偿: central 2.2 has them scattered,
    // ndrc 1 contiguous (and is longer, which BM25 alone would penalize).
    let r = search(&e, "适当补偿");
    assert_eq!(ids(&r), vec!["ndrc:1", "central:2.2"]);
    // Quoted: only the contiguous occurrence.
    let quoted = search(&e, "\"适当补偿\"");
    assert_eq!(ids(&quoted), vec!["ndrc:1"]);
    // A lexicon word is one piece: 生态补偿 never matches 生态…补偿.
    assert_eq!(search(&e, "生态补偿").total, 3);
}

#[test]
fn substring_inside_a_longer_word_matches() {
    let e = engine();
    let r = search(&e, "协调发");
    let mut got = ids(&r);
    got.sort();
    assert_eq!(got, vec!["central:1", "sichuan:1.2"]);
    // Single characters never match scattered: 区合 does not occur
    // contiguously, so nothing matches although 区 and 合 both occur.
    assert_eq!(search(&e, "区合").total, 0);
    let hit = &r.hits[0];
    let text = &e.unit(hit).unwrap().text;
    let (s, end) = hit.matches[0];
    assert!(text[s..end].contains("协调"));
}

#[test]
fn several_terms_must_all_match_and_minus_excludes() {
    let e = engine();
    assert_eq!(ids(&search(&e, "生态 试点")), vec!["sichuan:2.1"]);
    let r = search(&e, "补偿 -横向");
    let got = ids(&r);
    assert!(got.contains(&"central:2.2".to_string()));
    assert!(got.contains(&"ndrc:1".to_string()));
    assert!(got
        .iter()
        .all(|id| !["central:2.1", "central:3.2", "sichuan:2.1"].contains(&id.as_str())));
}

#[test]
fn empty_query_with_filters_browses() {
    let e = engine();
    let mut req = SearchRequest {
        mechanisms: vec!["compensation".into()],
        ..SearchRequest::default()
    };
    let r = e.search(&req);
    assert_eq!(
        ids(&r),
        vec!["central:2.1", "central:2.2", "central:3.2", "sichuan:2.1"]
    );
    assert!(r.diagnosis.is_none());
    // Chinese name works as well.
    req.mechanisms = vec!["区际利益补偿机制".into()];
    assert_eq!(e.search(&req).total, 4);
    // No query, no filter: everything.
    assert_eq!(e.search(&SearchRequest::default()).total, 9);
}

#[test]
fn region_filter_reports_issued_by_and_mentions() {
    let e = engine();
    let mut req = SearchRequest {
        regions: vec!["四川".into()],
        ..SearchRequest::default()
    };
    let r = e.search(&req);
    let got = ids(&r);
    // Issued by Sichuan (3 units), mentions Sichuan (central 3.1, ndrc 1).
    assert_eq!(got.len(), 5, "{got:?}");
    let issued = r
        .hits
        .iter()
        .find(|h| h.doc == "sichuan" && h.path == "1.1")
        .unwrap();
    assert_eq!(
        issued.region_matches,
        vec![RegionMatch {
            region: "sichuan".into(),
            issued_by: true,
            mentions: false
        }]
    );
    let mention = r.hits.iter().find(|h| h.doc == "ndrc").unwrap();
    assert!(!mention.region_matches[0].issued_by);
    assert!(mention.region_matches[0].mentions);
    // sichuan 1.2 mentions Chengdu, a place inside Sichuan, and is issued by it.
    let both = r
        .hits
        .iter()
        .find(|h| h.doc == "sichuan" && h.path == "1.2")
        .unwrap();
    assert!(both.region_matches[0].issued_by && both.region_matches[0].mentions);
    // A strategy area covers its members: Beijing is inside 京津冀.
    req.regions = vec!["beijing".into()];
    assert_eq!(ids(&e.search(&req)), Vec::<String>::new());
    req.regions = vec!["jjj".into()];
    assert_eq!(ids(&e.search(&req)), vec!["central:3.1"]);
}

#[test]
fn filters_combine_with_each_other_and_the_query() {
    let e = engine();
    let req = SearchRequest {
        query: "补偿".into(),
        regions: vec!["sichuan".into()],
        levels: vec!["provincial".into()],
        ..SearchRequest::default()
    };
    assert_eq!(ids(&e.search(&req)), vec!["sichuan:2.1"]);
    let req = SearchRequest {
        query: "补偿".into(),
        years: vec!["2016".into()],
        ..SearchRequest::default()
    };
    assert_eq!(ids(&e.search(&req)), vec!["ndrc:1"]);
    let req = SearchRequest {
        docs: vec!["central".into(), "ndrc".into()],
        mechanisms: vec!["mutual-aid".into(), "strategy".into()],
        ..SearchRequest::default()
    };
    assert_eq!(ids(&e.search(&req)), vec!["central:3.1", "ndrc:1"]);
}

#[test]
fn facet_counts_reflect_the_query_and_the_other_filters() {
    let e = engine();
    let req = SearchRequest {
        query: "补偿".into(),
        levels: vec!["central".into()],
        ..SearchRequest::default()
    };
    let r = e.search(&req);
    assert_eq!(r.total, 3);
    fn count<V: PartialEq>(list: &[FacetCount<V>], v: V) -> usize {
        list.iter().find(|f| f.value == v).unwrap().count
    }
    // Level facet ignores the level filter itself: 补偿 in all levels.
    assert_eq!(count(&r.facets.level, Level::Central), 3);
    assert_eq!(count(&r.facets.level, Level::Provincial), 1);
    assert_eq!(count(&r.facets.level, Level::Ministry), 1);
    assert!(
        r.facets
            .level
            .iter()
            .find(|f| f.value == Level::Central)
            .unwrap()
            .selected
    );
    assert_eq!(r.facets.selected_count(), 1);
    // Other facets respect the level filter.
    assert_eq!(count(&r.facets.mechanism, Mechanism::Compensation), 3);
    assert_eq!(count(&r.facets.mechanism, Mechanism::MutualAid), 0);
    assert_eq!(count(&r.facets.doc, "central".to_string()), 3);
    assert_eq!(count(&r.facets.doc, "sichuan".to_string()), 0);
    assert_eq!(count(&r.facets.year, 2018), 3);
}

#[test]
fn no_results_diagnosis_names_the_filter() {
    let e = engine();
    let req = SearchRequest {
        query: "飞地".into(),
        levels: vec!["provincial".into()],
        ..SearchRequest::default()
    };
    let r = e.search(&req);
    assert_eq!(r.total, 0);
    let d = r.diagnosis.unwrap();
    assert_eq!(d.query_alone, 1);
    assert_eq!(d.emptied_by, Some(FilterKind::Level));
    assert_eq!(
        d.cause(),
        NoResultsCause::FilterExcludesAll {
            query_alone: 1,
            filter: FilterKind::Level
        }
    );
    let r = search(&e, "不存在的词语");
    let d = r.diagnosis.unwrap();
    assert_eq!((d.query_alone, d.emptied_by), (0, None));
    assert_eq!(d.cause(), NoResultsCause::QueryMatchesNothing);
}

#[test]
fn unknown_filter_values_are_ignored_with_notices() {
    let e = engine();
    let req = SearchRequest {
        regions: vec!["atlantis".into()],
        mechanisms: vec!["nope".into()],
        ..SearchRequest::default()
    };
    let r = e.search(&req);
    assert_eq!(r.total, 9);
    assert_eq!(
        r.notices,
        vec![
            FilterNotice {
                filter: FilterKind::Region,
                value: "atlantis".into()
            },
            FilterNotice {
                filter: FilterKind::Mechanism,
                value: "nope".into()
            },
        ]
    );
}

#[test]
fn hits_are_grouped_by_document_best_first() {
    let e = engine();
    let r = search(&e, "补偿");
    let docs: Vec<&str> = r.groups.iter().map(|g| g.doc.as_str()).collect();
    let mut unique = docs.clone();
    unique.dedup();
    assert_eq!(docs, unique);
    assert_eq!(
        r.groups.iter().map(|g| g.hits.len()).sum::<usize>(),
        r.total
    );
    assert_eq!(r.groups[0].doc, r.hits[0].doc);
    for g in &r.groups {
        assert!(g
            .hits
            .windows(2)
            .all(|w| r.hits[w[0]].score >= r.hits[w[1]].score));
    }
}

#[test]
fn search_top_keeps_totals_and_groups_but_fewer_hits() {
    let e = engine();
    let all = search(&e, "补偿");
    let top = e.search_top(&SearchRequest::with_query("补偿"), 2);
    assert_eq!(top.total, all.total);
    assert_eq!(top.hits.len(), 2);
    assert_eq!(top.hits[..], all.hits[..2]);
    assert_eq!(top.facets, all.facets);
    let totals: usize = top.groups.iter().map(|g| g.total).sum();
    assert_eq!(totals, all.total);
    assert_eq!(top.groups.iter().map(|g| g.hits.len()).sum::<usize>(), 2);
}

#[test]
fn snippets_highlight_the_match() {
    let e = engine();
    let r = search(&e, "飞地经济");
    let snip = e.snippet(&r.hits[0], 3);
    assert_eq!(snip.to_marked("[", "]"), "发展[飞地经济]，探索…");
}

#[test]
fn term_frequencies_skip_stop_words() {
    let e = engine();
    let r = search(&e, "补偿");
    let tf = term_frequencies(e.index(), &r.hits, &StopWords::builtin(), 5);
    let central = tf.by_doc.iter().find(|g| g.key == "central").unwrap();
    assert!(
        central
            .terms
            .iter()
            .any(|t| t.term == "补偿" && t.count == 2),
        "{:?}",
        central.terms
    );
    assert!(tf
        .by_doc
        .iter()
        .flat_map(|g| &g.terms)
        .all(|t| t.term != "的" && t.term != "，"));
    assert!(tf.by_mechanism.iter().any(|g| g.key == "compensation"));
}

#[test]
fn export_has_every_hit() {
    let e = engine();
    let r = search(&e, "补偿");
    let rows = export_rows(&e, &r, 10);
    assert_eq!(rows.len(), r.total);
    let csv = to_csv(&rows);
    assert_eq!(csv.matches("\r\n").count(), r.total + 1);
    let json: serde_json::Value = serde_json::from_str(&to_json(&rows)).unwrap();
    assert_eq!(json["total"], r.total);
}

#[test]
fn index_serializes_and_round_trips() {
    let e = engine();
    let json = serde_json::to_string(e.index()).unwrap();
    let back: SearchIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, e.index());
}

/// A corpus with one restored unit: witness 微观调控, restored 宏观调控.
fn restored_engine() -> SearchEngine {
    use crate::restoration::{Evidence, RestoredChange, RestoredReading};
    let mut c = corpus();
    let mut u = unit(
        "8.25",
        "建立健全区域政策与其他微观调控政策联动机制。",
        &[],
        &[],
    );
    let start = u.text.find("微观").unwrap();
    u.provenance.reworded = true;
    u.restored = Some(RestoredReading {
        text: u.text.replace("微观", "宏观"),
        heading: Some("建立健全区域政策与其他宏观调控政策联动机制".into()),
        changes: vec![RestoredChange {
            start,
            end: start + "宏观".len(),
            witness_start: start,
            witness_end: start + "微观".len(),
            witness: "微观".into(),
            restored: "宏观".into(),
            score: 1.0,
            context_score: 0.5,
            doubtful: true,
            evidence: vec![Evidence::Lexicon {
                word: "宏观调控".into(),
            }],
        }],
        doubtful: true,
        doubts: vec![],
    });
    c.documents[0].units.push(u);
    SearchEngine::new(&c).unwrap()
}

#[test]
fn a_restored_unit_is_found_by_its_reading_and_by_its_witness_wording() {
    let e = restored_engine();
    for q in ["宏观调控", "\"其他宏观调控政策\"", "微观调控"] {
        let r = search(&e, q);
        assert!(
            ids(&r).iter().any(|id| id.ends_with(":8.25")),
            "{q}: {:?}",
            ids(&r)
        );
    }
    let r = search(&e, "宏观调控");
    let hit = r.hits.iter().find(|h| h.path == "8.25").unwrap();
    assert_eq!(
        hit.heading.as_deref(),
        Some("建立健全区域政策与其他宏观调控政策联动机制")
    );
    // The snippet shows the restored reading where it matches.
    let snippet = e.snippet(hit, 8).to_marked("【", "】");
    assert!(snippet.contains("【宏观调控】"), "{snippet}");
    // A wide window stays inside the reading: no witness text after it.
    let wide = e.snippet(hit, 200).to_marked("", "");
    assert!(!wide.contains("微观"), "{wide}");
    // A hit on the witness wording alone shows the witness text.
    let r = search(&e, "微观调控");
    let hit = r.hits.iter().find(|h| h.path == "8.25").unwrap();
    let witness = e.snippet(hit, 200).to_marked("【", "】");
    assert!(witness.contains("【微观调控】"), "{witness}");
    assert!(!witness.contains("宏观"), "{witness}");
    // Term counts come from the reading only.
    let tf = term_frequencies(e.index(), &r.hits, &StopWords::builtin(), 50);
    assert!(tf
        .by_doc
        .iter()
        .flat_map(|g| &g.terms)
        .all(|t| !t.term.contains("微观")));
}

#[test]
fn exports_carry_the_reading_the_witness_text_and_a_flag() {
    let e = restored_engine();
    let r = search(&e, "调控");
    let rows = export_rows(&e, &r, 10);
    let row = rows.iter().find(|r| r.path == "8.25").unwrap();
    assert_eq!(row.text, "建立健全区域政策与其他宏观调控政策联动机制。");
    assert_eq!(
        row.witness_text.as_deref(),
        Some("建立健全区域政策与其他微观调控政策联动机制。")
    );
    assert_eq!(row.restoration, Some(RestorationFlag::Doubtful));
    let json: serde_json::Value = serde_json::from_str(&to_json(&rows)).unwrap();
    let hit = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["path"] == "8.25")
        .unwrap();
    assert_eq!(hit["restoration"], "doubtful");
    // Units without a restoration carry neither.
    let plain = export_rows(&e, &search(&e, "补偿"), 10);
    assert!(plain
        .iter()
        .all(|r| r.witness_text.is_none() && r.restoration.is_none()));
}

#[test]
fn an_index_built_a_few_units_at_a_time_equals_one_built_at_once() {
    let corpus = corpus();
    let segmenter = crate::segment::Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let whole = SearchIndex::build(&corpus, &segmenter);
    for step in [1, 7, 1000] {
        let mut builder = SearchIndexBuilder::new(&corpus);
        let mut steps = 0;
        while !builder.step(&corpus, &segmenter, step) {
            steps += 1;
            let (done, total) = builder.progress();
            assert!(done <= total);
        }
        assert_eq!(builder.progress().0, builder.progress().1);
        if step == 1 {
            assert_eq!(steps, builder.progress().1, "one unit per step");
        }
        assert_eq!(
            builder.finish(&corpus),
            whole,
            "built {step} units at a time"
        );
    }
}

/// The provenance of a unit made up for a test.
pub(super) fn test_provenance() -> Provenance {
    Provenance {
        file: "test.txt".into(),
        lines: (1, 1),
        reworded: false,
        also_in: vec![],
        repairs: vec![],
    }
}
