//! Numbers typed by hand. Headings and points are numbered by position, so
//! a heading typed as "（一）强化领导" or a point typed as "一是加强…" prints
//! its number twice. Inside a paragraph, inline "一是…二是…四是" sequences
//! that skip or repeat a number are flagged.

use super::slots::{Role, Slot};
use super::text::{chinese_numeral, is_numeral, snippet};
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::document::numbering::point_label;
use std::ops::Range;

/// A number typed at the start of a heading or point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypedNumber {
    /// Bytes to remove: leading whitespace, the number, the spaces after it.
    pub range: Range<usize>,
    /// The number as typed, such as "（一）", "1." or "一是".
    pub number: String,
}

/// Length in bytes of the run of numeral characters at the start of `s`
/// (Chinese numerals up to three, ASCII digits up to `max_digits`).
fn numeral_run(s: &str, max_digits: usize) -> Option<(usize, bool)> {
    let chinese: usize = s
        .chars()
        .take_while(|&c| is_numeral(c))
        .take(3)
        .map(char::len_utf8)
        .sum();
    if chinese > 0 {
        return chinese_numeral(&s[..chinese]).map(|_| (chinese, true));
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=max_digits)
        .contains(&digits)
        .then_some((digits, false))
}

/// The number typed at the start of `text`, if `role` is numbered by
/// position. Several numbers in a row ("（一）1.") are taken together.
pub(crate) fn typed_number(text: &str, role: Role) -> Option<TypedNumber> {
    if !role.is_numbered() {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    let mut end = lead;
    let mut number_end = lead;
    loop {
        let s = &text[end..];
        let Some(len) = bracketed(s)
            .or_else(|| with_mark(s))
            .or_else(|| (role == Role::PointStart).then(|| with_shi(s)).flatten())
        else {
            break;
        };
        number_end = end + len;
        let spaces: usize = text[number_end..]
            .chars()
            .take_while(|&c| c == ' ' || c == '\u{3000}')
            .map(char::len_utf8)
            .sum();
        end = number_end + spaces;
    }
    (end > lead).then(|| TypedNumber {
        range: 0..end,
        number: text[lead..number_end].to_string(),
    })
}

/// "（一）", "(1)".
fn bracketed(s: &str) -> Option<usize> {
    let open = s.chars().next().filter(|&c| c == '（' || c == '(')?;
    let rest = &s[open.len_utf8()..];
    let (n, _) = numeral_run(rest, 3)?;
    let close = rest[n..]
        .chars()
        .next()
        .filter(|&c| c == '）' || c == ')')?;
    Some(open.len_utf8() + n + close.len_utf8())
}

/// "一、", "1.", "1、", "1．" — but not "1.5".
fn with_mark(s: &str) -> Option<usize> {
    let (n, _) = numeral_run(s, 2)?;
    let mark = s[n..]
        .chars()
        .next()
        .filter(|&c| matches!(c, '、' | '.' | '．'))?;
    let after = &s[n + mark.len_utf8()..];
    if mark != '、' && after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(n + mark.len_utf8())
}

/// "一是", "十二是".
fn with_shi(s: &str) -> Option<usize> {
    let (n, chinese) = numeral_run(s, 0)?;
    (chinese && s[n..].starts_with('是')).then_some(n + '是'.len_utf8())
}

/// An inline 一是, 二是, … in running text.
struct Marker {
    at: Range<usize>,
    value: usize,
}

/// Characters after which a 一是-style marker can start.
fn opens_marker(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | ','
                | ';'
                | ':'
                | '！'
                | '？'
                | '!'
                | '?'
                | '、'
                | '）'
                | ')'
                | '”'
        )
}

/// The inline markers of `text` after byte `from`: each 是 preceded by a
/// Chinese numeral that opens the text or follows punctuation.
fn markers(text: &str, from: usize) -> Vec<Marker> {
    let mut out = Vec::new();
    for (shi, _) in text.match_indices('是') {
        let before = &text[..shi];
        let numeral: usize = before
            .chars()
            .rev()
            .take_while(|&c| is_numeral(c))
            .take(3)
            .map(char::len_utf8)
            .sum();
        let start = shi - numeral;
        if numeral == 0
            || start < from
            || !text[..start].chars().next_back().is_none_or(opens_marker)
        {
            continue;
        }
        if let Some(value) = chinese_numeral(&text[start..shi]) {
            out.push(Marker {
                at: start..shi + '是'.len_utf8(),
                value,
            });
        }
    }
    out
}

pub(crate) fn check(slots: &[Slot], out: &mut Vec<Finding>) {
    let mut group = usize::MAX;
    let mut prev: Option<usize> = None;
    for slot in slots {
        let typed = typed_number(slot.text, slot.role);
        if let Some(typed) = &typed {
            out.push(typed_number_finding(slot, typed));
        }
        if !slot.role.is_body() {
            continue;
        }
        if slot.group != group {
            group = slot.group;
            prev = None;
        }
        let from = typed.map_or(0, |t| t.range.end);
        for marker in markers(slot.text, from) {
            let n = marker.value;
            let label = point_label(n - 1);
            let slip = match prev {
                Some(1) if n == 1 => Some("“一是”重复出现".to_string()),
                _ if n == 1 => None,
                Some(p) if p + 1 == n => None,
                None => Some(format!("“{label}”前面没有“一是”")),
                Some(p) if p == n => Some(format!("“{label}”重复出现")),
                Some(p) if p + 1 < n => Some(format!(
                    "“{}”之后直接是“{label}”，缺少“{}”",
                    point_label(p - 1),
                    point_label(p)
                )),
                Some(p) => Some(format!(
                    "“{}”之后又出现“{label}”，顺序有误",
                    point_label(p - 1)
                )),
            };
            prev = Some(n);
            if let Some(slip) = slip {
                out.push(Finding {
                    severity: Severity::Warning,
                    check: Check::NumberSequence,
                    location: slot.location.clone(),
                    message: format!(
                        "“一是、二是……”的编号有误：{slip}（“{}”）",
                        snippet(slot.text, marker.at)
                    ),
                    fix: None,
                });
            }
        }
    }
}

