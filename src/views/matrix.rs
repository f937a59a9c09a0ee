//! `#/compare`: the overview matrix. Rows are the mechanisms, columns the
//! documents (and the user's copy, when one is loaded); each cell says how
//! much of the central opinion's text of that mechanism the document kept
//! near-verbatim, rewrote, possibly related to, (probably) dropped, and what it added,
//! and links to the comparison filtered to that mechanism.

use std::rc::Rc;

use policy_core::compare::align::{align_documents, AlignOptions, Side};
use policy_core::model::{Level, Mechanism};
use yew::prelude::*;

use crate::components::compare_matrix_cell::MatrixCellView;
use crate::components::compare_relation_badge::RelationBadge;
use crate::components::fidelity_overview::FidelityOverview;
use crate::corpus_data::{CorpusHandle, MyCopyContext, MY_COPY_ID};
use crate::dom;
use crate::i18n::compare::english_short_name;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::navigation::compare_href;
use crate::route::Route;
use crate::url::compare::CompareOptions;
use crate::views::compare_model::{mechanism_column, ComparedDoc, MatrixCell, RowRelation};

/// One document's column: its cells by mechanism.
type MatrixColumn = (ComparedDoc, Vec<(Mechanism, MatrixCell)>);

/// The id of the document everything is measured against.
pub const CENTRAL_ID: &str = "central-2018";

/// The central document: `central-2018`, else the first central-level one.
fn central(corpus: &CorpusHandle) -> Option<crate::corpus_data::DocRef> {
    corpus
        .doc_ref(CENTRAL_ID)
        .or_else(|| corpus.doc_refs().find(|d| d.level == Some(Level::Central)))
}

/// A short column name: the issuing region, else the document type and
/// year (in Chinese, from the corpus), else the document id. In English the
/// document type is not shown: the interface's English name of the
/// document, else the region, else the id.
pub fn short_name(corpus: &CorpusHandle, doc: &ComparedDoc, lang: Lang) -> String {
    match doc {
        ComparedDoc::Copy(_) => lang.compare_strings().my_copy_option.to_string(),
        ComparedDoc::Corpus(d) if lang == Lang::En => {
            match (english_short_name(&d.id), &d.jurisdiction, d.level) {
                (Some(name), _, _) => name.to_string(),
                (None, Some(region), Some(Level::Provincial)) => corpus.region_name(region, true),
                _ => d.id.clone(),
            }
        }
        ComparedDoc::Corpus(d) => match (&d.jurisdiction, d.level) {
            (Some(region), Some(Level::Provincial)) => corpus.region_name(region, lang == Lang::En),
            _ => d.date.as_deref().map_or_else(
                || d.id.clone(),
                |date| {
                    format!(
                        "{} {}",
                        d.doc_type.clone().unwrap_or_default(),
                        &date[..date.len().min(4)]
                    )
                },
            ),
        },
    }
}

#[component]
pub fn MatrixView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let strings = lang.compare_strings();
    let Some(corpus) = use_context::<CorpusHandle>() else {
        return html! {};
    };
    let copy = use_context::<MyCopyContext>().and_then(|c| c.copy);
    use_effect_with(lang, |lang| {
        dom::set_title(lang.compare_strings().page_title_overview);
        dom::mark_ready("compare-overview");
    });
    let Some(central) = central(&corpus) else {
        return html! { <p>{ strings.overview_no_central }</p> };
    };

    let columns: Rc<(Vec<MatrixColumn>, f64)> =
        use_memo((central.clone(), copy.clone()), |(central, copy)| {
            let started = crate::clock::now_ms();
            let mut docs: Vec<ComparedDoc> = central
                .corpus()
                .doc_refs()
                .filter(|d| d.id != central.id)
                .map(ComparedDoc::Corpus)
                .collect();
            docs.extend(copy.clone().map(ComparedDoc::Copy));
            let columns = docs
                .into_iter()
                .map(|doc| {
                    // The central document is the source every column implements.
                    let options = AlignOptions {
                        source: Some(Side::A),
                        ..AlignOptions::default()
                    };
                    let alignment = align_documents(central, &doc, &options);
                    let column = mechanism_column(central, &doc, &alignment);
                    (doc, column)
                })
                .collect();
            (columns, crate::clock::now_ms() - started)
        });

    let english = lang == Lang::En;
    html! {
        <section id="compare-overview" class="compare-overview" aria-labelledby="overview-heading"
            data-align-ms={format!("{:.2}", columns.1)}>
            <h1 id="overview-heading" class="page-heading">{ strings.overview_heading }</h1>
            <p class="compare-overview__intro">
                { fill(strings.overview_intro, &[("title", &central.title)]) }
            </p>
            <ul class="matrix-legend" aria-label={strings.legend_label}>
                { for RowRelation::ALL.iter().map(|relation| html! {
                    <li class="matrix-legend__item" data-confidence={relation.confidence_id()}>
                        <span class={classes!("matrix-legend__swatch", format!("matrix-legend__swatch--{}", relation.id()),
                            relation.is_uncertain().then_some("matrix-legend__swatch--uncertain"))} aria-hidden="true"></span>
                        <RelationBadge relation={*relation} {lang} />
                    </li>
                }) }
            </ul>
            <p class="compare-overview__how">{ strings.overview_how }</p>
            <p class="compare-overview__uncertain">{ strings.uncertain_note }</p>
            <div class="matrix-wrap">
                <table class="matrix" data-testid="matrix">
                    <caption class="visually-hidden">{ fill(strings.overview_caption, &[("title", &central.title)]) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ strings.col_mechanism }</th>
                            { for columns.0.iter().map(|(doc, _)| html! {
                                <th scope="col" data-doc-id={doc.id.clone()}>
                                    <a href={compare_href(&central.id, &doc.id, None, &CompareOptions::default())}
                                        title={doc.title.clone()} lang={(lang == Lang::Zh).then_some(CORPUS_LANG)}>
                                        { short_name(&corpus, doc, lang) }
                                    </a>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for Mechanism::ALL.iter().enumerate().map(|(row, m)| {
                            let name = corpus.mechanism_name(*m, english);
                            html! {
                                <tr data-mechanism={m.id()}>
                                    <th scope="row" lang={(!english).then_some(CORPUS_LANG)}>{ name.clone() }</th>
                                    { for columns.0.iter().map(|(doc, column)| {
                                        let cell = column[row].1.clone();
                                        let options = CompareOptions { mechanism: Some(*m), ..CompareOptions::default() };
                                        let href = cell.first_path.as_deref().map(|p| {
                                            AttrValue::from(compare_href(&central.id, &doc.id, Some(p), &options))
                                        });
                                        html! {
                                            <MatrixCellView {cell} {href} {lang}
                                                mechanism_name={AttrValue::from(name.clone())}
                                                doc_name={AttrValue::from(short_name(&corpus, doc, lang))} />
                                        }
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <FidelityOverview {lang} central={central.clone()} copy={copy.clone()}
                names={columns.0.iter().map(|(d, _)| (AttrValue::from(d.id.clone()), AttrValue::from(short_name(&corpus, d, lang)))).collect::<Vec<_>>()} />
            <p class="compare-overview__more">
                <a href={Route::Witnesses { id: central.id.clone() }.href()}>{ strings.overview_witness_link }</a>
                { " · " }
                <a href={compare_href(&central.id, MY_COPY_ID, None, &CompareOptions::default())}>{ strings.overview_copy_link }</a>
            </p>
        </section>
    }
}
