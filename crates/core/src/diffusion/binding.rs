//! Binding force and targets: which words make a text binding or soft, and
//! which years, percentages and numbers it sets, so that two versions of a
//! clause (an aligned pair or the two sides of a diff) can be compared.
//!
//! # The lexicon is data
//!
//! `corpus/lexicon/binding-force.json`, reviewed by hand, lists the words
//! by class (obligation, prohibition, encouragement, permission, hedge),
//! each class with its force (`strong` or `soft`) and where its entries
//! come from. A word is found only where it is not part of one of its
//! `not_in` words (要 inside 重要, 不得 inside 不得不), and where two entries
//! overlap the longer one counts (必须, not 须).
//!
//! # Changes
//!
//! [`changes`] compares the *distinct* binding words of the two texts: the
//! words only the new text has are added, those only the old has removed.
//! A strong word counts +1, a soft one −1; when the added words outweigh
//! the removed ones the text is [`ChangeKind::Strengthened`], the other way
//! round [`ChangeKind::Weakened`] (应当 → 必须 is no change: both strong).
//! Targets ([`targets`]) are compared the same way by value: a year, a
//! percentage, a plan period or a number one text has and the other lacks
//! is a [`ChangeKind::Target`] change. `docs/diffusion.md` says what this
//! does not measure.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The reviewed lexicon, as committed.
pub const LEXICON_JSON: &str = include_str!("../../../../corpus/lexicon/binding-force.json");

/// How binding a class of words makes a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Force {
    /// Obligation or prohibition: 必须, 应当, 不得, 严禁 …
    Strong,
    /// Encouragement, permission or hedge: 鼓励, 可以, 逐步, 原则上 …
    Soft,
}

impl Force {
    fn weight(self) -> i32 {
        match self {
            Force::Strong => 1,
            Force::Soft => -1,
        }
    }
}

/// One entry of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconWord {
    /// The word.
    pub word: String,
    /// Longer words that contain it and do not count as it.
    #[serde(default)]
    pub not_in: Vec<String>,
}

/// One class of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconClass {
    /// `obligation`, `prohibition`, `encouragement`, `permission`, `hedge`.
    pub id: String,
    /// How binding the class's words make a text.
    pub force: Force,
    /// Where the entries come from.
    pub source: String,
    /// The entries.
    pub words: Vec<LexiconWord>,
}

/// The whole lexicon file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon {
    /// What the file is.
    pub about: String,
    /// The classes.
    pub classes: Vec<LexiconClass>,
}

impl Lexicon {
    /// Parses a lexicon file.
    pub fn parse(json: &str) -> Result<Lexicon, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The committed lexicon (parsed once).
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            // The file is committed and checked by a test: it always parses.
            Lexicon::parse(LEXICON_JSON).unwrap_or(Lexicon {
                about: String::new(),
                classes: Vec::new(),
            })
        })
    }
}

/// A binding word found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BindingHit {
    /// The word as found.
    pub word: String,
    /// Its lexicon class id.
    pub class: String,
    /// Its force.
    pub force: Force,
    /// Byte offset in the text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
}

/// True when the occurrence of `word` at byte `at` lies inside one of the
/// `not_in` words.
fn guarded(text: &str, at: usize, word: &str, not_in: &[String]) -> bool {
    not_in.iter().any(|g| {
        g.match_indices(word).any(|(k, _)| {
            at.checked_sub(k)
                .and_then(|s| text.get(s..))
                .is_some_and(|rest| rest.starts_with(g.as_str()))
        })
    })
}

/// Every binding word of `text` by `lexicon`, in text order, overlaps
/// resolved in favour of the longer word.
pub fn binding_words_with(text: &str, lexicon: &Lexicon) -> Vec<BindingHit> {
    let mut hits = Vec::new();
    for class in &lexicon.classes {
        for entry in &class.words {
            if entry.word.is_empty() {
                continue;
            }
            for (at, w) in text.match_indices(entry.word.as_str()) {
                if guarded(text, at, w, &entry.not_in) {
                    continue;
                }
                hits.push(BindingHit {
                    word: w.to_string(),
                    class: class.id.clone(),
                    force: class.force,
                    start: at,
                    end: at + w.len(),
                });
            }
        }
    }
    // Longest first at each start, then drop hits inside a kept one.
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<BindingHit> = Vec::new();
    for h in hits {
        if kept.last().is_some_and(|k| h.start < k.end) {
            continue;
        }
        kept.push(h);
    }
    kept
}

