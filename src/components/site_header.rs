//! The page banner: app name (a link home), main navigation, language switch.

use yew::prelude::*;

use crate::components::lang_toggle::LangToggle;
use crate::components::share_dialog::ShareDialog;
use crate::i18n::Lang;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub lang: Lang,
    pub on_toggle_lang: Callback<()>,
    /// Enters presentation mode; no button without it.
    #[prop_or_default]
    pub on_present: Option<Callback<()>>,
}

#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let strings = props.lang.strings();
    let search_strings = props.lang.search_strings();
    html! {
        <header class="site-header">
            <div class="site-header__inner">
                <div class="site-header__brand">
                    <a class="site-header__title" href={Route::Library.href()}>
                        { strings.app_title }
                    </a>
                    <p class="site-header__tagline">{ strings.app_tagline }</p>
                </div>
                <nav class="site-nav" aria-label={strings.main_nav_label}>
                    <ul class="site-nav__list">
                        <li><a class="site-nav__link" href={Route::Library.href()}>{ strings.nav_library }</a></li>
                        <li><a class="site-nav__link" href={Route::Search.href()}>{ search_strings.nav_search }</a></li>
                        <li><a class="site-nav__link" href={Route::CompareOverview.href()}>{ props.lang.compare_strings().nav_compare }</a></li>
                        <li><a class="site-nav__link" href={Route::Tours.href()}>{ props.lang.classroom_strings().nav_tours }</a></li>
                        <li><a class="site-nav__link" href={Route::Timeline.href()}>{ props.lang.diffusion_strings().nav_timeline }</a></li>
                        <li><a class="site-nav__link" href={Route::MyLibrary.href()}>{ props.lang.library_strings().nav_my_library }</a></li>
                    </ul>
                </nav>
                <ShareDialog lang={props.lang} />
                if let Some(on_present) = &props.on_present {
                    <button type="button" class="button button--quiet site-header__present" id="presentation-toggle"
                        onclick={on_present.reform(|_: MouseEvent| ())}
                        aria-keyshortcuts="p"
                        title={props.lang.classroom_strings().present_button_label}>
                        { props.lang.classroom_strings().present_button }
                    </button>
                }
                <LangToggle lang={props.lang} on_toggle={props.on_toggle_lang.clone()} />
            </div>
        </header>
    }
}
