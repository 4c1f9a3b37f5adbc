//! The page geometry of GB/T 9704 in millimetres and points, in one place,
//! so the preview, the print stylesheet and the DOCX export place things
//! with the same numbers.
//!
//! All positions inside the type area (版心) are measured from its top-left
//! corner; add [`TOP_MM`] and [`LEFT_MM`] for positions on the paper.

use super::grid::{CHARS_PER_LINE, LINES_PER_PAGE};

/// Millimetres per typographic point (1 pt = 1/72 inch).
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// Paper width, A4 (5.1).
pub const PAPER_WIDTH_MM: f64 = 210.0;
/// Paper height, A4 (5.1).
pub const PAPER_HEIGHT_MM: f64 = 297.0;
/// Top white edge (天头): paper edge to the top of the type area (5.2.1).
pub const TOP_MM: f64 = 37.0;
/// Binding-side white edge (订口): paper edge to the left of the type area.
pub const LEFT_MM: f64 = 28.0;
/// Type area (版心) width (5.2.1).
pub const TYPE_AREA_WIDTH_MM: f64 = 156.0;
/// Type area (版心) height, page number not included (5.2.1).
pub const TYPE_AREA_HEIGHT_MM: f64 = 225.0;
/// White edge right of the type area (210 − 28 − 156).
pub const RIGHT_MM: f64 = PAPER_WIDTH_MM - LEFT_MM - TYPE_AREA_WIDTH_MM;
/// White edge under the type area (297 − 37 − 225).
pub const BOTTOM_MM: f64 = PAPER_HEIGHT_MM - TOP_MM - TYPE_AREA_HEIGHT_MM;

/// Distance between two grid rows: 225 mm / 22 ≈ 10.23 mm ≈ 28.99 pt.
pub const LINE_PITCH_MM: f64 = TYPE_AREA_HEIGHT_MM / LINES_PER_PAGE as f64;
/// Width of one full-width grid character: 156 mm / 28 ≈ 5.57 mm ≈ 15.79 pt.
pub const CHAR_PITCH_MM: f64 = TYPE_AREA_WIDTH_MM / CHARS_PER_LINE as f64;
/// Width of one half-width unit, the unit of every horizontal grid position.
pub const HALF_UNIT_MM: f64 = CHAR_PITCH_MM / 2.0;

/// 3号: body text and every heading level (5.2.2, 7.3.3).
pub const BODY_SIZE_PT: f64 = 16.0;
/// 2号: the title (7.3.1).
pub const TITLE_SIZE_PT: f64 = 22.0;
/// 4号: the page number (7.5).
pub const PAGE_NUMBER_SIZE_PT: f64 = 14.0;

/// Full-width characters on one title line: floor(156 mm / 22 pt) = 20.
/// Computed in integers (156 × 72 × 10 / (22 × 254)) so it is a constant.
pub const TITLE_CHARS_PER_LINE: usize = (156 * 72 * 10) / (22 * 254);
/// Half-width units (of the title size) on one title line.
pub const TITLE_UNITS_PER_LINE: usize = TITLE_CHARS_PER_LINE * 2;

/// The page number's dashes sit this far below the type area (7.5).
pub const PAGE_NUMBER_BELOW_TYPE_AREA_MM: f64 = 7.0;
/// Vertical position of the page number's dashes on the paper:
/// 37 + 225 + 7 = 269 mm from the top edge.
pub const PAGE_NUMBER_DASH_Y_MM: f64 =
    TOP_MM + TYPE_AREA_HEIGHT_MM + PAGE_NUMBER_BELOW_TYPE_AREA_MM;
/// Space between the page number and the type area's outer edge: one 4号
/// character (右空一字 on odd pages, 左空一字 on even pages), ≈ 4.94 mm.
pub const PAGE_NUMBER_INSET_MM: f64 = PAGE_NUMBER_SIZE_PT * MM_PER_PT;

/// 4号: the 版记's lines (7.4.2, 7.4.3).
pub const RECORD_SIZE_PT: f64 = 14.0;
/// The 版记's lines are 左右各空一字: one 4号 character, ≈ 4.94 mm.
pub const RECORD_INSET_MM: f64 = RECORD_SIZE_PT * MM_PER_PT;
/// Where a 版记 line's text must end, in 4号 half-width units from the
/// type area's left edge: floor(156 mm / 7 pt) = 63 units, less one
/// character (2 units) on the right.
pub const RECORD_UNITS_PER_LINE: usize = (156 * 72 * 10) / (7 * 254) - 2;

