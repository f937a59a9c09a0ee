//! "Where does this text come from?" one click away: a `<details>` with the
//! raw file and lines, the other witnesses, every repair the pipeline made,
//! and why each tag was assigned.

use policy_core::model::Provenance;
use yew::prelude::*;

use crate::i18n::{fill, Lang};

/// Why a tag was assigned, already named in the current language.
#[derive(Debug, Clone, PartialEq)]
pub struct TagReason {
    pub name: AttrValue,
    pub rule: AttrValue,
    pub cue: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct ProvenanceDetailsProps {
    pub lang: Lang,
    pub provenance: Provenance,
    #[prop_or_default]
    pub tag_reasons: Vec<TagReason>,
}

#[component]
pub fn ProvenanceDetails(props: &ProvenanceDetailsProps) -> Html {
    let strings = props.lang.strings();
    let prov = &props.provenance;
    let (first, last) = prov.lines;
    let lines = fill(
        strings.provenance_line_range,
        &[("first", &first.to_string()), ("last", &last.to_string())],
    );
    html! {
        <details class="provenance">
            <summary class="provenance__summary">{ strings.provenance_summary }</summary>
            <dl class="provenance__list">
                <dt>{ strings.provenance_file }</dt>
                <dd><code>{ prov.file.clone() }</code></dd>
                <dt>{ strings.provenance_lines }</dt>
                <dd>{ lines }</dd>
                <dt>{ strings.provenance_also_in }</dt>
                <dd>
                    if prov.also_in.is_empty() {
                        { strings.provenance_none }
                    } else {
                        <ul class="provenance__items">
                            { for prov.also_in.iter().map(|file| html! { <li><code>{ file.clone() }</code></li> }) }
                        </ul>
                    }
                </dd>
                <dt>{ strings.provenance_repairs }</dt>
                <dd>
                    if prov.repairs.is_empty() {
                        { strings.provenance_none }
                    } else {
                        <ul class="provenance__items">
                            { for prov.repairs.iter().map(|repair| html! {
                                <li class="repair" data-rule={repair.rule.clone()}>
                                    <code>{ repair.rule.clone() }</code>
                                    { " " }
                                    { fill(strings.provenance_repair_count, &[("count", &repair.count.to_string())]) }
                                    if let Some(example) = &repair.example {
                                        { " · " }<span class="repair__example">{ example.clone() }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    }
                </dd>
                if !props.tag_reasons.is_empty() {
                    <dt>{ strings.provenance_tag_reasons }</dt>
                    <dd>
                        <ul class="provenance__items">
                            { for props.tag_reasons.iter().map(|reason| html! {
                                <li>
                                    { fill(strings.provenance_tag_reason, &[
                                        ("name", &reason.name),
                                        ("rule", &reason.rule),
                                        ("cue", &reason.cue),
                                    ]) }
                                </li>
                            }) }
                        </ul>
                    </dd>
                }
            </dl>
        </details>
    }
}
