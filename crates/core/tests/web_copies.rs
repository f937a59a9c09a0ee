//! Real web copies of Chinese policy documents (`../shared/peer/web-copies`,
//! see its README; read at test time, never copied into the repository)
//! imported by the same rules as the CLI and the browser, with the
//! browser's pure-Rust converter: the expected title and metadata, the
//! structure, the flags, and the absence of every kind of noise each page
//! carries.

#![cfg(not(target_arch = "wasm32"))]

use policy_core::ingest::{self, flags, FoundCitation};
use policy_core::model::{Document, Level, Script};
use policy_core::script::SimplifiedConverter;
use std::path::PathBuf;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/web-copies")
}

/// The raw text of one copy, or `None` (with a note) when the shared
/// folder is absent.
fn raw(file: &str) -> Option<String> {
    let path = folder().join(file);
    if !folder().is_dir() {
        policy_core::fixtures::fixture_missing(&format!("web_copies {file}"), &folder());
        return None;
    }
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn import(file: &str) -> Option<Document> {
    let text = raw(file)?;
    let converter = SimplifiedConverter::new().expect("converter");
    let bytes = text.as_bytes();
    let decoded = ingest::decode(bytes).expect("decodes");
    Some(ingest::import_document(&decoded.text, file, &converter).expect("imports"))
}

fn citations(file: &str) -> Vec<FoundCitation> {
    let Some(text) = raw(file) else {
        return Vec::new();
    };
    let converter = SimplifiedConverter::new().expect("converter");
    let cleaned = ingest::clean_text(&text, file, &converter).expect("cleans");
    ingest::parse_document(&cleaned).meta.citations
}

fn paths(doc: &Document) -> Vec<&str> {
    doc.units.iter().map(|u| u.path.as_str()).collect()
}

fn all_text(doc: &Document) -> String {
    let mut s = doc.title.clone();
    for u in &doc.units {
        s.push('\n');
        s.push_str(&u.text);
        if let Some(h) = &u.heading {
            s.push('\n');
            s.push_str(h);
        }
    }
    s
}

fn assert_absent(doc: &Document, noise: &[&str]) {
    let text = all_text(doc);
    for n in noise {
        assert!(!text.contains(n), "{}: {n:?} left in the text", doc.id);
    }
}

/// No pinyin reading (or any other Latin letter) survives in the text.
fn assert_no_latin(doc: &Document) {
    let text = all_text(doc);
    let latin: String = text
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii_digit() && (*c as u32) < 0x2E80)
        .collect();
    assert!(latin.is_empty(), "{}: Latin letters left: {latin}", doc.id);
}

fn rules(doc: &Document) -> Vec<&str> {
    let mut r: Vec<&str> = doc.removals.iter().map(|r| r.rule.as_str()).collect();
    r.dedup();
    r
}

fn source_line(doc: &Document, field: &str) -> Option<usize> {
    doc.metadata_sources
        .iter()
        .find(|s| s.field == field)
        .and_then(|s| s.line)
}

const YIGANDUOZHI: &str = "关于实施“一干多支”发展战略推动全省区域协同发展的指导意见";

#[test]
fn sichuan_yiganduozhi_tjtfjx_traditional_with_pinyin_and_a_news_lead() {
    let Some(doc) = import("sichuan-yiganduozhi-tjtfjx.txt") else {
        return;
    };
    assert_eq!(doc.title, YIGANDUOZHI);
    assert_eq!(doc.issuers, vec!["省委", "省政府"]);
    assert_eq!(doc.level, Some(Level::Provincial));
    assert_eq!(doc.jurisdiction, None, "the text never names the province");
    assert_eq!(doc.doc_type.as_deref(), Some("指导意见"));
    assert_eq!(doc.date, None, "2018年11月20日 is the newspaper's issue");
    assert_eq!(doc.doc_number, None);
    assert_eq!(source_line(&doc, "title"), Some(2));
    assert_eq!(doc.witnesses[0].script, Script::Traditional);

    assert_eq!(paths(&doc), vec!["1", "1.1"]);
    assert_eq!(doc.units[1].heading.as_deref(), Some("指导思想"));
    assert!(doc.units[1]
        .text
        .starts_with("指导思想。坚持以习近平新时代"));
    assert!(doc.units[1].text.ends_with("奠定坚实基础。"));
    assert!(flags::is_truncated(&doc), "the copy stops at a bare （二）");
    assert_eq!(flags::censored_count(&doc), 0);

    assert_no_latin(&doc);
    assert_absent(
        &doc,
        &[
            "四川日报",
            "2018年11月20日",
            "本网讯",
            "日前",
            "主要内容如下",
            "（二）",
            "(",
            "（",
        ],
    );
    let r = rules(&doc);
    for rule in [
        "injected-pinyin",
        "newspaper-dateline",
        "news-dateline",
        "news-lead",
        "truncated",
    ] {
        assert!(r.contains(&rule), "no {rule} removal: {r:?}");
    }
    let readings = doc
        .removals
        .iter()
        .filter(|r| r.rule == "injected-pinyin")
        .count();
    assert!(readings >= 100, "{readings} pinyin readings removed");
}

