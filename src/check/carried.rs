//! Carried-over paragraphs (see [`crate::draft::Origin`]): text from an
//! example or last year's report that the writer has not edited yet. Each
//! step with such paragraphs gets one finding that counts them and points
//! at the first; the step list, 核对 and the preview use [`carried`].

use super::location::Location;
use super::slots::{Role, Slot};
use super::{Check, Finding, Severity};
use crate::draft::{Draft, Origin};

/// One carried-over paragraph of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedParagraph {
    pub location: Location,
    pub origin: Origin,
}

/// Whether a slot is one of the body's paragraphs that can be carried over.
fn is_unit(slot: &Slot) -> bool {
    matches!(
        slot.role,
        Role::Paragraph | Role::PointStart | Role::SubsectionHeading
    )
}

fn from_slots(draft: &Draft, slots: &[Slot]) -> Vec<CarriedParagraph> {
    if draft.carried.is_empty() {
        return Vec::new();
    }
    slots
        .iter()
        .filter(|s| is_unit(s))
        .filter_map(|s| {
            draft.carried_origin(s.text).map(|origin| CarriedParagraph {
                location: s.location.clone(),
                origin,
            })
        })
        .collect()
}

/// Every carried-over paragraph of the frame and the enabled sections, in
/// the order of the draft.
pub fn carried(draft: &Draft) -> Vec<CarriedParagraph> {
    from_slots(draft, &super::slots::collect(draft))
}

/// How the writer is told about `paragraphs`: "12段沿用去年内容，尚未修改",
/// with the examples' count after it when there are both kinds.
pub fn describe(paragraphs: &[CarriedParagraph]) -> Option<String> {
    let count = |o: Origin| paragraphs.iter().filter(|p| p.origin == o).count();
    let parts: Vec<String> = [Origin::LastYear, Origin::Example]
        .into_iter()
        .map(|o| (o, count(o)))
        .filter(|&(_, n)| n > 0)
        .map(|(o, n)| o.describe(n))
        .collect();
    (!parts.is_empty()).then(|| parts.join("；"))
}

pub(crate) fn check(draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    let all = from_slots(draft, slots);
    let mut start = 0;
    while start < all.len() {
        let step = &all[start].location.field.section;
        let end = start
            + all[start..]
                .iter()
                .take_while(|p| &p.location.field.section == step)
                .count();
        let group = &all[start..end];
        if let Some(what) = describe(group) {
            out.push(Finding {
                severity: Severity::Warning,
                check: Check::CarriedOver,
                location: group[0].location.clone(),
                message: format!("本部分{what}：请按今年的实际情况逐段改写"),
                fix: None,
            });
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{apply, duplicate_for_next_year, Action, FieldRef};
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    #[test]
    fn a_next_year_copy_counts_every_paragraph_until_edited() {
        let last = seed_draft("s", 0);
        let mut d = duplicate_for_next_year(&last, "n".into(), 1);
        let all = carried(&d);
        // Preamble, 7 subsection headings and their 7 paragraphs, the
        // shortcomings intro, the plans intro and 3 points.
        assert_eq!(all.len(), 1 + 7 + 7 + 1 + 1 + 3);
        assert!(all.iter().all(|p| p.origin == Origin::LastYear));
        assert_eq!(
            describe(&all).as_deref(),
            Some("20段沿用去年内容，尚未修改")
        );
        let field = FieldRef::meta("preamble");
        let edited =
            "2024年，青山镇法治政府建设工作稳步推进。现将2024年度法治政府建设情况报告如下：";
        assert!(apply(
            annual_report(),
            &mut d,
            &Action::SetText {
                field,
                text: edited.into()
            },
            2
        ));
        assert_eq!(carried(&d).len(), 19);
        let findings = crate::check::run(annual_report(), &d);
        let ours: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.check == Check::CarriedOver)
            .collect();
        assert_eq!(ours.len(), 4, "one per section step, none for the frame");
        assert_eq!(
            ours[0].message,
            "本部分8段沿用去年内容，尚未修改：请按今年的实际情况逐段改写"
        );
        assert!(ours.iter().all(|f| f.location.field.section.is_some()));
    }
}
