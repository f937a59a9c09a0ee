//! Guided walkthroughs ("tours") as data.
//!
//! A tour is a sequence of app states, each a permalink (`#/doc/…`,
//! `#/search?…`, `#/compare/…`) with a short explanation. Teachers write
//! their own as a small JSON file and load it in the app, so the loader is
//! strict and names every problem precisely enough for `i18n` to say, in
//! the interface language, what a teacher must fix: a tour comes from
//! outside and is never trusted (its texts are rendered as text, its routes
//! must be plain in-app hash routes).

use serde::{Deserialize, Serialize};

#[cfg(not(feature = "first-load"))]
use policy_core::text_encoding::decode_text;

use crate::url::app_route::{check_app_route, AppRouteError};

/// The `format` value every tour file carries, so a future layout can be
/// told apart.
pub const TOUR_FORMAT: &str = "policy-explorer-tour/1";

/// Tours are small; a bigger file is not a tour.
pub const MAX_TOUR_BYTES: usize = 256 * 1024;
/// Most steps a tour may have.
pub const MAX_STEPS: usize = 100;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest description or step text, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// A text in the UI's two languages; `en` may be omitted (the Chinese text
/// is shown instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub zh: String,
    #[serde(default)]
    pub en: Option<String>,
}

impl LocalizedText {
    /// The text in English when asked for and present, else Chinese.
    pub fn get(&self, english: bool) -> &str {
        match (&self.en, english) {
            (Some(en), true) if !en.trim().is_empty() => en,
            _ => &self.zh,
        }
    }
}

/// One stop of a tour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// An in-app hash route, e.g. `#/compare/central-2018/sichuan/6.21`.
    pub route: String,
    pub title: LocalizedText,
    pub text: LocalizedText,
}

/// A guided walkthrough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    pub format: String,
    /// ASCII kebab-case id, e.g. `spot-the-rewording`.
    pub id: String,
    pub title: LocalizedText,
    #[serde(default)]
    pub description: Option<LocalizedText>,
    pub steps: Vec<TourStep>,
}

/// Why a tour file was refused; `i18n` words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TourError {
    /// Nothing but whitespace.
    Empty,
    /// More than [`MAX_TOUR_BYTES`] (the size found).
    TooLarge(usize),
    /// Not text in an encoding `policy_core::text_encoding` reads.
    NotText,
    /// Not JSON of the tour's shape; `message` is serde_json's own (English,
    /// technical, shown as a detail).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// `format` is not [`TOUR_FORMAT`] (the value found, clipped).
    Format(String),
    /// `id` is not 1–64 characters of a–z, 0–9 and `-` (the value found,
    /// clipped).
    Id(String),
    /// A field has a value the app cannot use.
    Field {
        /// Which field.
        field: TourField,
        /// What is wrong with it.
        problem: FieldProblem,
    },
}

/// A field of a tour file, as a teacher would look for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourField {
    /// The tour's `title`.
    Title,
    /// The tour's `description`.
    Description,
    /// The `steps` list.
    Steps,
    /// The `route` of step n (1-based).
    StepRoute(usize),
    /// The `title` of step n (1-based).
    StepTitle(usize),
    /// The `text` of step n (1-based).
    StepText(usize),
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// The Chinese text (`zh`) is empty.
    ChineseTextEmpty,
    /// A text is longer than `max` characters.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// The tour has no steps, or more than [`MAX_STEPS`] (the number found).
    StepCount(usize),
    /// The route is not a safe in-app route.
    Route(AppRouteError),
}

/// Parses and validates a tour file's bytes.
pub fn load_tour(bytes: &[u8]) -> Result<Tour, TourError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TourError::Empty);
    }
    if bytes.len() > MAX_TOUR_BYTES {
        return Err(TourError::TooLarge(bytes.len()));
    }
    // The same decoder as imported texts: a UTF-8 BOM (Windows editors
    // write one), UTF-16 or GBK are read, not refused.
    #[cfg(not(feature = "first-load"))]
    let text = decode_text(bytes).map_err(|_| TourError::NotText)?.text;
    // The lite app has no encoding_rs; the browser decodes instead.
    #[cfg(feature = "first-load")]
    let text = super::lite_text::decode(bytes).ok_or(TourError::NotText)?;
    let tour: Tour = serde_json::from_str(&text).map_err(|e| TourError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    validate(&tour)?;
    Ok(tour)
}

