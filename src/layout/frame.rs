//! The 版头 and 版记 of the edition sent up (报送版), and the 附件说明 and
//! 附注 that join the body's flow, laid out by GB/T 9704 around the body's
//! 28 × 22 grid. Positions are in millimetres from the type area's
//! top-left corner, like every line's.
//!
//! # 版头 (7.2), page 1
//!
//! * 份号, 密级和保密期限, 紧急程度: 3号 黑体, 顶格, one per grid row from
//!   row 1 in that order (7.2.1–7.2.3).
//! * 发文机关标志: red 小标宋, centred, its top edge (the glyphs' ink,
//!   [`ISSUER_MARK_INK_INSET_EM`] below the em box) [`ISSUER_MARK_TOP_MM`]
//!   (35 mm) below the type area's top (7.2.4), at [`ISSUER_MARK_SIZE_PT`];
//!   a name wider than the type area is squeezed horizontally to its width.
//! * 签发人 (7.2.6): 空二行 below the 标志 — the first grid row below the
//!   标志's bottom edge is followed by two blank rows ([`signer_row`], row 8
//!   of 22) —, 居右空一字, “签发人：” in 3号 仿宋 and the names in 3号 楷体,
//!   two names a line in columns of the longest name, further lines
//!   starting under the first name.
//! * 发文字号 (7.2.5, 上行文): 居左空一字 on the row of the last 签发人.
//! * Red rule (7.2.7): as wide as the type area, its top edge
//!   [`RED_RULE_GAP_MM`] below the bottom of the 发文字号's em box,
//!   [`RED_RULE_MM`] thick; it falls inside that row's leading.
//! * The title: 空二行 below the rule (7.3.1), so on the third row after
//!   the 发文字号's. From there on everything is on the grid.
//!
//! # 附件说明 and 附注 (7.3.4, 7.3.6)
//!
//! Laid out like blocks and paginated with the body: the 附件说明 one blank
//! row under the body, 左空二字, “附件：1.name”, further items under “1.”,
//! wrapped names under their first character; the signature one blank row
//! under it (7.3.5.2); the 附注 on the row after the date, 左空二字, in
//! full-width parentheses.
//!
//! # 版记 (7.4), last page
//!
//! One grid row per line, the rows at the bottom of the last page so that
//! the last rule lies on the type area's bottom edge; each 4号 仿宋 line is
//! centred in its row, 左右各空一字. The rules lie on the row boundaries:
//! the first and last [`RECORD_THICK_RULE_MM`], the one parting the 抄送
//! from the 印发 line [`RECORD_THIN_RULE_MM`]. “抄送：” wraps under its
//! first name; the 印发机关 is 左空一字 and the 印发日期 右空一字 on the last
//! row. When the last page cannot hold the 版记
//! [`RECORD_GAP_ROWS`](super::geometry::RECORD_GAP_ROWS) below
//! its last line, the 版记 goes on a new page (numbered as usual: no blank
//! page precedes it, 7.5).

use super::block::{BlockLines, BlockRole, PARAGRAPH_INDENT};
use super::breaking::break_lines;
use super::geometry::{
    pt_to_mm, row_top_mm, BODY_SIZE_PT, ISSUER_MARK_INK_INSET_EM, ISSUER_MARK_SIZE_PT,
    ISSUER_MARK_TOP_MM, LINE_PITCH_MM, RECORD_THICK_RULE_MM, RECORD_THIN_RULE_MM,
    RECORD_UNITS_PER_LINE, RED_RULE_GAP_MM, RED_RULE_MM, TYPE_AREA_HEIGHT_MM, TYPE_AREA_WIDTH_MM,
};
use super::grid::{text_units, UNITS_PER_LINE};
use super::line::{Align, FontRole, Line, Run};
use crate::document::{Anchor, Frame};
use crate::template::frame_id;

/// The `block` index of lines that belong to the frame, not to a block of
/// the document.
pub const FRAME_BLOCK: usize = usize::MAX;

/// Indent of the 版头's 发文字号 and 签发人 (居左空一字, 居右空一字) and of
/// the 版记's lines (左右各空一字), in the line's own half-width units.
const ONE_CHAR: usize = 2;

