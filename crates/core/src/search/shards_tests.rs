//! Shard sets: with exactly the shards a request needs loaded, a search
//! gives the results of the index built in memory, over the real corpus
//! and random documents; damaged files are refused, never merged.

use super::parts_tests::{documents_of, random_documents, real_corpus};
use super::*;
use crate::model::Corpus;
use crate::segment::Segmenter;
use proptest::prelude::*;

fn request(query: &str) -> SearchRequest {
    SearchRequest::with_query(query)
}

/// Queries as typed, with filters, exclusions, Traditional input and none.
fn real_requests() -> Vec<SearchRequest> {
    let mut out: Vec<SearchRequest> = [
        "区域协调",
        "区",
        "区域",
        "区域协",
        "生态 补偿",
        "\"横向生态补偿\"",
        "橫向生態補償",
        "协调发",
        "对口支援 三州 -西藏",
        "GDP",
        "一带一路",
        "飞地经济 火星",
        "的",
        "-补偿",
        "\"\"",
    ]
    .iter()
    .map(|q| request(q))
    .collect();
    out.push(SearchRequest {
        regions: vec!["sichuan".into()],
        levels: vec!["provincial".into()],
        ..request("补偿")
    });
    out.push(SearchRequest {
        mechanisms: vec!["compensation".into()],
        ..request("生态")
    });
    out.push(SearchRequest {
        docs: vec!["sichuan".into()],
        years: vec!["2016".into(), "2018".into()],
        ..request("机制")
    });
    out.push(SearchRequest {
        regions: vec!["四川".into()],
        ..request("")
    });
    out.push(SearchRequest {
        mechanisms: vec!["mutual-aid".into()],
        ..request("")
    });
    out
}

/// An engine over `corpus` whose first `hosted` documents come from the
/// shard set's unit table (through its bytes) and the rest as parts.
fn sharded_engine(corpus: &Corpus, set: &ShardSet, segmenter: &Segmenter) -> SearchEngine {
    assert!(set.manifest.fits(corpus));
    let table = UnitTable::from_bytes(&set.manifest, &set.unit_table).expect("unit table reads");
    let mut builder = SearchEngineBuilder::new(corpus).expect("builder");
    while !builder
        .step_from_table(corpus, &table, 7)
        .expect("table fits the corpus")
    {}
    while let Some(i) = builder.next_document() {
        let part = IndexPart::build(corpus, i, segmenter).expect("part");
        assert!(builder.push_part(corpus, part));
    }
    builder.finish(corpus)
}

/// Loads exactly the shards `request` needs into a fresh set and searches.
fn search_with_needed_shards(
    engine: &SearchEngine,
    set: &ShardSet,
    request: &SearchRequest,
) -> (SearchResults, usize) {
    let mut loaded = LoadedShards::new(set.manifest.clone()).expect("manifest");
    let needed = engine.missing_shards(request, &loaded);
    if !needed.is_empty() {
        assert_eq!(
            engine.search_top_sharded(request, usize::MAX, &loaded),
            Err(MissingShards(needed.clone())),
            "refused before its shards are in"
        );
    }
    for &s in &needed {
        loaded
            .accept(s, &set.shards[s as usize])
            .expect("shard reads");
    }
    assert!(engine.missing_shards(request, &loaded).is_empty());
    let results = engine
        .search_top_sharded(request, usize::MAX, &loaded)
        .expect("every needed shard is in");
    (results, needed.len())
}

#[test]
fn searching_with_the_needed_shards_equals_the_in_memory_index_on_the_real_corpus() {
    let corpus = real_corpus();
    let in_memory = SearchEngine::new(&corpus).expect("engine");
    let set = ShardSet::from_index(in_memory.index(), &corpus.regions).expect("shard set");
    let shard_count = set.shards.len();
    assert!(shard_count > 1, "the bundled corpus splits ({shard_count})");
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let sharded = sharded_engine(&corpus, &set, &segmenter);
    for req in real_requests() {
        let (results, needed) = search_with_needed_shards(&sharded, &set, &req);
        assert_eq!(results, in_memory.search(&req), "request {req:?}");
        assert!(
            needed <= 3 * req.query.chars().count().max(1),
            "{req:?} needs {needed} of {shard_count} shards"
        );
        // KWIC lines read the units, which the unit table rebuilt.
        for hit in results.hits.iter().take(5) {
            assert_eq!(sharded.snippet(hit, 10), in_memory.snippet(hit, 10));
        }
    }
    // A query of one character needs one shard; filter-only browsing none.
    let one = request("区");
    let fresh = LoadedShards::new(set.manifest.clone()).expect("manifest");
    assert_eq!(sharded.missing_shards(&one, &fresh).len(), 1);
    assert!(sharded.missing_shards(&request(""), &fresh).is_empty());
}

#[test]
fn library_documents_after_the_hosted_corpus_join_as_parts() {
    let corpus = real_corpus();
    let mut hosted = corpus.clone();
    hosted.documents.truncate(corpus.documents.len() - 1);
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let set = ShardSet::build(&hosted, &segmenter).expect("shard set");
    let sharded = sharded_engine(&corpus, &set, &segmenter);
    let in_memory = SearchEngine::new(&corpus).expect("engine");
    for req in real_requests() {
        let (results, _) = search_with_needed_shards(&sharded, &set, &req);
        assert_eq!(results, in_memory.search(&req), "request {req:?}");
    }
}

