//! `#/witnesses/{id}`: a document's two witnesses clause by clause — the
//! faithful copy (for the 2018 opinion, the newspaper text 002) against
//! the machine-reworded one (000) — with every substitution marked, and
//! the substitution table the pipeline learned from them.
//!
//! Built on `Document::witness_readings` (the other witness's text of each
//! collated unit). Which side is faithful follows the witness roles: the
//! file whose role is `reworded` is the tool's output.

use std::rc::Rc;

use policy_core::compare::diff::Granularity;
use policy_core::compare::reword::learned_changes;
use policy_core::compare::text_diff::{diff_texts, DiffOptions};
use policy_core::model::WitnessRole;
use yew::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::diff_text::DiffText;
use crate::components::restoration_accuracy::RestorationAccuracy;
use crate::corpus_data::{CorpusHandle, DocRef, SearchEngineHandle};
use crate::dom;
use crate::hooks::use_search_engine::use_search_engine;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;
use crate::url::compare::DiffLayout;
use crate::views::not_found::{NotFoundReason, NotFoundView};

#[derive(Properties, PartialEq)]
pub struct WitnessViewProps {
    pub id: String,
}

/// One unit read by both witnesses.
#[derive(Debug, Clone, PartialEq)]
pub struct WitnessPair {
    pub path: String,
    pub faithful: String,
    pub reworded: String,
    /// The faithful witness has only part of the unit.
    pub partial: bool,
}

/// Pairs every unit that has a reading in the other witness, in reading
/// order, oriented faithful → reworded.
pub fn witness_pairs(doc: &policy_core::model::Document) -> Vec<WitnessPair> {
    let reworded_file = doc
        .witnesses
        .iter()
        .find(|w| w.role == WitnessRole::Reworded)
        .map(|w| w.file.as_str());
    doc.units
        .iter()
        .filter_map(|unit| {
            let reading = doc.witness_readings.iter().find(|r| r.path == unit.path)?;
            let reading_is_reworded = Some(reading.file.as_str()) == reworded_file;
            let (faithful, reworded) = if reading_is_reworded {
                (unit.text.clone(), reading.text.clone())
            } else {
                (reading.text.clone(), unit.text.clone())
            };
            Some(WitnessPair {
                path: unit.path.as_str().to_string(),
                faithful,
                reworded,
                partial: reading.partial,
            })
        })
        .collect()
}

#[component]
pub fn WitnessView(props: &WitnessViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let engine = use_search_engine(true).and_then(Result::ok);
    let Some(corpus) = use_context::<CorpusHandle>() else {
        return html! {};
    };
    let Some(doc) = corpus.doc_ref(&props.id) else {
        return html! { <NotFoundView reason={NotFoundReason::Document { id: props.id.clone() }} /> };
    };
    html! { <WitnessScreen {lang} {doc} {engine} /> }
}

#[derive(Properties, PartialEq)]
struct WitnessScreenProps {
    lang: Lang,
    doc: DocRef,
    engine: Option<SearchEngineHandle>,
}

