//! Front-matter rules for copies taken from news and portal pages: what a
//! newspaper, a news agency or a portal puts around a policy text before
//! its body — a table of contents, a newspaper dateline (`四川日报
//! 2018年11月20日`), a wire dateline (`本网讯`, `新华社北京11月29日电`), an
//! editor's note (`编前语`), the news lead that introduces the text
//! (`日前，省委、省政府印发《…》，主要内容如下。`), a page's header strip
//! (`来源：… 责任编辑：… 2018-11-29 10:23:45`), a photo caption (`记者 张三
//! 摄`) glued to the title, a posting date, and a title quoted with a
//! `主要内容` suffix.
//!
//! The rules run on paragraphs after punctuation canonicalization, only
//! above the first numbered unit (the front matter), except a table of
//! contents (which holds numbered lines itself) and a trailing
//! `（责任编辑：…）`. Each recognises a *shape*, not a particular page, and
//! every deletion is a [`Removal`]; the title and issuers a lead or a note
//! states are read from the removal log by [`super::front`], so removing
//! the lead loses no metadata.

use super::metadata;
use super::numbering::leading_label;
use super::paragraph::Paragraph;
use super::punctuation::is_cjk;
use super::structure::body_start;
use crate::model::Removal;

/// Rule ids, as written into [`Removal::rule`].
pub mod rule {
    /// A table of contents before the body.
    pub const TABLE_OF_CONTENTS: &str = "table-of-contents";
    /// A newspaper dateline (`四川日报 2018年11月20日`).
    pub const NEWSPAPER_DATELINE: &str = "newspaper-dateline";
    /// A wire dateline (`本网讯`, `新华社北京11月29日电`).
    pub const NEWS_DATELINE: &str = "news-dateline";
    /// An editor's note (`编前语`).
    pub const EDITOR_NOTE: &str = "editor-note";
    /// The news lead that introduces the text.
    pub const NEWS_LEAD: &str = "news-lead";
    /// A page's header strip (`来源：… 责任编辑：…`).
    pub const NEWS_HEADER: &str = "news-header";
    /// A posting date, which is not the date the document was made.
    pub const POSTING_DATE: &str = "posting-date";
    /// A photo caption glued to the title.
    pub const PHOTO_CAPTION: &str = "photo-caption";
    /// A `主要内容` suffix on a quoted title.
    pub const TITLE_SUFFIX: &str = "title-suffix";
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？'])
}

fn removal(file: &str, p: &Paragraph, rule: &str, text: &str) -> Removal {
    Removal {
        file: file.to_string(),
        line: p.lines.0,
        rule: rule.to_string(),
        text: text.trim().to_string(),
    }
}

// ---------------------------------------------------------------- dates

/// Byte length of a `2018年11月20日` date at the start of `s`.
pub fn chinese_date_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |from: usize, max: usize| {
        b[from..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    if digits(0, 4) != 4 {
        return None;
    }
    let mut i = 4;
    for unit in ["年", "月", "日"] {
        if unit != "年" {
            let n = digits(i, 2);
            if n == 0 {
                return None;
            }
            i += n;
        }
        if !s[i..].starts_with(unit) {
            return None;
        }
        i += unit.len();
    }
    Some(i)
}

/// Byte length of a `2009-11-03` (or `2009/11/3`, `2009.11.03`) date at the
/// start of `s`, and the date in ISO form.
pub fn iso_date_token(s: &str) -> Option<(usize, String)> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let mut i = 5;
    let mut parts = Vec::new();
    for k in 0..2 {
        let n = b[i..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=2).contains(&n) {
            return None;
        }
        parts.push(s[i..i + n].parse::<u32>().ok()?);
        i += n;
        if k == 0 {
            if b.get(i) != Some(&sep) {
                return None;
            }
            i += 1;
        }
    }
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let y: u32 = s[..4].parse().ok()?;
    let (m, d) = (parts[0], parts[1]);
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| (i, format!("{y:04}-{m:02}-{d:02}")))
}

