//! Every fix on a draft full of slips: it removes its finding and changes
//! nothing but the text at its location.

use super::slots::text_at_mut;
use super::*;
use crate::draft::{FieldValue, Point};
use crate::sample::seed_draft;
use crate::template::{annual_report, meta_id};

/// Applies the finding's fix to a copy of `draft` and checks that the
/// finding is gone and that the draft differs only at the fix's location.
fn assert_fix_is_clean(draft: &Draft, finding: &Finding) {
    let Some(fix) = &finding.fix else {
        panic!("no fix for {finding:?}");
    };
    let mut fixed = draft.clone();
    assert_eq!(apply_fix(&mut fixed, fix), Ok(()), "{finding:?}");
    let still = run(annual_report(), &fixed)
        .into_iter()
        .any(|f| f.check == finding.check && f.location == finding.location);
    assert!(!still, "fix left its finding: {finding:?}");
    let Some(new_text) = text_at(&fixed, &fix.location) else {
        panic!("fixed text missing for {finding:?}");
    };
    assert_ne!(text_at(draft, &fix.location), Some(new_text));
    let mut expected = draft.clone();
    if let Some(text) = text_at_mut(&mut expected, &fix.location, true) {
        *text = new_text.to_string();
    }
    assert_eq!(
        fixed, expected,
        "fix changed more than its text: {finding:?}"
    );
}

fn set_line(d: &mut Draft, field: &str, text: &str) {
    d.meta.insert(field.into(), FieldValue::Line(text.into()));
}

/// The sample report with one slip of every fixable kind.
fn slippy_draft() -> Draft {
    let mut d = seed_draft("slips", 0);
    set_line(
        &mut d,
        meta_id::TITLE,
        "关于2022年度法治政府建设工作的报告。",
    );
    set_line(&mut d, meta_id::ADDRESSEE, "县委、县政府:");
    set_line(&mut d, meta_id::CLOSING, "");
    if let Some(s) = d.section_mut("measures") {
        s.heading = "2022年推进法治政府建设的主要举措和成效".into();
        if let Some(FieldValue::Subsections(items)) = s.fields.get_mut("items") {
            items[0].heading = "（一）强化领导，落实工作责任。".into();
            items[1].paragraphs[0] = "组织\"法治带头人\"培训, 共126人。".into();
        }
    }
    if let Some(s) = d.section_mut("duty") {
        if let Some(FieldValue::Subsections(items)) = s.fields.get_mut("items") {
            items[1]
                .paragraphs
                .push("于2023年12月08日、2023-12-20召开专题会议2次。".into());
        }
    }
    if let Some(s) = d.section_mut("plans") {
        s.heading = "2023年推进法治政府建设的主要计划安排".into();
        s.fields.insert(
            "intro".into(),
            FieldValue::Text(vec!["2023年，我镇将认真总结经验。".into()]),
        );
        if let Some(FieldValue::Points(points)) = s.fields.get_mut("points") {
            points[1].paragraphs[0].insert_str(0, "二是");
            points.push(Point {
                paragraphs: vec!["(三)加强队伍建设。".into()],
            });
        }
    }
    d
}

#[test]
fn every_fix_removes_its_finding_and_nothing_else() {
    let d = slippy_draft();
    let found = run(annual_report(), &d);
    let fixable: Vec<&Finding> = found.iter().filter(|f| f.fix.is_some()).collect();
    for finding in &fixable {
        assert_fix_is_clean(&d, finding);
    }
    let mut actions: Vec<String> = fixable
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .map(|f| format!("{:?}", f.action))
        .collect();
    actions.sort();
    actions.dedup();
    assert_eq!(
        actions,
        [
            "AddresseeColon",
            "FullWidthPunctuation",
            "NormalizeDates",
            "PlanYear { report_year: 2023 }",
            "RemoveTypedNumber",
            "ReplaceYear { from: 2022, to: 2023 }",
            "ReplaceYear { from: 2023, to: 2024 }",
            "SetClosing { text: \"特此报告。\" }",
            "TrimTitlePunctuation",
        ]
    );
}

