//! A draft of about 30,000 characters for timing the checks: the sample
//! report with its subsections and points repeated.

use baogao::draft::{Draft, FieldValue};
use baogao::sample::seed_draft;

/// Characters (whitespace not counted) the large draft reaches at least.
pub const LARGE: usize = 30_000;

/// The sample report grown to at least [`LARGE`] characters by repeating the
/// measures and duty subsections and the plan points.
pub fn large_draft() -> Draft {
    let mut draft = seed_draft("large", 0);
    let originals = draft.clone();
    while draft.char_count() < LARGE {
        for id in ["measures", "duty", "plans"] {
            let (Some(from), Some(to)) = (originals.section(id), draft.section_mut(id)) else {
                continue;
            };
            for (field, value) in &from.fields {
                match (value, to.fields.get_mut(field)) {
                    (FieldValue::Subsections(add), Some(FieldValue::Subsections(items))) => {
                        items.extend(add.iter().cloned())
                    }
                    (FieldValue::Points(add), Some(FieldValue::Points(points))) => {
                        points.extend(add.iter().cloned())
                    }
                    _ => {}
                }
            }
        }
    }
    draft
}
