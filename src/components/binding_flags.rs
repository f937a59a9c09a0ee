//! The changes in binding force and targets between the two sides of a
//! pair, each named with the words involved (`old → new`), from
//! `policy_core::diffusion::binding`.

use policy_core::diffusion::binding::Change;
use yew::prelude::*;

use crate::i18n::{Lang, CORPUS_LANG};

#[derive(Properties, PartialEq)]
pub struct BindingFlagsProps {
    pub lang: Lang,
    pub changes: Vec<Change>,
}

#[component]
pub fn BindingFlags(props: &BindingFlagsProps) -> Html {
    if props.changes.is_empty() {
        return html! {};
    }
    let strings = props.lang.diffusion_strings();
    let side = |words: &str| -> Html {
        if words.is_empty() {
            html! { <span class="binding-flag__none">{ strings.change_none }</span> }
        } else {
            html! { <span class="binding-flag__words" lang={CORPUS_LANG}>{ words.to_string() }</span> }
        }
    };
    html! {
        <ul class="binding-flags" aria-label={strings.flags_label} data-testid="binding-flags">
            { for props.changes.iter().map(|c| html! {
                <li class={classes!("binding-flag", format!("binding-flag--{}", c.kind.id()))}
                    data-kind={c.kind.id()}>
                    <span class="binding-flag__kind">{ strings.change(c.kind) }</span>
                    { ": " }{ side(&c.old) }{ " → " }{ side(&c.new) }
                </li>
            }) }
        </ul>
    }
}