#[test]
fn damaged_or_misplaced_files_are_refused_not_merged() {
    let corpus = real_corpus();
    let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
    let set = ShardSet::build(&corpus, &segmenter).expect("shard set");
    let mut loaded = LoadedShards::new(set.manifest.clone()).expect("manifest");
    let bytes = &set.shards[0];
    for at in (0..bytes.len()).step_by(bytes.len() / 61 + 1) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x5a;
        assert!(loaded.accept(0, &damaged).is_err(), "flipped byte {at}");
    }
    assert!(loaded.accept(0, &bytes[..bytes.len() / 2]).is_err());
    assert!(
        loaded.accept(1, bytes).is_err(),
        "shard 0's bytes as shard 1"
    );
    assert!(loaded.accept(99_999, bytes).is_err());
    assert_eq!(loaded.loaded_count(), 0, "nothing merged");
    loaded.accept(0, bytes).expect("the real bytes read");
    assert!(loaded.is_loaded(0));

    let table = &set.unit_table;
    let mut damaged = table.clone();
    damaged[table.len() / 2] ^= 1;
    assert!(UnitTable::from_bytes(&set.manifest, &damaged).is_err());
    assert!(UnitTable::from_bytes(&set.manifest, &table[..table.len() - 1]).is_err());

    // A set of another corpus or gazetteer does not fit.
    let mut other = corpus.clone();
    other.regions.pop();
    assert!(!set.manifest.fits(&other));
    let mut renamed = corpus.clone();
    renamed.documents[0].id.push('x');
    assert!(!set.manifest.fits(&renamed));
    // A table that fits by ids and counts but not by texts stops the build.
    let mut edited = corpus.clone();
    edited.documents[0].units[0].text.push_str("补充");
    let table = UnitTable::from_bytes(&set.manifest, &set.unit_table).expect("reads");
    let mut builder = SearchEngineBuilder::new(&edited).expect("builder");
    assert!(builder
        .step_from_table(&edited, &table, usize::MAX)
        .is_err());

    // The manifest round-trips through JSON; another format is refused.
    let json = set.manifest.to_json();
    assert_eq!(
        ShardManifest::from_json(&json).expect("reads"),
        set.manifest
    );
    let future = json.replacen(
        &format!("\"format\": {SHARD_FORMAT_VERSION}"),
        "\"format\": 999",
        1,
    );
    assert!(ShardManifest::from_json(&future).is_err());
    assert!(set.manifest_name().starts_with("manifest-"));
    assert!(set.manifest_name().ends_with(".json"));
}

/// A unit table of two units stored as (stamp, word counts, boundary
/// counts, boundary deltas), with a manifest whose entry matches its hash.
fn crafted_table(bound_counts: Vec<u32>, deltas: Vec<u32>) -> Result<UnitTable, ShardError> {
    use bincode::Options;
    let stamp = 0x1234_u64;
    let stored = (stamp, vec![1u32, 2], bound_counts, deltas);
    let bytes = bincode::DefaultOptions::new()
        .serialize(&stored)
        .expect("serializes");
    let manifest = ShardManifest {
        format: SHARD_FORMAT_VERSION,
        stamp: format!("{stamp:016x}"),
        documents: vec![ManifestDoc {
            id: "d".into(),
            units: 2,
        }],
        units: 2,
        unit_table: ShardFile {
            name: "units".into(),
            hash: format!("{:016x}", content_hash(&bytes)),
            bytes: bytes.len() as u64,
        },
        shards: Vec::new(),
    };
    UnitTable::from_bytes(&manifest, &bytes)
}

#[test]
fn unit_table_boundary_counts_that_overflow_or_do_not_add_up_are_refused() {
    let table = crafted_table(vec![1, 2], vec![3, 2, 4]).expect("well-formed table");
    assert_eq!(table.words(1), Some((vec![2, 6], 2)));
    assert!(
        crafted_table(vec![u32::MAX, 1], vec![]).is_err(),
        "overflow"
    );
    assert!(
        crafted_table(vec![1, 1], vec![3]).is_err(),
        "more than stored"
    );
    assert!(crafted_table(vec![1, 1], vec![3, 2, 4]).is_err(), "fewer");
    assert!(
        crafted_table(vec![1, 0], vec![3]).is_err(),
        "a unit without"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn random_documents_search_alike_sharded_and_in_memory(
        docs in random_documents(),
        library in 0usize..2,
        shard_count in 1u32..9,
        queries in prop::collection::vec(prop::collection::vec(0usize..10, 1..4), 1..5),
    ) {
        const QUERY_WORDS: [&str; 10] =
            ["区域", "协调", "生态补偿", "四川", "gdp", "一", "区", "\"发展机制\"", "-成渝", "𫫇"];
        let mut corpus = real_corpus();
        corpus.documents = documents_of(&corpus, docs);
        let mut hosted = corpus.clone();
        let keep = corpus.documents.len().saturating_sub(library).max(1);
        hosted.documents.truncate(keep);
        let segmenter = Segmenter::with_regions(&corpus.regions).expect("segmenter");
        let index = SearchIndex::build(&hosted, &segmenter);
        let set = ShardSet::split(&index, &hosted.regions, shard_count).expect("set");
        let sharded = sharded_engine(&corpus, &set, &segmenter);
        let in_memory = SearchEngine::new(&corpus).expect("engine");
        for words in queries {
            let query: Vec<&str> = words.iter().map(|&w| QUERY_WORDS[w]).collect();
            let req = request(&query.join(" "));
            let (results, _) = search_with_needed_shards(&sharded, &set, &req);
            prop_assert_eq!(results, in_memory.search(&req));
        }
    }
}
