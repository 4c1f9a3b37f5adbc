//! The sample report switched to its 报送版 in 基本信息 and printed: the
//! preview shows the 版头 and the 版记, and the browser's PDF has them
//! where GB/T 9704 puts them, measured on the paper with poppler
//! (`pdftotext -bbox-layout` for text boxes, `pdftoppm` pixels in colour
//! for ink): the red 发文机关标志's top 72 mm from the paper's top edge
//! (7.2.4), the red rule 4 mm under the 发文字号 (7.2.7), the 版记's last
//! rule at 262 mm (7.4.1), and every 3号 line on the 22-row grid on every
//! page. The PDF is left in `tests/output/sample-report-submitted.pdf`.

#[path = "../../support/pdf_page.rs"]
mod pdf_page;

use crate::harness::{self, eventually, wait_for, Browser};
use baogao::document::compose_edition;
use baogao::layout::geometry::{LINE_PITCH_MM, TOP_MM};
use baogao::layout::lay_out_edition;
use baogao::sample::submitted_seed_draft;
use baogao::template::{annual_report, frame_id};
use pdf_page::{run, text_pages, Pixels, PX_PER_MM};

/// The sample's 发文机关标志, printed off the grid.
const MARK: &str = "中共荆家镇委文件";

in_chromium_and_firefox!(the_sample_prints_as_the_submitted_edition_with_header_and_record);
fn the_sample_prints_as_the_submitted_edition_with_header_and_record(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        harness::go_to_step(c, "basic").await;
        harness::click(c, "#edition-basic-submitted").await;

        // The frame's fields appear, each named by the standard's term.
        wait_for(c, "[data-frame-fields]").await;
        for (id, label) in [
            ("f-meta.issuer_mark", "发文机关标志"),
            ("f-meta.signers", "签发人"),
            ("f-meta.copy_to", "抄送机关"),
            ("f-meta.print_date", "印发日期"),
            ("f-meta.doc_number.code", "机关代字"),
        ] {
            let text = harness::text_of(c, &format!("label[for='{id}']")).await;
            assert_eq!(text.trim(), label, "label of {id}");
            wait_for(c, &format!("#{}", id.replace('.', "\\."))).await;
        }
        // Checked before printing: a 报送版 names its 签发人 (7.2.6).
        harness::go_to_step(c, "review").await;
        let findings = harness::texts_of_all(c, "li.finding .finding-message").await;
        assert!(
            findings.iter().any(|f| f.contains("签发人")),
            "{findings:?}"
        );
        harness::go_to_step(c, "basic").await;

        // The writer fills in the frame of the sample's 报送版.
        let draft = submitted_seed_draft("sample", 0);
        let line = |id: &str| draft.meta_line(id).to_string();
        for (part, text) in [("code", "荆发"), ("year", "2023"), ("number", "15")] {
            let css = format!("[data-field='meta.doc_number.{part}']");
            harness::type_into(c, &css, text).await;
        }
        let shown_number = harness::attr_of(c, "[data-doc-number]", "data-doc-number").await;
        assert_eq!(
            shown_number.as_deref(),
            Some(draft.meta_line(frame_id::DOC_NUMBER))
        );
        for id in [frame_id::COPY_TO, frame_id::PRINTER] {
            harness::type_into(c, &format!("[data-field='meta.{id}']"), &line(id)).await;
        }
        let signers = draft.meta_lines(frame_id::SIGNERS).join("\n");
        harness::type_into(c, "[data-field='meta.signers']", &signers).await;

        let (doc, frame) = compose_edition(annual_report(), &draft);
        let layout = lay_out_edition(&doc, frame.as_ref());
        let expected: Vec<Vec<String>> = layout
            .pages
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text()).collect())
            .collect();
        let shown: usize = eventually("the 报送版's pages in the preview", || async {
            let marks = harness::count(c, ".sheet .issuer-mark").await;
            let count: usize = harness::attr_of(c, "[data-page-count]", "data-page-count")
                .await?
                .parse()
                .ok()?;
            (marks == 1 && count == layout.pages.len()).then_some(count)
        })
        .await;
        let preview: Vec<Vec<String>> = serde_json::from_value(
            harness::js(
                c,
                "return Array.from(document.querySelectorAll('.sheet')).map(s =>
                    Array.from(s.querySelectorAll('.line')).map(l => l.textContent));",
                vec![],
            )
            .await,
        )
        .expect("lines as strings");
        assert_eq!(preview, expected, "preview lines differ from the layout");
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(app.output("step-basic-submitted.png"), png).expect("save");
        assert_eq!(harness::count(c, ".sheet .rule.red").await, 1);
        assert_eq!(harness::count(c, ".sheet .rule:not(.red)").await, 3);

        // 核对与导出 shows the same choice.
        harness::go_to_step(c, "review").await;
        let checked = harness::js(
            c,
            "return document.getElementById('edition-review-submitted').checked;",
            vec![],
        )
        .await;
        assert_eq!(checked, serde_json::Value::Bool(true));
        let findings = harness::texts_of_all(c, "li.finding .finding-message").await;
        assert!(
            !findings.iter().any(|f| f.contains("签发人")),
            "{findings:?}"
        );

        let pdf_bytes = harness::print_to_pdf(&app).await;
        let pdf = app.output("sample-report-submitted.pdf");
        std::fs::write(&pdf, pdf_bytes).expect("save the PDF");
        measure(&pdf, shown, &expected);
    });
}

