//! Checks: template + draft → findings, each pointing at the field (and the
//! paragraph inside it) that needs attention, some with an automatic fix.
//!
//! The wizard marks the steps that have findings ([`summary_by_step`]) and the
//! 核对与导出 step lists them all before printing. Findings come in document
//! order: the frame first, then the sections in the draft's order.
//!
//! What is checked (see `docs/annual-report.md`):
//! required content ([`Check::Required`]), half-width punctuation in Chinese
//! text, hand-typed numbers and broken 一是…二是… sequences, years out of
//! step, the signing date and dates typed in the body, the addressee, the
//! closing and the title's final punctuation, and, gently, generic text
//! without figures, plans copied from the measures and very long paragraphs;
//! in the 报送版, its frame (签发人, 发文字号, 印发日期, 抄送, 附件说明).
//! text that is not this report's: paragraphs carried over unedited from an
//! example or last year's report, examples' placeholders, other places'
//! names, and other years in sentences about the report year.

mod carried;
mod dates;
mod fix;
mod frame;
mod generic;
mod location;
mod numbering;
mod official;
mod places;
mod punctuation;
mod required;
mod slots;
mod summary;
mod text;
mod years;

#[cfg(test)]
mod tests;

pub use carried::{carried, describe as describe_carried, CarriedParagraph};
pub use fix::{apply_fix, FixError};
pub use location::{Location, Within};
pub use slots::text_at;
pub use summary::{summary_by_step, Counts, StepSummary};

use crate::draft::Draft;
use crate::i18n::{fill, tr, Key};
use crate::template::Template;

/// What a fix does to the text at its location.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FixAction {
    /// Replace half-width punctuation and ASCII quotes by full-width ones.
    FullWidthPunctuation,
    /// Remove the number typed before a heading or point.
    RemoveTypedNumber,
    /// Turn every "`from`年" into "`to`年".
    ReplaceYear { from: i32, to: i32 },
    /// Turn the report year opening a sentence of plans into the next year.
    PlanYear { report_year: i32 },
    /// Rewrite dates as 2023年12月8日.
    NormalizeDates,
    /// End the addressee with "：".
    AddresseeColon,
    /// Set the closing to the template's formula ("特此报告。").
    SetClosing { text: String },
    /// Remove the punctuation at the end of the title (or of an
    /// attachment's name).
    TrimTitlePunctuation,
    /// End the 抄送 with “。”.
    FinalFullStop,
    /// Turn the place `from` into the organ's place `to`.
    ReplacePlace { from: String, to: String },
    /// Turn other years in sentences about the report year into it.
    ReportYear { report_year: i32 },
}

/// An automatic correction the interface can offer next to a finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    pub location: Location,
    pub action: FixAction,
}

impl Fix {
    /// The button label, in the interface's language.
    pub fn label(&self) -> String {
        match &self.action {
            FixAction::FullWidthPunctuation => tr(Key::FixFullWidth).to_string(),
            FixAction::RemoveTypedNumber => tr(Key::FixRemoveNumber).to_string(),
            FixAction::ReplaceYear { to, .. } => fill(Key::FixYear, &[to]),
            FixAction::PlanYear { report_year } => fill(Key::FixYear, &[&(report_year + 1)]),
            FixAction::NormalizeDates => tr(Key::FixDates).to_string(),
            FixAction::AddresseeColon => fill(Key::FixEndWith, &[&'：']),
            FixAction::SetClosing { text } => fill(Key::FixWrite, &[text]),
            FixAction::TrimTitlePunctuation => tr(Key::FixTrimMark).to_string(),
            FixAction::FinalFullStop => fill(Key::FixEndWith, &[&'。']),
            FixAction::ReplacePlace { from, to } => fill(Key::FixPlace, &[from, to]),
            FixAction::ReportYear { report_year } => fill(Key::FixYear, &[report_year]),
        }
    }
}

/// How serious a finding is. Ordered from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Required content is missing: the report is incomplete.
    Error,
    /// A likely slip the writer should look at.
    Warning,
    /// A suggestion; the report is fine without it.
    Info,
}

/// Which check produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// A required frame field, section, section heading or field is empty.
    Required,
    /// Half-width punctuation or ASCII quotes inside Chinese text.
    Punctuation,
    /// A heading or point starts with a number the layout adds by itself.
    TypedNumber,
    /// Inline 一是…二是… numbering that skips or repeats.
    NumberSequence,
    /// A year in the title, a heading or the plans out of step with the report year.
    Year,
    /// The signing date is far from the end of the report year.
    SigningDate,
    /// A date typed in the text with leading zeros or in ISO form.
    DateFormat,
    /// The addressee does not end with "：".
    Addressee,
    /// An upward report without "特此报告。".
    Closing,
    /// The title ends with punctuation.
    TitlePunctuation,
    /// A measures or duty section without a single figure.
    NoFigures,
    /// A plan that repeats a measures paragraph word for word.
    RepeatedPlan,
    /// A paragraph longer than [`LONG_PARAGRAPH`] characters.
    LongParagraph,
    /// A 报送版 without its 签发人.
    Signer,
    /// A 发文字号 not written 代字〔年份〕序号号.
    DocNumber,
    /// A 印发日期 before the 成文日期.
    PrintDate,
    /// A 抄送 without its final “。”.
    CopyTo,
    /// An attachment's name ending with punctuation.
    AttachmentPunctuation,
    /// Paragraphs from an example or last year's report not edited yet.
    CarriedOver,
    /// An example's placeholder (“××镇”, “×次”) left in the text.
    Placeholder,
    /// A place name that is not the organ's (the sample's town, last
    /// year's name after a rename).
    ForeignPlace,
}

/// Paragraphs longer than this many characters (whitespace not counted) get
/// a suggestion to split them.
pub const LONG_PARAGRAPH: usize = 1000;

/// One thing to look at before printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub check: Check,
    /// Where the writer should look.
    pub location: Location,
    /// What is wrong and what to do, in the interface's language (the
    /// report's own words quoted in it stay as written).
    pub message: String,
    /// An automatic correction the interface can offer.
    pub fix: Option<Fix>,
}

/// Runs every check on `draft`. Disabled sections are not checked (they do
/// not print), except that a required section must be present and enabled.
pub fn run(template: &Template, draft: &Draft) -> Vec<Finding> {
    let slots = slots::collect(draft);
    let mut out = Vec::new();
    required::check(template, draft, &mut out);
    punctuation::check(&slots, &mut out);
    numbering::check(&slots, &mut out);
    years::check(template, draft, &slots, &mut out);
    dates::check(draft, &slots, &mut out);
    frame::check(template, draft, &slots, &mut out);
    official::check(draft, &mut out);
    generic::check(template, draft, &slots, &mut out);
    places::check(draft, &slots, &mut out);
    carried::check(draft, &slots, &mut out);
    location::sort_findings(template, draft, &mut out);
    out
}
