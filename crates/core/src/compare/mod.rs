//! Comparing documents: which units correspond ([`align`]) and what changed
//! inside a pair ([`diff`]).

pub mod align;
pub mod align_job;
pub mod align_methods;
pub mod diff;
pub mod reword;
pub mod text_diff;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
