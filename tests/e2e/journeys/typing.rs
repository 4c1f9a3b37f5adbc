//! Typing into a field shows up in the live preview.

use crate::harness::{self, eventually, wait_for, Browser};

in_chromium_and_firefox!(typed_organ_appears_in_the_preview);
fn typed_organ_appears_in_the_preview(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-field='new-year']")
            .await
            .clear()
            .await
            .expect("clear");
        wait_for(c, "[data-field='new-year']")
            .await
            .send_keys("2025")
            .await
            .expect("year");
        wait_for(c, "[data-action='new-report']")
            .await
            .click()
            .await
            .expect("new");
        let organ = wait_for(c, "[data-field='meta.organ']").await;
        organ.send_keys("中共荆家镇委").await.expect("type");
        let preview = eventually("organ in preview", || async {
            let script = "return Array.from(document.querySelectorAll('.sheet .line'))\
                .map(l => l.textContent).join('\\n')";
            let text = c.execute(script, vec![]).await.ok()?.as_str()?.to_string();
            text.contains("中共荆家镇委").then_some(text)
        })
        .await;
        let first = preview.lines().next().unwrap_or("");
        assert_eq!(first.trim(), "中共荆家镇委");
        assert!(preview.contains("关于2025年度法治政府建设工作的报告"));
        eventually("saved status", || async {
            let status = harness::text_of(c, "[data-save-status]").await;
            status.starts_with("已保存").then_some(())
        })
        .await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(app.output("app.png"), png).expect("save screenshot");
    });
}
