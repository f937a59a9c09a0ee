//! Canonical Chinese punctuation (GB/T 15834).
//!
//! Raw texts arrive with ASCII punctuation (a rewording tool, a web site's
//! converter) or a mix of widths. Search, alignment and diff compare texts
//! character by character, so every text — corpus documents and user
//! queries alike — goes through [`canonicalize_punctuation`] first.
//!
//! What changes, and why it is safe:
//! * `, ; : ? !` next to Chinese text become `，；：？！`. A colon or comma
//!   between two ASCII digits (`10:30`, `1,000`) is left alone.
//! * `.` after a Chinese character becomes `。` unless it is followed by a
//!   digit (a decimal such as `3.5` is never next to a Chinese character on
//!   its left in these texts, but `第1.5` would keep its point).
//! * `( )` become `（ ）` when the bracket touches Chinese text on either
//!   side or encloses Chinese text; `(G60)` between Latin words stays.
//! * ASCII `"` and `'` pairs become `“ ”` and `‘ ’`, alternating.
//! * `--`, `——` written with other dash characters (`――`, `－－`, `─ ─`)
//!   become the GB/T 15834 dash `——`; a single `—` (the connecting dash of
//!   `珠江—西江`) is kept.
//! * `...`/`…` runs become `……`.
//! * Full-width digits and Latin letters become half-width (GB/T 15834 and
//!   GB/T 9704 print numbers half-width), so `２０２０` and `2020` match.
//! * A document number's year bracket `[2016]`, `［2016］`, `【2016】` or,
//!   right after the issuer code and before `N号`, `(2016)`/`（2016）`
//!   becomes `〔2016〕` (GB/T 9704).
//!
//! Numbers, Latin names and dates are never split or re-spaced here; space
//! removal is the job of [`super::spacing`].

/// The result of a canonicalization together with how many characters it
/// changed, so the pipeline can record a [`crate::model::Repair`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonicalized {
    /// The canonicalized text.
    pub text: String,
    /// Number of punctuation marks or characters rewritten.
    pub changes: usize,
    /// The first change, as `before → after`, for provenance.
    pub example: Option<String>,
}

/// Returns `text` with canonical Chinese punctuation. See the module docs
/// for the exact rules. Idempotent.
pub fn canonicalize_punctuation(text: &str) -> String {
    canonicalize_punctuation_counted(text).text
}