fn validate(tour: &Tour) -> Result<(), TourError> {
    if tour.format != TOUR_FORMAT {
        return Err(TourError::Format(truncate(&tour.format, 40)));
    }
    let id_ok = !tour.id.is_empty()
        && tour.id.len() <= 64
        && tour
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(TourError::Id(truncate(&tour.id, 40)));
    }
    check_text(TourField::Title, &tour.title, MAX_TITLE_CHARS)?;
    if let Some(d) = &tour.description {
        check_text(TourField::Description, d, MAX_TEXT_CHARS)?;
    }
    if tour.steps.is_empty() || tour.steps.len() > MAX_STEPS {
        return Err(field(
            TourField::Steps,
            FieldProblem::StepCount(tour.steps.len()),
        ));
    }
    for (i, step) in tour.steps.iter().enumerate() {
        let n = i + 1;
        // A route must be a plain in-app hash route; the rule is shared
        // with the embedding bridge's `navigate` command.
        check_app_route(&step.route)
            .map_err(|problem| field(TourField::StepRoute(n), FieldProblem::Route(problem)))?;
        check_text(TourField::StepTitle(n), &step.title, MAX_TITLE_CHARS)?;
        check_text(TourField::StepText(n), &step.text, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

fn check_text(name: TourField, text: &LocalizedText, max: usize) -> Result<(), TourError> {
    if text.zh.trim().is_empty() {
        return Err(field(name, FieldProblem::ChineseTextEmpty));
    }
    for t in std::iter::once(&text.zh).chain(text.en.as_ref()) {
        if t.chars().count() > max {
            return Err(field(name, FieldProblem::TooLong { max }));
        }
    }
    Ok(())
}

fn field(field: TourField, problem: FieldProblem) -> TourError {
    TourError::Field { field, problem }
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r##"{"format": "policy-explorer-tour/1", "id": "t1",
        "title": {"zh": "标题"},
        "steps": [{"route": "#/doc/sichuan/6.21", "title": {"zh": "一"}, "text": {"zh": "说明", "en": "note"}}]}"##;

    #[test]
    fn a_minimal_tour_loads_and_falls_back_to_chinese() {
        let tour = load_tour(MINIMAL.as_bytes()).unwrap();
        assert_eq!(tour.steps.len(), 1);
        assert_eq!(tour.title.get(true), "标题");
        assert_eq!(tour.steps[0].text.get(true), "note");
    }

    #[test]
    fn a_tour_saved_with_a_bom_or_as_utf16_or_gbk_loads() {
        let bom = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
        assert_eq!(load_tour(&bom).unwrap().steps.len(), 1);
        let utf16: Vec<u8> = [0xFEFF_u16]
            .into_iter()
            .chain(MINIMAL.encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(load_tour(&utf16).unwrap().title.get(false), "标题");
        // The lite app decodes GBK with the browser's TextDecoder, which a
        // native test does not have.
        #[cfg(not(feature = "first-load"))]
        {
            let (gbk, _, _) = encoding_rs::GBK.encode(MINIMAL);
            assert_eq!(load_tour(&gbk).unwrap().steps[0].text.get(false), "说明");
        }
    }

    #[test]
    fn every_built_in_tour_validates() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tours");
        let mut count = 0;
        for entry in std::fs::read_dir(&dir).expect("tours/ exists") {
            let path = entry.expect("readable entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path).expect("readable tour");
                load_tour(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
                count += 1;
            }
        }
        assert!(
            count >= 3,
            "expected the three built-in tours, found {count}"
        );
    }

    #[test]
    fn bad_files_get_errors_that_say_what_to_fix() {
        assert_eq!(load_tour(b"  "), Err(TourError::Empty));
        assert_eq!(load_tour(&[0xff, 0xfe, 0x00]), Err(TourError::NotText));
        assert!(matches!(
            load_tour(b"{\"format\": 1"),
            Err(TourError::Syntax { line: 1, .. })
        ));
        let big = vec![b' '; MAX_TOUR_BYTES + 1];
        assert!(matches!(
            load_tour(&[b"{".as_slice(), &big].concat()),
            Err(TourError::TooLarge(_))
        ));
        let wrong = MINIMAL.replace("tour/1", "tour/9");
        assert!(matches!(
            load_tour(wrong.as_bytes()),
            Err(TourError::Format(_))
        ));
        let extra = MINIMAL.replace("\"id\"", "\"script\": 1, \"id\"");
        assert!(matches!(
            load_tour(extra.as_bytes()),
            Err(TourError::Syntax { .. })
        ));
    }

    #[test]
    fn hostile_routes_are_refused() {
        for route in [
            "javascript:alert(1)",
            "https://example.com/",
            "#/doc/<img src=x onerror=alert(1)>",
            "#/evil",
            "#/doc/a b",
            "//example.com",
        ] {
            let tour = MINIMAL.replace("#/doc/sichuan/6.21", route);
            let err = load_tour(tour.as_bytes()).expect_err(route);
            assert!(
                matches!(
                    err,
                    TourError::Field {
                        field: TourField::StepRoute(1),
                        problem: FieldProblem::Route(_)
                    }
                ),
                "{route}: {err:?}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let _ = load_tour(&bytes);
        }

        /// Routes generated from the route grammar (`#/` pages, `#//…`,
        /// escapes, long runs, markup), written into the file as JSON
        /// strings: a step loads exactly when the shared route rule
        /// accepts its route, and a refusal names the step's route.
        #[test]
        fn a_step_loads_exactly_when_its_route_is_a_safe_app_route(route in crate::url::app_route::grammar::route()) {
            let json = serde_json::to_string(&route).expect("a string serializes");
            let tour = MINIMAL.replace("\"#/doc/sichuan/6.21\"", &json);
            let verdict = check_app_route(&route);
            match load_tour(tour.as_bytes()) {
                Ok(t) => {
                    proptest::prop_assert_eq!(verdict, Ok(()));
                    proptest::prop_assert_eq!(&t.steps[0].route, &route);
                }
                Err(error) => {
                    let expected = verdict.clone().err().map(|problem| field(TourField::StepRoute(1), FieldProblem::Route(problem)));
                    // Escaped control characters may make the whole file too long or unreadable
                    // only through the route itself; anything else must be the route's refusal.
                    proptest::prop_assert_eq!(Some(error), expected, "{}", route);
                }
            }
        }
    }

    #[test]
    fn empty_steps_and_empty_texts_are_refused() {
        let no_steps =
            r#"{"format": "policy-explorer-tour/1", "id": "t", "title": {"zh": "x"}, "steps": []}"#;
        assert_eq!(
            load_tour(no_steps.as_bytes()),
            Err(field(TourField::Steps, FieldProblem::StepCount(0)))
        );
        let blank = MINIMAL.replace("\"说明\"", "\"  \"");
        assert_eq!(
            load_tour(blank.as_bytes()),
            Err(field(
                TourField::StepText(1),
                FieldProblem::ChineseTextEmpty
            ))
        );
    }
}
