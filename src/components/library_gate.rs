//! Holds back a route that names a user document (`#/doc/mine-…`,
//! `#/compare/…/mine-…`) while the library is still being read from
//! IndexedDB, so a permalink opened cold shows "reading your library…"
//! for a moment instead of "not found".

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_user_library::{LibraryStatus, UserLibraryContext};
use crate::i18n::Lang;
use crate::route::Route;
use crate::user_library::is_user_doc_id;

#[derive(Properties, PartialEq)]
pub struct LibraryGateProps {
    pub children: Html,
}

fn names_user_doc(route: &Route) -> bool {
    match route {
        Route::Document { id } | Route::Unit { id, .. } | Route::Witnesses { id } => {
            is_user_doc_id(id)
        }
        Route::Compare { a, b } | Route::CompareUnit { a, b, .. } => {
            is_user_doc_id(a) || is_user_doc_id(b)
        }
        _ => false,
    }
}

#[component]
pub fn LibraryGate(props: &LibraryGateProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let route = use_route::<Route>();
    let loading = use_context::<UserLibraryContext>()
        .is_some_and(|l| l.state.status == LibraryStatus::Loading);
    if loading && route.as_ref().is_some_and(names_user_doc) {
        return html! {
            <p class="library-loading" role="status">{ lang.library_strings().loading }</p>
        };
    }
    props.children.clone()
}
