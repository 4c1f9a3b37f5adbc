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
//!   【字体：大 中 小】) is skipped too. A short line ending with ：right after
//!   that is the addressee.
//! - Tail, read from the end: website boilerplate (打印本页, 关闭窗口, 分享到
//!   …) is skipped; then a date line; then the signature (a short name line
//!   above the date, or below the closing); then the closing formula
//!   (特此报告。, 以上报告…, 妥否…).
//! - Body: lines before the first "一、" are the preamble; each "一、" (or
//!   "一." "一．") line starts a section. Headings run in when text follows
//!   their first 。；： on the same line (see [`marker`]'s split rule); the
//!   run-on text of a level-1 heading becomes the section's first
//!   paragraph, as composition never runs text into a level-1 heading.
//! - Sections are matched to the template by keywords ([`matching`]); each
//!   template section is used at most once. The first heading that matches
//!   nothing becomes the optional text section (其他需要报告的情况) with its
//!   own heading, when that section is not matched by keyword; further
//!   unmatched sections are added to it as paragraphs (heading line first,
//!   without its number). Without such a section they go to the preamble.
//! - Fields within a section follow the template's field kinds
//!   ([`section`]).
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
//! （1） 一是), which composition derives again from position. Lines
//! skipped as boilerplate are returned in [`Imported::skipped`], and the
//! date line, which composition rewrites in the standard form, in
//! [`Imported::date_source`].

mod boilerplate;
mod date;
mod frame;
pub(crate) mod marker;
mod matching;
mod notes;
mod section;

pub use notes::Note;

use crate::document::numbering::heading_number;
use crate::draft::{clean_paragraph, Draft, FieldValue, ReportDate};
use crate::template::{meta_id, FieldKind, Template};
use frame::{read_head, read_tail};
use marker::{parse_marker, split_run_in, MarkerKind};
use section::{build, Built, Shape};

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
    /// Lines left out (website boilerplate, text above the title), as written.
    pub skipped: Vec<String>,
    /// The date line as written, when one was found. Composition writes
    /// the date in the standard form, so this text itself is not kept.
    pub date_source: Option<String>,
}

/// One level-1 section as found in the text.
struct RawSection<'a> {
    /// The number as written, such as "一、" or "二.".
    marker: String,
    /// The heading line after its number.
    line: &'a str,
    heading: String,
    run_on: Option<String>,
    lines: &'a [&'a str],
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
    let owned: Vec<String> = text
        .split(['\n', '\r'])
        .map(clean_paragraph)
        .filter(|l| !l.is_empty())
        .collect();
    if owned.is_empty() {
        return Err(ImportError::Empty);
    }
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let head = read_head(&lines);
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

    let mut skipped = head.skipped;
    skipped.extend(tail.skipped);
    Ok(Imported {
        draft,
        notes,
        skipped,
        date_source: tail.date.map(|(line, _)| line),
    })
}

/// Splits the body into the preamble and the level-1 sections.
fn split_sections<'a>(body: &'a [&'a str]) -> (&'a [&'a str], Vec<RawSection<'a>>) {
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, line)| parse_marker(line).is_some_and(|m| m.kind == MarkerKind::Section))
        .map(|(i, _)| i)
        .collect();
    let preamble_end = starts.first().copied().unwrap_or(body.len());
    let sections = starts
        .iter()
        .enumerate()
        .filter_map(|(k, &start)| {
            let end = starts.get(k + 1).copied().unwrap_or(body.len());
            let line = body[start];
            let marker = parse_marker(line)?;
            let rest = line[marker.len..].trim();
            let (heading, run_on) = split_run_in(rest);
            Some(RawSection {
                marker: marker.text,
                line: rest,
                heading,
                run_on,
                lines: &body[start + 1..end],
            })
        })
        .collect();
    (&body[..preamble_end], sections)
}

/// The year reported on, with a note when it was not read from the title.
fn report_year(
    title: Option<&str>,
    date: Option<ReportDate>,
    first_body_line: Option<&str>,
    now_ms: i64,
    notes: &mut Vec<Note>,
) -> i32 {
    if let Some(year) = title.and_then(first_year) {
        return year;
    }
    let (year, from) = if let Some(d) = date {
        let year = if d.month >= 7 { d.year } else { d.year - 1 };
        (year, format!("按成文日期（{d}）推定为{year}年"))
    } else if let Some(year) = first_body_line.and_then(first_year) {
        (year, format!("按正文第一段推定为{year}年"))
    } else {
        let year = year_of_ms(now_ms) - 1;
        (year, format!("按当前日期推定为{year}年"))
    };
    notes.push(Note::meta(
        meta_id::YEAR,
        format!("标题中没有年份，报告年度{from}，请核对。"),
    ));
    year
}

