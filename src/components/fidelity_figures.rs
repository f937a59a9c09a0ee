//! The clause-level figures of the focused pair in the side-by-side view:
//! the shares of the central clause carried over verbatim, rewritten and
//! not carried, the local clause's new share, what they count, and the
//! pair's changes in binding force and targets.

use policy_core::diffusion::binding::Change;
use policy_core::diffusion::fidelity::PairFidelity;
use yew::prelude::*;

use crate::components::binding_flags::BindingFlags;
use crate::components::fidelity_bar::{pct, FidelityBar};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct FidelityFiguresProps {
    pub lang: Lang,
    pub fidelity: PairFidelity,
    #[prop_or_default]
    pub changes: Vec<Change>,
}

#[component]
pub fn FidelityFigures(props: &FidelityFiguresProps) -> Html {
    let strings = props.lang.diffusion_strings();
    let f = &props.fidelity;
    let figures = [
        (strings.verbatim, f.verbatim_share()),
        (strings.rewritten, f.rewritten_share()),
        (strings.not_carried, f.not_carried_share()),
        (strings.local_new, f.new_share()),
    ];
    html! {
        <section class="fidelity-figures" data-testid="fidelity-figures">
            <h3 class="fidelity-figures__heading">{ strings.pair_figures_heading }</h3>
            <FidelityBar lang={props.lang} fidelity={*f} />
            <dl class="fidelity-figures__list">
                { for figures.iter().map(|(name, share)| html! {
                    <div class="fidelity-figures__item">
                        <dt>{ *name }</dt>
                        <dd>{ pct(*share) }</dd>
                    </div>
                }) }
            </dl>
            <p class="fidelity-figures__note">{ strings.pair_figures_note }</p>
            <BindingFlags lang={props.lang} changes={props.changes.clone()} />
        </section>
    }
}
