//! The year a report is about: read from its title, or inferred from its
//! date, its first line or the current time, with a note saying so.

use super::notes::Note;
use crate::draft::ReportDate;
use crate::i18n::{fill, Key};
use crate::template::meta_id;

/// The year reported on, with a note when it was not read from the title.
pub(crate) fn report_year(
    title: Option<&str>,
    date: Option<ReportDate>,
    first_body_line: Option<&str>,
    now_ms: i64,
    notes: &mut Vec<Note>,
) -> i32 {
    if let Some(year) = title.and_then(first_year) {
        return year;
    }
    let (year, from) = if let Some(d) = date {
        let year = if d.month >= 7 { d.year } else { d.year - 1 };
        (year, fill(Key::YearFromDate, &[&d, &year]))
    } else if let Some(year) = first_body_line.and_then(first_year) {
        (year, fill(Key::YearFromBody, &[&year]))
    } else {
        let year = year_of_ms(now_ms) - 1;
        (year, fill(Key::YearFromToday, &[&year]))
    };
    notes.push(Note::meta(
        meta_id::YEAR,
        fill(Key::YearNotInTitle, &[&from]),
    ));
    year
}

/// The first four-digit year (1900–2999) in `text`, written in Arabic,
/// full-width or Chinese digits (二〇二三).
fn first_year(text: &str) -> Option<i32> {
    fn digit(c: char) -> Option<(u8, u32)> {
        match c {
            '0'..='9' => Some((0, c as u32 - '0' as u32)),
            '０'..='９' => Some((1, c as u32 - '０' as u32)),
            '〇' | '零' | '○' => Some((2, 0)),
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|d| (2, d as u32 + 1)),
        }
    }
    let mut run: Vec<(u8, u32)> = Vec::new();
    let check = |run: &[(u8, u32)]| -> Option<i32> {
        let same_kind = run.windows(2).all(|w| w[0].0 == w[1].0);
        if run.len() != 4 || !same_kind {
            return None;
        }
        let year = run.iter().fold(0, |acc, &(_, d)| acc * 10 + d) as i32;
        (1900..=2999).contains(&year).then_some(year)
    };
    for c in text.chars() {
        match digit(c) {
            Some(d) => run.push(d),
            None => {
                if let Some(year) = check(&run) {
                    return Some(year);
                }
                run.clear();
            }
        }
    }
    check(&run)
}

/// The calendar year of a Unix time in milliseconds (UTC).
fn year_of_ms(ms: i64) -> i32 {
    // Howard Hinnant's days-to-civil algorithm.
    let days = ms.div_euclid(86_400_000) + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year).unwrap_or(2000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_year_in_any_digits() {
        assert_eq!(first_year("关于2023年度法治政府建设工作的报告"), Some(2023));
        assert_eq!(first_year("××县２０２２年法治政府建设年度报告"), Some(2022));
        assert_eq!(first_year("二〇二一年度报告"), Some(2021));
        assert_eq!(first_year("20231号文与2024年"), Some(2024));
        assert_eq!(first_year("第1234号"), None);
        assert_eq!(first_year("法治政府建设年度报告"), None);
    }

    #[test]
    fn year_of_unix_milliseconds() {
        assert_eq!(year_of_ms(0), 1970);
        assert_eq!(year_of_ms(-1), 1969);
        // 2024-06-10 and 2024-12-31T23:59:59.999Z.
        assert_eq!(year_of_ms(1_718_000_000_000), 2024);
        assert_eq!(year_of_ms(1_735_689_599_999), 2024);
        assert_eq!(year_of_ms(1_735_689_600_000), 2025);
    }

    #[test]
    fn year_from_the_date_depends_on_the_half_year() {
        let mut notes = Vec::new();
        let dec = ReportDate::new(2023, 12, 18);
        let feb = ReportDate::new(2024, 2, 1);
        assert_eq!(report_year(None, dec, None, 0, &mut notes), 2023);
        assert_eq!(report_year(None, feb, None, 0, &mut notes), 2023);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            report_year(Some("2022年报告"), dec, None, 0, &mut notes),
            2022
        );
        assert_eq!(notes.len(), 2);
        assert_eq!(
            report_year(None, None, Some("2021年，我镇"), 0, &mut notes),
            2021
        );
        assert!(notes[2].message.contains("正文第一段"));
    }
}
