//! Index parts: merging them in corpus order gives the index built in one
//! go, through their bytes, over the real corpus and random documents.

use super::*;
use crate::model::{load_corpus, Corpus, Document, RegionTag, Unit, UnitKind, UnitPath};
use crate::segment::Segmenter;
use bincode::Options;
use proptest::prelude::*;

const CORPUS_JSON: &str = include_str!("../../../../corpus/corpus.json");

pub(super) fn real_corpus() -> Corpus {
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

/// Random documents as drawn by [`random_documents`]: per document, its
/// units (word indices, region-tag indices) and a jurisdiction index.
pub(super) type RandomDocuments = Vec<(Vec<(Vec<usize>, Vec<usize>)>, usize)>;

/// One to five documents of up to four units of up to eleven words.
pub(super) fn random_documents() -> impl Strategy<Value = RandomDocuments> {
    prop::collection::vec(
        (
            prop::collection::vec(
                (
                    prop::collection::vec(0usize..14, 0..12),
                    prop::collection::vec(0usize..64, 0..3),
                ),
                0..5,
            ),
            0usize..64,
        ),
        1..6,
    )
}

/// The documents `docs` describes, tagged with regions of `corpus`.
pub(super) fn documents_of(corpus: &Corpus, docs: RandomDocuments) -> Vec<Document> {
    let region_ids: Vec<String> = corpus.regions.iter().map(|r| r.id.clone()).collect();
    docs.into_iter()
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
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn merged_parts_of_random_documents_equal_the_built_index(
        docs in random_documents()
    ) {
        let mut corpus = real_corpus();
        corpus.documents = documents_of(&corpus, docs);
        let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
        prop_assert_eq!(merged(&corpus, &segmenter), SearchIndex::build(&corpus, &segmenter));
    }
}

/// Postings as stored: key gaps, posting lengths, unit-id gaps (each
/// posting's first id absolute), counts, whole-token counts.
type StoredPostings = (Vec<u64>, Vec<u32>, Vec<u32>, Vec<u16>, Vec<u16>);

fn decode_postings(stored: &StoredPostings) -> Option<super::parts::PostingLists> {
    let bytes = bincode::DefaultOptions::new().serialize(stored).ok()?;
    bincode::DefaultOptions::new().deserialize(&bytes).ok()
}

fn posting(units: Vec<u32>) -> index::GramPosting {
    let n = units.len();
    index::GramPosting {
        units,
        count: vec![1; n],
        whole: vec![0; n],
    }
}

#[test]
fn postings_are_stored_as_gaps_and_read_back_unchanged() {
    let common: Vec<u32> = (70_000..80_000).collect();
    let lists = super::parts::PostingLists::from_grams([
        (index::bigram_key('区', '域'), posting(common.clone())),
        (index::unigram_key('区'), posting(vec![0, 5, 4_000_000_000])),
        (index::bigram_key('协', '调'), posting(vec![u32::MAX])),
    ]);
    let bytes = bincode::DefaultOptions::new()
        .serialize(&lists)
        .expect("serializes");
    let back: super::parts::PostingLists = bincode::DefaultOptions::new()
        .deserialize(&bytes)
        .expect("reads back");
    assert_eq!(back, lists);
    // Each of ten thousand consecutive ids takes a byte, with its count
    // and whole-token count three (absolute ids of this size, seven).
    assert!(bytes.len() < 4 * common.len(), "{} bytes", bytes.len());
    assert!(back.is_consistent(u32::MAX as usize + 1));
}

#[test]
fn stored_gaps_that_overflow_or_do_not_add_up_are_refused() {
    let fine: StoredPostings = (
        vec![7, 3],
        vec![2, 1],
        vec![4, 1, 9],
        vec![1; 3],
        vec![0; 3],
    );
    let lists = decode_postings(&fine).expect("well-formed gaps decode");
    assert!(lists.is_consistent(10));
    assert_eq!(lists.keys(), &[7, 10]);
    // An id summed past the unit count, or a zero gap (ids not ascending),
    // decodes but is not consistent.
    assert!(!lists.is_consistent(9));
    let repeated: StoredPostings = (vec![7], vec![2], vec![4, 0], vec![1; 2], vec![0; 2]);
    assert!(!decode_postings(&repeated).is_some_and(|l| l.is_consistent(10)));
    let refused: [StoredPostings; 4] = [
        // Unit ids overflow u32.
        (vec![7], vec![2], vec![u32::MAX, 1], vec![1; 2], vec![0; 2]),
        // Keys overflow u64.
        (
            vec![u64::MAX, 1],
            vec![1, 1],
            vec![0, 0],
            vec![1; 2],
            vec![0; 2],
        ),
        // Lengths longer, or shorter, than the ids stored.
        (vec![7], vec![3], vec![4, 1], vec![1; 2], vec![0; 2]),
        (vec![7], vec![1], vec![4, 1], vec![1; 2], vec![0; 2]),
    ];
    for stored in &refused {
        assert!(decode_postings(stored).is_none(), "{stored:?} refused");
    }
}
