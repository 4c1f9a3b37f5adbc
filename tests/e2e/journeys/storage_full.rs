//! A full storage: IndexedDB refuses the draft's writes with
//! `QuotaExceededError`; the writer is told, offered a backup at once, and
//! the text stays; once writes are accepted again the draft is saved
//! without another keystroke, and is there after a reload.
//!
//! The refusal is made in the page, by an `IDBObjectStore.put` that throws
//! the browser's quota error: Chromium accepts DevTools'
//! `Storage.overrideQuotaForOrigin` (it reports the override active with a
//! quota of 0) but still commits IndexedDB writes under it.

use crate::harness::{
    self, count, js, new_report, paste_into, text_of, type_into, value_of, wait_for, wait_saved,
    wait_status, Browser,
};

in_chromium_and_firefox!(storage_full_is_told_the_text_kept_and_saved_once_space_is_freed);
fn storage_full_is_told_the_text_kept_and_saved_once_space_is_freed(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2024).await;
        type_into(c, "[data-field='meta.organ']", "中共荆家镇委").await;
        wait_saved(c).await;
        js(
            c,
            "window.__put = IDBObjectStore.prototype.put;
             IDBObjectStore.prototype.put = function () {
                 throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
             };",
            vec![],
        )
        .await;

        let long: String = "依法行政，建设法治政府。".repeat(2_000);
        paste_into(c, "[data-field='meta.preamble']", &long).await;
        wait_status(c, "failed").await;
        let status = text_of(c, "[data-save-status]").await;
        assert!(status.contains("存储空间已满"), "{status}");
        assert_eq!(count(c, "[data-action='backup-now']").await, 1);
        assert!(text_of(c, "[data-action='backup-now']")
            .await
            .contains("导出本草稿备份"));
        assert_eq!(value_of(c, "[data-field='meta.preamble']").await, long);

        // Space again: the retry saves it, no keystroke needed.
        js(c, "IDBObjectStore.prototype.put = window.__put;", vec![]).await;
        wait_status(c, "saved").await;
        assert_eq!(count(c, "[data-action='backup-now']").await, 0);
        c.refresh().await.expect("reload");
        wait_for(c, "[data-field='meta.preamble']").await;
        assert_eq!(value_of(c, "[data-field='meta.preamble']").await, long);
    });
}
