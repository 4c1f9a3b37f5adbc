//! The report's frame in imported text: the organ line, title and
//! addressee at the head; the closing formula, signature and date at the
//! tail; and the website boilerplate around them.
//!
//! Works on the report's non-blank lines, trimmed. The head is read from
//! the top, the tail from the bottom; whatever lies between is the body.

use super::boilerplate::is_boilerplate;
use super::date::read_date_line;
use super::marker::parse_marker;
use crate::draft::ReportDate;

/// How far down the title is looked for.
const TITLE_SEARCH_LINES: usize = 20;
/// A line longer than this before any title is body text, not a heading line.
const MAX_HEAD_LINE_CHARS: usize = 40;
const MAX_TITLE_CHARS: usize = 80;
const MAX_ORGAN_CHARS: usize = 30;
const MAX_ADDRESSEE_CHARS: usize = 30;
const MAX_CLOSING_CHARS: usize = 30;

/// Punctuation that ends a sentence or clause: lines ending with it are
/// not titles, organ lines or signatures.
const FINAL_PUNCTUATION: &[char] = &['。', '；', ';', '，', ',', '：', ':', '！', '!', '？', '?'];

/// The head of the report.
#[derive(Debug, Default)]
pub(crate) struct Head {
    pub organ: Option<String>,
    pub title: Option<String>,
    pub addressee: Option<String>,
    /// Lines right below the title that start with the label of one of the
    /// template's own lines there (述职人：…): the label's index and the line.
    pub bylines: Vec<(usize, String)>,
    /// Index of the first body line.
    pub body_start: usize,
    /// Lines left out before the body (boilerplate, text above the title).
    pub skipped: Vec<String>,
}

/// The tail of the report.
#[derive(Debug, Default)]
pub(crate) struct Tail {
    pub closing: Option<String>,
    pub signature: Option<String>,
    /// The date line as written, and the date if it could be read.
    pub date: Option<(String, Option<ReportDate>)>,
    /// Index one past the last body line.
    pub body_end: usize,
    /// Boilerplate left out after the body, in reading order.
    pub skipped: Vec<String>,
}

fn chars(line: &str) -> usize {
    line.chars().count()
}

fn ends_with_punctuation(line: &str) -> bool {
    line.ends_with(FINAL_PUNCTUATION)
}

/// Words a title of the report kinds contains.
const TITLE_WORDS: &[&str] = &["报告", "总结"];

fn names_a_kind(line: &str) -> bool {
    TITLE_WORDS.iter().any(|w| line.contains(w))
}

fn is_title(line: &str) -> bool {
    (4..=MAX_TITLE_CHARS).contains(&chars(line))
        && names_a_kind(line)
        && !ends_with_punctuation(line)
        && parse_marker(line).is_none()
}

/// A short name on its own line: an organ line above the title or a
/// signature above the date.
fn is_name_line(line: &str) -> bool {
    (2..=MAX_ORGAN_CHARS).contains(&chars(line))
        && !ends_with_punctuation(line)
        && !names_a_kind(line)
        && parse_marker(line).is_none()
        && read_date_line(line).is_none()
        && !is_boilerplate(line)
}

fn is_addressee(line: &str) -> bool {
    chars(line) <= MAX_ADDRESSEE_CHARS
        && line.ends_with(['：', ':'])
        && !line.contains("如下")
        && !line.contains('。')
        && parse_marker(line).is_none()
}

/// 特此报告。 特此汇报 以上报告，请审阅。 妥否，请批示。
pub(crate) fn is_closing(line: &str) -> bool {
    chars(line) <= MAX_CLOSING_CHARS
        && (line.starts_with("特此")
            || (line.starts_with("以上") && (line.contains("报告") || line.contains("汇报")))
            || line.starts_with("妥否")
            || line.starts_with("请审阅")
            || line.starts_with("请审示"))
}

/// Reads the head: boilerplate and other lines above the title are
/// skipped (except the organ line just above it), then boilerplate
/// directly below the title, then lines starting with one of the
/// `byline_labels` (述职人), then an addressee line.
pub(crate) fn read_head(lines: &[&str], byline_labels: &[&str]) -> Head {
    let mut head = Head::default();
    let title_at = lines
        .iter()
        .take(TITLE_SEARCH_LINES)
        .enumerate()
        .filter(|(_, line)| !is_boilerplate(line))
        .take_while(|(_, line)| parse_marker(line).is_none() && chars(line) <= MAX_HEAD_LINE_CHARS)
        .find(|(_, line)| is_title(line))
        .map(|(i, _)| i);
    let mut at = 0;
    if let Some(t) = title_at {
        let organ_at = t.checked_sub(1).filter(|&o| is_name_line(lines[o]));
        for (i, line) in lines[..t].iter().enumerate() {
            if Some(i) == organ_at {
                head.organ = Some(line.to_string());
            } else {
                head.skipped.push(line.to_string());
            }
        }
        head.title = Some(lines[t].to_string());
        at = t + 1;
    }
    // Website copies often repeat the title below the page heading.
    let repeats_title = |line: &str| head.title.as_deref() == Some(line);
    while at < lines.len() && (is_boilerplate(lines[at]) || repeats_title(lines[at])) {
        head.skipped.push(lines[at].to_string());
        at += 1;
    }
    while let Some(label) = lines.get(at).and_then(|line| {
        byline_labels
            .iter()
            .position(|l| !l.is_empty() && line.starts_with(l) && chars(line) <= MAX_TITLE_CHARS)
    }) {
        head.bylines.push((label, lines[at].to_string()));
        at += 1;
    }
    if at < lines.len() && is_addressee(lines[at]) {
        head.addressee = Some(lines[at].to_string());
        at += 1;
    }
    head.body_start = at;
    head
}

