//! What an embedded view shows instead of the page chrome: one small link
//! that opens the same route in the full explorer, in a new tab.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::embed::environment::current_href;
use crate::embed::snippet::full_explorer_url;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct EmbedBarProps {
    pub lang: Lang,
}

#[component]
pub fn EmbedBar(props: &EmbedBarProps) -> Html {
    // Re-render on every route change: the link follows the current route.
    let _location = use_location();
    let strings = props.lang.embed_strings();
    let href = current_href()
        .map(|href| full_explorer_url(&href))
        .unwrap_or_else(|| "#/".to_string());
    html! {
        <div class="embed-bar">
            <a class="embed-bar__open" id="embed-open-full" href={href} target="_blank" rel="noopener"
                aria-label={strings.open_full_label}>{ strings.open_full }</a>
        </div>
    }
}
