//! Index parts: merging them in corpus order gives the index built in one
//! go, through their bytes, over the real corpus and random documents.

use super::*;
use crate::model::{load_corpus, Corpus, Document, RegionTag, Unit, UnitKind, UnitPath};
use crate::segment::Segmenter;
use proptest::prelude::*;

const CORPUS_JSON: &str = include_str!("../../../../corpus/corpus.json");

fn real_corpus() -> Corpus {
    load_corpus(CORPUS_JSON).expect("corpus/corpus.json loads")
}

/// Every document as a part (through its bytes), merged in order.
fn merged(corpus: &Corpus, segmenter: &Segmenter) -> SearchIndex {
    let mut builder = SearchIndexBuilder::new(corpus);
    for i in 0..corpus.documents.len() {
        let part = IndexPart::build(corpus, i, segmenter).expect("a part per document");
        let bytes = part.to_bytes().expect("serializes");
        let back = IndexPart::from_bytes(&bytes).expect("reads back");
        assert_eq!(back, part);
        assert!(builder.push_part(corpus, back), "part {i} fits");
    }
    assert!(builder.next_document().is_none());
    builder.finish(corpus)
}

#[test]
fn merged_parts_of_the_real_corpus_equal_the_index_built_in_one_go() {
    let corpus = real_corpus();
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let built = SearchIndex::build(&corpus, &segmenter);
    assert_eq!(merged(&corpus, &segmenter), built);
}

#[test]
fn stepping_some_documents_and_pushing_the_rest_gives_the_same_index() {
    let corpus = real_corpus();
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let mut builder = SearchIndexBuilder::new(&corpus);
    let mut stepped = 0;
    while let Some(i) = builder.next_document() {
        if i % 2 == 0 {
            // A few units at a time, never past the document's end.
            while !builder.step_in_document(&corpus, &segmenter, 3) {}
            assert!(builder.at_document_start() || builder.next_document().is_none());
            stepped += 1;
        } else {
            let part = IndexPart::build(&corpus, i, &segmenter).expect("part");
            assert!(builder.push_part(&corpus, part));
        }
    }
    assert!(stepped > 0);
    assert_eq!(
        builder.finish(&corpus),
        SearchIndex::build(&corpus, &segmenter)
    );
}

#[test]
fn a_part_of_another_document_or_out_of_turn_is_refused() {
    let corpus = real_corpus();
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let second = IndexPart::build(&corpus, 1, &segmenter).expect("part");
    let mut builder = SearchIndexBuilder::new(&corpus);
    assert!(
        !builder.push_part(&corpus, second.clone()),
        "not the next document"
    );
    builder.step(&corpus, &segmenter, 1);
    let first = IndexPart::build(&corpus, 0, &segmenter).expect("part");
    assert!(
        !builder.push_part(&corpus, first),
        "document already started"
    );
    assert_eq!(builder.progress().0, 1, "nothing was added");
}

#[test]
fn damaged_bytes_are_refused_not_merged() {
    let corpus = real_corpus();
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let bytes = IndexPart::build(&corpus, 0, &segmenter)
        .expect("part")
        .to_bytes()
        .expect("bytes");
    assert!(IndexPart::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(IndexPart::from_bytes(b"").is_err());
    assert!(IndexPart::from_bytes(&[0xff; 64]).is_err());
    // Every single flipped byte either fails to read or reads as a part
    // that is consistent (so merging it cannot go out of range).
    for at in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x5a;
        if let Ok(part) = IndexPart::from_bytes(&damaged) {
            let mut builder = SearchIndexBuilder::new(&corpus);
            let _ = builder.push_part(&corpus, part);
        }
    }
}

#[test]
fn fingerprints_change_with_the_document_and_the_gazetteer() {
    let corpus = real_corpus();
    let doc = &corpus.documents[0];
    let mut edited = doc.clone();
    edited.units[0].text.push('。');
    assert_eq!(
        document_fingerprint(doc),
        document_fingerprint(&doc.clone())
    );
    assert_ne!(document_fingerprint(doc), document_fingerprint(&edited));
    let stamp = part_stamp(&corpus.regions);
    assert_eq!(stamp, part_stamp(&corpus.regions));
    assert_ne!(stamp, part_stamp(&corpus.regions[1..]));
}

/// A unit of random text (Chinese policy words, region names, Latin,
/// punctuation) tagged with random regions of the real gazetteer.
pub(super) fn random_unit(
    index: usize,
    words: Vec<usize>,
    tags: Vec<usize>,
    regions: &[String],
) -> Unit {
    const WORDS: [&str; 14] = [
        "区域",
        "协调",
        "发展",
        "生态补偿",
        "机制",
        "四川省",
        "成渝",
        "。",
        "，",
        "GDP",
        "a",
        "𫫇",
        " ",
        "一",
    ];
    let text: String = words.iter().map(|&w| WORDS[w % WORDS.len()]).collect();
    let mut unit = Unit {
        path: UnitPath::new((index + 1).to_string()),
        label: String::new(),
        kind: UnitKind::Clause,
        heading: None,
        text,
        mechanisms: Vec::new(),
        regions: Vec::new(),
        provenance: super::tests::test_provenance(),
        restored: None,
    };
    unit.regions = tags
        .iter()
        .map(|&t| RegionTag {
            id: regions[t % regions.len()].clone(),
            rule: "test".into(),
            cue: String::new(),
        })
        .collect();
    unit
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn merged_parts_of_random_documents_equal_the_built_index(
        docs in prop::collection::vec(
            (
                prop::collection::vec(
                    (prop::collection::vec(0usize..14, 0..12), prop::collection::vec(0usize..64, 0..3)),
                    0..5,
                ),
                0usize..64,
            ),
            1..6,
        )
    ) {
        let mut corpus = real_corpus();
        let region_ids: Vec<String> = corpus.regions.iter().map(|r| r.id.clone()).collect();
        corpus.documents = docs
            .into_iter()
            .enumerate()
            .map(|(d, (units, jurisdiction))| {
                let units = units
                    .into_iter()
                    .enumerate()
                    .map(|(u, (words, tags))| random_unit(u, words, tags, &region_ids))
                    .collect();
                Document {
                    jurisdiction: Some(region_ids[jurisdiction % region_ids.len()].clone()),
                    date: Some("2019-01-01".into()),
                    ..Document::bare(&format!("doc-{d}"), units)
                }
            })
            .collect();
        let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
        prop_assert_eq!(merged(&corpus, &segmenter), SearchIndex::build(&corpus, &segmenter));
    }
}
