//! `#/compare/{a}/{b}` and `#/compare/{a}/{b}/{path}`: two documents side
//! by side. A's units on the left, each with its best counterpart in B, a
//! connecting mark and the relation; units B added sit where B has them.
//! The focused pair (the URL's `path`, stepped with the buttons or ←/→)
//! opens its diff. View options live in the query (see
//! [`crate::url::compare`]); the view rewrites a
//! non-canonical query in place and says what it ignored.
//!
//! The pieces: [`CompareDocPicker`], [`CompareOptionsBar`],
//! [`CompareSummary`], [`CompareStepper`] (with
//! [`use_compare_stepper`]), [`CompareTable`] and [`CopyPanel`].
//!
//! `#compare-view` carries `data-align-ms` (alignment time in this browser)
//! and `data-engine="ready"` once the segmenter the diffs need is built.

use std::rc::Rc;

use policy_core::compare::align::Side;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::back_link::BackLink;
use crate::components::binding_filter::BindingFilter;
use crate::components::compare_copy_panel::CopyPanel;
use crate::components::compare_diff_panel::CompareDiffPanel;
use crate::components::compare_doc_picker::CompareDocPicker;
use crate::components::compare_options_bar::CompareOptionsBar;
use crate::components::compare_progress::CompareProgress;
use crate::components::compare_stepper::CompareStepper;
use crate::components::compare_summary::{relation_counts, CompareSummary};
use crate::components::compare_table::CompareTable;
use crate::components::compare_text_choice::CompareTextChoice;
use crate::components::fidelity_summary_chart::FidelitySummaryChart;
use crate::corpus_data::{
    CorpusHandle, ImportedCopy, MyCopyContext, SearchEngineHandle, MY_COPY_ID,
};
use crate::dom;
use crate::hooks::use_compare_stepper::use_compare_stepper;
use crate::hooks::use_comparison::{use_comparison, ComparisonState, SLICED_FROM_UNITS};
use crate::hooks::use_search_engine::use_search_engine;
use crate::i18n::{fill, Lang};
use crate::navigation::{compare_route, go_to_compare, Entry};
use crate::route::Route;
use crate::url::compare::{compare_query, parse_compare_query, CompareOptions, OptionNotice};
use crate::views::compare_model::{
    comparable_text, compare_rows, resolve_doc, ComparedDoc, Unresolved,
};
use crate::views::not_found::{NotFoundReason, NotFoundView};

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// Document ids from the URL (not yet checked).
    pub a: String,
    pub b: String,
    /// The focused unit of A from the URL (not yet checked).
    pub path: Option<String>,
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let corpus = use_context::<CorpusHandle>();
    let my_copy = use_context::<MyCopyContext>();
    let query_str = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let navigator = use_navigator();
    let engine = use_search_engine(true).and_then(Result::ok);
    let Some(corpus) = corpus else {
        return html! {};
    };
    let copy = my_copy.as_ref().and_then(|c| c.copy.clone());

    let on_imported = {
        let my_copy = my_copy.clone();
        let navigator = navigator.clone();
        let query_str = query_str.clone();
        Callback::from(move |(imported, target): (ImportedCopy, String)| {
            if let Some(context) = &my_copy {
                context.set.emit(imported);
            }
            if let Some(navigator) = &navigator {
                let (options, _) = parse_compare_query(&query_str);
                let route = compare_route(&target, MY_COPY_ID, None);
                go_to_compare(navigator, &route, &options, Entry::Push);
            }
        })
    };
    let panel = html! {
        <CopyPanel {lang} corpus={corpus.clone()} default_target={props.a.clone()}
            current={copy.clone()} on_imported={on_imported.clone()} />
    };

    let a = resolve_doc(&corpus, copy.as_ref(), &props.a);
    let b = resolve_doc(&corpus, copy.as_ref(), &props.b);
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(Unresolved::Unknown(id)), _) | (_, Err(Unresolved::Unknown(id))) => {
            return html! { <NotFoundView reason={NotFoundReason::Document { id }} /> };
        }
        _ => {
            // The copy named by the URL is not loaded: offer to load it.
            let strings = lang.compare_strings();
            return html! {
                <section id="compare-view" class="compare-view" aria-labelledby="compare-heading">
                    <h1 id="compare-heading" class="page-heading">{ strings.compare_heading }</h1>
                    <p class="compare-notice" role="status" data-testid="copy-missing">{ strings.copy_missing }</p>
                    { panel }
                </section>
            };
        }
    };
    html! {
        <CompareScreen {lang} corpus={corpus.clone()} {a} {b}
            path={props.path.clone().map(AttrValue::from)}
            query_str={AttrValue::from(query_str)} {engine} copy_panel={panel} />
    }
}

