//! compose(template, draft) → Document: the draft's text in reading order,
//! with every number derived from position.

use super::numbering::{heading_number, ordinals, point_label};
use super::{Anchor, Block, BlockKind, Document};
use crate::draft::{Draft, FieldRef, FieldValue, Point, SectionDraft, Subsection};
use crate::template::{meta_id, Template};

/// Composes the whole report.
pub fn compose(template: &Template, draft: &Draft) -> Document {
    let mut out = Vec::new();
    compose_head(template, draft, &mut out);
    for (number, section) in draft.sections.iter().filter(|s| s.enabled).enumerate() {
        compose_section(template, section, number, &mut out);
    }
    compose_tail(draft, &mut out);
    Document { blocks: out }
}

/// The blocks before the first section: organ, title, the template's own
/// lines under the title (述职人), addressee, preamble.
pub fn compose_head(template: &Template, draft: &Draft, out: &mut Vec<Block>) {
    let line = |id: &str| draft.meta_line(id).trim().to_string();
    let push = |out: &mut Vec<Block>, id: &str, kind: BlockKind| {
        out.push(Block {
            kind,
            anchor: Anchor::meta(id),
        })
    };
    let organ = line(meta_id::ORGAN);
    if !organ.is_empty() {
        push(out, meta_id::ORGAN, BlockKind::Organ { text: organ });
    }
    let title = line(meta_id::TITLE);
    if !title.is_empty() {
        push(out, meta_id::TITLE, BlockKind::Title { text: title });
    }
    for spec in template.under_title() {
        let text = line(&spec.id);
        if !text.is_empty() {
            push(out, &spec.id, BlockKind::Byline { text });
        }
    }
    let addressee = line(meta_id::ADDRESSEE);
    if !addressee.is_empty() {
        push(
            out,
            meta_id::ADDRESSEE,
            BlockKind::Addressee { text: addressee },
        );
    }
    if let Some(value) = draft.meta(meta_id::PREAMBLE) {
        compose_field(&FieldRef::meta(meta_id::PREAMBLE), value, out);
    }
}

/// The blocks after the last section: closing, signature, date.
pub fn compose_tail(draft: &Draft, out: &mut Vec<Block>) {
    let closing = draft.meta_line(meta_id::CLOSING).trim().to_string();
    if !closing.is_empty() {
        out.push(Block {
            kind: BlockKind::Closing { text: closing },
            anchor: Anchor::meta(meta_id::CLOSING),
        });
    }
    let signature = draft.meta_line(meta_id::SIGNATURE).trim().to_string();
    if !signature.is_empty() {
        out.push(Block {
            kind: BlockKind::Signature { text: signature },
            anchor: Anchor::meta(meta_id::SIGNATURE),
        });
    }
    if let Some(date) = draft.date() {
        out.push(Block {
            kind: BlockKind::Date {
                text: date.to_string(),
            },
            anchor: Anchor::meta(meta_id::DATE),
        });
    }
}

/// One enabled section, numbered `index` (0-based) among the enabled ones.
pub fn compose_section(
    template: &Template,
    section: &SectionDraft,
    index: usize,
    out: &mut Vec<Block>,
) {
    out.push(Block {
        kind: BlockKind::Heading {
            level: 1,
            number: heading_number(1, index),
            text: section.heading.trim().to_string(),
            run_in: None,
        },
        anchor: Anchor::section(&section.id, "", Vec::new()),
    });
    let order: Vec<&str> = match template.section(&section.id) {
        Some(spec) => spec.fields.iter().map(|f| f.id.as_str()).collect(),
        None => section.fields.keys().map(String::as_str).collect(),
    };
    for id in order {
        if let Some(value) = section.fields.get(id) {
            compose_field(&FieldRef::section(&section.id, id), value, out);
        }
    }
}

fn compose_field(field: &FieldRef, value: &FieldValue, out: &mut Vec<Block>) {
    let paragraph = |text: String, path: Vec<usize>| Block {
        kind: BlockKind::Paragraph { text },
        anchor: Anchor::new(field.clone(), path),
    };
    match value {
        FieldValue::Line(text) if !text.trim().is_empty() => {
            out.push(paragraph(text.trim().to_string(), Vec::new()));
        }
        FieldValue::Line(_) | FieldValue::Date(_) => {}
        FieldValue::Text(paragraphs) => {
            for (i, p) in paragraphs.iter().enumerate() {
                if !p.trim().is_empty() {
                    out.push(paragraph(p.trim().to_string(), vec![i]));
                }
            }
        }
        FieldValue::Points(points) => {
            let numbers = ordinals(points, Point::is_blank);
            for (i, (point, n)) in points.iter().zip(numbers).enumerate() {
                let Some(n) = n else { continue };
                let mut texts = point
                    .paragraphs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.trim().is_empty());
                let Some((j, first)) = texts.next() else {
                    continue;
                };
                out.push(paragraph(
                    format!("{}{}", point_label(n), first.trim()),
                    vec![i, j],
                ));
                for (j, p) in texts {
                    out.push(paragraph(p.trim().to_string(), vec![i, j]));
                }
            }
        }
        FieldValue::Subsections(items) => {
            let mut path = Vec::new();
            compose_subsections(field, items, 2, &mut path, out);
        }
    }
}

