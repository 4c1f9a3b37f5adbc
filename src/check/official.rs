//! The 报送版's frame (GB/T 9704 7.2–7.4), checked only when that edition
//! prints: an upward document names its 签发人 (7.2.6); the 发文字号 is
//! written 代字〔年份〕序号号 (7.2.5); the 印发日期 is not before the 成文日期;
//! the 抄送 ends with “。” (7.4.2); an attachment's name carries no final
//! punctuation (7.3.4).

use super::frame::trim_title;
use super::location::{Location, Within};
use super::{Check, Finding, Fix, FixAction, Severity};
use crate::document::frame::DocNumber;
use crate::draft::{Draft, Edition, FieldRef, FieldValue};
use crate::template::frame_id;

/// Marks a 抄送 may end with by mistake, where “。” belongs.
const LIST_END_MARKS: &str = "，,、；;：:.。";

/// The 抄送 ending with “。” instead of a wrong or missing mark.
pub(crate) fn with_full_stop(text: &str) -> String {
    let mut out = text
        .trim_end_matches(|c: char| c.is_whitespace() || LIST_END_MARKS.contains(c))
        .to_string();
    out.push('。');
    out
}

fn finding(
    severity: Severity,
    check: Check,
    location: Location,
    message: String,
    action: Option<FixAction>,
) -> Finding {
    Finding {
        severity,
        check,
        fix: action.map(|action| Fix {
            location: location.clone(),
            action,
        }),
        location,
        message,
    }
}

pub(crate) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    if draft.edition != Edition::Submitted {
        return;
    }
    if draft.meta_lines(frame_id::SIGNERS).is_empty() {
        out.push(finding(
            Severity::Error,
            Check::Signer,
            Location::frame(frame_id::SIGNERS),
            "报送版是上行文，版头要标注签发人姓名（GB/T 9704 7.2.6）".to_string(),
            None,
        ));
    }
    let number = draft.meta_line(frame_id::DOC_NUMBER);
    if let Some(problem) = DocNumber::problem(number) {
        out.push(finding(
            Severity::Warning,
            Check::DocNumber,
            Location::frame(frame_id::DOC_NUMBER),
            format!("发文字号“{}”写法不规范：{problem}", number.trim()),
            None,
        ));
    }
    if let (Some(printed), Some(signed)) = (draft.meta_date(frame_id::PRINT_DATE), draft.date()) {
        if printed < signed {
            out.push(finding(
                Severity::Warning,
                Check::PrintDate,
                Location::frame(frame_id::PRINT_DATE),
                format!("印发日期{printed}早于成文日期{signed}，公文应当成文后印发"),
                None,
            ));
        }
    }
    let copy_to = draft.meta_line(frame_id::COPY_TO).trim();
    if !copy_to.is_empty() && !copy_to.ends_with('。') {
        out.push(finding(
            Severity::Warning,
            Check::CopyTo,
            Location::frame(frame_id::COPY_TO),
            "抄送机关的最后一个机关名称后标句号“。”（GB/T 9704 7.4.2）".to_string(),
            Some(FixAction::FinalFullStop),
        ));
    }
    if let Some(FieldValue::Text(names)) = draft.meta(frame_id::ATTACHMENTS) {
        for (i, name) in names.iter().enumerate() {
            let name = name.trim();
            if name.is_empty() || trim_title(name) == name {
                continue;
            }
            let mark = name.chars().next_back().unwrap_or('。');
            out.push(finding(
                Severity::Warning,
                Check::AttachmentPunctuation,
                Location::new(FieldRef::meta(frame_id::ATTACHMENTS), Within::Paragraph(i)),
                format!("附件名称“{name}”后不加标点，请删去末尾的“{mark}”（GB/T 9704 7.3.4）"),
                Some(FixAction::TrimTitlePunctuation),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{apply_fix, run};
    use crate::draft::ReportDate;
    use crate::sample::{seed_draft, submitted_seed_draft};
    use crate::template::annual_report;

    fn submitted() -> Draft {
        submitted_seed_draft("s", 0)
    }

    fn official(d: &Draft) -> Vec<Finding> {
        let mut out = Vec::new();
        check(d, &mut out);
        out
    }

    #[test]
    fn the_sample_in_both_editions_passes() {
        assert!(official(&submitted()).is_empty());
        // Its frame fields pass the other checks too.
        assert_eq!(
            run(annual_report(), &submitted()),
            run(annual_report(), &seed_draft("s", 0))
        );
        let mut d = seed_draft("s", 0);
        d.meta.insert(
            frame_id::COPY_TO.into(),
            FieldValue::Line("县政协办公室".into()),
        );
        d.meta.remove(frame_id::SIGNERS);
        assert!(official(&d).is_empty(), "公开版 does not print the frame");
    }

    #[test]
    fn submitted_without_signer_is_an_error() {
        let mut d = submitted();
        d.meta.insert(
            frame_id::SIGNERS.into(),
            FieldValue::Text(vec!["  ".into()]),
        );
        let found = official(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].severity, found[0].check),
            (Severity::Error, Check::Signer)
        );
        assert!(run(annual_report(), &d)
            .iter()
            .any(|f| f.check == Check::Signer));
    }

    #[test]
    fn malformed_doc_number() {
        let mut d = submitted();
        d.meta.insert(
            frame_id::DOC_NUMBER.into(),
            FieldValue::Line("荆发〔2023〕第015号".into()),
        );
        let found = official(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].check, Check::DocNumber);
        assert!(found[0].message.contains("“第”"), "{}", found[0].message);
    }

    #[test]
    fn print_date_before_the_signing_date() {
        let mut d = submitted();
        d.meta.insert(
            frame_id::PRINT_DATE.into(),
            FieldValue::Date(ReportDate::new(2023, 12, 15)),
        );
        let found = official(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].check, Check::PrintDate);
        assert_eq!(
            found[0].message,
            "印发日期2023年12月15日早于成文日期2023年12月18日，公文应当成文后印发"
        );
        d.meta.insert(
            frame_id::PRINT_DATE.into(),
            FieldValue::Date(ReportDate::new(2023, 12, 18)),
        );
        assert!(official(&d).is_empty());
    }

    #[test]
    fn copy_to_without_its_full_stop_is_fixed() {
        let mut d = submitted();
        d.meta.insert(
            frame_id::COPY_TO.into(),
            FieldValue::Line("县人大常委会办公室，县政协办公室，".into()),
        );
        let found = official(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].check, Check::CopyTo);
        let fix = found[0].fix.clone().expect("a fix");
        assert_eq!(fix.label(), "以“。”结尾");
        apply_fix(&mut d, &fix).unwrap();
        assert_eq!(
            d.meta_line(frame_id::COPY_TO),
            "县人大常委会办公室，县政协办公室。"
        );
        assert!(official(&d).is_empty());
    }

    #[test]
    fn attachment_with_trailing_punctuation_is_fixed() {
        let mut d = submitted();
        d.meta.insert(
            frame_id::ATTACHMENTS.into(),
            FieldValue::Text(vec!["统计表".into(), "工作台账；".into()]),
        );
        let found = official(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].check, Check::AttachmentPunctuation);
        assert_eq!(found[0].location.path, Within::Paragraph(1));
        let fix = found[0].fix.clone().expect("a fix");
        apply_fix(&mut d, &fix).unwrap();
        assert_eq!(d.meta_lines(frame_id::ATTACHMENTS), ["统计表", "工作台账"]);
        assert!(official(&d).is_empty());
    }
}