/// The first four-digit year (1900–2999) in `text`, written in Arabic,
/// full-width or Chinese digits (二〇二三).
fn first_year(text: &str) -> Option<i32> {
    fn digit(c: char) -> Option<(u8, u32)> {
        match c {
            '0'..='9' => Some((0, c as u32 - '0' as u32)),
            '０'..='９' => Some((1, c as u32 - '０' as u32)),
            '〇' | '零' | '○' => Some((2, 0)),
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|d| (2, d as u32 + 1)),
        }
    }
    let mut run: Vec<(u8, u32)> = Vec::new();
    let check = |run: &[(u8, u32)]| -> Option<i32> {
        let same_kind = run.windows(2).all(|w| w[0].0 == w[1].0);
        if run.len() != 4 || !same_kind {
            return None;
        }
        let year = run.iter().fold(0, |acc, &(_, d)| acc * 10 + d) as i32;
        (1900..=2999).contains(&year).then_some(year)
    };
    for c in text.chars() {
        match digit(c) {
            Some(d) => run.push(d),
            None => {
                if let Some(year) = check(&run) {
                    return Some(year);
                }
                run.clear();
            }
        }
    }
    check(&run)
}

/// The calendar year of a Unix time in milliseconds (UTC).
fn year_of_ms(ms: i64) -> i32 {
    // Howard Hinnant's days-to-civil algorithm.
    let days = ms.div_euclid(86_400_000) + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year).unwrap_or(2000)
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

/// Text without level-1 headings: all of it goes to the first section.
fn place_unstructured(
    template: &Template,
    draft: &mut Draft,
    body: &[&str],
    notes: &mut Vec<Note>,
) {
    let Some(spec) = template.sections.first() else {
        let mut preamble = draft_text(draft, None, meta_id::PREAMBLE);
        preamble.extend(build(Shape::text_only(), None, body).intro);
        draft
            .meta
            .insert(meta_id::PREAMBLE.into(), FieldValue::Text(preamble));
        return;
    };
    let mut found = Vec::new();
    if !body.is_empty() {
        let built = build(Shape::of(spec), None, body);
        fill_section(template, draft, 0, None, built);
        found.push(0);
        notes.push(Note::section(
            &spec.id,
            format!(
                "未识别出“一、”等章节标题，全文已放入“{}”部分，请在向导中调整。",
                spec.short
            ),
        ));
    }
    reorder(template, draft, &found);
    notes::missing(template, &found, notes);
}

