//! Building one section's fields from its lines, by the kinds of field the
//! template section has (not by section id):
//!
//! - lines before the first subsection or point go to the first text field
//!   (the intro);
//! - subsection headings （一） 1. （1） open subsections in the first
//!   subsections field, nested by their level; the lines after a heading
//!   belong to it. The shallowest level found becomes （一）, so a section
//!   written with "1." directly under "一、" gets （一）（二）…;
//! - 一是, 二是, … lines in sequence become points of the first points
//!   field (outside subsections); a line after a point continues it;
//! - anything a section has no field for stays as a paragraph, written as
//!   in the source (number included), in the place it came: the intro, the
//!   current subsection or the current point.
//!
//! Numbers are derived again from position; where the composed number
//! differs from the one written, the difference is recorded for a note.

use super::marker::{parse_marker, split_run_in, Marker, MarkerKind};
use crate::document::numbering::heading_number;
use crate::draft::{Point, Subsection};
use crate::template::{FieldKind, SectionSpec};

/// The content of one section, ready to be put into its fields.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Built {
    pub intro: Vec<String>,
    pub items: Vec<Subsection>,
    pub points: Vec<Point>,
    /// Paragraphs the section had no field for (it has no text field).
    pub stray: Vec<String>,
    /// (as written, as composed) for every heading whose number changed.
    pub renumbered: Vec<(String, String)>,
}

/// Which kinds of field a section offers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    pub intro: bool,
    pub items: bool,
    pub points: bool,
}

impl Shape {
    pub fn of(spec: &SectionSpec) -> Shape {
        let has = |kind| spec.fields.iter().any(|f| f.kind == kind);
        Shape {
            intro: has(FieldKind::Text),
            items: has(FieldKind::Subsections),
            points: has(FieldKind::Points),
        }
    }

    /// A section that only takes paragraphs.
    pub fn text_only() -> Shape {
        Shape {
            intro: true,
            items: false,
            points: false,
        }
    }
}

/// Where the next plain paragraph goes.
enum Target {
    Intro,
    /// The subsection at this path of indices.
    Item(Vec<usize>),
    Point,
}

struct Builder {
    shape: Shape,
    built: Built,
    target: Target,
    /// Source levels (2–4) of the open subsections, outermost first.
    open: Vec<u8>,
}

/// Builds a section from `lines` (trimmed, non-blank), after an optional
/// run-on text from its level-1 heading line.
pub(crate) fn build(shape: Shape, run_on: Option<String>, lines: &[&str]) -> Built {
    let mut b = Builder {
        shape,
        built: Built::default(),
        target: Target::Intro,
        open: Vec::new(),
    };
    if let Some(text) = run_on {
        b.paragraph(text);
    }
    // A point list needs at least 一是 and 二是 as paragraphs: a lone
    // paragraph starting with 一是 (with 二是 inline, say) stays text.
    let mut second_point_after = vec![false; lines.len()];
    let mut seen = false;
    for (i, line) in lines.iter().enumerate().rev() {
        second_point_after[i] = seen;
        seen |= parse_marker(line).is_some_and(|m| m.kind == MarkerKind::Point && m.number == 2);
    }
    for (line, second) in lines.iter().zip(second_point_after) {
        b.line(line, second);
    }
    b.built
}

impl Builder {
    fn line(&mut self, line: &str, second_point_after: bool) {
        match parse_marker(line) {
            Some(
                m @ Marker {
                    kind: MarkerKind::Subsection(level),
                    ..
                },
            ) if self.shape.items => self.subsection(level, &m, &line[m.len..]),
            Some(
                m @ Marker {
                    kind: MarkerKind::Point,
                    ..
                },
            ) if self.takes_point(m.number, second_point_after) => {
                let composed = crate::document::numbering::point_label(self.built.points.len());
                if composed != m.text {
                    self.built.renumbered.push((m.text.clone(), composed));
                }
                self.built.points.push(Point {
                    paragraphs: vec![line[m.len..].trim().to_string()],
                });
                self.target = Target::Point;
            }
            _ => self.paragraph(line.to_string()),
        }
    }

