//! Placing the sections found in the text into the draft: matched
//! template sections are filled by their field kinds, what matches nothing
//! goes to the overflow section (or the preamble), and the draft's section
//! order follows the text.

use super::matching;
use super::notes::{self, Note};
use super::outline::RawSection;
use super::section::{build, Built, Shape};
use crate::document::numbering::heading_number;
use crate::draft::{Draft, FieldRef, FieldValue};
use crate::template::{meta_id, FieldKind, Template};

/// Text without level-1 headings: all of it goes to the first section.
pub(crate) fn place_unstructured(
    template: &Template,
    draft: &mut Draft,
    body: &[&str],
    notes: &mut Vec<Note>,
) {
    let Some(spec) = template.sections.first() else {
        let mut preamble = draft_text(draft, &FieldRef::meta(meta_id::PREAMBLE));
        preamble.extend(build(Shape::text_only(), None, body).intro);
        draft
            .meta
            .insert(meta_id::PREAMBLE.into(), FieldValue::Text(preamble));
        return;
    };
    let mut found = Vec::new();
    if !body.is_empty() {
        let built = build(Shape::of(spec), None, body);
        fill_section(template, draft, 0, None, built);
        found.push(0);
        notes.push(Note::section(
            &spec.id,
            format!(
                "未识别出“一、”等章节标题，全文已放入“{}”部分，请在向导中调整。",
                spec.short
            ),
        ));
    }
    reorder(template, draft, &found);
    notes::missing(template, &found, notes);
}

/// Sections found in the text, matched to the template and filled.
pub(crate) fn place_sections(
    template: &Template,
    draft: &mut Draft,
    sections: &[RawSection<'_>],
    notes: &mut Vec<Note>,
) {
    let headings: Vec<String> = sections.iter().map(|s| s.heading.clone()).collect();
    let mut assigned = matching::assign(&headings, template);
    let overflow = matching::overflow_section(template);
    // The first unmatched heading takes the overflow section when no
    // heading matched it by keyword.
    if let Some(o) = overflow.filter(|o| !assigned.contains(&Some(*o))) {
        if let Some(h) = assigned.iter().position(Option::is_none) {
            assigned[h] = Some(o);
            notes.push(Note::section(
                &template.sections[o].id,
                format!(
                    "“{}{}”无法对应模板中的必备部分，已作为“{}”导入，保留原标题。",
                    sections[h].marker, sections[h].heading, template.sections[o].short
                ),
            ));
        }
    }

    let mut order: Vec<usize> = Vec::new();
    let mut extra: Vec<String> = Vec::new();
    let mut unplaced: Vec<String> = Vec::new();
    let mut stray = 0;
    for (raw, slot) in sections.iter().zip(&assigned) {
        match slot {
            Some(s) => {
                let mut built = build(
                    Shape::of(&template.sections[*s]),
                    raw.run_on.clone(),
                    raw.lines,
                );
                stray += built.stray.len();
                extra.append(&mut built.stray);
                notes::renumbered(&template.sections[*s], &built, notes);
                fill_section(template, draft, *s, Some(raw.heading.clone()), built);
                order.push(*s);
            }
            // The overflow section is assigned whenever a heading is not,
            // so its place in the order comes from its own heading.
            None => {
                extra
                    .extend(build(Shape::text_only(), Some(raw.line.to_string()), raw.lines).intro);
                unplaced.push(format!("{}{}", raw.marker, raw.heading));
            }
        }
    }
    let level_one: Vec<(String, String)> = sections
        .iter()
        .zip(&assigned)
        .filter_map(|(raw, slot)| {
            let at = order.iter().position(|s| Some(*s) == *slot)?;
            let composed = heading_number(1, at);
            (composed != raw.marker).then(|| (raw.marker.clone(), composed))
        })
        .collect();
    notes::level_one_renumbered(&level_one, notes);

    if !extra.is_empty() {
        place_extra(template, draft, overflow, extra, (&unplaced, stray), notes);
    }
    reorder(template, draft, &order);
    notes::missing(template, &order, notes);
}

/// Puts paragraphs that fit no section into the overflow section (enabled
/// for them), or the preamble when the template has none.
fn place_extra(
    template: &Template,
    draft: &mut Draft,
    overflow: Option<usize>,
    extra: Vec<String>,
    (unplaced, stray): (&[String], usize),
    notes: &mut Vec<Note>,
) {
    let target = overflow.and_then(|o| Some((&template.sections[o], text_field(template, o)?)));
    if let Some((spec, field)) = target {
        let mut text = draft_text(draft, &FieldRef::section(&spec.id, &field));
        text.extend(extra);
        if let Some(section) = draft.section_mut(&spec.id) {
            section.enabled = true;
            section.fields.insert(field, FieldValue::Text(text));
        }
        notes::unplaced(unplaced, stray, &spec.short, Some(&spec.id), notes);
    } else {
        let mut preamble = draft_text(draft, &FieldRef::meta(meta_id::PREAMBLE));
        preamble.extend(extra);
        draft
            .meta
            .insert(meta_id::PREAMBLE.into(), FieldValue::Text(preamble));
        notes::unplaced(unplaced, stray, "开头", None, notes);
    }
}

/// The id of the first text field of template section `s`.
fn text_field(template: &Template, s: usize) -> Option<String> {
    template.sections[s]
        .fields
        .iter()
        .find(|f| f.kind == FieldKind::Text)
        .map(|f| f.id.clone())
}

/// The paragraphs of a text field (of a section, or of the frame).
fn draft_text(draft: &Draft, field: &FieldRef) -> Vec<String> {
    match draft.field(field) {
        Some(FieldValue::Text(paragraphs)) => paragraphs.clone(),
        _ => Vec::new(),
    }
}

/// Puts what was built into template section `s` of the draft.
fn fill_section(
    template: &Template,
    draft: &mut Draft,
    s: usize,
    heading: Option<String>,
    built: Built,
) {
    let spec = &template.sections[s];
    let Some(section) = draft.section_mut(&spec.id) else {
        return;
    };
    section.enabled = true;
    if let Some(heading) = heading {
        section.heading = heading;
    }
    let mut intro = Some(built.intro);
    let mut items = Some(built.items);
    let mut points = Some(built.points);
    for field in &spec.fields {
        let value = match field.kind {
            FieldKind::Text => intro.take().map(FieldValue::Text),
            FieldKind::Subsections => items.take().map(FieldValue::Subsections),
            FieldKind::Points => points.take().map(FieldValue::Points),
            _ => None,
        };
        if let Some(value) = value {
            section.fields.insert(field.id.clone(), value);
        }
    }
}

/// Orders the draft's sections: those found, in the order found, then the
/// template's others in template order.
fn reorder(template: &Template, draft: &mut Draft, found: &[usize]) {
    let rank = |id: &str| -> usize {
        let s = template
            .sections
            .iter()
            .position(|spec| spec.id == id)
            .unwrap_or(template.sections.len());
        match found.iter().position(|&f| f == s) {
            Some(at) => at,
            None => found.len() + s,
        }
    };
    crate::order::sort_by_key(&mut draft.sections, |section| rank(&section.id));
}
