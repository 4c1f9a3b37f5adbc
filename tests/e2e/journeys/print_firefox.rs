//! Firefox's PDF of the sample has a text layer that reads back: the title,
//! the body and the page numbers come out of `pdftotext` as typed, with no
//! U+FFFD. (Firefox writes a broken character map for the CFF outlines of
//! the Noto CJK collections, the usual stand-ins for 仿宋 and 黑体 on Linux;
//! pages.css puts TrueType stand-ins first in Firefox.)

use crate::harness::{self, eventually, Browser, Setup};
use std::process::Command;

#[test]
fn the_sample_prints_searchable_text_in_firefox() {
    let setup = Setup {
        browser: Browser::Firefox,
        ..Setup::default()
    };
    harness::run_with(setup, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::click(c, "[data-action='open-sample']").await;
        eventually("the sample's five pages", || async {
            let n = harness::attr_of(c, "[data-page-count]", "data-page-count").await?;
            (n == "5").then_some(())
        })
        .await;
        let pdf = harness::print_to_pdf(&app).await;
        let path = app.output("sample-report-searchable.pdf");
        std::fs::write(&path, pdf).expect("save the PDF");
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("run pdftotext");
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let broken = text.chars().filter(|&c| c == '\u{FFFD}').count();
        assert_eq!(broken, 0, "U+FFFD in Firefox's PDF text:\n{text}");
        for wanted in [
            "关于2023年度法治政府建设工作的报告",
            "特此报告。",
            "—1—",
            "—5—",
        ] {
            assert!(
                flat.contains(wanted),
                "{wanted} not in Firefox's PDF text:\n{text}"
            );
        }
    })
}
