//! The draft's texts as a flat list of slots — every line, heading and
//! paragraph with its location — and access to one text by its location.

use super::location::{Location, Within};
use super::text::for_each_ascii;
use crate::draft::{Draft, Edition, FieldRef, FieldValue, Point, Subsection};
use crate::template;

/// What a piece of text is, which decides what some checks look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A one-line frame or section field (organ, title, addressee, …).
    Line,
    /// A body paragraph.
    Paragraph,
    /// A section's heading.
    SectionHeading,
    /// A subsection's heading.
    SubsectionHeading,
    /// The first non-blank paragraph of a point, which carries 一是.
    PointStart,
}

impl Role {
    /// Whether the layout puts a number in front of this text.
    pub(crate) fn is_numbered(self) -> bool {
        matches!(
            self,
            Role::SectionHeading | Role::SubsectionHeading | Role::PointStart
        )
    }

    /// Whether this is running text (paragraphs, not headings or lines).
    pub(crate) fn is_body(self) -> bool {
        matches!(self, Role::Paragraph | Role::PointStart)
    }
}

/// One piece of text in the draft.
#[derive(Debug)]
pub(crate) struct Slot<'a> {
    pub location: Location,
    pub text: &'a str,
    pub role: Role,
    /// Paragraphs that read as one list (a text field, a subsection, a point)
    /// share a group number.
    pub group: usize,
    /// Whether the text holds an ASCII mark that may be half-width
    /// punctuation in Chinese text (`, ; : ( ) ? ! " .`).
    pub marks: bool,
    /// Whether the text holds an ASCII digit.
    pub digits: bool,
}

impl<'a> Slot<'a> {
    pub(crate) fn new(location: Location, text: &'a str, role: Role, group: usize) -> Slot<'a> {
        let mut marks = false;
        let mut digits = false;
        for_each_ascii(text, |_, b| match b {
            b',' | b';' | b':' | b'(' | b')' | b'?' | b'!' | b'"' | b'.' => marks = true,
            b'0'..=b'9' => digits = true,
            _ => {}
        });
        Slot {
            location,
            text,
            role,
            group,
            marks,
            digits,
        }
    }
}

/// Every text of the frame and of the enabled sections. The 报送版's own
/// fields (版头, 附件说明, 附注, 版记) count only when that edition prints.
pub(crate) fn collect(draft: &Draft) -> Vec<Slot<'_>> {
    let mut w = Walker {
        out: Vec::new(),
        group: 0,
    };
    let prints = |field: &str| {
        draft.edition == Edition::Submitted || !template::is_official_frame_field(field)
    };
    for (field, value) in draft.meta.iter().filter(|(f, _)| prints(f)) {
        w.field(&FieldRef::meta(field), value);
    }
    for section in draft.sections.iter().filter(|s| s.enabled) {
        w.push(
            Location::heading(&section.id),
            &section.heading,
            Role::SectionHeading,
        );
        for (field, value) in &section.fields {
            w.field(&FieldRef::section(&section.id, field), value);
        }
    }
    w.out
}

struct Walker<'a> {
    out: Vec<Slot<'a>>,
    group: usize,
}

impl<'a> Walker<'a> {
    fn push(&mut self, location: Location, text: &'a str, role: Role) {
        self.out.push(Slot::new(location, text, role, self.group));
    }

    fn next_group(&mut self) {
        self.group += 1;
    }

