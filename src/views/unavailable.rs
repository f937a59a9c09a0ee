//! Routes that exist in the URL scheme but whose views are not part of this
//! build yet (search, compare). Nothing links to them; a hand-typed or
//! future permalink gets a clear statement instead of a blank page.

use yew::prelude::*;

use crate::dom;
use crate::i18n::{fill, Lang};
use crate::route::Route;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnavailableFeature {
    Search,
    Compare,
}

#[derive(Properties, PartialEq)]
pub struct UnavailableViewProps {
    pub feature: UnavailableFeature,
}

#[component]
pub fn UnavailableView(props: &UnavailableViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let strings = lang.strings();
    use_effect_with(lang, |lang| {
        dom::set_title(lang.strings().unavailable_heading);
        dom::mark_ready("unavailable");
    });
    let feature = match props.feature {
        UnavailableFeature::Search => strings.feature_search,
        UnavailableFeature::Compare => strings.feature_compare,
    };
    html! {
        <section class="unavailable" data-testid="unavailable" aria-labelledby="unavailable-heading">
            <h1 id="unavailable-heading" class="page-heading">{ strings.unavailable_heading }</h1>
            <p>{ fill(strings.unavailable_body, &[("feature", feature)]) }</p>
            <p><a href={Route::Library.href()}>{ strings.not_found_back }</a></p>
        </section>
    }
}