/// Reads the tail from the end, never above `body_start`: boilerplate,
/// then the date, the signature (a name line just above the date, or just
/// below the closing), and the closing formula.
pub(crate) fn read_tail(lines: &[&str], body_start: usize) -> Tail {
    let mut tail = Tail::default();
    let mut end = lines.len();
    while end > body_start && is_boilerplate(lines[end - 1]) {
        tail.skipped.push(lines[end - 1].to_string());
        end -= 1;
    }
    tail.skipped.reverse();
    if end > body_start {
        if let Some(date) = read_date_line(lines[end - 1]) {
            tail.date = Some((lines[end - 1].to_string(), date));
            end -= 1;
        }
    }
    if end > body_start {
        let line = lines[end - 1];
        let closing_above = end - 1 > body_start && is_closing(lines[end - 2]);
        if is_name_line(line) && !is_closing(line) && (tail.date.is_some() || closing_above) {
            tail.signature = Some(line.to_string());
            end -= 1;
        }
    }
    if end > body_start && is_closing(lines[end - 1]) {
        tail.closing = Some(lines[end - 1].to_string());
        end -= 1;
    }
    tail.body_end = end;
    tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_of_the_sample_report() {
        let lines = [
            "中共荆家镇委",
            "关于2023年度法治政府建设工作的报告",
            "县委、县政府：",
            "2023年，荆家镇……现将2023年度法治政府建设情况报告如下：",
        ];
        let head = read_head(&lines, &[]);
        assert_eq!(head.organ.as_deref(), Some("中共荆家镇委"));
        assert_eq!(
            head.title.as_deref(),
            Some("关于2023年度法治政府建设工作的报告")
        );
        assert_eq!(head.addressee.as_deref(), Some("县委、县政府："));
        assert_eq!(head.body_start, 3);
        assert!(head.skipped.is_empty());
    }

    #[test]
    fn website_head_skips_breadcrumbs_and_source_lines() {
        let lines = [
            "首页 > 政务公开 > 法治政府建设年度报告",
            "××县司法局2023年法治政府建设年度报告",
            "发布时间：2024-03-01 来源：××县司法局",
            "【字体：大 中 小】",
            "2023年，我局……",
        ];
        let head = read_head(&lines, &[]);
        assert_eq!(head.organ, None);
        assert_eq!(
            head.title.as_deref(),
            Some("××县司法局2023年法治政府建设年度报告")
        );
        assert_eq!(head.skipped.len(), 3);
        assert_eq!(head.body_start, 4);
    }

    #[test]
    fn a_repeated_title_below_the_page_heading_is_skipped() {
        let lines = [
            "某县2023年法治政府建设年度报告",
            "来源：某县",
            "某县2023年法治政府建设年度报告",
            "正文。",
        ];
        let head = read_head(&lines, &[]);
        assert_eq!(
            head.skipped,
            ["来源：某县", "某县2023年法治政府建设年度报告"]
        );
        assert_eq!(head.body_start, 3);
    }

    #[test]
    fn no_title_past_the_first_section_or_a_long_paragraph() {
        let head = read_head(&["一、主要举措和成效", "关于某事的报告"], &[]);
        assert_eq!(head.title, None);
        assert_eq!(head.body_start, 0);
        let long = "荆家镇".repeat(20);
        let head = read_head(&[long.as_str(), "关于某事的报告"], &[]);
        assert_eq!(head.title, None);
    }

    #[test]
    fn tail_of_the_sample_report() {
        let lines = [
            "三是继续加强……",
            "特此报告。",
            "中共荆家镇委",
            "2023年12月18日",
            "打印本页",
            "关闭窗口",
        ];
        let tail = read_tail(&lines, 0);
        assert_eq!(tail.closing.as_deref(), Some("特此报告。"));
        assert_eq!(tail.signature.as_deref(), Some("中共荆家镇委"));
        assert_eq!(
            tail.date,
            Some(("2023年12月18日".into(), ReportDate::new(2023, 12, 18)))
        );
        assert_eq!(tail.skipped, ["打印本页", "关闭窗口"]);
        assert_eq!(tail.body_end, 1);
    }

    #[test]
    fn signature_needs_a_date_or_a_closing_above() {
        let tail = read_tail(&["正文。", "（四）加大普法"], 0);
        assert_eq!(tail.signature, None);
        assert_eq!(tail.body_end, 2);
        let tail = read_tail(&["正文。", "特此报告", "××县人民政府"], 0);
        assert_eq!(tail.signature.as_deref(), Some("××县人民政府"));
        assert_eq!(tail.closing.as_deref(), Some("特此报告"));
        assert_eq!(tail.body_end, 1);
    }
}
