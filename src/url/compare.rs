//! The compare view's options as they live in the URL query
//! (`#/compare/a/b?mode=chars&ip=1&is=1&view=side&text=witness&mech=compensation`).
//!
//! The URL is the source of truth, so parsing must be forgiving (a typo or
//! a hostile link must not break the page) and visible (whatever is ignored
//! becomes a notice), and writing must be canonical: fixed parameter order,
//! defaults left out, so `write(parse(q)) == q` for every canonical `q` and
//! a permalink never changes once the page has rewritten it.

use policy_core::compare::diff::Granularity;
use policy_core::compare::text_diff::DiffOptions;
use policy_core::model::Mechanism;
use policy_core::restoration::TextChoice;

use super::query_string::parse_query;

/// How the diff of the chosen pair is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffLayout {
    /// One text with deletions and insertions marked in place.
    #[default]
    Inline,
    /// Old text left, new text right.
    Side,
}

impl DiffLayout {
    pub fn id(self) -> &'static str {
        match self {
            DiffLayout::Inline => "inline",
            DiffLayout::Side => "side",
        }
    }
}

/// Everything the compare view lets the reader choose besides the two
/// documents and the focused unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareOptions {
    pub granularity: Granularity,
    pub ignore_punctuation: bool,
    pub ignore_script: bool,
    pub layout: DiffLayout,
    /// Compare units with a restored reading by that reading (the default)
    /// or by their witness text (`text=witness`).
    pub text: TextChoice,
    /// Show only units tagged with this mechanism (the overview matrix
    /// links here).
    pub mechanism: Option<Mechanism>,
}

impl CompareOptions {
    /// The core's diff options for these view options.
    pub fn diff_options(&self) -> DiffOptions {
        DiffOptions {
            granularity: self.granularity,
            ignore_punctuation: self.ignore_punctuation,
            ignore_script: self.ignore_script,
        }
    }
}

/// Why part of the query was ignored. Kept as data so the notice is shown
/// in the active language; `param` and `value` are shown as text only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionNotice {
    /// A parameter the compare view does not know.
    UnknownParam { param: String },
    /// A known parameter with a value it cannot take.
    BadValue { param: String, value: String },
}

/// Longest parameter name or value echoed back in a notice: a hostile URL
/// must not fill the page.
const ECHO_LIMIT: usize = 40;

fn echo(text: &str) -> String {
    let clipped: String = text.chars().take(ECHO_LIMIT).collect();
    if clipped.len() < text.len() {
        format!("{clipped}…")
    } else {
        clipped
    }
}

/// Parses a location query (`?mode=chars&ip=1`, with or without the `?`).
/// Unknown parameters and malformed values are skipped with a notice; the
/// last valid occurrence of a repeated parameter wins.
pub fn parse_compare_query(query: &str) -> (CompareOptions, Vec<OptionNotice>) {
    let mut options = CompareOptions::default();
    let mut notices = Vec::new();
    for pair in parse_query(query) {
        let value = pair.value.as_deref().ok();
        let ok = match pair.name.as_deref() {
            Ok("mode") => set(&mut options.granularity, value.and_then(granularity)),
            Ok("ip") => set(&mut options.ignore_punctuation, value.and_then(flag)),
            Ok("is") => set(&mut options.ignore_script, value.and_then(flag)),
            Ok("view") => set(&mut options.layout, value.and_then(layout)),
            Ok("text") => set(&mut options.text, value.and_then(text_choice)),
            Ok("mech") => set(&mut options.mechanism, value.and_then(mechanism).map(Some)),
            _ => {
                notices.push(OptionNotice::UnknownParam {
                    param: echo(&pair.name_for_display()),
                });
                continue;
            }
        };
        if !ok {
            notices.push(OptionNotice::BadValue {
                param: pair.name_for_display(),
                value: echo(&pair.value_for_display()),
            });
        }
    }
    (options, notices)
}

/// Stores a parsed value; `false` when there was none to store.
fn set<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(value) => {
            *slot = value;
            true
        }
        None => false,
    }
}

fn granularity(value: &str) -> Option<Granularity> {
    match value {
        "words" => Some(Granularity::Words),
        "chars" => Some(Granularity::Chars),
        _ => None,
    }
}

fn layout(value: &str) -> Option<DiffLayout> {
    match value {
        "inline" => Some(DiffLayout::Inline),
        "side" => Some(DiffLayout::Side),
        _ => None,
    }
}

fn text_choice(value: &str) -> Option<TextChoice> {
    match value {
        "reading" => Some(TextChoice::Reading),
        "witness" => Some(TextChoice::Witness),
        _ => None,
    }
}