#[derive(Properties, PartialEq)]
struct CompareScreenProps {
    lang: Lang,
    corpus: CorpusHandle,
    a: ComparedDoc,
    b: ComparedDoc,
    path: Option<AttrValue>,
    query_str: AttrValue,
    engine: Option<SearchEngineHandle>,
    copy_panel: Html,
}

/// What a document is called in headings and column labels.
fn doc_label(doc: &ComparedDoc, lang: Lang) -> String {
    match doc {
        ComparedDoc::Corpus(d) => d.title.clone(),
        ComparedDoc::Copy(c) => fill(
            lang.compare_strings().my_copy_label,
            &[("name", &c.source_name)],
        ),
    }
}

#[component]
fn CompareScreen(props: &CompareScreenProps) -> Html {
    let lang = props.lang;
    let strings = lang.compare_strings();
    let navigator = use_navigator();
    let (a, b) = (&props.a, &props.b);

    let parsed = use_memo(props.query_str.clone(), |q| parse_compare_query(q));
    let options = parsed.0;

    // Ignored parameters: keep the notice visible after the URL is
    // rewritten to its canonical form (which no longer contains them).
    let notices = use_state(Vec::<OptionNotice>::new);
    {
        let notices = notices.clone();
        let navigator = navigator.clone();
        let parsed = parsed.clone();
        let route = compare_route(&a.id, &b.id, props.path.as_deref());
        use_effect_with(props.query_str.clone(), move |query_str| {
            let given = query_str.strip_prefix('?').unwrap_or(query_str);
            if given != compare_query(&parsed.0) {
                if !parsed.1.is_empty() {
                    notices.set(parsed.1.clone());
                }
                if let Some(navigator) = &navigator {
                    go_to_compare(navigator, &route, &parsed.0, Entry::Replace);
                }
            }
        });
    }

    // The alignment and its figures: at once for ordinary documents, in
    // slices with progress and Cancel for long ones.
    let comparison = use_comparison(a, b, options.text);
    let ready = match &comparison.state {
        ComparisonState::Ready(c) => Some(c.clone()),
        _ => None,
    };
    let only_changed = use_state(|| false);
    let on_filter = {
        let only_changed = only_changed.clone();
        Callback::from(move |on: bool| only_changed.set(on))
    };
    let rows = use_memo(
        (ready.as_ref().map(|c| c.alignment.clone()), b.clone()),
        |(alignment, b)| {
            Rc::new(
                alignment
                    .as_ref()
                    .map(|alignment| compare_rows(alignment, b))
                    .unwrap_or_default(),
            )
        },
    );

    let selected: Option<usize> = props
        .path
        .as_deref()
        .and_then(|p| a.units.iter().position(|u| u.path.as_str() == p));
    let unknown_path = props.path.clone().filter(|_| selected.is_none());

    let stepper = {
        let navigator = navigator.clone();
        let (a_id, b_id) = (a.id.clone(), b.id.clone());
        use_compare_stepper(
            a,
            options.mechanism,
            props.path.clone(),
            Callback::from(move |path: String| {
                if let Some(navigator) = &navigator {
                    let route = compare_route(&a_id, &b_id, Some(&path));
                    go_to_compare(navigator, &route, &options, Entry::Replace);
                }
            }),
        )
    };

    {
        let title = fill(
            strings.page_title_compare,
            &[("a", &doc_label(a, lang)), ("b", &doc_label(b, lang))],
        );
        use_effect_with((title, props.path.clone()), move |(title, path)| {
            dom::set_title(title);
            if let Some(path) = path {
                dom::scroll_to_and_focus(&format!("pair-{path}"));
            }
            dom::mark_ready("compare");
        });
    }

    let on_options = {
        let navigator = navigator.clone();
        let route = compare_route(&a.id, &b.id, props.path.as_deref());
        Callback::from(move |next: CompareOptions| {
            if let Some(navigator) = &navigator {
                go_to_compare(navigator, &route, &next, Entry::Replace);
            }
        })
    };
    let whole_open = use_state(|| false);
    let on_whole_toggle = {
        let whole_open = whole_open.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::HtmlDetailsElement>()
                .is_some_and(|d| d.open());
            whole_open.set(open);
        })
    };

    let (a_label, b_label) = (
        AttrValue::from(doc_label(a, lang)),
        AttrValue::from(doc_label(b, lang)),
    );
    let whole_texts = |doc: &ComparedDoc| -> AttrValue {
        doc.units
            .iter()
            .map(|u| comparable_text(u, options.text))
            .collect::<Vec<_>>()
            .join("\n")
            .into()
    };

    html! {
        <section id="compare-view" class="compare-view" aria-labelledby="compare-heading"
            data-a={a.id.clone()} data-b={b.id.clone()}
            data-align-ms={ready.as_ref().map(|c| format!("{:.2}", c.align_ms))}
            data-comparison={if ready.is_some() { "ready" } else { "pending" }}
            data-engine={props.engine.is_some().then_some("ready")}>
            <BackLink class="compare-view__back" href={Route::CompareOverview.href()}
                label={strings.back_to_overview} />
            <h1 id="compare-heading" class="page-heading">{ strings.compare_heading }</h1>
            <CompareDocPicker {lang} corpus={props.corpus.clone()} a={a.id.clone()} b={b.id.clone()}
                has_copy={matches!(a, ComparedDoc::Copy(_)) || matches!(b, ComparedDoc::Copy(_))}
                {options} />
            if !notices.is_empty() || unknown_path.is_some() {
                <ul class="compare-notices" role="status" data-testid="compare-notices">
                    { for notices.iter().map(|n| html! { <li>{ notice_text(lang, n) }</li> }) }
                    if let Some(path) = &unknown_path {
                        <li>{ fill(strings.notice_unknown_path, &[("path", &crate::i18n::clip(path)), ("title", &a_label)]) }</li>
                    }
                </ul>
            }
            <CompareOptionsBar {options} corpus={props.corpus.clone()} {lang} on_change={on_options.clone()} />
            <CompareTextChoice {options} {lang} on_change={on_options}
                restored={restored_units(a) + if a.id == b.id { 0 } else { restored_units(b) }} />
            { match &ready {
                Some(c) => {
                    let alignment = c.alignment.clone();
                    let counts = relation_counts(a, b, &alignment, options.mechanism);
                    let changed_pairs = c.figures.iter().filter(|f| !f.changes.is_empty()).count();
                    html! {
                        <>
                            <CompareSummary {lang} {counts} />
                            <FidelitySummaryChart {lang} fidelity={c.fidelity.clone()}
                                central_name={if c.central_side == Side::A { a_label.clone() } else { b_label.clone() }}
                                local_name={if c.central_side == Side::A { b_label.clone() } else { a_label.clone() }} />
                            <BindingFilter {lang} on={*only_changed} shown={changed_pairs}
                                total={alignment.pairs.len()} on_toggle={on_filter.clone()} />
                            <CompareStepper {lang} stepper={stepper.clone()} />
                            <CompareTable {lang} a={a.clone()} b={b.clone()} {alignment} rows={(*rows).clone()} {options} {selected}
                                engine={props.engine.clone()} a_label={a_label.clone()} b_label={b_label.clone()}
                                figures={c.figures.clone()} only_changed={*only_changed}
                                progressive={a.units.len() + b.units.len() >= SLICED_FROM_UNITS} />
                        </>
                    }
                }
                None => html! {
                    <CompareProgress {lang}
                        percent={match comparison.state { ComparisonState::Working(p) => Some(p), _ => None }}
                        on_cancel={comparison.cancel.clone()} on_again={comparison.again.clone()} />
                },
            } }
            <details class="compare-whole" ontoggle={on_whole_toggle}>
                <summary>{ strings.whole_diff_summary }</summary>
                if *whole_open {
                    <CompareDiffPanel old={whole_texts(a)} new={whole_texts(b)}
                        old_label={a_label.clone()} new_label={b_label.clone()}
                        {options} engine={props.engine.clone()} {lang} />
                }
            </details>
            <details class="copy-details" id="copy-details" open={matches!(b, ComparedDoc::Copy(_))}>
                <summary>{ strings.copy_heading }</summary>
                { props.copy_panel.clone() }
            </details>
        </section>
    }
}

/// How many units of a document have a restored reading.
fn restored_units(doc: &ComparedDoc) -> usize {
    doc.units.iter().filter(|u| u.is_restored()).count()
}

/// An ignored query parameter, in the interface language.
fn notice_text(lang: Lang, notice: &OptionNotice) -> String {
    let strings = lang.compare_strings();
    match notice {
        OptionNotice::UnknownParam { param } => {
            fill(strings.notice_unknown_param, &[("param", param)])
        }
        OptionNotice::BadValue { param, value } => fill(
            strings.notice_bad_value,
            &[("param", param), ("value", value)],
        ),
    }
}