/// Sections found in the text, matched to the template and filled.
fn place_sections(
    template: &Template,
    draft: &mut Draft,
    sections: &[RawSection<'_>],
    notes: &mut Vec<Note>,
) {
    let headings: Vec<String> = sections.iter().map(|s| s.heading.clone()).collect();
    let mut assigned = matching::assign(&headings, template);
    let overflow = matching::overflow_section(template);
    // The first unmatched heading takes the overflow section when no
    // heading matched it by keyword.
    if let Some(o) = overflow.filter(|o| !assigned.contains(&Some(*o))) {
        if let Some(h) = assigned.iter().position(Option::is_none) {
            assigned[h] = Some(o);
            notes.push(Note::section(
                &template.sections[o].id,
                format!(
                    "“{}{}”无法对应模板中的必备部分，已作为“{}”导入，保留原标题。",
                    sections[h].marker, sections[h].heading, template.sections[o].short
                ),
            ));
        }
    }

    let mut order: Vec<usize> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    let mut unplaced: Vec<String> = Vec::new();
    let mut stray = 0;
    for (raw, slot) in sections.iter().zip(&assigned) {
        match slot {
            Some(s) => {
                let mut built = build(
                    Shape::of(&template.sections[*s]),
                    raw.run_on.clone(),
                    raw.lines,
                );
                stray += built.stray.len();
                extra.append(&mut built.stray);
                notes::renumbered(&template.sections[*s], &built, notes);
                fill_section(template, draft, *s, Some(raw.heading.clone()), built);
                order.push(*s);
            }
            // The overflow section is assigned whenever a heading is not,
            // so its place in the order comes from its own heading.
            None => {
                extra
                    .extend(build(Shape::text_only(), Some(raw.line.to_string()), raw.lines).intro);
                unplaced.push(format!("{}{}", raw.marker, raw.heading));
            }
        }
    }
    let level_one: Vec<(String, String)> = sections
        .iter()
        .zip(&assigned)
        .filter_map(|(raw, slot)| {
            let at = order.iter().position(|s| Some(*s) == *slot)?;
            let composed = heading_number(1, at);
            (composed != raw.marker).then(|| (raw.marker.clone(), composed))
        })
        .collect();
    notes::level_one_renumbered(&level_one, notes);

    if !extra.is_empty() {
        place_extra(template, draft, overflow, extra, (&unplaced, stray), notes);
    }
    reorder(template, draft, &order);
    notes::missing(template, &order, notes);
}

/// Puts paragraphs that fit no section into the overflow section (enabled
/// for them), or the preamble when the template has none.
fn place_extra(
    template: &Template,
    draft: &mut Draft,
    overflow: Option<usize>,
    extra: Vec<String>,
    (unplaced, stray): (&[String], usize),
    notes: &mut Vec<Note>,
) {
    let target = overflow.and_then(|o| Some((&template.sections[o], text_field(template, o)?)));
    if let Some((spec, field)) = target {
        let mut text = draft_text(draft, Some(&spec.id), &field);
        text.extend(extra);
        if let Some(section) = draft.section_mut(&spec.id) {
            section.enabled = true;
            section.fields.insert(field, FieldValue::Text(text));
        }
        notes::unplaced(unplaced, stray, &spec.short, Some(&spec.id), notes);
    } else {
        let mut preamble = draft_text(draft, None, meta_id::PREAMBLE);
        preamble.extend(extra);
        draft
            .meta
            .insert(meta_id::PREAMBLE.into(), FieldValue::Text(preamble));
        notes::unplaced(unplaced, stray, "开头", None, notes);
    }
}

/// The id of the first text field of template section `s`.
fn text_field(template: &Template, s: usize) -> Option<String> {
    template.sections[s]
        .fields
        .iter()
        .find(|f| f.kind == FieldKind::Text)
        .map(|f| f.id.clone())
}

/// The paragraphs of a text field (of a section, or of the frame).
fn draft_text(draft: &Draft, section: Option<&str>, field: &str) -> Vec<String> {
    let value = match section {
        Some(id) => draft.section(id).and_then(|s| s.fields.get(field)),
        None => draft.meta(field),
    };
    match value {
        Some(FieldValue::Text(paragraphs)) => paragraphs.clone(),
        _ => Vec::new(),
    }
}

/// Puts what was built into template section `s` of the draft.
fn fill_section(
    template: &Template,
    draft: &mut Draft,
    s: usize,
    heading: Option<String>,
    built: Built,
) {
    let spec = &template.sections[s];
    let Some(section) = draft.section_mut(&spec.id) else {
        return;
    };
    section.enabled = true;
    if let Some(heading) = heading {
        section.heading = heading;
    }
    let mut intro = Some(built.intro);
    let mut items = Some(built.items);
    let mut points = Some(built.points);
    for field in &spec.fields {
        let value = match field.kind {
            FieldKind::Text => intro.take().map(FieldValue::Text),
            FieldKind::Subsections => items.take().map(FieldValue::Subsections),
            FieldKind::Points => points.take().map(FieldValue::Points),
            _ => None,
        };
        if let Some(value) = value {
            section.fields.insert(field.id.clone(), value);
        }
    }
}

/// Orders the draft's sections: those found, in the order found, then the
/// template's others in template order.
fn reorder(template: &Template, draft: &mut Draft, found: &[usize]) {
    let rank = |id: &str| -> usize {
        let s = template
            .sections
            .iter()
            .position(|spec| spec.id == id)
            .unwrap_or(template.sections.len());
        match found.iter().position(|&f| f == s) {
            Some(at) => at,
            None => found.len() + s,
        }
    };
    draft.sections.sort_by_key(|section| rank(&section.id));
}
