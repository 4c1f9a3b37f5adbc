//! What a laid-out line is made of: runs of text in a font role, a start
//! position in half-width units, an alignment and whether it is justified.

use super::geometry::{
    pt_to_mm, units_mm, BODY_SIZE_PT, HALF_UNIT_MM, LINE_PITCH_MM, PAGE_NUMBER_SIZE_PT,
    RECORD_INSET_MM, RECORD_SIZE_PT, RECORD_UNITS_PER_LINE, TITLE_SIZE_PT, TYPE_AREA_WIDTH_MM,
};
use super::grid::{text_units, UNITS_PER_LINE};

/// The typeface and size a run is set in (GB/T 9704 7.3, 7.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontRole {
    /// 2号 (22 pt) 小标宋.
    Title,
    /// 3号 (16 pt) 仿宋: body text, organ line, addressee, signature, date.
    Body,
    /// 3号 黑体: "一、" headings.
    Heading1,
    /// 3号 楷体: "（一）" headings.
    Heading2,
    /// 3号 仿宋: "1." headings.
    Heading3,
    /// 3号 仿宋: "（1）" headings.
    Heading4,
    /// 4号 (14 pt) 宋体: the page number.
    PageNumber,
    /// 3号 黑体: 份号, 密级和保密期限, 紧急程度 in the 版头 (7.2.1–7.2.3).
    Marking,
    /// 3号 楷体: the 签发人's names (7.2.6).
    Signer,
    /// 4号 (14 pt) 仿宋: the 版记's lines (7.4.2, 7.4.3), off the 3号 grid
    /// horizontally, one grid row each.
    Record,
}

impl FontRole {
    /// The font role of a heading at `level` (1–4; deeper levels use 4).
    pub fn heading(level: u8) -> FontRole {
        match level {
            0 | 1 => FontRole::Heading1,
            2 => FontRole::Heading2,
            3 => FontRole::Heading3,
            _ => FontRole::Heading4,
        }
    }

    /// Font size in points.
    pub fn size_pt(self) -> f64 {
        match self {
            FontRole::Title => TITLE_SIZE_PT,
            FontRole::PageNumber => PAGE_NUMBER_SIZE_PT,
            FontRole::Record => RECORD_SIZE_PT,
            _ => BODY_SIZE_PT,
        }
    }

    /// The typeface the standard names, in Chinese.
    pub fn typeface(self) -> &'static str {
        match self {
            FontRole::Title => "小标宋",
            FontRole::Body | FontRole::Heading3 | FontRole::Heading4 | FontRole::Record => "仿宋",
            FontRole::Heading1 | FontRole::Marking => "黑体",
            FontRole::Heading2 | FontRole::Signer => "楷体",
            FontRole::PageNumber => "宋体",
        }
    }

    /// Width of one half-width unit in this role: the grid's half pitch for
    /// 3号 text on the grid, half the font size for the title, the page
    /// number and the 版记, which are set off the grid.
    pub fn unit_mm(self) -> f64 {
        match self {
            FontRole::Title | FontRole::PageNumber | FontRole::Record => {
                pt_to_mm(self.size_pt()) / 2.0
            }
            _ => HALF_UNIT_MM,
        }
    }

    /// Distance from the top of a grid row to the top of the text's em box:
    /// 0 for text on the grid (its glyphs start at the row's top), half the
    /// room left for a 4号 版记 line, which sits centred between its rules.
    pub fn row_offset_mm(self) -> f64 {
        match self {
            FontRole::Record => (LINE_PITCH_MM - pt_to_mm(RECORD_SIZE_PT)) / 2.0,
            _ => 0.0,
        }
    }
}

/// A piece of a line in one font role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The characters, never empty.
    pub text: String,
    /// The face and size to set them in.
    pub role: FontRole,
}

/// How a line sits on its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// Starts at [`Line::start`].
    Left,
    /// Centred in the type area's width; [`Line::start`] is 0.
    Centre,
    /// Right-aligned text (signature, date) placed by its computed
    /// [`Line::start`]; draw it exactly like [`Align::Left`].
    Right,
}

