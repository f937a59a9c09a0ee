//! Whole-app renders on the native side (Yew's server renderer under a
//! memory history): each test names a URL and checks what a reader of that
//! page, or an end-to-end test selecting on it, would rely on.

use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::Router;

use crate::app::AppShell;
use crate::corpus_data::{bundled_corpus, CorpusHandle};
use crate::i18n::Lang;
use crate::state::NoticeKind;
use crate::test_fixtures::fixture_corpus;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Data {
    Fixture,
    Bundled,
    Broken,
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    path: String,
    lang: Lang,
    data: Data,
    notices: Vec<NoticeKind>,
}

#[component]
fn Harness(props: &HarnessProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    // MemoryHistory keeps a query apart from the path.
    match props.path.split_once('?') {
        Some((path, query)) => {
            let pairs: std::collections::BTreeMap<&str, &str> =
                query.split('&').filter_map(|p| p.split_once('=')).collect();
            history
                .push_with_query(path, pairs)
                .expect("a test query serializes");
        }
        None => history.push(props.path.clone()),
    }
    let corpus = match props.data {
        Data::Fixture => Ok(CorpusHandle::new(fixture_corpus())),
        Data::Bundled => bundled_corpus(),
        Data::Broken => Err("corpus schema version 999 is not supported".to_string()),
    };
    html! {
        <Router {history}>
            <AppShell {corpus} initial_lang={props.lang} startup_notices={props.notices.clone()} />
        </Router>
    }
}

