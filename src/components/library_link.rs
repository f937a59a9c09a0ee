//! The library view's line about the user's own library: how many
//! documents it holds and the way to add more, plus its notices.

use yew::prelude::*;

use crate::components::library_notices::LibraryNotices;
use crate::hooks::use_user_library::{LibraryStatus, UserLibraryContext};
use crate::i18n::{fill, Lang};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct MyLibraryLinkProps {
    pub lang: Lang,
}

#[component]
pub fn MyLibraryLink(props: &MyLibraryLinkProps) -> Html {
    let s = props.lang.library_strings();
    let Some(library) = use_context::<UserLibraryContext>() else {
        return html! {};
    };
    if library.state.status == LibraryStatus::Disabled {
        return html! {};
    }
    let count = library.state.docs.0.len().to_string();
    html! {
        <div class="library__mine">
            <p>
                <a href={Route::MyLibrary.href()} id="my-library-link">
                    { fill(s.library_link, &[("count", &count)]) }
                </a>
            </p>
            <LibraryNotices lang={props.lang} />
        </div>
    }
}
