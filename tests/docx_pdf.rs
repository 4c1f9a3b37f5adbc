//! The sample report's .docx converted to PDF by LibreOffice and measured
//! on the page: A4, page count, title on page 1, page numbers on
//! alternating sides, at most 28 characters per line and 22 lines per
//! page, nothing in the margins, and the date 右空二字. Needs `soffice` and
//! poppler's `pdfinfo`, `pdftotext` and `pdftoppm`; skipped (and says so)
//! without LibreOffice.

#[path = "support/pdf_page.rs"]
mod pdf_page;

use pdf_page::{docx_to_pdf, has, run, text_pages, TextLine as Line};
use std::path::{Path, PathBuf};

use baogao::document::compose;
use baogao::docx::write;
use baogao::layout::grid::{signature_and_date_starts, text_units};
use baogao::sample::seed_draft;
use baogao::template::annual_report;

/// Converts the sample report and returns the PDF's path.
fn convert(dir: &Path) -> PathBuf {
    let doc = compose(annual_report(), &seed_draft("seed", 0));
    let bytes = write(&doc).expect("writes");
    docx_to_pdf(&bytes, "seed-report", dir)
}

#[test]
fn libreoffice_prints_the_docx_to_gbt9704() {
    if !has("soffice") {
        eprintln!(
            "SKIPPED: soffice (LibreOffice) is not installed; the DOCX layout was not checked"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("baogao-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let pdf = convert(&dir);
    let pdf_path = pdf.display().to_string();

    let info = run("pdfinfo", &[&pdf_path]);
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    assert!(field("Page size:").starts_with("595.3"), "{info}");
    assert!(field("Page size:").contains("x 841.8"), "{info}");
    // Measured with LibreOffice 7.4 and the fonts-noto-cjk stand-ins.
    assert_eq!(field("Pages:"), "5", "{info}");
    assert_eq!(field("Title:"), "关于2023年度法治政府建设工作的报告");

    let layout = run("pdftotext", &["-layout", &pdf_path, "-"]);
    let squeezed: Vec<String> = layout
        .split('\u{c}')
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    assert!(squeezed[0].contains("关于2023年度法治政府建设工作的报告"));
    assert!(squeezed[0].contains("—1—"));
    assert!(squeezed[1].contains("—2—"));
    assert!(squeezed[4].contains("特此报告。"));

    let html = dir.join("bbox.html").display().to_string();
    run("pdftotext", &["-bbox-layout", &pdf_path, &html]);
    let pages = text_pages(&std::fs::read_to_string(&html).expect("bbox"));
    assert_eq!(pages.len(), 5);
    let one_char = 14.0 * 25.4 / 72.0;
    for (i, page) in pages.iter().enumerate() {
        let number = format!("—{}—", i + 1);
        let (numbers, body): (Vec<&Line>, Vec<&Line>) =
            page.iter().partition(|l| l.text.replace(' ', "") == number);
        assert_eq!(numbers.len(), 1, "page {} number: {page:?}", i + 1);
        let n = numbers[0];
        if i % 2 == 0 {
            // Odd page: right, one character in from the type area's edge.
            assert!(
                (n.right - (184.0 - one_char)).abs() < 1.0,
                "page {}: {n:?}",
                i + 1
            );
        } else {
            assert!(
                (n.left - (28.0 + one_char)).abs() < 1.0,
                "page {}: {n:?}",
                i + 1
            );
        }
        // The dash sits about 7 mm under the 262 mm bottom of the type area.
        let middle = (n.top + n.bottom) / 2.0;
        assert!((middle - 269.0).abs() < 1.5, "page {}: {n:?}", i + 1);

        assert!(body.len() <= 22, "page {} has {} lines", i + 1, body.len());
        for line in &body {
            assert!(text_units(&line.text) <= 56, "over 28 characters: {line:?}");
            // Nothing hangs into the margins (28 mm left, 26 mm right).
            assert!(
                line.left > 27.5 && line.right < 184.5,
                "in the margin: {line:?}"
            );
            assert!(
                line.top > 35.0 && line.bottom < 263.0,
                "outside the type area: {line:?}"
            );
        }
        // Body lines sit on the 225 mm / 22 grid.
        let pitch = 225.0 / 22.0;
        let first = body[0].top;
        assert!(
            (first - 36.6).abs() < 1.0,
            "page {} starts at {first}",
            i + 1
        );
        for line in body.iter().filter(|l| !l.text.starts_with("关于")) {
            let steps = (line.top - first) / pitch;
            assert!(
                (steps - steps.round()).abs() < 0.05,
                "off the grid: {line:?}"
            );
        }
    }
    // Full pages hold 22 lines; page 1 has the organ line, title and their
    // blank lines (20 text lines).
    assert_eq!(pages[0].len() - 1, 20);
    assert_eq!(pages[1].len() - 1, 22);

    // GB/T 9704 7.3.5.2, the unsealed signature and date: the date is
    // 右空二字 and, being longer than the signature here, starts two
    // characters right of the signature's first character, which moves
    // left to keep that offset.
    //
    // The date's printed width is decided by the face of its digits: the
    // DOCX names Times New Roman for them (`docx::face::BODY`), which
    // LibreOffice replaces through fontconfig by the metric-compatible
    // Liberation Serif from `fonts-liberation2` (installed by
    // scripts/setup-test.sh), whose digits are half a character wide.
    // Without it the fallback is DejaVu Serif (digits 0.64 em): the date
    // grows by 5 mm and starts left of the signature. LibreOffice also adds
    // about a quarter character at each digit/Chinese boundary (Word does
    // not), so here the date starts between one and two characters right of
    // the signature.
    let last = &pages[4];
    let date = last
        .iter()
        .find(|l| l.text == "2023年12月18日")
        .expect("date");
    let signature = last
        .iter()
        .rfind(|l| l.text == "中共荆家镇委")
        .expect("signature");
    let char_mm = 15.75 * 25.4 / 72.0;
    let (signature_start, _) = signature_and_date_starts(&signature.text, &date.text);
    let expected_left = 28.0 + signature_start as f64 / 2.0 * char_mm;
    assert!(
        (signature.left - expected_left).abs() < 0.5,
        "signature should start at {expected_left:.1} mm: {signature:?}"
    );
    assert!(
        (date.right - (184.0 - 2.0 * char_mm)).abs() < 1.0,
        "date not 右空二字: {date:?}"
    );
    let offset = date.left - signature.left;
    assert!(
        offset > char_mm - 0.5 && offset < 2.0 * char_mm + 0.5,
        "the date starts {offset:.2} mm right of the signature, not 1–2 characters: {signature:?} {date:?}"
    );
    assert!((signature.top - date.top + 225.0 / 22.0).abs() < 0.3);

    let png = "tests/output/docx-page1";
    run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            &pdf_path,
            png,
        ],
    );
    assert!(Path::new("tests/output/docx-page1.png").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
