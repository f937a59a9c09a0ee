//! Chrome and noise rules: web-page furniture and injected fragments that
//! are not part of a policy text. Each rule recognises a *kind* of noise by
//! its shape (short menu bullets, "来源：… 日期：… 点击：" lines, login
//! prompts, share / related-article trailers, newspaper section headers,
//! pinyin glosses and stock-ticker links injected by a site), never a byte
//! range of a particular file, and every removal is reported as a
//! [`Removal`] so nothing disappears silently.
//!
//! The rules run on the Simplified text (after script conversion), so they
//! only need Simplified keywords.

use super::punctuation::is_cjk;
use crate::model::Removal;

/// One line of a raw file (1-based number) after script conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// 1-based line number in the raw file.
    pub no: usize,
    /// The line's text.
    pub text: String,
}

/// Rule ids, as written into [`Removal::rule`].
pub mod rule {
    /// Short site-menu bullets.
    pub const SITE_MENU: &str = "site-menu";
    /// A `来源：… 日期：… 点击：` line.
    pub const SOURCE_DATE_CLICKS: &str = "source-date-clicks";
    /// A login prompt.
    pub const LOGIN_PROMPT: &str = "login-prompt";
    /// A share or related-articles trailer.
    pub const SHARE_TRAILER: &str = "share-trailer";
    /// A newspaper section header.
    pub const NEWSPAPER_HEADER: &str = "newspaper-header";
    /// A pinyin gloss a site injected into the text.
    pub const INJECTED_PINYIN: &str = "injected-pinyin";
    /// A stock-ticker link a site injected into the text.
    pub const STOCK_TICKER: &str = "stock-ticker";
    /// What a reposting site adds: copyright notices, follow-us prompts, previous/next links.
    pub const REPOST_SPAM: &str = "repost-spam";
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '；', '，', ',', ';'])
}

/// A menu bullet: `- 光伏产业政策`, `· 首页`, short and without sentence
/// punctuation.
fn is_menu_bullet(line: &str) -> bool {
    let t = line.trim();
    let body = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix('·'))
        .or_else(|| t.strip_prefix('•'))
        .or_else(|| t.strip_prefix('»'))
        .or_else(|| t.strip_prefix("> "));
    match body {
        Some(b) => {
            let b = b.trim();
            !b.is_empty() && char_len(b) <= 24 && !has_sentence_punct(b)
        }
        None => false,
    }
}

/// A navigation bar written on one line: `首页 | 政策 | 新闻`.
fn is_menu_bar(line: &str) -> bool {
    let t = line.trim();
    let parts: Vec<&str> = t.split(['|', '｜']).map(str::trim).collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| char_len(p) <= 12 && !has_sentence_punct(p))
}

const META_LABELS: [&str; 10] = [
    "来源",
    "日期",
    "发布时间",
    "时间",
    "点击",
    "浏览",
    "阅读",
    "作者",
    "编辑",
    "发布日期",
];

/// `来源：未知 日期：2016-10-19 点击：次` — a page's metadata strip. Two or
/// more labels each followed by a colon, on a short line.
fn is_source_date_clicks(line: &str) -> bool {
    let t = line.trim();
    if char_len(t) > 100 || t.contains('。') {
        return false;
    }
    let labelled = META_LABELS
        .iter()
        .filter(|l| {
            t.match_indices(*l).any(|(i, _)| {
                let rest = &t[i + l.len()..];
                rest.starts_with([':', '：']) || rest.starts_with("次数")
            })
        })
        .count();
    labelled >= 2
}

const LOGIN_WORDS: [&str; 11] = [
    "用户登录",
    "退出登录",
    "请登录",
    "立即注册",
    "还没有账号",
    "没有账号",
    "忘记密码",
    "用户名",
    "密码",
    "登录",
    "注册",
];

