//! The compare view's filter: only the pairs whose binding force or
//! targets changed, with how many rows that leaves.

use yew::prelude::*;

use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct BindingFilterProps {
    pub lang: Lang,
    pub on: bool,
    /// Pairs with a change, and all pairs.
    pub shown: usize,
    pub total: usize,
    pub on_toggle: Callback<bool>,
}

#[component]
pub fn BindingFilter(props: &BindingFilterProps) -> Html {
    let strings = props.lang.diffusion_strings();
    let onchange = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            on_toggle.emit(checked);
        })
    };
    html! {
        <p class="binding-filter">
            <label>
                <input type="checkbox" id="binding-filter" data-testid="binding-filter"
                    checked={props.on} {onchange} />
                { " " }{ strings.filter_changed }
            </label>
            if props.on {
                { " " }
                <span class="binding-filter__count" role="status">
                    { fill(strings.filter_count, &[("shown", &props.shown.to_string()), ("total", &props.total.to_string())]) }
                </span>
            }
        </p>
    }
}
