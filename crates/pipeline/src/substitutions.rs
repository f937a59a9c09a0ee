//! Learning the rewording tool's substitution pairs (发展→开展, 服务→效劳 …)
//! by diffing clauses both witnesses carry: the faithful text against the
//! machine-reworded one.
//!
//! Both texts are cut into words with the project's segmenter and diffed
//! word by word (a character diff would report 发→开 instead of 发展→开展,
//! and glue neighbouring swaps together: 推动形成→推进构成). A replaced run
//! with as many words on each side pairs them one to one; otherwise the run
//! counts as one pair when it is short enough to be a single expression
//! (服务 → 效 劳 when the dictionary does not know 效劳). Longer uneven
//! runs (the lexicon knows 区域协调发展 but not 区域协调开展) are diffed by
//! character; a one-character change there (发→开) is widened to the
//! two-character word the word-level pairs support best (发展→开展 rather
//! than 调发→调开).

use policy_core::ingest::punctuation::is_cjk;
use policy_core::model::SubstitutionPair;
use policy_core::segment::Segmenter;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::collections::BTreeMap;
use std::hash::Hash;
use std::ops::Range;

/// Longest expression (in characters) accepted as one substitution.
const MAX_WORD: usize = 4;

/// One aligned pair of texts: the unit path, the faithful text and the
/// reworded text.
pub struct AlignedText<'a> {
    /// The unit path.
    pub path: &'a str,
    /// The faithful text.
    pub original: &'a str,
    /// The reworded text.
    pub reworded: &'a str,
}

fn cjk_word(s: &str) -> bool {
    let n = s.chars().count();
    n > 0 && n <= MAX_WORD && s.chars().all(is_cjk)
}

/// The changed runs of a Myers diff of `a` and `b`: every maximal stretch
/// of adjacent delete/insert/replace operations, as its range in `a` and its
/// range in `b` (one of them empty for a pure insertion or deletion). Both
/// the word diff and the character diff read their changes this way.
pub fn changed_runs<T: Eq + Hash>(a: &[T], b: &[T]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut runs: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut in_run = false;
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            in_run = false;
            continue;
        }
        match runs.last_mut() {
            Some((o, n)) if in_run => {
                o.end = old.end;
                n.end = new.end;
            }
            _ => runs.push((old, new)),
        }
        in_run = true;
    }
    runs
}

/// A changed run the word diff could not pair: the two strings.
struct Leftover {
    original: String,
    reworded: String,
}

/// The substituted word pairs in one aligned pair of texts, and the runs
/// left for the character diff.
fn observe(
    segmenter: &Segmenter,
    original: &str,
    reworded: &str,
) -> (Vec<(String, String)>, Vec<Leftover>) {
    let a = segmenter.words(original);
    let b = segmenter.words(reworded);
    let mut out = Vec::new();
    let mut leftovers = Vec::new();
    for (o, n) in changed_runs(&a, &b) {
        let (old, new) = (&a[o], &b[n]);
        if old.is_empty() || new.is_empty() {
            continue;
        }
        if old.len() == new.len() {
            for (x, y) in old.iter().zip(new) {
                if x != y && cjk_word(x) && cjk_word(y) {
                    out.push((x.to_string(), y.to_string()));
                }
            }
        } else {
            let (x, y) = (old.concat(), new.concat());
            if cjk_word(&x) && cjk_word(&y) {
                out.push((x, y));
            } else {
                leftovers.push(Leftover {
                    original: x,
                    reworded: y,
                });
            }
        }
    }
    (out, leftovers)
}

/// Character-level pairs in a leftover run. One-character changes are
/// widened by the neighbour whose widened pair `support` knows better.
fn observe_chars(
    run: &Leftover,
    support: &BTreeMap<(String, String), usize>,
) -> Vec<(String, String)> {
    let a: Vec<char> = run.original.chars().collect();
    let b: Vec<char> = run.reworded.chars().collect();
    let mut out = Vec::new();
    for (o, n) in changed_runs(&a, &b) {
        let (old, new): (String, String) =
            (a[o.clone()].iter().collect(), b[n.clone()].iter().collect());
        if !cjk_word(&old) || !cjk_word(&new) {
            continue;
        }
        let before = (o.start > 0 && n.start > 0 && a[o.start - 1] == b[n.start - 1])
            .then(|| a[o.start - 1]);
        let after = (o.end < a.len() && n.end < b.len() && a[o.end] == b[n.end]).then(|| a[o.end]);
        out.extend(explain(&old, &new, before, after, support));
    }
    out
}

