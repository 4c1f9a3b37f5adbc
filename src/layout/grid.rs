//! The GB/T 9704 type-area grid (22 lines × 28 characters) and the
//! position rules measured on it, in half-width units: a full-width
//! character takes 2 units, a digit or Latin letter 1.

/// Characters per line (5.2.3).
pub const CHARS_PER_LINE: usize = 28;
/// Lines per page (5.2.3).
pub const LINES_PER_PAGE: usize = 22;
/// Half-width units per line.
pub const UNITS_PER_LINE: usize = CHARS_PER_LINE * 2;

/// Width of a character in half-width units.
pub fn char_units(c: char) -> usize {
    if c.is_ascii() || ('\u{ff61}'..='\u{ff9f}').contains(&c) {
        1
    } else {
        2
    }
}

/// Width of a text in half-width units.
pub fn text_units(text: &str) -> usize {
    text.chars().map(char_units).sum()
}

/// Where the unsealed signature and the date start on their lines
/// (7.3.5.2), in half-width units from the left edge of the type area.
///
/// The signature ends two characters from the right (右空二字); the date
/// starts two characters to the right of the signature's start. When that
/// would push the date past 右空二字, the date is 右空二字 and the signature
/// moves left to keep the two-character offset.
pub fn signature_and_date_starts(signature: &str, date: &str) -> (usize, usize) {
    let right = UNITS_PER_LINE - 4;
    let sig = text_units(signature);
    let date_w = text_units(date);
    let mut sig_start = right.saturating_sub(sig);
    if sig_start + 4 + date_w > right {
        sig_start = right.saturating_sub(date_w + 4);
    }
    let date_start = if date.is_empty() { 0 } else { sig_start + 4 };
    (sig_start, date_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_digits_as_half() {
        assert_eq!(text_units("2023年12月18日"), 8 + 6);
        assert_eq!(text_units("中共荆家镇委"), 12);
    }

    #[test]
    fn short_signature_moves_left_for_a_longer_date() {
        // "中共荆家镇委" is 12 units, the date 14: with the date 4 units right
        // of the signature the date would end past 右空二字.
        let (s, d) = signature_and_date_starts("中共荆家镇委", "2023年12月18日");
        assert_eq!(d + 14, UNITS_PER_LINE - 4);
        assert_eq!(s + 4, d);
    }

    #[test]
    fn long_signature_is_right_aligned_and_date_follows() {
        let sig = "某某县人民政府办公室法治建设科";
        let (s, d) = signature_and_date_starts(sig, "2023年1月8日");
        assert_eq!(s + text_units(sig), UNITS_PER_LINE - 4);
        assert_eq!(d, s + 4);
    }
}
