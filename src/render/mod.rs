//! Renderers that turn a composed document into text formats.

pub mod markdown;
pub mod text;
