//! Importing an existing report's text into a [`Draft`].
//!
//! Clerks start from last year's report, pasted from Word/WPS or a website.
//! [`from_text`] reads its frame (organ line, title, addressee, closing,
//! signature, date), its preamble and its level-1 sections, matches each
//! section to the template by the meaning of its heading, and fills the
//! template's fields by their kinds. What it cannot place is kept, never
//! dropped, and every decision a writer should check is reported as a
//! [`Note`] in Simplified Chinese.
//!
//! # What is read how
//!
//! - Lines: any line break (\r\n, \r, \n) ends a line; indentation with
//!   spaces, full-width spaces or tabs is removed; blank lines are ignored;
//!   a byte-order mark at the very start is dropped.
//! - Head: the title is the first line (within the first 20, before any
//!   numbered or long line) that contains 报告 and does not end with
//!   sentence punctuation. The short line just above it is the organ line;
//!   all other lines above it are skipped (they are website boilerplate or
//!   a document number). Boilerplate directly below the title (发布时间：…,
//!   【字体：大 中 小】, a repeat of the title) is skipped too. A short line
//!   ending with ：right after that is the addressee.
//! - Tail, read from the end: website boilerplate (打印本页, 关闭窗口, 分享到
//!   …) is skipped; then a date line; then the signature (a short name line
//!   above the date, or below the closing); then the closing formula
//!   (特此报告。, 以上报告…, 妥否…).
//! - Body: lines before the first "一、" are the preamble; each "一、" (or
//!   "一." "一．") line starts a section. A heading runs in when text
//!   follows it on its line: the heading is everything up to and including
//!   the first 。 ； ： (or ; : or a half-width full stop that is not part of
//!   a number) outside quotation marks and brackets, the rest is its first
//!   paragraph. A heading without such punctuation, or with nothing after
//!   it, stands alone and keeps its punctuation as written. The run-on text
//!   of a level-1 heading becomes the section's first paragraph, as
//!   composition never runs text into a level-1 heading.
//! - Points: paragraphs starting 一是, 二是, … in sequence, and only when a
//!   二是 paragraph follows the 一是 one; "一是…二是…" inside one paragraph
//!   stays text.
//! - Sections are matched to the template by keywords (module `matching`); each
//!   template section is used at most once. The first heading that matches
//!   nothing becomes the optional text section (其他需要报告的情况) with its
//!   own heading, when that section is not matched by keyword; further
//!   unmatched sections are added to it as paragraphs (heading line first,
//!   without its number). Without such a section they go to the preamble.
//! - Fields within a section follow the template's field kinds
//!   (module `section`).
//! - Year: the first four-digit year in the title; else from the date (a
//!   report signed from July on reports on that year, one signed in the
//!   first half on the year before); else the first year in the body's
//!   first line; else the year before `now_ms`.
//! - Text without any "一、" heading goes as a whole into the first template
//!   section, built by its field kinds.
//!
//! # What is kept
//!
//! Every non-whitespace character between the title and the end of the
//! body reaches the composed document, except the numbers (一、 （一） 1.
//! （1） 一是), which composition derives again from position, and
//! boilerplate lines directly below the title. Lines skipped (above and
//! directly below the title, after the body) are returned in
//! [`Imported::skipped`] and listed in the notes; the date line, which
//! composition rewrites in the standard form, is returned in
//! [`Imported::date_source`]. `tests/import.rs` checks this as a property
//! over arbitrary text.

mod boilerplate;
mod date;
mod frame;
mod kind;
mod marker;
mod matching;
mod notes;
mod outline;
mod place;
mod section;
mod year;

pub use kind::{propose, rank, KindScore, MIN_SCORE};
pub use notes::Note;

use crate::draft::{clean_paragraph, Draft, FieldValue, Origin};
use crate::template::{meta_id, FieldSpec, Template};
use frame::{read_head, read_tail};
use outline::split_sections;
use place::{place_sections, place_unstructured};
use section::{build, Shape};
use year::report_year;

/// The largest text accepted, in bytes.
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

/// Why a text could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("没有可导入的内容：粘贴的文字是空的。请粘贴报告全文后再导入。")]
    Empty,
    #[error("只找到网页上的附加内容（如“打印本页”“来源：”），没有找到报告正文。请复制报告正文后再导入。")]
    NoReport,
    #[error("文字太长（约{megabytes}MB），超过{limit}MB的上限。请只粘贴报告正文，不要粘贴整个网页或多份报告。")]
    TooLarge { megabytes: usize, limit: usize },
}

