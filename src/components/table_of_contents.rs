//! The heading tree of one document: sections with their clauses, each a
//! permalink to the unit. Items (depth 3) are left out to keep it short.

use policy_core::model::{Unit, UnitKind};
use policy_core::restoration::TextChoice;
use yew::prelude::*;

use crate::corpus_data::DocRef;
use crate::i18n::{Lang, CORPUS_LANG};
use crate::route::Route;

/// The id of the contents heading, which labels the `<nav>`.
pub const TOC_HEADING_ID: &str = "toc-heading";

#[derive(Properties, PartialEq)]
pub struct TableOfContentsProps {
    pub doc: DocRef,
    pub lang: Lang,
    /// The unit the URL points at, marked in the list.
    #[prop_or_default]
    pub current_path: Option<AttrValue>,
    /// Restored headings (the default) or the witness's.
    #[prop_or_default]
    pub text: TextChoice,
}

/// One TOC entry with the clauses under it.
struct TocEntry<'a> {
    unit: &'a Unit,
    children: Vec<&'a Unit>,
}

/// Groups sections and clauses into a two-level tree, in reading order.
/// A clause whose section is missing stays at the top level rather than
/// disappearing.
fn toc_tree(units: &[Unit]) -> Vec<TocEntry<'_>> {
    let mut tree: Vec<TocEntry<'_>> = Vec::new();
    for unit in units {
        match unit.kind {
            UnitKind::Section => tree.push(TocEntry {
                unit,
                children: Vec::new(),
            }),
            UnitKind::Clause => {
                let parent = unit.path.parent();
                match tree.last_mut() {
                    Some(last) if Some(&last.unit.path) == parent.as_ref() => {
                        last.children.push(unit)
                    }
                    _ => tree.push(TocEntry {
                        unit,
                        children: Vec::new(),
                    }),
                }
            }
            _ => {}
        }
    }
    tree
}

/// What a TOC entry says: the printed number and the heading, or the start
/// of the text when the unit has no heading — restored where the unit has
/// a restored reading, unless the witness text is chosen.
pub fn entry_text(unit: &Unit, choice: TextChoice) -> String {
    let title = match unit.heading_for(choice) {
        Some(heading) => heading.to_string(),
        None => unit.text_for(choice).chars().take(24).collect(),
    };
    format!("{}{}", unit.label, title)
}

#[component]
pub fn TableOfContents(props: &TableOfContentsProps) -> Html {
    let strings = props.lang.strings();
    let doc = &props.doc;
    let link = |unit: &Unit| {
        let is_current = props.current_path.as_deref() == Some(unit.path.as_str());
        let href = Route::Unit {
            id: doc.id.clone(),
            path: unit.path.to_string(),
        }
        .href();
        let href = crate::views::reader::reader_href(&href, "", props.text);
        html! {
            <a class={classes!("toc__link", is_current.then_some("toc__link--current"))} href={href} lang={CORPUS_LANG}>
                { entry_text(unit, props.text) }
            </a>
        }
    };
    html! {
        <nav class="toc" aria-labelledby={TOC_HEADING_ID}>
            <h2 id={TOC_HEADING_ID} class="toc__heading">{ strings.toc_heading }</h2>
            <ol class="toc__list">
                { for toc_tree(&doc.units).into_iter().map(|entry| html! {
                    <li class="toc__entry">
                        { link(entry.unit) }
                        if !entry.children.is_empty() {
                            <ol class="toc__list toc__list--nested">
                                { for entry.children.iter().map(|child| html! {
                                    <li class="toc__entry">{ link(child) }</li>
                                }) }
                            </ol>
                        }
                    </li>
                }) }
            </ol>
        </nav>
    }
}
