//! Markdown of a document, for publication on websites (CommonMark, also
//! read correctly by GitHub-flavoured renderers).
//!
//! - The organ line is a plain paragraph above the title; the title is
//!   `# …`; the addressee, body paragraphs and the closing are paragraphs
//!   separated by blank lines.
//! - Level-1 headings are `## 一、…`; standalone level-2 headings are
//!   `### （一）…`. Run-in level-2 headings, and level-3 and level-4 headings,
//!   are bold-led paragraphs: `**（一）强化领导，落实工作责任**。荆家镇…`.
//!   The heading's final punctuation stands just after the closing `**`:
//!   CommonMark does not close emphasis after punctuation that is followed
//!   by a letter (`**…。**荆` shows its asterisks), so the bold part always
//!   ends with a letter or digit.
//! - Markdown cannot align text right. The signature and the date close the
//!   document as one paragraph of two lines joined by a hard line break
//!   (a backslash at the end of the line); a site that wants them on the
//!   right styles that last paragraph.
//!
//! One writer, one escaping function: all text goes through
//! `MarkdownWriter::text`, which backslash-escapes the ASCII characters
//! that Markdown could read as syntax.

use crate::document::{BlockKind, Document};

/// Characters escaped wherever they occur.
const ALWAYS_ESCAPED: &str = "\\`*_[]<>&#~|$";
/// Characters escaped at the start of a line (list, heading underline).
const LINE_START_ESCAPED: &str = "-+=";

/// Renders `doc` as Markdown.
pub fn render(doc: &Document) -> String {
    let mut w = MarkdownWriter::default();
    let mut closing_lines: Vec<&str> = Vec::new();
    for block in &doc.blocks {
        match &block.kind {
            BlockKind::Organ { text }
            | BlockKind::Byline { text }
            | BlockKind::Addressee { text }
            | BlockKind::Paragraph { text }
            | BlockKind::Closing { text } => w.paragraph(text),
            BlockKind::Title { text } => w.heading(1, "", text),
            BlockKind::Heading {
                level,
                number,
                text,
                run_in,
            } => match (level, run_in) {
                (1, _) => {
                    w.heading(2, number, text);
                    if let Some(run_in) = run_in {
                        w.paragraph(run_in);
                    }
                }
                (2, None) => w.heading(3, number, text),
                (_, run_in) => w.strong_led(number, text, run_in.as_deref().unwrap_or("")),
            },
            BlockKind::Signature { text } | BlockKind::Date { text } => closing_lines.push(text),
        }
    }
    w.lines(&closing_lines);
    w.out
}

/// ASCII punctuation and the punctuation of Chinese text: characters every
/// CommonMark version counts as punctuation.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || "。，、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—·".contains(c)
}

/// Builds the Markdown text block by block.
#[derive(Default)]
struct MarkdownWriter {
    out: String,
}

