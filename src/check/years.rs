//! Years out of step with the report year: in the title, in section headings
//! (the plans section names the next year), and in plans that open with the
//! report year ("2023年，我镇将…" in a 2023 report).

use super::location::Location;
use super::slots::{Role, Slot};
use super::text::{snippet, years, Edit};
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::draft::Draft;
use crate::template::{meta_id, SectionRole, Template};
use std::ops::Range;

/// The distinct years written as "NNNN年" in `text`, in order.
fn distinct_years(text: &str) -> Vec<i32> {
    let mut out: Vec<i32> = Vec::new();
    for y in years(text) {
        if !out.contains(&y.year) {
            out.push(y.year);
        }
    }
    out
}

/// Edits turning every "`from`年" of `text` into "`to`年".
pub(crate) fn replace_year(text: &str, from: i32, to: i32) -> Vec<Edit> {
    years(text)
        .into_iter()
        .filter(|y| y.year == from)
        .map(|y| Edit {
            range: y.digits,
            replacement: to.to_string(),
        })
        .collect()
}

/// Words that mark a sentence as a plan.
const PLAN_WORDS: [&str; 4] = ["将", "计划", "拟", "力争"];

/// Characters that end a sentence or open a new one.
fn sentence_break(c: char) -> bool {
    "。；;！？!?：:".contains(c)
}

/// The digits of every `report_year` that opens a sentence of plans
/// ("2023年，我镇将…") in a sentence that does not name the next year.
pub(crate) fn plan_year_slips(text: &str, report_year: i32) -> Vec<Range<usize>> {
    let next = format!("{}年", report_year + 1);
    years(text)
        .into_iter()
        .filter(|y| y.year == report_year)
        .filter(|y| {
            let before = text[..y.digits.start].chars().next_back();
            let opens = before.is_none_or(|c| c.is_whitespace() || sentence_break(c));
            let rest = &text[y.digits.end..];
            let sentence = &rest[..rest.find(sentence_break).unwrap_or(rest.len())];
            opens && !sentence.contains(&next) && PLAN_WORDS.iter().any(|w| sentence.contains(w))
        })
        .map(|y| y.digits)
        .collect()
}

/// The digits of every year other than `report_year` in a sentence that
/// reports on the report year: after “现将” (“现将2023年度…报告如下”), or
/// opening a sentence (“2023年，我镇…”, “2023年以来，…”) — unless it is the
/// next year opening a sentence of plans.
pub(crate) fn report_year_slips(text: &str, report_year: i32) -> Vec<Range<usize>> {
    years(text)
        .into_iter()
        .filter(|y| y.year != report_year)
        .filter(|y| {
            let before = &text[..y.digits.start];
            let lead: String = before
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let Some(at) = lead.rfind("现将") {
                if !lead[at..].contains(|c: char| sentence_break(c) || c.is_ascii_digit()) {
                    return true;
                }
            }
            let opens = before
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || sentence_break(c));
            let rest = &text[y.digits.end + '年'.len_utf8()..];
            let rest = rest.strip_prefix('度').unwrap_or(rest);
            let frames = ["，", "以来，", "来，", ","]
                .iter()
                .any(|p| rest.starts_with(p));
            let sentence = &rest[..rest.find(sentence_break).unwrap_or(rest.len())];
            let plan = y.year == report_year + 1 && PLAN_WORDS.iter().any(|w| sentence.contains(w));
            opens && frames && !plan
        })
        .map(|y| y.digits)
        .collect()
}

fn warning(location: &Location, message: String, action: Option<FixAction>) -> Finding {
    Finding {
        severity: Severity::Warning,
        check: Check::Year,
        location: location.clone(),
        message,
        fix: action.map(|action| Fix {
            location: location.clone(),
            action,
        }),
    }
}