    /// A point continues the sequence 一是, 二是, … outside subsections;
    /// 一是 starts one only when a 二是 paragraph follows.
    fn takes_point(&self, number: usize, second_point_after: bool) -> bool {
        self.shape.points
            && !matches!(self.target, Target::Item(_))
            && number == self.built.points.len() + 1
            && (number > 1 || second_point_after)
    }

    fn subsection(&mut self, level: u8, marker: &Marker, rest: &str) {
        while self.open.last().is_some_and(|&open| open >= level) {
            self.open.pop();
        }
        let depth = self.open.len();
        let mut path = match &self.target {
            Target::Item(path) => path.clone(),
            _ => Vec::new(),
        };
        path.truncate(depth);
        let (heading, body) = split_run_in(rest);
        let item = Subsection {
            heading,
            run_in: body.is_some(),
            paragraphs: body.into_iter().collect(),
            children: Vec::new(),
        };
        let Some(siblings) = children_at(&mut self.built.items, &path) else {
            // The path always leads to an existing subsection; should it
            // not, keep the line rather than lose it.
            self.paragraph(format!("{}{}", marker.text, rest));
            return;
        };
        let index = siblings.len();
        siblings.push(item);
        // Composition numbers items from level 2 and clamps at level 4.
        let composed_level = (depth + 2).min(4) as u8;
        let composed = heading_number(composed_level, index);
        if composed != marker.text {
            self.built.renumbered.push((marker.text.clone(), composed));
        }
        path.push(index);
        self.open.push(level);
        self.target = Target::Item(path);
    }

    fn paragraph(&mut self, text: String) {
        let text = text.trim().to_string();
        match &self.target {
            Target::Intro if self.shape.intro => self.built.intro.push(text),
            Target::Intro => self.built.stray.push(text),
            Target::Point => match self.built.points.last_mut() {
                Some(point) => point.paragraphs.push(text),
                None => self.built.intro.push(text),
            },
            Target::Item(path) => {
                let path = path.clone();
                match item_at(&mut self.built.items, &path) {
                    Some(item) => item.paragraphs.push(text),
                    None => self.built.intro.push(text),
                }
            }
        }
    }
}

/// The list of children at `path` (the top-level list for an empty path).
fn children_at<'a>(
    items: &'a mut Vec<Subsection>,
    path: &[usize],
) -> Option<&'a mut Vec<Subsection>> {
    match path.split_first() {
        None => Some(items),
        Some((&i, rest)) => children_at(&mut items.get_mut(i)?.children, rest),
    }
}

