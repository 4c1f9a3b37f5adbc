//! Step one of layout: one block into its lines, independent of the
//! blocks around it, so the caller can keep the result per block and only
//! redo the block being edited.

use std::ops::Range;

use super::breaking::break_lines;
use super::grid::{text_units, UNITS_PER_LINE};
use super::line::{Align, FontRole, Line, Run};
use super::title::break_title;
use crate::document::{Anchor, Block, BlockKind};

/// Indent of a paragraph's first line: two full-width characters (左空二字).
pub const PARAGRAPH_INDENT: usize = 4;
/// Room between a right-aligned line's end and the type area's right edge:
/// two full-width characters (右空二字).
pub const RIGHT_INDENT: usize = 4;

/// What a block is for pagination and drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockRole {
    /// The issuing organ's centred line above the title.
    Organ,
    /// The 2号 title, one or more centred lines.
    Title,
    /// A template's own centred line under the title (述职人).
    Byline,
    /// The addressee, flush left.
    Addressee,
    /// A numbered heading (level 1–4); `run_in` when body text follows on
    /// its lines, which makes it a paragraph for pagination.
    Heading { level: u8, run_in: bool },
    /// A body paragraph, points included.
    Paragraph,
    /// The closing formula ("特此报告。"), laid out as a paragraph.
    Closing,
    /// The signing organ, right-aligned.
    Signature,
    /// The date under the signature.
    Date,
    /// The 附件说明 under the body (报送版, 7.3.4).
    Attachments,
    /// The 附注 under the date (报送版, 7.3.6).
    Note,
}

/// A block laid out into lines that have no page or row yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLines {
    pub role: BlockRole,
    /// The block's origin in the draft, copied onto every placed line.
    pub anchor: Anchor,
    /// The lines in reading order; empty only for an empty text.
    pub lines: Vec<Line>,
}

/// Lays out one block into lines. A pure function of the block: the caller
/// may keep the result while the block is unchanged.
///
/// Signature and date lines are right-aligned 右空二字 here;
/// [`paginate`](super::paginate()) moves them to the shared positions of
/// [`signature_and_date_starts`](super::grid::signature_and_date_starts).
pub fn lay_out_block(block: &Block) -> BlockLines {
    let (role, lines) = match &block.kind {
        BlockKind::Organ { text } => (BlockRole::Organ, centred(text, true)),
        BlockKind::Title { text } => (BlockRole::Title, title(text)),
        BlockKind::Byline { text } => (BlockRole::Byline, centred(text, true)),
        BlockKind::Addressee { text } => (
            BlockRole::Addressee,
            flowing(&[(text, FontRole::Body)], 0, false),
        ),
        BlockKind::Paragraph { text } => (
            BlockRole::Paragraph,
            flowing(&[(text, FontRole::Body)], PARAGRAPH_INDENT, false),
        ),
        BlockKind::Closing { text } => (
            BlockRole::Closing,
            flowing(&[(text, FontRole::Body)], PARAGRAPH_INDENT, false),
        ),
        BlockKind::Heading {
            level,
            number,
            text,
            run_in,
        } => heading(*level, number, text, run_in.as_deref()),
        BlockKind::Signature { text } => (BlockRole::Signature, right_aligned(text, true)),
        BlockKind::Date { text } => (BlockRole::Date, right_aligned(text, false)),
    };
    BlockLines {
        role,
        anchor: block.anchor.clone(),
        lines,
    }
}

fn heading(level: u8, number: &str, text: &str, run_in: Option<&str>) -> (BlockRole, Vec<Line>) {
    let font = FontRole::heading(level);
    let head = format!("{number}{text}");
    match run_in.filter(|r| !r.is_empty()) {
        Some(body) => (
            BlockRole::Heading {
                level,
                run_in: true,
            },
            flowing(
                &[(&head, font), (body, FontRole::Body)],
                PARAGRAPH_INDENT,
                false,
            ),
        ),
        None => (
            BlockRole::Heading {
                level,
                run_in: false,
            },
            flowing(&[(&head, font)], PARAGRAPH_INDENT, true),
        ),
    }
}

/// Body-like text flowing on the grid: first line at `indent`, the others
/// flush left, every line but the last justified. Lines without body text
/// (a heading's own lines) keep with the next line; `keep_all` makes every
/// line keep with the next.
fn flowing(parts: &[(&str, FontRole)], indent: usize, keep_all: bool) -> Vec<Line> {
    let mut chars = Vec::new();
    let mut ends = Vec::with_capacity(parts.len());
    for (text, _) in parts {
        chars.extend(text.chars());
        ends.push(chars.len());
    }
    let ranges = break_lines(&chars, UNITS_PER_LINE - indent, UNITS_PER_LINE);
    let count = ranges.len();
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| {
            let runs = runs_in(&chars, range, parts, &ends);
            let keep_with_next = keep_all || runs.iter().all(|r| r.role != FontRole::Body);
            Line {
                start: if i == 0 { indent } else { 0 },
                runs,
                justify: i + 1 < count,
                align: Align::Left,
                keep_with_next,
            }
        })
        .collect()
}

/// The runs of `parts` (ending at character indices `ends`) inside `range`.
fn runs_in(
    chars: &[char],
    range: Range<usize>,
    parts: &[(&str, FontRole)],
    ends: &[usize],
) -> Vec<Run> {
    let mut runs = Vec::with_capacity(1);
    let mut begin = 0;
    for (&(_, role), &end) in parts.iter().zip(ends) {
        let from = range.start.max(begin);
        let to = range.end.min(end);
        if from < to {
            runs.push(Run {
                text: chars[from..to].iter().collect(),
                role,
            });
        }
        begin = end;
    }
    runs
}

/// Centred body-size lines (the organ line), wrapped if wider than a line.
fn centred(text: &str, keep_with_next: bool) -> Vec<Line> {
    let chars: Vec<char> = text.chars().collect();
    break_lines(&chars, UNITS_PER_LINE, UNITS_PER_LINE)
        .into_iter()
        .map(|r| Line {
            start: 0,
            runs: vec![Run {
                text: chars[r].iter().collect(),
                role: FontRole::Body,
            }],
            justify: false,
            align: Align::Centre,
            keep_with_next,
        })
        .collect()
}

/// The title in balanced 2号 lines, kept together and with what follows.
fn title(text: &str) -> Vec<Line> {
    let chars: Vec<char> = text.chars().collect();
    break_title(&chars)
        .into_iter()
        .map(|r| Line {
            start: 0,
            runs: vec![Run {
                text: chars[r].iter().collect(),
                role: FontRole::Title,
            }],
            justify: false,
            align: Align::Centre,
            keep_with_next: true,
        })
        .collect()
}

/// A right-aligned line ending 右空二字; text too wide for that wraps flush
/// left.
fn right_aligned(text: &str, keep_with_next: bool) -> Vec<Line> {
    let units = text_units(text);
    if units + RIGHT_INDENT <= UNITS_PER_LINE {
        return vec![Line {
            start: UNITS_PER_LINE - RIGHT_INDENT - units,
            runs: vec![Run {
                text: text.to_string(),
                role: FontRole::Body,
            }],
            justify: false,
            align: Align::Right,
            keep_with_next,
        }];
    }
    let mut lines = flowing(&[(text, FontRole::Body)], 0, true);
    let count = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        line.justify = false;
        line.keep_with_next = keep_with_next || i + 1 < count;
    }
    lines
}
