//! The restored readings the pipeline writes are consistent with the
//! witness text they restore, cover exactly the reworded-only units, and
//! give every change its evidence. (That they are up to date is the corpus
//! up-to-date check in `corpus_golden.rs`: it rebuilds them.)

use policy_core::model::{load_corpus, Corpus};
use policy_core::restoration::Evidence;
use std::path::PathBuf;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/corpus.json");
        load_corpus(&std::fs::read_to_string(path).expect("corpus")).expect("loads")
    })
}

#[test]
fn exactly_the_reworded_only_units_have_a_restored_reading() {
    for d in &corpus().documents {
        for u in &d.units {
            assert_eq!(
                u.restored.is_some(),
                u.provenance.reworded,
                "{}:{}",
                d.id,
                u.path
            );
        }
    }
    let central = corpus().document("central-2018").expect("central");
    let restored = central
        .units
        .iter()
        .filter(|u| u.restored.is_some())
        .count();
    assert_eq!(restored, 23);
}

#[test]
fn applying_the_changes_to_the_witness_text_gives_the_restored_text() {
    for d in &corpus().documents {
        for u in &d.units {
            let Some(r) = &u.restored else { continue };
            let mut rebuilt = String::new();
            let mut at = 0;
            let mut last_end = 0;
            for c in &r.changes {
                assert!(c.witness_start >= at, "{}: overlapping changes", u.path);
                assert_eq!(&u.text[c.witness_start..c.witness_end], c.witness);
                assert_eq!(&r.text[c.start..c.end], c.restored);
                assert_ne!(c.witness, c.restored);
                rebuilt.push_str(&u.text[at..c.witness_start]);
                assert_eq!(rebuilt.len(), c.start, "{}: offsets drift", u.path);
                rebuilt.push_str(&c.restored);
                at = c.witness_end;
                last_end = c.end;
                assert!(
                    !c.evidence.is_empty(),
                    "{}: a change without evidence",
                    u.path
                );
            }
            rebuilt.push_str(&u.text[at..]);
            assert_eq!(rebuilt, r.text, "{}", u.path);
            assert!(last_end <= r.text.len());
            // A heading that leads the witness text leads the restored text.
            if let (Some(h), Some(wh)) = (&r.heading, &u.heading) {
                if u.text.starts_with(wh.as_str()) {
                    assert!(r.text.starts_with(h.as_str()), "{}: {h}", u.path);
                }
            }
            let weak = r.changes.iter().any(|c| c.doubtful);
            assert!(
                !weak || r.doubtful,
                "{}: a doubtful change in a confident unit",
                u.path
            );
        }
    }
}

#[test]
fn the_published_section_headings_and_key_wording_are_restored() {
    let central = corpus().document("central-2018").expect("central");
    let reading = |p: &str| central.unit(p).expect(p).reading().to_string();
    assert_eq!(reading("5"), "优化区域互助机制");
    assert_eq!(reading("7"), "完善基本公共服务均等化机制");
    assert_eq!(reading("8"), "创新区域政策调控机制");
    assert_eq!(reading("9"), "健全区域发展保障机制");
    assert_eq!(reading("10"), "切实加强组织实施");
    // Authentic wording is left as the witness has it.
    assert_eq!(reading("4"), "深化区域合作机制");
    assert_eq!(reading("6"), "健全区际利益补偿机制");
    assert!(reading("8.25").contains("宏观调控"));
    assert!(
        reading("10.29").contains("机制作用"),
        "the break across a word boundary"
    );
    // The witness text itself is untouched.
    assert_eq!(
        central.unit("7").expect("7").text,
        "完善根本公共效劳均等化机制"
    );
    // 五、 rests on quotes, not on a learned pair.
    let five = central
        .unit("5")
        .and_then(|u| u.restored.as_ref())
        .expect("5");
    assert!(five.changes[0]
        .evidence
        .iter()
        .all(|e| matches!(e, Evidence::Quote { .. } | Evidence::LanguageModel { .. })));
}
