//! Notes for the writer about an import: what was not found, what was
//! moved, renumbered or skipped. Messages are in the interface's language.

use super::frame::{Head, Tail};
use super::section::Built;
use crate::draft::{Draft, FieldRef};
use crate::i18n::{fill, tr, Key};
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
    /// What happened and what to do, in the interface's language.
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
        out.push(tr(Key::AndMore).into());
        let last = out.len() - 1;
        let tail = out.remove(last);
        if let Some(prev) = out.last_mut() {
            prev.push_str(&tail);
        }
    }
    out.join(tr(Key::ListSeparator))
}

/// Lines skipped before the title and after the body.
pub(crate) fn skipped(head: &[String], tail: &[String], notes: &mut Vec<Note>) {
    if !head.is_empty() {
        notes.push(Note::general(fill(
            Key::ImportSkippedHead,
            &[&head.len(), &examples(head)],
        )));
    }
    if !tail.is_empty() {
        notes.push(Note::general(fill(
            Key::ImportSkippedTail,
            &[&tail.len(), &examples(tail)],
        )));
    }
}

/// Page-number lines of a printed copy, left out wherever they were.
pub(crate) fn page_numbers(lines: &[String], notes: &mut Vec<Note>) {
    if !lines.is_empty() {
        notes.push(Note::general(fill(
            Key::ImportSkippedPages,
            &[&lines.len(), &examples(lines)],
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
            fill(Key::ImportNoTitle, &[&"报告", &"总结", &draft.title()]),
        ));
    }
    if head.organ.is_none() && template.meta_field(meta_id::ORGAN).is_some() {
        notes.push(Note::meta(meta_id::ORGAN, tr(Key::ImportNoOrgan).into()));
    }
    if tail.closing.is_none() && template.meta_field(meta_id::CLOSING).is_some() {
        notes.push(Note::meta(
            meta_id::CLOSING,
            fill(Key::ImportNoClosing, &[&"特此报告。"]),
        ));
    }
    if tail.signature.is_none() {
        notes.push(Note::meta(
            meta_id::SIGNATURE,
            tr(Key::ImportNoSignature).into(),
        ));
    }
    let message = match &tail.date {
        None => tr(Key::ImportNoDate).to_string(),
        Some((line, None)) => fill(Key::ImportBadDate, &[&quote(line)]),
        Some((line, Some(date))) if *line != date.to_string() => {
            fill(Key::ImportDateRewritten, &[&quote(line), date])
        }
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
                fill(Key::ImportMissingSection, &[&spec.short]),
            ));
        }
    }
}

/// Subsection and point numbers that composition writes differently.
pub(crate) fn renumbered(spec: &SectionSpec, built: &Built, notes: &mut Vec<Note>) {
    if let Some((written, composed)) = built.renumbered.first() {
        notes.push(Note::section(
            &spec.id,
            fill(
                Key::ImportRenumbered,
                &[&spec.short, written, composed, &built.renumbered.len()],
            ),
        ));
    }
}

/// Level-1 numbers that composition writes differently.
pub(crate) fn level_one_renumbered(changes: &[(String, String)], notes: &mut Vec<Note>) {
    if let Some((written, composed)) = changes.first() {
        notes.push(Note::general(fill(
            Key::ImportHeadingsRenumbered,
            &[written, composed, &changes.len()],
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
        notes.push(note(fill(
            Key::ImportUnplacedHeadings,
            &[&examples(headings), &target],
        )));
    }
    if stray > 0 {
        notes.push(note(fill(Key::ImportStray, &[&stray, &target])));
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
