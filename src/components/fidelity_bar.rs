//! A small bar per aligned pair: how much of the central clause's content
//! the local clause carries over verbatim, rewritten or not at all, with the
//! local clause's new share in words beside it (`docs/diffusion.md`). An
//! inline SVG with its own fills, so it shows offline, without the
//! stylesheet and on paper; the figures are always also in words.

use policy_core::diffusion::fidelity::PairFidelity;
use yew::prelude::*;

use crate::i18n::{fill, Lang};

/// Fills of the figures, the same in every chart (colours pair with words).
pub const VERBATIM_FILL: &str = "#1f6f5c";
pub const REWRITTEN_FILL: &str = "#6fb3a3";
pub const NOT_CARRIED_FILL: &str = "#e4ddd0";
pub const UNCERTAIN_FILL: &str = "#b9b9c2";
pub const NO_COUNTERPART_FILL: &str = "#a23b2a";
pub const LOCAL_NEW_FILL: &str = "#d08a1e";

/// A share as a whole percentage (`0.153` → `15%`).
pub fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Consecutive `(x, width)` of stacked shares on a bar `width` wide.
pub fn stack(shares: &[f64], width: f64) -> Vec<(f64, f64)> {
    let mut x = 0.0;
    shares
        .iter()
        .map(|s| {
            let w = (s.max(0.0) * width).min(width - x).max(0.0);
            let seg = (x, w);
            x += w;
            seg
        })
        .collect()
}

/// The words of a pair's figures (the bar's label).
pub fn pair_label(lang: Lang, f: &PairFidelity) -> String {
    fill(
        lang.diffusion_strings().pair_bar_label,
        &[
            ("verbatim", &pct(f.verbatim_share())),
            ("rewritten", &pct(f.rewritten_share())),
            ("not_carried", &pct(f.not_carried_share())),
            ("new", &pct(f.new_share())),
        ],
    )
}

#[derive(Properties, PartialEq)]
pub struct FidelityBarProps {
    pub lang: Lang,
    pub fidelity: PairFidelity,
}

#[component]
pub fn FidelityBar(props: &FidelityBarProps) -> Html {
    let f = &props.fidelity;
    let strings = props.lang.diffusion_strings();
    let label = pair_label(props.lang, f);
    let shares = [
        f.verbatim_share(),
        f.rewritten_share(),
        f.not_carried_share(),
    ];
    let fills = [VERBATIM_FILL, REWRITTEN_FILL, NOT_CARRIED_FILL];
    let segments = stack(&shares, 80.0);
    html! {
        <span class="fidelity-bar" data-testid="fidelity-bar"
            data-verbatim={format!("{:.3}", f.verbatim_share())}
            data-rewritten={format!("{:.3}", f.rewritten_share())}
            data-new={format!("{:.3}", f.new_share())}>
            <svg class="fidelity-bar__svg" width="80" height="8" viewBox="0 0 80 8" role="img" aria-label={label.clone()}>
                <title>{ label }</title>
                <rect x="0" y="0" width="80" height="8" fill={NOT_CARRIED_FILL} />
                { for segments.iter().zip(fills).map(|((x, w), fill)| html! {
                    <rect x={format!("{x:.2}")} y="0" width={format!("{w:.2}")} height="8" {fill} />
                }) }
            </svg>
            <span class="fidelity-bar__text" aria-hidden="true">
                { format!("{} {} · {} {} · {} {}", strings.verbatim, pct(f.verbatim_share()),
                    strings.rewritten, pct(f.rewritten_share()), strings.local_new, pct(f.new_share())) }
            </span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_segments_never_run_past_the_bar() {
        let s = stack(&[0.6, 0.6, 0.2], 80.0);
        assert_eq!(s[0], (0.0, 48.0));
        assert_eq!(s[1], (48.0, 32.0));
        assert_eq!(s[2], (80.0, 0.0));
        assert_eq!(pct(0.153), "15%");
    }
}
