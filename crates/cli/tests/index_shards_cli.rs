//! `policy-explorer index shards --out DIR` on the committed corpus: the
//! files the manifest names are all written, with the hashes it gives, and
//! searching through them gives the in-memory engine's results.

mod support;
use support::{bin, scratch, stderr};

use policy_core::model::load_corpus;
use policy_core::search::{
    content_hash, LoadedShards, SearchEngine, SearchEngineBuilder, SearchRequest, ShardManifest,
    UnitTable,
};

#[test]
fn index_shards_writes_a_set_that_searches_like_the_in_memory_index() {
    let out = scratch("index-shards");
    let run = bin()
        .args(["index", "shards", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let manifest_name = names
        .iter()
        .find(|n| n.starts_with("manifest-") && n.ends_with(".json"))
        .expect("a manifest");
    let manifest =
        ShardManifest::from_json(&std::fs::read_to_string(out.join(manifest_name)).unwrap())
            .expect("manifest reads");
    let read = |name: &str| std::fs::read(out.join(name)).unwrap();
    for file in manifest.shards.iter().chain([&manifest.unit_table]) {
        let bytes = read(&file.name);
        assert_eq!(format!("{:016x}", content_hash(&bytes)), file.hash);
        assert!(file.name.contains(&file.hash), "content-hashed name");
    }
    assert_eq!(
        names.len(),
        manifest.shards.len() + 2,
        "nothing else written"
    );

    let corpus = load_corpus(
        &std::fs::read_to_string(support::repo_root().join("corpus/corpus.json")).unwrap(),
    )
    .unwrap();
    assert!(manifest.fits(&corpus));
    let table = UnitTable::from_bytes(&manifest, &read(&manifest.unit_table.name)).unwrap();
    let mut builder = SearchEngineBuilder::new(&corpus).unwrap();
    while !builder
        .step_from_table(&corpus, &table, usize::MAX)
        .unwrap()
    {}
    let sharded = builder.finish(&corpus);
    let mut shards = LoadedShards::new(manifest.clone()).unwrap();
    let request = SearchRequest::with_query("横向生态补偿 机制");
    for s in sharded.missing_shards(&request, &shards) {
        shards
            .accept(s, &read(&manifest.shards[s as usize].name))
            .unwrap();
    }
    let in_memory = SearchEngine::new(&corpus).unwrap();
    assert_eq!(
        sharded
            .search_top_sharded(&request, usize::MAX, &shards)
            .unwrap(),
        in_memory.search(&request)
    );
    let _ = std::fs::remove_dir_all(&out);
}
