//! The overview's fidelity section: for every document (and the user's
//! copy) against the central opinion, a one-glance summary chart, and a
//! table with one row per mechanism whose cells are small stacked bars of
//! the central text's content carried over verbatim, rewritten, not
//! carried, uncertain or without counterpart (`docs/diffusion.md`).

use std::rc::Rc;

use policy_core::compare::align::{align_documents, AlignOptions, Side};
use policy_core::diffusion::fidelity::{document_fidelity, DocumentFidelity, FidelityTotals};
use policy_core::model::Mechanism;
use policy_core::restoration::TextChoice;
use yew::prelude::*;

use crate::components::fidelity_bar::{
    pct, stack, NOT_CARRIED_FILL, NO_COUNTERPART_FILL, REWRITTEN_FILL, UNCERTAIN_FILL,
    VERBATIM_FILL,
};
use crate::components::fidelity_summary_chart::FidelitySummaryChart;
use crate::corpus_data::{DocRef, ImportedCopy};
use crate::i18n::{Lang, CORPUS_LANG};
use crate::views::compare_model::ComparedDoc;

#[derive(Properties, PartialEq)]
pub struct FidelityOverviewProps {
    pub lang: Lang,
    pub central: DocRef,
    /// The user's copy, when one is loaded.
    #[prop_or_default]
    pub copy: Option<ImportedCopy>,
    /// What each document is called in column headers, by id.
    pub names: Vec<(AttrValue, AttrValue)>,
}

type Column = (ComparedDoc, Rc<DocumentFidelity>);

/// A small stacked bar of a set of central units' shares, with the
/// verbatim and rewritten shares in words.
fn cell(lang: Lang, totals: &FidelityTotals) -> Html {
    let strings = lang.diffusion_strings();
    let s = totals.shares;
    let parts = [
        (s.verbatim, VERBATIM_FILL),
        (s.rewritten, REWRITTEN_FILL),
        (s.not_carried, NOT_CARRIED_FILL),
        (s.uncertain, UNCERTAIN_FILL),
        (s.no_counterpart, NO_COUNTERPART_FILL),
    ];
    let label = format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        strings.verbatim,
        pct(s.verbatim),
        strings.rewritten,
        pct(s.rewritten),
        strings.not_carried,
        pct(s.not_carried),
        strings.uncertain,
        pct(s.uncertain),
        strings.no_counterpart,
        pct(s.no_counterpart)
    );
    let shares: Vec<f64> = parts.iter().map(|p| p.0).collect();
    html! {
        <td class="fidelity-cell" data-verbatim={format!("{:.3}", s.verbatim)}>
            <svg width="90" height="10" viewBox="0 0 90 10" role="img" aria-label={label.clone()}>
                <title>{ label }</title>
                { for stack(&shares, 90.0).into_iter().zip(parts).map(|((x, w), (_, fill))| html! {
                    <rect x={format!("{x:.2}")} y="0" width={format!("{w:.2}")} height="10" {fill} />
                }) }
            </svg>
            <span class="fidelity-cell__text">
                { format!("{} {} · {} {}", strings.verbatim, pct(s.verbatim), strings.rewritten, pct(s.rewritten)) }
            </span>
        </td>
    }
}

#[component]
pub fn FidelityOverview(props: &FidelityOverviewProps) -> Html {
    let lang = props.lang;
    let strings = lang.diffusion_strings();
    let columns: Rc<Vec<Column>> = use_memo(
        (props.central.clone(), props.copy.clone()),
        |(central, copy)| {
            let mut docs: Vec<ComparedDoc> = central
                .corpus()
                .doc_refs()
                .filter(|d| d.id != central.id)
                .map(ComparedDoc::Corpus)
                .collect();
            docs.extend(copy.clone().map(ComparedDoc::Copy));
            let options = AlignOptions {
                source: Some(Side::A),
                ..AlignOptions::default()
            };
            docs.into_iter()
                .map(|doc| {
                    let alignment = align_documents(central, &doc, &options);
                    let f =
                        document_fidelity(central, &doc, &alignment, Side::A, TextChoice::Reading);
                    (doc, Rc::new(f))
                })
                .collect()
        },
    );
    let name = |id: &str| -> AttrValue {
        props
            .names
            .iter()
            .find(|(i, _)| i == id)
            .map_or_else(|| AttrValue::from(id.to_string()), |(_, n)| n.clone())
    };
    let english = lang == Lang::En;
    let corpus = props.central.corpus();
    let central_name = AttrValue::from(props.central.title.clone());
    // Mechanism rows in order, then units outside the mechanism sections.
    let mut rows: Vec<Option<Mechanism>> = Mechanism::ALL.iter().copied().map(Some).collect();
    rows.push(None);
    html! {
        <section class="fidelity-overview" aria-labelledby="fidelity-overview-heading" data-testid="fidelity-overview">
            <h2 id="fidelity-overview-heading">{ strings.overview_heading }</h2>
            <p class="fidelity-overview__intro">{ strings.overview_intro }</p>
            <div class="fidelity-overview__charts">
                { for columns.iter().map(|(doc, f)| html! {
                    <FidelitySummaryChart {lang} fidelity={f.clone()}
                        central_name={central_name.clone()} local_name={name(&doc.id)} />
                }) }
            </div>
            <div class="matrix-wrap">
                <table class="fidelity-table" data-testid="fidelity-table">
                    <thead>
                        <tr>
                            <th scope="col">{ strings.overview_col_mechanism }</th>
                            { for columns.iter().map(|(doc, _)| html! {
                                <th scope="col" data-fidelity-doc={doc.id.clone()}>{ name(&doc.id) }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr data-fidelity-mechanism="whole">
                            <th scope="row">{ strings.overview_whole }</th>
                            { for columns.iter().map(|(_, f)| cell(lang, &f.document)) }
                        </tr>
                        { for rows.iter().map(|m| html! {
                            <tr data-fidelity-mechanism={m.map_or("none", |m| m.id())}>
                                <th scope="row" lang={m.map(|_| CORPUS_LANG)}>
                                    { m.map_or_else(|| strings.overview_other.to_string(), |m| corpus.mechanism_name(m, english)) }
                                </th>
                                { for columns.iter().map(|(_, f)| {
                                    match f.by_mechanism.iter().find(|x| x.mechanism == *m) {
                                        Some(x) => cell(lang, &x.totals),
                                        None => html! { <td class="fidelity-cell">{ "–" }</td> },
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
