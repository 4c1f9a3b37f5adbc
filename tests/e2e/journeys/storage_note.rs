//! The start page says where drafts live, whether the browser promised to
//! keep them (asked once the first draft exists), and reminds the writer to
//! export a backup until one is exported.

use crate::harness::{
    self, attr_of, click, count, eventually, new_report, text_of, wait_for, Browser,
};

in_chromium_and_firefox!(the_start_page_tells_where_drafts_live_and_reminds_of_backups);
fn the_start_page_tells_where_drafts_live_and_reminds_of_backups(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        let note = text_of(c, ".storage-note").await;
        assert!(
            note.contains("草稿只保存在本浏览器中（IndexedDB）"),
            "{note}"
        );
        assert_eq!(
            count(c, "[data-reminder='backup']").await,
            0,
            "no drafts yet"
        );

        new_report(c, 2024).await;
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        // Persistent storage was asked for; the page says what the browser
        // answered.
        let answer = eventually("the browser's answer on persistence", || async {
            attr_of(c, ".storage-note", "data-persisted")
                .await
                .filter(|a| a != "unknown")
        })
        .await;
        let note = text_of(c, ".storage-note").await;
        match answer.as_str() {
            "granted" => assert!(note.contains("浏览器已同意持久保存"), "{note}"),
            "denied" => assert!(note.contains("浏览器没有同意持久保存"), "{note}"),
            other => panic!("data-persisted={other}"),
        }
        let reminder = text_of(c, "[data-reminder='backup']").await;
        assert!(reminder.contains("还没有导出过备份"), "{reminder}");

        click(c, "[data-action='backup-all']").await;
        eventually("the reminder to go", || async {
            (count(c, "[data-reminder='backup']").await == 0).then_some(())
        })
        .await;
        c.refresh().await.expect("reload");
        wait_for(c, "li[data-draft]").await;
        assert_eq!(count(c, "[data-reminder='backup']").await, 0);
    });
}
