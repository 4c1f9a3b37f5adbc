//! Starting from last year's report: pasting its text lands in the wizard
//! with the report rebuilt; files of the wrong kind, broken files and text
//! with no structure get a clear message and leave the drafts untouched.

use crate::harness::{self, choose_file, eventually, paste_into, preview_text, wait_for, Browser};

const SEED: &str = include_str!("../../fixtures/seed-report-2023.txt");

async fn message(c: &fantoccini::Client) -> String {
    eventually("an import message", || async {
        let text = harness::text_of(c, "[data-import-message]").await;
        (!text.is_empty()).then_some(text)
    })
    .await
}

in_chromium_and_firefox!(pasted_report_becomes_a_draft_in_the_wizard);
fn pasted_report_becomes_a_draft_in_the_wizard(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-field='import-text']").await;
        paste_into(c, "[data-field='import-text']", &SEED.replace('\n', "\r\n")).await;
        wait_for(c, "[data-action='import-text']")
            .await
            .click()
            .await
            .expect("import");
        harness::confirm_import(c).await;
        let text = eventually("the imported report on the sheets", || async {
            let text = preview_text(c).await;
            text.contains("特此报告。").then_some(text)
        })
        .await;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "中共荆家镇委");
        assert!(lines.contains(&"县委、县政府："));
        // The sections kept the township's order: duty second.
        let order: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| {
                ["一、", "二、", "三、", "四、"]
                    .iter()
                    .any(|n| l.starts_with(n))
            })
            .collect();
        assert_eq!(order.len(), 4, "{order:?}");
        assert!(order[1].contains("第一责任人"), "{order:?}");
        assert!(order[3].starts_with("四、2024年"), "{order:?}");
        // Every step is filled: no step is marked missing.
        let missing = c
            .find_all(fantoccini::Locator::Css(
                "[data-step-link][data-state='missing']",
            ))
            .await
            .expect("steps");
        assert!(missing.is_empty(), "{} steps marked missing", missing.len());
    });
}

in_chromium_and_firefox!(bad_files_and_text_get_a_message_and_change_nothing);
fn bad_files_and_text_get_a_message_and_change_nothing(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        harness::click(c, "[data-action='close']").await;
        let rows = || async {
            c.find_all(fantoccini::Locator::Css("li[data-draft]"))
                .await
                .map(|r| r.len())
                .unwrap_or(0)
        };
        wait_for(c, "li[data-draft]").await;
        assert_eq!(rows().await, 1);

        let dir = app.output("bad-files");
        std::fs::create_dir_all(&dir).expect("dir");
        let huge = vec![b'a'; 21 * 1024 * 1024];
        let cases: [(&str, &[u8], &str); 5] = [
            ("huge.txt", &huge, "20 MB"),
            ("broken.docx", b"PK\x03\x04 not really a zip", "docx"),
            ("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", ".doc"),
            ("picture.png", b"\x89PNG\r\n", "只支持"),
            ("backup.json", b"{\"format\": \"something else\"}", "备份"),
        ];
        for (name, bytes, expected) in cases {
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("write file");
            choose_file(c, &path).await;
            let text = message(c).await;
            assert!(text.contains(expected), "{name}: {text}");
            // Clear the message for the next case by reloading the list.
            c.refresh().await.expect("reload");
            wait_for(c, "li[data-draft]").await;
            assert_eq!(rows().await, 1, "{name} changed the drafts");
        }

        paste_into(c, "[data-field='import-text']", "   \u{3000}\r\n\t ").await;
        let button = wait_for(c, "[data-action='import-text']").await;
        assert_eq!(
            button.attr("disabled").await.expect("attr").as_deref(),
            Some("true"),
            "importing blank text is not offered"
        );
        assert_eq!(rows().await, 1);
    });
}