/// One line of a block, before it is given a page and a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Start in half-width grid units from the left of the type area.
    pub start: usize,
    /// The text in reading order, one run per font role change.
    pub runs: Vec<Run>,
    /// Spread the text so it ends at the right edge of the type area.
    /// True for every full line of a paragraph, false for a paragraph's
    /// last line, centred lines and the signature and date.
    pub justify: bool,
    /// Left, centred or right-aligned (the latter placed by `start`).
    pub align: Align,
    /// Pagination must not put a page break right after this line.
    pub keep_with_next: bool,
}

impl Line {
    /// The line's plain text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Width in half-width units of the line's own font size (grid units
    /// for 3号 text).
    pub fn units(&self) -> usize {
        self.runs.iter().map(|r| text_units(&r.text)).sum()
    }

    /// The font role of the line's first run (body text for an empty line).
    pub fn role(&self) -> FontRole {
        self.runs.first().map_or(FontRole::Body, |r| r.role)
    }

    /// Where the line's text must end, in its own half-width units: the
    /// type area's right edge, or for a 版记 line one 4号 character inside it.
    fn right_limit(&self) -> usize {
        match self.role() {
            FontRole::Record => RECORD_UNITS_PER_LINE,
            _ => UNITS_PER_LINE,
        }
    }

    /// Whether the line ends with compressed punctuation: its text is up to
    /// two units wider than the room from `start` to the right edge, and the
    /// renderer must squeeze it into that room.
    pub fn is_compressed(&self) -> bool {
        self.align != Align::Centre && self.start + self.units() > self.right_limit()
    }

    /// Half-width units from `start` to the right edge of the type area
    /// (for a 版记 line, to one character inside it).
    pub fn room(&self) -> usize {
        self.right_limit().saturating_sub(self.start)
    }

    /// Extra space between two neighbouring characters, in millimetres, on
    /// top of their grid widths, that makes a justified or compressed line
    /// end exactly at the right edge of the type area: positive for a line
    /// shorter than its room (characters pulled down, an odd number of
    /// half-width units), negative for compressed punctuation, 0 for lines
    /// drawn at their natural width.
    pub fn letter_gap_mm(&self) -> f64 {
        if self.align == Align::Centre || !(self.justify || self.is_compressed()) {
            return 0.0;
        }
        let chars: usize = self.runs.iter().map(|r| r.text.chars().count()).sum();
        if chars < 2 {
            return 0.0;
        }
        let slack = self.room() as f64 - self.units() as f64;
        slack * self.role().unit_mm() / (chars - 1) as f64
    }

    /// Natural width of the text in millimetres (before justification).
    pub fn width_mm(&self) -> f64 {
        self.runs
            .iter()
            .map(|r| text_units(&r.text) as f64 * r.role.unit_mm())
            .sum()
    }

    /// Left edge of the text from the left of the type area, in millimetres.
    pub fn left_mm(&self) -> f64 {
        match (self.align, self.role()) {
            (Align::Centre, _) => ((TYPE_AREA_WIDTH_MM - self.width_mm()) / 2.0).max(0.0),
            // The 印发日期: 右空一字 (7.4.3), off the 3号 grid.
            (Align::Right, FontRole::Record) => {
                TYPE_AREA_WIDTH_MM - RECORD_INSET_MM - self.width_mm()
            }
            (_, FontRole::Record) => self.start as f64 * FontRole::Record.unit_mm(),
            (Align::Left | Align::Right, _) => units_mm(self.start),
        }
    }

    /// Width of the box the line is drawn in, in millimetres: to the right
    /// edge of the type area for justified lines, the text's own width
    /// otherwise.
    pub fn box_width_mm(&self) -> f64 {
        if self.justify {
            TYPE_AREA_WIDTH_MM - units_mm(self.start)
        } else {
            self.width_mm()
        }
    }
}
