//! One view per route. Views read the shared corpus and language from
//! context, look up what the route names, and hand plain props to
//! components. Each view marks `<body data-ready="…">` once it has rendered.

pub mod compare;
pub mod compare_diffusion;
pub mod compare_model;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod compare_render_tests;
pub mod corpus_error;
pub mod library;
pub mod matrix;
pub mod my_library;
pub mod not_found;
pub mod reader;
pub mod search;
pub mod timeline;
pub mod tours;
pub mod unavailable;
pub mod witness;