/// Something a page draws besides its text lines.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// The 发文机关标志: red 小标宋 text, one line.
    IssuerMark {
        text: String,
        /// Top of the em box.
        top_mm: f64,
        left_mm: f64,
        /// Font size (em height).
        size_mm: f64,
        /// Width of the whole text as drawn: the em width per character,
        /// less when squeezed into the type area.
        width_mm: f64,
    },
    /// A rule across the type area's whole width.
    Rule {
        /// Its centre line.
        y_mm: f64,
        thickness_mm: f64,
        /// The 版头's red rule; the 版记's rules are black.
        red: bool,
    },
}

// Positions are finite numbers, never NaN.
impl Eq for Mark {}

impl Mark {
    /// A rule's top edge (for the 标志, its em box's top).
    pub fn top_mm(&self) -> f64 {
        match self {
            Mark::IssuerMark { top_mm, .. } => *top_mm,
            Mark::Rule {
                y_mm, thickness_mm, ..
            } => y_mm - thickness_mm / 2.0,
        }
    }

    /// How much narrower than its em width the 标志 is drawn (1 = not).
    pub fn scale_x(&self) -> f64 {
        match self {
            Mark::IssuerMark {
                text,
                size_mm,
                width_mm,
                ..
            } => {
                let natural = text_units(text) as f64 / 2.0 * size_mm;
                if natural > 0.0 {
                    width_mm / natural
                } else {
                    1.0
                }
            }
            Mark::Rule { .. } => 1.0,
        }
    }
}

/// A line of the 版头 or the 版记 with its place: row, line, origin.
pub type FrameLine = (usize, Line, Anchor);

/// The frame laid out, before the body is paginated around it.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameLines {
    /// The 版头's text lines on page 1 (several may share a row).
    pub head: Vec<FrameLine>,
    /// The 标志 and the red rule.
    pub head_marks: Vec<Mark>,
    /// The page-1 row of the body's first line (the title).
    pub body_row: usize,
    /// The 附件说明, placed under the body, before the signature.
    pub attachments: Option<BlockLines>,
    /// The 附注, placed under the date.
    pub note: Option<BlockLines>,
    /// The 版记's rows, top to bottom; rows are 0-based from the 版记's
    /// first row.
    pub record: Vec<FrameLine>,
    /// Rows the 版记 takes.
    pub record_rows: usize,
    /// Whether a thin rule parts the 印发 row (the last) from rows above.
    pub record_thin_rule: bool,
}

/// The top of the 标志's em box below the type area's top: its ink 35 mm
/// down (7.2.4).
pub fn issuer_mark_top_mm() -> f64 {
    ISSUER_MARK_TOP_MM - ISSUER_MARK_INK_INSET_EM * pt_to_mm(ISSUER_MARK_SIZE_PT)
}

/// The grid row of the first 签发人 line: the first row wholly below the
/// 标志, then two blank rows (空二行, 7.2.6). Row 7 (0-based).
pub fn signer_row() -> usize {
    let mark_bottom = issuer_mark_top_mm() + pt_to_mm(ISSUER_MARK_SIZE_PT);
    (mark_bottom / LINE_PITCH_MM).ceil() as usize + 2
}

/// The red rule's centre line for a 发文字号 on `row`.
pub fn red_rule_y_mm(row: usize) -> f64 {
    row_top_mm(row) + pt_to_mm(BODY_SIZE_PT) + RED_RULE_GAP_MM + RED_RULE_MM / 2.0
}

fn line(start: usize, runs: Vec<Run>, align: Align) -> Line {
    Line {
        start,
        runs,
        justify: false,
        align,
        keep_with_next: false,
    }
}

fn run(text: impl Into<String>, role: FontRole) -> Run {
    Run {
        text: text.into(),
        role,
    }
}

