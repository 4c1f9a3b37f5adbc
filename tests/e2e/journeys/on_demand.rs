//! The on-demand tools (DOCX, the importer, Markdown, the sample) live in a
//! second wasm run as a web worker: the first page load does not fetch it,
//! and the first use does. Downloading the sample as .docx gives a real
//! Word file, and opening that file imports it back through the worker.

use crate::harness::{self, capture_downloads, eventually, first_download, wait_for, Browser};
use baogao::docx;

const TITLE: &str = "关于2023年度法治政府建设工作的报告";

/// The names of the files the page has fetched so far.
async fn fetched(c: &fantoccini::Client) -> Vec<String> {
    let script = "return performance.getEntriesByType('resource').map(e => e.name)";
    let names = c.execute(script, vec![]).await.expect("resources");
    names
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

in_chromium_and_firefox!(docx_export_and_import_run_in_the_worker_fetched_on_first_use);
fn docx_export_and_import_run_in_the_worker_fetched_on_first_use(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-action='open-sample']").await;
        let before = fetched(c).await;
        assert!(
            before.iter().any(|n| n.contains("baogao-")),
            "the app's own files: {before:?}"
        );
        assert!(
            !before.iter().any(|n| n.contains("tools")),
            "the tools worker was fetched before it was needed: {before:?}"
        );

        // The sample itself comes from the worker.
        wait_for(c, "[data-action='open-sample']")
            .await
            .click()
            .await
            .expect("open the sample");
        wait_for(c, "[data-step-link='review']")
            .await
            .click()
            .await
            .expect("go to review");
        capture_downloads(c).await;
        wait_for(c, "[data-action='download-docx']")
            .await
            .click()
            .await
            .expect("download docx");
        let bytes = first_download(c).await;
        assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip container");
        let text = docx::read_text(&bytes).expect("a readable .docx");
        assert!(text.contains(TITLE), "{text}");
        assert!(text.contains("特此报告。"), "{text}");
        let expected = format!("已下载“{TITLE}.docx”。");
        eventually("the download message", || async {
            let message = harness::text_of(c, ".review .message").await;
            (message == expected).then_some(())
        })
        .await;

        // Importing that file goes through the worker again.
        let dir = app.output("on-demand");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("sample.docx");
        std::fs::write(&path, &bytes).expect("write docx");
        wait_for(c, "[data-action='close']")
            .await
            .click()
            .await
            .expect("back to the list");
        harness::choose_file(c, &path).await;
        harness::confirm_import(c).await;
        // The import opens the new draft in the wizard; its sheets show the report.
        let sheets = eventually("the imported report on the sheets", || async {
            let root = c
                .find(fantoccini::Locator::Css("[data-page-count]"))
                .await
                .ok()?;
            let text = root.text().await.ok()?;
            (text.contains(TITLE) && text.contains("特此报告。")).then_some(text)
        })
        .await;
        assert!(sheets.contains("县委、县政府："), "{sheets}");
    });
}

in_chromium_and_firefox!(a_worker_that_cannot_load_gives_a_message_and_the_next_try_works);
fn a_worker_that_cannot_load_gives_a_message_and_the_next_try_works(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-action='open-sample']").await;
        // The first worker the page starts points at a file that is not there.
        let script = "const Real = Worker; let first = true;\
            window.Worker = function (url) {\
                const w = new Real(first ? './no-such-worker.js' : url);\
                first = false; return w; };";
        c.execute(script, vec![]).await.expect("break the worker");
        wait_for(c, "[data-action='open-sample']")
            .await
            .click()
            .await
            .expect("open the sample");
        let message = eventually("the failure message", || async {
            let text = harness::text_of(c, ".start .message").await;
            (!text.is_empty()).then_some(text)
        })
        .await;
        assert_eq!(message, "导出/导入组件加载失败，请检查网络后重试。");
        assert!(c
            .find_all(fantoccini::Locator::Css("li[data-draft]"))
            .await
            .expect("rows")
            .is_empty());

        // The next request starts a fresh worker, which loads.
        wait_for(c, "[data-action='open-sample']")
            .await
            .click()
            .await
            .expect("open the sample again");
        eventually("the sample in the wizard", || async {
            let root = c
                .find(fantoccini::Locator::Css("[data-page-count]"))
                .await
                .ok()?;
            root.text().await.ok()?.contains(TITLE).then_some(())
        })
        .await;
    });
}