/// Byte length of a `10:23` or `10:23:45` time at the start of `s`.
fn time_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let two = |i: usize| {
        b.get(i..i + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let one_or_two = |i: usize| match (b.get(i), b.get(i + 1)) {
        (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => Some(2),
        (Some(x), _) if x.is_ascii_digit() => Some(1),
        _ => None,
    };
    let h = one_or_two(0)?;
    if b.get(h) != Some(&b':') || !two(h + 1) {
        return None;
    }
    let mut end = h + 3;
    if b.get(end) == Some(&b':') && two(end + 1) {
        end += 3;
    }
    Some(end)
}

/// An ISO date found at the start of `s`, with the byte length of the date
/// plus an optional time after it; `has_time` tells whether there was one.
fn timestamp(s: &str) -> Option<(usize, bool)> {
    let date_len = iso_date_token(s)
        .map(|(n, _)| n)
        .or_else(|| chinese_date_len(s))?;
    let rest = &s[date_len..];
    let trimmed = rest.trim_start();
    match time_len(trimmed) {
        Some(t) => Some((date_len + (rest.len() - trimmed.len()) + t, true)),
        None => Some((date_len, false)),
    }
}

/// The ISO date of a paragraph that is only an ISO date (no time).
pub fn iso_date_line(text: &str) -> Option<String> {
    let t = text.trim();
    iso_date_token(t).and_then(|(n, iso)| (n == t.len()).then_some(iso))
}

/// A paragraph that is only a timestamp: a date with a time, ISO or
/// Chinese (`2018-11-29 10:23:45`, `2018年11月29日 10:23`).
fn is_timestamp_line(text: &str) -> bool {
    let t = text.trim();
    timestamp(t).is_some_and(|(n, has_time)| has_time && t[n..].trim().is_empty())
}

// ------------------------------------------------------- table of contents

/// A table-of-contents entry: a short numbered heading (optionally with
/// dot leaders and a page number), no sentence.
fn is_toc_entry(text: &str) -> bool {
    let t =
        text.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '…' | '·' | ' '));
    leading_label(t).is_some_and(|l| l.marker.rank().is_some())
        && char_len(t) <= 40
        && !has_sentence_punct(t)
        && !t.contains('：')
}

/// Removes a `目录` line and the numbered headings listed under it. The
/// body repeats the headings with their text; in a copy cut before the
/// body, the structure is still on record in the removal log.
fn remove_table_of_contents(paras: &mut Vec<Paragraph>, file: &str, out: &mut Vec<Removal>) {
    let Some(at) = paras
        .iter()
        .position(|p| matches!(p.text.trim(), "目录" | "目 录" | "目　录"))
    else {
        return;
    };
    let entries = paras[at + 1..]
        .iter()
        .take_while(|p| is_toc_entry(&p.text))
        .count();
    if entries < 2 {
        return;
    }
    for p in paras.drain(at..=at + entries) {
        out.push(removal(file, &p, rule::TABLE_OF_CONTENTS, &p.text));
    }
}

// ------------------------------------------------------------- datelines

/// Words a newspaper's, agency's or portal's name ends with.
const OUTLET_ENDINGS: [&str; 12] = [
    "报",
    "网",
    "社",
    "台",
    "新闻",
    "在线",
    "客户端",
    "周刊",
    "杂志",
    "头条",
    "观察",
    "日报",
];

fn is_outlet_name(name: &str) -> bool {
    let n = char_len(name);
    (2..=15).contains(&n)
        && name.chars().all(|c| is_cjk(c) || c == '·')
        && OUTLET_ENDINGS.iter().any(|e| name.ends_with(e))
        && !name.contains("印发")
}

/// `四川日报 2018年11月20日`, `人民日报 2018-11-20 第01版`: a newspaper's or
/// portal's name with the issue date — the page's, not the document's.
fn is_newspaper_dateline(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if char_len(&t) > 40 || has_sentence_punct(&t) {
        return false;
    }
    let Some(pos) = t
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| timestamp(&t[i..]).is_some())
    else {
        return false;
    };
    let Some((len, _)) = timestamp(&t[pos..]) else {
        return false;
    };
    let (before, after) = (&t[..pos], &t[pos + len..]);
    let after_ok = |s: &str| {
        char_len(s) <= 16
            && s.chars().all(|c| {
                c.is_ascii_alphanumeric() || "星期周一二三四五六日天第版（）()·".contains(c)
            })
    };
    if before.is_empty() {
        // Date first: `2018年11月20日 四川日报 第01版`.
        let name_end = after
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .find(|&i| is_outlet_name(&after[..i]));
        return name_end.is_some_and(|i| after_ok(&after[i..]));
    }
    is_outlet_name(before) && after_ok(after)
}

