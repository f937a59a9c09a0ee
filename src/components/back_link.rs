//! The "← back to …" line at the top of a view.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    pub href: AttrValue,
    pub label: AttrValue,
    /// The paragraph's class (each view places it in its own header).
    pub class: Classes,
}

#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    html! {
        <p class={props.class.clone()}>
            <a href={props.href.clone()}>
                <span aria-hidden="true">{ "← " }</span>{ props.label.clone() }
            </a>
        </p>
    }
}