/// An imported report: the draft and what the writer should check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub draft: Draft,
    /// Decisions and gaps to check, in Simplified Chinese.
    pub notes: Vec<Note>,
    /// Lines left out (website boilerplate, text above the title, page
    /// numbers of a printed copy), as written.
    pub skipped: Vec<String>,
    /// The date line as written, when one was found. Composition writes
    /// the date in the standard form, so this text itself is not kept.
    pub date_source: Option<String>,
}

/// Imports `text` as a draft of `template`, with draft id `id` created at
/// `now_ms` (milliseconds since the Unix epoch).
pub fn from_text(
    template: &Template,
    text: &str,
    id: String,
    now_ms: i64,
) -> Result<Imported, ImportError> {
    const MB: usize = 1024 * 1024;
    if text.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            megabytes: text.len().div_ceil(MB),
            limit: MAX_TEXT_BYTES / MB,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Page numbers of a printed or PDF copy are not the report's text.
    let (page_numbers, owned): (Vec<String>, Vec<String>) = text
        .split(['\n', '\r'])
        .map(clean_paragraph)
        .filter(|l| !l.is_empty())
        .partition(|l| boilerplate::is_page_number(l));
    if owned.is_empty() {
        return Err(ImportError::Empty);
    }
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let bylines: Vec<&FieldSpec> = template.under_title().collect();
    let labels: Vec<&str> = bylines.iter().map(|f| f.label.as_str()).collect();
    let head = read_head(&lines, &labels);
    let tail = read_tail(&lines, head.body_start);
    let body = &lines[head.body_start..tail.body_end];
    let frame_found = head.title.is_some()
        || head.organ.is_some()
        || head.addressee.is_some()
        || tail.closing.is_some()
        || tail.signature.is_some()
        || tail.date.is_some();
    if body.is_empty() && !frame_found {
        return Err(ImportError::NoReport);
    }

    let mut notes = Vec::new();
    let (preamble_lines, sections) = split_sections(body);
    let date = tail.date.as_ref().and_then(|(_, d)| *d);
    let year = report_year(
        head.title.as_deref(),
        date,
        body.first().copied(),
        now_ms,
        &mut notes,
    );
    let mut draft = Draft::new(template, id, year, now_ms);

    fill_frame(template, &mut draft, &head, &tail, &mut notes);
    for (label, line) in &head.bylines {
        draft
            .meta
            .insert(bylines[*label].id.clone(), FieldValue::Line(line.clone()));
    }
    // Without sections the whole body is one block of text, placed once.
    let preamble = match sections.is_empty() {
        true => Vec::new(),
        false => build(Shape::text_only(), None, preamble_lines).intro,
    };
    draft
        .meta
        .insert(meta_id::PREAMBLE.into(), FieldValue::Text(preamble));
    if sections.is_empty() {
        place_unstructured(template, &mut draft, body, &mut notes);
    } else {
        place_sections(template, &mut draft, &sections, &mut notes);
    }
    notes::skipped(&head.skipped, &tail.skipped, &mut notes);
    notes::page_numbers(&page_numbers, &mut notes);
    // Last year's text, to be revised: marked until each paragraph is edited.
    draft.mark_all_carried(Origin::LastYear);

    let mut skipped = head.skipped;
    skipped.extend(tail.skipped);
    skipped.extend(page_numbers);
    // A note is said once, however many places led to it.
    let mut seen = std::collections::BTreeSet::new();
    notes.retain(|n| seen.insert((n.section_id().map(str::to_string), n.message.clone())));
    Ok(Imported {
        draft,
        notes,
        skipped,
        date_source: tail.date.map(|(line, _)| line),
    })
}

/// Organ, title, addressee, closing, signature and date.
fn fill_frame(
    template: &Template,
    draft: &mut Draft,
    head: &frame::Head,
    tail: &frame::Tail,
    notes: &mut Vec<Note>,
) {
    let mut set = |id: &str, value: &Option<String>| {
        draft.meta.insert(
            id.into(),
            FieldValue::Line(value.clone().unwrap_or_default()),
        );
    };
    set(meta_id::ORGAN, &head.organ);
    set(meta_id::ADDRESSEE, &head.addressee);
    set(meta_id::CLOSING, &tail.closing);
    set(meta_id::SIGNATURE, &tail.signature);
    if let Some(title) = &head.title {
        set(meta_id::TITLE, &Some(title.clone()));
    }
    let date = tail.date.as_ref().and_then(|(_, d)| *d);
    draft
        .meta
        .insert(meta_id::DATE.into(), FieldValue::Date(date));
    notes::frame(template, draft, head, tail, notes);
}
