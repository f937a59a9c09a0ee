//! One unit of a document as read: number and heading, text, tags, the
//! reworded-text warning and its provenance. Addressable by
//! `[data-path]` and by the element id from [`unit_dom_id`].

use std::collections::BTreeSet;

use std::rc::Rc;

use policy_core::model::{Unit, UnitKind};
use policy_core::restoration::TextChoice;
use yew::prelude::*;

use crate::components::provenance_details::{ProvenanceDetails, TagReason};
use crate::components::restoration_note::RestorationNote;
use crate::components::restored_text::{subslice_offset, RestoredText};
use crate::components::reworded_mark::RewordedMark;
use crate::components::search_unit_text::{ReaderTextOptions, SearchUnitText};
use crate::components::suspect_text::SuspectText;
use crate::components::tag_list::{TagItem, TagList};
use crate::corpus_data::{unit_kind_id, DocRef};
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;

/// The element id of a unit, the scroll target of `#/doc/{id}/{path}`.
/// Paths are dotted ASCII (`UnitPath`), so the id needs no escaping.
pub fn unit_dom_id(path: &str) -> String {
    format!("unit-{path}")
}

/// The text to show under the heading: the unit text without the printed
/// number and heading it may start with, so neither is read twice. A unit
/// whose text *is* its heading (a section title) has no body.
pub fn body_text(unit: &Unit) -> &str {
    body_of(&unit.text, &unit.label, unit.heading.as_deref())
}

/// [`body_text`] for any text of a unit (its witness text or its restored
/// reading, with the matching heading). The result is a subslice of
/// `text`, so offsets into `text` can be recovered.
pub fn body_of<'a>(text: &'a str, label: &str, heading: Option<&str>) -> &'a str {
    let text = text.trim();
    let text = text.strip_prefix(label).unwrap_or(text);
    match heading {
        Some(heading) if !heading.is_empty() => match text.strip_prefix(heading) {
            Some(rest) => rest.trim_start_matches(['。', '：', ':', ' ']).trim(),
            None => text,
        },
        _ => text,
    }
}

/// The body split at the line breaks the corpus keeps between paragraphs
/// (a section's introductory text, a covering notice), without blank ones.
pub fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.lines().map(str::trim).filter(|line| !line.is_empty())
}

#[derive(Properties, PartialEq)]
pub struct UnitBlockProps {
    pub doc: DocRef,
    /// Index into the document's `units`.
    pub index: usize,
    /// Whether the URL points at this unit.
    pub is_target: bool,
    pub lang: Lang,
    /// Which text a unit with a restored reading shows.
    #[prop_or_default]
    pub text: TextChoice,
    /// Where the unit stands to the URL's unit when only that unit is
    /// printed: its heading is printed as context, or it is printed whole
    /// as part of it (`styles/print.css`).
    #[prop_or_default]
    pub print_role: PrintRole,
    /// Controls shown under the unit's text (the reader's print choice on
    /// the URL's unit).
    #[prop_or_default]
    pub actions: Option<Html>,
}

/// What printing the URL's unit keeps of another unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PrintRole {
    /// Not printed with the unit.
    #[default]
    None,
    /// An enclosing section or clause: its heading is printed.
    Heading,
    /// The unit itself or one of its items: printed whole.
    Part,
}

/// How `path` stands to the printed unit `target` (dotted paths: `6` and
/// `6.21` enclose `6.21.1`).
pub fn print_role(path: &str, target: &str) -> PrintRole {
    let encloses = |outer: &str, inner: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    if path == target || encloses(target, path) {
        PrintRole::Part
    } else if encloses(path, target) {
        PrintRole::Heading
    } else {
        PrintRole::None
    }
}