    fn field(&mut self, field: &FieldRef, value: &'a FieldValue) {
        let at = |within| Location::new(field.clone(), within);
        self.next_group();
        match value {
            FieldValue::Line(text) => self.push(at(Within::Field), text, Role::Line),
            FieldValue::Date(_) => {}
            FieldValue::Text(paragraphs) => {
                for (i, p) in paragraphs.iter().enumerate() {
                    self.push(at(Within::Paragraph(i)), p, Role::Paragraph);
                }
            }
            FieldValue::Points(points) => {
                for (i, point) in points.iter().enumerate() {
                    self.next_group();
                    let start = first_text(point);
                    for (j, p) in point.paragraphs.iter().enumerate() {
                        let role = if Some(j) == start {
                            Role::PointStart
                        } else {
                            Role::Paragraph
                        };
                        let within = Within::PointParagraph {
                            point: i,
                            paragraph: j,
                        };
                        self.push(at(within), p, role);
                    }
                }
            }
            FieldValue::Subsections(items) => {
                let mut path = Vec::new();
                self.subsections(&at(Within::Field), items, &mut path);
            }
        }
    }

    fn subsections(&mut self, base: &Location, items: &'a [Subsection], path: &mut Vec<usize>) {
        for (i, item) in items.iter().enumerate() {
            path.push(i);
            self.next_group();
            let at = |within| Location::new(base.field.clone(), within);
            self.push(
                at(Within::SubsectionHeading(path.clone())),
                &item.heading,
                Role::SubsectionHeading,
            );
            for (j, p) in item.paragraphs.iter().enumerate() {
                let within = Within::SubsectionParagraph {
                    path: path.clone(),
                    paragraph: j,
                };
                self.push(at(within), p, Role::Paragraph);
            }
            self.subsections(base, &item.children, path);
            path.pop();
        }
    }
}

/// The index of a point's first non-blank paragraph, which composition
/// prefixes with 一是, 二是, ….
fn first_text(point: &Point) -> Option<usize> {
    point.paragraphs.iter().position(|p| !p.trim().is_empty())
}

/// The text at `location`, if the draft has one there.
pub fn text_at<'a>(draft: &'a Draft, location: &Location) -> Option<&'a str> {
    let value = match &location.field.section {
        None => draft.meta.get(&location.field.id)?,
        Some(id) => {
            let section = draft.section(id)?;
            if location.field.id.is_empty() {
                return match location.path {
                    Within::Field => Some(&section.heading),
                    _ => None,
                };
            }
            section.fields.get(&location.field.id)?
        }
    };
    match (value, &location.path) {
        (FieldValue::Line(text), Within::Field) => Some(text),
        (FieldValue::Text(ps), Within::Paragraph(n)) => ps.get(*n).map(String::as_str),
        (FieldValue::Subsections(items), Within::SubsectionHeading(path)) => {
            subsection(items, path).map(|s| s.heading.as_str())
        }
        (FieldValue::Subsections(items), Within::SubsectionParagraph { path, paragraph }) => {
            let s = subsection(items, path)?;
            s.paragraphs.get(*paragraph).map(String::as_str)
        }
        (FieldValue::Points(points), Within::PointParagraph { point, paragraph }) => {
            let p = points.get(*point)?;
            p.paragraphs.get(*paragraph).map(String::as_str)
        }
        _ => None,
    }
}

fn subsection<'a>(items: &'a [Subsection], path: &[usize]) -> Option<&'a Subsection> {
    let (first, rest) = path.split_first()?;
    let item = items.get(*first)?;
    if rest.is_empty() {
        Some(item)
    } else {
        subsection(&item.children, rest)
    }
}

fn subsection_mut<'a>(items: &'a mut [Subsection], path: &[usize]) -> Option<&'a mut Subsection> {
    let (first, rest) = path.split_first()?;
    let item = items.get_mut(*first)?;
    if rest.is_empty() {
        Some(item)
    } else {
        subsection_mut(&mut item.children, rest)
    }
}