/// Byte length of a wire dateline at the start of a paragraph: `本网讯`,
/// `本报讯（记者 张三）`, `新华社北京11月29日电`, `人民网成都电（记者 李四）`.
fn news_dateline_len(text: &str) -> Option<usize> {
    let mut end = ["本网讯", "本报讯", "本台讯", "本刊讯", "本站讯"]
        .iter()
        .find(|p| text.starts_with(*p))
        .map(|p| p.len());
    if end.is_none() {
        // An outlet name, a place of at most six characters, an optional
        // `11月29日`, then 电 or 讯.
        let head: String = text.chars().take(24).collect();
        for (i, c) in head.char_indices() {
            if !matches!(c, '电' | '讯') {
                if !(is_cjk(c) || c.is_ascii_digit()) {
                    break;
                }
                continue;
            }
            let before = &head[..i];
            let name_end = before
                .char_indices()
                .map(|(j, ch)| j + ch.len_utf8())
                .find(|&j| is_outlet_name(&before[..j]));
            let Some(name_end) = name_end else { break };
            let mut rest = &before[name_end..];
            // `11月29日` at the end of the place.
            if let Some(m) = rest.find(|ch: char| ch.is_ascii_digit()) {
                let date = &rest[m..];
                let ok = date.ends_with('日')
                    && date.contains('月')
                    && date
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || ch == '月' || ch == '日');
                if !ok {
                    break;
                }
                rest = &rest[..m];
            } else if c == '电' && !rest.is_empty() && char_len(rest) > 4 {
                break;
            }
            if char_len(rest) <= 6 && !rest.contains("发布") && !rest.contains("消息") {
                end = Some(i + c.len_utf8());
            }
            break;
        }
    }
    let mut end = end?;
    // `（记者 张三）` right after.
    let rest = &text[end..];
    if let Some(inner) = rest.strip_prefix('（') {
        if let Some(close) = inner.find('）') {
            let who = &inner[..close];
            if char_len(who) <= 30
                && ["记者", "通讯员", "编辑", "实习生"]
                    .iter()
                    .any(|w| who.contains(w))
            {
                end += '（'.len_utf8() + close + '）'.len_utf8();
            }
        }
    }
    Some(end)
}

// ------------------------------------------------------- notes and leads

const EDITOR_NOTE_MARKS: [&str; 8] = [
    "编前语",
    "编者按",
    "【编者按】",
    "〔编者按〕",
    "［编者按］",
    "编者的话",
    "编辑按",
    "编后语",
];

fn is_editor_note(text: &str) -> bool {
    EDITOR_NOTE_MARKS.iter().any(|m| text.starts_with(m))
}

/// Verbs that put a document into the world, as a lead says it.
const ISSUE_VERBS: [&str; 9] = [
    "联合印发",
    "印发实施",
    "印发了",
    "印发",
    "发布实施",
    "发布了",
    "发布",
    "出台了",
    "出台",
];

/// A document title a lead or a note states, with the bodies it names as
/// issuing it: `省委、省政府印发《X》` → (`["省委", "省政府"]`, `X`).
pub fn issued_title(text: &str) -> Option<(Vec<String>, String)> {
    let mut search = 0;
    while let Some(open) = text[search..].find('《').map(|p| p + search) {
        let close = text[open..].find('》').map(|p| p + open)?;
        let title = text[open + '《'.len_utf8()..close].trim();
        let before = &text[..open];
        if let Some(verb) = ISSUE_VERBS.iter().find(|v| before.ends_with(*v)) {
            if metadata::is_title_like(title) {
                let clause = before[..before.len() - verb.len()]
                    .rsplit(['，', '。', '；', '：', ' ', '\u{3000}'])
                    .next()
                    .unwrap_or("");
                let clause = strip_time_words(clause);
                let issuers = metadata::split_issuers(clause).unwrap_or_default();
                return Some((issuers, title.to_string()));
            }
        }
        search = close;
    }
    None
}

/// `日前`, `近日`, `11月20日` … before the issuers of a lead.
fn strip_time_words(clause: &str) -> &str {
    let mut c = clause.trim();
    for w in [
        "日前", "近日", "近期", "今天", "今日", "昨天", "昨日", "最近", "经",
    ] {
        c = c.strip_prefix(w).unwrap_or(c);
    }
    c.trim_start_matches(['，', ' '])
}

