//! Small text tools shared by the checks: character classes, quoting a
//! snippet, finding years, URLs and Chinese numerals, applying edits.

use std::ops::Range;

/// A CJK ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// A character that only occurs in Chinese text: an ideograph, CJK or
/// full-width punctuation, Chinese quotes, the ellipsis and the dash.
pub(crate) fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3000}'..='\u{303F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Characters other than whitespace, the way writers count them.
pub(crate) fn count_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Characters of context quoted on each side of an offending spot.
const CONTEXT: usize = 8;

/// The text around `range` (byte offsets), with "…" where it was cut.
pub(crate) fn snippet(text: &str, range: Range<usize>) -> String {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(text.len(), |(i, _)| range.end + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    out
}

/// A year written as four digits followed by 年.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearAt {
    /// Byte range of the digits.
    pub digits: Range<usize>,
    pub year: i32,
}

/// Every "NNNN年" in `text` where NNNN is a plausible year (1900–2199) and
/// not part of a longer number.
pub(crate) fn years(text: &str) -> Vec<YearAt> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4 && text[i..].starts_with('年') {
            if let Ok(year) = text[start..i].parse::<i32>() {
                if (1900..=2199).contains(&year) {
                    out.push(YearAt {
                        digits: start..i,
                        year,
                    });
                }
            }
        }
    }
    out
}

const NUMERALS: &str = "一二三四五六七八九十";

/// Whether `c` is a Chinese numeral digit (一 … 十).
pub(crate) fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The value of a Chinese numeral from 一 to 九十九, as used in 一是, （十二）.
pub(crate) fn chinese_numeral(s: &str) -> Option<usize> {
    let digit = |c: char| NUMERALS.chars().position(|d| d == c).map(|p| p + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d),
        ['十', d] => digit(*d).filter(|&n| n < 10).map(|n| 10 + n),
        [t, '十'] => digit(*t).filter(|&n| (2..10).contains(&n)).map(|n| n * 10),
        [t, '十', d] => {
            let t = digit(*t).filter(|&n| (2..10).contains(&n))?;
            let d = digit(*d).filter(|&n| n < 10)?;
            Some(t * 10 + d)
        }
        _ => None,
    }
}

/// Byte ranges of web addresses (http://…, https://…, www.…), which end at
/// whitespace or at the first Chinese character.
pub(crate) fn url_spans(text: &str) -> Vec<Range<usize>> {
    const STARTS: [&str; 3] = ["http://", "https://", "www."];
    let find = |p: &str, from: usize| text[from..].find(p).map(|i| from + i);
    // The next occurrence of each start, searched again only once passed.
    let mut next: Vec<Option<usize>> = STARTS.iter().map(|p| find(p, 0)).collect();
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        for (n, p) in next.iter_mut().zip(STARTS) {
            if n.is_some_and(|i| i < from) {
                *n = find(p, from);
            }
        }
        let Some(start) = next.iter().flatten().min().copied() else {
            return out;
        };
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || is_chinese(c))
            .map_or(text.len(), |(i, _)| start + i);
        out.push(start..end);
        from = end;
    }
}

/// Calls `f` with the offset and value of every ASCII byte of `text`.
/// Chinese text has none, so runs of it are skipped eight bytes at a time.
pub(crate) fn for_each_ascii(text: &str, mut f: impl FnMut(usize, u8)) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if u64::from_ne_bytes(word) & HIGH != HIGH {
            for (i, &b) in chunk.iter().enumerate() {
                if b.is_ascii() {
                    f(at + i, b);
                }
            }
        }
        at += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b.is_ascii() {
            f(at + i, b);
        }
    }
}

/// A replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub(crate) fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_quotes_eight_characters_each_side() {
        let text = "部分党员干部在学法用法方面意识不强，与实践结合不够;二是专业的行政执法培训较少";
        let at = text.find(';').unwrap();
        assert_eq!(
            snippet(text, at..at + 1),
            "…，与实践结合不够;二是专业的行政执…"
        );
        assert_eq!(snippet("短;句", 3..4), "短;句");
    }

    #[test]
    fn years_are_four_digits_before_nian() {
        let found: Vec<i32> = years("2023年总结，20231年，2024年计划，9704-2012，1800年")
            .iter()
            .map(|y| y.year)
            .collect();
        assert_eq!(found, [2023, 2024]);
        assert_eq!(years("关于2023年度")[0].digits, 6..10);
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        let cases = [
            ("一", Some(1)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("九十九", Some(99)),
            ("十十", None),
            ("一十", None),
            ("是", None),
            ("", None),
        ];
        for (s, n) in cases {
            assert_eq!(chinese_numeral(s), n, "{s}");
        }
    }

    #[test]
    fn urls_end_at_chinese_text_or_space() {
        let text = "详见https://www.gov.cn/a?b=1,2。另见 www.x.cn 网站";
        let spans: Vec<&str> = url_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, ["https://www.gov.cn/a?b=1,2", "www.x.cn"]);
    }

    #[test]
    fn many_urls_are_found_in_one_pass() {
        let text = "见www.a.cn和https://b.cn，".repeat(500);
        let spans = url_spans(&text);
        assert_eq!(spans.len(), 1000);
        assert_eq!(&text[spans[1].clone()], "https://b.cn");
    }

    #[test]
    fn every_ascii_byte_is_visited_once() {
        let text = "法治政府建设a法治政府建设法治政府1,2建设。xyz";
        let mut seen = Vec::new();
        for_each_ascii(text, |i, b| seen.push((i, b as char)));
        let want: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| c.is_ascii()).collect();
        assert_eq!(seen, want);
        assert_eq!(seen.len(), 7);
    }

    #[test]
    fn character_classes() {
        assert!(is_chinese('镇') && is_chinese('，') && is_chinese('“') && is_chinese('《'));
        assert!(!is_chinese('a') && !is_chinese('1') && !is_chinese(';'));
        assert!(is_han('镇') && !is_han('，'));
        assert_eq!(count_chars(" 一 二\u{3000}三\n"), 3);
    }
}
