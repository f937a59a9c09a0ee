//! A unit's heading: the lead phrase a clause opens with (`推动区域市场一体化建设。…`
//! → `推动区域市场一体化建设`), or a section's title. Long first sentences
//! are not lead phrases, so they give no heading rather than a wrong one.

use crate::model::UnitKind;

/// Longest lead phrase accepted as a heading, in characters.
const MAX_HEADING_CHARS: usize = 40;

/// The heading of a unit whose printed text (after its label) is `text`.
pub fn heading_of(kind: UnitKind, text: &str) -> Option<String> {
    if kind == UnitKind::Preamble {
        return None;
    }
    let first_para = text.lines().next().unwrap_or("").trim();
    let phrase = match first_para.find('。') {
        Some(pos) => &first_para[..pos],
        // A title line such as `基本原则` or `总体要求`.
        None if first_para.chars().count() <= MAX_HEADING_CHARS => first_para,
        None => return None,
    };
    let phrase = phrase.trim();
    let ok = !phrase.is_empty()
        && phrase.chars().count() <= MAX_HEADING_CHARS
        && (kind == UnitKind::Section || !phrase.contains(['，', '；', '：']));
    ok.then(|| phrase.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_phrase_up_to_first_full_stop() {
        assert_eq!(
            heading_of(
                UnitKind::Clause,
                "推动区域市场一体化建设。按照建立统一的市场体系要求。"
            )
            .as_deref(),
            Some("推动区域市场一体化建设")
        );
        assert_eq!(
            heading_of(UnitKind::Lead, "坚持市场主导与政府引导相结合。充分发挥").as_deref(),
            Some("坚持市场主导与政府引导相结合")
        );
    }

    #[test]
    fn title_lines_are_headings() {
        assert_eq!(
            heading_of(UnitKind::Section, "总体要求\n以习近平新时代").as_deref(),
            Some("总体要求")
        );
        assert_eq!(
            heading_of(UnitKind::Clause, "基本原则").as_deref(),
            Some("基本原则")
        );
    }

    #[test]
    fn long_first_sentences_and_preambles_have_no_heading() {
        assert_eq!(
            heading_of(
                UnitKind::Lead,
                "到2020年，建立与全面建成小康社会相适应的区域协调发展新机制。"
            ),
            None
        );
        assert_eq!(heading_of(UnitKind::Preamble, "短。"), None);
        let long = "区".repeat(60);
        assert_eq!(heading_of(UnitKind::Clause, &long), None);
    }
}
