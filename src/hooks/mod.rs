//! The app's own hooks, one per file: state that outlives a render, effects
//! on the browser, and values shared through context.

pub mod use_compare_stepper;
pub mod use_comparison;
pub mod use_keydown;
pub mod use_latest;
pub mod use_persisted_copy;
pub mod use_persisted_tours;
pub mod use_reader_text_options;
pub mod use_search_engine;
pub mod use_user_library;
