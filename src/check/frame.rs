//! The report's frame: the title carries no final punctuation (GB/T 9704
//! 7.3.1), the addressee ends with "：" (7.3.2), and a report addressed
//! upward closes with its template's closing formula ("特此报告。").

use super::location::Location;
use super::slots::Slot;
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::draft::Draft;
use crate::template::{meta_id, Template};

/// Marks a title must not end with. Closing quotes and brackets may end a
/// title (关于印发《…》), so they are not here.
const TITLE_MARKS: &str = "。，；：、！？.,;:!?";

/// Marks typed where the addressee's "：" belongs.
const ADDRESSEE_MARKS: &str = ":,，.。;；、";

/// The title without its final punctuation.
pub(crate) fn trim_title(title: &str) -> String {
    title
        .trim_end_matches(|c: char| c.is_whitespace() || TITLE_MARKS.contains(c))
        .to_string()
}

/// The addressee ending with "：" instead of a wrong or missing mark.
pub(crate) fn with_colon(addressee: &str) -> String {
    let text = addressee.trim_end();
    if text.ends_with('：') {
        return text.to_string();
    }
    let mut out = match text.chars().next_back() {
        Some(c) if ADDRESSEE_MARKS.contains(c) => text[..text.len() - c.len_utf8()].to_string(),
        _ => text.to_string(),
    };
    out.push('：');
    out
}

fn warning(check: Check, field: &str, message: String, action: FixAction) -> Finding {
    let location = Location::frame(field);
    Finding {
        severity: Severity::Warning,
        check,
        location: location.clone(),
        message,
        fix: Some(Fix { location, action }),
    }
}

pub(crate) fn check(template: &Template, draft: &Draft, slots: &[Slot], out: &mut Vec<Finding>) {
    let title = draft.title().trim_end();
    if let Some(mark) = title
        .chars()
        .next_back()
        .filter(|&c| TITLE_MARKS.contains(c))
    {
        out.push(warning(
            Check::TitlePunctuation,
            meta_id::TITLE,
            format!("标题末尾不加标点，请删去末尾的“{mark}”"),
            FixAction::TrimTitlePunctuation,
        ));
    }

    let addressee = draft.meta_line(meta_id::ADDRESSEE).trim();
    let Some(last) = addressee.chars().next_back() else {
        return;
    };
    if last != '：' {
        let message = match last {
            ':' => "主送机关末尾的冒号应为全角“：”".to_string(),
            c if ADDRESSEE_MARKS.contains(c) => format!("主送机关末尾应为冒号“：”，不是“{c}”"),
            _ => "主送机关末尾缺少冒号“：”".to_string(),
        };
        out.push(warning(
            Check::Addressee,
            meta_id::ADDRESSEE,
            message,
            FixAction::AddresseeColon,
        ));
    }

    let formula = template.closing.trim();
    // The formula without its final mark, as typed at the end of the body.
    let core = formula.trim_end_matches(|c| TITLE_MARKS.contains(c));
    if core.is_empty() {
        return;
    }
    let closing = draft.meta_line(meta_id::CLOSING).trim();
    let in_body = || {
        slots
            .iter()
            .any(|s| s.location.field.section.is_some() && s.text.contains(core))
    };
    let message = if closing.is_empty() && !in_body() {
        Some(format!(
            "报告写了主送机关，是向上级报送的，结尾应写“{formula}”"
        ))
    } else if closing != formula && closing.trim_end_matches(|c| TITLE_MARKS.contains(c)) == core {
        Some(format!("结束语应写作“{formula}”"))
    } else {
        None
    };
    if let Some(message) = message {
        out.push(warning(
            Check::Closing,
            meta_id::CLOSING,
            message,
            FixAction::SetClosing {
                text: formula.to_string(),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::FieldValue;
    use crate::template::annual_report;

    fn draft(title: &str, addressee: &str, closing: &str) -> Draft {
        let mut d = Draft::new(annual_report(), "d".into(), 2023, 0);
        for (field, text) in [
            (meta_id::TITLE, title),
            (meta_id::ADDRESSEE, addressee),
            (meta_id::CLOSING, closing),
        ] {
            d.meta.insert(field.into(), FieldValue::Line(text.into()));
        }
        d
    }

    fn run(d: &Draft) -> Vec<(Check, String)> {
        let slots = crate::check::slots::collect(d);
        let mut out = Vec::new();
        check(annual_report(), d, &slots, &mut out);
        out.into_iter().map(|f| (f.check, f.message)).collect()
    }

    const CLOSING: &str = "特此报告。";
    const TITLE: &str = "关于2023年度法治政府建设工作的报告";

    #[test]
    fn a_complete_frame_passes() {
        assert!(run(&draft(TITLE, "县委、县政府：", "特此报告。")).is_empty());
        assert!(run(&draft("关于印发《规划》", "", "")).is_empty());
    }

    #[test]
    fn title_ending_with_punctuation() {
        let found = run(&draft("关于2023年度法治政府建设工作的报告。", "", ""));
        assert_eq!(
            found,
            [(
                Check::TitlePunctuation,
                "标题末尾不加标点，请删去末尾的“。”".to_string()
            )]
        );
        assert_eq!(trim_title("报告。 "), "报告");
        assert_eq!(trim_title("报告?!"), "报告");
        assert_eq!(trim_title("报告， ，"), "报告");
    }

    #[test]
    fn addressee_needs_a_full_width_colon() {
        let cases = [
            ("县委、县政府:", "主送机关末尾的冒号应为全角“：”"),
            ("县委、县政府，", "主送机关末尾应为冒号“：”，不是“，”"),
            ("县委、县政府", "主送机关末尾缺少冒号“：”"),
        ];
        for (addressee, message) in cases {
            let found = run(&draft(TITLE, addressee, CLOSING));
            assert_eq!(
                found,
                [(Check::Addressee, message.to_string())],
                "{addressee}"
            );
            assert_eq!(with_colon(addressee), "县委、县政府：");
        }
    }

    #[test]
    fn upward_report_needs_the_closing_formula() {
        let found = run(&draft(TITLE, "县委、县政府：", ""));
        assert_eq!(
            found,
            [(
                Check::Closing,
                "报告写了主送机关，是向上级报送的，结尾应写“特此报告。”".to_string()
            )]
        );
        let found = run(&draft(TITLE, "县委、县政府：", "特此报告"));
        assert_eq!(
            found,
            [(Check::Closing, "结束语应写作“特此报告。”".to_string())]
        );
        // Without an addressee (the published version) no closing is needed.
        assert!(run(&draft(TITLE, "", "")).is_empty());
        // Other closing formulas are the writer's choice.
        assert!(run(&draft(TITLE, "县委、县政府：", "特此报告，请审阅。")).is_empty());
    }

    #[test]
    fn closing_typed_at_the_end_of_the_body_counts() {
        let mut d = draft(TITLE, "县委、县政府：", "");
        if let Some(s) = d.section_mut("plans") {
            s.fields
                .insert("intro".into(), FieldValue::Text(vec!["特此报告。".into()]));
        }
        assert!(run(&d).is_empty());
    }
}
