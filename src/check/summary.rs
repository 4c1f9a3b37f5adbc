//! Finding counts per wizard step (the frame, then each section), so the
//! step list can mark the steps that need attention.

use super::{Finding, Severity};

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// All findings counted.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// The most serious severity counted, for the step's mark.
    pub fn worst(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else if self.infos > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

/// Finding counts for the frame step and for each section step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepSummary {
    /// The frame (基本信息: organ, title, addressee, preamble, closing, date).
    pub frame: Counts,
    /// By section id, in the order the findings first name them (a few
    /// sections: a list, not a map, which keeps a B-tree's code for these
    /// types out of the app's wasm).
    pub sections: Vec<(String, Counts)>,
}

impl StepSummary {
    /// The counts of one step: `None` for the frame, or a section id.
    pub fn step(&self, section: Option<&str>) -> Counts {
        match section {
            None => self.frame,
            Some(id) => self
                .sections
                .iter()
                .find(|(s, _)| s == id)
                .map(|&(_, c)| c)
                .unwrap_or_default(),
        }
    }

    /// The counts over all steps.
    pub fn total(&self) -> Counts {
        let mut all = self.frame;
        for (_, c) in &self.sections {
            all.errors += c.errors;
            all.warnings += c.warnings;
            all.infos += c.infos;
        }
        all
    }
}

/// Counts `findings` by the step they point at.
pub fn summary_by_step(findings: &[Finding]) -> StepSummary {
    let mut summary = StepSummary::default();
    for f in findings {
        match &f.location.field.section {
            None => summary.frame.add(f.severity),
            Some(id) => match summary.sections.iter_mut().find(|(s, _)| s == id) {
                Some((_, counts)) => counts.add(f.severity),
                None => {
                    let mut counts = Counts::default();
                    counts.add(f.severity);
                    summary.sections.push((id.clone(), counts));
                }
            },
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{run, Location};
    use crate::draft::Draft;
    use crate::template::annual_report;

    #[test]
    fn counts_follow_the_steps() {
        let d = Draft::new(annual_report(), "d".into(), 2023, 0);
        let summary = summary_by_step(&run(annual_report(), &d));
        // Organ, preamble, signature and date are missing in a new draft.
        assert_eq!(
            summary.step(None),
            Counts {
                errors: 4,
                warnings: 0,
                infos: 0
            }
        );
        assert_eq!(summary.step(Some("measures")).errors, 1);
        assert_eq!(
            summary.step(Some("measures")).worst(),
            Some(Severity::Error)
        );
        assert_eq!(summary.step(Some("other")), Counts::default());
        assert_eq!(summary.step(Some("other")).worst(), None);
        assert_eq!(summary.total().errors, 8);
    }

    #[test]
    fn the_worst_severity_marks_the_step() {
        let finding = |severity| Finding {
            severity,
            check: crate::check::Check::LongParagraph,
            location: Location::heading("plans"),
            message: String::new(),
            fix: None,
        };
        let summary = summary_by_step(&[finding(Severity::Info), finding(Severity::Warning)]);
        let plans = summary.step(Some("plans"));
        assert_eq!((plans.warnings, plans.infos, plans.total()), (1, 1, 2));
        assert_eq!(plans.worst(), Some(Severity::Warning));
    }
}
