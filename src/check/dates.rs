//! Dates: the signing date against the report year, and dates typed in the
//! text with leading zeros (2023年12月08日) or in another format (2023-12-18),
//! which GB/T 9704 7.3.5.4 writes as 2023年12月8日.

use super::location::Location;
use super::slots::Slot;
use super::text::{for_each_ascii, snippet, url_spans, Edit};
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::draft::{Draft, ReportDate};
use crate::i18n::{fill, Key};
use crate::template::meta_id;

/// The last day a signing date may fall on: half a year after the report year.
fn latest(year: i32) -> ReportDate {
    ReportDate {
        year: year + 1,
        month: 6,
        day: 30,
    }
}

/// The first day of the report year's last month. Year-end reports are
/// customarily signed in December (the sample report: 2023年12月18日).
fn earliest(year: i32) -> ReportDate {
    ReportDate {
        year,
        month: 12,
        day: 1,
    }
}

/// Byte ranges of ASCII digit runs.
fn digit_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for_each_ascii(text, |i, b| {
        if !b.is_ascii_digit() {
            return;
        }
        match out.last_mut() {
            Some(run) if run.end == i => run.end += 1,
            _ => out.push(i..i + 1),
        }
    });
    out
}

/// Edits rewriting every badly written date in `text` the standard way.
pub(crate) fn date_slips(text: &str) -> Vec<Edit> {
    let runs = digit_runs(text);
    let mut out: Vec<Edit> = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        if out.last().is_some_and(|e| e.range.contains(&run.start)) {
            continue;
        }
        if let Some(edit) = numeric_date(text, &runs[k..]).or_else(|| padded_date(text, run)) {
            out.push(edit);
        }
    }
    if !out.is_empty() {
        let urls = url_spans(text);
        out.retain(|e| !urls.iter().any(|u| u.contains(&e.range.start)));
    }
    out
}

/// "2023-12-18", "2023/12/18", "2023.12.18" starting at `runs[0]`.
fn numeric_date(text: &str, runs: &[std::ops::Range<usize>]) -> Option<Edit> {
    let [y, m, d, ..] = runs else {
        return None;
    };
    let sep = text[y.end..]
        .chars()
        .next()
        .filter(|c| "-/.".contains(*c))?;
    let joined = y.end + 1 == m.start && m.end + 1 == d.start && text[m.end..].starts_with(sep);
    let short = |r: &std::ops::Range<usize>| (1..=2).contains(&r.len());
    if y.len() != 4 || !joined || !short(m) || !short(d) {
        return None;
    }
    let date = ReportDate::new(
        text[y.clone()].parse().ok()?,
        text[m.clone()].parse().ok()?,
        text[d.clone()].parse().ok()?,
    )?;
    Some(Edit {
        range: y.start..d.end,
        replacement: date.to_string(),
    })
}

/// A Chinese-style date in which `run` is a month or day with a leading
/// zero: the whole date ("2023年12月08日") and its standard form.
fn padded_date(text: &str, run: &std::ops::Range<usize>) -> Option<Edit> {
    let padded = run.len() == 2 && text.as_bytes()[run.start] == b'0';
    let unit = text[run.end..].chars().next()?;
    let before = text[..run.start].chars().next_back();
    if !padded || !matches!((before, unit), (Some('年'), '月') | (Some('月'), '日')) {
        return None;
    }
    // Digits ending at byte `end`, preceded by `unit`: where they start.
    let digits_before = |end: usize| {
        end - text[..end]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count()
    };
    let unit_len = '年'.len_utf8();
    let mut start = digits_before(run.start - unit_len);
    if unit == '日' && text[..start].ends_with('年') {
        start = digits_before(start - unit_len);
    }
    let mut end = run.end + unit_len;
    if unit == '月' {
        let days = text[end..].bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&days) && text[end + days..].starts_with('日') {
            end += days + unit_len;
        }
    }
    // Drop the zero of every month or day written with two digits.
    let mut replacement = String::new();
    let mut digits = String::new();
    for c in text[start..end].chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let zero = c != '年' && digits.len() == 2 && digits.starts_with('0');
        replacement.push_str(if zero { &digits[1..] } else { &digits });
        replacement.push(c);
        digits.clear();
    }
    Some(Edit {
        range: start..end,
        replacement,
    })
}