fn render_with(path: &str, lang: Lang, data: Data, notices: Vec<NoticeKind>) -> String {
    let path = path.to_string();
    let renderer = yew::ServerRenderer::<Harness>::with_props(move || HarnessProps {
        path,
        lang,
        data,
        notices,
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    assert!(
        !html.contains("style="),
        "no inline styles (CSP style-src 'self'): {html}"
    );
    html
}

fn render(path: &str) -> String {
    render_with(path, Lang::Zh, Data::Fixture, Vec::new())
}

/// The opening tag of the element whose attributes contain `marker`.
fn opening_tag<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let start = html[..at].rfind('<').expect("tag start");
    let end = at + html[at..].find('>').expect("tag end");
    &html[start..=end]
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The `<tr …>…</tr>` of one library row.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<tr data-doc-id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let end = start + html[start..].find("</tr>").expect("closed row");
    &html[start..end]
}

#[test]
fn library_lists_every_document_with_unknown_for_missing_metadata() {
    let html = render("/");
    assert!(html.contains("<table id=\"library\""));
    assert_eq!(count(&html, "<tr data-doc-id="), 4);
    let unknowns = row(&html, "unknowns");
    assert_eq!(
        count(unknowns, "未知"),
        5,
        "issuers, level, type, date, number: {unknowns}"
    );
    let full = row(&html, "full-meta");
    assert!(full.contains("发改地区〔2016〕1771号"));
    assert!(full.contains("<time datetime=\"2016-08-16\">"));
    assert!(full.contains("href=\"#/doc/full-meta\""));
    assert!(!full.contains("未知"));
}

#[test]
fn library_counts_units_by_kind() {
    let html = render("/");
    let three = row(&html, "three-levels");
    for kind in ["section", "clause", "item"] {
        assert!(three.contains(&format!("data-kind=\"{kind}\"")), "{kind}");
    }
    assert!(!three.contains("data-kind=\"preamble\""));
}

#[test]
fn english_interface_says_unknown_and_offers_chinese() {
    let html = render_with("/", Lang::En, Data::Fixture, Vec::new());
    assert!(row(&html, "unknowns").contains("unknown"));
    assert!(html.contains("Library"));
    assert!(html.contains("id=\"lang-toggle\""));
    assert!(html.contains("中文"));
}

#[test]
fn the_bundled_corpus_shows_one_row_per_document() {
    let corpus = bundled_corpus().expect("bundled corpus loads");
    let html = render_with("/", Lang::Zh, Data::Bundled, Vec::new());
    assert_eq!(count(&html, "<tr data-doc-id="), corpus.documents.len());
    for doc in &corpus.documents {
        let row = row(&html, &doc.id);
        assert_eq!(
            row.contains("未知"),
            doc.doc_number.is_none()
                || doc.date.is_none()
                || doc.level.is_none()
                || doc.doc_type.is_none()
                || doc.issuers.is_empty(),
            "{}",
            doc.id
        );
    }
}

#[test]
fn a_unit_permalink_marks_exactly_that_unit_as_the_target() {
    let html = render("/doc/reworded/8.22");
    assert!(html.contains("<article id=\"reader\""));
    assert!(html.contains("data-doc-id=\"reworded\""));
    assert_eq!(count(&html, "unit--target"), 1);
    assert_eq!(count(&html, "aria-current=\"location\""), 1);
    let target = opening_tag(&html, "id=\"unit-8.22\"");
    assert!(
        target.contains("class=\"unit unit--clause unit--depth-2 unit--target"),
        "{target}"
    );
    assert!(target.contains("aria-current=\"location\""), "{target}");
    assert!(html.contains("href=\"#/doc/reworded/8.22\""));
}

#[test]
fn reworded_units_carry_a_visible_mark_and_others_do_not() {
    let html = render("/doc/reworded");
    assert_eq!(count(&html, "class=\"reworded-mark\""), 1);
    assert_eq!(count(&html, "unit--reworded"), 1);
    let reworded = &html[html.find("data-path=\"8.22\"").unwrap()..];
    assert!(reworded.find("机器改写文本").unwrap() < reworded.find("</section>").unwrap());
    assert!(html.contains("本文件有 1 个条目"), "document-level note");
    assert_eq!(count(&html, "unit--target"), 0);
}

#[test]
fn every_unit_is_addressable_and_tagged_with_corpus_names() {
    let html = render_with("/doc/reworded", Lang::En, Data::Fixture, Vec::new());
    for path in ["1", "1.1", "8", "8.22"] {
        assert!(html.contains(&format!("data-path=\"{path}\"")), "{path}");
    }
    assert!(html.contains("data-mechanism=\"policy-regulation\""));
    assert!(html.contains("Regional policy regulation"));
    assert!(opening_tag(&html, "data-region=\"sichuan\"").contains("tag--region"));
    assert!(html.contains(">Sichuan</li>"));
    assert!(html.contains("<details class=\"provenance\""));
    assert!(opening_tag(&html, "aria-labelledby=\"toc-heading\"").starts_with("<nav"));
}

#[test]
fn provenance_lists_repairs_and_the_source_lines() {
    let html = render("/doc/three-levels/3.2.1");
    assert!(html.contains("data-rule=\"opencc-t2s\""));
    assert!(html.contains("區域 → 区域"));
    assert!(html.contains("第 1–1 行"));
}

#[test]
fn unknown_document_unit_and_route_show_not_found_with_a_way_back() {
    for path in [
        "/doc/nope",
        "/doc/nope/1.1",
        "/nowhere/at/all",
        "/doc/a/b/c",
    ] {
        let html = render(path);
        assert!(html.contains("data-testid=\"not-found\""), "{path}");
        assert!(html.contains("href=\"#/\""), "{path}");
        assert!(!html.contains("id=\"reader\""), "{path}");
    }
    let html = render("/doc/reworded/9.99");
    assert!(html.contains("data-testid=\"not-found\""));
    assert!(
        html.contains("href=\"#/doc/reworded\""),
        "offers the document itself"
    );
    assert!(html.contains("9.99"));
}

#[test]
fn hostile_route_parameters_are_rendered_as_text() {
    let html = render("/doc/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    assert!(html.contains("data-testid=\"not-found\""));
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img"));
}

// The lite app (feature `first-load`) hands compare routes to the full app.
#[cfg(not(feature = "first-load"))]
#[test]
fn comparing_unknown_documents_is_a_friendly_not_found() {
    for path in ["/compare/a/b", "/compare/a/b/1.1"] {
        let html = render(path);
        assert!(html.contains("data-testid=\"not-found\""), "{path}");
        assert!(!html.contains("data-testid=\"unavailable\""), "{path}");
    }
}

#[test]
fn a_broken_corpus_is_explained_not_panicked_on() {
    let html = render_with("/", Lang::Zh, Data::Broken, Vec::new());
    assert!(html.contains("data-testid=\"corpus-error\""));
    assert!(html.contains("schema version 999"));
    assert!(!html.contains("id=\"library\""));
}

#[test]
fn startup_notices_are_shown_and_dismissable() {
    let html = render_with(
        "/",
        Lang::Zh,
        Data::Fixture,
        vec![NoticeKind::StoredLanguageReset],
    );
    assert!(html.contains("data-notice=\"stored-language-reset\""));
    assert!(html.contains("已恢复为默认的中文界面"));
    assert!(html.contains("notice__dismiss"));
}

