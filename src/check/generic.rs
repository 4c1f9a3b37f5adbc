//! Gentle suggestions from what reviewers complain about: sections of
//! measures without a single figure, plans copied word for word from the
//! measures, and paragraphs too long to read.

use super::location::{Location, Within};
use super::slots::{Role, Slot};
use super::text::count_chars;
use super::{Check, Finding, Severity, LONG_PARAGRAPH};
use crate::draft::Draft;
use crate::template::{FieldKind, SectionRole, Template};

fn info(check: Check, location: Location, message: String) -> Finding {
    Finding {
        severity: Severity::Info,
        check,
        location,
        message,
        fix: None,
    }
}

/// Whether the slot holds an ASCII or full-width digit.
fn has_figure(slot: &Slot) -> bool {
    slot.digits || slot.text.chars().any(|c| ('０'..='９').contains(&c))
}

/// A paragraph without whitespace at either end and without its final
/// sentence mark.
fn core(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '；' | ';' | '.'))
        .trim_start()
}

/// Whether two cores read the same, ignoring whitespace inside.
fn same_text(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

/// The first and last characters of a paragraph's core.
type Ends = (Option<char>, Option<char>);

/// The first and last characters of a core: paragraphs that differ there
/// cannot read the same, which spares most full comparisons.
fn ends(core: &str) -> Ends {
    (core.chars().next(), core.chars().next_back())
}

/// Shortest paragraph compared for repetition, so that short stock phrases
/// do not count.
const MIN_REPEATED: usize = 10;

pub(crate) fn check(template: &Template, draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    no_figures(template, draft, slots, out);
    repeated_plans(template, draft, slots, out);
    // Counting all characters is quick; leaving out whitespace is not.
    let long = slots
        .iter()
        .filter(|s| s.role.is_body() && s.text.len() > LONG_PARAGRAPH)
        .filter(|s| s.text.chars().count() > LONG_PARAGRAPH);
    for slot in long {
        let n = count_chars(slot.text);
        if n > LONG_PARAGRAPH {
            out.push(info(
                Check::LongParagraph,
                slot.location.clone(),
                format!("本段有{n}字，篇幅较长，建议按层次拆分为几段"),
            ));
        }
    }
}

/// Sections of achievements and of a duty fulfilled are where concrete
/// counts belong.
fn no_figures(template: &Template, draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    for section in draft.sections.iter().filter(|s| s.enabled) {
        let Some(spec) = template
            .section(&section.id)
            .filter(|s| matches!(s.role, SectionRole::Achievements | SectionRole::Duty))
        else {
            continue;
        };
        let Some(items) = spec
            .fields
            .iter()
            .find(|f| f.kind == FieldKind::Subsections)
        else {
            continue;
        };
        let body = slots.iter().filter(|s| {
            s.location.field.section_id() == Some(&section.id) && s.role != Role::SectionHeading
        });
        let mut written = false;
        let mut figures = false;
        for slot in body {
            written |= !slot.text.trim().is_empty();
            figures = figures || has_figure(slot);
        }
        if written && !figures {
            out.push(info(
                Check::NoFigures,
                Location::section(&section.id, &items.id, Within::Field),
                "本部分没有具体数字，建议补充次数、人数、件数等具体数据".to_string(),
            ));
        }
    }
}

fn repeated_plans(template: &Template, draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    let in_section = |slot: &&Slot, role: SectionRole| {
        slot.location
            .field
            .section_id()
            .is_some_and(|id| template.role(id) == role)
    };
    let measures: Vec<(&str, Ends)> = slots
        .iter()
        .filter(|s| in_section(s, SectionRole::Achievements) && s.role.is_body())
        .filter(|s| {
            s.text
                .chars()
                .filter(|c| !c.is_whitespace())
                .nth(MIN_REPEATED - 1)
                .is_some()
        })
        .map(|s| (core(s.text), ends(core(s.text))))
        .collect();
    if measures.is_empty() {
        return;
    }
    let name = template
        .section_with(SectionRole::Achievements)
        .map_or("举措和成效", |s| s.short.as_str());
    for slot in slots
        .iter()
        .filter(|s| in_section(s, SectionRole::Plans) && s.role.is_body())
    {
        let plan = core(slot.text);
        let key = ends(plan);
        if measures
            .iter()
            .any(|&(m, k)| k == key && same_text(m, plan))
        {
            out.push(info(
                Check::RepeatedPlan,
                slot.location.clone(),
                format!(
                    "这条安排与“{name}”中的一段文字完全相同，建议写明{}年具体要做什么、做到什么程度",
                    draft.year + 1
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{FieldValue, Point, Subsection};
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    fn run(d: &Draft) -> Vec<Finding> {
        let slots = crate::check::slots::collect(d);
        let mut out = Vec::new();
        check(annual_report(), d, &slots, &mut out);
        out
    }

    fn set_items(d: &mut Draft, section: &str, texts: &[&str]) {
        let items = texts
            .iter()
            .map(|t| Subsection {
                heading: "加强学习。".into(),
                run_in: true,
                paragraphs: vec![t.to_string()],
                children: Vec::new(),
            })
            .collect();
        if let Some(s) = d.section_mut(section) {
            s.fields
                .insert("items".into(), FieldValue::Subsections(items));
        }
    }

    #[test]
    fn the_sample_report_needs_no_suggestion() {
        assert!(run(&seed_draft("s", 0)).is_empty());
    }

    #[test]
    fn a_duty_section_without_figures_gets_a_suggestion() {
        let mut d = seed_draft("s", 0);
        set_items(
            &mut d,
            "duty",
            &["多次召开专题会议，研究部署法治政府建设工作。"],
        );
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            found[0].location,
            Location::section("duty", "items", Within::Field)
        );
        assert_eq!(
            found[0].message,
            "本部分没有具体数字，建议补充次数、人数、件数等具体数据"
        );
        set_items(&mut d, "duty", &["召开专题会议３次。"]);
        assert!(run(&d).is_empty());
    }

    #[test]
    fn plans_copied_from_the_measures() {
        let mut d = seed_draft("s", 0);
        let copied = "不断加强人民调解培训，提高人民调解员能力和素质 ";
        set_items(&mut d, "measures", &["培训调解员120人次。", copied]);
        if let Some(s) = d.section_mut("plans") {
            s.fields.insert(
                "points".into(),
                FieldValue::Points(vec![
                    Point {
                        paragraphs: vec!["继续加强培训。".into()],
                    },
                    Point {
                        paragraphs: vec!["不断加强人民调解培训，提高人民调解员能力和素质。".into()],
                    },
                ]),
            );
        }
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].check, Check::RepeatedPlan);
        assert_eq!(
            found[0].location,
            Location::section(
                "plans",
                "points",
                Within::PointParagraph {
                    point: 1,
                    paragraph: 0
                }
            )
        );
        assert_eq!(
            found[0].message,
            "这条安排与“举措和成效”中的一段文字完全相同，建议写明2024年具体要做什么、做到什么程度"
        );
    }

    #[test]
    fn long_paragraphs_get_a_suggestion_to_split() {
        let mut d = seed_draft("s", 0);
        let long = "法".repeat(LONG_PARAGRAPH + 1);
        let limit = "法".repeat(LONG_PARAGRAPH);
        if let Some(s) = d.section_mut("shortcomings") {
            s.fields
                .insert("intro".into(), FieldValue::Text(vec![limit, long]));
        }
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].location,
            Location::section("shortcomings", "intro", Within::Paragraph(1))
        );
        assert_eq!(
            found[0].message,
            "本段有1001字，篇幅较长，建议按层次拆分为几段"
        );
    }
}
