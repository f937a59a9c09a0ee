//! Which text the compare view aligns and diffs for units that have a
//! restored reading: the reading (the default, so the rewording tool's
//! swaps are not shown as differences) or the witness text. Says which,
//! and offers the switch; shown only when restored units take part.

use policy_core::restoration::TextChoice;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{fill, Lang};
use crate::url::compare::CompareOptions;

#[derive(Properties, PartialEq)]
pub struct CompareTextChoiceProps {
    pub options: CompareOptions,
    pub lang: Lang,
    pub on_change: Callback<CompareOptions>,
    /// Units of the two documents that have a restored reading.
    pub restored: usize,
}

#[component]
pub fn CompareTextChoice(props: &CompareTextChoiceProps) -> Html {
    if props.restored == 0 {
        return html! {};
    }
    let strings = props.lang.restoration_strings();
    let options = props.options;
    let witness = options.text == TextChoice::Witness;
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = options;
            next.text = if e.target_unchecked_into::<HtmlInputElement>().checked() {
                TextChoice::Witness
            } else {
                TextChoice::Reading
            };
            on_change.emit(next);
        })
    };
    let note = if witness {
        strings.compare_note_witness
    } else {
        strings.compare_note_reading
    };
    html! {
        <div class="compare-text-choice" data-text={if witness { "witness" } else { "reading" }}>
            <p class="compare-text-choice__note" role="note">
                { fill(note, &[("count", &props.restored.to_string())]) }
            </p>
            <label class="compare-options__choice" for="compare-text-witness">
                <input type="checkbox" id="compare-text-witness" checked={witness} {onchange} />
                { strings.compare_witness_option }
            </label>
        </div>
    }
}