// The 版头 and 版记 of the edition sent up (7.2, 7.4). Where the standard
// gives no number, the one chosen here is used by the preview, the print
// and the DOCX alike.

/// 7.2.4: the top edge of the 发文机关标志 is 35 mm below the top of the
/// type area (72 mm from the paper's top), 上行文 included.
pub const ISSUER_MARK_TOP_MM: f64 = 35.0;
/// The 发文机关标志's size, which the standard leaves to the issuer
/// ("醒目、美观、庄重"): 初号 (42 pt, ≈ 14.8 mm), inside the 1999 edition's
/// 15 mm height limit. A name too wide for the type area at this size is
/// squeezed horizontally, never made lower, so nothing below it moves.
pub const ISSUER_MARK_SIZE_PT: f64 = 42.0;
/// How far below its em box's top a CJK face starts to ink an ideograph,
/// in ems: about 0.08 (measured on the printed Noto Serif CJK Bold that
/// stands in for 小标宋). The 标志's em box is raised by this much so that
/// the ink — the edge a ruler measures — starts at 35 mm.
pub const ISSUER_MARK_INK_INSET_EM: f64 = 0.08;
/// 7.2.7: the red rule's top edge is 4 mm below the 发文字号 (measured from
/// the bottom of the 发文字号's 3号 em box, which the standard leaves open).
pub const RED_RULE_GAP_MM: f64 = 4.0;
/// The red rule's thickness, which the standard does not state: 1.5 pt
/// (≈ 0.53 mm), common practice and a border width Word, WPS and
/// LibreOffice all draw.
pub const RED_RULE_MM: f64 = 1.5 * MM_PER_PT;
/// 7.4.1: the 版记's first and last rules (推荐 0.35 mm).
pub const RECORD_THICK_RULE_MM: f64 = 0.35;
/// 7.4.1: the rule between the 版记's elements (推荐 0.25 mm).
pub const RECORD_THIN_RULE_MM: f64 = 0.25;
/// Blank grid rows kept between the last line of the body and the 版记's
/// first rule (the standard only says the 版记 ends on the last page's
/// bottom edge): one, so the rule never touches the text above it.
pub const RECORD_GAP_ROWS: usize = 1;

/// Converts points to millimetres.
pub fn pt_to_mm(pt: f64) -> f64 {
    pt * MM_PER_PT
}

/// Top of grid row `row` (0-based) below the top of the type area.
pub fn row_top_mm(row: usize) -> f64 {
    row as f64 * LINE_PITCH_MM
}

/// Horizontal position of `units` half-width units from the left of the
/// type area.
pub fn units_mm(units: usize) -> f64 {
    units as f64 * HALF_UNIT_MM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pitches_match_the_standard() {
        assert!((LINE_PITCH_MM - 10.227).abs() < 0.001);
        assert!((LINE_PITCH_MM / MM_PER_PT - 28.99).abs() < 0.01);
        assert!((CHAR_PITCH_MM - 5.571).abs() < 0.001);
        assert!((RIGHT_MM - 26.0).abs() < 1e-9);
        assert!((BOTTOM_MM - 35.0).abs() < 1e-9);
    }

    #[test]
    fn title_line_holds_twenty_characters() {
        let exact = TYPE_AREA_WIDTH_MM / pt_to_mm(TITLE_SIZE_PT);
        assert_eq!(TITLE_CHARS_PER_LINE, exact.floor() as usize);
        assert_eq!(TITLE_CHARS_PER_LINE, 20);
    }

    #[test]
    fn record_line_holds_fifty_nine_units_between_its_insets() {
        let unit = RECORD_SIZE_PT * MM_PER_PT / 2.0;
        assert_eq!(RECORD_UNITS_PER_LINE, 61);
        assert!(RECORD_UNITS_PER_LINE as f64 * unit <= TYPE_AREA_WIDTH_MM - RECORD_INSET_MM);
        assert!((RECORD_INSET_MM - 4.939).abs() < 0.001);
        assert!((RED_RULE_MM - 0.529).abs() < 0.001);
    }

    #[test]
    fn page_number_position() {
        assert!((PAGE_NUMBER_DASH_Y_MM - 269.0).abs() < 1e-9);
        assert!((PAGE_NUMBER_INSET_MM - 4.939).abs() < 0.001);
    }
}
