//! What a laid-out line is made of: runs of text in a font role, a start
//! position in half-width units, an alignment and whether it is justified.

use super::geometry::{
    pt_to_mm, units_mm, BODY_SIZE_PT, HALF_UNIT_MM, PAGE_NUMBER_SIZE_PT, TITLE_SIZE_PT,
    TYPE_AREA_WIDTH_MM,
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
            _ => BODY_SIZE_PT,
        }
    }

    /// The typeface the standard names, in Chinese.
    pub fn typeface(self) -> &'static str {
        match self {
            FontRole::Title => "小标宋",
            FontRole::Body | FontRole::Heading3 | FontRole::Heading4 => "仿宋",
            FontRole::Heading1 => "黑体",
            FontRole::Heading2 => "楷体",
            FontRole::PageNumber => "宋体",
        }
    }

    /// Width of one half-width unit in this role: the grid's half pitch for
    /// 3号 text on the grid, half the font size for the title and the page
    /// number, which are set off the grid.
    pub fn unit_mm(self) -> f64 {
        match self {
            FontRole::Title | FontRole::PageNumber => pt_to_mm(self.size_pt()) / 2.0,
            _ => HALF_UNIT_MM,
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

    /// Whether the line ends with compressed punctuation: its text is up to
    /// two units wider than the room from `start` to the right edge, and the
    /// renderer must squeeze it into that room.
    pub fn is_compressed(&self) -> bool {
        self.align != Align::Centre && self.start + self.units() > UNITS_PER_LINE
    }

    /// Half-width units from `start` to the right edge of the type area.
    pub fn room(&self) -> usize {
        UNITS_PER_LINE.saturating_sub(self.start)
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
        slack * HALF_UNIT_MM / (chars - 1) as f64
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
        match self.align {
            Align::Centre => ((TYPE_AREA_WIDTH_MM - self.width_mm()) / 2.0).max(0.0),
            Align::Left | Align::Right => units_mm(self.start),
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
