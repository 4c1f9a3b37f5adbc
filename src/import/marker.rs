//! Numbering markers at the start of a line — 一、 （一） 1. （1） 一是 and
//! their everyday variants — and the split of a run-in heading from the
//! text that follows it on the same line.
//!
//! Recognised variants: 一、 一. 一． for sections; （一） (一) and mixed
//! widths for subsections; 1. 1． 1、 with ASCII or full-width digits for
//! level 3 (a dot followed by a digit is a decimal point, not a marker);
//! （1） (1) for level 4; 一是 二是 … for points. A marker counts only when
//! text follows it on the line.

use crate::document::numbering::chinese;

/// What a marker numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// A level-1 section (一、).
    Section,
    /// A subsection at level 2 （一）, 3 (1.) or 4 （1）.
    Subsection(u8),
    /// A point (一是).
    Point,
}

/// A numbering marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    pub kind: MarkerKind,
    /// The number as written (一 → 1).
    pub number: usize,
    /// The marker as written, such as "(一)" or "1、".
    pub text: String,
    /// Byte length of the marker in the line.
    pub len: usize,
}

/// The longest numbers a marker may carry (九十九, 999).
const MAX_NUMERAL_CHARS: usize = 4;
const MAX_DIGITS: usize = 3;

fn is_numeral_char(c: char) -> bool {
    "零〇一二三四五六七八九十百".contains(c)
}

/// The value of a Chinese numeral written the way headings write it
/// (一, 十一, 二十, 一百零一), or `None` for anything else.
pub(crate) fn chinese_value(s: &str) -> Option<usize> {
    let mut total = 0usize;
    let mut digit: Option<usize> = None;
    for c in s.chars() {
        match c {
            '零' | '〇' => {}
            '十' => total += digit.take().unwrap_or(1) * 10,
            '百' => total += digit.take()? * 100,
            _ => {
                let d = "一二三四五六七八九".chars().position(|n| n == c)? + 1;
                if digit.replace(d).is_some() {
                    return None;
                }
            }
        }
    }
    total += digit.unwrap_or(0);
    // Only the canonical spelling counts: 一十 or 十十 are not numbers.
    (total > 0 && chinese(total) == s).then_some(total)
}

/// The value of one digit, ASCII or full-width.
fn digit_value(c: char) -> Option<usize> {
    match c {
        '0'..='9' => Some(c as usize - '0' as usize),
        '０'..='９' => Some(c as usize - '０' as usize),
        _ => None,
    }
}

/// Reads a run of `accept` characters at the start of `s` (at most `max`),
/// returning the run and the rest.
fn take_run(s: &str, max: usize, accept: impl Fn(char) -> bool) -> (&str, &str) {
    let mut end = 0;
    for (taken, c) in s.chars().enumerate() {
        if taken == max || !accept(c) {
            break;
        }
        end += c.len_utf8();
    }
    s.split_at(end)
}

fn digits_value(run: &str) -> Option<usize> {
    run.chars()
        .try_fold(0usize, |acc, c| Some(acc * 10 + digit_value(c)?))
}

/// The marker at the start of `line` (already trimmed), if any.
pub(crate) fn parse_marker(line: &str) -> Option<Marker> {
    let (kind, number, rest) = bracketed(line)
        .or_else(|| chinese_led(line))
        .or_else(|| digit_led(line))?;
    if rest.trim().is_empty() {
        return None;
    }
    let len = line.len() - rest.len();
    Some(Marker {
        kind,
        number,
        text: line[..len].to_string(),
        len,
    })
}

/// （一） (一) （1） (1), in any mix of widths.
fn bracketed(line: &str) -> Option<(MarkerKind, usize, &str)> {
    let inner = line.strip_prefix('（').or_else(|| line.strip_prefix('('))?;
    let (numeral, after) = take_run(inner, MAX_NUMERAL_CHARS + 1, is_numeral_char);
    let (kind, number, after) = if !numeral.is_empty() {
        (MarkerKind::Subsection(2), chinese_value(numeral)?, after)
    } else {
        let (digits, after) = take_run(inner, MAX_DIGITS, |c| digit_value(c).is_some());
        if digits.is_empty() {
            return None;
        }
        (MarkerKind::Subsection(4), digits_value(digits)?, after)
    };
    let rest = after
        .strip_prefix('）')
        .or_else(|| after.strip_prefix(')'))?;
    Some((kind, number, rest))
}

