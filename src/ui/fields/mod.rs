//! Inputs for each kind of template field.

mod date;
mod doc_number;
mod editor;
mod findings;
mod line;
mod moved;
mod points;
mod subsections;
mod text_area;
mod year;

pub use doc_number::DocNumberInput;
pub use editor::FieldEditor;

/// The `id` of a field's input, for its `<label for>`: `f-meta.title`.
pub fn input_id(field_key: &str) -> String {
    format!("f-{field_key}")
}
pub use findings::{finding_list, severity_label};
pub use line::LineInput;