/// True for characters that make the surrounding punctuation "Chinese":
/// CJK ideographs and the full-width punctuation already present.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// CJK ideographs plus CJK and full-width punctuation.
pub fn is_cjk_or_cjk_punct(c: char) -> bool {
    is_cjk(c)
        || matches!(c,
            '\u{3000}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
            | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Like [`canonicalize_punctuation`] but also reports how much it changed.
///
/// A conversion can create the Chinese context that makes a neighbouring
/// mark convert too (`)(2018年` → `)（2018年` → `）（2018年`), so passes are
/// repeated until nothing changes. Each pass only turns ASCII marks
/// full-width, so this ends quickly; the cap guards pathological input.
pub fn canonicalize_punctuation_counted(text: &str) -> Canonicalized {
    const MAX_PASSES: usize = 16;
    let mut result = canonicalize_once(text);
    for _ in 1..MAX_PASSES {
        let next = canonicalize_once(&result.text);
        if next.changes == 0 {
            break;
        }
        result.text = next.text;
        result.changes += next.changes;
        if result.example.is_none() {
            result.example = next.example;
        }
    }
    result
}

/// One left-to-right pass of the rules.
fn canonicalize_once(text: &str) -> Canonicalized {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut changes = 0usize;
    let mut example: Option<String> = None;
    let mut double_open = true;
    let mut single_open = true;
    let mut record = |before: &str, after: &str, changes: &mut usize| {
        *changes += 1;
        if example.is_none() {
            example = Some(format!("{before} → {after}"));
        }
    };

    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = out.last().copied();
        let next = chars.get(i + 1).copied();
        // Context looks through ASCII marks this function may still
        // convert (`,,"` ends in a quote that becomes “), so a second pass
        // sees the same context as the first: the rules are idempotent.
        let prev_cjk = prev.is_some_and(makes_chinese_context);
        let next_cjk = chars[i + 1..]
            .iter()
            .find(|c| !is_convertible_ascii(**c))
            .is_some_and(|c| makes_chinese_context(*c));
        let chinese_context = prev_cjk || next_cjk;

        // Full-width digits and Latin letters → half-width.
        if matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ') {
            let half = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            record(&c.to_string(), &half.to_string(), &mut changes);
            out.push(half);
            i += 1;
            continue;
        }

        // Document-number year brackets: X[2016]N号 → X〔2016〕N号; round
        // brackets only right after the issuer code and before N号, so a
        // year in brackets elsewhere stays (`（2016）` alone).
        let round_number = matches!(c, '(' | '（')
            && prev.is_some_and(is_cjk)
            && year_bracket_len(&chars[i..]).is_some_and(|len| {
                let digits = chars[i + len..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                chars.get(i + len + digits) == Some(&'号')
            });
        if matches!(c, '[' | '［' | '【' | '〔') || round_number {
            if let Some(len) = year_bracket_len(&chars[i..]) {
                let year: String = chars[i + 1..i + 5].iter().collect();
                if c != '〔' || chars[i + 5] != '〕' {
                    let before: String = chars[i..i + len].iter().collect();
                    record(&before, &format!("〔{year}〕"), &mut changes);
                }
                out.push('〔');
                out.extend(year.chars());
                out.push('〕');
                i += len;
                continue;
            }
        }

        // Dash pairs written with the wrong characters.
        if is_dash_like(c) && c != '—'
            || (c == '—' && next.is_some_and(|n| is_dash_like(n) && n != '—'))
        {
            let mut j = i;
            while j < chars.len() && is_dash_like(chars[j]) {
                j += 1;
            }
            let run = j - i;
            let run_text: String = chars[i..j].iter().collect();
            // A lone ASCII hyphen is a hyphen (G60-1); two or more form a dash.
            if run >= 2 || (c != '-' && c != '－') {
                if run_text != "——" {
                    record(&run_text, "——", &mut changes);
                }
                out.extend(['—', '—']);
            } else {
                out.extend(run_text.chars());
            }
            i = j;
            continue;
        }

        // Ellipsis.
        if c == '…' || (c == '.' && next == Some('.') && chars.get(i + 2) == Some(&'.')) {
            let mut j = i;
            while j < chars.len() && (chars[j] == '…' || chars[j] == '.') {
                j += 1;
            }
            let run_text: String = chars[i..j].iter().collect();
            if run_text != "……" {
                record(&run_text, "……", &mut changes);
            }
            out.extend(['…', '…']);
            i = j;
            continue;
        }

        let replacement = match c {
            ',' if chinese_context && !between_digits(prev, next) => Some('，'),
            ';' if chinese_context => Some('；'),
            ':' if chinese_context && !between_digits(prev, next) => Some('：'),
            '?' if chinese_context => Some('？'),
            '!' if chinese_context => Some('！'),
            '.' if prev.is_some_and(is_cjk_or_cjk_punct)
                && !next.is_some_and(|n| n.is_ascii_digit())
                && !prev.is_some_and(|p| matches!(p, '。' | '，' | '；' | '：')) =>
            {
                Some('。')
            }
            '(' if chinese_context || encloses_cjk(&chars[i + 1..]) => Some('（'),
            ')' if chinese_context || closes_cjk(&out) => Some('）'),
            '"' => {
                let q = if double_open { '“' } else { '”' };
                double_open = !double_open;
                Some(q)
            }
            '\'' if chinese_context => {
                let q = if single_open { '‘' } else { '’' };
                single_open = !single_open;
                Some(q)
            }
            '“' => {
                double_open = false;
                None
            }
            '”' => {
                double_open = true;
                None
            }
            _ => None,
        };
        match replacement {
            Some(r) => {
                record(&c.to_string(), &r.to_string(), &mut changes);
                out.push(r);
            }
            None => out.push(c),
        }
        i += 1;
    }
    Canonicalized {
        text: out.into_iter().collect(),
        changes,
        example,
    }
}

/// ASCII marks that may turn full-width depending on their context.
fn is_convertible_ascii(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '?' | '!' | '.' | '(' | ')' | '\'')
}

/// Characters that make adjacent ASCII punctuation Chinese: Chinese text,
/// full-width punctuation, and the ASCII double quote (always converted).
fn makes_chinese_context(c: char) -> bool {
    is_cjk_or_cjk_punct(c) || c == '"'
}

fn between_digits(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
}

fn is_dash_like(c: char) -> bool {
    matches!(c, '—' | '―' | '－' | '-' | '─' | '━' | '–')
}