/// Explains a character-level change with pairs the word diff already
/// established: the whole change, a split of it into two known pairs, or a
/// one-character change widened by an unchanged neighbour (`before` /
/// `after`). The character diff never introduces a pair of its own.
fn explain(
    old: &str,
    new: &str,
    before: Option<char>,
    after: Option<char>,
    support: &BTreeMap<(String, String), usize>,
) -> Vec<(String, String)> {
    let known = |x: &str, y: &str| {
        support
            .get(&(x.to_string(), y.to_string()))
            .copied()
            .unwrap_or(0)
    };
    if known(old, new) > 0 {
        return vec![(old.into(), new.into())];
    }
    let (oc, nc): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    if oc.len() == 1 && nc.len() == 1 {
        let left = before.map(|c| (format!("{c}{old}"), format!("{c}{new}")));
        let right = after.map(|c| (format!("{old}{c}"), format!("{new}{c}")));
        let score = |p: &Option<(String, String)>| p.as_ref().map_or(0, |(x, y)| known(x, y));
        return match (score(&left), score(&right)) {
            (0, 0) => Vec::new(),
            (l, r) if l > r => left.into_iter().collect(),
            _ => right.into_iter().collect(),
        };
    }
    if oc.len() == nc.len() {
        for k in 1..oc.len() {
            let (ol, or): (String, String) = (oc[..k].iter().collect(), oc[k..].iter().collect());
            let (nl, nr): (String, String) = (nc[..k].iter().collect(), nc[k..].iter().collect());
            if known(&ol, &nl) > 0 {
                // The left neighbour of the rest changed, so only `after` can widen it.
                let rest = explain(&or, &nr, None, after, support);
                if !rest.is_empty() {
                    let mut v = vec![(ol, nl)];
                    v.extend(rest);
                    return v;
                }
            }
        }
    }
    Vec::new()
}

/// Removes context a pair shares at either end, down to a two-character
/// word: 贫困地区→贫困区域 is 地区→区域, 基础设施→基础设备 is 设施→设备,
/// 整体性→全体性 is 整体→全体. A single shared character is only trimmed
/// when that leaves exactly two characters, so 发展→开展 stays whole and
/// 自由贸易→自在交易 (two swaps) is not cut into 由贸→在交. `None` when
/// the pair is no substitution: one side empty or contained in the other
/// (一→统一 is an insertion).
fn trim_shared(original: &str, reworded: &str) -> Option<(String, String)> {
    let mut a: Vec<char> = original.chars().collect();
    let mut b: Vec<char> = reworded.chars().collect();
    let shared_prefix =
        |a: &[char], b: &[char]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let shared_suffix = |a: &[char], b: &[char]| {
        a.iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
    };
    for from_end in [false, true] {
        let shared = if from_end {
            shared_suffix(&a, &b)
        } else {
            shared_prefix(&a, &b)
        };
        let k = shared.min(a.len().min(b.len()).saturating_sub(2));
        let left = a.len().min(b.len()) - k;
        if k >= 2 || (k == 1 && left == 2 && a.len() == b.len()) {
            if from_end {
                a.truncate(a.len() - k);
                b.truncate(b.len() - k);
            } else {
                a.drain(..k);
                b.drain(..k);
            }
        }
    }
    let (x, y): (String, String) = (a.into_iter().collect(), b.into_iter().collect());
    (!x.is_empty() && !y.is_empty() && !x.contains(&y) && !y.contains(&x)).then_some((x, y))
}

/// What one aligned pair of texts showed.
struct Observed<'a> {
    path: &'a str,
    pairs: Vec<(String, String)>,
    leftovers: Vec<Leftover>,
}