pub(crate) fn check(draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    let year = draft.year;
    if let Some(date) = draft.date() {
        let message = if date < earliest(year) {
            Some(fill(Key::CheckDateEarly, &[&year, &date]))
        } else if date > latest(year) {
            Some(fill(Key::CheckDateLate, &[&date]))
        } else {
            None
        };
        if let Some(message) = message {
            out.push(Finding {
                severity: Severity::Warning,
                check: Check::SigningDate,
                location: Location::frame(meta_id::DATE),
                message,
                fix: None,
            });
        }
    }
    for slot in slots.iter().filter(|s| s.digits) {
        let slips = date_slips(slot.text);
        let Some(first) = slips.first() else {
            continue;
        };
        let mut message = fill(
            Key::CheckDateFormat,
            &[
                &first.replacement,
                &&slot.text[first.range.clone()],
                &snippet(slot.text, first.range.clone()),
            ],
        );
        if slips.len() > 1 {
            message.push_str(&fill(Key::CheckTimesInParagraph, &[&slips.len()]));
        }
        out.push(Finding {
            severity: Severity::Warning,
            check: Check::DateFormat,
            location: slot.location.clone(),
            message,
            fix: Some(Fix {
                location: slot.location.clone(),
                action: FixAction::NormalizeDates,
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::FieldValue;
    use crate::template::annual_report;

    fn fixed(text: &str) -> String {
        super::super::text::apply_edits(text, &date_slips(text))
    }

    #[test]
    fn badly_written_dates_are_rewritten() {
        let cases = [
            ("于2023年12月08日召开", "于2023年12月8日召开"),
            ("2023年03月05日至06月", "2023年3月5日至06月"),
            ("12月08日", "12月8日"),
            ("2023年09月", "2023年9月"),
            ("定于2023-12-18召开", "定于2023年12月18日召开"),
            ("2023/1/5、2023.02.10", "2023年1月5日、2023年2月10日"),
            ("12月08日2023-12-18", "12月8日2023年12月18日"),
            ("2023年12月08日2024年", "2023年12月8日2024年"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(text), want, "{text}");
        }
    }

    #[test]
    fn standard_dates_and_other_numbers_are_left_alone() {
        for text in [
            "2023年12月8日",
            "2023年10月20日",
            "按GB/T 9704-2012排版",
            "共05人",
            "1.5倍",
            "2023-13-01",
            "见https://x.gov.cn/2023-12-18/a.html",
            "10:30",
        ] {
            assert!(date_slips(text).is_empty(), "{text}");
        }
    }

    fn signing(year: i32, month: u8, day: u8) -> Vec<Finding> {
        let mut d = Draft::new(annual_report(), "d".into(), 2023, 0);
        d.meta.insert(
            meta_id::DATE.into(),
            FieldValue::Date(ReportDate::new(year, month, day)),
        );
        let mut out = Vec::new();
        check(&d, &[], &mut out);
        out
    }

    #[test]
    fn signing_date_near_the_end_of_the_report_year_is_fine() {
        assert!(signing(2023, 12, 18).is_empty());
        assert!(signing(2024, 3, 1).is_empty());
        assert!(signing(2024, 6, 30).is_empty());
    }

    #[test]
    fn signing_date_too_early_or_too_late_is_flagged() {
        let early = signing(2023, 3, 5);
        assert_eq!(early.len(), 1);
        assert_eq!(
            early[0].message,
            "成文日期早于报告年度结束：报告的是2023年的工作，成文日期却是2023年3月5日，请核对年份"
        );
        assert_eq!(early[0].location, Location::frame(meta_id::DATE));
        assert_eq!(signing(2022, 12, 20).len(), 1);
        let late = signing(2024, 7, 1);
        assert_eq!(late.len(), 1);
        assert!(late[0]
            .message
            .starts_with("成文日期（2024年7月1日）比报告年度结束晚了半年以上"));
    }

    #[test]
    fn one_warning_per_paragraph_with_the_standard_form() {
        let slot = Slot::new(
            Location::frame(meta_id::PREAMBLE),
            "于2023年12月08日召开",
            super::super::slots::Role::Paragraph,
            0,
        );
        let d = Draft::new(annual_report(), "d".into(), 2023, 0);
        let mut out = Vec::new();
        check(&d, &[slot], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].message,
            "日期应写作“2023年12月8日”，不写“2023年12月08日”（“于2023年12月08日召开”）"
        );
    }
}