fn compose_subsections(
    field: &FieldRef,
    items: &[Subsection],
    level: u8,
    path: &mut Vec<usize>,
    out: &mut Vec<Block>,
) {
    let numbers = ordinals(items, Subsection::is_blank);
    for (i, (item, number)) in items.iter().zip(numbers).enumerate() {
        let Some(number) = number else { continue };
        path.push(i);
        let mut paragraphs = item
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.trim().is_empty())
            .peekable();
        let run_in = match paragraphs.peek() {
            Some((_, p)) if item.run_in => {
                let text = p.trim().to_string();
                paragraphs.next();
                Some(text)
            }
            _ => None,
        };
        out.push(Block {
            kind: BlockKind::Heading {
                level,
                number: heading_number(level, number),
                text: item.heading.trim().to_string(),
                run_in,
            },
            anchor: Anchor::new(field.clone(), path.clone()),
        });
        for (j, p) in paragraphs {
            let mut at = path.clone();
            at.push(j);
            out.push(Block {
                kind: BlockKind::Paragraph {
                    text: p.trim().to_string(),
                },
                anchor: Anchor::new(field.clone(), at),
            });
        }
        compose_subsections(field, &item.children, (level + 1).min(4), path, out);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Point, ReportDate};
    use crate::template::annual_report;

    fn draft() -> Draft {
        Draft::new(annual_report(), "d".into(), 2023, 0)
    }

    fn texts(doc: &Document) -> Vec<String> {
        doc.blocks.iter().map(|b| b.kind.full_text()).collect()
    }

    #[test]
    fn numbers_enabled_sections_by_position() {
        let mut d = draft();
        d.section_mut("shortcomings").unwrap().enabled = false;
        d.section_mut("other").unwrap().enabled = true;
        let doc = compose(annual_report(), &d);
        let headings: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Heading {
                    level: 1, number, ..
                } => Some(number.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, ["一、", "二、", "三、", "四、"]);
        assert_eq!(doc.title(), Some("关于2023年度法治政府建设工作的报告"));
    }

    #[test]
    fn subsections_run_in_and_standalone_with_deeper_levels() {
        let mut d = draft();
        let items = vec![
            Subsection {
                heading: "强化领导。".into(),
                run_in: true,
                paragraphs: vec!["正文一。".into(), "正文二。".into()],
                children: vec![Subsection {
                    heading: "细则".into(),
                    run_in: false,
                    paragraphs: vec![],
                    children: vec![Subsection {
                        heading: "再细".into(),
                        ..Default::default()
                    }],
                }],
            },
            Subsection {
                heading: "加大普法".into(),
                run_in: false,
                paragraphs: vec!["正文三。".into()],
                children: vec![],
            },
        ];
        d.section_mut("measures")
            .unwrap()
            .fields
            .insert("items".into(), FieldValue::Subsections(items));
        let doc = compose(annual_report(), &d);
        let t = texts(&doc);
        let at = t.iter().position(|s| s.starts_with("（一）")).unwrap();
        assert_eq!(
            &t[at..at + 6],
            [
                "（一）强化领导。正文一。",
                "正文二。",
                "1.细则",
                "（1）再细",
                "（二）加大普法",
                "正文三。"
            ]
        );
        assert_eq!(
            doc.blocks[at + 1].anchor,
            Anchor::section("measures", "items", vec![0, 1])
        );
    }

    #[test]
    fn blank_subsections_do_not_print_or_take_a_number() {
        let mut d = draft();
        let items = vec![
            Subsection::default(),
            Subsection {
                heading: "加大普法".into(),
                run_in: true,
                paragraphs: vec!["正文。".into()],
                children: vec![Subsection::default()],
            },
        ];
        d.section_mut("measures")
            .unwrap()
            .fields
            .insert("items".into(), FieldValue::Subsections(items));
        let t = texts(&compose(annual_report(), &d));
        let at = t.iter().position(|s| s.starts_with("（一）")).unwrap();
        assert_eq!(t[at], "（一）加大普法正文。");
        assert!(!t
            .iter()
            .any(|s| s == "（二）" || s == "1." || s == "（一）"));
    }

    #[test]
    fn points_are_labelled_by_position_skipping_empty_ones() {
        let mut d = draft();
        let points = vec![
            Point {
                paragraphs: vec!["甲。".into()],
            },
            Point {
                paragraphs: vec!["  ".into()],
            },
            Point {
                paragraphs: vec!["乙。".into(), "乙续。".into()],
            },
        ];
        d.section_mut("plans")
            .unwrap()
            .fields
            .insert("points".into(), FieldValue::Points(points));
        let t = texts(&compose(annual_report(), &d));
        let at = t.iter().position(|s| s == "一是甲。").unwrap();
        assert_eq!(&t[at..at + 3], ["一是甲。", "二是乙。", "乙续。"]);
    }

    #[test]
    fn frame_order_and_date_format() {
        let mut d = draft();
        d.meta
            .insert("organ".into(), FieldValue::Line("中共荆家镇委".into()));
        d.meta.insert(
            "addressee".into(),
            FieldValue::Line("县委、县政府：".into()),
        );
        d.meta
            .insert("signature".into(), FieldValue::Line("中共荆家镇委".into()));
        d.meta.insert(
            "date".into(),
            FieldValue::Date(ReportDate::new(2023, 12, 8)),
        );
        let doc = compose(annual_report(), &d);
        let kinds: Vec<&str> = doc
            .blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Organ { .. } => "organ",
                BlockKind::Title { .. } => "title",
                BlockKind::Byline { .. } => "byline",
                BlockKind::Addressee { .. } => "addressee",
                BlockKind::Heading { .. } => "heading",
                BlockKind::Paragraph { .. } => "paragraph",
                BlockKind::Closing { .. } => "closing",
                BlockKind::Signature { .. } => "signature",
                BlockKind::Date { .. } => "date",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "organ",
                "title",
                "addressee",
                "heading",
                "heading",
                "heading",
                "heading",
                "closing",
                "signature",
                "date"
            ]
        );
        assert_eq!(doc.blocks.last().unwrap().kind.full_text(), "2023年12月8日");
    }
}
