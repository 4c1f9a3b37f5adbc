//! The sample report, filled in field by field, composes and renders back to
//! the original text line for line.

use baogao::document::compose;
use baogao::render::text;
use baogao::sample::seed_draft;
use baogao::template::annual_report;

const SEED: &str = include_str!("fixtures/seed-report-2023.txt");

/// Lines with surrounding whitespace trimmed and blank lines dropped.
fn normalized(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn seed_report_renders_back_line_for_line() {
    let draft = seed_draft("seed", 0);
    let doc = compose(annual_report(), &draft);
    let rendered = text::render(&doc);
    let want = normalized(SEED);
    let got = normalized(&rendered);
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got.len(), want.len());
    assert_eq!(want.len(), 24);
}

#[test]
fn seed_report_signature_and_date_are_right_aligned() {
    let doc = compose(annual_report(), &seed_draft("seed", 0));
    let rendered = text::render(&doc);
    let lines: Vec<&str> = rendered.lines().filter(|l| !l.trim().is_empty()).collect();
    let sig = lines[lines.len() - 2];
    let date = lines[lines.len() - 1];
    let indent = |l: &str| l.len() - l.trim_start().len();
    assert_eq!(sig.trim(), "中共荆家镇委");
    assert_eq!(date.trim(), "2023年12月18日");
    // Signature starts 2 characters (4 half-width spaces) left of the date,
    // which ends 2 characters from the right of the 28-character line.
    assert_eq!(indent(date) - indent(sig), 4);
    assert_eq!(indent(date) + 14, 56 - 4);
}

#[test]
fn seed_draft_survives_json() {
    let draft = seed_draft("seed", 1);
    let json = serde_json::to_string(&draft).unwrap();
    let back: baogao::draft::Draft = serde_json::from_str(&json).unwrap();
    assert_eq!(back, draft);
}
