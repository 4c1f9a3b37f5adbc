//! The checks on the sample report: exactly one finding (the half-width
//! semicolon in "不够;二是"), and its fix changes only that character.

#[path = "support/large_draft.rs"]
mod large_draft;

use baogao::check::{
    apply_fix, run, summary_by_step, text_at, Check, Finding, Fix, FixAction, Location, Severity,
    Within,
};
use baogao::document::compose;
use baogao::draft::FieldValue;
use baogao::render::text;
use baogao::sample::seed_draft;
use baogao::template::annual_report;

const SEED: &str = include_str!("fixtures/seed-report-2023.txt");

fn semicolon_finding() -> Finding {
    let location = Location::section("shortcomings", "intro", Within::Paragraph(0));
    Finding {
        severity: Severity::Warning,
        check: Check::Punctuation,
        location: location.clone(),
        message: "中文里应使用全角标点：“…，与实践结合不够;二是专业的行政执…”中的“;”应为“；”"
            .to_string(),
        fix: Some(Fix {
            location,
            action: FixAction::FullWidthPunctuation,
        }),
    }
}

#[test]
fn the_sample_report_has_exactly_the_half_width_semicolon() {
    let findings = run(annual_report(), &seed_draft("seed", 0));
    assert_eq!(findings, [semicolon_finding()]);
    let summary = summary_by_step(&findings);
    assert_eq!(summary.step(Some("shortcomings")).warnings, 1);
    assert_eq!(summary.total().total(), 1);
}

#[test]
fn fixing_the_semicolon_changes_that_character_only() {
    let original = seed_draft("seed", 0);
    let mut draft = original.clone();
    let finding = semicolon_finding();
    let Some(fix) = &finding.fix else {
        panic!("the semicolon finding has a fix");
    };
    assert_eq!(apply_fix(&mut draft, fix), Ok(()));
    assert_eq!(run(annual_report(), &draft), []);

    let mut expected = original.clone();
    if let Some(s) = expected.section_mut("shortcomings") {
        if let Some(FieldValue::Text(ps)) = s.fields.get_mut("intro") {
            ps[0] = ps[0].replace("不够;二是", "不够；二是");
        }
    }
    assert_eq!(draft, expected);
    let fixed = text_at(&draft, &finding.location).unwrap_or_default();
    assert_eq!(fixed.matches('；').count(), 1);
    assert!(!fixed.contains(';'));

    // The printed text is the original with that one character replaced.
    let rendered = text::render(&compose(annual_report(), &draft));
    let want = SEED.replace("不够;二是", "不够；二是");
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(lines(&rendered), lines(&want));
}

#[test]
fn a_30k_character_draft_is_checked_whole() {
    let draft = large_draft::large_draft();
    assert!(draft.char_count() >= large_draft::LARGE);
    let findings = run(annual_report(), &draft);
    // Repeating the sample's subsections and points adds no slip.
    assert_eq!(findings, [semicolon_finding()]);
}
