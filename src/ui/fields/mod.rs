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

use crate::check::{Fix, Location};
use crate::document::Anchor;
use crate::draft::Action;
use yew::Callback;

/// What field editors tell the editor around them: edits as data, where
/// the writer is (focus, caret, leaving a field), and the places they ask
/// to show (a new item, a finding) or fix. The field editors know nothing
/// of saves, history or conflicts.
#[derive(Clone, PartialEq)]
pub struct FieldEvents {
    pub edit: Callback<Action>,
    /// A field or item took the focus: the block it prints as.
    pub focus: Callback<Anchor>,
    /// A field lost the focus: the next keystroke starts a new undo step.
    pub blur: Callback<()>,
    /// The caret moved: the block, and the characters after it in its
    /// paragraph.
    pub caret: Callback<(Anchor, usize)>,
    /// Show this place, the caret in it.
    pub reveal: Callback<Location>,
    /// Apply a check's correction.
    pub fix: Callback<Fix>,
}

/// The `id` of a field's input, for its `<label for>`: `f-meta.title`.
pub fn input_id(field_key: &str) -> String {
    format!("f-{field_key}")
}
pub use findings::{finding_list, severity_label};
pub use line::LineInput;