/// `日前，省委、省政府印发《…》，主要内容如下。`: a news lead that introduces
/// the text it quotes.
fn is_news_lead(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['。', '：', ':', '.']);
    char_len(t) <= 400
        && (t.ends_with("如下") || t.ends_with("全文") || t.ends_with("摘要"))
        && !t.ends_with("通知如下")
        && issued_title(t).is_some()
}

/// Suffixes a page puts after a quoted title: `《…》主要内容`.
const TITLE_SUFFIXES: [&str; 9] = [
    "主要内容",
    "全文",
    "摘要",
    "（全文）",
    "（摘要）",
    "（主要内容）",
    "原文",
    "政策原文",
    "全文发布",
];

/// `《X》` or `《X》主要内容` alone on a paragraph: the title X and the suffix.
fn quoted_title(text: &str) -> Option<(String, &str)> {
    let t = text.trim();
    let inner = t.strip_prefix('《')?;
    let close = inner.rfind('》')?;
    let title = &inner[..close];
    let suffix = inner[close + '》'.len_utf8()..].trim();
    let suffix_ok = suffix.is_empty() || TITLE_SUFFIXES.contains(&suffix);
    (suffix_ok && !title.contains(['《', '》']) && metadata::is_title_like(title))
        .then(|| (title.to_string(), suffix))
}

// --------------------------------------------------------- page headers

/// Labels of a news or portal page's header strip.
const HEADER_LABELS: [&str; 28] = [
    "来源",
    "稿源",
    "文章来源",
    "信息来源",
    "责任编辑",
    "责编",
    "编辑",
    "作者",
    "记者",
    "发布时间",
    "发布日期",
    "发表时间",
    "更新时间",
    "更新日期",
    "时间",
    "日期",
    "浏览次数",
    "浏览量",
    "访问量",
    "点击数",
    "点击",
    "阅读",
    "字号",
    "字体",
    "原标题",
    "审核",
    "校对",
    "供稿",
];

/// Where a header strip (`来源：… 责任编辑：… 时间：…`) starts in `text`:
/// the earliest header label followed by a colon from which the rest of
/// the paragraph is short and has no full stop.
fn header_strip_start(text: &str) -> Option<usize> {
    let mut starts: Vec<usize> = HEADER_LABELS
        .iter()
        .flat_map(|l| {
            text.match_indices(l).filter_map(move |(i, _)| {
                let rest = &text[i + l.len()..];
                rest.trim_start().starts_with(['：', ':']).then_some(i)
            })
        })
        .collect();
    starts.sort_unstable();
    starts.into_iter().find(|&i| {
        let rest = &text[i..];
        char_len(rest) <= 120 && !rest.contains('。')
    })
}

/// A paragraph made only of a page's header strip or a timestamp.
fn is_header_strip(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['【', '[', '［']);
    is_timestamp_line(t) || header_strip_start(t) == Some(0)
}

/// `（责任编辑：张三）` at the end of a paragraph.
fn trailing_editor_credit(text: &str) -> Option<usize> {
    let t = text.trim_end();
    let close = t
        .chars()
        .last()
        .filter(|c| matches!(c, '）' | ')' | '】' | ']'))?;
    let open_char = match close {
        '）' | ')' => ['（', '('],
        _ => ['【', '['],
    };
    let open = t.rfind(open_char)?;
    let inner = &t[open..t.len() - close.len_utf8()];
    let inner = inner.trim_start_matches(open_char);
    (["责任编辑", "编辑", "责编"]
        .iter()
        .any(|l| inner.starts_with(l) && inner[l.len()..].starts_with(['：', ':']))
        && char_len(inner) <= 30)
        .then_some(open)
}

// ---------------------------------------------------------- photo captions

/// Words that open a caption.
const CAPTION_MARKS: [&str; 9] = [
    "图为",
    "图：",
    "图片：",
    "（图",
    "（新华社记者",
    "（记者",
    "新华社记者",
    "记者",
    "通讯员",
];

/// Byte index just past the `摄` (and a closing bracket) of a caption that
/// ends within `text`, when what comes before it reads as a caption.
fn caption_end(text: &str) -> Option<usize> {
    for (i, _) in text.match_indices('摄') {
        let after = &text[i + '摄'.len_utf8()..];
        if after.starts_with(['影', '像', '制', '入', '取', '政', '氏', '录']) {
            continue;
        }
        let before = &text[..i];
        let name_only = char_len(before.trim()) <= 6;
        if name_only || CAPTION_MARKS.iter().any(|m| before.contains(m)) {
            let mut end = i + '摄'.len_utf8();
            if let Some(c) = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '）' | ')'))
            {
                end += c.len_utf8();
            }
            return Some(end);
        }
    }
    None
}

