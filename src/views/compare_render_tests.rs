//! Native renders of the compare screens (Yew's server renderer under a
//! memory history, with the bundled corpus): what a reader and the e2e
//! selectors rely on, without a browser. (Query strings are left to the
//! option parser's own tests: the memory history parses them through a JS
//! API that does not exist natively.)

use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::Router;

use crate::corpus_data::{bundled_corpus, CorpusHandle};
use crate::views::compare::CompareView;
use crate::views::matrix::MatrixView;
use crate::views::witness::WitnessView;

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Compare,
    Matrix,
    Witness,
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    url: String,
    screen: Screen,
    a: String,
    b: String,
    path: Option<String>,
}

#[component]
fn Harness(props: &HarnessProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    history.push(props.url.clone());
    let corpus: CorpusHandle = bundled_corpus().expect("corpus loads");
    let view = match props.screen {
        Screen::Compare => html! {
            <CompareView a={props.a.clone()} b={props.b.clone()} path={props.path.clone()} />
        },
        Screen::Matrix => html! { <MatrixView /> },
        Screen::Witness => html! { <WitnessView id={props.a.clone()} /> },
    };
    html! {
        <Router {history}>
            <ContextProvider<CorpusHandle> context={corpus}>{ view }</ContextProvider<CorpusHandle>>
        </Router>
    }
}

fn render(url: &str, screen: Screen, a: &str, b: &str, path: Option<&str>) -> String {
    let props = HarnessProps {
        url: url.to_string(),
        screen,
        a: a.to_string(),
        b: b.to_string(),
        path: path.map(str::to_string),
    };
    let renderer = yew::ServerRenderer::<Harness>::with_props(move || props).hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    assert!(!html.contains("style="), "no inline styles: {html}");
    html
}

#[test]
fn side_by_side_lists_every_unit_of_a_and_marks_the_focused_pair() {
    let corpus = bundled_corpus().expect("corpus loads");
    let central = corpus.document("central-2018").expect("central");
    let html = render(
        "/compare/central-2018/sichuan/6.17",
        Screen::Compare,
        "central-2018",
        "sichuan",
        Some("6.17"),
    );
    assert_eq!(html.matches("data-a-path=").count(), central.units.len());
    // Confident and uncertain relations are told apart, and counted.
    assert!(html.contains("data-confidence=\"confident\""));
    assert!(html.contains("data-confidence=\"uncertain\""));
    assert!(html.contains("data-testid=\"uncertain-count\""));
    // The focused pair (6.17 ↔ Sichuan 6.21, eco-compensation) shows its
    // shared key terms, marked in both texts.
    let row = html
        .split("id=\"pair-6.17\"")
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .expect("the focused row");
    assert!(row.contains("data-b-path=\"6.21\""), "{row}");
    assert!(row.contains("data-testid=\"pair-evidence\""), "{row}");
    assert!(
        row.matches("class=\"evidence-term\"").count() >= 2,
        "terms marked on both sides: {row}"
    );
    assert_eq!(html.matches("compare-row--selected").count(), 1);
    assert!(html.contains("id=\"pair-6.17\""));
    assert!(html.contains("data-testid=\"compare-diff-row\""));
    assert!(html.contains("data-testid=\"compare-position\""));
}

#[test]
fn hostile_urls_render_as_text() {
    let html = render(
        "/compare/central-2018/sichuan/%3Cimg%3E",
        Screen::Compare,
        "central-2018",
        "sichuan",
        Some("<img src=x onerror=alert(1)>"),
    );
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the unknown path is named"
    );
}

#[test]
fn a_missing_copy_offers_the_import_panel_and_unknown_ids_are_not_found() {
    let html = render(
        "/compare/central-2018/my-copy",
        Screen::Compare,
        "central-2018",
        "my-copy",
        None,
    );
    assert!(html.contains("data-testid=\"copy-missing\""));
    assert!(html.contains("id=\"copy-text\""));
    let html = render(
        "/compare/nope/sichuan",
        Screen::Compare,
        "nope",
        "sichuan",
        None,
    );
    assert!(html.contains("data-testid=\"not-found\""), "{html}");
}

#[test]
fn the_matrix_has_a_row_per_mechanism_and_a_column_per_document() {
    let html = render("/compare", Screen::Matrix, "", "", None);
    assert_eq!(html.matches("data-mechanism=").count(), 10);
    assert_eq!(html.matches("<th scope=\"col\" data-doc-id=").count(), 3);
    assert!(html.contains("href=\"#/compare/central-2018/sichuan/"));
    assert!(html.contains("?mech="));
    // Every cell says how many of its relations are uncertain.
    assert_eq!(html.matches("class=\"matrix-cell\"").count(), 30);
    assert_eq!(html.matches("class=\"matrix-cell__uncertain\"").count(), 30);
    assert!(html.contains("matrix-bar__segment--uncertain"));
}

#[test]
fn the_witness_view_lists_the_learned_table() {
    let corpus = bundled_corpus().expect("corpus loads");
    let html = render(
        "/witnesses/central-2018",
        Screen::Witness,
        "central-2018",
        "",
        None,
    );
    assert!(html.contains("data-testid=\"substitution-table\""));
    let first = &corpus.substitutions[0];
    assert!(html.contains(&format!("<td lang=\"zh-CN\">{}</td>", first.reworded)));
    let restored = corpus
        .document("central-2018")
        .and_then(|d| d.restoration_summary())
        .expect("central-2018 has restored units");
    assert!(html.contains("data-testid=\"witness-restoration-note\""));
    assert!(html.contains(&format!("另有 {} 条只见于改写本", restored.restored_units)));
}

#[test]
fn fidelity_bars_the_summary_chart_and_binding_flags_render() {
    let html = render(
        "/compare/inner-mongolia/central-2018/3.7.1",
        Screen::Compare,
        "inner-mongolia",
        "central-2018",
        Some("3.7.1"),
    );
    assert!(html.contains("data-testid=\"fidelity-chart\""), "{html}");
    assert!(html.matches("data-testid=\"fidelity-bar\"").count() > 20);
    assert!(html.contains("data-testid=\"binding-filter\""));
    // The focused pair (3.7.1 ↔ central 8.23) shows its figures and its
    // weakened binding force with the words.
    assert!(html.contains("data-testid=\"fidelity-figures\""));
    assert!(html.contains("data-kind=\"weakened\""));
    assert!(html.contains("严禁"));
}

#[test]
fn the_overview_has_a_fidelity_row_per_mechanism_and_a_chart_per_document() {
    let html = render("/compare", Screen::Matrix, "", "", None);
    assert!(html.contains("data-testid=\"fidelity-table\""));
    assert_eq!(html.matches("data-testid=\"fidelity-chart\"").count(), 3);
    assert!(html.contains("data-fidelity-mechanism=\"mutual-aid\""));
    assert!(html.contains("data-fidelity-mechanism=\"whole\""));
}
