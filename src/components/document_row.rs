//! One row of the library table (`tr[data-doc-id]`). Each metadata cell
//! carries `data-label` so the narrow-screen stylesheet can show the column
//! name next to the value when the table collapses into cards.

use yew::prelude::*;

use crate::components::metadata_value::{known_or_unknown, ui_value_or_unknown, unknown};
use crate::corpus_data::{unit_counts, unit_kind_id, DocRef};
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct DocumentRowProps {
    pub doc: DocRef,
    pub lang: Lang,
}

#[component]
pub fn DocumentRow(props: &DocumentRowProps) -> Html {
    let strings = props.lang.strings();
    let doc = &props.doc;
    let href = Route::Document { id: doc.id.clone() }.href();
    let issuers = (!doc.issuers.is_empty()).then(|| doc.issuers.join(strings.issuer_separator));
    let total: usize = doc.units.len();
    let summary = doc.restoration_summary();
    let restored = summary.as_ref().map_or(0, |s| s.restored_units);
    let doubtful = summary.as_ref().map_or(0, |s| s.doubtful_units);
    let restoration = props.lang.restoration_strings();

    html! {
        <tr data-doc-id={doc.id.clone()}>
            <th scope="row" class="library__title" data-label={strings.col_title}>
                <a href={href} lang={CORPUS_LANG}>{ doc.title.clone() }</a>
                if crate::user_library::is_user_doc_id(&doc.id) {
                    { " " }<span class="mine-mark" data-testid="mine-mark"
                        title={props.lang.library_strings().mine_mark_label}>{ props.lang.library_strings().mine_mark }</span>
                }
                if restored > 0 {
                    <p class="library__restored" data-restored={restored.to_string()} data-doubtful={doubtful.to_string()}>
                        { fill(restoration.library_count, &[
                            ("restored", &restored.to_string()),
                            ("total", &total.to_string()),
                            ("doubtful", &doubtful.to_string()),
                        ]) }
                    </p>
                }
            </th>
            <td class="library__issuers" data-label={strings.col_issuers}>{ known_or_unknown(issuers, strings) }</td>
            <td class="library__level" data-label={strings.col_level}>
                { ui_value_or_unknown(doc.level.map(|l| strings.level(l)), strings) }
            </td>
            <td class="library__type" data-label={strings.col_type}>{ known_or_unknown(doc.doc_type.clone(), strings) }</td>
            <td class="library__date" data-label={strings.col_date}>
                { match &doc.date {
                    Some(date) => html! { <time datetime={date.clone()}>{ date.clone() }</time> },
                    None => unknown(strings),
                } }
            </td>
            <td class="library__number" data-label={strings.col_doc_number}>{ known_or_unknown(doc.doc_number.clone(), strings) }</td>
            <td class="library__units" data-label={strings.col_units}>
                <ul class="unit-counts">
                    { for unit_counts(doc).into_iter().map(|(kind, count)| html! {
                        <li class="unit-counts__item" data-kind={unit_kind_id(kind)}>
                            <span class="unit-counts__kind">{ strings.unit_kind(kind) }</span>
                            { " " }
                            <span class="unit-counts__number">{ count }</span>
                        </li>
                    }) }
                    <li class="unit-counts__item unit-counts__item--total">
                        <span class="unit-counts__kind">{ strings.units_total }</span>
                        { " " }
                        <span class="unit-counts__number">{ total }</span>
                    </li>
                </ul>
            </td>
        </tr>
    }
}
