//! The friendly dead end (`section[data-testid="not-found"]`): says what was
//! not found, in words, and offers the way back.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::dom;
use crate::i18n::{clip, fill, Lang};
use crate::route::Route;

/// What could not be found. Values come from the URL and are only ever
/// rendered as text.
#[derive(Debug, Clone, PartialEq)]
pub enum NotFoundReason {
    /// No route matches the address.
    Route,
    /// The route names a document id the corpus does not have.
    Document { id: String },
    /// The document exists but has no unit at this path.
    Unit {
        id: String,
        title: String,
        path: String,
    },
}

#[derive(Properties, PartialEq)]
pub struct NotFoundViewProps {
    pub reason: NotFoundReason,
}

#[component]
pub fn NotFoundView(props: &NotFoundViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let location = use_location();
    let strings = lang.strings();

    use_effect_with(lang, |lang| {
        dom::set_title(lang.strings().page_title_not_found);
        dom::mark_ready("not-found");
    });

    let message = match &props.reason {
        // Every value from the address is quoted clipped (`i18n::clip`).
        NotFoundReason::Route => {
            let route = location.map(|l| l.path().to_string()).unwrap_or_default();
            fill(strings.not_found_route, &[("route", &clip(&route))])
        }
        NotFoundReason::Document { id } => fill(strings.not_found_document, &[("id", &clip(id))]),
        NotFoundReason::Unit { title, path, .. } => fill(
            strings.not_found_unit,
            &[("title", title), ("path", &clip(path))],
        ),
    };
    html! {
        <section class="not-found" data-testid="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading" class="page-heading">{ strings.not_found_heading }</h1>
            <p class="not-found__message">{ message }</p>
            <ul class="not-found__ways">
                if let NotFoundReason::Unit { id, title, .. } = &props.reason {
                    <li>
                        <a href={Route::Document { id: id.clone() }.href()}>
                            { fill(strings.not_found_open_document, &[("title", title)]) }
                        </a>
                    </li>
                }
                <li><a href={Route::Library.href()}>{ strings.not_found_back }</a></li>
            </ul>
        </section>
    }
}
