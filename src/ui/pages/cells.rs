//! A laid-out line cut into the boxes the browser draws, every box with a
//! width fixed by the grid, so neither a missing font nor a fallback glyph
//! of another width can move a character, a line or a page break.
//!
//! * A run of CJK ideographs and CJK punctuation in one font role becomes
//!   one [`Piece::Group`]: an inline block of the grid's width, the
//!   characters inside spread by `letter-spacing` (every CJK face draws
//!   these at exactly 1 em, so the spacing is the grid cell minus the font
//!   size, plus the justification gap).
//! * A half-width character (digit, Latin letter, space) and a full-width
//!   character whose glyph width varies between faces (“ ” — … ·, Greek…)
//!   becomes one [`Piece::Cell`]: an inline block of exactly its grid width
//!   with the glyph centred in it.
//!
//! The line's last character carries no justification gap, so a justified
//! line ends exactly at the right edge of the type area.

use crate::layout::geometry::pt_to_mm;
use crate::layout::grid::char_units;
use crate::layout::{FontRole, Line};

/// One box of a line, left to right.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// CJK characters drawn 1 em wide, spread to the grid.
    Group {
        text: String,
        role: FontRole,
        /// Width of the box: the characters' grid cells plus their gaps.
        width_mm: f64,
        /// `letter-spacing`: grid cell + gap − font size.
        spacing_mm: f64,
    },
    /// One character centred in a box of its grid width.
    Cell {
        ch: char,
        role: FontRole,
        /// Width of the box: the character's grid cell.
        width_mm: f64,
        /// Space after the box (the justification gap; negative when
        /// punctuation is compressed).
        gap_mm: f64,
        /// A full-width character whose face may draw it narrower (quotes,
        /// dashes): asks the face for its full-width form.
        full_width: bool,
    },
}

impl Piece {
    /// The box's width plus the space after it, in millimetres.
    pub fn advance_mm(&self) -> f64 {
        match self {
            Piece::Group { width_mm, .. } => *width_mm,
            Piece::Cell {
                width_mm, gap_mm, ..
            } => width_mm + gap_mm,
        }
    }
}

/// Whether every CJK face draws `c` exactly one em wide: ideographs, CJK
/// symbols and punctuation, kana, full-width forms. Characters outside
/// these blocks (general punctuation such as “ ” — …, Latin-1, Greek) are
/// drawn proportionally by some faces and get a fixed cell instead.
pub fn is_em_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // CJK radicals, Kangxi radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3100}'..='\u{31BF}' // bopomofo, Hangul compatibility jamo
        | '\u{3200}'..='\u{33FF}' // enclosed CJK letters, CJK compatibility
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}' // CJK compatibility forms
        | '\u{FF01}'..='\u{FF60}' // full-width forms
        | '\u{FFE0}'..='\u{FFE6}' // full-width signs
        | '\u{20000}'..='\u{3FFFF}' // supplementary ideographs
    )
}

/// Font size of `role` in millimetres.
pub fn font_mm(role: FontRole) -> f64 {
    pt_to_mm(role.size_pt())
}

/// Cuts `runs` (text and role) into boxes, with `gap_mm` after every
/// character but the last.
pub fn pieces<'a>(runs: impl IntoIterator<Item = (&'a str, FontRole)>, gap_mm: f64) -> Vec<Piece> {
    let chars: Vec<(char, FontRole)> = runs
        .into_iter()
        .flat_map(|(text, role)| text.chars().map(move |c| (c, role)))
        .collect();
    let mut out: Vec<Piece> = Vec::new();
    let last = chars.len().saturating_sub(1);
    for (i, &(c, role)) in chars.iter().enumerate() {
        let units = char_units(c);
        let cell_mm = units as f64 * role.unit_mm();
        let gap = if i == last { 0.0 } else { gap_mm };
        if units == 2 && is_em_wide(c) {
            let spacing_mm = cell_mm + gap - font_mm(role);
            if let Some(Piece::Group {
                text,
                role: r,
                width_mm,
                spacing_mm: s,
            }) = out.last_mut()
            {
                if *r == role && (*s - spacing_mm).abs() < 1e-9 {
                    text.push(c);
                    *width_mm += cell_mm + gap;
                    continue;
                }
            }
            out.push(Piece::Group {
                text: c.to_string(),
                role,
                width_mm: cell_mm + gap,
                spacing_mm,
            });
        } else {
            out.push(Piece::Cell {
                ch: c,
                role,
                width_mm: cell_mm,
                gap_mm: gap,
                full_width: units == 2,
            });
        }
    }
    out
}

/// The boxes of a laid-out line.
pub fn line_pieces(line: &Line) -> Vec<Piece> {
    pieces(
        line.runs.iter().map(|r| (r.text.as_str(), r.role)),
        line.letter_gap_mm(),
    )
}