/// Learns substitution pairs with counts from aligned texts, most frequent
/// first (ties in code-point order, so the output is deterministic).
pub fn learn_substitutions(
    segmenter: &Segmenter,
    texts: &[AlignedText<'_>],
) -> Vec<SubstitutionPair> {
    let observed: Vec<Observed> = texts
        .iter()
        .map(|t| {
            let (pairs, leftovers) = observe(segmenter, t.original, t.reworded);
            Observed {
                path: t.path,
                pairs,
                leftovers,
            }
        })
        .collect();
    let mut support: BTreeMap<(String, String), usize> = BTreeMap::new();
    for o in &observed {
        for p in &o.pairs {
            if let Some(p) = trim_shared(&p.0, &p.1) {
                *support.entry(p).or_default() += 1;
            }
        }
    }
    let mut counts: BTreeMap<(String, String), (usize, String)> = BTreeMap::new();
    for Observed {
        path,
        pairs,
        leftovers,
    } in &observed
    {
        let from_chars = leftovers.iter().flat_map(|l| observe_chars(l, &support));
        for pair in pairs.iter().cloned().chain(from_chars) {
            let Some(pair) = trim_shared(&pair.0, &pair.1) else {
                continue;
            };
            let e = counts.entry(pair).or_insert((0, path.to_string()));
            e.0 += 1;
        }
    }
    let mut pairs: Vec<SubstitutionPair> = counts
        .into_iter()
        .map(|((original, reworded), (count, path))| SubstitutionPair {
            original,
            reworded,
            count,
            example_path: Some(path),
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then_with(|| x.original.cmp(&y.original))
            .then_with(|| x.reworded.cmp(&y.reworded))
    });
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learn(pairs: &[(&str, &str)]) -> Vec<(String, String, usize)> {
        let texts: Vec<AlignedText> = pairs
            .iter()
            .map(|(a, b)| AlignedText {
                path: "1",
                original: a,
                reworded: b,
            })
            .collect();
        let segmenter = Segmenter::new().expect("segmenter");
        learn_substitutions(&segmenter, &texts)
            .into_iter()
            .map(|p| (p.original, p.reworded, p.count))
            .collect()
    }

    #[test]
    fn word_level_pairs_not_character_fragments() {
        let got = learn(&[
            (
                "区域协调发展战略，推动发展。",
                "区域协调开展战略，推动开展。",
            ),
            ("更加有效的机制", "更加有用的机制"),
            ("有效运行", "有用运行"),
        ]);
        assert_eq!(got[0], ("发展".into(), "开展".into(), 2));
        assert!(got.contains(&("有效".into(), "有用".into(), 2)), "{got:?}");
        let got = learn(&[("推动形成全国统一市场", "推进构成全国统一市场")]);
        assert!(got.contains(&("推动".into(), "推进".into(), 1)), "{got:?}");
        assert!(got.contains(&("形成".into(), "构成".into(), 1)), "{got:?}");
    }

    #[test]
    fn two_character_swaps_and_lexicon_compounds() {
        // The lexicon knows 公共服务均等化 as one word; the reworded side is
        // cut differently, so the character diff explains it with the pair
        // the first text established at word level.
        let got = learn(&[
            ("提供优质服务。", "提供优质效劳。"),
            ("公共服务均等化", "公共效劳均等化"),
            ("认真实施方案", "认真施行方案"),
        ]);
        assert!(got.contains(&("服务".into(), "效劳".into(), 2)), "{got:?}");
        assert!(got.contains(&("实施".into(), "施行".into(), 1)), "{got:?}");
    }

    #[test]
    fn shared_context_is_trimmed_to_the_word() {
        let t = |a: &str, b: &str| trim_shared(a, b).map(|(x, y)| format!("{x}→{y}"));
        assert_eq!(t("贫困地区", "贫困区域").as_deref(), Some("地区→区域"));
        assert_eq!(t("基础设施", "基础设备").as_deref(), Some("设施→设备"));
        assert_eq!(t("整体性", "全体性").as_deref(), Some("整体→全体"));
        assert_eq!(t("发展", "开展").as_deref(), Some("发展→开展"));
        assert_eq!(
            t("自由贸易", "自在交易").as_deref(),
            Some("自由贸易→自在交易")
        );
        assert_eq!(t("一", "统一"), None);
    }

    #[test]
    fn punctuation_and_identical_texts_teach_nothing() {
        assert!(learn(&[("发展，改革", "发展，改革")]).is_empty());
        assert!(learn(&[("发展，改革", "发展。改革")]).is_empty());
    }
}
