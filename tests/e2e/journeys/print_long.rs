//! Printing a long report: the 30,000-character draft (more than 50 pages)
//! is open with only the sheets near the view built and the others
//! placeholders of the same size; printing still prints every page with
//! its lines, and afterwards the placeholders come back.

use super::long_report::open_long_report;
use crate::harness::{self, count, eventually, js, Browser};
use baogao::document::compose;
use baogao::layout::lay_out;
use baogao::template::annual_report;
use std::process::Command;

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

in_chromium_and_firefox!(a_long_report_prints_every_page);
fn a_long_report_prints_every_page(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        let report = open_long_report(&app, "print-long").await;
        let layout = lay_out(&compose(annual_report(), &report.draft));
        let pages = layout.pages.len();
        assert!(pages > 50, "the long report has {pages} pages");

        // Every page has its sheet, most of them placeholders.
        assert_eq!(count(c, ".sheet").await, pages);
        let built = count(c, ".sheet:not(.placeholder)").await;
        assert!(built > 0 && built <= 16, "{built} of {pages} sheets built");
        // The placeholders take a sheet's exact size.
        let sizes = js(
            c,
            "const box = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
             return [box(document.querySelector('.sheet:not(.placeholder)')),
                     box(document.querySelector('.sheet.placeholder'))];",
            vec![],
        )
        .await;
        assert_eq!(sizes[0], sizes[1], "a placeholder is as large as a sheet");
        // The focused field's lines are on a built sheet.
        let field_path = report
            .field
            .trim_start_matches("[data-field='measures.items.")
            .trim_end_matches(".text']")
            .to_string();
        let focused =
            format!(".sheet:not(.placeholder) .line[data-anchor^='measures/items/{field_path}']");
        harness::wait_for(c, &focused).await;
        let started = std::time::Instant::now();
        let pdf_bytes = harness::print_to_pdf(&app).await;
        println!(
            "printing {pages} pages took {} ms",
            started.elapsed().as_millis()
        );
        let pdf = app.output("long-report.pdf");
        std::fs::write(&pdf, pdf_bytes).expect("save the PDF");
        let output = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils)");
        let text = String::from_utf8_lossy(&output.stdout);
        let printed: Vec<String> = text.split('\u{c}').map(squeeze).collect();
        assert!(
            printed.len() >= pages && printed[pages..].iter().all(String::is_empty),
            "{} printed pages for {pages}",
            printed.len()
        );
        // Each printed page has its number and its lines (a line with a
        // run-in heading comes out of pdftotext in two pieces, so at least
        // most lines are found whole, and a placeholder would print none).
        for (index, page) in layout.pages.iter().enumerate() {
            let number = format!("—{}—", index + 1);
            assert!(printed[index].contains(&number), "page {number} printed");
            let lines: Vec<String> = page.lines.iter().map(|l| squeeze(&l.text())).collect();
            let found = lines
                .iter()
                .filter(|l| printed[index].contains(l.as_str()))
                .count();
            assert!(
                found * 4 >= lines.len() * 3 && found > 0,
                "printed page {} has {found} of its {} lines:\n{}",
                index + 1,
                lines.len(),
                printed[index]
            );
        }

        // After printing, the sheets away from the view are placeholders again.
        eventually("the placeholders back after printing", || async {
            (count(c, ".sheet.placeholder").await > 0).then_some(())
        })
        .await;
    });
}
