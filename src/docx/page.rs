//! The GB/T 9704 page in Word's units (twips: 1/20 pt, 1440 per inch), with
//! the values measured on LibreOffice 7.4's PDF output (see
//! `docs/gbt9704.md`, "A DOCX converted to PDF by LibreOffice 7.4 …").

use crate::layout::grid::{LINES_PER_PAGE, UNITS_PER_LINE};

/// Converts tenths of a millimetre to twips, rounded to the nearest twip.
pub const fn mm10_to_twips(mm10: u32) -> u32 {
    (mm10 * 1440 + 127) / 254
}

/// A4 width, 210 mm.
pub const PAGE_WIDTH: u32 = 11906;
/// A4 height, 297 mm.
pub const PAGE_HEIGHT: u32 = 16838;

/// Top margin, 33.8 mm: less than the standard's 37 mm white edge because
/// the exact line box puts its leading above the first glyph; with this
/// margin the first glyph's top lands at 37 mm.
pub const MARGIN_TOP: u32 = mm10_to_twips(338);
/// Binding-side (left) margin, 28 mm.
pub const MARGIN_LEFT: u32 = mm10_to_twips(280);
/// Right margin, 26 mm, leaving the 156 mm type width.
pub const MARGIN_RIGHT: u32 = mm10_to_twips(260);
/// Height of the type area, 225 mm.
pub const TYPE_AREA_HEIGHT: u32 = mm10_to_twips(2250);
/// Bottom margin: whatever makes the type area 225 mm high. It holds 22
/// exact lines (636.9 pt) but not a 23rd.
pub const MARGIN_BOTTOM: u32 = PAGE_HEIGHT - MARGIN_TOP - TYPE_AREA_HEIGHT;
/// Page bottom to footer, 25.7 mm: puts the page number's dash 7 mm under
/// the type area.
pub const FOOTER_DISTANCE: u32 = mm10_to_twips(257);
/// Page top to header (the report has no header; Word wants a value).
pub const HEADER_DISTANCE: u32 = mm10_to_twips(150);

/// The exact line pitch: 225 mm / 22 lines = 28.95 pt = 579 twips.
pub const LINE_PITCH: u32 = 579;
/// Space before the first title line, 5.3 pt, which centres the 22 pt title
/// on its grid line; the blank line under the title gives it back.
pub const TITLE_SPACE_BEFORE: u32 = 106;
/// The blank line under the title, shortened by [`TITLE_SPACE_BEFORE`] so
/// that the addressee and everything after it sit on the 22-line grid.
pub const TITLE_GAP: u32 = LINE_PITCH - TITLE_SPACE_BEFORE;

/// Character spacing of every run, in twips: −0.25 pt, which makes 16 pt
/// glyphs advance 15.75 pt so that exactly 28 fit the 156 mm line
/// (−0.2 pt gives 27 in LibreOffice).
pub const CHAR_SPACING: i32 = -5;
/// The advance of one full-width body character: 16 pt − 0.25 pt.
pub const CHAR_ADVANCE: u32 = 16 * 20 - 5;
/// The two-character first-line indent in twips (for readers that ignore
/// `w:firstLineChars`).
pub const FIRST_LINE_INDENT: u32 = 2 * CHAR_ADVANCE;
/// One character of the 14 pt page number: its distance from the outer
/// margin.
pub const PAGE_NUMBER_INSET: u32 = 14 * 20;

/// Twips from the type area's left edge to a position given in the grid's
/// half-width units (a full-width character is 2 units).
pub fn units_to_twips(units: usize) -> u32 {
    // Half a character advance per unit, rounded.
    ((units as u32) * CHAR_ADVANCE).div_ceil(2)
}

// The page holds the grid: 22 lines fit the type area and 28 characters the
// type width.
const _: () = assert!(LINE_PITCH * LINES_PER_PAGE as u32 <= TYPE_AREA_HEIGHT);
const _: () = assert!(LINE_PITCH * (LINES_PER_PAGE as u32 + 1) > TYPE_AREA_HEIGHT);
const _: () =
    assert!(CHAR_ADVANCE * UNITS_PER_LINE as u32 / 2 <= PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_match_the_measured_values() {
        assert_eq!(MARGIN_TOP, 1916);
        assert_eq!(MARGIN_LEFT, 1587);
        assert_eq!(MARGIN_RIGHT, 1474);
        assert_eq!(MARGIN_BOTTOM, 2166);
        assert_eq!(FOOTER_DISTANCE, 1457);
        // 28 characters of 15.75 pt leave less than half a millimetre free.
        let free = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - 28 * CHAR_ADVANCE;
        assert!(free < 30, "{free}");
    }

    #[test]
    fn grid_units_convert_to_character_advances() {
        assert_eq!(units_to_twips(4), 2 * CHAR_ADVANCE);
        assert_eq!(units_to_twips(1), 158);
        assert_eq!(units_to_twips(0), 0);
    }
}
