//! The sample report's 报送版 as a .docx, converted to PDF by LibreOffice
//! and measured with poppler (`pdftotext -bbox-layout` for text boxes,
//! `pdftoppm` pixels for ink): the red 发文机关标志's top 72 mm from the
//! paper's top (7.2.4: 37 + 35), the red rule 4 mm under the 发文字号
//! (7.2.7), the 版记's last rule on the type area's bottom edge at 262 mm
//! (7.4.1), the body on the 22-line grid on every page. Skipped (and says
//! so) without LibreOffice.

#[path = "support/pdf_page.rs"]
mod pdf_page;

use pdf_page::{docx_to_pdf, has, run, text_pages, Pixels, PX_PER_MM};
use std::path::{Path, PathBuf};

use baogao::document::compose_edition;
use baogao::docx::write_edition;
use baogao::sample::submitted_seed_draft;
use baogao::template::annual_report;

/// Writes the sample's 报送版 .docx to `tests/output` and converts it.
fn convert(dir: &Path) -> PathBuf {
    let draft = submitted_seed_draft("seed", 0);
    let (doc, frame) = compose_edition(annual_report(), &draft);
    let bytes = write_edition(&doc, frame.as_ref()).expect("writes");
    docx_to_pdf(&bytes, "seed-report-submitted", dir)
}

/// The sample's 发文机关标志, printed off the grid.
const MARK: &str = "中共荆家镇委文件";

