//! Everything the wizard does to a draft, as data: an [`Action`] and
//! [`apply`], which changes the draft in place and reports whether anything
//! changed, so that a no-op costs neither an undo step nor a save.
//!
//! `apply` only writes when the value really changes; a rejected action
//! (a required section switched off, an index out of range, a field of
//! another kind) leaves the draft exactly as it was.

use super::{
    clean_paragraph, retarget_year, split_paragraphs, Draft, Edition, FieldRef, FieldValue, Origin,
    Point, ReportDate, Subsection,
};
use crate::template::{fill_year, meta_id, FieldKind, Template};
use std::ops::RangeInclusive;

/// How deep subsections nest below a section: （一）, then 1., then （1）.
pub const MAX_SUBSECTION_DEPTH: usize = 3;

/// The years a draft can be moved to. Both the year and the next year keep
/// four digits, so the year can always be found again in the title and the
/// headings (typing "2", "20", "202" on the way to "2024" is rejected
/// instead of rewriting the title with a one-digit year).
pub const YEAR_RANGE: RangeInclusive<i32> = 1000..=9998;

/// Up or down in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// One change to a draft.
///
/// Subsections are addressed by a path of indices: `[1]` is the second
/// （二）, `[1, 0]` the first 1. under it. Text typed into a multi-line box
/// is split into paragraphs with [`split_paragraphs`]: every line break
/// (Enter, or Windows and old Mac line breaks in pasted text) starts a new
/// paragraph, blank lines are dropped, indentation (spaces, full-width
/// spaces, tabs) is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Sets a one-line field (organ, title, addressee, closing, signature).
    /// Line breaks and tabs are removed; other spaces are kept as typed.
    SetLine {
        field: FieldRef,
        text: String,
    },
    /// Moves the report to another year: the title, the headings that carry
    /// the year and the plans year follow (see [`retarget_year`]).
    SetYear(i32),
    /// Sets or clears the signing date.
    SetDate(Option<ReportDate>),
    /// Sets or clears another date field of the frame (印发日期).
    SetFrameDate {
        field: FieldRef,
        date: Option<ReportDate>,
    },
    /// Chooses the edition that prints: 报送版 or 公开版.
    SetEdition(Edition),
    /// Sets a multi-paragraph field from typed text.
    SetText {
        field: FieldRef,
        text: String,
    },
    /// Sets a section's heading (without its number).
    SetSectionHeading {
        section: String,
        heading: String,
    },
    /// Puts the template's heading for the report year back.
    ResetSectionHeading {
        section: String,
    },
    /// Swaps a section with its neighbour; numbering follows position.
    MoveSection {
        section: String,
        direction: Direction,
    },
    /// Switches an optional section on or off. Required sections stay on.
    SetSectionEnabled {
        section: String,
        enabled: bool,
    },
    /// Adds an empty run-in subsection under `parent` (`[]` for the top
    /// level), after the sibling `after`, or at the end when `None`.
    AddSubsection {
        field: FieldRef,
        parent: Vec<usize>,
        after: Option<usize>,
    },
    RemoveSubsection {
        field: FieldRef,
        path: Vec<usize>,
    },
    /// Swaps a subsection with its neighbour among its siblings.
    MoveSubsection {
        field: FieldRef,
        path: Vec<usize>,
        direction: Direction,
    },
    SetSubsectionHeading {
        field: FieldRef,
        path: Vec<usize>,
        heading: String,
    },
    /// Whether the first paragraph follows the heading on the same line.
    SetSubsectionRunIn {
        field: FieldRef,
        path: Vec<usize>,
        run_in: bool,
    },
    /// Sets a subsection's paragraphs from typed text.
    SetSubsectionText {
        field: FieldRef,
        path: Vec<usize>,
        text: String,
    },
    /// Adds an empty point after `after`, or at the end when `None`.
    AddPoint {
        field: FieldRef,
        after: Option<usize>,
    },
    RemovePoint {
        field: FieldRef,
        index: usize,
    },
    MovePoint {
        field: FieldRef,
        index: usize,
        direction: Direction,
    },
    /// Sets a point's paragraphs from typed text (without its 一是).
    SetPointText {
        field: FieldRef,
        index: usize,
        text: String,
    },
    /// Inserts the template's example: a text field gets its paragraphs
    /// appended, a subsection list a new run-in subsection (first line the
    /// heading, the rest paragraphs), a point list a new point, a line or a
    /// date field is set.
    InsertExample {
        field: FieldRef,
    },
}

