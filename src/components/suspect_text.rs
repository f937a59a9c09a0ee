//! Text from the machine-reworded witness with each suspected substitution
//! marked: `<mark class="suspect">` around the word the tool probably put
//! there, the likely original in its `title` (hover), in `data-likely`
//! (shown by CSS on focus) and in visually hidden text for screen readers.
//! Built from Yew text nodes only.

use std::rc::Rc;

use policy_core::compare::reword::suspect_substitutions;
use policy_core::model::SubstitutionPair;
use yew::prelude::*;

use crate::i18n::{fill, Lang};

/// A learned pair must have been seen this often to be flagged: pairs seen
/// once are as likely an editorial change as the tool's work.
pub const MIN_EVIDENCE: usize = 2;

#[derive(Properties, PartialEq)]
pub struct SuspectTextProps {
    pub text: AttrValue,
    pub pairs: Rc<Vec<SubstitutionPair>>,
    pub lang: Lang,
}

#[component]
pub fn SuspectText(props: &SuspectTextProps) -> Html {
    let strings = props.lang.compare_strings();
    let text = props.text.as_str();
    let suspects = suspect_substitutions(text, &props.pairs, MIN_EVIDENCE);
    let mut nodes = Vec::with_capacity(suspects.len() * 2 + 1);
    let mut pos = 0;
    for s in &suspects {
        if s.start < pos
            || s.end > text.len()
            || !text.is_char_boundary(s.start)
            || !text.is_char_boundary(s.end)
        {
            continue;
        }
        if s.start > pos {
            nodes.push(html! { { text[pos..s.start].to_string() } });
        }
        let hint = fill(
            strings.suspect_title,
            &[
                ("likely", &s.likely_original),
                ("count", &s.evidence_count.to_string()),
            ],
        );
        nodes.push(html! {
            <mark class="suspect" tabindex="0" title={hint.clone()} data-likely={s.likely_original.clone()}>
                { s.found.clone() }
                <span class="visually-hidden">{ fill(strings.suspect_hidden, &[("likely", &s.likely_original)]) }</span>
            </mark>
        });
        pos = s.end;
    }
    if pos < text.len() {
        nodes.push(html! { { text[pos..].to_string() } });
    }
    html! { <>{ for nodes }</> }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn suspects_are_marked_with_the_likely_original_and_text_stays_text() {
        let pairs = vec![SubstitutionPair::new("发展", "开展", 85)];
        let renderer = yew::ServerRenderer::<SuspectText>::with_props(move || SuspectTextProps {
            text: "<b>促进区域协调开展𫫇".into(),
            pairs: Rc::new(pairs),
            lang: Lang::Zh,
        })
        .hydratable(false);
        let html = futures::executor::block_on(renderer.render());
        assert!(html.contains("&lt;b&gt;促进区域协调"), "{html}");
        assert!(html.contains("data-likely=\"发展\""), "{html}");
        assert!(html.contains(">开展<span"), "{html}");
        assert!(html.ends_with("𫫇"), "{html}");
    }
}