/// The printed 报送版 against GB/T 9704 and the layout.
fn measure(pdf: &std::path::Path, pages_shown: usize, expected: &[Vec<String>]) {
    let dir = std::env::temp_dir().join(format!("baogao-print-sub-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let pdf_s = pdf.display().to_string();
    let html = dir.join("bbox.html").display().to_string();
    run("pdftotext", &["-bbox-layout", &pdf_s, &html]);
    let pages = text_pages(&std::fs::read_to_string(&html).expect("bbox"));
    assert_eq!(pages.len(), pages_shown, "PDF pages vs preview pages");

    // 7.2.4: the 标志's red ink from 72 mm, centred on the type area.
    let one = Pixels::of_page(pdf, 1, &dir);
    let red_rows = one.rows(50.0, 110.0, 20, Pixels::red);
    let mark_top = red_rows.first().copied().expect("red ink for the 标志");
    let mark_bottom = red_rows
        .iter()
        .copied()
        .filter(|&y| y < mark_top + 20.0)
        .fold(mark_top, f64::max);
    let red_columns: Vec<usize> = (0..one.width)
        .filter(|&x| one.y_range(mark_top, mark_bottom).any(|y| one.red(x, y)))
        .collect();
    let centre = (red_columns[0] + red_columns[red_columns.len() - 1]) as f64 / 2.0 / PX_PER_MM;
    println!("标志 red ink {mark_top:.2}–{mark_bottom:.2} mm, centred at {centre:.1} mm");
    assert!(
        (mark_top - 72.0).abs() <= 1.0,
        "标志 ink top at {mark_top:.2} mm"
    );
    assert!(
        (centre - 106.0).abs() < 2.0,
        "标志 centred at {centre:.1} mm"
    );

    // 7.2.7: the red rule, type-area wide, 4 mm under the 发文字号's ink.
    let rule = one.rows(mark_bottom + 1.0, 140.0, 1200, Pixels::red);
    let rule_top = rule.first().copied().expect("the red rule");
    let rule_width = one.run_mm(rule_top + 0.1, Pixels::red);
    let number = pages[0]
        .iter()
        .find(|l| l.text.contains("荆发〔2023〕15号"))
        .expect("the 发文字号 on page 1");
    let ink = one.rows(number.top - 1.0, rule_top - 0.5, 3, |p, x, y| {
        let x_mm = x as f64 / PX_PER_MM;
        x_mm >= number.left && x_mm <= number.left + 40.0 && p.dark(x, y)
    });
    let ink_bottom = ink.last().copied().expect("the 发文字号's ink");
    let gap = rule_top - ink_bottom;
    println!(
        "发文字号 ink to {ink_bottom:.2} mm, red rule from {rule_top:.2} mm ({gap:.2} mm under it), {rule_width:.1} mm wide"
    );
    assert!(
        (gap - 4.0).abs() <= 0.7,
        "red rule {gap:.2} mm under the 发文字号"
    );
    assert!(
        rule_width > 155.0 && rule_width < 157.5,
        "red rule {rule_width:.1} mm"
    );

    // 5.2.3: every 3号 line on the grid, on every page. Chromium's text
    // boxes sit at a fixed offset from the glyphs for each face, so lines
    // are compared with the first line of the same box height (same face
    // and size): whole rows apart. Page 2's first row starts at 37 mm.
    let second = Pixels::of_page(pdf, 2, &dir);
    let first_ink = second.rows(30.0, 60.0, 3, Pixels::dark);
    let first_ink = first_ink.first().copied().expect("ink on page 2");
    assert!(
        (first_ink - TOP_MM).abs() <= 1.5,
        "page 2 starts at {first_ink:.2} mm"
    );
    let is_grid_line = |t: &str| {
        !(t.starts_with("关于2023")
            || t.replace(' ', "") == MARK
            || t.starts_with('—')
            || t.starts_with("抄送")
            || t.contains("印发"))
    };
    let mut references: Vec<(f64, f64)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for line in page.iter().filter(|l| is_grid_line(&l.text)) {
            let height = line.bottom - line.top;
            let reference = match references.iter().find(|(h, _)| (h - height).abs() < 0.1) {
                Some(&(_, top)) => top,
                None => {
                    references.push((height, line.top));
                    line.top
                }
            };
            let steps = (line.top - reference) / LINE_PITCH_MM;
            assert!(
                (steps - steps.round()).abs() < 0.03,
                "page {}: off the grid: {line:?}",
                i + 1
            );
        }
        let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let printed: String = page
            .iter()
            .filter(|l| !l.text.starts_with('—') && squeeze(&l.text) != MARK)
            .map(|l| squeeze(&l.text))
            .collect();
        let laid_out: String = expected[i].iter().map(|t| squeeze(t)).collect();
        assert_eq!(
            sorted(&printed),
            sorted(&laid_out),
            "page {}: printed characters vs layout",
            i + 1
        );
    }

    // 7.4.1: the 版记's three rules on the last page, the last at 262 mm.
    let last = Pixels::of_page(pdf, pages.len(), &dir);
    let bands = last.rule_bands(150.0, 270.0);
    println!("版记 rules at {bands:?}");
    assert_eq!(bands.len(), 3, "three rules: {bands:?}");
    let middle = |b: (f64, f64)| (b.0 + b.1) / 2.0;
    assert!(
        (middle(bands[2]) - 262.0).abs() <= 0.5,
        "last rule {bands:?}"
    );
    let row = |r: f64| TOP_MM + r * LINE_PITCH_MM;
    assert!(
        (middle(bands[0]) - row(20.0)).abs() <= 0.5,
        "first rule {bands:?}"
    );
    assert!(
        (middle(bands[1]) - row(21.0)).abs() <= 0.5,
        "thin rule {bands:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The characters of a text in order, to compare pages whose lines
/// pdftotext may read in another order (two texts on one row).
fn sorted(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars
}