/// What a typing action types into. Consecutive typing into the same
/// target is coalesced into one undo step by [`super::History`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypingTarget {
    Field(FieldRef),
    SectionHeading(String),
    SubsectionHeading(FieldRef, Vec<usize>),
    SubsectionText(FieldRef, Vec<usize>),
    PointText(FieldRef, usize),
}

impl Action {
    /// The place this action types into, if it is a typing action.
    pub fn typing_target(&self) -> Option<TypingTarget> {
        Some(match self {
            Action::SetLine { field, .. } | Action::SetText { field, .. } => {
                TypingTarget::Field(field.clone())
            }
            Action::SetSectionHeading { section, .. } => {
                TypingTarget::SectionHeading(section.clone())
            }
            Action::SetSubsectionHeading { field, path, .. } => {
                TypingTarget::SubsectionHeading(field.clone(), path.clone())
            }
            Action::SetSubsectionText { field, path, .. } => {
                TypingTarget::SubsectionText(field.clone(), path.clone())
            }
            Action::SetPointText { field, index, .. } => {
                TypingTarget::PointText(field.clone(), *index)
            }
            _ => return None,
        })
    }
}

/// Applies `action` to `draft`. Returns whether the draft changed; when it
/// did, `updated_ms` becomes `now_ms`. The revision is left alone: the store
/// bumps it on save.
pub fn apply(template: &Template, draft: &mut Draft, action: &Action, now_ms: i64) -> bool {
    let changed = match action {
        Action::SetLine { field, text } => {
            let text = clean_line(text);
            edit(template, draft, field, FieldKind::Line, |v| match v {
                FieldValue::Line(old) => replace(old, text),
                _ => false,
            })
        }
        Action::SetYear(year) => {
            let ok = YEAR_RANGE.contains(year) && *year != draft.year;
            if ok {
                retarget_year(draft, *year);
            }
            ok
        }
        Action::SetDate(date) => set_date(template, draft, &FieldRef::meta(meta_id::DATE), *date),
        Action::SetFrameDate { field, date } => set_date(template, draft, field, *date),
        Action::SetEdition(edition) => replace(&mut draft.edition, *edition),
        Action::SetText { field, text } => {
            let paragraphs = split_paragraphs(text);
            edit(template, draft, field, FieldKind::Text, |v| match v {
                FieldValue::Text(old) => replace(old, paragraphs),
                _ => false,
            })
        }
        Action::SetSectionHeading { section, heading } => match draft.section_mut(section) {
            Some(s) => replace(&mut s.heading, clean_line(heading)),
            None => false,
        },
        Action::ResetSectionHeading { section } => {
            let year = draft.year;
            match (template.section(section), draft.section_mut(section)) {
                (Some(spec), Some(s)) => replace(&mut s.heading, fill_year(&spec.heading, year)),
                _ => false,
            }
        }
        Action::MoveSection { section, direction } => {
            match draft.sections.iter().position(|s| &s.id == section) {
                Some(i) => move_item(&mut draft.sections, i, *direction),
                None => false,
            }
        }
        Action::SetSectionEnabled { section, enabled } => {
            let required = template.section(section).is_some_and(|s| s.required);
            match draft.section_mut(section) {
                Some(s) if s.enabled != *enabled && (*enabled || !required) => {
                    s.enabled = *enabled;
                    true
                }
                _ => false,
            }
        }
        Action::AddSubsection {
            field,
            parent,
            after,
        } => subsections(template, draft, field, |items| {
            add_subsection(items, parent, *after)
        }),
        Action::RemoveSubsection { field, path } => subsections(template, draft, field, |items| {
            let Some((&last, parent)) = path.split_last() else {
                return false;
            };
            match siblings_mut(items, parent) {
                Some(list) if last < list.len() => {
                    list.remove(last);
                    true
                }
                _ => false,
            }
        }),
        Action::MoveSubsection {
            field,
            path,
            direction,
        } => subsections(template, draft, field, |items| {
            let Some((&last, parent)) = path.split_last() else {
                return false;
            };
            siblings_mut(items, parent).is_some_and(|list| move_item(list, last, *direction))
        }),
        Action::SetSubsectionHeading {
            field,
            path,
            heading,
        } => {
            let heading = clean_line(heading);
            subsections(template, draft, field, |items| {
                subsection_mut(items, path).is_some_and(|s| replace(&mut s.heading, heading))
            })
        }
        Action::SetSubsectionRunIn {
            field,
            path,
            run_in,
        } => subsections(template, draft, field, |items| {
            subsection_mut(items, path).is_some_and(|s| replace(&mut s.run_in, *run_in))
        }),
        Action::SetSubsectionText { field, path, text } => {
            let paragraphs = split_paragraphs(text);
            subsections(template, draft, field, |items| {
                subsection_mut(items, path).is_some_and(|s| replace(&mut s.paragraphs, paragraphs))
            })
        }
        Action::AddPoint { field, after } => points(template, draft, field, |list| {
            let at = match after {
                None => list.len(),
                Some(i) if *i < list.len() => i + 1,
                Some(_) => return false,
            };
            list.insert(at, Point::default());
            true
        }),
        Action::RemovePoint { field, index } => points(template, draft, field, |list| {
            let ok = *index < list.len();
            if ok {
                list.remove(*index);
            }
            ok
        }),
        Action::MovePoint {
            field,
            index,
            direction,
        } => points(template, draft, field, |list| {
            move_item(list, *index, *direction)
        }),
        Action::SetPointText { field, index, text } => {
            let paragraphs = split_paragraphs(text);
            points(template, draft, field, |list| {
                list.get_mut(*index)
                    .is_some_and(|p| replace(&mut p.paragraphs, paragraphs))
            })
        }
        Action::InsertExample { field } => insert_example(template, draft, field),
    };
    if changed {
        draft.updated_ms = now_ms;
    }
    changed
}

