//! The wizard's steps: 基本信息, then each section in the draft's order,
//! then 核对与导出 — each with what the checks found in it.

use crate::check::{carried, summary_by_step, Counts, Finding};
use crate::draft::{Draft, FieldValue};
use crate::template::Template;

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
    /// What the checks found in this step (errors are missing required
    /// content).
    pub findings: Counts,
    /// Characters written in the step.
    pub chars: usize,
    /// Paragraphs carried over from an example or last year, not yet edited.
    pub carried: usize,
}

impl Step {
    /// Enabled, something written, no required content missing.
    pub fn is_complete(&self) -> bool {
        self.enabled && self.findings.errors == 0 && (self.chars > 0 || !self.required)
    }
}

/// The steps of `draft`, in order, with the counts of `findings` (the
/// output of [`crate::check::run`] on the same draft).
pub fn steps(template: &Template, draft: &Draft, findings: &[Finding]) -> Vec<Step> {
    let summary = summary_by_step(findings);
    let carried = carried(draft);
    let carried_in = |section: Option<&str>| {
        carried
            .iter()
            .filter(|c| c.location.field.section_id() == section)
            .count()
    };
    let mut out = Vec::with_capacity(draft.sections.len() + 2);
    out.push(Step {
        id: STEP_BASIC.into(),
        title: "基本信息".into(),
        required: true,
        enabled: true,
        findings: summary.step(None),
        chars: draft.meta.values().map(FieldValue::char_count).sum(),
        carried: carried_in(None),
    });
    for section in &draft.sections {
        let spec = template.section(&section.id);
        out.push(Step {
            id: section.id.clone(),
            title: spec
                .map(|s| s.short.clone())
                .unwrap_or_else(|| section.heading.clone()),
            required: spec.is_some_and(|s| s.required),
            enabled: section.enabled,
            findings: summary.step(Some(&section.id)),
            chars: section.fields.values().map(FieldValue::char_count).sum(),
            carried: carried_in(Some(&section.id)),
        });
    }
    out.push(Step {
        id: STEP_REVIEW.into(),
        title: "核对与导出".into(),
        required: false,
        enabled: true,
        findings: summary.total(),
        chars: 0,
        carried: carried.len(),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    fn steps_of(d: &Draft) -> Vec<Step> {
        steps(annual_report(), d, &check::run(annual_report(), d))
    }

    #[test]
    fn new_draft_steps_follow_the_template_and_show_what_is_missing() {
        let d = Draft::new(annual_report(), "d".into(), 2024, 0);
        let s = steps_of(&d);
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
        assert!(
            s[0].findings.errors >= 4,
            "organ, preamble, signature, date"
        );
        assert!(s[1].findings.errors >= 1);
        assert!(!s[5].enabled && s[5].findings.total() == 0);
        assert!(!s[1].is_complete());
    }

    #[test]
    fn sample_report_steps_are_complete_in_its_own_order() {
        let d = seed_draft("s", 0);
        let s = steps_of(&d);
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
        // The sample's one slip: "不够;二是" in the shortcomings section.
        assert_eq!(s[3].findings.warnings, 1);
        assert_eq!(s[6].findings.total(), 1);
        assert_eq!(s[2].title, "第一责任人职责");
        assert!(s.iter().all(|s| s.carried == 0));
    }

    #[test]
    fn next_year_copy_counts_carried_paragraphs_per_step() {
        let d = crate::draft::duplicate_for_next_year(&seed_draft("s", 0), "n".into(), 1);
        let s = steps_of(&d);
        let carried: Vec<(&str, usize)> = s.iter().map(|s| (s.id.as_str(), s.carried)).collect();
        assert_eq!(
            carried,
            [
                ("basic", 1),
                ("measures", 8),
                ("duty", 6),
                ("shortcomings", 1),
                ("plans", 4),
                ("other", 0),
                ("review", 20)
            ]
        );
        // Carried text is a warning: no step is marked done without one.
        assert!(s[1].findings.warnings >= 1);
    }
}