/// Every binding word of `text` by the committed lexicon.
pub fn binding_words(text: &str) -> Vec<BindingHit> {
    binding_words_with(text, Lexicon::builtin())
}

/// What kind of target a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetKind {
    /// A year: `2020年` (with 到/至 before it when written so).
    Year,
    /// A five-year plan period: `十四五`.
    Period,
    /// A percentage: `15%`, `百分之十`.
    Percent,
    /// Any other number with the character after it: `100个`, `3万`.
    Number,
}

/// A target found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetHit {
    /// The words as written (`到2020年`).
    pub text: String,
    /// What is compared (`2020年`): the words without 到/至, digits
    /// half-width.
    pub key: String,
    /// The kind of target.
    pub kind: TargetKind,
    /// Byte offset in the text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
}

fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

const PLAN_PERIODS: [&str; 6] = ["十一五", "十二五", "十三五", "十四五", "十五五", "十六五"];
const CJK_NUMERALS: &str = "零〇一二三四五六七八九十百千万点";

/// Every target in `text`, in text order. Numbers with no unit after them,
/// numbers in a document number (`〔2018〕43号`), ordinals (`第2条`) and
/// bracketed years are not targets.
pub fn targets(text: &str) -> Vec<TargetHit> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if ascii_digit(c).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut key = String::new();
        while j < chars.len() {
            let ch = chars[j].1;
            if let Some(d) = ascii_digit(ch) {
                key.push(d);
            } else if matches!(ch, '.' | '．')
                && chars.get(j + 1).is_some_and(|n| ascii_digit(n.1).is_some())
            {
                key.push('.');
            } else {
                break;
            }
            j += 1;
        }
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(j).map(|n| n.1);
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |n| n.0);
        i = j;
        if matches!(prev, Some('第' | '〔' | '[' | '【' | '（' | '(' | '［'))
            || matches!(next, Some('号' | '〕' | ']' | '】' | '］'))
        {
            continue;
        }
        let (kind, end) = match next {
            Some('年') if key.len() == 4 && (key.starts_with("19") || key.starts_with("20")) => {
                key.push('年');
                (TargetKind::Year, end_of(j + 1))
            }
            Some('%' | '％') => {
                key.push('%');
                (TargetKind::Percent, end_of(j + 1))
            }
            Some(u) if crate::ingest::punctuation::is_cjk(u) => {
                key.push(u);
                (TargetKind::Number, end_of(j + 1))
            }
            // A bare number (a list label, a count without its unit) is
            // not read as a target.
            _ => continue,
        };
        let start = match (kind, prev) {
            (TargetKind::Year, Some(p @ ('到' | '至'))) => start - p.len_utf8(),
            _ => start,
        };
        out.push(TargetHit {
            text: text[start..end].to_string(),
            key,
            kind,
            start,
            end,
        });
    }
    for period in PLAN_PERIODS {
        for (at, w) in text.match_indices(period) {
            out.push(TargetHit {
                text: w.to_string(),
                key: w.to_string(),
                kind: TargetKind::Period,
                start: at,
                end: at + w.len(),
            });
        }
    }
    for (at, _) in text.match_indices("百分之") {
        let rest = &text[at + "百分之".len()..];
        let n: usize = rest
            .chars()
            .take_while(|c| CJK_NUMERALS.contains(*c) || ascii_digit(*c).is_some())
            .map(char::len_utf8)
            .sum();
        if n > 0 {
            let end = at + "百分之".len() + n;
            out.push(TargetHit {
                text: text[at..end].to_string(),
                key: text[at..end].to_string(),
                kind: TargetKind::Percent,
                start: at,
                end,
            });
        }
    }
    out.sort_by_key(|t| t.start);
    out
}

/// The kind of a change between two versions of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The new text binds more (strong words added or soft ones dropped).
    Strengthened,
    /// The new text binds less.
    Weakened,
    /// A year, percentage, plan period or number changed.
    Target,
}

impl ChangeKind {
    /// The id written in JSON and URLs.
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Strengthened => "strengthened",
            ChangeKind::Weakened => "weakened",
            ChangeKind::Target => "target",
        }
    }
}

/// One change with the words involved: `old` the words only the old text
/// has, `new` those only the new one has, each list joined by `、` (empty
/// when there are none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Words only in the old text.
    pub old: String,
    /// Words only in the new text.
    pub new: String,
}

fn distinct<T: Clone, K: PartialEq>(items: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for it in items {
        if !out.iter().any(|o| key(o) == key(it)) {
            out.push(it.clone());
        }
    }
    out
}

