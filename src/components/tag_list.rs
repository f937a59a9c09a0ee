//! A unit's mechanism and region tags, as two labelled lists of names. The
//! visible label is hidden from screen readers because the list's
//! `aria-label` already says it.

use yew::prelude::*;

use crate::i18n::Lang;

/// One tag as shown: its stable id (for styling and tests) and its name in
/// the current language.
#[derive(Debug, Clone, PartialEq)]
pub struct TagItem {
    pub id: AttrValue,
    pub name: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct TagListProps {
    pub lang: Lang,
    pub mechanisms: Vec<TagItem>,
    pub regions: Vec<TagItem>,
}

#[component]
pub fn TagList(props: &TagListProps) -> Html {
    if props.mechanisms.is_empty() && props.regions.is_empty() {
        return html! {};
    }
    let strings = props.lang.strings();
    html! {
        <div class="tags">
            if !props.mechanisms.is_empty() {
                <span class="tags__label" aria-hidden="true">{ strings.tags_mechanisms }</span>
                <ul class="tags__list" aria-label={strings.tags_mechanisms}>
                    { for props.mechanisms.iter().map(|tag| html! {
                        <li class="tag tag--mechanism" data-mechanism={tag.id.clone()}>{ tag.name.clone() }</li>
                    }) }
                </ul>
            }
            if !props.regions.is_empty() {
                <span class="tags__label" aria-hidden="true">{ strings.tags_regions }</span>
                <ul class="tags__list" aria-label={strings.tags_regions}>
                    { for props.regions.iter().map(|tag| html! {
                        <li class="tag tag--region" data-region={tag.id.clone()}>{ tag.name.clone() }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