#[test]
fn sichuan_yiganduozhi_chinacomcn_big5_variants_and_a_glued_heading() {
    let Some(doc) = import("sichuan-yiganduozhi-chinacomcn-big5.txt") else {
        return;
    };
    assert_eq!(doc.title, YIGANDUOZHI, "幹 is converted like 干");
    assert_eq!(doc.issuers, vec!["省委", "省政府"]);
    assert_eq!(doc.level, Some(Level::Provincial));
    assert_eq!(doc.date, None);
    assert_eq!(doc.doc_number, None);
    assert_eq!(source_line(&doc, "title"), Some(1));

    assert_eq!(
        paths(&doc),
        vec!["1", "1.1", "1.2", "1.2.d1", "1.2.d2", "1.2.d3"]
    );
    let principles = doc.unit("1.2").unwrap();
    assert_eq!(principles.text, "基本原则");
    assert_eq!(principles.heading.as_deref(), Some("基本原则"));
    let first = doc.unit("1.2.d1").unwrap();
    assert_eq!(first.label, "——");
    assert_eq!(first.heading.as_deref(), Some("明确定位、差异发展"));
    assert!(flags::is_truncated(&doc));
    let last = doc.units.last().unwrap();
    assert!(last
        .provenance
        .repairs
        .iter()
        .any(|r| r.rule == "truncated"));

    assert_no_latin(&doc);
    // Big5 gateway variants come out Simplified.
    assert_absent(&doc, &["幹", "産", "佈", "主要内容如下", "印发《"]);
    assert!(all_text(&doc).contains("产业统筹布局"));
    assert_eq!(rules(&doc), vec!["news-lead"]);
}

#[test]
fn chuannan_jievision_title_in_guillemets_with_a_suffix() {
    let Some(doc) = import("chuannan-jievision.txt") else {
        return;
    };
    assert_eq!(doc.title, "关于加快推进川南经济区一体化发展的实施意见");
    assert!(
        doc.issuers.is_empty(),
        "the page does not say who issued it"
    );
    assert_eq!(doc.level, None);
    assert_eq!(doc.jurisdiction, None);
    assert_eq!(doc.doc_type.as_deref(), Some("实施意见"));
    assert_eq!(doc.date, None);
    assert_eq!(doc.doc_number, None);

    assert_eq!(paths(&doc), vec!["1", "2", "2.1"]);
    // The unnumbered target paragraph stays with its section.
    let general = doc.unit("1").unwrap();
    assert_eq!(general.heading.as_deref(), Some("总体要求"));
    assert!(general
        .text
        .contains("\n到2022年，川南经济区一体化发展取得实质性成效"));
    assert_eq!(
        doc.unit("2.1").unwrap().heading.as_deref(),
        Some("构建铁路对外大通道")
    );
    assert!(flags::is_truncated(&doc), "the copy stops at 重庆至宜");

    assert_no_latin(&doc);
    assert_absent(&doc, &["主要内容", "《关于", "(", "（"]);
    let r = rules(&doc);
    assert!(
        r.contains(&"title-suffix") && r.contains(&"injected-pinyin"),
        "{r:?}"
    );
}