/// 一、 一. 一． and 一是.
fn chinese_led(line: &str) -> Option<(MarkerKind, usize, &str)> {
    let (numeral, after) = take_run(line, MAX_NUMERAL_CHARS + 1, is_numeral_char);
    if numeral.is_empty() {
        return None;
    }
    let mut chars = after.chars();
    let kind = match chars.next()? {
        '、' | '.' | '．' => MarkerKind::Section,
        '是' => MarkerKind::Point,
        _ => return None,
    };
    Some((kind, chinese_value(numeral)?, chars.as_str()))
}

/// 1. 1． 1、 (not 1.5).
fn digit_led(line: &str) -> Option<(MarkerKind, usize, &str)> {
    let (digits, after) = take_run(line, MAX_DIGITS + 1, |c| digit_value(c).is_some());
    if digits.is_empty() || digits.chars().count() > MAX_DIGITS {
        return None;
    }
    let mut chars = after.chars();
    let dot = chars.next()?;
    let rest = chars.as_str();
    match dot {
        '、' => {}
        '.' | '．' if !rest.starts_with(|c: char| digit_value(c).is_some()) => {}
        _ => return None,
    }
    Some((MarkerKind::Subsection(3), digits_value(digits)?, rest))
}

/// Punctuation that ends a run-in heading.
fn ends_heading(prev: Option<char>, c: char, next: Option<char>) -> bool {
    match c {
        '。' | '；' | '：' | ';' | ':' => true,
        // A half-width full stop, unless it is part of a number or a word
        // such as 1.5 or www.gov.cn.
        '.' => {
            !prev.is_some_and(|p| p.is_ascii_digit())
                && !next.is_some_and(|n| n.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

fn opens(c: char) -> bool {
    "“‘《（(「『〈【[".contains(c)
}

fn closes(c: char) -> bool {
    "”’》）)」』〉】]".contains(c)
}

/// Splits a heading line (after its marker) into the heading and the text
/// that runs on after it.
///
/// The heading ends at the first 。 ； ： (or ; : and a half-width full stop
/// that is not part of a number) outside quotation marks and brackets; when
/// none is found outside them, the first one anywhere. When text follows,
/// the heading is run-in and the text is returned with it; a heading with
/// nothing after its punctuation, or without final punctuation, stands on
/// its own line.
pub(crate) fn split_run_in(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut depth = 0usize;
    let mut first_any = None;
    let mut first_outside = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        if ends_heading(prev, c, next) {
            let end = at + c.len_utf8();
            first_any.get_or_insert(end);
            if depth == 0 {
                first_outside = Some(end);
                break;
            }
        }
    }
    let Some(end) = first_outside.or(first_any) else {
        return (text.to_string(), None);
    };
    let (heading, rest) = text.split_at(end);
    let rest = rest.trim();
    if rest.is_empty() {
        (heading.to_string(), None)
    } else {
        (heading.trim().to_string(), Some(rest.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_number(line: &str) -> Option<(MarkerKind, usize, String)> {
        parse_marker(line).map(|m| (m.kind, m.number, m.text))
    }

    #[test]
    fn section_markers_and_variants() {
        for (line, marker) in [
            ("一、推进法治政府建设", "一、"),
            ("二.存在的不足", "二."),
            ("三．下一步安排", "三．"),
            ("十一、其他", "十一、"),
        ] {
            let m = parse_marker(line).unwrap();
            assert_eq!((m.kind, m.text.as_str()), (MarkerKind::Section, marker));
        }
        assert_eq!(parse_marker("十一、其他").unwrap().number, 11);
    }

    #[test]
    fn subsection_markers_by_level() {
        assert_eq!(
            kind_number("（一）强化领导"),
            Some((MarkerKind::Subsection(2), 1, "（一）".into()))
        );
        assert_eq!(
            kind_number("(十二)强化领导"),
            Some((MarkerKind::Subsection(2), 12, "(十二)".into()))
        );
        assert_eq!(
            kind_number("（三)混排"),
            Some((MarkerKind::Subsection(2), 3, "（三)".into()))
        );
        assert_eq!(
            kind_number("4.细则"),
            Some((MarkerKind::Subsection(3), 4, "4.".into()))
        );
        assert_eq!(
            kind_number("１２．细则"),
            Some((MarkerKind::Subsection(3), 12, "１２．".into()))
        );
        assert_eq!(
            kind_number("5、细则"),
            Some((MarkerKind::Subsection(3), 5, "5、".into()))
        );
        assert_eq!(
            kind_number("（2）再细"),
            Some((MarkerKind::Subsection(4), 2, "（2）".into()))
        );
        assert_eq!(
            kind_number("(10)再细"),
            Some((MarkerKind::Subsection(4), 10, "(10)".into()))
        );
    }

    #[test]
    fn points_need_a_numeral_then_shi() {
        assert_eq!(
            kind_number("二是切实加强"),
            Some((MarkerKind::Point, 2, "二是".into()))
        );
        assert_eq!(
            kind_number("十一是继续"),
            Some((MarkerKind::Point, 11, "十一是".into()))
        );
    }

    #[test]
    fn ordinary_text_is_not_a_marker() {
        for line in [
            "2023年，荆家镇",
            "1.5亿元用于",
            "一年来，我镇",
            "（2023年）",
            "(2023)年度",
            "二二、重复",
            "一十、写法",
            "一、",
            "（一）",
            "1.  ",
            "一是",
            "是一个",
            "",
        ] {
            assert_eq!(parse_marker(line), None, "{line}");
        }
    }

    #[test]
    fn chinese_values_round_trip() {
        assert_eq!(chinese_value("一"), Some(1));
        assert_eq!(chinese_value("十"), Some(10));
        assert_eq!(chinese_value("二十一"), Some(21));
        assert_eq!(chinese_value("一百零一"), Some(101));
        assert_eq!(chinese_value("〇"), None);
        assert_eq!(chinese_value("一一"), None);
    }

    #[test]
    fn run_in_headings_split_at_the_first_stop() {
        assert_eq!(
            split_run_in("强化领导，落实工作责任。荆家镇党委、政府。"),
            (
                "强化领导，落实工作责任。".into(),
                Some("荆家镇党委、政府。".into())
            )
        );
        assert_eq!(
            split_run_in("主要原因：一是；二是"),
            ("主要原因：".into(), Some("一是；二是".into()))
        );
        assert_eq!(
            split_run_in("加强学习;提升水平"),
            ("加强学习;".into(), Some("提升水平".into()))
        );
        assert_eq!(
            split_run_in("强化领导,落实责任.荆家镇投入1.5亿元。"),
            (
                "强化领导,落实责任.".into(),
                Some("荆家镇投入1.5亿元。".into())
            )
        );
    }

    #[test]
    fn standalone_headings_keep_their_line() {
        assert_eq!(
            split_run_in("加大全民普法，营造法治社会氛围"),
            ("加大全民普法，营造法治社会氛围".into(), None)
        );
        assert_eq!(
            split_run_in("自觉提升法治素养。  "),
            ("自觉提升法治素养。".into(), None)
        );
    }

    #[test]
    fn stops_inside_quotes_do_not_end_the_heading() {
        assert_eq!(
            split_run_in("推进“法治带头人；法律明白人”工程。正文"),
            (
                "推进“法治带头人；法律明白人”工程。".into(),
                Some("正文".into())
            )
        );
        // An unclosed quotation mark: the first stop anywhere is used.
        assert_eq!(
            split_run_in("推进“工程。正文"),
            ("推进“工程。".into(), Some("正文".into()))
        );
    }
}
