//! The signing date at the end of a report, in the spellings found in
//! practice: 2023年12月18日, 2023年12月08日, 2023-12-18, 2023/12/18,
//! 2023.12.18, full-width digits, and Chinese numerals
//! (二〇二三年十二月十八日), optionally in brackets.

use super::marker::chinese_value;
use crate::draft::ReportDate;

/// The longest line still taken for a date.
const MAX_DATE_CHARS: usize = 24;

/// Characters a date line may consist of.
fn date_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "〇零○一二三四五六七八九十年月日号-/.．－／".contains(c)
}

/// When `line` reads as a date line, `Some` with the date if it could be
/// understood (`Some(None)` for a date-like line such as 2023年13月1日).
pub(crate) fn read_date_line(line: &str) -> Option<Option<ReportDate>> {
    let bare: String = line
        .trim_matches(|c: char| c.is_whitespace() || "（）()".contains(c))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let count = bare.chars().count();
    if !(6..=MAX_DATE_CHARS).contains(&count) || !bare.chars().all(date_char) {
        return None;
    }
    let numeric = ascii_numeric(&bare);
    let parts: Vec<&str> = numeric.split(['-', '/', '.']).collect();
    let looks_like_date =
        (bare.contains('年') && bare.contains('月')) || (parts.len() == 3 && parts[0].len() == 4);
    if !looks_like_date {
        return None;
    }
    Some(ReportDate::parse(&numeric))
}

/// Rewrites full-width digits and separators as ASCII, Chinese-numeral
/// years digit by digit (二〇二三 → 2023), Chinese-numeral months and days
/// by value (十二 → 12), and 号 as 日.
fn ascii_numeric(date: &str) -> String {
    let mut out = String::with_capacity(date.len());
    let mut numeral = String::new();
    for c in date.chars() {
        match c {
            '年' | '月' | '日' | '号' | '-' | '/' | '.' | '．' | '－' | '／' => {
                flush_numeral(&mut numeral, c == '年', &mut out);
                out.push(match c {
                    '号' => '日',
                    '．' => '.',
                    '－' => '-',
                    '／' => '/',
                    other => other,
                });
            }
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            c if c.is_ascii_digit() => out.push(c),
            _ => numeral.push(c),
        }
    }
    flush_numeral(&mut numeral, false, &mut out);
    out
}

/// Writes a pending run of Chinese numerals as digits.
fn flush_numeral(numeral: &mut String, is_year: bool, out: &mut String) {
    if numeral.is_empty() {
        return;
    }
    const DIGITS: &str = "〇一二三四五六七八九";
    if is_year {
        for c in numeral.chars() {
            let c = if c == '零' || c == '○' { '〇' } else { c };
            match DIGITS.chars().position(|d| d == c) {
                Some(d) => out.push(char::from(b'0' + d as u8)),
                None => out.push(c),
            }
        }
    } else {
        match chinese_value(numeral) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str(numeral),
        }
    }
    numeral.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Option<Option<ReportDate>> {
        Some(ReportDate::new(y, m, d))
    }

    #[test]
    fn reads_the_usual_spellings() {
        for line in [
            "2023年12月18日",
            "  2023年12月18日",
            "2023-12-18",
            "2023/12/18",
            "2023.12.18",
            "２０２３年１２月１８日",
            "二〇二三年十二月十八日",
            "二○二三年十二月十八日",
            "（2023年12月18日）",
            "2023年12月18号",
        ] {
            assert_eq!(read_date_line(line), date(2023, 12, 18), "{line}");
        }
        assert_eq!(read_date_line("2023年12月08日"), date(2023, 12, 8));
        assert_eq!(read_date_line("二〇二四年一月五日"), date(2024, 1, 5));
    }

    #[test]
    fn date_like_lines_that_cannot_be_read() {
        assert_eq!(read_date_line("2023年13月40日"), Some(None));
        assert_eq!(read_date_line("二〇二三年十二月"), Some(None));
    }

    #[test]
    fn other_lines_are_not_dates() {
        for line in [
            "特此报告。",
            "中共荆家镇委",
            "2023年",
            "12月18日",
            "2023年工作总结",
            "1.2.3",
            "",
        ] {
            assert_eq!(read_date_line(line), None, "{line}");
        }
    }
}
