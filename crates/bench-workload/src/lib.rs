//! The search benchmarks' workload, one definition for the native bench
//! (`crates/bench`, `search_bench`) and the same work in Chromium
//! (`crates/bench-wasm`, `e2e/bench/scale-in-browser.mjs`), so that their
//! figures compare directly.

use policy_core::model::Corpus;
use policy_core::search::{SearchEngine, SearchRequest};

/// The queries typed, in order: typical searches, T/S variants, partial
/// words, phrases, exclusions.
pub const TYPED_QUERIES: [&str; 14] = [
    "区域协调发展",
    "横向生态补偿",
    "橫向生態補償",
    "协调发",
    "一带一路",
    "生态 补偿",
    "\"对口支援\"",
    "补偿 -横向",
    "机制",
    "产业 转移",
    "京津冀协同发展",
    "基本公共服务均等化",
    "飞地经济",
    "利益补偿机制",
];

/// How many hits the results list draws per keystroke.
pub const FIRST_SCREEN: usize = 50;

/// KWIC context (characters each side) of the results list.
pub const KWIC_WINDOW: usize = 20;

/// Every request of one round: each prefix of each typed query (one per
/// keystroke), then filter-only browsing.
pub fn query_set() -> Vec<SearchRequest> {
    let mut out: Vec<SearchRequest> = Vec::new();
    for q in TYPED_QUERIES {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            out.push(SearchRequest::with_query(
                chars[..n].iter().collect::<String>(),
            ));
        }
    }
    out.push(SearchRequest {
        mechanisms: vec!["compensation".into()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest {
        regions: vec!["sichuan".into()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest {
        query: "发展".into(),
        levels: vec!["provincial".into()],
        mechanisms: vec!["cooperation".into()],
        ..SearchRequest::default()
    });
    out.push(SearchRequest::default());
    out
}

/// `copies` copies of the corpus; copy k > 0 has one character per unit
/// swapped for another, so copies are not byte-identical.
pub fn replicate(corpus: &Corpus, copies: usize) -> Corpus {
    const SWAPS: [char; 6] = ['之', '其', '和', '及', '与', '并'];
    let mut out = corpus.clone();
    out.documents.clear();
    for k in 0..copies {
        for doc in &corpus.documents {
            let mut d = doc.clone();
            if k > 0 {
                d.id = format!("{}~{k}", doc.id);
                for (i, unit) in d.units.iter_mut().enumerate() {
                    let n = unit.text.chars().count();
                    if n > 0 {
                        let at = (k * 13 + i * 7) % n;
                        unit.text = unit
                            .text
                            .chars()
                            .enumerate()
                            .map(|(j, c)| {
                                if j == at && c > '\u{4e00}' {
                                    SWAPS[(k + i) % SWAPS.len()]
                                } else {
                                    c
                                }
                            })
                            .collect();
                    }
                }
            }
            out.documents.push(d);
        }
    }
    out
}

/// One keystroke as the results list does it: the first screen of hits and
/// their KWIC lines. Returns the total hit count.
pub fn keystroke(engine: &SearchEngine, request: &SearchRequest) -> usize {
    let results = engine.search_top(request, FIRST_SCREEN);
    let parts: usize = results
        .hits
        .iter()
        .take(FIRST_SCREEN)
        .map(|h| engine.snippet(h, KWIC_WINDOW).parts.len())
        .sum();
    std::hint::black_box(parts);
    results.total
}

/// Units and characters of a corpus.
pub fn size(corpus: &Corpus) -> (usize, usize) {
    let units = corpus.documents.iter().map(|d| d.units.len()).sum();
    let chars = corpus
        .documents
        .iter()
        .flat_map(|d| &d.units)
        .map(|u| u.text.chars().count())
        .sum();
    (units, chars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_core::model::load_corpus;

    #[test]
    fn copies_get_new_ids_and_differ_from_the_original() {
        let corpus =
            load_corpus(include_str!("../../../corpus/corpus.json")).expect("bundled corpus");
        let three = replicate(&corpus, 3);
        assert_eq!(three.documents.len(), corpus.documents.len() * 3);
        let mut ids: Vec<&str> = three.documents.iter().map(|d| d.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), three.documents.len(), "ids are unique");
        let original = &three.documents[0];
        let copy = &three.documents[corpus.documents.len()];
        assert_ne!(original.units, copy.units);
        assert_eq!(size(&three).0, size(&corpus).0 * 3);
    }

    #[test]
    fn every_keystroke_is_a_request_and_the_first_screen_is_searched() {
        let corpus =
            load_corpus(include_str!("../../../corpus/corpus.json")).expect("bundled corpus");
        let engine = SearchEngine::new(&corpus).expect("engine");
        let queries = query_set();
        let keystrokes: usize = TYPED_QUERIES.iter().map(|q| q.chars().count()).sum();
        assert_eq!(queries.len(), keystrokes + 4);
        assert!(keystroke(&engine, &SearchRequest::with_query("区域协调发展")) > 0);
    }
}