/// The text at `location` for editing. With `create`, a missing one-line
/// frame field is created empty, so a fix can fill it in.
pub(crate) fn text_at_mut<'a>(
    draft: &'a mut Draft,
    location: &Location,
    create: bool,
) -> Option<&'a mut String> {
    let value = match &location.field.section {
        None if create && location.path == Within::Field => draft
            .meta
            .entry(location.field.id.clone())
            .or_insert_with(|| FieldValue::Line(String::new())),
        None => draft.meta.get_mut(&location.field.id)?,
        Some(id) => {
            let section = draft.section_mut(id)?;
            if location.field.id.is_empty() {
                return match location.path {
                    Within::Field => Some(&mut section.heading),
                    _ => None,
                };
            }
            section.fields.get_mut(&location.field.id)?
        }
    };
    match (value, &location.path) {
        (FieldValue::Line(text), Within::Field) => Some(text),
        (FieldValue::Text(ps), Within::Paragraph(n)) => ps.get_mut(*n),
        (FieldValue::Subsections(items), Within::SubsectionHeading(path)) => {
            subsection_mut(items, path).map(|s| &mut s.heading)
        }
        (FieldValue::Subsections(items), Within::SubsectionParagraph { path, paragraph }) => {
            subsection_mut(items, path)?.paragraphs.get_mut(*paragraph)
        }
        (FieldValue::Points(points), Within::PointParagraph { point, paragraph }) => {
            points.get_mut(*point)?.paragraphs.get_mut(*paragraph)
        }
        _ => None,
    }
}

/// The role of the text at `location`, as [`collect`] would give it.
pub(crate) fn role_at(draft: &Draft, location: &Location) -> Role {
    if location.is_heading() {
        return Role::SectionHeading;
    }
    match &location.path {
        Within::Field => Role::Line,
        Within::Paragraph(_) | Within::SubsectionParagraph { .. } => Role::Paragraph,
        Within::SubsectionHeading(_) => Role::SubsectionHeading,
        Within::PointParagraph { point, paragraph } => {
            let start = location
                .field
                .section_id()
                .and_then(|id| draft.section(id))
                .and_then(|s| s.fields.get(&location.field.id))
                .and_then(|v| match v {
                    FieldValue::Points(points) => points.get(*point).and_then(first_text),
                    _ => None,
                });
            if start == Some(*paragraph) {
                Role::PointStart
            } else {
                Role::Paragraph
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::seed_draft;

    #[test]
    fn every_slot_reads_back_through_its_location() {
        let draft = seed_draft("s", 0);
        let slots = collect(&draft);
        for slot in &slots {
            assert_eq!(text_at(&draft, &slot.location), Some(slot.text));
            assert_eq!(role_at(&draft, &slot.location), slot.role);
        }
        // 5 frame lines + preamble, 4 section headings, 4 + 3 subsections
        // with one paragraph each, shortcomings intro, plans intro and 3 points.
        assert_eq!(slots.len(), 5 + 1 + 4 + 8 + 6 + 1 + 1 + 3);
        let roles = |r: Role| slots.iter().filter(|s| s.role == r).count();
        assert_eq!(roles(Role::SubsectionHeading), 7);
        assert_eq!(roles(Role::PointStart), 3);
        assert_eq!(roles(Role::SectionHeading), 4);
    }

    #[test]
    fn nested_subsections_are_reached_by_path() {
        let mut draft = seed_draft("s", 0);
        let child = Subsection {
            heading: "细则".into(),
            paragraphs: vec!["细则正文。".into()],
            ..Default::default()
        };
        if let Some(FieldValue::Subsections(items)) = draft
            .section_mut("measures")
            .and_then(|s| s.fields.get_mut("items"))
        {
            items[1].children.push(child);
        }
        let loc = Location::section(
            "measures",
            "items",
            Within::SubsectionParagraph {
                path: vec![1, 0],
                paragraph: 0,
            },
        );
        assert_eq!(text_at(&draft, &loc), Some("细则正文。"));
        if let Some(t) = text_at_mut(&mut draft, &loc, false) {
            t.push('！');
        }
        assert_eq!(text_at(&draft, &loc), Some("细则正文。！"));
        let wrong = Location::section("measures", "items", Within::Paragraph(0));
        assert_eq!(text_at(&draft, &wrong), None);
    }
}
