//! Drafts: the writer's answers to a template, as they are saved and restored.
//!
//! A draft stores concrete text. Numbering never lives here: it comes from
//! position when the draft is composed into a document.

pub mod action;
mod address;
mod carried;
mod copy;
mod date;
mod edition;
pub mod history;
mod id;
mod summary;
mod year;

pub use action::{apply, Action, Direction};
pub use address::{Address, FieldRef};
pub use carried::{body_texts, fingerprint, Origin};
pub use copy::{duplicate, duplicate_for_next_year, other_tab_copy, OTHER_TAB_SUFFIX};
pub use date::ReportDate;
pub use edition::Edition;
pub use history::History;
pub use id::{draft_id, is_valid_draft_id};
pub use summary::{label_summaries, summarize, Completeness, DraftSummary};
pub use year::retarget_year;

use crate::template::{fill_year, meta_id, FieldKind, FieldSpec, Template};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the stored draft format. Bump it and add a migration in
/// the store when the shape of [`Draft`] changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A subsection: a heading numbered （一）（二）… by position, paragraphs,
/// and deeper levels (1. and （1）).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subsection {
    pub heading: String,
    /// Whether the first paragraph follows the heading on the same line.
    #[serde(default)]
    pub run_in: bool,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Subsection>,
}

impl Subsection {
    /// Nothing written: no heading, no paragraph text, no written child.
    /// A blank subsection does not print and takes no number.
    pub fn is_blank(&self) -> bool {
        self.heading.trim().is_empty()
            && self.paragraphs.iter().all(|p| p.trim().is_empty())
            && self.children.iter().all(Subsection::is_blank)
    }
}

/// A point rendered 一是…, 二是… by position. Its first paragraph carries
/// the number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub paragraphs: Vec<String>,
}

impl Point {
    /// Nothing written: a blank point does not print and takes no number.
    pub fn is_blank(&self) -> bool {
        self.paragraphs.iter().all(|p| p.trim().is_empty())
    }
}

/// The value of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum FieldValue {
    Line(String),
    Text(Vec<String>),
    Subsections(Vec<Subsection>),
    Points(Vec<Point>),
    Date(Option<ReportDate>),
}

impl FieldValue {
    /// An empty value of the given kind.
    pub fn empty(kind: FieldKind) -> FieldValue {
        match kind {
            FieldKind::Line | FieldKind::Year => FieldValue::Line(String::new()),
            FieldKind::Text => FieldValue::Text(Vec::new()),
            FieldKind::Subsections => FieldValue::Subsections(Vec::new()),
            FieldKind::Points => FieldValue::Points(Vec::new()),
            FieldKind::Date => FieldValue::Date(None),
        }
    }

    /// The initial value of a field for a report of `year`.
    pub fn initial(spec: &FieldSpec, year: i32) -> FieldValue {
        let text = fill_year(&spec.default, year);
        match spec.kind {
            FieldKind::Line | FieldKind::Year => FieldValue::Line(text),
            FieldKind::Text if !text.is_empty() => FieldValue::Text(split_paragraphs(&text)),
            _ => FieldValue::empty(spec.kind),
        }
    }

    /// Number of characters the writer typed, not counting whitespace.
    pub fn char_count(&self) -> usize {
        fn count(s: &str) -> usize {
            s.chars().filter(|c| !c.is_whitespace()).count()
        }
        fn sub(s: &Subsection) -> usize {
            count(&s.heading)
                + s.paragraphs.iter().map(|p| count(p)).sum::<usize>()
                + s.children.iter().map(sub).sum::<usize>()
        }
        match self {
            FieldValue::Line(s) => count(s),
            FieldValue::Text(ps) => ps.iter().map(|p| count(p)).sum(),
            FieldValue::Subsections(items) => items.iter().map(sub).sum(),
            FieldValue::Points(points) => points
                .iter()
                .flat_map(|p| &p.paragraphs)
                .map(|p| count(p))
                .sum(),
            FieldValue::Date(d) => usize::from(d.is_some()),
        }
    }

    /// Whether the writer has written anything here.
    pub fn is_blank(&self) -> bool {
        self.char_count() == 0
    }
}

