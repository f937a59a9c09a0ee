//! The diff of one aligned pair (or of two whole documents): computed with
//! the core's `diff_texts` (segmenter words refined to characters, or
//! characters; optional noise filters), summarized, and shown inline or
//! side by side. Needs the shared segmenter/converter, which the compare
//! view builds on demand; until then it says so.

use std::rc::Rc;

use policy_core::compare::diff::similarity;
use policy_core::compare::text_diff::diff_texts;
use yew::prelude::*;

use crate::components::diff_text::{diff_counts, DiffText};
use crate::corpus_data::SearchEngineHandle;
use crate::i18n::{fill, Lang};
use crate::url::compare::CompareOptions;

#[derive(Properties, PartialEq)]
pub struct CompareDiffPanelProps {
    pub old: AttrValue,
    pub new: AttrValue,
    pub old_label: AttrValue,
    pub new_label: AttrValue,
    pub options: CompareOptions,
    /// The shared engine (segmenter + T→S converter), once built.
    pub engine: Option<SearchEngineHandle>,
    pub lang: Lang,
}

#[component]
pub fn CompareDiffPanel(props: &CompareDiffPanelProps) -> Html {
    let strings = props.lang.compare_strings();
    let computed = use_memo(
        (
            props.old.clone(),
            props.new.clone(),
            props.options.diff_options(),
            props.engine.clone(),
        ),
        |(old, new, options, engine)| {
            let handle = engine.as_ref()?;
            let started = crate::clock::now_ms();
            let chunks = diff_texts(
                old,
                new,
                options,
                handle.engine.segmenter(),
                Some(handle.engine.normalizer().converter()),
            );
            Some((Rc::new(chunks), crate::clock::now_ms() - started))
        },
    );
    let Some((chunks, ms)) = (*computed).clone() else {
        return html! {
            <p class="diff-panel__preparing" role="status">{ strings.diff_preparing }</p>
        };
    };
    let (same, deleted, inserted) = diff_counts(&chunks);
    let percent = format!("{:.0}", similarity(&chunks) * 100.0);
    html! {
        <div class="diff-panel" data-testid="diff-panel" data-diff-ms={format!("{ms:.2}")}
            data-mode={if props.options.granularity == policy_core::compare::diff::Granularity::Chars { "chars" } else { "words" }}>
            <p class="diff-panel__summary">
                { fill(strings.diff_summary, &[
                    ("percent", &percent),
                    ("same", &same.to_string()),
                    ("deleted", &deleted.to_string()),
                    ("inserted", &inserted.to_string()),
                ]) }
            </p>
            <DiffText {chunks} layout={props.options.layout} lang={props.lang}
                old_label={props.old_label.clone()} new_label={props.new_label.clone()} />
        </div>
    }
}