#[test]
fn the_page_has_landmarks_and_a_skip_link() {
    let html = render("/");
    let skip = html.find("class=\"skip-link\"").expect("skip link");
    assert!(
        skip < html.find("<header").expect("header"),
        "skip link comes first"
    );
    assert!(html.contains("<main id=\"main\""));
    assert!(opening_tag(&html, "class=\"site-nav\"").starts_with("<nav"));
    assert!(html.contains("<footer"));
}

/// The reader's table of contents.
fn toc_of(html: &str) -> &str {
    let start = html.find("class=\"toc\"").expect("a toc");
    let end = start + html[start..].find("</nav>").expect("closed toc");
    &html[start..end]
}

/// The `<section …>…</section>` of one reader unit.
fn unit_section<'a>(html: &'a str, path: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"unit-{path}\""))
        .unwrap_or_else(|| panic!("no unit {path}"));
    let end = start + html[start..].find("</section>").expect("closed unit");
    &html[start..end]
}

#[test]
fn the_reader_shows_restored_readings_with_marks_and_restored_headings() {
    let html = render_with("/doc/central-2018", Lang::Zh, Data::Bundled, Vec::new());
    // (二十五): 宏观调控 restored from 微观调控, the witness word on the mark.
    let unit = unit_section(&html, "8.25");
    assert!(unit.contains("unit--restored"), "{unit}");
    assert!(unit.contains("data-witness=\"微观\""), "{unit}");
    assert!(
        unit.contains(">宏观<span class=\"visually-hidden\">"),
        "{unit}"
    );
    assert!(unit.contains("restoration-note__line--doubtful"), "{unit}");
    // The contents list the restored headings.
    let toc = toc_of(&html);
    assert!(toc.contains("完善基本公共服务均等化机制"), "{toc}");
    assert!(!toc.contains("完善根本公共效劳均等化机制"), "{toc}");
    // The switch to the witness text.
    assert!(html.contains("href=\"#/doc/central-2018?text=witness\""));
    // Every unit the reworded copy alone carries is counted, also the two
    // whose restoration changed nothing (四、 and 六、 read as the witness).
    assert!(html.contains("本文件有 23 个条目仅存于机器“改写”的副本"));
    // How far to trust the reading, as measured.
    assert!(html.contains("data-testid=\"restoration-accuracy\""));
    let measured = crate::corpus_data::restoration_accuracy().expect("measured accuracy");
    let undone = format!("改写工具的替换恢复了 {:.1}%", measured.undone_percent());
    assert!(html.contains(&undone), "{undone}");
}

#[test]
fn the_witness_text_switch_shows_the_text_as_the_witness_has_it() {
    let html = render_with(
        "/doc/central-2018/8.25?text=witness",
        Lang::En,
        Data::Bundled,
        Vec::new(),
    );
    let unit = unit_section(&html, "8.25");
    assert!(!unit.contains("class=\"restored"), "{unit}");
    assert!(unit.contains("微观调控"), "{unit}");
    assert!(unit.contains("reworded-mark"), "{unit}");
    assert!(html.contains("Show the restored reading"));
    assert!(html.contains("href=\"#/doc/central-2018/8.25\""));
    assert!(html.contains("23 units read as the machine rewording left them"));
    assert!(
        !html.contains("restoration-accuracy"),
        "no accuracy claim for the witness text"
    );
    let toc = toc_of(&html);
    assert!(toc.contains("完善根本公共效劳均等化机制"), "{toc}");
    assert!(toc.contains("?text=witness"), "{toc}");
}

#[test]
fn the_library_says_how_much_of_the_opinion_is_restored() {
    let corpus = bundled_corpus().expect("bundled corpus loads");
    let central = corpus.document("central-2018").expect("central");
    let summary = central
        .restoration_summary()
        .expect("central is partly restored");
    let (restored, doubtful) = (summary.restored_units, summary.doubtful_units);
    let html = render_with("/", Lang::En, Data::Bundled, Vec::new());
    let central_row = row(&html, "central-2018");
    assert!(restored > 0);
    assert!(
        central_row.contains(&format!(
            "{restored} of {} units restored from the reworded copy, {doubtful} doubtful",
            central.units.len()
        )),
        "{central_row}"
    );
    assert!(!row(&html, "sichuan").contains("library__restored"));
}