/// Lays the frame out (see the module's description).
pub fn lay_out_frame(frame: &Frame) -> FrameLines {
    let mut head = Vec::new();
    for (row, (field, text)) in frame.markings.iter().enumerate() {
        head.push((
            row,
            line(0, vec![run(text.clone(), FontRole::Marking)], Align::Left),
            Anchor::meta(field),
        ));
    }
    let first = signer_row();
    let signer_lines = signer_lines(&frame.signers);
    let last = first + signer_lines.len().saturating_sub(1);
    for (i, l) in signer_lines.into_iter().enumerate() {
        head.push((first + i, l, Anchor::meta(frame_id::SIGNERS)));
    }
    if !frame.doc_number.is_empty() {
        head.push((
            last,
            line(
                ONE_CHAR,
                vec![run(frame.doc_number.clone(), FontRole::Body)],
                Align::Left,
            ),
            Anchor::meta(frame_id::DOC_NUMBER),
        ));
    }
    let mut head_marks = Vec::new();
    if !frame.issuer_mark.is_empty() {
        let size_mm = pt_to_mm(ISSUER_MARK_SIZE_PT);
        let natural = text_units(&frame.issuer_mark) as f64 / 2.0 * size_mm;
        let width_mm = natural.min(TYPE_AREA_WIDTH_MM);
        head_marks.push(Mark::IssuerMark {
            text: frame.issuer_mark.clone(),
            top_mm: issuer_mark_top_mm(),
            left_mm: (TYPE_AREA_WIDTH_MM - width_mm) / 2.0,
            size_mm,
            width_mm,
        });
    }
    head_marks.push(Mark::Rule {
        y_mm: red_rule_y_mm(last),
        thickness_mm: RED_RULE_MM,
        red: true,
    });
    let (record, record_rows, record_thin_rule) = record_lines(frame);
    FrameLines {
        head,
        head_marks,
        body_row: last + 3,
        attachments: attachment_lines(&frame.attachments),
        note: note_lines(&frame.note_text()),
        record,
        record_rows,
        record_thin_rule,
    }
}

/// The 签发人 lines (7.2.6): two names a line, in columns as wide as the
/// longest name, the block ending 居右空一字; “签发人：” before the first.
fn signer_lines(signers: &[String]) -> Vec<Line> {
    if signers.is_empty() {
        return Vec::new();
    }
    let slot = signers.iter().map(|n| text_units(n)).max().unwrap_or(0);
    let groups: Vec<String> = signers
        .chunks(2)
        .map(|pair| match pair {
            [a, b] => {
                let pad = slot - text_units(a);
                format!("{a}{}{}　{b}", "　".repeat(pad / 2), " ".repeat(pad % 2))
            }
            [a] => a.clone(),
            _ => String::new(),
        })
        .collect();
    let width = groups.iter().map(|g| text_units(g)).max().unwrap_or(0);
    let names_start = (UNITS_PER_LINE - ONE_CHAR).saturating_sub(width);
    const LABEL: &str = "签发人：";
    groups
        .into_iter()
        .enumerate()
        .map(|(i, names)| {
            let names = run(names, FontRole::Signer);
            if i == 0 {
                let start = names_start.saturating_sub(text_units(LABEL));
                line(start, vec![run(LABEL, FontRole::Body), names], Align::Left)
            } else {
                line(names_start, vec![names], Align::Left)
            }
        })
        .collect()
}

/// The 附件说明 (7.3.4) as a block: “附件：” 左空二字, one name, or several
/// numbered “1.” “2.” one under the other; wrapped lines start under the
/// name's first character.
fn attachment_lines(names: &[String]) -> Option<BlockLines> {
    if names.is_empty() {
        return None;
    }
    const LABEL: &str = "附件：";
    let label_end = PARAGRAPH_INDENT + text_units(LABEL);
    let mut lines = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let number = if names.len() > 1 {
            format!("{}.", i + 1)
        } else {
            String::new()
        };
        let indent = label_end + text_units(&number);
        let chars: Vec<char> = name.chars().collect();
        let room = UNITS_PER_LINE.saturating_sub(indent).max(2);
        let ranges = break_lines(&chars, room, room);
        let count = ranges.len();
        for (j, range) in ranges.into_iter().enumerate() {
            let part: String = chars[range].iter().collect();
            let (start, text) = match (i, j) {
                (0, 0) => (PARAGRAPH_INDENT, format!("{LABEL}{number}{part}")),
                (_, 0) => (label_end, format!("{number}{part}")),
                _ => (indent, part),
            };
            lines.push(Line {
                start,
                runs: vec![run(text, FontRole::Body)],
                justify: j + 1 < count,
                align: Align::Left,
                keep_with_next: true,
            });
        }
    }
    if let Some(last) = lines.last_mut() {
        last.keep_with_next = false;
    }
    Some(BlockLines {
        role: BlockRole::Attachments,
        anchor: Anchor::meta(frame_id::ATTACHMENTS),
        lines,
    })
}

