//! The facet panel: one group per filter dimension (region, mechanism,
//! document, level, year), each option a toggle button (`aria-pressed`)
//! with the live count the engine computed for it — hits it would give
//! together with the query and the *other* filters. Options are typed
//! ([`FilterValue`]): names come from the value, never by parsing a string
//! back. The document facet of a large library has hundreds of options:
//! it shows [`DOC_OPTIONS_PAGE`] (and every selected one) until asked for
//! all.

use policy_core::search::{FacetCount, Facets, FilterKind, FilterValue};
use yew::prelude::*;

use crate::corpus_data::CorpusHandle;
use crate::i18n::{fill, Lang, CORPUS_LANG};

/// Document options shown before "show all".
pub const DOC_OPTIONS_PAGE: usize = 30;

#[derive(Properties, PartialEq)]
pub struct SearchFacetsProps {
    pub lang: Lang,
    pub corpus: CorpusHandle,
    pub facets: Facets,
    /// A click on an option.
    pub on_toggle: Callback<FilterValue>,
    pub on_clear: Callback<()>,
}

#[component]
pub fn SearchFacets(props: &SearchFacetsProps) -> Html {
    let strings = props.lang.strings();
    let search_strings = props.lang.search_strings();
    let english = props.lang == Lang::En;
    let corpus = &props.corpus;
    let facets = &props.facets;
    let any_selected = facets.selected_count() > 0;

    // Regions: the gazetteer is long, so only places the current results
    // touch (or that are selected) are offered.
    let regions: Vec<FacetOption> = facets
        .region
        .iter()
        .filter(|f| f.count > 0 || f.selected)
        .map(|f| {
            let name = corpus.region_name(&f.value, english);
            option(f, FilterValue::Region(f.value.clone()), name)
        })
        .collect();
    let mechanisms: Vec<FacetOption> = facets
        .mechanism
        .iter()
        .map(|f| {
            let name = corpus.mechanism_name(f.value, english);
            option(f, FilterValue::Mechanism(f.value), name)
        })
        .collect();
    let docs: Vec<FacetOption> = facets
        .doc
        .iter()
        .map(|f| option(f, FilterValue::Doc(f.value.clone()), f.label.clone()))
        .collect();
    let levels: Vec<FacetOption> = facets
        .level
        .iter()
        .map(|f| {
            let name = strings.level(f.value).to_string();
            option(f, FilterValue::Level(f.value), name)
        })
        .collect();
    let years: Vec<FacetOption> = facets
        .year
        .iter()
        .map(|f| option(f, FilterValue::Year(f.value), f.value.to_string()))
        .collect();

    let on_clear = {
        let cb = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let selected_count = facets.selected_count();
    // Open on wide screens; on a phone the filters start folded above the
    // results, so the first screen shows hits, not a wall of options.
    let open = use_state(|| !narrow_screen());
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    html! {
        <details class="search-facets" open={*open} {ontoggle}>
            <summary class="search-facets__heading">
                { search_strings.search_filters_heading }
                if selected_count > 0 {
                    <span class="search-facets__selected">{ format!(" ({selected_count})") }</span>
                }
            </summary>
            if any_selected {
                <button type="button" class="search-facets__clear" onclick={on_clear}>{ search_strings.facet_clear }</button>
            }
            <FacetGroup lang={props.lang} kind={FilterKind::Region} options={regions}
                hint={Some(AttrValue::from(search_strings.facet_region_hint))} corpus_text={true}
                on_toggle={props.on_toggle.clone()} />
            <FacetGroup lang={props.lang} kind={FilterKind::Mechanism} options={mechanisms}
                corpus_text={!english} on_toggle={props.on_toggle.clone()} />
            <FacetGroup lang={props.lang} kind={FilterKind::Doc} options={docs}
                corpus_text={true} page={Some(DOC_OPTIONS_PAGE)} on_toggle={props.on_toggle.clone()} />
            <FacetGroup lang={props.lang} kind={FilterKind::Level} options={levels}
                on_toggle={props.on_toggle.clone()} />
            <FacetGroup lang={props.lang} kind={FilterKind::Year} options={years}
                on_toggle={props.on_toggle.clone()} />
        </details>
    }
}

/// True on a phone-sized viewport (the stylesheet's one-column layout).
fn narrow_screen() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 960.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// One option of a facet, ready to show.
#[derive(Debug, Clone, PartialEq)]
struct FacetOption {
    value: FilterValue,
    /// The value as the URL writes it: the option's key and `data-value`.
    param: String,
    name: String,
    count: usize,
    selected: bool,
}

fn option<V>(facet: &FacetCount<V>, value: FilterValue, name: String) -> FacetOption {
    FacetOption {
        param: value.to_param(),
        value,
        name,
        count: facet.count,
        selected: facet.selected,
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    lang: Lang,
    kind: FilterKind,
    options: Vec<FacetOption>,
    #[prop_or_default]
    hint: Option<AttrValue>,
    /// The names are corpus text (Chinese), marked with `lang`.
    #[prop_or_default]
    corpus_text: bool,
    /// Options shown before "show all" (selected ones always are); `None`:
    /// every option.
    #[prop_or_default]
    page: Option<usize>,
    on_toggle: Callback<FilterValue>,
}

#[component]
fn FacetGroup(props: &FacetGroupProps) -> Html {
    let search_strings = props.lang.search_strings();
    let kind = props.kind;
    let hint_id = format!("facet-hint-{}", kind.param());
    let show_all = use_state_eq(|| false);
    let shown = |(i, facet): &(usize, &FacetOption)| match props.page {
        Some(page) if !*show_all => *i < page || facet.selected,
        _ => true,
    };
    let hidden = props
        .options
        .iter()
        .enumerate()
        .filter(|option| !shown(option))
        .count();
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    html! {
        <fieldset class="facet" data-facet={kind.param()}>
            <legend class="facet__legend">{ search_strings.filter_name(kind) }</legend>
            if let Some(hint) = &props.hint {
                <p id={hint_id.clone()} class="facet__hint">{ hint.clone() }</p>
            }
            <ul class="facet__options">
                { for props.options.iter().enumerate().filter(shown).map(|(_, facet)| {
                    let onclick = {
                        let cb = props.on_toggle.clone();
                        let value = facet.value.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(value.clone()))
                    };
                    html! {
                        <li key={facet.param.clone()}>
                            <button type="button"
                                class={classes!("facet-option", (facet.count == 0).then_some("facet-option--empty"))}
                                data-value={facet.param.clone()}
                                aria-pressed={if facet.selected { "true" } else { "false" }}
                                aria-describedby={props.hint.is_some().then(|| hint_id.clone())}
                                {onclick}>
                                <span class="facet-option__name" lang={props.corpus_text.then_some(CORPUS_LANG)}>{ facet.name.clone() }</span>
                                <span class="facet-count">{ facet.count }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 {
                <button type="button" class="facet__more" data-facet-more={kind.param()} onclick={on_show_all}>
                    { fill(search_strings.facet_show_all, &[("count", &props.options.len().to_string())]) }
                </button>
            }
        </fieldset>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[derive(Properties, PartialEq)]
    struct Harness {
        facets: Facets,
    }

    #[component]
    fn FacetsHarness(props: &Harness) -> Html {
        let corpus = CorpusHandle::new(crate::test_fixtures::fixture_corpus());
        html! {
            <SearchFacets lang={Lang::En} {corpus} facets={props.facets.clone()}
                on_toggle={Callback::noop()} on_clear={Callback::noop()} />
        }
    }

    #[test]
    fn a_long_document_facet_shows_one_page_and_every_selected_option() {
        let docs = DOC_OPTIONS_PAGE + 10;
        let facets = Facets {
            doc: (0..docs)
                .map(|n| FacetCount {
                    value: format!("mine-{n}"),
                    label: format!("文件{n}"),
                    count: n,
                    // One selected option beyond the first page.
                    selected: n == docs - 1,
                })
                .collect(),
            ..Facets::default()
        };
        let renderer = yew::ServerRenderer::<FacetsHarness>::with_props(move || Harness { facets })
            .hydratable(false);
        let html = futures::executor::block_on(renderer.render());
        assert_eq!(
            html.matches("data-value=\"mine-").count(),
            DOC_OPTIONS_PAGE + 1,
            "{html}"
        );
        assert!(html.contains(&format!("data-value=\"mine-{}\"", docs - 1)));
        assert!(!html.contains(&format!("data-value=\"mine-{}\"", docs - 2)));
        assert!(html.contains("data-facet-more=\"doc\""), "{html}");
        assert!(html.contains(&format!("Show all {docs}")), "{html}");
    }
}
