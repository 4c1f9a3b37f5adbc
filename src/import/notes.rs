//! Notes for the writer about an import: what was not found, what was
//! moved, renumbered or skipped. Messages are Simplified Chinese.

use super::frame::{Head, Tail};
use super::section::Built;
use crate::draft::{Draft, FieldRef};
use crate::template::{meta_id, SectionSpec, Template};

/// How many examples a note lists before it says 等.
const EXAMPLES: usize = 5;
/// How many characters of a quoted line a note shows.
const QUOTE_CHARS: usize = 24;

/// Something the writer should check after an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The field the note is about (a section's heading for the section as
    /// a whole), or `None` for the text as a whole.
    pub about: Option<FieldRef>,
    /// What happened and what to do, in Simplified Chinese.
    pub message: String,
}

impl Note {
    /// A note about a frame field.
    pub fn meta(field: &str, message: String) -> Note {
        Note {
            about: Some(FieldRef::meta(field)),
            message,
        }
    }

    /// A note about a section.
    pub fn section(section: &str, message: String) -> Note {
        Note {
            about: Some(FieldRef::heading(section)),
            message,
        }
    }

    /// A note about the text as a whole.
    pub fn general(message: String) -> Note {
        Note {
            about: None,
            message,
        }
    }

    /// The template section the note is about, if any.
    pub fn section_id(&self) -> Option<&str> {
        self.about.as_ref().and_then(FieldRef::section_id)
    }
}

/// A line as quoted in a note, cut short when long.
fn quote(line: &str) -> String {
    if line.chars().count() > QUOTE_CHARS {
        let cut: String = line.chars().take(QUOTE_CHARS).collect();
        format!("“{cut}…”")
    } else {
        format!("“{line}”")
    }
}

/// Up to a few quoted lines joined by 、, with 等 when there are more.
fn examples<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out: Vec<String> = lines
        .iter()
        .take(EXAMPLES)
        .map(|l| quote(l.as_ref()))
        .collect();
    if lines.len() > EXAMPLES {
        out.push("等".into());
        let last = out.len() - 1;
        let tail = out.remove(last);
        if let Some(prev) = out.last_mut() {
            prev.push_str(&tail);
        }
    }
    out.join("、")
}

/// Lines skipped before the title and after the body.
pub(crate) fn skipped(head: &[String], tail: &[String], notes: &mut Vec<Note>) {
    if !head.is_empty() {
        notes.push(Note::general(format!(
            "已跳过标题前后的{}行网页内容或文号：{}。",
            head.len(),
            examples(head)
        )));
    }
    if !tail.is_empty() {
        notes.push(Note::general(format!(
            "已跳过正文后的{}行网页内容：{}。",
            tail.len(),
            examples(tail)
        )));
    }
}

/// Page-number lines of a printed copy, left out wherever they were.
pub(crate) fn page_numbers(lines: &[String], notes: &mut Vec<Note>) {
    if !lines.is_empty() {
        notes.push(Note::general(format!(
            "已跳过{}行页码：{}。",
            lines.len(),
            examples(lines)
        )));
    }
}

/// Frame fields that were not found, and the date as read.
pub(crate) fn frame(
    template: &Template,
    draft: &Draft,
    head: &Head,
    tail: &Tail,
    notes: &mut Vec<Note>,
) {
    if head.title.is_none() {
        notes.push(Note::meta(
            meta_id::TITLE,
            format!(
                "未找到标题（含“报告”或“总结”的一行），已使用默认标题“{}”，请核对。",
                draft.title()
            ),
        ));
    }
    if head.organ.is_none() && template.meta_field(meta_id::ORGAN).is_some() {
        notes.push(Note::meta(
            meta_id::ORGAN,
            "未找到发文机关（标题上方的单位名称），请在向导中填写。".into(),
        ));
    }
    if tail.closing.is_none() && template.meta_field(meta_id::CLOSING).is_some() {
        notes.push(Note::meta(
            meta_id::CLOSING,
            "原文没有“特此报告。”等结束语，已留空；向上级报送时请补上。".into(),
        ));
    }
    if tail.signature.is_none() {
        notes.push(Note::meta(
            meta_id::SIGNATURE,
            "未找到落款单位（成文日期上方的一行），请在向导中填写。".into(),
        ));
    }
    let message = match &tail.date {
        None => "未找到成文日期，请在向导中填写。".to_string(),
        Some((line, None)) => {
            format!("无法识别成文日期{}，请在向导中重新填写。", quote(line))
        }
        Some((line, Some(date))) if *line != date.to_string() => format!(
            "成文日期{}已改为规范写法“{date}”（用阿拉伯数字，月、日不编虚位）。",
            quote(line)
        ),
        Some(_) => return,
    };
    notes.push(Note::meta(meta_id::DATE, message));
}

/// Required template sections that were not found.
pub(crate) fn missing(template: &Template, found: &[usize], notes: &mut Vec<Note>) {
    for (s, spec) in template.sections.iter().enumerate() {
        if spec.required && !found.contains(&s) {
            notes.push(Note::section(
                &spec.id,
                format!(
                    "未找到“{}”部分，已按模板补上空白部分，请在向导中填写。",
                    spec.short
                ),
            ));
        }
    }
}

/// Subsection and point numbers that composition writes differently.
pub(crate) fn renumbered(spec: &SectionSpec, built: &Built, notes: &mut Vec<Note>) {
    if let Some((written, composed)) = built.renumbered.first() {
        notes.push(Note::section(
            &spec.id,
            format!(
                "“{}”部分的编号已按规范写法和位置重新编排（如原文“{written}”现为“{composed}”，共{}处），请核对。",
                spec.short,
                built.renumbered.len()
            ),
        ));
    }
}

/// Level-1 numbers that composition writes differently.
pub(crate) fn level_one_renumbered(changes: &[(String, String)], notes: &mut Vec<Note>) {
    if let Some((written, composed)) = changes.first() {
        notes.push(Note::general(format!(
            "部分标题的编号已按规范写法和位置重新编排（如原文“{written}”现为“{composed}”，共{}处），请核对。",
            changes.len()
        )));
    }
}

/// Sections (by heading line) and paragraphs that fit no template
/// section and were kept in `target`.
pub(crate) fn unplaced(
    headings: &[String],
    stray: usize,
    target: &str,
    section: Option<&str>,
    notes: &mut Vec<Note>,
) {
    let note = |message: String| match section {
        Some(id) => Note::section(id, message),
        None => Note::meta(meta_id::PREAMBLE, message),
    };
    if !headings.is_empty() {
        notes.push(note(format!(
            "{}无法归入任何部分，已连同内容保留在“{target}”中，请在向导中调整。",
            examples(headings)
        )));
    }
    if stray > 0 {
        notes.push(note(format!(
            "有{stray}段文字无法放入所在部分，已保留在“{target}”中，请在向导中调整。"
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_quoted_shortened_and_capped() {
        assert_eq!(examples(&["甲", "乙"]), "“甲”、“乙”");
        let many: Vec<String> = (1..=7).map(|n| n.to_string()).collect();
        assert_eq!(examples(&many), "“1”、“2”、“3”、“4”、“5”等");
        let long = "字".repeat(30);
        assert_eq!(quote(&long), format!("“{}…”", "字".repeat(24)));
    }
}
