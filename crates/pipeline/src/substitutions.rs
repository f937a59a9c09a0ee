//! Learning the rewording tool's substitution pairs (发展→开展, 服务→效劳 …)
//! by diffing clauses both witnesses carry: the faithful text against the
//! machine-reworded one.
//!
//! A character diff finds the changed spans. Spans separated by a single
//! unchanged character are merged (实施 → 施行 diffs as delete 实, keep 施,
//! insert 行). A one-character change (发 → 开 in 发展/开展) is widened to a
//! two-character word by the neighbour that best explains *all*
//! observations: 发展→开展 recurs with the same right neighbour, 有效→有用
//! with the same left one, so the support of each candidate across the
//! corpus decides.

use policy_core::ingest::punctuation::is_cjk;
use policy_core::model::SubstitutionPair;
use similar::{DiffTag, TextDiff};
use std::collections::BTreeMap;

/// Longest span (in characters) accepted as one substituted word.
const MAX_WORD: usize = 4;

/// One aligned pair of texts: the unit path, the faithful text and the
/// reworded text.
pub struct AlignedText<'a> {
    pub path: &'a str,
    pub original: &'a str,
    pub reworded: &'a str,
}

enum Observation {
    Direct(String, String),
    /// A one-character change with its left- and right-widened candidates.
    Single {
        left: Option<(String, String)>,
        right: Option<(String, String)>,
    },
}

fn cjk_word(cs: &[char]) -> bool {
    !cs.is_empty() && cs.len() <= MAX_WORD && cs.iter().all(|c| is_cjk(*c))
}

fn observe(original: &str, reworded: &str) -> Vec<Observation> {
    let a: Vec<char> = original.chars().collect();
    let b: Vec<char> = reworded.chars().collect();
    let diff = TextDiff::from_chars(original, reworded);
    let ops: Vec<_> = diff.ops().iter().map(|op| op.as_tag_tuple()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        let (tag, o, n) = &ops[i];
        if *tag == DiffTag::Equal {
            i += 1;
            continue;
        }
        let (os, ns) = (o.start, n.start);
        let (mut oe, mut ne) = (o.end, n.end);
        let mut j = i + 1;
        while j < ops.len() {
            let (t, o2, n2) = &ops[j];
            if *t != DiffTag::Equal {
                oe = o2.end;
                ne = n2.end;
                j += 1;
            } else if o2.len() <= 1 && j + 1 < ops.len() && ops[j + 1].0 != DiffTag::Equal {
                oe = ops[j + 1].1.end;
                ne = ops[j + 1].2.end;
                j += 2;
            } else {
                break;
            }
        }
        i = j;
        let (old, new) = (&a[os..oe], &b[ns..ne]);
        if !cjk_word(old) || !cjk_word(new) {
            continue;
        }
        if old.len() == 1 && new.len() == 1 {
            let left =
                (os > 0 && ns > 0 && a[os - 1] == b[ns - 1] && is_cjk(a[os - 1])).then(|| {
                    (
                        format!("{}{}", a[os - 1], old[0]),
                        format!("{}{}", b[ns - 1], new[0]),
                    )
                });
            let right =
                (oe < a.len() && ne < b.len() && a[oe] == b[ne] && is_cjk(a[oe])).then(|| {
                    (
                        format!("{}{}", old[0], a[oe]),
                        format!("{}{}", new[0], b[ne]),
                    )
                });
            out.push(Observation::Single { left, right });
        } else {
            out.push(Observation::Direct(
                old.iter().collect(),
                new.iter().collect(),
            ));
        }
    }
    out
}

/// Learns substitution pairs with counts from aligned texts, most frequent
/// first (ties in code-point order, so the output is deterministic).
pub fn learn_substitutions(texts: &[AlignedText<'_>]) -> Vec<SubstitutionPair> {
    let observed: Vec<(&str, Vec<Observation>)> = texts
        .iter()
        .map(|t| (t.path, observe(t.original, t.reworded)))
        .collect();
    let mut support: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (_, obs) in &observed {
        for o in obs {
            match o {
                Observation::Direct(a, b) => {
                    *support.entry((a.clone(), b.clone())).or_default() += 1
                }
                Observation::Single { left, right } => {
                    for c in [left, right].into_iter().flatten() {
                        *support.entry(c.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut counts: BTreeMap<(String, String), (usize, String)> = BTreeMap::new();
    for (path, obs) in &observed {
        for o in obs {
            let chosen = match o {
                Observation::Direct(a, b) => Some((a.clone(), b.clone())),
                Observation::Single { left, right } => {
                    let score = |c: &Option<(String, String)>| c.as_ref().map_or(0, |c| support[c]);
                    if score(left) > score(right) {
                        left.clone()
                    } else {
                        right.clone().or_else(|| left.clone())
                    }
                }
            };
            if let Some(pair) = chosen {
                let e = counts.entry(pair).or_insert((0, path.to_string()));
                e.0 += 1;
            }
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
        learn_substitutions(&texts)
            .into_iter()
            .map(|p| (p.original, p.reworded, p.count))
            .collect()
    }

    #[test]
    fn single_character_changes_widen_towards_the_stable_neighbour() {
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
    }

    #[test]
    fn two_character_swaps_and_split_changes() {
        let got = learn(&[
            ("公共服务均等化", "公共效劳均等化"),
            ("认真实施方案", "认真施行方案"),
        ]);
        assert!(got.contains(&("服务".into(), "效劳".into(), 1)), "{got:?}");
        assert!(got.contains(&("实施".into(), "施行".into(), 1)), "{got:?}");
    }

    #[test]
    fn punctuation_and_identical_texts_teach_nothing() {
        assert!(learn(&[("发展，改革", "发展，改革")]).is_empty());
        assert!(learn(&[("发展，改革", "发展。改革")]).is_empty());
    }
}
