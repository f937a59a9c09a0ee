//! Embedding, the share dialog and print.

use super::Lang;

/// The embedding, sharing and print strings, in their own table
/// like [`CompareStrings`] so that they can be edited without touching the
/// main one.
#[derive(Debug)]
pub struct EmbedStrings {
    /// The small link an embedded view shows instead of the page chrome.
    pub open_full: &'static str,
    pub open_full_label: &'static str,
    pub notice_command_refused: &'static str,
    /// The address's fragment could not be read as a page of the app.
    pub notice_address_unreadable: &'static str,
    pub share_button: &'static str,
    pub share_heading: &'static str,
    pub share_intro: &'static str,
    pub share_permalink_label: &'static str,
    pub share_snippet_label: &'static str,
    pub share_snippet_help: &'static str,
    pub share_copy_link: &'static str,
    pub share_copy_snippet: &'static str,
    pub share_copied: &'static str,
    pub share_copy_manually: &'static str,
    pub share_close: &'static str,
    /// The page is the offline file and no hosted copy is configured.
    pub share_file_only: &'static str,
    /// The page is the offline file; the texts use the configured hosted copy.
    pub share_file_hosted: &'static str,
    pub print_permalink: &'static str,
    pub print_source: &'static str,
    /// `{count}`, `{files}`
    pub print_corpus: &'static str,
    /// `{title}`, `{issuers}`, `{date}`, `{number}`
    pub print_document: &'static str,
}

impl Lang {
    pub fn embed_strings(self) -> &'static EmbedStrings {
        match self {
            Lang::Zh => &EMBED_ZH,
            Lang::En => &EMBED_EN,
        }
    }
}

pub static EMBED_ZH: EmbedStrings = EmbedStrings {
    open_full: "在完整浏览器中打开 ↗",
    open_full_label: "在新标签页中打开完整的政策浏览器，显示同一页面",
    notice_command_refused: "嵌入本应用的网页发送了无效的跳转指令（地址不是本应用的页面），已忽略，当前页面未改变。",
    notice_address_unreadable: "地址中 “#” 之后的部分不是本应用的页面（例如以 “#//” 开头），因此显示“未找到”页面。",
    share_button: "分享 / 嵌入",
    share_heading: "分享或嵌入当前页面",
    share_intro: "永久链接可在任何地方重新打开当前页面；嵌入代码可把它放进其他网页。",
    share_permalink_label: "永久链接",
    share_snippet_label: "嵌入代码（<iframe>）",
    share_snippet_help: "粘贴到网页的 HTML 中。框架在沙箱中运行，仅允许脚本和“在新标签页打开”，其高度可通过 postMessage 自动调整（见 docs/embedding.md）。",
    share_copy_link: "复制链接",
    share_copy_snippet: "复制嵌入代码",
    share_copied: "已复制到剪贴板。",
    share_copy_manually: "无法直接访问剪贴板：文字已选中，请按 Ctrl+C（Mac 上为 ⌘C）复制。",
    share_close: "关闭",
    share_file_only: "这是离线文件（file://）：下面的链接和嵌入代码只在这台电脑上有效，放到网站上无法打开。要嵌入网页，请把本应用部署到网站上（见 docs/embedding.md），并在构建时于 index.html 的 <meta name=\"policy-explorer-hosted-url\"> 中填写该网址。",
    share_file_hosted: "这是离线文件：下面的链接和嵌入代码使用本构建配置的网上地址，而不是 file:// 地址。",
    print_permalink: "永久链接：",
    print_source: "来源：",
    print_corpus: "区域协调发展政策浏览器内置语料，{count} 份文件，底本文件：{files}",
    print_document: "《{title}》，{issuers}，{date}，{number}",
};

pub static EMBED_EN: EmbedStrings = EmbedStrings {
    open_full: "Open in the full explorer ↗",
    open_full_label: "Open this page in the full Regional Policy Explorer, in a new tab",
    notice_command_refused: "The page embedding this app sent an invalid navigation command (the address is not a page of this app). It was ignored; nothing changed.",
    notice_address_unreadable: "The part of the address after “#” is not a page of this app (for example it starts with “#//”), so the not-found page is shown.",
    share_button: "Share / embed",
    share_heading: "Share or embed this page",
    share_intro: "The permalink reopens this exact page anywhere; the embed code puts it into another web page.",
    share_permalink_label: "Permalink",
    share_snippet_label: "Embed code (<iframe>)",
    share_snippet_help: "Paste it into a page's HTML. The frame runs sandboxed (scripts and “open in a new tab” only) and can size itself through postMessage (see docs/embedding.md).",
    share_copy_link: "Copy link",
    share_copy_snippet: "Copy embed code",
    share_copied: "Copied to the clipboard.",
    share_copy_manually: "The clipboard cannot be reached here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.",
    share_close: "Close",
    share_file_only: "This is the offline file (file://): the link and embed code below work only on this computer, not on a web site. To embed the explorer in a page, host it on a web server (see docs/embedding.md) and put that address in index.html's <meta name=\"policy-explorer-hosted-url\"> before building.",
    share_file_hosted: "This is the offline file: the link and embed code below use the hosted address configured for this build, not the file:// address.",
    print_permalink: "Permalink: ",
    print_source: "Source: ",
    print_corpus: "Regional Policy Explorer bundled corpus, {count} documents, from the raw files {files}",
    print_document: "“{title}”, {issuers}, {date}, {number}",
};
