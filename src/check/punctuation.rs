//! Half-width punctuation inside Chinese text: ", ; : ( ) ? !" next to
//! Chinese characters where "，；：（）？！" belongs, a full stop "." after
//! Chinese text where "。" belongs, and ASCII double quotes
//! around Chinese text where “ ” belongs. Numbers, Latin text and web
//! addresses keep their half-width marks ("1.5", "10:30", "GB/T 9704-2012").

use super::location::Location;
use super::numbering::typed_number;
use super::slots::{Role, Slot};
use super::text::{is_chinese, snippet, url_spans, Edit};
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::template::meta_id;

/// Which part of a text this check leaves to other checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scope {
    /// Bytes at the start holding a hand-typed number (the numbering check's).
    skip_prefix: usize,
    /// Whether the final mark belongs to another check (title, addressee).
    skip_last: bool,
}

impl Scope {
    pub(crate) fn of(location: &Location, role: Role, text: &str) -> Scope {
        let skip_prefix = typed_number(text, role).map_or(0, |n| n.range.end);
        let skip_last = location.field.section.is_none()
            && (location.field.id == meta_id::TITLE || location.field.id == meta_id::ADDRESSEE);
        Scope {
            skip_prefix,
            skip_last,
        }
    }
}

/// One half-width mark and its replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hit {
    /// Index of the mark among the text's characters.
    k: usize,
    /// Index of the other half of a pair of brackets or quotes.
    partner: Option<usize>,
    /// Byte offset of the mark.
    at: usize,
    mark: char,
    /// The mark with the spaces around it that the full-width mark replaces.
    edit: Edit,
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        '.' => '。',
        other => other,
    }
}

fn paired(hit: Hit, partner: usize) -> Hit {
    Hit {
        partner: Some(partner),
        ..hit
    }
}

/// The marks to replace in `text`, in order. A mark next to a mark that is
/// replaced is replaced too ("镇,," → "镇，，"), so that after the fix no
/// half-width mark is left next to a full-width one.
fn hits(text: &str, scope: Scope) -> Vec<Hit> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut flagged = vec![false; chars.len()];
    loop {
        let found = pass(text, &chars, &flagged, scope);
        let mut grew = false;
        for h in &found {
            grew |= !flagged[h.k];
            flagged[h.k] = true;
        }
        if !grew {
            return found;
        }
    }
}