/// A one-line value as typed, without line breaks or tabs.
fn clean_line(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\n' | '\r' | '\t'))
        .collect()
}

/// Writes `new` into `slot` if it differs; returns whether it did.
fn replace<T: PartialEq>(slot: &mut T, new: T) -> bool {
    let changed = *slot != new;
    if changed {
        *slot = new;
    }
    changed
}

/// Swaps `list[index]` with its neighbour in `direction`.
fn move_item<T>(list: &mut [T], index: usize, direction: Direction) -> bool {
    let other = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => index.checked_add(1),
    };
    match other {
        Some(other) if index < list.len() && other < list.len() => {
            list.swap(index, other);
            true
        }
        _ => false,
    }
}

/// Runs `change` on a field's value. A field the draft lacks but the
/// template declares with `kind` (a draft made before the field existed)
/// starts empty and is only added when `change` changes it.
fn edit(
    template: &Template,
    draft: &mut Draft,
    field: &FieldRef,
    kind: FieldKind,
    change: impl FnOnce(&mut FieldValue) -> bool,
) -> bool {
    if let Some(value) = draft.field_mut(field) {
        return change(value);
    }
    if field.spec(template).map(|s| s.kind) != Some(kind) {
        return false;
    }
    let mut value = FieldValue::empty(kind);
    if !change(&mut value) {
        return false;
    }
    match &field.section {
        None => {
            draft.meta.insert(field.id.clone(), value);
            true
        }
        Some(section) => match draft.section_mut(section) {
            Some(s) => {
                s.fields.insert(field.id.clone(), value);
                true
            }
            None => false,
        },
    }
}