fn typed_number_finding(slot: &Slot, typed: &TypedNumber) -> Finding {
    let message = if slot.role == Role::PointStart {
        format!(
            "“一是”“二是”……会按顺序自动加上，请删去手写的“{}”",
            typed.number
        )
    } else {
        format!("标题前的编号会自动生成，请删去手写的“{}”", typed.number)
    };
    Finding {
        severity: Severity::Warning,
        check: Check::TypedNumber,
        location: slot.location.clone(),
        message,
        fix: Some(Fix {
            location: slot.location.clone(),
            action: FixAction::RemoveTypedNumber,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::location::{Location, Within};

    fn number(text: &str, role: Role) -> Option<String> {
        typed_number(text, role).map(|t| t.number)
    }

    #[test]
    fn typed_numbers_at_the_start_of_headings_and_points() {
        let h = Role::SubsectionHeading;
        assert_eq!(number("（一）强化领导", h).as_deref(), Some("（一）"));
        assert_eq!(number("(12)强化领导", h).as_deref(), Some("(12)"));
        assert_eq!(
            number("一、主要举措", Role::SectionHeading).as_deref(),
            Some("一、")
        );
        assert_eq!(number("1.细则", h).as_deref(), Some("1."));
        assert_eq!(number("十一、其他", h).as_deref(), Some("十一、"));
        assert_eq!(
            number("一是加强学习", Role::PointStart).as_deref(),
            Some("一是")
        );
        assert_eq!(
            number("2．加强学习", Role::PointStart).as_deref(),
            Some("2．")
        );
        let t = typed_number("  （二）\u{3000}加大普法", h).unwrap();
        assert_eq!(t.range, 0..2 + "（二）\u{3000}".len());
        assert_eq!(number("（一）1. 强化领导", h).as_deref(), Some("（一）1."));
        assert_eq!(
            number("四是四是加强", Role::PointStart).as_deref(),
            Some("四是四是")
        );
    }

    #[test]
    fn ordinary_starts_are_not_numbers() {
        let h = Role::SubsectionHeading;
        for text in [
            "强化领导",
            "1.5万人次参训",
            "2023年工作",
            "十分重视",
            "一是加强",
        ] {
            assert_eq!(number(text, h), None, "{text}");
        }
        assert_eq!(number("十分重视学习", Role::PointStart), None);
        assert_eq!(number("（一）不是标题", Role::Paragraph), None);
        assert_eq!(number("(2023)5号", h), None);
    }

    fn paragraphs(texts: &[&'static str]) -> Vec<Slot<'static>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Slot::new(
                    Location::section("s", "intro", Within::Paragraph(i)),
                    t,
                    Role::Paragraph,
                    7,
                )
            })
            .collect()
    }

    fn messages(slots: &[Slot]) -> Vec<String> {
        let mut out = Vec::new();
        check(slots, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn inline_sequences_that_skip_or_repeat_are_flagged() {
        let found = messages(&paragraphs(&["不足：一是甲。二是乙。四是丙。"]));
        assert_eq!(
            found,
            ["“一是、二是……”的编号有误：“二是”之后直接是“四是”，缺少“三是”（“…一是甲。二是乙。四是丙。”）"]
        );
        let found = messages(&paragraphs(&["一是甲。二是乙；二是丙。"]));
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("“二是”重复出现"), "{}", found[0]);
        let found = messages(&paragraphs(&["要求：二是乙。"]));
        assert!(found[0].contains("“二是”前面没有“一是”"), "{}", found[0]);
    }

    #[test]
    fn sequences_continue_across_paragraphs_and_may_restart() {
        let ok = paragraphs(&[
            "不足：一是甲。二是乙。三是丙。原因：一是丁;二是戊。",
            "三是己。",
            "唯一是统一是这一是",
        ]);
        assert!(messages(&ok).is_empty());
        let bad = paragraphs(&["一是甲。", "三是乙。"]);
        let mut out = Vec::new();
        check(&bad, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].location.path, Within::Paragraph(1));
    }

    #[test]
    fn typed_numbers_give_a_warning_with_a_fix() {
        let slot = Slot::new(
            Location::section("m", "items", Within::SubsectionHeading(vec![0])),
            "（一）强化领导",
            Role::SubsectionHeading,
            0,
        );
        let mut out = Vec::new();
        check(std::slice::from_ref(&slot), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].message,
            "标题前的编号会自动生成，请删去手写的“（一）”"
        );
        assert_eq!(
            out[0].fix.as_ref().map(|f| &f.action),
            Some(&FixAction::RemoveTypedNumber)
        );
    }
}