/// The subsection at `path`.
fn item_at<'a>(items: &'a mut [Subsection], path: &[usize]) -> Option<&'a mut Subsection> {
    let (&i, rest) = path.split_first()?;
    let item = items.get_mut(i)?;
    if rest.is_empty() {
        Some(item)
    } else {
        item_at(&mut item.children, rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEMS: Shape = Shape {
        intro: true,
        items: true,
        points: false,
    };
    const POINTS: Shape = Shape {
        intro: true,
        items: false,
        points: true,
    };

    fn sub(
        heading: &str,
        run_in: bool,
        paragraphs: &[&str],
        children: Vec<Subsection>,
    ) -> Subsection {
        Subsection {
            heading: heading.into(),
            run_in,
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            children,
        }
    }

    #[test]
    fn intro_then_nested_subsections() {
        let built = build(
            ITEMS,
            None,
            &[
                "总述。",
                "（一）强化领导。正文一。",
                "正文二。",
                "1.细则",
                "细则正文。",
                "（1）再细：内容。",
                "2.又一条。",
                "（二）加大普法",
            ],
        );
        assert_eq!(built.intro, ["总述。"]);
        assert_eq!(
            built.items,
            [
                sub(
                    "强化领导。",
                    true,
                    &["正文一。", "正文二。"],
                    vec![
                        sub(
                            "细则",
                            false,
                            &["细则正文。"],
                            vec![sub("再细：", true, &["内容。"], vec![])]
                        ),
                        sub("又一条。", false, &[], vec![]),
                    ]
                ),
                sub("加大普法", false, &[], vec![]),
            ]
        );
        assert!(built.renumbered.is_empty());
    }

    #[test]
    fn continued_numbering_is_derived_again() {
        let built = build(
            ITEMS,
            None,
            &[
                "（一）甲",
                "1.子一",
                "2.子二",
                "（二）乙",
                "3.子三",
                "4.子四",
            ],
        );
        assert_eq!(built.items[1].children.len(), 2);
        assert_eq!(
            built.renumbered,
            [
                ("3.".to_string(), "1.".to_string()),
                ("4.".into(), "2.".into())
            ]
        );
    }

    #[test]
    fn level_three_directly_under_a_section_becomes_level_two() {
        let built = build(ITEMS, None, &["1.甲。正文", "（1）子", "2.乙"]);
        assert_eq!(built.items.len(), 2);
        assert_eq!(built.items[0].children[0].heading, "子");
        assert_eq!(built.renumbered[0], ("1.".into(), "（一）".into()));
    }

    #[test]
    fn points_in_sequence_and_their_continuations() {
        let built = build(
            POINTS,
            None,
            &[
                "总体思路。",
                "一是甲。",
                "二是乙。",
                "乙的第二段。",
                "二是重复。",
                "三是丙。",
            ],
        );
        assert_eq!(built.intro, ["总体思路。"]);
        let points: Vec<Vec<String>> = built.points.into_iter().map(|p| p.paragraphs).collect();
        assert_eq!(
            points,
            [
                vec!["甲。".to_string()],
                vec!["乙。".into(), "乙的第二段。".into(), "二是重复。".into()],
                vec!["丙。".into()],
            ]
        );
    }

    #[test]
    fn points_out_of_sequence_stay_text() {
        let built = build(
            POINTS,
            None,
            &["二是没有一是。", "今年以来：一是甲。二是乙。"],
        );
        assert_eq!(
            built.intro,
            ["二是没有一是。", "今年以来：一是甲。二是乙。"]
        );
        assert!(built.points.is_empty());
        let built = build(POINTS, None, &["一是甲;二是乙.", "主要原因：培训少。"]);
        assert_eq!(built.intro, ["一是甲;二是乙.", "主要原因：培训少。"]);
        assert!(built.points.is_empty());
    }

    #[test]
    fn sections_without_subsections_keep_numbered_lines_as_text() {
        let built = build(
            POINTS,
            None,
            &["（一）存在的不足", "1.依法决策。", "一是甲。", "二是乙。"],
        );
        assert_eq!(built.intro, ["（一）存在的不足", "1.依法决策。"]);
        assert_eq!(built.points.len(), 2);
        let built = build(Shape::text_only(), Some("正文。".into()), &["一是甲。"]);
        assert_eq!(built.intro, ["正文。", "一是甲。"]);
    }

    #[test]
    fn points_inside_subsections_stay_text() {
        let shape = Shape {
            intro: true,
            items: true,
            points: true,
        };
        let built = build(shape, None, &["（一）甲", "一是子。", "二是子。"]);
        assert!(built.points.is_empty());
        assert_eq!(built.items[0].paragraphs, ["一是子。", "二是子。"]);
    }

    #[test]
    fn paragraphs_without_a_text_field_are_returned_as_stray() {
        let shape = Shape {
            intro: false,
            items: true,
            points: false,
        };
        let built = build(shape, None, &["导语。", "（一）甲"]);
        assert_eq!(built.stray, ["导语。"]);
        assert_eq!(built.items.len(), 1);
    }
}