/// A login prompt: a short line made (almost) only of login words, so a
/// clause title such as `（五）完善企业注册登记制度` is never taken for one.
fn is_login_prompt(line: &str) -> bool {
    let t = line.trim();
    if char_len(t) > 20 || t.contains('。') || !LOGIN_WORDS.iter().any(|w| t.contains(w)) {
        return false;
    }
    let mut rest = t.to_string();
    for w in LOGIN_WORDS {
        rest = rest.replace(w, "");
    }
    rest.chars().all(|c| !c.is_alphanumeric())
}

const TRAILER_MARKERS: [&str; 11] = [
    "分享到",
    "分享：",
    "相关文章",
    "相关阅读",
    "相关新闻",
    "相关链接",
    "责任编辑",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
];

fn is_trailer_marker(line: &str) -> bool {
    let t = line.trim();
    char_len(t) <= 30 && TRAILER_MARKERS.iter().any(|m| t.starts_with(m))
}

const NEWSPAPER_SECTIONS: [&str; 10] = [
    "要闻",
    "头版",
    "综合",
    "国内",
    "时政",
    "评论",
    "理论",
    "经济",
    "本版责编",
    "新闻",
];

/// A newspaper page header (`要 闻`, `第3版`), only looked for above the
/// document's first sentence.
fn is_newspaper_header(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || char_len(&t) > 8 {
        return false;
    }
    if NEWSPAPER_SECTIONS.contains(&t.as_str()) {
        return true;
    }
    // 第3版 / 第三版
    t.starts_with('第') && t.ends_with('版') && char_len(&t) <= 5
}

/// What a reposting site adds to a text: copyright and takedown notices,
/// follow-us prompts, previous/next links.
const SPAM_MARKERS: [&str; 24] = [
    "如有侵权",
    "侵删",
    "联系删除",
    "请联系我们删除",
    "转载请注明",
    "版权归原作者",
    "版权所有",
    "免责声明",
    "本文来源于网络",
    "来源于网络",
    "微信公众号",
    "关注公众号",
    "扫码关注",
    "扫一扫",
    "长按识别",
    "长按二维码",
    "阅读原文",
    "点击关注",
    "更多精彩",
    "欢迎转发",
    "推荐阅读",
    "返回顶部",
    "返回首页",
    "QQ群",
];

/// Markers that count only at the start of a line.
const SPAM_LINE_STARTS: [&str; 4] = ["上一篇", "下一篇", "上一条", "下一条"];

/// A reposting site's spam line: short, and carrying one of its markers.
fn is_repost_spam(line: &str) -> bool {
    let t = line.trim();
    char_len(t) <= 100
        && (SPAM_MARKERS.iter().any(|m| t.contains(m))
            || SPAM_LINE_STARTS.iter().any(|m| t.starts_with(m)))
}