/// Splits a paragraph into (caption, rest) when it opens with a photo
/// caption (`图为…。记者 张三 摄关于…的意见`), or into (rest, caption) when a
/// caption closes it (`关于…的意见（记者 张三 摄）`); the caption part is
/// always the second element.
fn split_caption(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    // A caption closing the paragraph.
    let tail = t.trim_end_matches(['）', ')']);
    if tail.ends_with('摄') || tail.ends_with("供图") {
        let start = CAPTION_MARKS
            .iter()
            .filter_map(|m| t.find(m))
            .min()
            .filter(|&s| char_len(&t[s..]) <= 80);
        if let Some(s) = start {
            return Some((t[..s].trim().to_string(), t[s..].to_string()));
        }
        if char_len(t) <= 20 {
            return Some((String::new(), t.to_string()));
        }
    }
    // A caption opening the paragraph.
    let starts_like_caption = CAPTION_MARKS.iter().any(|m| t.starts_with(m))
        || t.find('摄').is_some_and(|i| char_len(&t[..i]) <= 6);
    if starts_like_caption {
        if let Some(end) = caption_end(t).filter(|&e| char_len(&t[..e]) <= 120) {
            return Some((t[end..].trim().to_string(), t[..end].to_string()));
        }
    }
    None
}

// ------------------------------------------------------------------ run

/// A doc number glued before a quoted title: `鲁政发〔2014〕20号《…》`.
fn split_number_and_title(text: &str) -> Option<(String, String)> {
    let n = metadata::find_doc_numbers(text).into_iter().next()?;
    let rest = text[n.end..].trim();
    (n.start == 0 && rest.starts_with('《') && quoted_title(rest).is_some())
        .then(|| (text[..n.end].to_string(), rest.to_string()))
}