/// One pass over the marks, taking the `flagged` ones as Chinese.
fn pass(text: &str, chars: &[(usize, char)], flagged: &[bool], scope: Scope) -> Vec<Hit> {
    let urls = url_spans(text);
    // Marks are visited in order, so the web addresses are too.
    let mut url = urls.iter().peekable();
    let mut in_url = |b: usize| {
        while url.next_if(|r| r.end <= b).is_some() {}
        url.peek().is_some_and(|r| r.contains(&b))
    };
    let chinese = |i: usize| flagged[i] || is_chinese(chars[i].1);
    let prev = |k: usize| chars[..k].iter().rposition(|&(_, c)| c != ' ');
    let next = |k: usize| {
        chars[k + 1..]
            .iter()
            .position(|&(_, c)| c != ' ')
            .map(|i| k + 1 + i)
    };
    let near_chinese = |k: usize| prev(k).is_some_and(chinese) || next(k).is_some_and(chinese);
    // Byte offsets of the spaces around chars[k].
    let left = |k: usize| prev(k).map_or(0, |i| chars[i].0 + chars[i].1.len_utf8());
    let right = |k: usize| next(k).map_or(text.len(), |i| chars[i].0);
    let hit = |k: usize, range: std::ops::Range<usize>, replacement: char| Hit {
        k,
        partner: None,
        at: chars[k].0,
        mark: chars[k].1,
        edit: Edit {
            range,
            replacement: replacement.to_string(),
        },
    };

    let mut out = Vec::new();
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    let mut lone = Vec::new();
    let mut quotes = Vec::new();
    for (k, &(b, c)) in chars.iter().enumerate() {
        if !matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')' | '"' | '.') || in_url(b) {
            continue;
        }
        match c {
            // A full stop ends Chinese text: after a Chinese character, not
            // inside a number or a Latin word ("1.5", "1.加强", "e.g.").
            '.' => {
                let after = chars.get(k + 1).map(|&(_, c)| c);
                let dots = (k > 0 && chars[k - 1].1 == '.') || after == Some('.');
                if !dots
                    && prev(k).is_some_and(chinese)
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    out.push(hit(k, left(k)..right(k), '。'));
                }
            }
            '(' => open.push(k),
            ')' => match open.pop() {
                Some(o) => pairs.push((o, k)),
                None => lone.push(k),
            },
            '"' => quotes.push(k),
            _ if near_chinese(k) => out.push(hit(k, left(k)..right(k), full_width(c))),
            _ => {}
        }
    }
    lone.extend(open);
    for (o, c) in pairs {
        if near_chinese(o) || near_chinese(c) {
            out.push(paired(hit(o, left(o)..chars[o].0 + 1, '（'), c));
            out.push(paired(hit(c, chars[c].0..right(c), '）'), o));
        }
    }
    for k in lone {
        if near_chinese(k) {
            out.push(hit(k, left(k)..right(k), full_width(chars[k].1)));
        }
    }
    for pair in quotes.chunks(2) {
        match *pair {
            [o, c] => {
                let inside = (o + 1..c).any(chinese);
                if inside || near_chinese(o) || near_chinese(c) {
                    out.push(paired(hit(o, chars[o].0..chars[o].0 + 1, '“'), c));
                    out.push(paired(hit(c, chars[c].0..chars[c].0 + 1, '”'), o));
                }
            }
            [q] if near_chinese(q) => {
                let opens = q + 1 < chars.len() && chinese(q + 1);
                let at = chars[q].0;
                out.push(hit(q, at..at + 1, if opens { '“' } else { '”' }));
            }
            _ => {}
        }
    }

    let last = chars
        .iter()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
        .map(|&(b, _)| b);
    // A pair is replaced whole or not at all.
    let skipped = |k: usize| {
        let at = chars[k].0;
        at < scope.skip_prefix || (scope.skip_last && Some(at) == last)
    };
    out.retain(|h| !skipped(h.k) && !h.partner.is_some_and(skipped));
    crate::order::sort_by_key(&mut out, |h| h.at);
    // Spaces between two marks belong to the first one.
    let mut end = 0;
    for h in &mut out {
        h.edit.range.start = h.edit.range.start.max(end);
        end = h.edit.range.end;
    }
    out
}

/// `text` with its half-width marks replaced, as the fix does it.
pub(crate) fn fix_text(text: &str, scope: Scope) -> String {
    let edits: Vec<Edit> = hits(text, scope).into_iter().map(|h| h.edit).collect();
    super::text::apply_edits(text, &edits)
}

