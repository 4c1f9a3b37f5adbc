//! Applying automatic corrections ([`Fix`], defined beside [`Finding`](super::Finding)
//! so the checks that offer fixes need not import this file, which imports
//! them). A fix names a place and an action; applying it
//! recomputes the correction on the text as it is now, so a fix stays
//! valid after other edits elsewhere, and applying it twice changes nothing.

use super::slots::{role_at, text_at_mut};
use super::text::apply_edits;
use super::{dates, frame, numbering, official, places, punctuation, years};
use super::{Fix, FixAction};
use crate::draft::Draft;
use crate::i18n::{tr, Key};

/// Why a fix could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixError {
    /// The place the fix points at is gone (a paragraph was deleted, a
    /// section removed) since the check ran.
    Gone,
}

impl std::fmt::Display for FixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixError::Gone => f.write_str(tr(Key::FixGone)),
        }
    }
}

impl std::error::Error for FixError {}

/// Applies `fix` to `draft`. Only the text at the fix's location changes;
/// when there is nothing left to correct, nothing changes.
pub fn apply_fix(draft: &mut Draft, fix: &Fix) -> Result<(), FixError> {
    let role = role_at(draft, &fix.location);
    let create = matches!(fix.action, FixAction::SetClosing { .. });
    let text = text_at_mut(draft, &fix.location, create).ok_or(FixError::Gone)?;
    let fixed = match &fix.action {
        FixAction::FullWidthPunctuation => {
            punctuation::fix_text(text, punctuation::Scope::of(&fix.location, role, text))
        }
        FixAction::RemoveTypedNumber => match numbering::typed_number(text, role) {
            Some(n) => text[n.range.end..].to_string(),
            None => return Ok(()),
        },
        FixAction::ReplaceYear { from, to } => {
            apply_edits(text, &years::replace_year(text, *from, *to))
        }
        FixAction::PlanYear { report_year } => {
            let edits: Vec<_> = years::plan_year_slips(text, *report_year)
                .into_iter()
                .map(|range| super::text::Edit {
                    range,
                    replacement: (report_year + 1).to_string(),
                })
                .collect();
            apply_edits(text, &edits)
        }
        FixAction::NormalizeDates => apply_edits(text, &dates::date_slips(text)),
        FixAction::AddresseeColon => frame::with_colon(text),
        FixAction::SetClosing { text: formula } => formula.clone(),
        FixAction::TrimTitlePunctuation => frame::trim_title(text),
        FixAction::FinalFullStop => official::with_full_stop(text),
        FixAction::ReplacePlace { from, to } => places::replace_place(text, from, to),
        FixAction::ReportYear { report_year } => {
            let edits: Vec<_> = years::report_year_slips(text, *report_year)
                .into_iter()
                .map(|range| super::text::Edit {
                    range,
                    replacement: report_year.to_string(),
                })
                .collect();
            apply_edits(text, &edits)
        }
    };
    *text = fixed;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::location::{Location, Within};
    use crate::sample::seed_draft;

    #[test]
    fn a_fix_at_a_place_that_is_gone_is_an_error() {
        let mut d = seed_draft("s", 0);
        let fix = Fix {
            location: Location::section("shortcomings", "intro", Within::Paragraph(5)),
            action: FixAction::FullWidthPunctuation,
        };
        let before = d.clone();
        assert_eq!(apply_fix(&mut d, &fix), Err(FixError::Gone));
        assert_eq!(d, before);
        assert_eq!(
            FixError::Gone.to_string(),
            "要修改的内容已经不在原处，请重新检查后再修改"
        );
    }

    #[test]
    fn applying_a_fix_twice_changes_nothing_more() {
        let mut d = seed_draft("s", 0);
        let fix = Fix {
            location: Location::section("shortcomings", "intro", Within::Paragraph(0)),
            action: FixAction::FullWidthPunctuation,
        };
        assert_eq!(apply_fix(&mut d, &fix), Ok(()));
        let once = d.clone();
        assert_eq!(apply_fix(&mut d, &fix), Ok(()));
        assert_eq!(d, once);
    }

    #[test]
    fn labels_say_what_the_fix_does() {
        let fix = |action| Fix {
            location: Location::frame("title"),
            action,
        };
        assert_eq!(
            fix(FixAction::PlanYear { report_year: 2023 }).label(),
            "改为2024年"
        );
        assert_eq!(
            fix(FixAction::SetClosing {
                text: "特此报告。".into()
            })
            .label(),
            "写上“特此报告。”"
        );
        assert_eq!(
            fix(FixAction::ReplaceYear {
                from: 2022,
                to: 2023
            })
            .label(),
            "改为2023年"
        );
    }
}
