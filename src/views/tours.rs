//! `#/tours`: the built-in walkthroughs and the teacher's own, a way to
//! start each, and a file input to load a tour file.
//!
//! A loaded file goes through `crate::tours::format::load_tour` (strict, with
//! errors a teacher can act on). A refused file changes nothing: the tours
//! already loaded, and the tour in progress, stay as they were. Every text
//! from a tour is rendered as text.

use std::cell::RefCell;
use std::rc::Rc;

use crate::tours::format::{Tour, TourError, MAX_TOUR_BYTES};
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::dom;
use crate::i18n::{fill, ClassroomStrings, Lang};
use crate::tours::{add_tour_file, built_in_tours, AddTourError, ToursContext, MAX_USER_TOURS};

/// The outcome of the last file load, shown under the file input.
#[derive(Debug, Clone, PartialEq)]
enum LoadMessage {
    Loaded {
        title_zh: String,
        title_en: Option<String>,
    },
    Failed(AddTourError),
    Unreadable,
}

#[component]
pub fn ToursView() -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let tours = use_context::<ToursContext>();
    let strings = lang.classroom_strings();
    let message = use_state(|| None::<LoadMessage>);
    // The pending read must stay alive until it completes.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);

    use_effect_with(lang, |lang| {
        dom::set_title(lang.classroom_strings().page_title_tours);
        dom::mark_ready("tours");
    });

    let Some(tours) = tours else {
        return html! {};
    };

    let on_file = {
        let message = message.clone();
        let tours = tours.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The same file may be picked again after it is fixed.
            input.set_value("");
            // Refuse a huge file before reading it into memory.
            let size = file.size();
            if size > MAX_TOUR_BYTES as f64 {
                message.set(Some(LoadMessage::Failed(AddTourError::Invalid(
                    TourError::TooLarge(size as usize),
                ))));
                return;
            }
            let message = message.clone();
            let tours = tours.clone();
            let file = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
                let outcome = match result {
                    Err(_) => LoadMessage::Unreadable,
                    Ok(bytes) => match add_tour_file(&tours.user, &bytes) {
                        Ok((next, added)) => {
                            tours.set_user.emit(next);
                            LoadMessage::Loaded {
                                title_zh: added.title.zh.clone(),
                                title_en: added.title.en.clone(),
                            }
                        }
                        Err(error) => LoadMessage::Failed(error),
                    },
                };
                message.set(Some(outcome));
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let english = lang == Lang::En;
    let built_in = built_in_tours();
    html! {
        <section id="tours-view" class="tours-view" aria-labelledby="tours-heading">
            <h1 id="tours-heading" class="page-heading">{ strings.tours_heading }</h1>
            <p class="tours-view__intro">{ strings.tours_intro }</p>

            <h2 class="tours-view__subheading">{ strings.tours_built_in_heading }</h2>
            <ul class="tour-list" id="tour-list-built-in">
                { for built_in.iter().map(|tour| tour_item(tour, lang, &tours, false)) }
            </ul>

            <h2 class="tours-view__subheading">{ strings.tours_user_heading }</h2>
            if tours.user.0.is_empty() {
                <p class="tours-view__none" id="tour-list-user-empty">{ strings.tours_user_none }</p>
            } else {
                <ul class="tour-list" id="tour-list-user">
                    { for tours.user.0.iter().map(|tour| tour_item(tour, lang, &tours, true)) }
                </ul>
            }

            <div class="tour-load">
                <h2 class="tours-view__subheading" id="tour-load-heading">{ strings.tours_load_heading }</h2>
                <label class="tour-load__label" for="tour-file">{ strings.tours_load_label }</label>
                <input type="file" id="tour-file" class="tour-load__input"
                    accept=".json,application/json" onchange={on_file}
                    aria-describedby="tour-load-help" />
                <p class="tour-load__help" id="tour-load-help">{ strings.tours_load_help }</p>
                { load_message(message.as_ref(), strings, english) }
            </div>
        </section>
    }
}

