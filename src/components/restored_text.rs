//! A piece of a restored reading with every restored word marked:
//! `<mark class="restored" tabindex="0">` around the restored wording, the
//! witness's word and the evidence in its `title` (hover), in
//! `data-witness` (shown by CSS on focus) and in visually hidden text for
//! screen readers. Built from Yew text nodes only.

use std::rc::Rc;

use policy_core::model::Level;
use policy_core::restoration::{Evidence, RestoredChange};
use yew::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct RestoredTextProps {
    /// The piece of the restored reading to show.
    pub text: AttrValue,
    /// Byte offset of `text` in the restored reading.
    pub offset: usize,
    pub changes: Rc<Vec<RestoredChange>>,
    pub lang: Lang,
}

/// Byte offset of `inner` inside `outer` when `inner` is a subslice of it.
pub fn subslice_offset(outer: &str, inner: &str) -> Option<usize> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start + inner.len() <= outer.len()).then_some(start)
}

/// The evidence of one change in words, sources joined.
/// A quoting document's name as a reader knows it: its region for a
/// provincial document, else its title; the id only when the corpus at hand
/// does not hold it.
fn document_name(corpus: Option<&CorpusHandle>, id: &str, lang: Lang) -> String {
    let Some(doc) = corpus.and_then(|c| c.doc_ref(id)) else {
        return id.to_string();
    };
    match (&doc.jurisdiction, doc.level) {
        (Some(region), Some(Level::Provincial)) => {
            doc.corpus().region_name(region, lang == Lang::En)
        }
        _ => format!("《{}》", doc.title),
    }
}

pub fn evidence_text(change: &RestoredChange, corpus: Option<&CorpusHandle>, lang: Lang) -> String {
    let strings = lang.restoration_strings();
    change
        .evidence
        .iter()
        .map(|e| match e {
            Evidence::LearnedPair {
                original,
                reworded,
                count,
                ..
            } => fill(
                strings.evidence_pair,
                &[
                    ("original", original),
                    ("reworded", reworded),
                    ("count", &count.to_string()),
                ],
            ),
            Evidence::Quote { doc, path, .. } => {
                let doc = document_name(corpus, doc, lang);
                fill(strings.evidence_quote, &[("doc", &doc), ("path", path)])
            }
            Evidence::LanguageModel { attested, .. } => fill(
                strings.evidence_model,
                &[("attested", &attested.to_string())],
            ),
            Evidence::Lexicon { word } => fill(strings.evidence_lexicon, &[("word", word)]),
        })
        .collect::<Vec<_>>()
        .join(strings.evidence_separator)
}

#[component]
pub fn RestoredText(props: &RestoredTextProps) -> Html {
    let corpus = use_context::<CorpusHandle>();
    let strings = props.lang.restoration_strings();
    let text = props.text.as_str();
    let (from, to) = (props.offset, props.offset + text.len());
    let mut nodes = Vec::new();
    let mut pos = 0;
    for change in props.changes.iter() {
        // Only changes wholly inside this piece; offsets relative to it.
        if change.start < from || change.end > to || change.start >= change.end {
            continue;
        }
        let (start, end) = (change.start - from, change.end - from);
        if start < pos || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > pos {
            nodes.push(html! { { text[pos..start].to_string() } });
        }
        let mut title = fill(
            strings.mark_title,
            &[
                ("witness", &change.witness),
                (
                    "evidence",
                    &evidence_text(change, corpus.as_ref(), props.lang),
                ),
            ],
        );
        let mut hidden = fill(strings.mark_hidden, &[("witness", &change.witness)]);
        if change.doubtful {
            title.push_str(strings.mark_doubtful);
            hidden.push_str(strings.mark_doubtful);
        }
        nodes.push(html! {
            <mark class={classes!("restored", change.doubtful.then_some("restored--doubtful"))}
                tabindex="0" title={title} data-witness={change.witness.clone()}>
                { text[start..end].to_string() }
                <span class="visually-hidden">{ hidden }</span>
            </mark>
        });
        pos = end;
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
    fn quoting_documents_are_named_as_readers_know_them() {
        let corpus = crate::corpus_data::bundled_corpus().expect("bundled corpus");
        assert_eq!(document_name(Some(&corpus), "sichuan", Lang::Zh), "四川省");
        assert_eq!(document_name(Some(&corpus), "sichuan", Lang::En), "Sichuan");
        assert!(document_name(Some(&corpus), "central-2018", Lang::Zh).starts_with("《关于"));
        assert_eq!(document_name(Some(&corpus), "gone", Lang::Zh), "gone");
        assert_eq!(document_name(None, "sichuan", Lang::Zh), "sichuan");
    }

    fn change(start: usize, end: usize, witness: &str, restored: &str) -> RestoredChange {
        RestoredChange {
            start,
            end,
            witness_start: start,
            witness_end: start + witness.len(),
            witness: witness.into(),
            restored: restored.into(),
            score: 3.0,
            context_score: 1.0,
            doubtful: false,
            evidence: vec![Evidence::LearnedPair {
                original: restored.into(),
                reworded: witness.into(),
                count: 4,
                occurrences: 5,
            }],
        }
    }

    fn render(text: &str, offset: usize, changes: Vec<RestoredChange>) -> String {
        let text = text.to_string();
        let renderer = yew::ServerRenderer::<RestoredText>::with_props(move || RestoredTextProps {
            text: text.into(),
            offset,
            changes: Rc::new(changes),
            lang: Lang::Zh,
        })
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    }

    #[test]
    fn restored_words_are_marked_with_the_witness_word_and_evidence() {
        // "其他宏观调控<b>" with 宏观 restored from 微观, as a piece starting
        // at byte 3 of the reading.
        let html = render("他宏观调控<b>", 3, vec![change(6, 12, "微观", "宏观")]);
        assert!(html.starts_with("他<mark "), "{html}");
        assert!(html.contains("class=\"restored\""), "{html}");
        assert!(html.contains("data-witness=\"微观\""), "{html}");
        assert!(html.contains(">宏观<span"), "{html}");
        assert!(html.contains("改写本作“微观”"), "{html}");
        assert!(html.contains("宏观→微观"), "{html}");
        assert!(html.ends_with("调控&lt;b&gt;"), "{html}");
    }

    #[test]
    fn changes_outside_the_piece_or_off_boundaries_are_skipped() {
        let html = render(
            "宏观调控",
            0,
            vec![change(1, 4, "x", "y"), change(20, 26, "a", "b")],
        );
        assert_eq!(html, "宏观调控");
    }

    #[test]
    fn subslices_know_their_offset() {
        let outer = "（二十五）宏观调控";
        let inner = &outer[15..];
        assert_eq!(subslice_offset(outer, inner), Some(15));
        assert_eq!(subslice_offset(outer, &String::from("宏观")), None);
    }
}