pub(crate) fn check(template: &Template, draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    let year = draft.year;
    // The year the plans speak of, as the template declares it.
    let next = year
        + template
            .section_with(SectionRole::Plans)
            .map_or(1, |s| s.year_offset.max(1));
    let title = Location::frame(meta_id::TITLE);
    for wrong in distinct_years(draft.title())
        .into_iter()
        .filter(|&y| y != year)
    {
        out.push(warning(
            &title,
            format!("标题中的“{wrong}年”与报告年度（{year}年）不一致"),
            Some(FixAction::ReplaceYear {
                from: wrong,
                to: year,
            }),
        ));
    }
    for slot in slots {
        let in_plans = slot
            .location
            .field
            .section_id()
            .is_some_and(|id| template.role(id) == SectionRole::Plans);
        if slot.role == Role::SectionHeading && slot.digits {
            let found = distinct_years(slot.text);
            for &wrong in found.iter().filter(|&&y| y != year && y != next) {
                let finding = if !in_plans {
                    warning(
                        &slot.location,
                        format!("本部分标题中的“{wrong}年”与报告年度（{year}年）不一致"),
                        Some(FixAction::ReplaceYear {
                            from: wrong,
                            to: year,
                        }),
                    )
                } else if found.contains(&next) {
                    warning(
                        &slot.location,
                        format!(
                            "标题中的“{wrong}年”既不是报告年度{year}年，也不是计划年度{next}年"
                        ),
                        None,
                    )
                } else {
                    warning(
                        &slot.location,
                        format!("下一年度安排的标题应写“{next}年”，这里写的是“{wrong}年”"),
                        Some(FixAction::ReplaceYear {
                            from: wrong,
                            to: next,
                        }),
                    )
                };
                out.push(finding);
            }
            if in_plans && found.contains(&year) && !found.contains(&next) {
                out.push(warning(
                    &slot.location,
                    format!(
                        "下一年度安排的标题应写计划年度“{next}年”，这里写成了报告年度“{year}年”"
                    ),
                    Some(FixAction::ReplaceYear {
                        from: year,
                        to: next,
                    }),
                ));
            } else if !in_plans && found.contains(&next) {
                out.push(warning(
                    &slot.location,
                    format!("本部分标题中的“{next}年”与报告年度（{year}年）不一致"),
                    Some(FixAction::ReplaceYear {
                        from: next,
                        to: year,
                    }),
                ));
            }
        } else if !in_plans && slot.digits && slot.role.is_body() {
            if let Some(first) = report_year_slips(slot.text, year).first() {
                let wrong = &slot.text[first.clone()];
                out.push(warning(
                    &slot.location,
                    format!(
                        "这句写的是{year}年度的工作，却写着“{wrong}年”：“{}”",
                        snippet(slot.text, first.clone())
                    ),
                    Some(FixAction::ReportYear { report_year: year }),
                ));
            }
        } else if in_plans && slot.digits && slot.role.is_body() {
            if let Some(first) = plan_year_slips(slot.text, year).first() {
                out.push(warning(
                    &slot.location,
                    format!(
                        "下一年度安排写成了报告年度：“{}”，计划年度应为{next}年",
                        snippet(slot.text, first.clone())
                    ),
                    Some(FixAction::PlanYear { report_year: year }),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::location::Within;
    use crate::template::annual_report;

    fn draft() -> Draft {
        Draft::new(annual_report(), "d".into(), 2023, 0)
    }

    fn run(d: &Draft) -> Vec<Finding> {
        let slots = crate::check::slots::collect(d);
        let mut out = Vec::new();
        check(annual_report(), d, &slots, &mut out);
        out
    }

    #[test]
    fn default_headings_and_title_are_in_step() {
        assert!(run(&draft()).is_empty());
    }

    #[test]
    fn a_title_with_another_year_is_flagged() {
        let mut d = draft();
        d.meta.insert(
            meta_id::TITLE.into(),
            crate::draft::FieldValue::Line("关于2022年度法治政府建设工作的报告".into()),
        );
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location, Location::frame(meta_id::TITLE));
        assert_eq!(
            found[0].message,
            "标题中的“2022年”与报告年度（2023年）不一致"
        );
    }

    #[test]
    fn section_headings_follow_the_report_year_and_plans_the_next() {
        let mut d = draft();
        if let Some(s) = d.section_mut("measures") {
            s.heading = "2022年推进法治政府建设的主要举措和成效".into();
        }
        if let Some(s) = d.section_mut("duty") {
            s.heading = "2024年党政主要负责人履行职责情况".into();
        }
        if let Some(s) = d.section_mut("plans") {
            s.heading = "2023年推进法治政府建设的主要安排".into();
        }
        let found: Vec<(Option<String>, String)> = run(&d)
            .into_iter()
            .map(|f| (f.location.field.section, f.message))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Some("measures".into()),
                    "本部分标题中的“2022年”与报告年度（2023年）不一致".into()
                ),
                (
                    Some("duty".into()),
                    "本部分标题中的“2024年”与报告年度（2023年）不一致".into()
                ),
                (
                    Some("plans".into()),
                    "下一年度安排的标题应写计划年度“2024年”，这里写成了报告年度“2023年”".into()
                ),
            ]
        );
    }

    #[test]
    fn a_plans_heading_may_name_both_years() {
        let mut d = draft();
        if let Some(s) = d.section_mut("plans") {
            s.heading = "2023年存在的问题和2024年工作打算".into();
        }
        assert!(run(&d).is_empty());
        if let Some(s) = d.section_mut("plans") {
            s.heading = "2021年存在的问题和2024年工作打算".into();
        }
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn other_years_in_sentences_about_the_report_year() {
        fn slips(text: &str) -> Vec<&str> {
            report_year_slips(text, 2024)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        }
        assert_eq!(
            slips("2023年，荆家镇法治政府建设工作稳步推进。现将2023年度法治政府建设情况报告如下："),
            ["2023", "2023"]
        );
        assert_eq!(slips("2023年以来，我镇持续推进。"), ["2023"]);
        for ok in [
            "2024年，我镇稳步推进。现将2024年度法治政府建设情况报告如下：",
            "较2023年增长12%，自2022年以来累计培训3次。",
            "2025年，我镇将继续推进。",
            "在2023年度考核中获评优秀。",
        ] {
            assert!(slips(ok).is_empty(), "{ok}");
        }
        let mut d = Draft::new(crate::template::annual_report(), "d".into(), 2024, 0);
        d.meta.insert(
            "preamble".into(),
            crate::draft::FieldValue::Text(vec![
                "2023年，我镇稳步推进。现将2023年度法治政府建设情况报告如下：".into(),
            ]),
        );
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "这句写的是2024年度的工作，却写着“2023年”：“2023年，我镇稳步推进…”"
        );
        let Some(fix) = &found[0].fix else {
            panic!("no fix")
        };
        assert_eq!(fix.label(), "改为2024年");
        assert_eq!(crate::check::apply_fix(&mut d, fix), Ok(()));
        assert_eq!(
            crate::check::text_at(
                &d,
                &Location::new(
                    crate::draft::FieldRef::meta("preamble"),
                    Within::Paragraph(0)
                )
            ),
            Some("2024年，我镇稳步推进。现将2024年度法治政府建设情况报告如下：")
        );
        assert!(run(&d).is_empty());
    }

    #[test]
    fn plans_opening_with_the_report_year() {
        let starts = |text: &str| -> Vec<usize> {
            plan_year_slips(text, 2023)
                .iter()
                .map(|r| r.start)
                .collect()
        };
        assert_eq!(starts("2023年，我镇将继续加强学习。"), [0]);
        assert_eq!(starts("巩固成果。2023年计划开展培训3次"), [15]);
        for ok in [
            "2024年，我镇将认真总结经验。",
            "在2023年工作基础上，将继续推进。",
            "2023年取得成绩的基础上，2024年将更进一步。",
            "2023年，全镇开展培训3次。",
        ] {
            assert!(plan_year_slips(ok, 2023).is_empty(), "{ok}");
        }
        let mut d = draft();
        if let Some(s) = d.section_mut("plans") {
            s.fields.insert(
                "intro".into(),
                crate::draft::FieldValue::Text(vec!["2023年，我镇将认真总结经验。".into()]),
            );
        }
        let found = run(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].location,
            Location::section("plans", "intro", Within::Paragraph(0))
        );
        assert_eq!(
            found[0].message,
            "下一年度安排写成了报告年度：“2023年，我镇将认真总…”，计划年度应为2024年"
        );
    }
}
