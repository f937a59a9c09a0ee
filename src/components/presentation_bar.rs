//! The presentation-mode controls (rendered only while presenting): which
//! item is shown, ←/→ stepping, the visible position "7 / 33" and the way
//! out. The DOM side (finding items, showing one) is
//! [`crate::presentation`].

use std::cell::Cell;

use yew::prelude::*;
use yew_router::prelude::use_location;

use crate::hooks::use_keydown::{is_typing_or_shortcut, use_keydown, KeyTarget};
use crate::i18n::{fill, Lang};
use crate::presentation::{self, present_key, PresentKey};

#[derive(Properties, PartialEq)]
pub struct PresentationBarProps {
    pub lang: Lang,
    pub on_exit: Callback<()>,
}

/// Index and count as seen by the key handler, which lives longer than
/// one render.
#[derive(Default)]
struct Position {
    index: Cell<usize>,
    total: Cell<usize>,
}

#[component]
pub fn PresentationBar(props: &PresentationBarProps) -> Html {
    let strings = props.lang.classroom_strings();
    // `None` until the first item is chosen for the current route.
    let index = use_state(|| None::<usize>);
    let total = use_state(|| 0usize);
    let heading = use_state(|| (String::new(), None::<String>));
    // The current item has a diff below it (a compare pair).
    let has_diff = use_state_eq(|| false);
    let position = use_mut_ref(Position::default);
    let force_update = use_force_update();
    let route_key = use_location()
        .map(|l| format!("{}{}", l.path(), l.query_str()))
        .unwrap_or_default();

    // Leave on unmount. (Entering happens after the first item is chosen,
    // below, so that "the first item on screen" is judged by the layout the
    // teacher was looking at, not the presentation one.)
    use_effect_with((), |_| presentation::leave);

    // A new route: start again from its own first item.
    {
        let index = index.clone();
        use_effect_with(route_key, move |_| index.set(None));
    }

    // Re-check when the view adds or removes elements (lazy search hits).
    use_effect_with((), move |_| {
        let observer = presentation::MainObserver::new(move || force_update.force_update());
        move || drop(observer)
    });

    // After every render: find the items, clamp, show the current one.
    {
        let index = index.clone();
        let total = total.clone();
        let heading = heading.clone();
        let position = position.clone();
        let has_diff = has_diff.clone();
        use_effect(move || {
            let slides = presentation::find_slides();
            let count = slides.len();
            let at = match *index {
                Some(i) => i.min(count.saturating_sub(1)),
                None => presentation::initial_index(&slides),
            };
            if let Some(slide) = slides.get(at) {
                if presentation::mark_current(slide) {
                    presentation::focus_slide(slide);
                }
            } else {
                presentation::clear_marks();
            }
            presentation::set_presenting(true);
            position.borrow().index.set(at);
            position.borrow().total.set(count);
            if *total != count {
                total.set(count);
            }
            if count > 0 && *index != Some(at) {
                index.set(Some(at));
            }
            has_diff.set(presentation::current_diff().is_some());
            let text = presentation::page_heading();
            if *heading != text {
                heading.set(text);
            }
        });
    }

    let go = {
        let index = index.clone();
        let position = position.clone();
        Callback::from(move |key: PresentKey| {
            let position = position.borrow();
            let count = position.total.get();
            if count == 0 {
                return;
            }
            let last = count - 1;
            let at = match key {
                PresentKey::Step(delta) => {
                    position.index.get().saturating_add_signed(delta).min(last)
                }
                PresentKey::First => 0,
                PresentKey::Last => last,
                PresentKey::Diff => {
                    presentation::show_diff();
                    return;
                }
                PresentKey::Toggle | PresentKey::Leave => return,
            };
            index.set(Some(at));
        })
    };

    // ←/→, PageUp/PageDown, Home/End (P and Esc are the classroom
    // layer's). On the document, so that the compare view's own ←/→ (on
    // the window) sees these as handled.
    {
        let go = go.clone();
        use_keydown(
            KeyTarget::Document,
            Callback::from(move |event: web_sys::KeyboardEvent| {
                if is_typing_or_shortcut(&event) {
                    return;
                }
                if let Some(
                    key @ (PresentKey::Step(_)
                    | PresentKey::First
                    | PresentKey::Last
                    | PresentKey::Diff),
                ) = present_key(&event.key(), true)
                {
                    event.prevent_default();
                    go.emit(key);
                }
            }),
        );
    }

    let count = *total;
    let shown = if count == 0 {
        0
    } else {
        index.unwrap_or(0).min(count - 1) + 1
    };
    let (visible, spoken) = if count == 0 {
        ("1 / 1".to_string(), strings.present_nothing.to_string())
    } else {
        (
            format!("{shown} / {count}"),
            fill(
                strings.present_position_label,
                &[("n", &shown.to_string()), ("total", &count.to_string())],
            ),
        )
    };
    let on_prev = go.reform(|_: MouseEvent| PresentKey::Step(-1));
    let on_next = go.reform(|_: MouseEvent| PresentKey::Step(1));
    let on_exit = props.on_exit.reform(|_: MouseEvent| ());
    let on_diff = go.reform(|_: MouseEvent| PresentKey::Diff);
    html! {
        <div class="presentation-bar" id="presentation-bar" role="region" aria-label={strings.present_bar_label}>
            // The context and the key hint share the left column, so the bar
            // stays one row of buttons high.
            <div class="presentation-bar__about">
                // While one item shows, the page's own h1 is hidden: the bar's
                // copy of it is the visible page heading then.
                if count > 0 {
                    <h1 class="presentation-bar__context" lang={heading.1.clone()}>{ heading.0.clone() }</h1>
                } else {
                    <p class="presentation-bar__context" lang={heading.1.clone()}>{ heading.0.clone() }</p>
                }
                <p class="presentation-bar__hint" aria-hidden="true">{ strings.present_hint }</p>
            </div>
            <div class="presentation-bar__controls">
                <button type="button" class="presentation-bar__button" id="presentation-prev"
                    onclick={on_prev} disabled={count == 0 || shown <= 1}>
                    <span aria-hidden="true">{ "← " }</span>{ strings.present_prev }
                </button>
                <p class="presentation-bar__position" id="presentation-position"
                    aria-live="polite" data-index={shown.to_string()} data-total={count.to_string()}>
                    <span aria-hidden="true">{ visible }</span>
                    <span class="visually-hidden">{ spoken }</span>
                </p>
                <button type="button" class="presentation-bar__button" id="presentation-next"
                    onclick={on_next} disabled={count == 0 || shown >= count}>
                    { strings.present_next }<span aria-hidden="true">{ " →" }</span>
                </button>
                if *has_diff {
                    <button type="button" class="presentation-bar__button" id="presentation-diff"
                        onclick={on_diff} aria-keyshortcuts="d">
                        { strings.present_diff }<span class="presentation-bar__key" aria-hidden="true">{ " D" }</span>
                    </button>
                }
                <button type="button" class="presentation-bar__button presentation-bar__exit"
                    id="presentation-exit" onclick={on_exit}>
                    { strings.present_exit }<span class="presentation-bar__key" aria-hidden="true">{ " Esc" }</span>
                </button>
            </div>
        </div>
    }
}
