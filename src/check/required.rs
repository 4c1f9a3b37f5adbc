//! Required content: every required frame field, every required section
//! (present and enabled, with a heading) and its required fields, and the
//! minimum length a template declares for a section (`min_chars`).

use super::location::{Location, Within};
use super::{Check, Finding, Severity};
use crate::draft::{Draft, FieldValue, Subsection};
use crate::template::{fill_year, FieldKind, Template};

fn error(location: Location, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        check: Check::Required,
        location,
        message,
        fix: None,
    }
}

/// Whether a field is missing or holds no text; stops at the first
/// character written (unlike counting all of them).
fn blank(value: Option<&FieldValue>) -> bool {
    fn empty(s: &str) -> bool {
        s.trim().is_empty()
    }
    fn subsection_empty(s: &Subsection) -> bool {
        empty(&s.heading)
            && s.paragraphs.iter().all(|p| empty(p))
            && s.children.iter().all(subsection_empty)
    }
    match value {
        None => true,
        Some(FieldValue::Line(s)) => empty(s),
        Some(FieldValue::Text(ps)) => ps.iter().all(|p| empty(p)),
        Some(FieldValue::Subsections(items)) => items.iter().all(subsection_empty),
        Some(FieldValue::Points(points)) => {
            points.iter().flat_map(|p| &p.paragraphs).all(|p| empty(p))
        }
        Some(FieldValue::Date(d)) => d.is_none(),
    }
}

pub(crate) fn check(template: &Template, draft: &Draft, out: &mut Vec<Finding>) {
    // The year is a number every draft has, not a field to fill in.
    for spec in template
        .meta
        .iter()
        .filter(|f| f.required && f.kind != FieldKind::Year)
    {
        if blank(draft.meta(&spec.id)) {
            out.push(error(
                Location::frame(&spec.id),
                format!("请填写“{}”", spec.label),
            ));
        }
    }
    for spec in &template.sections {
        let heading = fill_year(&spec.heading, draft.year);
        let section = match draft.section(&spec.id) {
            None if spec.required => {
                out.push(error(
                    Location::heading(&spec.id),
                    format!("缺少必备内容：{heading}"),
                ));
                continue;
            }
            Some(s) if !s.enabled && spec.required => {
                out.push(error(
                    Location::heading(&spec.id),
                    format!("缺少必备内容：{heading}（这一部分被关闭了，这种报告必须包含它）"),
                ));
                continue;
            }
            Some(s) if s.enabled => s,
            _ => continue,
        };
        if section.heading.trim().is_empty() {
            out.push(error(
                Location::heading(&spec.id),
                format!("“{}”的标题是空的，可以写“{heading}”", spec.short),
            ));
        }
        let mut missing = false;
        for field in spec.fields.iter().filter(|f| f.required) {
            if blank(section.fields.get(&field.id)) {
                missing = true;
                out.push(error(
                    Location::section(&spec.id, &field.id, Within::Field),
                    format!("“{}”还没有填写“{}”", spec.short, field.label),
                ));
            }
        }
        let written: usize = section.fields.values().map(FieldValue::char_count).sum();
        if !missing && written > 0 && written < spec.min_chars {
            let field = spec
                .fields
                .iter()
                .find(|f| f.required)
                .or(spec.fields.first());
            out.push(Finding {
                // A suggestion: the report is complete, only thin here.
                severity: Severity::Info,
                check: Check::Required,
                location: match field {
                    Some(f) => Location::section(&spec.id, &f.id, Within::Field),
                    None => Location::heading(&spec.id),
                },
                message: format!(
                    "“{}”只写了{written}字，这一部分一般至少要写{}字，请补充具体做法、数字和事例",
                    spec.short, spec.min_chars
                ),
                fix: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_shorter_than_its_template_asks_gets_a_warning() {
        let t = crate::template::work_summary();
        let mut d = Draft::new(t, "d".into(), 2023, 0);
        if let Some(s) = d.section_mut("problems") {
            s.fields
                .insert("intro".into(), FieldValue::Text(vec!["还有差距。".into()]));
        }
        let mut out = Vec::new();
        check(t, &d, &mut out);
        let short: Vec<&Finding> = out
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .collect();
        assert_eq!(short.len(), 1, "{out:?}");
        assert_eq!(
            short[0].message,
            "“问题和不足”只写了5字，这一部分一般至少要写50字，请补充具体做法、数字和事例"
        );
        assert_eq!(short[0].location.field.section_id(), Some("problems"));
        assert_eq!(short[0].location.field.id, "intro");
    }
    use crate::sample::seed_draft;
    use crate::template::annual_report;

    fn run(d: &Draft) -> Vec<(Location, String)> {
        let mut out = Vec::new();
        check(annual_report(), d, &mut out);
        out.into_iter().map(|f| (f.location, f.message)).collect()
    }

    #[test]
    fn the_sample_report_is_complete() {
        assert!(run(&seed_draft("s", 0)).is_empty());
    }

    #[test]
    fn a_new_draft_lists_every_required_field() {
        let d = Draft::new(annual_report(), "d".into(), 2023, 0);
        let found = run(&d);
        let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            [
                "请填写“发文机关”",
                "请填写“开头”",
                "请填写“署名（落款单位）”",
                "请填写“成文日期”",
                "“举措和成效”还没有填写“分项举措”",
                "“不足和原因”还没有填写“正文”",
                "“第一责任人职责”还没有填写“分项情况”",
                "“下一年度安排”还没有填写“具体安排”",
            ]
        );
        assert_eq!(found[0].0, Location::frame("organ"));
        assert_eq!(
            found[4].0,
            Location::section("measures", "items", Within::Field)
        );
    }

    #[test]
    fn a_missing_or_disabled_required_section_is_an_error() {
        let mut d = seed_draft("s", 0);
        d.sections.retain(|s| s.id != "shortcomings");
        if let Some(s) = d.section_mut("duty") {
            s.enabled = false;
        }
        let found = run(&d);
        assert_eq!(
            found,
            [
                (
                    Location::heading("shortcomings"),
                    "缺少必备内容：2023年推进法治政府建设存在的不足和原因".to_string()
                ),
                (
                    Location::heading("duty"),
                    "缺少必备内容：2023年党政主要负责人履行推进法治建设第一责任人职责情况（这一部分被关闭了，这种报告必须包含它）".to_string()
                ),
            ]
        );
    }

    #[test]
    fn an_optional_section_is_checked_only_when_enabled() {
        let mut d = seed_draft("s", 0);
        assert!(run(&d).is_empty());
        if let Some(s) = d.section_mut("other") {
            s.enabled = true;
            s.heading = " ".into();
        }
        let messages: Vec<String> = run(&d).into_iter().map(|(_, m)| m).collect();
        assert_eq!(
            messages,
            [
                "“其他情况”的标题是空的，可以写“其他需要报告的情况”",
                "“其他情况”还没有填写“正文”"
            ]
        );
    }
}
