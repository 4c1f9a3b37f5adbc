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
pub use findings::{finding_list, severity_label};
pub use line::LineInput;
