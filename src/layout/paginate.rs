//! Step two of layout: the blocks' lines onto pages of 22 rows, with the
//! blank rows between blocks, the keep-together rules and page numbers.

use super::block::{BlockLines, BlockRole};
use super::frame::{record_rules, FrameLines, Mark, FRAME_BLOCK};
use super::geometry::{row_top_mm, PAGE_NUMBER_INSET_MM, RECORD_GAP_ROWS, TYPE_AREA_WIDTH_MM};
use super::grid::{signature_and_date_starts, text_units, LINES_PER_PAGE};
use super::line::{FontRole, Line};
use crate::document::Anchor;

/// A line on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedLine {
    /// Grid row on the page, 0..22.
    pub row: usize,
    /// Index of the block (in the document) the line belongs to;
    /// [`FRAME_BLOCK`] for the 版头, 附件说明, 附注 and 版记 of a 报送版.
    pub block: usize,
    /// Where that block came from in the draft.
    pub anchor: Anchor,
    pub line: Line,
}

impl PlacedLine {
    /// The line's plain text.
    pub fn text(&self) -> String {
        self.line.text()
    }

    /// Top of the line's em box below the top of the type area, in mm:
    /// its row's top (a 版记 line sits centred in its row).
    pub fn top_mm(&self) -> f64 {
        row_top_mm(self.row) + self.line.role().row_offset_mm()
    }
}

/// Which side of the page the page number sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Even pages: 左空一字.
    Left,
    /// Odd pages: 右空一字.
    Right,
}

/// A page's number as printed under the type area (7.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNumber {
    /// 1-based.
    pub number: usize,
    pub side: Side,
    /// "— N —": em dashes, spaces and half-width digits.
    pub text: String,
}

impl PageNumber {
    /// The number of page `number` (1-based).
    pub fn new(number: usize) -> PageNumber {
        PageNumber {
            number,
            side: if number % 2 == 1 {
                Side::Right
            } else {
                Side::Left
            },
            text: format!("— {number} —"),
        }
    }

    /// Natural width of the text in 4号, in mm.
    pub fn width_mm(&self) -> f64 {
        text_units(&self.text) as f64 * FontRole::PageNumber.unit_mm()
    }

    /// Left edge of the text from the left of the type area, in mm: one 4号
    /// character in from the type area's outer edge.
    pub fn left_mm(&self) -> f64 {
        match self.side {
            Side::Left => PAGE_NUMBER_INSET_MM,
            Side::Right => TYPE_AREA_WIDTH_MM - PAGE_NUMBER_INSET_MM - self.width_mm(),
        }
    }
}

/// One printed page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// 1-based page number.
    pub number: usize,
    /// Lines in row order; rows not listed are blank. In a 报送版 two lines
    /// may share a row (发文字号 and 签发人, 印发机关 and 印发日期).
    pub lines: Vec<PlacedLine>,
    pub page_number: PageNumber,
    /// The 发文机关标志 and the rules of a 报送版; none otherwise.
    pub marks: Vec<Mark>,
}

impl Page {
    /// The text on each of the 22 rows ("" for a blank row).
    pub fn rows(&self) -> Vec<String> {
        let mut rows = vec![String::new(); LINES_PER_PAGE];
        for line in &self.lines {
            if let Some(row) = rows.get_mut(line.row) {
                if !row.is_empty() {
                    row.push(' ');
                }
                row.push_str(&line.text());
            }
        }
        rows
    }

    /// Rows in use, up to and including the last line.
    pub fn used_rows(&self) -> usize {
        self.lines.iter().map(|l| l.row + 1).max().unwrap_or(0)
    }

    fn new(number: usize) -> Page {
        Page {
            number,
            lines: Vec::with_capacity(LINES_PER_PAGE),
            page_number: PageNumber::new(number),
            marks: Vec::new(),
        }
    }
}

/// A laid-out document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub pages: Vec<Page>,
}

impl Layout {
    /// Every line with its page index (0-based), in reading order.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &PlacedLine)> {
        self.pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| page.lines.iter().map(move |l| (p, l)))
    }

    /// The page index (0-based) and row of the first line of the block
    /// with `anchor`, to scroll the preview to the part being edited.
    pub fn locate(&self, anchor: &Anchor) -> Option<(usize, usize)> {
        self.lines()
            .find(|(_, l)| &l.anchor == anchor)
            .map(|(p, l)| (p, l.row))
    }

    /// The page index and row of the first line of block `block`.
    pub fn locate_block(&self, block: usize) -> Option<(usize, usize)> {
        self.lines()
            .find(|(_, l)| l.block == block)
            .map(|(p, l)| (p, l.row))
    }
}

