//! "Skip to content" for keyboard users: the first focusable element.
//!
//! A plain `href="#main"` would be read by the hash router as a route, so
//! the link moves focus itself and cancels the navigation.

use yew::prelude::*;

use crate::dom;

#[derive(Properties, PartialEq)]
pub struct SkipLinkProps {
    /// The id of the element to focus (it needs `tabindex="-1"`).
    pub target: AttrValue,
    pub label: AttrValue,
}

#[component]
pub fn SkipLink(props: &SkipLinkProps) -> Html {
    let onclick = {
        let target = props.target.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dom::focus(&target);
        })
    };
    html! {
        <a class="skip-link" href={format!("#{}", props.target)} {onclick}>{ props.label.clone() }</a>
    }
}
