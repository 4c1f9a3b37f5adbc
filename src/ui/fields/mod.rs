//! Inputs for each kind of template field.

mod date;
mod editor;
mod line;
mod points;
mod subsections;
mod text_area;
mod year;

pub use editor::FieldEditor;
pub use line::LineInput;
