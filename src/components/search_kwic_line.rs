//! One keyword-in-context line of a search hit. The engine's snippet parts
//! become Yew text nodes and `<mark>` elements, never markup: corpus text
//! and queries are data, and a `<script>` in them must show as characters.

use policy_core::search::Snippet;
use yew::prelude::*;

use crate::i18n::CORPUS_LANG;

#[derive(Properties, PartialEq)]
pub struct SearchKwicLineProps {
    pub snippet: Snippet,
}

#[component]
pub fn SearchKwicLine(props: &SearchKwicLineProps) -> Html {
    let snippet = &props.snippet;
    html! {
        <p class="kwic" lang={CORPUS_LANG}>
            if snippet.cut_before { <span class="kwic__cut" aria-hidden="true">{ "…" }</span> }
            { for snippet.parts.iter().map(|part| if part.highlight {
                html! { <mark class="kwic__match">{ part.text.clone() }</mark> }
            } else {
                html! { { part.text.clone() } }
            }) }
            if snippet.cut_after { <span class="kwic__cut" aria-hidden="true">{ "…" }</span> }
        </p>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use policy_core::search::kwic;

    fn render(snippet: Snippet) -> String {
        let renderer = yew::ServerRenderer::<SearchKwicLine>::with_props(move || {
            SearchKwicLineProps { snippet }
        })
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    }

    #[test]
    fn the_match_is_wrapped_in_mark_and_the_cut_shown() {
        let text = "一二三四五横向生态补偿六七八九十";
        let start = text.find("横向生态补偿").unwrap();
        let html = render(kwic(text, &[(start, start + "横向生态补偿".len())], 2));
        assert!(
            html.contains("四五<mark class=\"kwic__match\">横向生态补偿</mark>六七"),
            "{html}"
        );
        assert_eq!(html.matches("…").count(), 2, "{html}");
    }

    #[test]
    fn markup_in_the_text_is_escaped_not_rendered() {
        let text = "前<script>alert(1)</script>后<img src=x onerror=alert(1)>";
        let start = text.find("alert").unwrap();
        let html = render(kwic(text, &[(start, start + 5)], 40));
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("<mark class=\"kwic__match\">alert</mark>"),
            "{html}"
        );
    }
}