/// The changes in binding force and targets from `old` to `new` (at most
/// one binding change and one target change), by the committed lexicon.
pub fn changes(old: &str, new: &str) -> Vec<Change> {
    changes_with(old, new, Lexicon::builtin())
}

/// [`changes`] with a given lexicon.
pub fn changes_with(old: &str, new: &str, lexicon: &Lexicon) -> Vec<Change> {
    let mut out = Vec::new();
    let ow = distinct(&binding_words_with(old, lexicon), |h| h.word.clone());
    let nw = distinct(&binding_words_with(new, lexicon), |h| h.word.clone());
    let removed: Vec<&BindingHit> = ow
        .iter()
        .filter(|o| !nw.iter().any(|n| n.word == o.word))
        .collect();
    let added: Vec<&BindingHit> = nw
        .iter()
        .filter(|n| !ow.iter().any(|o| o.word == n.word))
        .collect();
    let delta: i32 = added.iter().map(|h| h.force.weight()).sum::<i32>()
        - removed.iter().map(|h| h.force.weight()).sum::<i32>();
    let join = |hs: &[&BindingHit]| {
        hs.iter()
            .map(|h| h.word.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    if delta != 0 {
        out.push(Change {
            kind: if delta > 0 {
                ChangeKind::Strengthened
            } else {
                ChangeKind::Weakened
            },
            old: join(&removed),
            new: join(&added),
        });
    }
    let ot = distinct(&targets(old), |t| t.key.clone());
    let nt = distinct(&targets(new), |t| t.key.clone());
    let t_removed: Vec<&str> = ot
        .iter()
        .filter(|o| !nt.iter().any(|n| n.key == o.key))
        .map(|t| t.text.as_str())
        .collect();
    let t_added: Vec<&str> = nt
        .iter()
        .filter(|n| !ot.iter().any(|o| o.key == n.key))
        .map(|t| t.text.as_str())
        .collect();
    if !t_removed.is_empty() || !t_added.is_empty() {
        out.push(Change {
            kind: ChangeKind::Target,
            old: t_removed.join("、"),
            new: t_added.join("、"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        binding_words(text).into_iter().map(|h| h.word).collect()
    }

    #[test]
    fn the_committed_lexicon_parses_and_every_class_has_a_source() {
        let lex = Lexicon::parse(LEXICON_JSON).expect("lexicon parses");
        assert!(lex.classes.len() >= 4);
        for class in &lex.classes {
            assert!(
                !class.source.trim().is_empty(),
                "{} has no source",
                class.id
            );
            assert!(!class.words.is_empty());
            for w in &class.words {
                for g in &w.not_in {
                    assert!(g.contains(&w.word), "{} guard {g} lacks it", w.word);
                }
            }
        }
    }

    #[test]
    fn substrings_of_other_words_are_not_binding_words() {
        assert!(words("这是重要的主要要素，需要纲要").is_empty());
        assert_eq!(words("要加快建立机制"), ["要"]);
        assert!(words("不得不调整").is_empty());
        assert_eq!(words("不得擅自调整"), ["不得"]);
        assert_eq!(words("必须坚持"), ["必须"]);
        assert!(words("不允许").iter().all(|w| w == "不允许"));
    }

    #[test]
    fn obligation_to_encouragement_is_weakened_and_back_strengthened() {
        let c = changes("必须建立横向补偿机制", "鼓励建立横向补偿机制");
        assert_eq!(
            c,
            [Change {
                kind: ChangeKind::Weakened,
                old: "必须".into(),
                new: "鼓励".into()
            }]
        );
        let c = changes("鼓励建立横向补偿机制", "必须建立横向补偿机制");
        assert_eq!(c[0].kind, ChangeKind::Strengthened);
        assert!(changes("应当建立", "必须建立").is_empty());
    }

    #[test]
    fn target_years_percentages_and_periods() {
        let t = targets("到2020年，覆盖率达到85%，“十三五”期间建成100个园区，百分之十");
        let keys: Vec<_> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["2020年", "85%", "十三五", "100个", "百分之十"]);
        assert_eq!(t[0].text, "到2020年");
        assert!(targets("中发〔2018〕43号，第2条").is_empty());
        let c = changes("到2020年，建立机制", "到2022年，建立机制");
        assert_eq!(
            c,
            [Change {
                kind: ChangeKind::Target,
                old: "到2020年".into(),
                new: "到2022年".into()
            }]
        );
    }
}