/// The 附注 (7.3.6), 左空二字, wrapping flush left like a paragraph.
fn note_lines(text: &str) -> Option<BlockLines> {
    if text.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let ranges = break_lines(&chars, UNITS_PER_LINE - PARAGRAPH_INDENT, UNITS_PER_LINE);
    let count = ranges.len();
    let lines = ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| Line {
            start: if i == 0 { PARAGRAPH_INDENT } else { 0 },
            runs: vec![run(chars[range].iter().collect::<String>(), FontRole::Body)],
            justify: i + 1 < count,
            align: Align::Left,
            keep_with_next: i + 1 < count,
        })
        .collect();
    Some(BlockLines {
        role: BlockRole::Note,
        anchor: Anchor::meta(frame_id::NOTE),
        lines,
    })
}

/// The 版记's lines (7.4.2, 7.4.3): “抄送：” and its names wrapped under
/// the first name, then the 印发 row. Returns the lines with their rows
/// (from the 版记's top), the rows taken and whether a thin rule parts the
/// 印发 row from the 抄送.
fn record_lines(frame: &Frame) -> (Vec<FrameLine>, usize, bool) {
    let mut out = Vec::new();
    let mut rows = 0;
    if !frame.copy_to.is_empty() {
        const LABEL: &str = "抄送：";
        let indent = ONE_CHAR + text_units(LABEL);
        let chars: Vec<char> = frame.copy_to.chars().collect();
        let room = RECORD_UNITS_PER_LINE - indent;
        for (i, range) in break_lines(&chars, room, room).into_iter().enumerate() {
            let part: String = chars[range].iter().collect();
            let (start, text) = if i == 0 {
                (ONE_CHAR, format!("{LABEL}{part}"))
            } else {
                (indent, part)
            };
            out.push((
                rows,
                line(start, vec![run(text, FontRole::Record)], Align::Left),
                Anchor::meta(frame_id::COPY_TO),
            ));
            rows += 1;
        }
    }
    let date = frame.print_date_text();
    let imprint = !frame.printer.is_empty() || !date.is_empty();
    let thin = imprint && rows > 0;
    if imprint {
        if !frame.printer.is_empty() {
            out.push((
                rows,
                line(
                    ONE_CHAR,
                    vec![run(frame.printer.clone(), FontRole::Record)],
                    Align::Left,
                ),
                Anchor::meta(frame_id::PRINTER),
            ));
        }
        if !date.is_empty() {
            out.push((
                rows,
                line(0, vec![run(date, FontRole::Record)], Align::Right),
                Anchor::meta(frame_id::PRINT_DATE),
            ));
        }
        rows += 1;
    }
    (out, rows, thin)
}

/// The 版记's rules when its first row is `first` on the page: thick above,
/// thin above the 印发 row when something precedes it, thick on the type
/// area's bottom edge (7.4.1).
pub fn record_rules(first: usize, rows: usize, thin: bool) -> Vec<Mark> {
    let mut rules = vec![Mark::Rule {
        y_mm: row_top_mm(first),
        thickness_mm: RECORD_THICK_RULE_MM,
        red: false,
    }];
    if thin {
        rules.push(Mark::Rule {
            y_mm: row_top_mm(first + rows - 1),
            thickness_mm: RECORD_THIN_RULE_MM,
            red: false,
        });
    }
    rules.push(Mark::Rule {
        y_mm: (row_top_mm(first + rows)).min(TYPE_AREA_HEIGHT_MM),
        thickness_mm: RECORD_THICK_RULE_MM,
        red: false,
    });
    rules
}
