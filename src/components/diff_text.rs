//! A diff of two texts, inline (one text, deletions and insertions marked
//! in place) or side by side (old left, new right). Every piece of text is
//! a Yew text node inside `<del>`/`<ins>` elements — never markup built
//! from strings — so hostile input renders as the characters it is.

use std::rc::Rc;

use policy_core::compare::diff::{DiffChunk, DiffKind};
use yew::prelude::*;

use crate::components::breakable_text::breakable;

use crate::i18n::{Lang, CORPUS_LANG};
use crate::url::compare::DiffLayout;

#[derive(Properties, PartialEq)]
pub struct DiffTextProps {
    pub chunks: Rc<Vec<DiffChunk>>,
    pub layout: DiffLayout,
    pub lang: Lang,
    /// Column headings of the side-by-side layout (document names).
    pub old_label: AttrValue,
    pub new_label: AttrValue,
}

#[component]
pub fn DiffText(props: &DiffTextProps) -> Html {
    let strings = props.lang.compare_strings();
    match props.layout {
        DiffLayout::Inline => html! {
            <p class="diff diff--inline" lang={CORPUS_LANG} data-testid="diff-inline">
                { for props.chunks.iter().map(inline_chunk) }
            </p>
        },
        DiffLayout::Side => html! {
            <div class="diff diff--side" data-testid="diff-side">
                <section class="diff__column" aria-label={props.old_label.clone()}>
                    <h4 class="diff__column-heading">
                        { props.old_label.clone() }
                        <span class="visually-hidden">{ " · " }{ strings.diff_old_side }</span>
                    </h4>
                    <p class="diff__text" lang={CORPUS_LANG}>
                        { for props.chunks.iter().map(old_chunk) }
                    </p>
                </section>
                <section class="diff__column" aria-label={props.new_label.clone()}>
                    <h4 class="diff__column-heading">
                        { props.new_label.clone() }
                        <span class="visually-hidden">{ " · " }{ strings.diff_new_side }</span>
                    </h4>
                    <p class="diff__text" lang={CORPUS_LANG}>
                        { for props.chunks.iter().map(new_chunk) }
                    </p>
                </section>
            </div>
        },
    }
}

fn del(text: &str) -> Html {
    html! { <del class="diff__del">{ breakable(text) }</del> }
}

fn ins(text: &str) -> Html {
    html! { <ins class="diff__ins">{ breakable(text) }</ins> }
}

fn inline_chunk(chunk: &DiffChunk) -> Html {
    match chunk.op {
        DiffKind::Equal => breakable(&chunk.old),
        DiffKind::Delete => del(&chunk.old),
        DiffKind::Insert => ins(&chunk.new),
        DiffKind::Replace => html! { <>{ del(&chunk.old) }{ ins(&chunk.new) }</> },
    }
}

fn old_chunk(chunk: &DiffChunk) -> Html {
    match chunk.op {
        DiffKind::Equal => breakable(&chunk.old),
        DiffKind::Delete | DiffKind::Replace => del(&chunk.old),
        DiffKind::Insert => html! {},
    }
}

fn new_chunk(chunk: &DiffChunk) -> Html {
    match chunk.op {
        DiffKind::Equal => breakable(&chunk.new),
        DiffKind::Insert | DiffKind::Replace => ins(&chunk.new),
        DiffKind::Delete => html! {},
    }
}

/// Counts for the diff summary: characters unchanged, deleted, inserted.
pub fn diff_counts(chunks: &[DiffChunk]) -> (usize, usize, usize) {
    let chars = |s: &String| s.chars().count();
    chunks
        .iter()
        .fold((0, 0, 0), |(same, del, ins), c| match c.op {
            DiffKind::Equal => (same + chars(&c.old), del, ins),
            DiffKind::Delete => (same, del + chars(&c.old), ins),
            DiffKind::Insert => (same, del, ins + chars(&c.new)),
            DiffKind::Replace => (same, del + chars(&c.old), ins + chars(&c.new)),
        })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use policy_core::compare::diff::diff_chars;

    fn render(chunks: Vec<DiffChunk>, layout: DiffLayout) -> String {
        let renderer = yew::ServerRenderer::<DiffText>::with_props(move || DiffTextProps {
            chunks: Rc::new(chunks),
            layout,
            lang: Lang::En,
            old_label: "A".into(),
            new_label: "B".into(),
        })
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    }

    #[test]
    fn inline_marks_deletions_and_insertions_and_escapes_markup() {
        let html = render(
            diff_chars("促进发展𫫇", "促进开展<img src=x onerror=alert(1)>𫫇"),
            DiffLayout::Inline,
        );
        assert!(html.contains("<del class=\"diff__del\">发</del>"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(
            html.matches('𫫇').count(),
            1,
            "a non-BMP character is never split"
        );
    }

    #[test]
    fn side_by_side_shows_each_text_on_its_own_side() {
        let html = render(diff_chars("甲乙", "甲丙"), DiffLayout::Side);
        let (old, new) = html.split_once("aria-label=\"B\"").expect("two columns");
        assert!(old.contains(">乙</del>") && !old.contains("丙"), "{old}");
        assert!(new.contains(">丙</ins>") && !new.contains("乙"), "{new}");
    }

    #[test]
    fn counts_add_up_per_side() {
        let chunks = diff_chars("abcd", "abXYd");
        let (same, del, ins) = diff_counts(&chunks);
        assert_eq!(same + del, 4);
        assert_eq!(same + ins, 5);
    }
}
