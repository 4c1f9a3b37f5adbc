//! baogao (报告): guided writing of official reports, laid out to GB/T 9704.
//!
//! The core (templates, drafts, documents, layout, renderers) is pure Rust
//! and tested natively; the Yew user interface in [`ui`] is built for the
//! browser only.

pub mod autosave;
pub mod backup;
pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod deploy;
pub mod deployed;
pub mod document;
pub mod docx;
pub mod draft;
pub mod import;
pub mod layout;
pub mod order;
pub mod render;
pub mod sample;
pub mod store;
pub mod template;
pub mod tools;
pub mod wizard;

#[cfg(target_arch = "wasm32")]
pub mod ui;