#[test]
fn libreoffice_prints_the_submitted_docx_with_header_and_record() {
    if !has("soffice") {
        eprintln!(
            "SKIPPED: soffice (LibreOffice) is not installed; the 报送版 DOCX was not checked"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("baogao-docx-sub-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let pdf = convert(&dir);
    let pdf_path = pdf.display().to_string();
    let html = dir.join("bbox.html").display().to_string();
    run("pdftotext", &["-bbox-layout", &pdf_path, &html]);
    let pages = text_pages(&std::fs::read_to_string(&html).expect("bbox"));
    let one = Pixels::of_page(&pdf, 1, &dir);

    // 7.2.4: the 标志's red ink starts 72 mm from the paper's top.
    let red_rows = one.rows(50.0, 110.0, 20, Pixels::red);
    let mark_top = red_rows.first().copied().expect("red ink for the 标志");
    let mark_rows: Vec<f64> = red_rows
        .iter()
        .copied()
        .filter(|&y| y < mark_top + 20.0)
        .collect();
    let mark_bottom = mark_rows.last().copied().unwrap_or(mark_top);
    println!("标志 red ink {mark_top:.2}–{mark_bottom:.2} mm");

    // 7.2.7: a red rule as wide as the type area, 4 mm under the 发文字号.
    let rule_rows: Vec<f64> = one
        .rows(mark_bottom + 1.0, 140.0, 1200, Pixels::red)
        .into_iter()
        .collect();
    let rule_top = rule_rows.first().copied().expect("the red rule");
    let rule_width = one.run_mm(rule_top + 0.1, Pixels::red);
    let number = pages[0]
        .iter()
        .find(|l| l.text.contains("荆发〔2023〕15号"))
        .expect("发文字号 on page 1");
    let signer = pages[0]
        .iter()
        .find(|l| l.text.contains("签发人"))
        .expect("签发人 on page 1");
    // The 发文字号's ink: dark pixels inside its text box.
    let number_ink: Vec<f64> = one.rows(number.top - 1.0, number.bottom + 1.0, 3, |p, x, y| {
        let x_mm = x as f64 / PX_PER_MM;
        x_mm >= number.left && x_mm <= number.right && p.dark(x, y)
    });
    let ink_bottom = number_ink.last().copied().expect("the 发文字号's ink");
    println!(
        "发文字号 box {:.2}–{:.2} mm, ink to {ink_bottom:.2}; red rule {:.2}–{:.2} mm, {rule_width:.1} mm wide; 签发人 «{}» {:.2}–{:.2} mm",
        number.top, number.bottom, rule_top, rule_rows.last().unwrap(), signer.text, signer.left, signer.right
    );
    println!("发文字号 left {:.2} mm", number.left);
    assert!(
        (mark_top - 72.0).abs() <= 1.0,
        "标志 ink top at {mark_top:.2} mm"
    );
    let red_columns: Vec<usize> = (0..one.width)
        .filter(|&x| one.y_range(mark_top, mark_bottom).any(|y| one.red(x, y)))
        .collect();
    let centre = (red_columns[0] + red_columns[red_columns.len() - 1]) as f64 / 2.0 / PX_PER_MM;
    assert!(
        (centre - (28.0 + 78.0)).abs() < 2.0,
        "标志 centred at {centre:.1} mm"
    );
    assert!(rule_width > 155.0, "red rule {rule_width:.1} mm wide");
    let gap = rule_top - ink_bottom;
    assert!(
        (gap - 4.0).abs() <= 0.7,
        "red rule {gap:.2} mm under the 发文字号"
    );
    // 7.2.5 / 7.2.6: 发文字号 居左空一字, 签发人 居右空一字, on one line.
    let one_char = 156.0 / 28.0;
    assert!((number.left - (28.0 + one_char)).abs() < 1.0, "{number:?}");
    assert!(
        (signer.right - (184.0 - one_char)).abs() < 1.0,
        "{signer:?}"
    );
    assert!((signer.top - number.top).abs() < 0.3);

    // 7.3.1 and the grid: the title two lines under the rule; every 3号
    // line on every page on the 22 rows of page 2 onwards.
    let pitch = 225.0 / 22.0;
    let row0 = pages[1][0].top;
    let title = pages[0]
        .iter()
        .find(|l| l.text.starts_with("关于2023年度"))
        .expect("title");
    assert!(((title.top - row0) / pitch - 10.0).abs() < 0.1, "{title:?}");
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        for line in page {
            let off_grid = line.text.starts_with("关于2023")
                || line.text.replace(' ', "") == MARK
                || line.text.starts_with('—')
                || line.text.starts_with("抄送")
                || line.text.contains("印发")
                || line.text.ends_with("办公室");
            if off_grid {
                continue;
            }
            let steps = (line.top - row0) / pitch;
            assert!(
                (steps - steps.round()).abs() < 0.05 && steps.round() < 22.0,
                "page {}: off the grid: {line:?}",
                i + 1
            );
        }
    }

    // 7.4: the 版记 on the last page, its rules across the type area, the
    // last on the bottom edge (262 mm).
    let last = Pixels::of_page(&pdf, count, &dir);
    let bands = last.rule_bands(150.0, 270.0);
    println!("版记 rules at {bands:?}");
    assert_eq!(bands.len(), 3, "three rules: {bands:?}");
    let middle = |b: (f64, f64)| (b.0 + b.1) / 2.0;
    assert!(
        (middle(bands[2]) - 262.0).abs() <= 0.5,
        "last rule {bands:?}"
    );
    let row = |r: f64| 37.0 + r * pitch;
    assert!(
        (middle(bands[0]) - row(20.0)).abs() <= 0.6,
        "first rule {bands:?}"
    );
    assert!(
        (middle(bands[1]) - row(21.0)).abs() <= 0.6,
        "thin rule {bands:?}"
    );
    let texts: Vec<&str> = pages[count - 1].iter().map(|l| l.text.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("抄送：县人大")),
        "{texts:?}"
    );
    assert!(texts.contains(&"2023年12月18日印发"), "{texts:?}");
    // 7.3.5.2: the signature and the date stay together with the last
    // body line, on the page the layout puts them.
    for kept in ["特此报告。", "中共荆家镇委", "2023年12月18日"] {
        assert!(
            texts.contains(&kept),
            "{kept} not on the last page: {texts:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