/// Applies the front-matter rules. Returns the kept paragraphs and what
/// was removed, in the order found.
pub fn clean_front(paras: Vec<Paragraph>, file: &str) -> (Vec<Paragraph>, Vec<Removal>) {
    let mut removals = Vec::new();
    let mut paras = paras;
    remove_table_of_contents(&mut paras, file, &mut removals);
    let front_end = body_start(&paras).unwrap_or(paras.len());

    let mut out: Vec<Paragraph> = Vec::with_capacity(paras.len());
    for (i, mut p) in paras.into_iter().enumerate() {
        if let Some(at) = trailing_editor_credit(&p.text) {
            removals.push(removal(file, &p, rule::NEWS_HEADER, &p.text[at..]));
            p.text = p.text[..at].trim_end().to_string();
        }
        if i >= front_end {
            if !p.text.is_empty() {
                out.push(p);
            }
            continue;
        }
        if let Some(len) = news_dateline_len(&p.text) {
            removals.push(removal(file, &p, rule::NEWS_DATELINE, &p.text[..len]));
            p.text = p.text[len..].trim_start().to_string();
        }
        let text = p.text.clone();
        let whole = if text.is_empty() {
            None
        } else if is_editor_note(&text) {
            Some(rule::EDITOR_NOTE)
        } else if is_newspaper_dateline(&text) {
            Some(rule::NEWSPAPER_DATELINE)
        } else if is_header_strip(&text) {
            Some(rule::NEWS_HEADER)
        } else if is_news_lead(&text) {
            Some(rule::NEWS_LEAD)
        } else {
            None
        };
        if let Some(r) = whole {
            removals.push(removal(file, &p, r, &text));
            continue;
        }
        // A header strip glued after the title.
        if let Some(at) = header_strip_start(&text).filter(|&at| at > 0) {
            let head = text[..at].trim();
            if char_len(head) <= 90 && !has_sentence_punct(head) {
                removals.push(removal(file, &p, rule::NEWS_HEADER, &text[at..]));
                p.text = head.to_string();
            }
        }
        if let Some((rest, caption)) = split_caption(&p.text) {
            if rest.is_empty() || metadata::is_title_like(&rest) || char_len(&caption) >= 4 {
                removals.push(removal(file, &p, rule::PHOTO_CAPTION, &caption));
                p.text = rest;
            }
        }
        if let Some((title, suffix)) = quoted_title(&p.text) {
            if !suffix.is_empty() {
                removals.push(removal(file, &p, rule::TITLE_SUFFIX, suffix));
            }
            p.text = title;
        }
        if let Some((number, title)) = split_number_and_title(&p.text) {
            let mut second = p.clone();
            p.text = number;
            second.text = match quoted_title(&title) {
                Some((t, _)) => t,
                None => title,
            };
            out.push(p);
            out.push(second);
            continue;
        }
        if !p.text.is_empty() {
            out.push(p);
        }
    }

    // ISO dates in the front matter: next to the document number they
    // date the document (`浙政发〔2009〕69号 2009-11-03`); anywhere else they
    // are the page's posting date.
    let front_end = body_start(&out).unwrap_or(out.len());
    let is_number = |p: &Paragraph| metadata::doc_number_line(&p.text).is_some();
    let mut drop = vec![false; out.len()];
    for i in 0..front_end {
        if iso_date_line(&out[i].text).is_none() {
            continue;
        }
        let next_to_number = (i > 0 && is_number(&out[i - 1]))
            || out
                .get(i + 1)
                .is_some_and(|p| i + 1 < front_end && is_number(p));
        if !next_to_number {
            drop[i] = true;
        }
    }
    let mut kept = Vec::with_capacity(out.len());
    for (p, d) in out.into_iter().zip(drop) {
        if d {
            removals.push(removal(file, &p, rule::POSTING_DATE, &p.text));
        } else {
            kept.push(p);
        }
    }
    (kept, removals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> (Vec<String>, Vec<(String, String)>) {
        let (kept, removed) = clean_front(Paragraph::numbered(texts), "f.txt");
        (
            kept.into_iter().map(|p| p.text).collect(),
            removed.into_iter().map(|r| (r.rule, r.text)).collect(),
        )
    }

    #[test]
    fn dates_and_timestamps() {
        assert_eq!(chinese_date_len("2018年11月20日 四川"), Some(17));
        assert_eq!(chinese_date_len("2018年13"), None);
        assert_eq!(
            iso_date_token("2009-11-03 为"),
            Some((10, "2009-11-03".into()))
        );
        assert_eq!(iso_date_token("2009/1/3"), Some((8, "2009-01-03".into())));
        assert_eq!(iso_date_token("2009-13-03"), None);
        assert_eq!(iso_date_token("2009-11-031"), None);
        assert!(is_timestamp_line("2018-11-29 10:23:45"));
        assert!(is_timestamp_line("2018年11月29日 10:23"));
        assert!(!is_timestamp_line("2018-11-29"));
        assert_eq!(iso_date_line("2009-11-03").as_deref(), Some("2009-11-03"));
    }

    #[test]
    fn newspaper_datelines_and_wire_datelines() {
        assert!(is_newspaper_dateline("四川日报2018年11月20日"));
        assert!(is_newspaper_dateline("人民日报 2018-11-20 第01版"));
        assert!(is_newspaper_dateline("2018年11月20日 四川日报 星期二"));
        assert!(!is_newspaper_dateline("国务院2018年11月18日"));
        assert!(!is_newspaper_dateline("到2020年，建立新机制"));
        assert_eq!(news_dateline_len("本网讯日前，省委"), Some("本网讯".len()));
        assert_eq!(
            news_dateline_len("新华社北京11月29日电 日前"),
            Some("新华社北京11月29日电".len())
        );
        assert_eq!(
            news_dateline_len("本报讯（记者 张三）近日"),
            Some("本报讯（记者 张三）".len())
        );
        assert_eq!(news_dateline_len("报告指出电力供应"), None);
        assert_eq!(news_dateline_len("省发展改革委网站发布消息"), None);
        assert_eq!(news_dateline_len("党中央、国务院高度重视"), None);
    }

    #[test]
    fn leads_notes_and_titles_quoted_by_a_page() {
        let (kept, removed) = run(&[
            "本网讯日前，省委、省政府印发《关于实施“一干多支”发展战略推动全省区域协同发展的指导意见》，主要内容如下。",
            "一、总体要求",
        ]);
        assert_eq!(kept, vec!["一、总体要求"]);
        let rules: Vec<&str> = removed.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(rules, vec!["news-dateline", "news-lead"]);

        let (issuers, title) = issued_title(&removed[1].1).unwrap();
        assert_eq!(issuers, vec!["省委", "省政府"]);
        assert!(title.ends_with("指导意见"));
        let (issuers, title) = issued_title(
            "编前语为贯彻落实决策部署，近日，经省政府同意，省发展改革委印发实施《四川省“十四五”川陕革命老区发展规划》。本报今日全文刊发。",
        )
        .unwrap();
        assert_eq!(issuers, vec!["省发展改革委"]);
        assert_eq!(title, "四川省“十四五”川陕革命老区发展规划");

        let (kept, removed) = run(&[
            "《关于加快推进川南经济区一体化发展的实施意见》主要内容",
            "一、总体要求",
        ]);
        assert_eq!(kept[0], "关于加快推进川南经济区一体化发展的实施意见");
        assert_eq!(removed, vec![("title-suffix".into(), "主要内容".into())]);

        // A notice's own preamble is not a news lead.
        let own = "为贯彻落实《国务院关于印发促进区域协调发展的指导意见的通知》精神，现就有关事项通知如下：";
        assert!(!is_news_lead(own));
        assert!(issued_title("贯彻《成渝城市群发展规划》精神").is_none());
    }

    #[test]
    fn header_strips_captions_and_posting_dates() {
        let (kept, removed) = run(&[
            "推动适应高质量发展要求的区域经济布局研究时间：2020-10-06信息来源：《区域经济评论》2020年第4期 作者：高国力 责编：平萍",
            "来源：新华社",
            "2018-11-29 10:23:45",
            "2025-10-31",
            "图为成都天府新区一景。记者 张三 摄关于实施“一干多支”发展战略的指导意见",
            "各市人民政府：",
            "一、总体要求",
            "（一）指导思想。坚持。（责任编辑：李四）",
        ]);
        assert_eq!(
            kept,
            vec![
                "推动适应高质量发展要求的区域经济布局研究",
                "关于实施“一干多支”发展战略的指导意见",
                "各市人民政府：",
                "一、总体要求",
                "（一）指导思想。坚持。"
            ]
        );
        let rules: Vec<&str> = removed.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(
            rules,
            vec![
                "news-header",
                "news-header",
                "news-header",
                "photo-caption",
                "news-header",
                "posting-date"
            ]
        );
        assert_eq!(removed[3].1, "图为成都天府新区一景。记者 张三 摄");
    }

    #[test]
    fn a_caption_after_the_title_and_a_caption_alone() {
        let (kept, removed) = run(&[
            "关于加快推进区域协调发展的实施意见（记者 王五 摄）",
            "张三 摄",
            "一、总体要求",
        ]);
        assert_eq!(
            kept,
            vec!["关于加快推进区域协调发展的实施意见", "一、总体要求"]
        );
        assert_eq!(removed.len(), 2);
        assert!(removed.iter().all(|(r, _)| r == "photo-caption"));
        // Prose that photographs, not a caption.
        let (kept, _) = run(&["加强摄影测量工作，提高精度。", "一、总体要求"]);
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn a_document_number_keeps_its_date_and_a_glued_title_comes_apart() {
        let (kept, removed) = run(&[
            "浙江省人民政府贯彻国务院关于进一步推进长江三角洲地区改革开放和经济社会发展指导意见的实施意见",
            "浙政发〔2009〕69号",
            "2009-11-03",
            "为贯彻《指导意见》精神，提出以下实施意见。",
            "一、总体要求",
        ]);
        assert_eq!(kept.len(), 5);
        assert!(removed.is_empty());
        let (kept, _) = run(&[
            "鲁政发〔2014〕20号《山东省人民政府关于深化预算管理制度改革的实施意见》",
            "一、总体要求",
        ]);
        assert_eq!(
            kept,
            vec![
                "鲁政发〔2014〕20号",
                "山东省人民政府关于深化预算管理制度改革的实施意见",
                "一、总体要求"
            ]
        );
    }

    #[test]
    fn a_table_of_contents_goes_and_the_body_stays() {
        let (kept, removed) = run(&[
            "目录",
            "第一章 规划背景",
            "第一节 发展成效",
            "第二章 总体要求……5",
            "川陕革命老区是党和国家的重要财富。",
            "第一章 规划背景",
        ]);
        assert_eq!(
            kept,
            vec!["川陕革命老区是党和国家的重要财富。", "第一章 规划背景"]
        );
        assert_eq!(removed.len(), 4);
        assert!(removed.iter().all(|(r, _)| r == "table-of-contents"));
    }
}
