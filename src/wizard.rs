//! The wizard's steps: 基本信息, then each section in the draft's order,
//! then 核对与导出 — with what each step still lacks.

use crate::draft::{Draft, FieldValue};
use crate::template::{FieldKind, Template};

/// The first step (the report's frame) and the last (review and export).
pub const STEP_BASIC: &str = "basic";
pub const STEP_REVIEW: &str = "review";

/// One step of the wizard as the step list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// [`STEP_BASIC`], a section id, or [`STEP_REVIEW`].
    pub id: String,
    pub title: String,
    /// Whether the step holds required content.
    pub required: bool,
    /// Whether the section is part of the report (always true for the
    /// first and last steps).
    pub enabled: bool,
    /// Required fields still blank.
    pub missing: usize,
    /// Characters written in the step.
    pub chars: usize,
}

impl Step {
    pub fn is_complete(&self) -> bool {
        self.enabled && self.missing == 0 && (self.chars > 0 || !self.required)
    }
}

/// The steps of `draft`, in order.
pub fn steps(template: &Template, draft: &Draft) -> Vec<Step> {
    let blank = |v: Option<&FieldValue>| v.is_none_or(FieldValue::is_blank);
    let mut out = Vec::with_capacity(draft.sections.len() + 2);
    let meta_missing = template
        .meta
        .iter()
        .filter(|f| f.required && f.kind != FieldKind::Year && blank(draft.meta(&f.id)))
        .count();
    out.push(Step {
        id: STEP_BASIC.into(),
        title: "基本信息".into(),
        required: true,
        enabled: true,
        missing: meta_missing,
        chars: draft.meta.values().map(FieldValue::char_count).sum(),
    });
    for section in &draft.sections {
        let spec = template.section(&section.id);
        let missing = spec
            .map(|s| {
                s.fields
                    .iter()
                    .filter(|f| f.required && blank(section.fields.get(&f.id)))
                    .count()
            })
            .unwrap_or(0);
        out.push(Step {
            id: section.id.clone(),
            title: spec
                .map(|s| s.short.clone())
                .unwrap_or_else(|| section.heading.clone()),
            required: spec.is_some_and(|s| s.required),
            enabled: section.enabled,
            missing: if section.enabled { missing } else { 0 },
            chars: section.fields.values().map(FieldValue::char_count).sum(),
        });
    }
    out.push(Step {
        id: STEP_REVIEW.into(),
        title: "核对与导出".into(),
        required: false,
        enabled: true,
        missing: 0,
        chars: 0,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    #[test]
    fn new_draft_steps_follow_the_template_and_show_what_is_missing() {
        let d = Draft::new(annual_report(), "d".into(), 2024, 0);
        let s = steps(annual_report(), &d);
        let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "basic",
                "measures",
                "shortcomings",
                "duty",
                "plans",
                "other",
                "review"
            ]
        );
        // organ, preamble, signature, date (title has its default).
        assert_eq!(s[0].missing, 4);
        assert_eq!(s[1].missing, 1);
        assert!(!s[5].enabled && s[5].missing == 0);
        assert!(!s[1].is_complete());
    }

    #[test]
    fn sample_report_steps_are_complete_in_its_own_order() {
        let d = seed_draft("s", 0);
        let s = steps(annual_report(), &d);
        let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "basic",
                "measures",
                "duty",
                "shortcomings",
                "plans",
                "other",
                "review"
            ]
        );
        assert!(s
            .iter()
            .filter(|s| s.enabled && s.id != STEP_REVIEW)
            .all(Step::is_complete));
        assert_eq!(s[0].title, "基本信息");
        assert_eq!(s[2].title, "第一责任人职责");
    }
}
