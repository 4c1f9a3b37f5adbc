//! The signing date of a report, written as GB/T 9704 7.3.5.4 requires:
//! Arabic numerals, the full year, no leading zeros (2023年12月18日).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReportDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl ReportDate {
    /// A valid calendar date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<ReportDate> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(ReportDate {
            year,
            month,
            day,
        })
    }

    /// Reads a date the way people type it: 2023年12月18日, 2023年12月08日,
    /// 2023-12-18, 2023/12/18, 2023.12.18, or an ISO date input's value.
    pub fn parse(text: &str) -> Option<ReportDate> {
        let numbers: Vec<&str> = text
            .trim()
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        let rest: String = text
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect();
        let separators_ok = matches!(rest.as_str(), "年月日" | "年月" | "--" | "//" | "..");
        if numbers.len() != 3 || !separators_ok {
            return None;
        }
        ReportDate::new(
            numbers[0].parse().ok()?,
            numbers[1].parse().ok()?,
            numbers[2].parse().ok()?,
        )
    }

    /// The value of an HTML date input (YYYY-MM-DD).
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for ReportDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_without_leading_zeros() {
        assert_eq!(
            ReportDate::new(2023, 12, 8).unwrap().to_string(),
            "2023年12月8日"
        );
        assert_eq!(ReportDate::new(2024, 1, 5).unwrap().iso(), "2024-01-05");
    }

    #[test]
    fn parses_the_usual_spellings() {
        let d = ReportDate::new(2023, 12, 8).unwrap();
        for s in [
            "2023年12月8日",
            "2023年12月08日",
            "2023-12-08",
            "2023/12/8",
            "2023.12.08",
            " 2023 年 12 月 8 日 ",
        ] {
            assert_eq!(ReportDate::parse(s), Some(d), "{s}");
        }
    }

    #[test]
    fn rejects_impossible_dates_and_junk() {
        for s in [
            "2023年2月30日",
            "2023年13月1日",
            "2024-00-10",
            "12月8日",
            "2023年12月8日8",
            "明天",
            "",
        ] {
            assert_eq!(ReportDate::parse(s), None, "{s}");
        }
        assert!(ReportDate::new(2024, 2, 29).is_some());
        assert!(ReportDate::new(2023, 2, 29).is_none());
    }
}