#[component]
pub fn UnitBlock(props: &UnitBlockProps) -> Html {
    // Hooks first, before any early return (Yew's rules of hooks).
    let text_options = use_context::<ReaderTextOptions>().unwrap_or_default();
    let Some(unit) = props.doc.units.get(props.index) else {
        return html! {};
    };
    let strings = props.lang.strings();
    let corpus = props.doc.corpus();
    let english = props.lang == Lang::En;
    let path = unit.path.as_str();
    let kind = unit_kind_id(unit.kind);

    let mut seen = BTreeSet::new();
    let mechanisms: Vec<TagItem> = unit
        .mechanisms
        .iter()
        .filter(|tag| seen.insert(tag.id.id()))
        .map(|tag| TagItem {
            id: tag.id.id().into(),
            name: corpus.mechanism_name(tag.id, english).into(),
        })
        .collect();
    let mut seen = BTreeSet::new();
    let regions: Vec<TagItem> = unit
        .regions
        .iter()
        .filter(|tag| seen.insert(tag.id.as_str()))
        .map(|tag| TagItem {
            id: tag.id.clone().into(),
            name: corpus.region_name(&tag.id, english).into(),
        })
        .collect();
    let tag_reasons: Vec<TagReason> = unit
        .mechanisms
        .iter()
        .map(|tag| TagReason {
            name: corpus.mechanism_name(tag.id, english).into(),
            rule: tag.rule.clone().into(),
            cue: tag.cue.clone().into(),
        })
        .chain(unit.regions.iter().map(|tag| TagReason {
            name: corpus.region_name(&tag.id, english).into(),
            rule: tag.rule.clone().into(),
            cue: tag.cue.clone().into(),
        }))
        .collect();

    // A unit with a restored reading shows it unless the reader asked for
    // the witness text; its restored words are marked.
    let restored = unit
        .restored
        .as_ref()
        .filter(|_| unit.is_restored() && props.text == TextChoice::Reading);
    let shown_text = unit.text_for(props.text);
    let heading_text = unit
        .heading_for(props.text)
        .map(str::to_string)
        .filter(|h| !h.trim().is_empty());
    let heading_tag = match unit.kind {
        UnitKind::Section => Some("h2"),
        UnitKind::Clause => Some("h3"),
        UnitKind::Item if heading_text.is_some() => Some("h4"),
        _ => None,
    };
    let body = body_of(shown_text, &unit.label, heading_text.as_deref());
    // Text only the machine-reworded witness has: mark the words the tool
    // probably swapped, with the likely original — unless the
    // reader asked for search marks in this unit or for word boundaries,
    // which then take the text's one layer of marks.
    let reader_marks_wanted = text_options.boundaries.is_some()
        || (props.is_target && !text_options.highlight_terms.is_empty());
    let suspect_pairs = (unit.provenance.reworded && restored.is_none() && !reader_marks_wanted)
        .then(|| Rc::new(corpus.substitutions.clone()));
    let restored_changes = restored
        .filter(|_| !reader_marks_wanted)
        .map(|r| Rc::new(r.changes.clone()));
    // The heading of a restored reading, marked where it is the start of
    // the reading (as the pipeline computes it).
    let heading_html = |heading: &str| -> Html {
        let offset = restored_changes.as_ref().and_then(|_| {
            let text = shown_text.trim_start();
            let text = text.strip_prefix(unit.label.as_str()).unwrap_or(text);
            text.starts_with(heading)
                .then(|| subslice_offset(shown_text, &text[..heading.len()]))
                .flatten()
        });
        match (offset, &restored_changes) {
            (Some(offset), Some(changes)) => html! {
                <RestoredText text={heading.to_string()} {offset} changes={changes.clone()} lang={props.lang} />
            },
            _ => html! { { heading.to_string() } },
        }
    };
    let label = (!unit.label.is_empty()).then(|| {
        html! {
            <span class="unit__label">{ unit.label.clone() }</span>
        }
    });
    let permalink = html! {
        <a class="unit__permalink"
            href={Route::Unit { id: props.doc.id.clone(), path: path.to_string() }.href()}
            aria-label={fill(strings.permalink_label, &[("path", path)])}
            title={fill(strings.permalink_label, &[("path", path)])}>
            { "§\u{a0}" }{ path }
        </a>
    };

    html! {
        <section
            id={unit_dom_id(path)}
            class={classes!(
                "unit",
                format!("unit--{kind}"),
                format!("unit--depth-{}", unit.path.depth().min(4)),
                props.is_target.then_some("unit--target"),
                match props.print_role {
                    PrintRole::None => None,
                    PrintRole::Heading => Some("unit--print-heading"),
                    PrintRole::Part => Some("unit--print-part"),
                },
                unit.provenance.reworded.then_some("unit--reworded"),
                restored.is_some().then_some("unit--restored"),
                restored.is_some_and(|r| r.doubtful).then_some("unit--restoration-doubtful"),
            )}
            data-path={path.to_string()}
            data-kind={kind}
            aria-current={props.is_target.then_some("location")}
            tabindex="-1"
        >
            <div class="unit__head">
                if let Some(tag) = heading_tag {
                    <@{tag} class="unit__heading" lang={CORPUS_LANG}>
                        { label.clone() }
                        { heading_html(heading_text.as_deref().unwrap_or_default()) }
                    </@>
                }
                { permalink }
            </div>
            if let Some(reading) = restored {
                <RestorationNote lang={props.lang} changes={reading.changes.len()} doubtful={reading.doubtful} />
            } else if unit.provenance.reworded {
                <RewordedMark lang={props.lang} />
            }
            { for paragraphs(body).enumerate().map(|(n, paragraph)| html! {
                <p class="unit__text" lang={CORPUS_LANG}>
                    if n == 0 && heading_tag.is_none() { { label.clone() } }
                    if let (Some(changes), Some(offset)) = (&restored_changes, subslice_offset(shown_text, paragraph)) {
                        <RestoredText text={paragraph.to_string()} {offset} changes={changes.clone()} lang={props.lang} />
                    } else if let Some(pairs) = &suspect_pairs {
                        <SuspectText text={paragraph.to_string()} pairs={pairs.clone()} lang={props.lang} />
                    } else {
                        <SearchUnitText text={paragraph.to_string()} target={props.is_target} />
                    }
                </p>
            }) }
            <TagList lang={props.lang} {mechanisms} {regions} />
            { props.actions.clone().unwrap_or_default() }
            <ProvenanceDetails lang={props.lang} provenance={unit.provenance.clone()} {tag_reasons} />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::unit;

    #[test]
    fn body_drops_a_repeated_label_and_heading() {
        let clause = unit(
            "6.21",
            "（二十一）",
            UnitKind::Clause,
            Some("完善补偿机制"),
            "（二十一）完善补偿机制。加大力度。",
        );
        assert_eq!(body_text(&clause), "加大力度。");
        let clause = unit(
            "6.21",
            "（二十一）",
            UnitKind::Clause,
            Some("完善补偿机制"),
            "完善补偿机制。加大力度。",
        );
        assert_eq!(body_text(&clause), "加大力度。");
    }

    #[test]
    fn printing_a_unit_keeps_its_headings_and_items() {
        assert_eq!(print_role("6.21", "6.21"), PrintRole::Part);
        assert_eq!(print_role("6.21.1", "6.21"), PrintRole::Part);
        assert_eq!(print_role("6", "6.21"), PrintRole::Heading);
        assert_eq!(print_role("1.2", "1.2.d3"), PrintRole::Heading);
        assert_eq!(print_role("6.2", "6.21"), PrintRole::None);
        assert_eq!(print_role("6.22", "6.21"), PrintRole::None);
        assert_eq!(print_role("0", "6.21"), PrintRole::None);
    }

    #[test]
    fn a_section_title_is_not_repeated_as_body() {
        let section = unit("6", "六、", UnitKind::Section, Some("创新机制"), "创新机制");
        assert_eq!(body_text(&section), "");
    }

    #[test]
    fn a_section_with_introductory_text_keeps_its_paragraphs() {
        let section = unit(
            "1",
            "一、",
            UnitKind::Section,
            Some("总体要求"),
            "总体要求\n以思想为指导。\n\n坚持原则。",
        );
        assert_eq!(
            paragraphs(body_text(&section)).collect::<Vec<_>>(),
            ["以思想为指导。", "坚持原则。"]
        );
    }

    #[test]
    fn text_without_heading_is_kept_whole() {
        let item = unit("3.2.1", "1.", UnitKind::Item, None, "推进城市群建设。");
        assert_eq!(body_text(&item), "推进城市群建设。");
        let odd = unit(
            "2.1",
            "（一）",
            UnitKind::Clause,
            Some("别的标题"),
            "正文不以标题开头。",
        );
        assert_eq!(body_text(&odd), "正文不以标题开头。");
    }
}