fn set_date(
    template: &Template,
    draft: &mut Draft,
    field: &FieldRef,
    date: Option<ReportDate>,
) -> bool {
    edit(template, draft, field, FieldKind::Date, |v| match v {
        FieldValue::Date(old) => replace(old, date),
        _ => false,
    })
}

fn subsections(
    template: &Template,
    draft: &mut Draft,
    field: &FieldRef,
    change: impl FnOnce(&mut Vec<Subsection>) -> bool,
) -> bool {
    edit(
        template,
        draft,
        field,
        FieldKind::Subsections,
        |v| match v {
            FieldValue::Subsections(items) => change(items),
            _ => false,
        },
    )
}

fn points(
    template: &Template,
    draft: &mut Draft,
    field: &FieldRef,
    change: impl FnOnce(&mut Vec<Point>) -> bool,
) -> bool {
    edit(template, draft, field, FieldKind::Points, |v| match v {
        FieldValue::Points(list) => change(list),
        _ => false,
    })
}

/// The list of subsections under `parent` (`[]`: the top level).
fn siblings_mut<'a>(
    items: &'a mut Vec<Subsection>,
    parent: &[usize],
) -> Option<&'a mut Vec<Subsection>> {
    let mut list = items;
    for &i in parent {
        list = &mut list.get_mut(i)?.children;
    }
    Some(list)
}

/// The subsection at `path`.
fn subsection_mut<'a>(
    items: &'a mut Vec<Subsection>,
    path: &[usize],
) -> Option<&'a mut Subsection> {
    let (&last, parent) = path.split_last()?;
    siblings_mut(items, parent)?.get_mut(last)
}

fn add_subsection(items: &mut Vec<Subsection>, parent: &[usize], after: Option<usize>) -> bool {
    if parent.len() >= MAX_SUBSECTION_DEPTH {
        return false;
    }
    let Some(list) = siblings_mut(items, parent) else {
        return false;
    };
    let at = match after {
        None => list.len(),
        Some(i) if i < list.len() => i + 1,
        Some(_) => return false,
    };
    list.insert(
        at,
        Subsection {
            run_in: true,
            ..Subsection::default()
        },
    );
    true
}

fn insert_example(template: &Template, draft: &mut Draft, field: &FieldRef) -> bool {
    let Some(spec) = field.spec(template) else {
        return false;
    };
    let example = fill_year(&spec.example, draft.year);
    if example.trim().is_empty() {
        return false;
    }
    let mut inserted: Vec<String> = Vec::new();
    let changed = match spec.kind {
        FieldKind::Line => {
            let text = clean_line(example.trim());
            edit(template, draft, field, FieldKind::Line, |v| match v {
                FieldValue::Line(old) => replace(old, text),
                _ => false,
            })
        }
        FieldKind::Text => edit(template, draft, field, FieldKind::Text, |v| match v {
            FieldValue::Text(old) => {
                inserted = split_paragraphs(&example);
                old.extend(inserted.iter().cloned());
                true
            }
            _ => false,
        }),
        FieldKind::Subsections => {
            let mut lines = example.lines().filter(|l| !clean_paragraph(l).is_empty());
            let heading = lines.next().map(clean_paragraph).unwrap_or_default();
            let paragraphs: Vec<String> = lines.map(clean_paragraph).collect();
            inserted = std::iter::once(heading.clone())
                .chain(paragraphs.iter().cloned())
                .collect();
            subsections(template, draft, field, |items| {
                items.push(Subsection {
                    heading,
                    run_in: true,
                    paragraphs,
                    children: Vec::new(),
                });
                true
            })
        }
        FieldKind::Points => {
            inserted = split_paragraphs(&example);
            let paragraphs = inserted.clone();
            points(template, draft, field, |list| {
                list.push(Point { paragraphs });
                true
            })
        }
        FieldKind::Date => match ReportDate::parse(&example) {
            Some(date) => set_date(template, draft, field, Some(date)),
            None => false,
        },
        FieldKind::Year => false,
    };
    if changed {
        draft.mark_carried(inserted.iter().map(String::as_str), Origin::Example);
    }
    changed
}