/// Removes whole chrome lines. Returns the kept lines and the removals.
pub fn remove_chrome_lines(lines: Vec<SourceLine>, file: &str) -> (Vec<SourceLine>, Vec<Removal>) {
    let mut removals = Vec::new();
    let mut drop = vec![None::<&'static str>; lines.len()];
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();

    // Menu bullets count only in runs of three or more (a single dash line
    // could be prose).
    let mut run: Vec<usize> = Vec::new();
    // …and only outside the text proper (before its first sentence or
    // after its last), where a site puts its navigation.
    let is_sentence =
        |i: usize| char_len(lines[i].text.trim()) > 30 && !is_menu_bullet(&lines[i].text);
    let first_sentence = non_blank
        .iter()
        .copied()
        .find(|&i| is_sentence(i))
        .unwrap_or(usize::MAX);
    let last_sentence = non_blank
        .iter()
        .copied()
        .rev()
        .find(|&i| is_sentence(i))
        .unwrap_or(0);
    let flush = |run: &mut Vec<usize>, drop: &mut Vec<Option<&'static str>>| {
        let outside = run.iter().all(|&i| i < first_sentence || i > last_sentence);
        if run.len() >= 3 && outside {
            for &i in run.iter() {
                drop[i] = Some(rule::SITE_MENU);
            }
        }
        run.clear();
    };
    for &i in &non_blank {
        if is_menu_bullet(&lines[i].text) {
            run.push(i);
        } else {
            flush(&mut run, &mut drop);
        }
    }
    flush(&mut run, &mut drop);

    let first_full_stop = non_blank
        .iter()
        .copied()
        .find(|&i| lines[i].text.contains(['。', '.']))
        .unwrap_or(usize::MAX);
    let mut seen_sentence = false;
    let mut in_trailer = false;
    for &i in &non_blank {
        if drop[i].is_some() {
            continue;
        }
        let t = lines[i].text.as_str();
        let rule = if is_repost_spam(t) {
            Some(rule::REPOST_SPAM)
        } else if is_menu_bar(t) {
            Some(rule::SITE_MENU)
        } else if is_source_date_clicks(t) {
            Some(rule::SOURCE_DATE_CLICKS)
        } else if is_login_prompt(t) {
            Some(rule::LOGIN_PROMPT)
        } else if is_trailer_marker(t) && (i > first_full_stop || !t.trim().starts_with("责任编辑"))
        {
            // (A 责任编辑 line above the text's first sentence is a news
            // header, left to the front-matter rules.)
            in_trailer = true;
            Some(rule::SHARE_TRAILER)
        } else if in_trailer && i > last_sentence && char_len(t.trim()) <= 40 && !t.contains('。')
        {
            // Link titles listed under a "related articles" marker after
            // the text (a share bar above the title must not eat the title).
            Some(rule::SHARE_TRAILER)
        } else if !seen_sentence && is_newspaper_header(t) {
            Some(rule::NEWSPAPER_HEADER)
        } else {
            in_trailer = false;
            None
        };
        if rule.is_none() && char_len(t.trim()) > 30 {
            seen_sentence = true;
        }
        drop[i] = rule;
    }

    let mut kept = Vec::with_capacity(lines.len());
    for (line, rule) in lines.into_iter().zip(drop) {
        match rule {
            Some(rule) => removals.push(Removal {
                file: file.to_string(),
                line: line.no,
                rule: rule.to_string(),
                text: line.text.trim().to_string(),
            }),
            None => kept.push(line),
        }
    }
    (kept, removals)
}

const PINYIN_INITIALS: [&str; 23] = [
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];
const PINYIN_FINALS: [&str; 38] = [
    "a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an",
    "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua",
    "uo", "uai", "uan", "uang", "ueng", "van", "ui",
];

/// A pinyin vowel with its tone mark removed (`ǎ` → `a`, `ǜ`/`ü` → `v`),
/// or `None` for any other character.
fn toneless(c: char) -> Option<char> {
    Some(match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
        _ => return None,
    })
}

/// True for a pinyin reading a site put after a character: one toneless or
/// tone-numbered syllable (`di`, `zhong1`), or one to four syllables with
/// tone marks (`bào`, `wǎng`, `xí jìn`).
pub fn is_pinyin_reading(s: &str) -> bool {
    let marked = s.chars().any(|c| toneless(c).is_some());
    if !marked {
        return is_pinyin_syllable(s);
    }
    let syllables: Vec<&str> = s.split(' ').collect();
    syllables.len() <= 4
        && syllables.iter().all(|syl| {
            let plain: String = syl.chars().map(|c| toneless(c).unwrap_or(c)).collect();
            is_pinyin_syllable(&plain)
        })
}

/// True for one toneless (or tone-numbered) pinyin syllable: `di`, `hao`,
/// `zhong1`.
pub fn is_pinyin_syllable(s: &str) -> bool {
    let s = s.strip_suffix(['1', '2', '3', '4', '5']).unwrap_or(s);
    if s.is_empty() || s.len() > 6 || !s.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let finals_ok = |f: &str| PINYIN_FINALS.contains(&f);
    if finals_ok(s) {
        return true;
    }
    PINYIN_INITIALS.iter().any(|i| {
        s.strip_prefix(i)
            .is_some_and(|rest| !rest.is_empty() && finals_ok(rest))
    })
}