/// Length of a `[YYYY]` bracket (6 chars) directly followed by a digit, as
/// in `发改地区[2016]1771号`; `None` for anything else.
fn year_bracket_len(rest: &[char]) -> Option<usize> {
    if rest.len() < 7 {
        return None;
    }
    let close = match rest[0] {
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '〔' => '〕',
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let year_ok = rest[1..5].iter().all(|c| c.is_ascii_digit());
    (year_ok && rest[5] == close && rest[6].is_ascii_digit()).then_some(6)
}

/// True when an opening bracket encloses Chinese text before its closing
/// bracket (looked up within a short window).
fn encloses_cjk(rest: &[char]) -> bool {
    for &c in rest.iter().take(40) {
        if c == ')' || c == '）' {
            return false;
        }
        if is_cjk(c) {
            return true;
        }
    }
    false
}

/// True when the text written so far has an unclosed full-width `（`.
fn closes_cjk(out: &[char]) -> bool {
    for &c in out.iter().rev().take(60) {
        match c {
            '（' => return true,
            '）' | '(' | ')' => return false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_sentence_punctuation_becomes_full_width() {
        assert_eq!(
            canonicalize_punctuation("为全面落实,促进发展;现提出:如下意见."),
            "为全面落实，促进发展；现提出：如下意见。"
        );
    }

    #[test]
    fn numbering_brackets_and_dates_in_brackets_become_full_width() {
        assert_eq!(canonicalize_punctuation("(一)指导思想"), "（一）指导思想");
        assert_eq!(
            canonicalize_punctuation("(2018年11月18日)"),
            "（2018年11月18日）"
        );
        assert_eq!(
            canonicalize_punctuation("对口协作(合作)体系"),
            "对口协作（合作）体系"
        );
    }

    #[test]
    fn latin_names_numbers_and_times_are_kept() {
        assert_eq!(canonicalize_punctuation("G60科创走廊"), "G60科创走廊");
        assert_eq!(
            canonicalize_punctuation("到2020年,增长3.5%"),
            "到2020年，增长3.5%"
        );
        assert_eq!(
            canonicalize_punctuation("10:30 and 1,000"),
            "10:30 and 1,000"
        );
        assert_eq!(canonicalize_punctuation("see (G60) road"), "see (G60) road");
        assert_eq!(canonicalize_punctuation("1.促进流动。"), "1.促进流动。");
    }

    #[test]
    fn quotes_alternate_open_and_close() {
        assert_eq!(
            canonicalize_punctuation("推进\"一带一路\"建设"),
            "推进“一带一路”建设"
        );
        assert_eq!(
            canonicalize_punctuation("“一干多支”和\"五区\""),
            "“一干多支”和“五区”"
        );
    }

    #[test]
    fn dashes_become_double_em_dash_but_connecting_dash_stays() {
        assert_eq!(canonicalize_punctuation("--坚持市场主导"), "——坚持市场主导");
        assert_eq!(canonicalize_punctuation("――坚持"), "——坚持");
        assert_eq!(
            canonicalize_punctuation("珠江—西江经济带"),
            "珠江—西江经济带"
        );
        assert_eq!(canonicalize_punctuation("——到2020年"), "——到2020年");
    }

    #[test]
    fn full_width_digits_and_document_number_brackets() {
        assert_eq!(canonicalize_punctuation("到２０２０年"), "到2020年");
        assert_eq!(
            canonicalize_punctuation("发改地区[2016]1771号"),
            "发改地区〔2016〕1771号"
        );
        assert_eq!(
            canonicalize_punctuation("国发【2019】8号"),
            "国发〔2019〕8号"
        );
        assert_eq!(canonicalize_punctuation("国发(2016)5号"), "国发〔2016〕5号");
        assert_eq!(
            canonicalize_punctuation("川府发（2016）12号文"),
            "川府发〔2016〕12号文"
        );
        assert_eq!(
            canonicalize_punctuation("规划（2016）3年"),
            "规划（2016）3年"
        );
        assert_eq!(canonicalize_punctuation("(2016)5号"), "(2016)5号");
    }

    #[test]
    fn ellipsis_is_six_dots() {
        assert_eq!(canonicalize_punctuation("等等..."), "等等……");
    }

    #[test]
    fn counts_changes_and_is_idempotent() {
        let once = canonicalize_punctuation_counted("发展,改革;创新.");
        assert_eq!(once.changes, 3);
        assert_eq!(once.example.as_deref(), Some(", → ，"));
        let twice = canonicalize_punctuation_counted(&once.text);
        assert_eq!(twice.changes, 0);
        assert_eq!(twice.text, once.text);
    }
}
