//! The query language of the search box.
//!
//! * `生态 补偿` — several terms: every term must match (AND).
//! * `"横向生态补偿"` — quotes: the exact phrase, contiguous. Chinese quotes
//!   `“…”` work too.
//! * `-飞地` or `-"飞地经济"` — exclude units that contain the term.
//! * An unquoted Chinese term is cut into words by the segmenter; each word
//!   must occur (as a word or inside a longer word), and units where the
//!   whole term occurs contiguously get a phrase boost.
//!
//! Parsing never fails: an unclosed quote runs to the end of the input.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One term of a query, as typed (normalization happens later, so that
/// [`Query`] displays exactly what the user wrote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryTerm {
    /// The term as typed, without quotes.
    pub text: String,
    /// Quoted: must occur contiguously, never cut into words.
    pub phrase: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Terms that must all match.
    pub required: Vec<QueryTerm>,
    /// Terms whose presence excludes a unit.
    pub excluded: Vec<QueryTerm>,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '＂')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '＂')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－')
}

impl Query {
    /// Parses a query string. Never fails.
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        let mut chars = input.chars().peekable();
        loop {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let Some(&first) = chars.peek() else { break };
            let mut excluded = false;
            if is_minus(first) {
                chars.next();
                excluded = true;
                // A lone `-` (followed by space or end) is not an exclusion.
                if chars.peek().is_none_or(|c| c.is_whitespace()) {
                    continue;
                }
            }
            let term = if chars.peek().is_some_and(|&c| is_open_quote(c)) {
                chars.next();
                let mut text = String::new();
                for c in chars.by_ref() {
                    if is_close_quote(c) {
                        break;
                    }
                    text.push(c);
                }
                QueryTerm {
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    phrase: true,
                }
            } else {
                let mut text = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || is_open_quote(c) {
                        break;
                    }
                    text.push(c);
                    chars.next();
                }
                QueryTerm {
                    text,
                    phrase: false,
                }
            };
            if term.text.is_empty() {
                continue;
            }
            if excluded {
                query.excluded.push(term);
            } else {
                query.required.push(term);
            }
        }
        query
    }

    /// True when the query has no required and no excluded terms.
    pub fn is_empty(&self) -> bool {
        self.required.is_empty() && self.excluded.is_empty()
    }
}

impl fmt::Display for QueryTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.phrase {
            write!(f, "\"{}\"", self.text)
        } else {
            f.write_str(&self.text)
        }
    }
}

/// Prints the query in canonical form: required terms, then exclusions.
/// `Query::parse(&q.to_string()) == q` for every parsed query.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (minus, term) in self
            .required
            .iter()
            .map(|t| ("", t))
            .chain(self.excluded.iter().map(|t| ("-", t)))
        {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            write!(f, "{minus}{term}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word(t: &str) -> QueryTerm {
        QueryTerm {
            text: t.into(),
            phrase: false,
        }
    }

    fn phrase(t: &str) -> QueryTerm {
        QueryTerm {
            text: t.into(),
            phrase: true,
        }
    }

    #[test]
    fn parses_terms_phrases_and_exclusions() {
        let q = Query::parse(r#" 生态  补偿 "横向 生态" -飞地 -"对口 支援" “一带一路” "#);
        assert_eq!(
            q.required,
            vec![
                word("生态"),
                word("补偿"),
                phrase("横向 生态"),
                phrase("一带一路")
            ]
        );
        assert_eq!(q.excluded, vec![word("飞地"), phrase("对口 支援")]);
    }

    #[test]
    fn odd_inputs_do_not_break_the_parser() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   -  \"\" - ").is_empty());
        assert_eq!(
            Query::parse("\"unclosed phrase").required,
            vec![phrase("unclosed phrase")]
        );
        assert_eq!(
            Query::parse("a\"b c\"").required,
            vec![word("a"), phrase("b c")]
        );
        assert_eq!(Query::parse("－排除").excluded, vec![word("排除")]);
        assert_eq!(Query::parse("协调-发展").required, vec![word("协调-发展")]);
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_round_trips(s in "[ a-z\"“”\\-－生态补偿𫫇]{0,30}") {
            let q = Query::parse(&s);
            let printed = q.to_string();
            prop_assert_eq!(Query::parse(&printed), q);
        }

        #[test]
        fn arbitrary_unicode_round_trips(s in "\\PC{0,40}") {
            let q = Query::parse(&s);
            prop_assert_eq!(Query::parse(&q.to_string()), q);
        }
    }
}