#[test]
fn zhejiang_2009_shui5_one_line_with_square_bracket_number() {
    let Some(doc) = import("zhejiang-2009-shui5.txt") else {
        return;
    };
    assert_eq!(
        doc.title,
        "贯彻国务院关于进一步推进长江三角洲地区改革开放和经济社会发展指导意见的实施意见"
    );
    assert_eq!(doc.issuers, vec!["浙江省人民政府"]);
    assert_eq!(doc.jurisdiction.as_deref(), Some("zhejiang"));
    assert_eq!(doc.level, Some(Level::Provincial));
    assert_eq!(doc.doc_type.as_deref(), Some("实施意见"));
    assert_eq!(doc.date.as_deref(), Some("2009-11-03"));
    assert_eq!(doc.doc_number.as_deref(), Some("浙政发〔2009〕69号"));

    assert_eq!(
        paths(&doc),
        vec!["0", "1", "1.1", "1.2", "1.2.d1", "1.2.d2", "1.2.d3"]
    );
    let preamble = &doc.units[0];
    assert!(preamble.text.starts_with("为贯彻《国务院关于"));
    assert!(preamble
        .text
        .contains("（国发〔2008〕30号，以下简称《指导意见》）"));
    assert!(preamble.text.ends_with("提出以下实施意见。"));
    assert!(doc.units.iter().skip(1).all(|u| u
        .provenance
        .repairs
        .iter()
        .any(|r| r.rule == "paragraph-split")));
    assert!(flags::is_truncated(&doc));

    // The central guidance it implements is cited with its number.
    let cited = citations("zhejiang-2009-shui5.txt");
    assert_eq!(cited.len(), 1);
    assert_eq!(cited[0].citation.doc_number, "国发〔2008〕30号");
    assert!(cited[0]
        .citation
        .title
        .starts_with("国务院关于进一步推进长江三角洲"));

    assert_absent(
        &doc,
        &["浙政发", "2009-11-03", "[", "]", "浙江省人民政府贯彻"],
    );
    assert!(doc.removals.is_empty(), "nothing on this page is noise");
}

#[test]
fn chuanshan_plan_bzsrd_editors_note_and_table_of_contents() {
    let Some(doc) = import("chuanshan-plan-bzsrd.txt") else {
        return;
    };
    assert_eq!(doc.title, "四川省“十四五”川陕革命老区发展规划");
    assert_eq!(doc.issuers, vec!["省发展改革委"]);
    assert_eq!(doc.level, Some(Level::Provincial));
    assert_eq!(doc.doc_type.as_deref(), Some("规划"));
    assert_eq!(doc.date, None, "近日 is not a date");
    assert_eq!(doc.doc_number, None);
    assert_eq!(source_line(&doc, "title"), Some(1));

    // The excerpt stops one character into the text after the contents.
    assert_eq!(paths(&doc), vec!["0"]);
    assert_eq!(doc.units[0].text, "川");
    assert!(flags::is_truncated(&doc));

    assert_absent(
        &doc,
        &[
            "编前语",
            "本报今日全文刊发",
            "敬请垂注",
            "目录",
            "第一章",
            "第一节",
        ],
    );
    // The plan's structure is still on record: ten chapters, 37 sections.
    let toc: Vec<&str> = doc
        .removals
        .iter()
        .filter(|r| r.rule == "table-of-contents")
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(toc.len(), 48, "目录 and 47 headings");
    assert_eq!(toc.iter().filter(|t| t.contains('节')).count(), 37);
    assert_eq!(toc.iter().filter(|t| t.contains('章')).count(), 10);
    assert_eq!(toc[1], "第一章规划背景");
    assert_eq!(rules(&doc), vec!["editor-note", "table-of-contents"]);
}

/// Every copy in the folder (including any added later) imports, has a
/// title stated by the text, and keeps none of the noise the rules know.
#[test]
fn every_copy_imports_without_known_noise() {
    let Ok(entries) = std::fs::read_dir(folder()) else {
        policy_core::fixtures::fixture_missing("every_copy_imports_without_known_noise", &folder());
        return;
    };
    let mut files: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".html") || n.ends_with(".htm"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let doc = import(file).expect("folder present");
        assert_ne!(&doc.title, file, "{file}: no title found");
        assert!(!doc.units.is_empty(), "{file}");
        assert_no_latin(&doc);
        assert_absent(
            &doc,
            &[
                "主要内容如下",
                "编前语",
                "编者按",
                "本网讯",
                "本报讯",
                "责任编辑",
                "来源：",
                "如有侵权",
                "<",
                "&nbsp;",
            ],
        );
        let ids: Vec<&str> = doc.units.iter().map(|u| u.path.as_str()).collect();
        assert!(
            ids.iter().all(|p| !p.contains(".0.")),
            "{file}: a path with a 0 level: {ids:?}"
        );
    }
}
