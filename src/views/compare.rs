//! `#/compare/{a}/{b}` and `#/compare/{a}/{b}/{path}`: two documents side
//! by side. A's units on the left, each with its best counterpart in B, a
//! connecting mark and the relation; units B added sit where B has them.
//! The focused pair (the URL's `path`, stepped with the buttons or ←/→)
//! opens its diff. View options live in the query (see
//! [`crate::url::compare`]); the view rewrites a
//! non-canonical query in place and says what it ignored.
//!
//! `#compare-view` carries `data-align-ms` (alignment time in this browser)
//! and `data-engine="ready"` once the segmenter the diffs need is built.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use policy_core::compare::align::{align_documents, AlignOptions, Alignment};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::components::compare_copy_panel::CopyPanel;
use crate::components::compare_diff_panel::CompareDiffPanel;
use crate::components::compare_options_bar::CompareOptionsBar;
use crate::components::compare_pair_row::{ComparePairRow, OtherCandidate, RowUnit};
use crate::components::compare_relation_badge::RelationBadge;
use crate::corpus_data::{
    cached_search_engine, search_engine, CorpusHandle, ImportedCopy, MyCopyContext,
    SearchEngineHandle, MY_COPY_ID,
};
use crate::dom;
use crate::i18n::{fill, Lang, CORPUS_LANG};
use crate::route::Route;
use crate::url::compare::{compare_query, parse_compare_query, CompareOptions, OptionNotice};
use crate::views::compare_model::{
    comparable_text, compare_rows, has_mechanism, resolve_doc, step_target, CompareRow,
    ComparedDoc, RowRelation, Unresolved,
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

/// Builds the shared segmenter/converter engine just after the first paint
/// (or takes the cached one), so opening a comparison never freezes.
#[hook]
pub fn use_lazy_engine(corpus: &CorpusHandle) -> Option<SearchEngineHandle> {
    let engine = {
        let corpus = corpus.clone();
        use_state(move || cached_search_engine(&corpus))
    };
    {
        let engine = engine.clone();
        let corpus = corpus.clone();
        use_effect_with((), move |_| {
            if engine.is_none() {
                Timeout::new(0, move || {
                    if let Ok(handle) = search_engine(&corpus) {
                        engine.set(Some(handle));
                    }
                })
                .forget();
            }
        });
    }
    (*engine).clone()
}

/// The href of a comparison with its options.
pub fn compare_href(a: &str, b: &str, path: Option<&str>, options: &CompareOptions) -> String {
    let route = compare_route(a, b, path);
    let query = compare_query(options);
    if query.is_empty() {
        route.href()
    } else {
        format!("{}?{query}", route.href())
    }
}

fn compare_route(a: &str, b: &str, path: Option<&str>) -> Route {
    match path {
        Some(path) => Route::CompareUnit {
            a: a.to_string(),
            b: b.to_string(),
            path: path.to_string(),
        },
        None => Route::Compare {
            a: a.to_string(),
            b: b.to_string(),
        },
    }
}

/// Navigates to a comparison; `replace` for in-place changes (stepping,
/// options) so the history is not flooded, push for new comparisons.
fn go(navigator: &Navigator, route: &Route, options: &CompareOptions, replace: bool) {
    let query = compare_query(options);
    match (query.is_empty(), replace) {
        (true, true) => navigator.replace(route),
        (true, false) => navigator.push(route),
        (false, true) => {
            let _ = navigator.replace_with_query(route, Raw(query));
        }
        (false, false) => {
            let _ = navigator.push_with_query(route, Raw(query));
        }
    }
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
    let Some(corpus) = corpus else {
        return html! {};
    };
    let engine = use_lazy_engine(&corpus);
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
                go(navigator, &route, &options, false);
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

fn reader_href(doc: &ComparedDoc, path: &str) -> Option<AttrValue> {
    match doc {
        ComparedDoc::Corpus(d) => Some(
            Route::Unit {
                id: d.id.clone(),
                path: path.to_string(),
            }
            .href()
            .into(),
        ),
        ComparedDoc::Copy(_) => None,
    }
}

fn row_unit(doc: &ComparedDoc, index: usize) -> Option<RowUnit> {
    let unit = doc.units.get(index)?;
    Some(RowUnit {
        path: unit.path.as_str().to_string().into(),
        label: unit.label.clone().into(),
        text: comparable_text(unit).to_string().into(),
        href: reader_href(doc, unit.path.as_str()),
    })
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
                    go(navigator, &route, &parsed.0, true);
                }
            }
        });
    }

    let aligned: Rc<(Rc<Alignment>, f64)> = use_memo((a.clone(), b.clone()), |(a, b)| {
        let started = crate::clock::now_ms();
        let alignment = align_documents(a, b, &AlignOptions::default());
        (Rc::new(alignment), crate::clock::now_ms() - started)
    });
    let alignment = aligned.0.clone();
    let rows = use_memo((alignment.clone(), b.clone()), |(alignment, b)| {
        compare_rows(alignment, b)
    });
    let b_index: HashMap<&str, usize> = b
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.path.as_str(), i))
        .collect();

    // The units the stepper visits: A's, within the mechanism filter.
    let stops: Rc<Vec<String>> = use_memo((a.clone(), options.mechanism), |(a, mechanism)| {
        a.units
            .iter()
            .filter(|u| has_mechanism(u, *mechanism))
            .map(|u| u.path.as_str().to_string())
            .collect()
    });
    let selected: Option<usize> = props
        .path
        .as_deref()
        .and_then(|p| a.units.iter().position(|u| u.path.as_str() == p));
    let unknown_path = props.path.clone().filter(|_| selected.is_none());

    let step = {
        let navigator = navigator.clone();
        let stops = stops.clone();
        let (a_id, b_id) = (a.id.clone(), b.id.clone());
        let current = props.path.clone();
        Callback::from(move |forward: bool| {
            let refs: Vec<&str> = stops.iter().map(String::as_str).collect();
            let Some(at) = step_target(&refs, current.as_deref(), forward) else {
                return;
            };
            if let Some(navigator) = &navigator {
                let route = compare_route(&a_id, &b_id, Some(&stops[at]));
                go(navigator, &route, &options, true);
            }
        })
    };

    // ←/→ anywhere on the page, except while typing or choosing.
    {
        let step = step.clone();
        use_effect_with((stops.clone(), props.path.clone(), options), move |_| {
            let listener =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    if e.default_prevented()
                        || e.alt_key()
                        || e.ctrl_key()
                        || e.meta_key()
                        || e.shift_key()
                    {
                        return;
                    }
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                                || el.has_attribute("contenteditable")
                        });
                    if typing {
                        return;
                    }
                    match e.key().as_str() {
                        "ArrowRight" => {
                            e.prevent_default();
                            step.emit(true);
                        }
                        "ArrowLeft" => {
                            e.prevent_default();
                            step.emit(false);
                        }
                        _ => {}
                    }
                });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

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
                go(navigator, &route, &next, true);
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

    let (a_label, b_label) = (doc_label(a, lang), doc_label(b, lang));
    let mut counts: HashMap<RowRelation, usize> = HashMap::new();
    for (unit, pair) in a.units.iter().zip(&alignment.pairs) {
        if has_mechanism(unit, options.mechanism) {
            *counts.entry(pair.relation.into()).or_default() += 1;
        }
    }
    let added = alignment
        .unmatched_b
        .iter()
        .filter_map(|p| b_index.get(p.as_str()).map(|&i| &b.units[i]))
        .filter(|u| has_mechanism(u, options.mechanism))
        .count();
    counts.insert(RowRelation::Added, added);

    let position = selected
        .and_then(|i| stops.iter().position(|s| s == a.units[i].path.as_str()))
        .map(|i| i + 1);
    let at_start = position == Some(1);
    let at_end = position == Some(stops.len());

    let body_rows = rows.iter().filter_map(|row| match *row {
        CompareRow::Pair { a: i } => {
            let unit = &a.units[i];
            if !has_mechanism(unit, options.mechanism) {
                return None;
            }
            let pair = &alignment.pairs[i];
            let best = pair.candidates.first();
            let b_unit = best
                .and_then(|c| b_index.get(c.b.as_str()))
                .and_then(|&j| row_unit(b, j));
            let others: Vec<OtherCandidate> = pair
                .candidates
                .iter()
                .skip(1)
                .map(|c| OtherCandidate {
                    path: c.b.clone().into(),
                    score: c.score,
                    relation: c.relation.into(),
                })
                .collect();
            let is_selected = selected == Some(i);
            let select_href = compare_href(&a.id, &b.id, Some(unit.path.as_str()), &options);
            let diff_row = is_selected.then(|| {
                let body = match &b_unit {
                    Some(b_unit) => html! {
                        <CompareDiffPanel old={AttrValue::from(comparable_text(unit).to_string())}
                            new={b_unit.text.clone()}
                            old_label={AttrValue::from(a_label.clone())}
                            new_label={AttrValue::from(b_label.clone())}
                            {options} engine={props.engine.clone()} {lang} />
                    },
                    None => html! {
                        <p class="diff-panel__none">{ strings.no_counterpart_note }</p>
                    },
                };
                html! {
                    <tr class="compare-diff-row" data-testid="compare-diff-row">
                        <td colspan="3">{ body }</td>
                    </tr>
                }
            });
            Some(html! {
                <>
                    <ComparePairRow key={format!("a-{}", unit.path.as_str())} {lang}
                        relation={RowRelation::from(pair.relation)}
                        score={best.map(|c| c.score)}
                        a={row_unit(a, i)} b={b_unit} {others}
                        selected={is_selected} select_href={Some(AttrValue::from(select_href))} />
                    { diff_row.unwrap_or_default() }
                </>
            })
        }
        CompareRow::Added { b: j } => {
            let unit = &b.units[j];
            if !has_mechanism(unit, options.mechanism) {
                return None;
            }
            Some(html! {
                <ComparePairRow key={format!("b-{}", unit.path.as_str())} {lang}
                    relation={RowRelation::Added} score={None::<f64>}
                    a={None::<RowUnit>} b={row_unit(b, j)}
                    selected={false} select_href={None::<AttrValue>} />
            })
        }
    });

    let whole_texts = |doc: &ComparedDoc| -> AttrValue {
        doc.units
            .iter()
            .map(comparable_text)
            .collect::<Vec<_>>()
            .join("\n")
            .into()
    };

    html! {
        <section id="compare-view" class="compare-view" aria-labelledby="compare-heading"
            data-a={a.id.clone()} data-b={b.id.clone()}
            data-align-ms={format!("{:.2}", aligned.1)}
            data-engine={props.engine.is_some().then_some("ready")}>
            <p class="compare-view__back">
                <a href={Route::CompareOverview.href()}>
                    <span aria-hidden="true">{ "← " }</span>{ strings.back_to_overview }
                </a>
            </p>
            <h1 id="compare-heading" class="page-heading">{ strings.compare_heading }</h1>
            <DocPicker {lang} corpus={props.corpus.clone()} a={a.id.clone()} b={b.id.clone()}
                has_copy={matches!(a, ComparedDoc::Copy(_)) || matches!(b, ComparedDoc::Copy(_))}
                {options} />
            if !notices.is_empty() || unknown_path.is_some() {
                <ul class="compare-notices" role="status" data-testid="compare-notices">
                    { for notices.iter().map(|n| html! { <li>{ notice_text(lang, n) }</li> }) }
                    if let Some(path) = &unknown_path {
                        <li>{ fill(strings.notice_unknown_path, &[("path", path), ("title", &a_label)]) }</li>
                    }
                </ul>
            }
            <CompareOptionsBar {options} corpus={props.corpus.clone()} {lang} on_change={on_options} />
            <ul class="compare-summary" aria-label={strings.summary_label}>
                { for RowRelation::ALL.iter().map(|relation| html! {
                    <li class="compare-summary__item" data-relation={relation.id()}>
                        <RelationBadge relation={*relation} {lang} />
                        <span class="compare-summary__count">{ counts.get(relation).copied().unwrap_or(0) }</span>
                    </li>
                }) }
            </ul>
            <nav class="compare-stepper" aria-label={strings.stepper_label}>
                <button type="button" class="button" id="compare-prev" disabled={at_start || stops.is_empty()}
                    onclick={ let step = step.clone(); Callback::from(move |_| step.emit(false)) }>
                    <span aria-hidden="true">{ "← " }</span>{ strings.step_prev }
                </button>
                <span class="compare-stepper__position" aria-live="polite" data-testid="compare-position">
                    { match position {
                        Some(p) => fill(strings.step_position, &[("n", &p.to_string()), ("total", &stops.len().to_string())]),
                        None => fill(strings.step_none, &[("total", &stops.len().to_string())]),
                    } }
                </span>
                <button type="button" class="button" id="compare-next" disabled={at_end || stops.is_empty()}
                    onclick={ let step = step.clone(); Callback::from(move |_| step.emit(true)) }>
                    { strings.step_next }<span aria-hidden="true">{ " →" }</span>
                </button>
                <span class="compare-stepper__hint">{ strings.step_hint }</span>
            </nav>
            <div class="compare-table-wrap">
                <table class="compare-table" data-testid="compare-table">
                    <caption class="visually-hidden">
                        { fill(strings.table_caption, &[("a", &a_label), ("b", &b_label)]) }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col" lang={CORPUS_LANG}>{ a_label.clone() }</th>
                            <th scope="col">{ strings.col_relation }</th>
                            <th scope="col" lang={CORPUS_LANG}>{ b_label.clone() }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for body_rows }
                    </tbody>
                </table>
            </div>
            <details class="compare-whole" ontoggle={on_whole_toggle}>
                <summary>{ strings.whole_diff_summary }</summary>
                if *whole_open {
                    <CompareDiffPanel old={whole_texts(a)} new={whole_texts(b)}
                        old_label={AttrValue::from(a_label.clone())} new_label={AttrValue::from(b_label.clone())}
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

#[derive(Properties, PartialEq)]
struct DocPickerProps {
    lang: Lang,
    corpus: CorpusHandle,
    a: String,
    b: String,
    /// Offer the user's copy as a choice.
    has_copy: bool,
    options: CompareOptions,
}

/// Two labelled selects to change what is compared, and a swap link.
#[component]
fn DocPicker(props: &DocPickerProps) -> Html {
    let strings = props.lang.compare_strings();
    let navigator = use_navigator();
    let pick = |side_a: bool| {
        let navigator = navigator.clone();
        let (a, b, options) = (props.a.clone(), props.b.clone(), props.options);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let route = if side_a {
                compare_route(&value, &b, None)
            } else {
                compare_route(&a, &value, None)
            };
            if let Some(navigator) = &navigator {
                go(navigator, &route, &options, false);
            }
        })
    };
    let choices = |selected: &str| {
        let mut items: Vec<Html> = props
            .corpus
            .documents
            .iter()
            .map(|d| {
                html! {
                    <option value={d.id.clone()} selected={d.id == selected}>{ d.title.clone() }</option>
                }
            })
            .collect();
        if props.has_copy {
            items.push(html! {
                <option value={MY_COPY_ID} selected={selected == MY_COPY_ID}>{ strings.my_copy_option }</option>
            });
        }
        items
    };
    html! {
        <div class="doc-picker">
            <label for="compare-a">{ strings.pick_a }</label>
            <select id="compare-a" onchange={pick(true)} lang={CORPUS_LANG}>{ for choices(&props.a) }</select>
            <a class="doc-picker__swap" href={compare_href(&props.b, &props.a, None, &props.options)}
                aria-label={strings.swap_label} title={strings.swap_label}>{ "⇄" }</a>
            <label for="compare-b">{ strings.pick_b }</label>
            <select id="compare-b" onchange={pick(false)} lang={CORPUS_LANG}>{ for choices(&props.b) }</select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_carry_the_canonical_options() {
        let options = CompareOptions {
            ignore_script: true,
            ..CompareOptions::default()
        };
        assert_eq!(
            compare_href("central-2018", "sichuan", Some("6.21"), &options),
            "#/compare/central-2018/sichuan/6.21?is=1"
        );
        assert_eq!(
            compare_href("a", "b", None, &CompareOptions::default()),
            "#/compare/a/b"
        );
    }
}
