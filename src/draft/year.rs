//! Moving a draft to another report year: every place where the year is
//! derived (the title, section headings, the plans year) follows.

use super::{Draft, FieldValue};
use crate::template::meta_id;

/// Moves `draft` from its year to `year`: in the title and section headings
/// every standalone occurrence of the old year becomes the new year and of
/// the old next year the new next year, in one pass.
pub fn retarget_year(draft: &mut Draft, year: i32) {
    let old = draft.year;
    if old == year {
        return;
    }
    if let Some(FieldValue::Line(title)) = draft.meta.get_mut(meta_id::TITLE) {
        *title = shift_years(title, old, year);
    }
    for section in &mut draft.sections {
        section.heading = shift_years(&section.heading, old, year);
    }
    draft.year = year;
}

/// Replaces the four-digit numbers `old` and `old + 1` in `text` by `new`
/// and `new + 1`; longer digit runs (such as 20231) are left alone.
fn shift_years(text: &str, old: i32, new: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        let shifted = match digits.parse::<i32>() {
            Ok(n) if digits.len() == 4 && n == old => Some(new),
            Ok(n) if digits.len() == 4 && n == old + 1 => Some(new + 1),
            _ => None,
        };
        match shifted {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str(digits),
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::annual_report;

    #[test]
    fn shifts_both_years_in_one_pass() {
        assert_eq!(
            shift_years("2023年总结，2024年计划", 2023, 2024),
            "2024年总结，2025年计划"
        );
        assert_eq!(
            shift_years("20231号文，2022年", 2023, 2024),
            "20231号文，2022年"
        );
    }

    #[test]
    fn retarget_moves_title_and_headings() {
        let mut d = Draft::new(annual_report(), "d".into(), 2023, 0);
        d.section_mut("measures").unwrap().heading = "推进法治政府建设的主要举措和成效".into();
        retarget_year(&mut d, 2024);
        assert_eq!(d.year, 2024);
        assert_eq!(d.title(), "关于2024年度法治政府建设工作的报告");
        assert_eq!(
            d.section("plans").unwrap().heading,
            "2025年推进法治政府建设的主要安排"
        );
        assert_eq!(
            d.section("measures").unwrap().heading,
            "推进法治政府建设的主要举措和成效"
        );
        assert_eq!(
            d.section("duty").unwrap().heading,
            "2024年党政主要负责人履行推进法治建设第一责任人职责情况"
        );
    }
}
