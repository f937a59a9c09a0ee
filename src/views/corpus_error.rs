//! Shown instead of every view when the bundled corpus cannot be parsed
//! (a build from mismatched sources): a visible explanation, not a panic.

use yew::prelude::*;

use crate::dom;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CorpusErrorViewProps {
    /// The loader's error message (plain text).
    pub error: AttrValue,
}

#[component]
pub fn CorpusErrorView(props: &CorpusErrorViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let strings = lang.strings();
    use_effect_with(lang, |lang| {
        dom::set_title(lang.strings().corpus_error_heading);
        dom::mark_ready("corpus-error");
    });
    html! {
        <section class="corpus-error" data-testid="corpus-error" role="alert">
            <h1 class="page-heading">{ strings.corpus_error_heading }</h1>
            <p>{ strings.corpus_error_body }</p>
            <pre class="corpus-error__details">{ props.error.clone() }</pre>
        </section>
    }
}