#[test]
fn the_slips_are_all_found_in_reading_order() {
    let d = slippy_draft();
    let found: Vec<(Check, Option<String>, String)> = run(annual_report(), &d)
        .into_iter()
        .map(|f| (f.check, f.location.field.section, f.location.field.id))
        .collect();
    let frame = |check, field: &str| (check, None, field.to_string());
    let section = |check, s: &str, field: &str| (check, Some(s.to_string()), field.to_string());
    assert_eq!(
        found,
        [
            frame(Check::Year, "title"),
            frame(Check::TitlePunctuation, "title"),
            frame(Check::Addressee, "addressee"),
            frame(Check::Closing, "closing"),
            section(Check::Year, "measures", ""),
            section(Check::TypedNumber, "measures", "items"),
            section(Check::Punctuation, "measures", "items"),
            section(Check::DateFormat, "duty", "items"),
            section(Check::Punctuation, "shortcomings", "intro"),
            section(Check::Year, "plans", ""),
            section(Check::Year, "plans", "intro"),
            section(Check::TypedNumber, "plans", "points"),
            section(Check::TypedNumber, "plans", "points"),
        ]
    );
}

#[test]
fn fixing_everything_leaves_a_clean_report() {
    let mut d = slippy_draft();
    for _ in 0..3 {
        for finding in run(annual_report(), &d) {
            if let Some(fix) = &finding.fix {
                assert_eq!(apply_fix(&mut d, fix), Ok(()));
            }
        }
    }
    assert_eq!(run(annual_report(), &d), []);
    assert_eq!(d.title(), "关于2023年度法治政府建设工作的报告");
    assert_eq!(d.meta_line(meta_id::CLOSING), "特此报告。");
    let plans = d.section("plans").map(|s| s.heading.as_str());
    assert_eq!(plans, Some("2024年推进法治政府建设的主要计划安排"));
}

mod properties {
    use super::*;
    use crate::check::location::Within;
    use proptest::prelude::*;

    /// Text made of the pieces the checks react to.
    fn tricky_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "法治",
            "镇",
            "，",
            "。",
            "；",
            ",",
            ";",
            ":",
            "(",
            ")",
            "?",
            "!",
            "\"",
            " ",
            "　",
            "一是",
            "二是",
            "四是",
            "（一）",
            "1.",
            "1.5",
            "10:30",
            "2023年",
            "2024年",
            "12月",
            "08日",
            "2023-12-18",
            "2023/1/5",
            "0",
            "7",
            "www.a.cn",
            "https://b.cn/?x=1",
            "将",
            "特此报告",
            "a",
            "“",
            "”",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn fixes_are_clean_on_any_text(
            paragraph in tricky_text(),
            heading in tricky_text(),
            point in tricky_text(),
            addressee in tricky_text(),
            title in tricky_text(),
            subsection in tricky_text(),
        ) {
            let mut d = seed_draft("p", 0);
            set_line(&mut d, meta_id::ADDRESSEE, &addressee);
            set_line(&mut d, meta_id::TITLE, &title);
            if let Some(FieldValue::Subsections(items)) = d
                .section_mut("duty")
                .and_then(|s| s.fields.get_mut("items"))
            {
                items[0].heading = subsection.clone();
                items[1].paragraphs[0] = subsection;
            }
            if let Some(s) = d.section_mut("plans") {
                s.heading = heading;
                s.fields.insert("intro".into(), FieldValue::Text(vec![paragraph]));
                if let Some(FieldValue::Points(points)) = s.fields.get_mut("points") {
                    points[0].paragraphs[0] = point;
                }
            }
            for finding in run(annual_report(), &d) {
                if finding.fix.is_some() {
                    assert_fix_is_clean(&d, &finding);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_is_checked_and_fixed_without_panicking(
            chars in prop::collection::vec(any::<char>(), 0..40),
        ) {
            let text: String = chars.into_iter().collect();
            let mut d = seed_draft("p", 0);
            set_line(&mut d, meta_id::ADDRESSEE, &text);
            if let Some(s) = d.section_mut("plans") {
                s.heading = text.clone();
                s.fields.insert("intro".into(), FieldValue::Text(vec![text]));
            }
            for finding in run(annual_report(), &d) {
                if let Some(fix) = &finding.fix {
                    prop_assert_eq!(apply_fix(&mut d.clone(), fix), Ok(()));
                }
            }
        }
    }

    #[test]
    fn the_property_reaches_plans_text() {
        let mut d = seed_draft("p", 0);
        if let Some(s) = d.section_mut("plans") {
            s.fields
                .insert("intro".into(), FieldValue::Text(vec!["法治,镇".into()]));
        }
        let found = run(annual_report(), &d);
        assert!(found
            .iter()
            .any(|f| f.location == Location::section("plans", "intro", Within::Paragraph(0))));
    }
}