/// A row to fill: a line of a block, or a blank row between blocks.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Blank {
        keep: bool,
    },
    Line {
        block: usize,
        line: usize,
        keep: bool,
    },
}

impl Slot {
    fn keep(self) -> bool {
        match self {
            Slot::Blank { keep } | Slot::Line { keep, .. } => keep,
        }
    }
}

/// Blank rows between two consecutive blocks.
fn blank_rows_between(before: BlockRole, after: BlockRole) -> usize {
    match (before, after) {
        (BlockRole::Title, BlockRole::Byline) => 0,
        (BlockRole::Organ | BlockRole::Title | BlockRole::Byline, _) => 1,
        (BlockRole::Signature, BlockRole::Date) => 0,
        (BlockRole::Signature | BlockRole::Date, BlockRole::Note) => 0,
        (_, BlockRole::Signature | BlockRole::Date | BlockRole::Attachments | BlockRole::Note) => 1,
        _ => 0,
    }
}

/// Puts the blocks' lines on pages (step two of layout).
///
/// Blank rows: one under the organ line, one under the title (or under the
/// lines right below it, such as 述职人), one above
/// the signature (or the date when there is no signature); none at the top
/// of a page. A run of lines that must keep together (heading lines with
/// the first line after them; the last body line, the blank row, the
/// signature and the date) moves to the next page whole when it does not
/// fit, unless it is longer than a page.
pub fn paginate<'a>(blocks: impl IntoIterator<Item = &'a BlockLines>) -> Layout {
    paginate_with(blocks, None)
}

/// [`paginate()`] with the frame of a 报送版 (see [`super::frame`]): page 1
/// starts with the 版头 and the body below it; the 附件说明 goes before the
/// signature, the 附注 after the date; the 版记 ends the last page, or a
/// page of its own when the last page cannot hold it.
pub fn paginate_with<'a>(
    blocks: impl IntoIterator<Item = &'a BlockLines>,
    frame: Option<&'a FrameLines>,
) -> Layout {
    let mut blocks: Vec<&BlockLines> = blocks.into_iter().collect();
    let mut indices: Vec<usize> = (0..blocks.len()).collect();
    let mut pages: Vec<Page> = Vec::new();
    let mut row = 0;
    if let Some(frame) = frame {
        insert_frame_blocks(&mut blocks, &mut indices, frame);
        let mut page = Page::new(1);
        page.marks = frame.head_marks.clone();
        page.lines = frame
            .head
            .iter()
            .map(|(row, line, anchor)| PlacedLine {
                row: *row,
                block: FRAME_BLOCK,
                anchor: anchor.clone(),
                line: line.clone(),
            })
            .collect();
        pages.push(page);
        row = frame.body_row;
    }
    let slots = slots(&blocks);
    let starts = signature_date_starts(&blocks);
    for (idx, &slot) in slots.iter().enumerate() {
        let chain_start = idx == 0 || !slots[idx - 1].keep();
        if chain_start && row > 0 {
            let len = chain_len(&slots[idx..]);
            if row + len > LINES_PER_PAGE && len <= LINES_PER_PAGE {
                row = LINES_PER_PAGE;
            }
        }
        if row >= LINES_PER_PAGE {
            row = 0;
        }
        match slot {
            Slot::Blank { .. } if row == 0 => {}
            Slot::Blank { .. } => row += 1,
            Slot::Line { block, line, .. } => {
                if row == 0 {
                    pages.push(Page::new(pages.len() + 1));
                }
                let source = blocks[block];
                let mut placed = source.lines[line].clone();
                if let Some(start) = starts[block] {
                    placed.start = start;
                }
                if let Some(page) = pages.last_mut() {
                    page.lines.push(PlacedLine {
                        row,
                        block: indices[block],
                        anchor: source.anchor.clone(),
                        line: placed,
                    });
                }
                row += 1;
            }
        }
    }
    if let Some(frame) = frame.filter(|f| f.record_rows > 0) {
        place_record(&mut pages, frame);
    }
    Layout { pages }
}