impl MarkdownWriter {
    /// Starts a block: a blank line after the previous one.
    fn start_block(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    fn end_block(&mut self) {
        self.out.push('\n');
    }

    /// An ATX heading `#…# number text`.
    fn heading(&mut self, level: usize, number: &str, text: &str) {
        self.start_block();
        self.out.push_str(&"#".repeat(level));
        self.out.push(' ');
        self.text(number, false);
        self.text(text, false);
        self.end_block();
    }

    fn paragraph(&mut self, text: &str) {
        self.start_block();
        self.text(text, true);
        self.end_block();
    }

    /// A paragraph led by a bold heading: `**number heading**punct rest`.
    fn strong_led(&mut self, number: &str, heading: &str, rest: &str) {
        self.start_block();
        if heading.trim().is_empty() {
            self.text(number, true);
            self.text(rest, false);
            self.end_block();
            return;
        }
        let lead = format!("{number}{heading}");
        // The closing ** may follow punctuation only when punctuation or
        // nothing comes after it; otherwise the bold part ends at the last
        // letter or digit (see the module documentation).
        let closes_anywhere = rest.chars().next().is_none_or(is_punctuation);
        let bold_end = match closes_anywhere {
            true => lead.len(),
            false => lead
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map_or(lead.len(), |(at, c)| at + c.len_utf8()),
        };
        let (bold, after) = lead.split_at(bold_end);
        self.out.push_str("**");
        self.text(bold, false);
        self.out.push_str("**");
        self.text(after, false);
        self.text(rest, false);
        self.end_block();
    }

    /// Lines of one paragraph, joined by hard line breaks.
    fn lines(&mut self, lines: &[&str]) {
        if lines.is_empty() {
            return;
        }
        self.start_block();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push_str("\\\n");
            }
            self.text(line, true);
        }
        self.end_block();
    }

    /// Writes `text` with Markdown syntax characters escaped. Line breaks
    /// inside the text become spaces. At the start of a line, list and
    /// heading-underline markers are escaped too, and so is the `.` or `)`
    /// after leading digits (2023. would start an ordered list).
    fn text(&mut self, text: &str, at_line_start: bool) {
        let mut first = at_line_start;
        let mut leading_digits = at_line_start;
        for c in text.chars() {
            let c = if c == '\n' || c == '\r' { ' ' } else { c };
            let escape = ALWAYS_ESCAPED.contains(c)
                || (first && LINE_START_ESCAPED.contains(c))
                || (leading_digits && (c == '.' || c == ')'));
            if escape {
                self.out.push('\\');
            }
            self.out.push(c);
            leading_digits &= c.is_ascii_digit();
            first = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::compose;
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    fn escaped(text: &str) -> String {
        let mut w = MarkdownWriter::default();
        w.text(text, true);
        w.out
    }

    fn seed_markdown() -> String {
        render(&compose(annual_report(), &seed_draft("seed", 0)))
    }

    #[test]
    fn escapes_syntax_characters() {
        let cases = [
            ("*强调*", "\\*强调\\*"),
            ("# 不是标题", "\\# 不是标题"),
            ("_下划线_", "\\_下划线\\_"),
            ("1. 不是列表", "1\\. 不是列表"),
            ("2023) 不是列表", "2023\\) 不是列表"),
            ("- 不是列表", "\\- 不是列表"),
            ("+ 不是列表", "\\+ 不是列表"),
            ("==", "\\=="),
            ("<b>粗</b>", "\\<b\\>粗\\</b\\>"),
            ("[链接](x)", "\\[链接\\](x)"),
            ("a&amp;b", "a\\&amp;b"),
            ("`代码`", "\\`代码\\`"),
            ("\\", "\\\\"),
            ("~~删~~|表|", "\\~\\~删\\~\\~\\|表\\|"),
            ("费用$5", "费用\\$5"),
        ];
        for (text, want) in cases {
            assert_eq!(escaped(text), want, "{text}");
        }
    }

    #[test]
    fn leaves_ordinary_report_text_alone() {
        for text in [
            "2023年，荆家镇法治政府建设工作以习近平新时代中国特色社会主义思想为指导。",
            "发放各类宣传资料26000多份（含《宪法》读本）；“法律明白人”126名！",
            "投入1.5万元，完成率100%。",
            "a-b+c=d",
        ] {
            assert_eq!(escaped(text), text);
        }
    }

    #[test]
    fn seed_report_headings_and_frame() {
        let md = seed_markdown();
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(
            &lines[..5],
            [
                "中共荆家镇委",
                "",
                "# 关于2023年度法治政府建设工作的报告",
                "",
                "县委、县政府："
            ]
        );
        let h2: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("## "))
            .collect();
        assert_eq!(
            h2,
            [
                "## 一、推进法治政府建设的主要举措和成效",
                "## 二、党政主要负责人履行推进法治建设第一责任人职责情况",
                "## 三、推进法治政府建设存在的不足和原因",
                "## 四、2024年推进法治政府建设的主要计划安排",
            ]
        );
        let h3: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("### "))
            .collect();
        assert_eq!(h3, ["### （四）加大全民普法，营造法治社会氛围"]);
        assert_eq!(lines.iter().filter(|l| l.starts_with("# ")).count(), 1);
        assert_eq!(
            &lines[lines.len() - 2..],
            ["中共荆家镇委\\", "2023年12月18日"]
        );
        assert_eq!(lines[lines.len() - 4], "特此报告。");
    }

    #[test]
    fn seed_report_run_in_headings_are_bold_led() {
        let md = seed_markdown();
        let bold: Vec<&str> = md.lines().filter(|l| l.starts_with("**")).collect();
        assert_eq!(bold.len(), 6);
        assert!(
            bold[0].starts_with("**（一）强化领导，落实工作责任**。荆家镇党委、政府提高政治站位")
        );
        assert!(bold[5].starts_with("**（三）加大法治学习宣传**。认真落实谁执法谁普法"));
        // Points are plain paragraphs with their labels.
        let points: Vec<&str> = md
            .lines()
            .filter(|l| ["一是", "二是", "三是"].iter().any(|p| l.starts_with(p)))
            .collect();
        assert_eq!(points.len(), 3);
        // Paragraphs are separated by exactly one blank line.
        assert!(!md.contains("\n\n\n"));
        // One Markdown line per line of the plain-text report.
        assert_eq!(md.lines().filter(|l| !l.is_empty()).count(), 24);
    }

    #[test]
    fn deeper_levels_are_bold_led_paragraphs() {
        let mut w = MarkdownWriter::default();
        w.strong_led("1.", "细则", "");
        w.strong_led("（1）", "再细：", "内容。");
        w.strong_led("（二）", "", "无标题。");
        w.strong_led("（一）", "加强“法治带头人”。", "正文");
        w.strong_led("（一）", "加强学习。", "“法律明白人”");
        assert_eq!(
            w.out,
            "**1.细则**\n\n**（1）再细**：内容。\n\n（二）无标题。\n\n\
             **（一）加强“法治带头人**”。正文\n\n**（一）加强学习。**“法律明白人”\n"
        );
    }
}
