//! A unit's text in the reader, optionally with the search terms marked
//! (`#/doc/{id}/{path}?hl=…`, only inside the target unit) and with word
//! boundaries shown (the reader's toggle), cut by the same segmenter the
//! search uses. The reader view provides [`ReaderTextOptions`] as a context;
//! without it (or with nothing to show) the text is a plain text node.

use std::rc::Rc;

use policy_core::search::highlight_ranges;
use yew::prelude::*;

use crate::corpus_data::SearchEngineHandle;

/// What the reader wants done to unit text.
#[derive(Clone, PartialEq, Default)]
pub struct ReaderTextOptions {
    /// Normalized terms to mark in the target unit (from the engine's
    /// `highlight_terms` for the `hl` query).
    pub highlight_terms: Rc<Vec<String>>,
    /// Set when word boundaries are to be shown.
    pub boundaries: Option<SearchEngineHandle>,
}

#[derive(Properties, PartialEq)]
pub struct SearchUnitTextProps {
    pub text: AttrValue,
    /// The unit is the URL's target, so the search terms are marked in it.
    #[prop_or_default]
    pub target: bool,
}

#[component]
pub fn SearchUnitText(props: &SearchUnitTextProps) -> Html {
    let options = use_context::<ReaderTextOptions>().unwrap_or_default();
    let text = props.text.as_str();
    let marks = if props.target {
        highlight_ranges(text, &options.highlight_terms)
    } else {
        Vec::new()
    };
    // The hosted build's lite app never has an engine (`hand_over`): leave
    // the segmenter out of its code.
    #[cfg(feature = "first-load")]
    let boundaries: Option<&SearchEngineHandle> = None;
    #[cfg(not(feature = "first-load"))]
    let boundaries = options.boundaries.as_ref();
    match boundaries {
        Some(handle) => {
            let words = handle.engine.segmenter().segment(text);
            html! {
                <span class="segmented">
                    { for words.iter().map(|w| {
                        let inner = marked(text, w.start, w.end, &marks);
                        if w.is_space() {
                            inner
                        } else {
                            html! { <span class="word">{ inner }</span> }
                        }
                    }) }
                </span>
            }
        }
        None if marks.is_empty() => html! { { text.to_string() } },
        None => marked(text, 0, text.len(), &marks),
    }
}

/// `text[from..to]` as text nodes, with the parts inside `marks` wrapped in
/// `<mark>`.
fn marked(text: &str, from: usize, to: usize, marks: &[(usize, usize)]) -> Html {
    let mut nodes = Vec::new();
    let mut pos = from;
    for &(s, e) in marks {
        let (s, e) = (s.max(from), e.min(to));
        if s >= e || s < pos {
            continue;
        }
        if s > pos {
            nodes.push(html! { { text[pos..s].to_string() } });
        }
        nodes.push(html! { <mark class="reader-match">{ text[s..e].to_string() }</mark> });
        pos = e;
    }
    if pos < to {
        nodes.push(html! { { text[pos..to].to_string() } });
    }
    html! { <>{ for nodes }</> }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn marks_are_elements_and_text_stays_text() {
        #[derive(Properties, PartialEq)]
        struct P {
            terms: Vec<String>,
        }
        #[component]
        fn Harness(props: &P) -> Html {
            let options = ReaderTextOptions {
                highlight_terms: Rc::new(props.terms.clone()),
                boundaries: None,
            };
            html! {
                <ContextProvider<ReaderTextOptions> context={options}>
                    <SearchUnitText text="<b>生态</b>补偿" target={true} />
                    <SearchUnitText text="别的生态" />
                </ContextProvider<ReaderTextOptions>>
            }
        }
        let renderer = yew::ServerRenderer::<Harness>::with_props(|| P {
            terms: vec!["生态".into()],
        })
        .hydratable(false);
        let html = futures::executor::block_on(renderer.render());
        assert_eq!(
            html,
            "&lt;b&gt;<mark class=\"reader-match\">生态</mark>&lt;/b&gt;补偿别的生态"
        );
    }
}
