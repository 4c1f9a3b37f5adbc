//! Inputs for each kind of template field.

mod date;
mod editor;
mod findings;
mod line;
mod moved;
mod points;
mod subsections;
mod text_area;
mod year;

pub use editor::FieldEditor;
pub use findings::{severity_label, FindingList};
pub use line::LineInput;