#[component]
fn WitnessScreen(props: &WitnessScreenProps) -> Html {
    let lang = props.lang;
    let strings = lang.compare_strings();
    let doc = &props.doc;
    let corpus = doc.corpus();
    {
        let title = fill(strings.page_title_witnesses, &[("title", &doc.title)]);
        use_effect_with(title, |title| {
            dom::set_title(title);
            dom::mark_ready("witnesses");
        });
    }
    let pairs = use_memo(doc.clone(), |doc| witness_pairs(doc));
    let diffs = use_memo((pairs.clone(), props.engine.clone()), |(pairs, engine)| {
        let handle = engine.as_ref()?;
        let options = DiffOptions {
            granularity: Granularity::Words,
            ignore_punctuation: true,
            ignore_script: false,
        };
        Some(
            pairs
                .iter()
                .map(|p| {
                    Rc::new(diff_texts(
                        &p.faithful,
                        &p.reworded,
                        &options,
                        handle.engine.segmenter(),
                        None,
                    ))
                })
                .collect::<Vec<_>>(),
        )
    });
    let witness_file = |role: WitnessRole| {
        doc.witnesses
            .iter()
            .find(|w| w.role == role)
            .map(|w| w.file.clone())
            .unwrap_or_default()
    };
    let (faithful_file, reworded_file) = (
        witness_file(WitnessRole::Primary),
        witness_file(WitnessRole::Reworded),
    );

    let rows = match &*diffs {
        None => html! {
            <tr><td colspan="3"><p role="status">{ strings.diff_preparing }</p></td></tr>
        },
        Some(diffs) => html! {
            { for pairs.iter().zip(diffs.iter()).map(|(pair, chunks)| {
                // Both counts are of the diff's changed places (see
                // `learned_changes`), so the second never exceeds the first.
                let counts = learned_changes(chunks, &corpus.substitutions);
                let (changes, known) = (counts.changes, counts.learned);
                html! {
                    <tr class="witness-row" data-path={pair.path.clone()}>
                        <th scope="row">
                            <a href={Route::Unit { id: doc.id.clone(), path: pair.path.clone() }.href()}>
                                { "§\u{a0}" }{ pair.path.clone() }
                            </a>
                            if pair.partial {
                                <span class="witness-row__partial">{ strings.witness_partial }</span>
                            }
                        </th>
                        <td class="witness-row__diff">
                            <DiffText chunks={chunks.clone()} layout={DiffLayout::Inline} {lang}
                                old_label={AttrValue::from(faithful_file.clone())}
                                new_label={AttrValue::from(reworded_file.clone())} />
                        </td>
                        <td class="witness-row__count" data-changes={changes.to_string()} data-learned={known.to_string()}>
                            { fill(strings.witness_counts, &[("n", &changes.to_string()), ("known", &known.to_string())]) }
                        </td>
                    </tr>
                }
            }) }
        },
    };

    html! {
        <section id="witness-view" class="witness-view" aria-labelledby="witness-heading"
            data-engine={props.engine.is_some().then_some("ready")}>
            <BackLink class="compare-view__back" href={Route::CompareOverview.href()}
                label={strings.back_to_overview} />
            <h1 id="witness-heading" class="page-heading">{ strings.witness_heading }</h1>
            <p class="witness-view__doc" lang={CORPUS_LANG}>
                <a href={Route::Document { id: doc.id.clone() }.href()}>{ doc.title.clone() }</a>
            </p>
            <p class="witness-view__intro">
                { fill(strings.witness_intro, &[("faithful", &faithful_file), ("reworded", &reworded_file)]) }
            </p>
            if let Some(summary) = doc.restoration_summary() {
                <p class="witness-view__restoration" data-testid="witness-restoration-note">
                    { fill(lang.restoration_strings().witness_view_note, &[("restored", &summary.restored_units.to_string())]) }
                </p>
                <RestorationAccuracy {lang} />
            }
            if pairs.is_empty() {
                <p class="witness-view__none" role="status">{ strings.witness_none }</p>
            } else {
                <div class="witness-table-wrap">
                    <table class="witness-table" data-testid="witness-table">
                        <caption class="visually-hidden">{ strings.witness_caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ strings.col_unit }</th>
                                <th scope="col">{ strings.witness_col_diff }</th>
                                <th scope="col">{ strings.witness_col_count }</th>
                            </tr>
                        </thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </div>
            }
            <h2 id="substitutions-heading" class="witness-view__subheading">{ strings.substitutions_heading }</h2>
            <p>{ strings.substitutions_intro }</p>
            <div class="substitution-table-wrap">
                <table class="substitution-table" data-testid="substitution-table" aria-labelledby="substitutions-heading">
                    <thead>
                        <tr>
                            <th scope="col">{ strings.col_original }</th>
                            <th scope="col">{ strings.col_reworded }</th>
                            <th scope="col">{ strings.col_count }</th>
                            <th scope="col">{ strings.col_example }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for corpus.substitutions.iter().map(|p| html! {
                            <tr>
                                <td lang={CORPUS_LANG}>{ p.original.clone() }</td>
                                <td lang={CORPUS_LANG}>{ p.reworded.clone() }</td>
                                <td class="substitution-table__count">{ p.count }</td>
                                <td>
                                    if let Some(path) = &p.example_path {
                                        <a href={Route::Unit { id: doc.id.clone(), path: path.clone() }.href()}>
                                            { "§\u{a0}" }{ path.clone() }
                                        </a>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::bundled_corpus;

    #[test]
    fn the_2018_opinion_pairs_faithful_and_reworded_readings() {
        let corpus = bundled_corpus().expect("corpus loads");
        let doc = corpus.document("central-2018").expect("central");
        let pairs = witness_pairs(doc);
        assert_eq!(pairs.len(), doc.witness_readings.len());
        // The reworded copy says 开展 where the newspaper says 发展.
        let preamble = pairs.iter().find(|p| p.path == "0").expect("preamble pair");
        assert!(
            preamble.faithful.contains("区域协调发展"),
            "{}",
            preamble.faithful
        );
        assert!(
            preamble.reworded.contains("区域协调开展"),
            "{}",
            preamble.reworded
        );
    }

    #[test]
    fn the_witnesses_differ_and_attest_learned_substitutions() {
        let corpus = bundled_corpus().expect("corpus loads");
        let doc = corpus.document("central-2018").expect("central");
        let segmenter = policy_core::segment::Segmenter::new().expect("segmenter");
        let options = DiffOptions {
            granularity: Granularity::Words,
            ignore_punctuation: true,
            ignore_script: false,
        };
        let (mut changes, mut known) = (0, 0);
        for pair in witness_pairs(doc) {
            let chunks = diff_texts(&pair.faithful, &pair.reworded, &options, &segmenter, None);
            let counts = learned_changes(&chunks, &corpus.substitutions);
            assert!(
                counts.learned <= counts.changes,
                "{}: {counts:?}",
                pair.path
            );
            changes += counts.changes;
            known += counts.learned;
        }
        assert!(known > 20, "only {known} learned substitutions attested");
        assert!(known * 2 > changes, "{changes} changes, {known} learned");
        let same = diff_texts("促进区域发展", "促进区域发展", &options, &segmenter, None);
        assert_eq!(learned_changes(&same, &corpus.substitutions).changes, 0);
        let swapped = diff_texts("促进区域发展", "促进区域开展", &options, &segmenter, None);
        let counts = learned_changes(&swapped, &corpus.substitutions);
        assert_eq!((counts.changes, counts.learned), (1, 1));
        eprintln!("witness view: {changes} changes, {known} learned");
    }
}