/// Puts the 附件说明 before the signature (or the date, or at the end) and
/// the 附注 after the date (or the signature, or at the end); `indices`
/// keeps each block's index in the document.
fn insert_frame_blocks<'a>(
    blocks: &mut Vec<&'a BlockLines>,
    indices: &mut Vec<usize>,
    frame: &'a FrameLines,
) {
    let closing = |blocks: &[&BlockLines]| {
        blocks
            .iter()
            .position(|b| matches!(b.role, BlockRole::Signature | BlockRole::Date))
    };
    if let Some(attachments) = &frame.attachments {
        let at = closing(blocks).unwrap_or(blocks.len());
        blocks.insert(at, attachments);
        indices.insert(at, FRAME_BLOCK);
    }
    if let Some(note) = &frame.note {
        let at = blocks
            .iter()
            .rposition(|b| matches!(b.role, BlockRole::Signature | BlockRole::Date))
            .map_or(blocks.len(), |i| i + 1);
        blocks.insert(at, note);
        indices.insert(at, FRAME_BLOCK);
    }
}

/// The 版记 at the bottom of the last page, its last rule on the type
/// area's bottom edge, or on a new page when the last page has no room
/// [`RECORD_GAP_ROWS`] below its last line.
fn place_record(pages: &mut Vec<Page>, frame: &FrameLines) {
    let rows = frame.record_rows;
    let fits = pages
        .last()
        .is_some_and(|p| p.used_rows() + RECORD_GAP_ROWS + rows <= LINES_PER_PAGE);
    if !fits {
        pages.push(Page::new(pages.len() + 1));
    }
    let Some(page) = pages.last_mut() else {
        return;
    };
    let first = LINES_PER_PAGE.saturating_sub(rows);
    for (row, line, anchor) in &frame.record {
        page.lines.push(PlacedLine {
            row: first + row,
            block: FRAME_BLOCK,
            anchor: anchor.clone(),
            line: line.clone(),
        });
    }
    page.marks
        .extend(record_rules(first, rows, frame.record_thin_rule));
}

/// The rows to fill in order, with their keep-with-next flags.
fn slots(blocks: &[&BlockLines]) -> Vec<Slot> {
    let mut out = Vec::with_capacity(blocks.iter().map(|b| b.lines.len() + 1).sum());
    let mut before: Option<BlockRole> = None;
    for (b, block) in blocks.iter().enumerate() {
        if block.lines.is_empty() {
            continue;
        }
        if let Some(prev) = before {
            let closing_group = matches!(
                block.role,
                BlockRole::Signature | BlockRole::Date | BlockRole::Note
            ) && !matches!(prev, BlockRole::Signature);
            if closing_group {
                // The signature and date keep with the last body line.
                if let Some(Slot::Line { keep, .. } | Slot::Blank { keep }) = out.last_mut() {
                    *keep = true;
                }
            }
            let keep = out.last().is_some_and(|s: &Slot| s.keep());
            for _ in 0..blank_rows_between(prev, block.role) {
                out.push(Slot::Blank { keep });
            }
        }
        for (i, line) in block.lines.iter().enumerate() {
            out.push(Slot::Line {
                block: b,
                line: i,
                keep: line.keep_with_next,
            });
        }
        before = Some(block.role);
    }
    out
}

/// Rows in the keep-together run starting at the first slot.
fn chain_len(slots: &[Slot]) -> usize {
    slots
        .iter()
        .position(|s| !s.keep())
        .map_or(slots.len(), |i| i + 1)
}

/// Per block, the start that replaces its own: the shared signature and
/// date positions, for one-line signatures and dates.
fn signature_date_starts(blocks: &[&BlockLines]) -> Vec<Option<usize>> {
    let single = |role: BlockRole| {
        blocks
            .iter()
            .find(|b| b.role == role)
            .filter(|b| b.lines.len() == 1)
            .map(|b| b.lines[0].text())
    };
    let (signature, date) = (single(BlockRole::Signature), single(BlockRole::Date));
    let (sig_start, date_start) = signature_and_date_starts(
        signature.as_deref().unwrap_or(""),
        date.as_deref().unwrap_or(""),
    );
    blocks
        .iter()
        .map(|b| match b.role {
            BlockRole::Signature if signature.is_some() => Some(sig_start),
            BlockRole::Date if date.is_some() => {
                if signature.is_some() {
                    Some(date_start)
                } else {
                    None
                }
            }
            _ => None,
        })
        .collect()
}