/// Splits pasted or typed text into paragraphs: any line break (\r\n, \r or
/// \n) ends a paragraph; blank lines are dropped; leading indentation made of
/// spaces, full-width spaces or tabs is removed, as is trailing whitespace.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    text.split(['\n', '\r'])
        .map(clean_paragraph)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where a caret at `caret_utf16` (a text box's selection offset, in UTF-16
/// code units) falls in typed text: the paragraph, counted as
/// [`split_paragraphs`] counts them (blank lines are not paragraphs), and
/// the characters between the caret and that paragraph's end.
pub fn caret_paragraph(text: &str, caret_utf16: u32) -> (usize, usize) {
    let mut seen = 0usize;
    let mut at = 0u32;
    for line in text.split('\n') {
        let len = line.encode_utf16().count() as u32;
        if caret_utf16 <= at + len {
            let mut units = 0u32;
            let before = line
                .chars()
                .take_while(|c| {
                    units += c.len_utf16() as u32;
                    units <= caret_utf16 - at
                })
                .count();
            let after = line.trim_end().chars().count().saturating_sub(before);
            return (seen, after);
        }
        if !line.trim().is_empty() {
            seen += 1;
        }
        at += len + 1;
    }
    (seen.saturating_sub(1), 0)
}

/// Cleans one paragraph: trims surrounding whitespace (including full-width
/// spaces) and turns tabs inside the text into nothing.
pub fn clean_paragraph(line: &str) -> String {
    line.trim_matches(|c: char| c.is_whitespace())
        .chars()
        .filter(|&c| c != '\t')
        .collect()
}

/// One section of a draft, in the draft's own order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDraft {
    /// The template section this answers.
    pub id: String,
    /// Whether the section is part of the report (optional sections may be off).
    pub enabled: bool,
    /// The heading text without its number.
    pub heading: String,
    pub fields: BTreeMap<String, FieldValue>,
}

/// A draft of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub schema_version: u32,
    pub id: String,
    /// The template the draft answers. Records written before drafts could
    /// be of other kinds are annual reports.
    #[serde(default = "annual_report_id")]
    pub template_id: String,
    #[serde(default = "first_version")]
    pub template_version: u32,
    /// Incremented on every saved change, so two tabs can tell whose save is newer.
    pub revision: u64,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    pub updated_ms: i64,
    /// The year reported on.
    pub year: i32,
    /// The frame fields: organ, title, addressee, preamble, closing, signature, date.
    pub meta: BTreeMap<String, FieldValue>,
    pub sections: Vec<SectionDraft>,
    /// The edition that prints and exports. Absent in drafts saved before
    /// editions existed (and left out when 公开版, so those records keep
    /// their shape): they print as they always did.
    #[serde(default, skip_serializing_if = "Edition::is_public")]
    pub edition: Edition,
    /// Fingerprints of paragraphs carried over unedited from an example or
    /// last year's report (see [`carried`]). Absent in records written
    /// before it existed, and left out when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub carried: BTreeMap<String, Origin>,
}

fn annual_report_id() -> String {
    crate::template::ANNUAL_REPORT_ID.to_string()
}

fn first_version() -> u32 {
    1
}

/// The initial value of each of `specs` for a report of `year`, by field
/// id. Inserted one by one: collecting into the map would bring in a sort
/// of its own for each caller (see `crate::order`).
fn initial_values<'a>(
    specs: impl Iterator<Item = &'a FieldSpec>,
    year: i32,
) -> BTreeMap<String, FieldValue> {
    let mut values = BTreeMap::new();
    for spec in specs {
        values.insert(spec.id.clone(), FieldValue::initial(spec, year));
    }
    values
}

impl Draft {
    /// A new draft of `template` for `year`, with every field at its default.
    pub fn new(template: &Template, id: String, year: i32, now_ms: i64) -> Draft {
        let meta = initial_values(
            template.meta.iter().filter(|f| f.kind != FieldKind::Year),
            year,
        );
        let sections = template
            .sections
            .iter()
            .map(|s| SectionDraft {
                id: s.id.clone(),
                enabled: s.enabled_by_default,
                heading: fill_year(&s.heading, year),
                fields: initial_values(s.fields.iter(), year),
            })
            .collect();
        Draft {
            schema_version: SCHEMA_VERSION,
            id,
            template_id: template.id.clone(),
            template_version: template.version,
            revision: 0,
            created_ms: now_ms,
            updated_ms: now_ms,
            year,
            meta,
            sections,
            edition: Edition::Public,
            carried: BTreeMap::new(),
        }
    }

    /// A frame field's value.
    pub fn meta(&self, id: &str) -> Option<&FieldValue> {
        self.meta.get(id)
    }

    /// A frame field as one line of text ("" when absent or not a line).
    pub fn meta_line(&self, id: &str) -> &str {
        match self.meta.get(id) {
            Some(FieldValue::Line(s)) => s,
            _ => "",
        }
    }

    /// The title as it will print.
    pub fn title(&self) -> &str {
        self.meta_line(meta_id::TITLE)
    }

    /// The signing date, if set.
    pub fn date(&self) -> Option<ReportDate> {
        self.meta_date(meta_id::DATE)
    }

    /// A frame date field, if set.
    pub fn meta_date(&self, id: &str) -> Option<ReportDate> {
        match self.meta.get(id) {
            Some(FieldValue::Date(d)) => *d,
            _ => None,
        }
    }

    /// A frame field of several lines (paragraphs), trimmed, blank ones
    /// left out.
    pub fn meta_lines(&self, id: &str) -> Vec<&str> {
        match self.meta.get(id) {
            Some(FieldValue::Text(lines)) => lines
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect(),
            Some(FieldValue::Line(l)) if !l.trim().is_empty() => vec![l.trim()],
            _ => Vec::new(),
        }
    }