/// Only the exact id: the URL is written with ids, never names.
fn mechanism(value: &str) -> Option<Mechanism> {
    Mechanism::ALL.into_iter().find(|m| m.id() == value)
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// The canonical query for `options`: `mode`, `ip`, `is`, `view`, `text`
/// in that order, then `mech`; defaults left out; empty for the defaults (no `?`).
pub fn compare_query(options: &CompareOptions) -> String {
    let mut parts = Vec::new();
    if options.granularity == Granularity::Chars {
        parts.push("mode=chars");
    }
    if options.ignore_punctuation {
        parts.push("ip=1");
    }
    if options.ignore_script {
        parts.push("is=1");
    }
    if options.layout == DiffLayout::Side {
        parts.push("view=side");
    }
    if options.text == TextChoice::Witness {
        parts.push("text=witness");
    }
    let mechanism;
    if let Some(m) = options.mechanism {
        mechanism = format!("mech={}", m.id());
        parts.push(&mechanism);
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_options() -> Vec<CompareOptions> {
        let mut all = Vec::new();
        for granularity in [Granularity::Words, Granularity::Chars] {
            for ignore_punctuation in [false, true] {
                for ignore_script in [false, true] {
                    for layout in [DiffLayout::Inline, DiffLayout::Side] {
                        for text in [TextChoice::Reading, TextChoice::Witness] {
                            let mechanisms = Mechanism::ALL.iter().copied().map(Some);
                            for mechanism in std::iter::once(None).chain(mechanisms) {
                                all.push(CompareOptions {
                                    granularity,
                                    ignore_punctuation,
                                    ignore_script,
                                    layout,
                                    text,
                                    mechanism,
                                });
                            }
                        }
                    }
                }
            }
        }
        all
    }

    #[test]
    fn every_option_set_round_trips_exactly() {
        for options in all_options() {
            let query = compare_query(&options);
            let (parsed, notices) = parse_compare_query(&query);
            assert_eq!(parsed, options, "{query}");
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(compare_query(&parsed), query, "canonical is a fixpoint");
            let (with_mark, _) = parse_compare_query(&format!("?{query}"));
            assert_eq!(with_mark, options);
        }
    }

    #[test]
    fn defaults_write_an_empty_query_and_explicit_defaults_are_accepted() {
        assert_eq!(compare_query(&CompareOptions::default()), "");
        let (parsed, notices) =
            parse_compare_query("?mode=words&ip=0&is=0&view=inline&text=reading");
        assert_eq!(parsed, CompareOptions::default());
        assert!(notices.is_empty());
    }

    #[test]
    fn non_canonical_queries_are_rewritten_in_canonical_order() {
        let (parsed, notices) =
            parse_compare_query("mech=compensation&text=witness&view=side&is=1&mode=chars&ip=1");
        assert!(notices.is_empty());
        assert_eq!(
            compare_query(&parsed),
            "mode=chars&ip=1&is=1&view=side&text=witness&mech=compensation"
        );
    }

    #[test]
    fn unknown_and_malformed_parameters_are_ignored_with_notices() {
        let (parsed, notices) =
            parse_compare_query("?mode=sentences&ip=yes&zoom=3&is=1&view=%3Cimg%3E&&=x&mech=nope");
        assert_eq!(
            parsed,
            CompareOptions {
                ignore_script: true,
                ..CompareOptions::default()
            }
        );
        assert_eq!(
            notices,
            vec![
                OptionNotice::BadValue {
                    param: "mode".into(),
                    value: "sentences".into()
                },
                OptionNotice::BadValue {
                    param: "ip".into(),
                    value: "yes".into()
                },
                OptionNotice::UnknownParam {
                    param: "zoom".into()
                },
                OptionNotice::BadValue {
                    param: "view".into(),
                    value: "<img>".into()
                },
                OptionNotice::UnknownParam { param: "".into() },
                OptionNotice::BadValue {
                    param: "mech".into(),
                    value: "nope".into()
                },
            ]
        );
    }

    #[test]
    fn echoed_values_are_clipped_and_bad_escapes_shown_raw() {
        let long = "x".repeat(500);
        let (_, notices) = parse_compare_query(&format!("mode={long}&{long}=1&view=%ZZ"));
        match &notices[0] {
            OptionNotice::BadValue { value, .. } => assert_eq!(value.chars().count(), 41),
            other => panic!("{other:?}"),
        }
        match &notices[1] {
            OptionNotice::UnknownParam { param } => assert!(param.ends_with('…')),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            notices[2],
            OptionNotice::BadValue {
                param: "view".into(),
                value: "%ZZ".into()
            }
        );
    }

    #[test]
    fn a_bad_text_choice_is_a_notice_and_keeps_the_reading() {
        let (parsed, notices) = parse_compare_query("text=original");
        assert_eq!(parsed.text, TextChoice::Reading);
        assert_eq!(
            notices,
            vec![OptionNotice::BadValue {
                param: "text".into(),
                value: "original".into()
            }]
        );
    }

    #[test]
    fn the_last_valid_repeat_wins() {
        let (parsed, notices) = parse_compare_query("mode=chars&mode=words&mode=bogus");
        assert_eq!(parsed.granularity, Granularity::Words);
        assert_eq!(notices.len(), 1);
    }
}
