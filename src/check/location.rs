//! Where a finding points: the step (frame or section), the field, and the
//! place inside the field — an [`Address`] whose path is a typed [`Within`],
//! which goes to and from a composed block's [`Anchor`].

use super::Finding;
use crate::document::Anchor;
use crate::draft::{Address, Draft, FieldRef};
use crate::template::Template;

/// A place inside a field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Within {
    /// The whole field: a line, a date, a section heading, or an empty field.
    Field,
    /// Paragraph `n` of a text field.
    Paragraph(usize),
    /// The heading of the subsection at `path` (indices from the top level down).
    SubsectionHeading(Vec<usize>),
    /// Paragraph `paragraph` of the subsection at `path`.
    SubsectionParagraph { path: Vec<usize>, paragraph: usize },
    /// Paragraph `paragraph` of point `point`.
    PointParagraph { point: usize, paragraph: usize },
}

/// The step, field and place a finding points at: the field's reference
/// and the typed place inside it (see [`crate::draft::Address`]).
pub type Location = Address<Within>;

impl Location {
    /// A field of the frame (organ, title, addressee, …).
    pub fn frame(field: &str) -> Location {
        Address::new(FieldRef::meta(field), Within::Field)
    }

    /// A place inside a section's field.
    pub fn section(section: &str, field: &str, within: Within) -> Location {
        Address::new(FieldRef::section(section, field), within)
    }

    /// A section's heading (or the section as a whole).
    pub fn heading(section: &str) -> Location {
        Address::new(FieldRef::heading(section), Within::Field)
    }

    /// Whether this is a section's heading.
    pub fn is_heading(&self) -> bool {
        self.field.is_heading()
    }

    /// The anchor of the composed block showing this place, so the preview
    /// can scroll to it (see [`crate::document::Anchor`]).
    pub fn anchor(&self) -> Anchor {
        let path = match &self.path {
            Within::Field => Vec::new(),
            Within::Paragraph(n) => vec![*n],
            Within::SubsectionHeading(path) => path.clone(),
            Within::SubsectionParagraph { path, paragraph } => {
                let mut p = path.clone();
                p.push(*paragraph);
                p
            }
            Within::PointParagraph { point, paragraph } => vec![*point, *paragraph],
        };
        Address::new(self.field.clone(), path)
    }

    /// The place a composed block's anchor stands for: the inverse of
    /// [`Location::anchor`]. `heading` tells a subsection's heading from a
    /// paragraph when the path alone cannot (a heading's lines are set in a
    /// heading face; the later lines of a run-in heading are its first
    /// paragraph). `None` for a field the template does not know.
    pub fn from_anchor(template: &Template, anchor: &Anchor, heading: bool) -> Option<Location> {
        use crate::template::FieldKind;
        let base = |within| Address::new(anchor.field.clone(), within);
        if anchor.field.is_heading() {
            return Some(base(Within::Field));
        }
        let path = &anchor.path;
        let within = match (anchor.field.spec(template)?.kind, path.as_slice()) {
            (_, []) => Within::Field,
            (FieldKind::Text, [n, ..]) => Within::Paragraph(*n),
            (FieldKind::Points, [point]) => Within::PointParagraph {
                point: *point,
                paragraph: 0,
            },
            (FieldKind::Points, [point, paragraph, ..]) => Within::PointParagraph {
                point: *point,
                paragraph: *paragraph,
            },
            (FieldKind::Subsections, _) if heading => Within::SubsectionHeading(path.clone()),
            // A run-in heading's later lines are its first paragraph.
            (FieldKind::Subsections, [_]) => Within::SubsectionParagraph {
                path: path.clone(),
                paragraph: 0,
            },
            (FieldKind::Subsections, [parent @ .., last]) => Within::SubsectionParagraph {
                path: parent.to_vec(),
                paragraph: *last,
            },
            _ => Within::Field,
        };
        Some(base(within))
    }