    pub fn section(&self, id: &str) -> Option<&SectionDraft> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn section_mut(&mut self, id: &str) -> Option<&mut SectionDraft> {
        self.sections.iter_mut().find(|s| s.id == id)
    }

    /// A field's value, wherever it lives.
    pub fn field(&self, at: &FieldRef) -> Option<&FieldValue> {
        match &at.section {
            None => self.meta.get(&at.id),
            Some(section) => self.section(section)?.fields.get(&at.id),
        }
    }

    /// A field's value for changing it.
    pub fn field_mut(&mut self, at: &FieldRef) -> Option<&mut FieldValue> {
        match &at.section {
            None => self.meta.get_mut(&at.id),
            Some(section) => self.section_mut(section)?.fields.get_mut(&at.id),
        }
    }

    /// Characters typed in the whole draft, without whitespace.
    pub fn char_count(&self) -> usize {
        self.meta
            .values()
            .map(FieldValue::char_count)
            .sum::<usize>()
            + self
                .sections
                .iter()
                .filter(|s| s.enabled)
                .flat_map(|s| s.fields.values())
                .map(FieldValue::char_count)
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::annual_report;

    #[test]
    fn new_draft_fills_year_dependent_defaults() {
        let d = Draft::new(annual_report(), "d1".into(), 2023, 5);
        assert_eq!(d.title(), "关于2023年度法治政府建设工作的报告");
        assert_eq!(d.meta_line(meta_id::CLOSING), "特此报告。");
        assert_eq!(d.sections.len(), 5);
        assert_eq!(
            d.section("plans").unwrap().heading,
            "2024年推进法治政府建设的主要安排"
        );
        assert!(!d.section("other").unwrap().enabled);
        assert_eq!(d.date(), None);
        assert_eq!(d.schema_version, SCHEMA_VERSION);
        assert_eq!((d.created_ms, d.updated_ms, d.revision), (5, 5, 0));
    }

    #[test]
    fn draft_serde_round_trip_is_stable() {
        let mut d = Draft::new(annual_report(), "d1".into(), 2023, 5);
        d.section_mut("measures").unwrap().fields.insert(
            "items".into(),
            FieldValue::Subsections(vec![Subsection {
                heading: "强化领导，落实工作责任。".into(),
                run_in: true,
                paragraphs: vec!["第一段".into(), "第二段".into()],
                children: vec![Subsection {
                    heading: "细则".into(),
                    ..Default::default()
                }],
            }]),
        );
        d.meta.insert(
            meta_id::DATE.into(),
            FieldValue::Date(Some(ReportDate::new(2023, 12, 18).unwrap())),
        );
        let json = serde_json::to_string(&d).unwrap();
        let back: Draft = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn edition_is_stored_only_for_the_submitted_copy_and_old_drafts_load() {
        let mut d = Draft::new(annual_report(), "d1".into(), 2023, 5);
        let public = serde_json::to_string(&d).unwrap();
        assert!(
            !public.contains("edition"),
            "公开版 records keep their shape"
        );
        let old: Draft = serde_json::from_str(&public).unwrap();
        assert_eq!(old.edition, Edition::Public);
        d.edition = Edition::Submitted;
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains(r#""edition":"submitted""#), "{json}");
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }

    #[test]
    fn paragraphs_split_on_any_line_break_and_lose_indents() {
        let text = "\u{3000}\u{3000}第一段。\r\n\r\n\t第二段\t内容。  \r第三段。\n";
        assert_eq!(
            split_paragraphs(text),
            ["第一段。", "第二段内容。", "第三段。"]
        );
    }

    #[test]
    fn the_caret_is_read_as_a_paragraph_and_the_text_after_it() {
        let text = "第一段。\n\n第二段文字。\n第三段😀";
        // UTF-16 offsets: "第一段。" is 4 units, then two line breaks.
        assert_eq!(caret_paragraph(text, 0), (0, 4));
        assert_eq!(caret_paragraph(text, 4), (0, 0));
        assert_eq!(caret_paragraph(text, 5), (1, 0), "on the blank line");
        assert_eq!(caret_paragraph(text, 8), (1, 4), "after 第二");
        let end = text.encode_utf16().count() as u32;
        assert_eq!(caret_paragraph(text, end), (2, 0));
        assert_eq!(caret_paragraph(text, end - 2), (2, 1), "before the emoji");
        assert_eq!(caret_paragraph("", 0), (0, 0));
    }

    #[test]
    fn char_count_ignores_whitespace_and_disabled_sections() {
        let mut d = Draft::new(annual_report(), "d".into(), 2023, 0);
        let base = d.char_count();
        d.section_mut("other").unwrap().fields.insert(
            "intro".into(),
            FieldValue::Text(vec!["十个字十个字十个字十".into()]),
        );
        assert_eq!(d.char_count(), base);
        d.section_mut("other").unwrap().enabled = true;
        assert_eq!(d.char_count(), base + 10);
    }
}