fn tour_item(tour: &Rc<Tour>, lang: Lang, tours: &ToursContext, removable: bool) -> Html {
    let strings = lang.classroom_strings();
    let english = lang == Lang::En;
    let title = tour.title.get(english).to_string();
    let on_start = {
        let tour = tour.clone();
        tours.start.reform(move |_: MouseEvent| tour.clone())
    };
    let on_remove = {
        let id = tour.id.clone();
        let tours = tours.clone();
        Callback::from(move |_: MouseEvent| tours.set_user.emit(tours.user.without(&id)))
    };
    html! {
        <li class="tour-list__item" key={tour.id.clone()} data-tour-id={tour.id.clone()}>
            <h3 class="tour-list__title">{ title.clone() }</h3>
            if let Some(description) = &tour.description {
                <p class="tour-list__description">{ description.get(english).to_string() }</p>
            }
            <p class="tour-list__meta">
                { fill(strings.tours_steps, &[("count", &tour.steps.len().to_string())]) }
            </p>
            <div class="tour-list__actions">
                <button type="button" class="button tour-list__start" onclick={on_start}
                    aria-label={fill(strings.tours_start_label, &[("title", &title)])}>
                    { strings.tours_start }
                </button>
                if removable {
                    <button type="button" class="button button--quiet tour-list__remove" onclick={on_remove}
                        aria-label={fill(strings.tours_remove_label, &[("title", &title)])}>
                        { strings.tours_remove }
                    </button>
                }
            </div>
        </li>
    }
}

fn load_message(message: Option<&LoadMessage>, strings: &ClassroomStrings, english: bool) -> Html {
    match message {
        None => html! {},
        Some(LoadMessage::Loaded { title_zh, title_en }) => {
            let title = match title_en {
                Some(en) if english && !en.trim().is_empty() => en,
                _ => title_zh,
            };
            html! {
                <p class="tour-load__status" id="tour-load-status" role="status">
                    { fill(strings.tours_loaded, &[("title", title)]) }
                </p>
            }
        }
        Some(LoadMessage::Failed(error)) => error_paragraph(strings, &error_text(strings, error)),
        Some(LoadMessage::Unreadable) => error_paragraph(strings, strings.tour_error_unreadable),
    }
}

fn error_paragraph(strings: &ClassroomStrings, detail: &str) -> Html {
    html! {
        <p class="tour-load__error" id="tour-load-error" role="alert">
            <strong>{ strings.tours_error_prefix }</strong>{ detail.to_string() }
        </p>
    }
}

/// The refusal in the interface language; field names keep the file's own
/// JSON keys in quotes so a teacher can find them.
fn error_text(strings: &ClassroomStrings, error: &AddTourError) -> String {
    match error {
        AddTourError::TooMany => fill(
            strings.tour_error_too_many,
            &[("max", &MAX_USER_TOURS.to_string())],
        ),
        AddTourError::NoRoom => strings.tour_error_no_room.to_string(),
        AddTourError::Invalid(error) => match error {
            TourError::Empty => strings.tour_error_empty.to_string(),
            TourError::TooLarge(_) => fill(
                strings.tour_error_too_large,
                &[("max", &(MAX_TOUR_BYTES / 1024).to_string())],
            ),
            TourError::NotText => strings.tour_error_not_text.to_string(),
            TourError::Syntax {
                line,
                column,
                message,
            } => fill(
                strings.tour_error_syntax,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("message", message),
                ],
            ),
            TourError::Format(_) => strings.tour_error_format.to_string(),
            TourError::Id(_) => strings.tour_error_id.to_string(),
            TourError::Field { field, problem } => fill(
                strings.tour_error_field,
                &[
                    ("field", &strings.tour_field(*field)),
                    ("problem", &strings.tour_field_problem(problem)),
                ],
            ),
        },
    }
}