    /// Sorts places inside a field in reading order: a subsection's heading,
    /// then its paragraphs, then its children.
    fn within_key(&self) -> (u8, &[usize], u8, usize) {
        match &self.path {
            Within::Field => (0, &[], 0, 0),
            Within::Paragraph(n) => (1, &[], 0, *n),
            Within::SubsectionHeading(path) => (2, path, 0, 0),
            Within::SubsectionParagraph { path, paragraph } => (2, path, 1, *paragraph),
            Within::PointParagraph { point, paragraph } => {
                (3, std::slice::from_ref(point), 0, *paragraph)
            }
        }
    }
}

/// Sorts findings in reading order: the frame in template order, then the
/// sections in the draft's order (sections missing from the draft last),
/// fields in template order; the most serious first at the same place.
pub(crate) fn sort_findings(template: &Template, draft: &Draft, findings: &mut Vec<Finding>) {
    let step_rank = |loc: &Location| -> usize {
        match &loc.field.section {
            None => 0,
            Some(id) => match draft.sections.iter().position(|s| &s.id == id) {
                Some(i) => 1 + i,
                None => {
                    let t = template.sections.iter().position(|s| &s.id == id);
                    1 + draft.sections.len() + t.unwrap_or(template.sections.len())
                }
            },
        }
    };
    let field_rank = |loc: &Location| -> usize {
        let fields = match &loc.field.section {
            None => Some(&template.meta),
            Some(id) => template.section(id).map(|s| &s.fields),
        };
        if loc.is_heading() {
            return 0;
        }
        let position = fields.and_then(|fs| fs.iter().position(|f| f.id == loc.field.id));
        1 + position.unwrap_or(usize::MAX - 1)
    };
    crate::order::sort_by(findings, |a, b| {
        let (la, lb) = (&a.location, &b.location);
        step_rank(la)
            .cmp(&step_rank(lb))
            .then(field_rank(la).cmp(&field_rank(lb)))
            .then(la.within_key().cmp(&lb.within_key()))
            .then(a.severity.cmp(&b.severity))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_match_the_composed_blocks() {
        let loc = Location::section(
            "measures",
            "items",
            Within::SubsectionParagraph {
                path: vec![1, 0],
                paragraph: 2,
            },
        );
        assert_eq!(
            loc.anchor(),
            Anchor::section("measures", "items", vec![1, 0, 2])
        );
        assert_eq!(Location::frame("title").anchor(), Anchor::meta("title"));
        assert!(Location::heading("plans").is_heading());
        assert!(!Location::frame("title").is_heading());
    }

    #[test]
    fn anchors_lead_back_to_their_places() {
        let t = crate::template::annual_report();
        let places = [
            Location::frame("organ"),
            Location::section("plans", "intro", Within::Paragraph(2)),
            Location::section(
                "plans",
                "points",
                Within::PointParagraph {
                    point: 1,
                    paragraph: 0,
                },
            ),
            Location::section("measures", "items", Within::SubsectionHeading(vec![1, 0])),
            Location::section(
                "measures",
                "items",
                Within::SubsectionParagraph {
                    path: vec![1],
                    paragraph: 0,
                },
            ),
            Location::heading("duty"),
        ];
        for place in places {
            let heading = matches!(place.path, Within::SubsectionHeading(_));
            assert_eq!(
                Location::from_anchor(t, &place.anchor(), heading).as_ref(),
                Some(&place)
            );
        }
        assert_eq!(
            Location::from_anchor(t, &Anchor::meta("nonexistent"), false),
            None
        );
    }

    #[test]
    fn subsection_places_sort_in_reading_order() {
        let items = |within| Location::section("m", "items", within);
        let mut places = [
            items(Within::SubsectionHeading(vec![1])),
            items(Within::SubsectionHeading(vec![0, 0])),
            items(Within::SubsectionParagraph {
                path: vec![0],
                paragraph: 1,
            }),
            items(Within::SubsectionHeading(vec![0])),
        ];
        places.sort_by(|a, b| a.within_key().cmp(&b.within_key()));
        let order: Vec<&Within> = places.iter().map(|l| &l.path).collect();
        assert_eq!(
            order,
            [
                &Within::SubsectionHeading(vec![0]),
                &Within::SubsectionParagraph {
                    path: vec![0],
                    paragraph: 1
                },
                &Within::SubsectionHeading(vec![0, 0]),
                &Within::SubsectionHeading(vec![1]),
            ]
        );
    }
}