/// Removes `(di)`/`(bào)`-style pinyin readings that follow a Chinese
/// character and `(000061,股吧)`-style stock-ticker links. Runs on the raw
/// line, before script conversion, so the converter sees whole words
/// (`發(fā)展` → `發展`). Returns the text and the removed fragments with
/// their rule ids.
pub fn remove_inline_noise(text: &str) -> (String, Vec<(&'static str, String)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '(' | '（') {
            let close = chars[i + 1..]
                .iter()
                .take(20)
                .position(|&d| matches!(d, ')' | '）'))
                .map(|p| i + 1 + p);
            if let Some(close) = close {
                let inner: String = chars[i + 1..close].iter().collect();
                let after_cjk = i > 0 && is_cjk(chars[i - 1]);
                let rule = if after_cjk && is_pinyin_reading(&inner) {
                    Some(rule::INJECTED_PINYIN)
                } else if is_stock_ticker(&inner) {
                    Some(rule::STOCK_TICKER)
                } else {
                    None
                };
                if let Some(rule) = rule {
                    removed.push((rule, chars[i..=close].iter().collect()));
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    (out, removed)
}

/// `000061,股吧` / `600000，行情`: a six-digit stock code with a board or
/// quote link label.
fn is_stock_ticker(inner: &str) -> bool {
    let Some((code, label)) = inner.split_once([',', '，']) else {
        return false;
    };
    let code = code.trim();
    code.len() == 6
        && code.chars().all(|c| c.is_ascii_digit())
        && matches!(label.trim(), "股吧" | "行情" | "诊股" | "资金流向")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<SourceLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| SourceLine {
                no: i + 1,
                text: t.to_string(),
            })
            .collect()
    }

    fn kept_and_rules(texts: &[&str]) -> (Vec<String>, Vec<String>) {
        let (kept, removals) = remove_chrome_lines(lines(texts), "f.txt");
        (
            kept.into_iter()
                .map(|l| l.text)
                .filter(|t| !t.is_empty())
                .collect(),
            removals.into_iter().map(|r| r.rule).collect(),
        )
    }

    #[test]
    fn menu_bullets_are_removed_only_in_runs() {
        let (kept, rules) = kept_and_rules(&[
            "- 光伏产业政策",
            "- 自贸区政策",
            "- 智慧城市政策",
            "国家发展改革委关于印发指导意见的通知",
        ]);
        assert_eq!(kept, vec!["国家发展改革委关于印发指导意见的通知"]);
        assert_eq!(rules, vec!["site-menu"; 3]);
        let (kept, _) = kept_and_rules(&["- 一条说明", "正文。"]);
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn bullets_inside_the_text_and_clause_titles_are_kept() {
        let body = "这是正文的第一句话，说明制定本方案的目的、依据和适用范围，内容较长。";
        let (kept, rules) = kept_and_rules(&[body, "- 第一项", "- 第二项", "- 第三项", body]);
        assert_eq!(kept.len(), 5);
        assert!(rules.is_empty());
        let (kept, _) = kept_and_rules(&["（五）完善企业注册登记制度", "退出机制"]);
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn source_date_clicks_line_is_removed_but_prose_with_a_date_is_not() {
        let (kept, rules) =
            kept_and_rules(&["来源:未知 日期:2016-10-19 点击:次", "日期为2016年。"]);
        assert_eq!(kept, vec!["日期为2016年。"]);
        assert_eq!(rules, vec!["source-date-clicks"]);
    }

    #[test]
    fn login_prompts_and_trailers_are_removed() {
        let (kept, rules) = kept_and_rules(&[
            "（三十三）加强评估监测。建立五大片区差别化统计指标体系，加强对发展差距的监测。",
            "用户登录",
            "还没有账号?",
            "立即注册",
            "分享到:",
            "相关文章:",
            "某地出台区域协调发展方案",
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            rules,
            vec![
                "login-prompt",
                "login-prompt",
                "login-prompt",
                "share-trailer",
                "share-trailer",
                "share-trailer"
            ]
        );
    }

    #[test]
    fn a_share_bar_above_the_title_does_not_remove_the_title() {
        let (kept, rules) = kept_and_rules(&[
            "分享到：",
            "国家发展改革委关于印发指导意见的通知",
            "各省、自治区、直辖市人民政府，国务院有关部委、直属机构：现将指导意见印发你们。",
        ]);
        assert_eq!(rules, vec!["share-trailer"]);
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn repost_spam_lines_are_removed_anywhere() {
        let body =
            "（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，推动区域协调发展。";
        let (kept, rules) = kept_and_rules(&[
            "关于加强区域合作的实施意见",
            "本文来源于网络，如有侵权请联系删除。",
            body,
            "更多精彩内容，请关注微信公众号“政策速递”",
            body,
            "上一篇：某市出台方案",
            "下一篇：",
        ]);
        assert_eq!(kept.len(), 3);
        assert_eq!(rules, vec!["repost-spam"; 4]);
        // Policy text that talks about copyright is kept.
        let (kept, _) =
            kept_and_rules(&["（三）加强知识产权保护。完善版权登记制度，打击侵权盗版行为。"]);
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn newspaper_header_only_above_the_text() {
        let (kept, rules) = kept_and_rules(&[
            "要 闻",
            "中共中央 国务院",
            "实施区域协调发展战略是新时代国家重大战略之一，是贯彻新发展理念的重要组成部分。",
            "要闻",
        ]);
        assert_eq!(rules, vec!["newspaper-header"]);
        assert_eq!(kept.last().map(String::as_str), Some("要闻"));
    }

    #[test]
    fn pinyin_glosses_and_stock_tickers_are_cut_out() {
        let (text, removed) = remove_inline_noise("发改地(di)区[2016]1771号(hao)");
        assert_eq!(text, "发改地区[2016]1771号");
        assert_eq!(
            removed,
            vec![
                ("injected-pinyin", "(di)".to_string()),
                ("injected-pinyin", "(hao)".to_string())
            ]
        );
        let (text, removed) = remove_inline_noise("重要农产品(000061,股吧)的价格");
        assert_eq!(text, "重要农产品的价格");
        assert_eq!(removed[0].0, "stock-ticker");
    }

    #[test]
    fn tone_marked_readings_are_cut_out() {
        let (text, removed) =
            remove_inline_noise("四川日報(bào) 本網(wǎng)訊 關（guān）于 綠(lǜ)色 習(xí jìn)");
        assert_eq!(text, "四川日報 本網訊 關于 綠色 習");
        assert_eq!(removed.len(), 5);
        assert!(removed.iter().all(|(r, _)| *r == "injected-pinyin"));
        // Not readings: no character before, or not pinyin.
        for s in ["(bào)开头", "使用(café)", "数据(ǎbc)"] {
            assert_eq!(remove_inline_noise(s).0, s);
        }
    }

    #[test]
    fn real_brackets_survive_inline_noise_rules() {
        for s in [
            "对口协作(合作)体系",
            "(2018年11月18日)",
            "沿 G60(road) 走廊",
            "省(区、市)",
            "(一)指导思想",
        ] {
            assert_eq!(remove_inline_noise(s).0, s);
        }
    }

    #[test]
    fn pinyin_syllables() {
        for s in ["di", "hao", "zhong", "xiang1", "er", "a"] {
            assert!(is_pinyin_syllable(s), "{s}");
        }
        for s in ["G60", "road", "abc", "", "xyz"] {
            assert!(!is_pinyin_syllable(s), "{s}");
        }
    }
}