pub(crate) fn check(slots: &[Slot], out: &mut Vec<Finding>) {
    for slot in slots {
        if !slot.marks || slot.text.is_ascii() {
            continue;
        }
        let found = hits(slot.text, Scope::of(&slot.location, slot.role, slot.text));
        let Some(first) = found.first() else {
            continue;
        };
        let quoted = snippet(slot.text, first.at..first.at + 1);
        let mut message = if first.mark == '"' {
            format!("中文里应使用中文引号：“{quoted}”中的英文引号\"应改为“ ”")
        } else {
            let full = full_width(first.mark);
            format!(
                "中文里应使用全角标点：“{quoted}”中的“{}”应为“{full}”",
                first.mark
            )
        };
        if found.len() > 1 {
            message.push_str(&format!("，本段共{}处", found.len()));
        }
        out.push(Finding {
            severity: Severity::Warning,
            check: Check::Punctuation,
            location: slot.location.clone(),
            message,
            fix: Some(Fix {
                location: slot.location.clone(),
                action: FixAction::FullWidthPunctuation,
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::location::Within;

    fn body() -> Scope {
        Scope {
            skip_prefix: 0,
            skip_last: false,
        }
    }

    fn fixed(text: &str) -> String {
        fix_text(text, body())
    }

    #[test]
    fn marks_next_to_chinese_become_full_width() {
        let cases = [
            ("与实践结合不够;二是专业", "与实践结合不够；二是专业"),
            ("主要原因:一是", "主要原因：一是"),
            ("进企业, 进校园", "进企业，进校园"),
            ("是否到位?", "是否到位？"),
            ("成效明显!", "成效明显！"),
            ("(一)强化领导", "（一）强化领导"),
            ("鲁政发(2023)5号", "鲁政发（2023）5号"),
            ("坚持\"谁执法谁普法\"原则", "坚持“谁执法谁普法”原则"),
            ("时间:10:30", "时间：10:30"),
            ("采用\"A\"、\"B\"两类", "采用“A”、“B”两类"),
            ("甲 , ( 乙 ) 丙", "甲，（ 乙 ）丙"),
            ("\u{3000},,1.", "\u{3000}，，1."),
            ("法治;(a)", "法治；（a）"),
            (
                "与实践结合不够,二是专业培训较少.",
                "与实践结合不够，二是专业培训较少。",
            ),
            ("培训较少. 二是", "培训较少。二是"),
        ];
        for (text, want) in cases {
            assert_eq!(fixed(text), want, "{text}");
        }
    }

    #[test]
    fn numbers_latin_and_urls_are_left_alone() {
        for text in [
            "增长1.5倍",
            "按GB/T 9704-2012排版",
            "上午10:30召开",
            "共3,500人次",
            "详见https://www.gov.cn/a?b=1,2网站",
            "1.加强学习",
            "the \"A\" class",
            "Hello, world!",
            "比例为1:2。",
            "1.加强学习",
            "第1.5项",
            "增长3.",
            "详见附件...",
        ] {
            assert_eq!(fixed(text), text, "{text}");
        }
    }

    #[test]
    fn typed_numbers_and_final_marks_of_title_and_addressee_are_left_to_other_checks() {
        let addressee = Location::frame(meta_id::ADDRESSEE);
        let scope = Scope::of(&addressee, Role::Line, "县委,县政府:");
        assert_eq!(fix_text("县委,县政府:", scope), "县委，县政府:");
        let scope = Scope::of(&addressee, Role::Line, "(1.(法治)");
        assert_eq!(fix_text("(1.(法治)", scope), "(1.(法治)");
        let heading = Location::section("m", "items", Within::SubsectionHeading(vec![0]));
        let scope = Scope::of(&heading, Role::SubsectionHeading, "(一)加强领导,落实责任");
        assert_eq!(
            fix_text("(一)加强领导,落实责任", scope),
            "(一)加强领导，落实责任"
        );
    }

    #[test]
    fn one_warning_per_paragraph_quoting_the_first_mark() {
        let loc = Location::section("s", "intro", Within::Paragraph(0));
        let slot = Slot::new(loc.clone(), "不够;二是少;三是弱", Role::Paragraph, 0);
        let mut out = Vec::new();
        check(&[slot], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].location, loc);
        assert_eq!(
            out[0].message,
            "中文里应使用全角标点：“不够;二是少;三是弱”中的“;”应为“；”，本段共2处"
        );
        assert_eq!(
            out[0].fix.as_ref().map(|f| &f.action),
            Some(&FixAction::FullWidthPunctuation)
        );
    }

    #[test]
    fn a_final_full_stop_is_reported_and_fixed_with_the_rest() {
        let loc = Location::section("s", "intro", Within::Paragraph(0));
        let text = "结合不够,二是培训较少.";
        let slot = Slot::new(loc, text, Role::Paragraph, 0);
        let mut out = Vec::new();
        check(&[slot], &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.ends_with("本段共2处"), "{}", out[0].message);
        let fixed = fixed(text);
        assert_eq!(fixed, "结合不够，二是培训较少。");
        let slot = Slot::new(Location::frame("preamble"), &fixed, Role::Paragraph, 0);
        let mut again = Vec::new();
        check(&[slot], &mut again);
        assert!(again.is_empty(), "nothing left after the fix");
    }

    #[test]
    fn clean_text_gives_no_finding() {
        let slot = Slot::new(
            Location::frame(meta_id::TITLE),
            "关于2023年度法治政府建设工作的报告",
            Role::Line,
            0,
        );
        let mut out = Vec::new();
        check(&[slot], &mut out);
        assert!(out.is_empty());
    }
}
