//! Deleting a draft asks first (cancel keeps it), removes the row, and the
//! toast's 撤销 brings it back with its title.

use crate::harness::{self, click, count, eventually, new_report, texts_of_all, wait_for, Browser};
use fantoccini::Client;

async fn titles(c: &Client) -> Vec<String> {
    let mut t = texts_of_all(c, "li[data-draft] [data-action='open']").await;
    t.sort();
    t
}

async fn rows_become(c: &Client, n: usize) {
    eventually(&format!("{n} rows on the list"), || async {
        (count(c, "li[data-draft]").await == n).then_some(())
    })
    .await;
}

in_chromium_and_firefox!(delete_and_undo);
fn delete_and_undo(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        for year in [2023, 2024] {
            new_report(c, year).await;
            click(c, "[data-action='close']").await;
            wait_for(c, "[data-field='new-year']").await;
        }
        rows_become(c, 2).await;
        let before = titles(c).await;
        assert_eq!(
            before,
            [
                "关于2023年度法治政府建设工作的报告",
                "关于2024年度法治政府建设工作的报告"
            ]
        );

        // Cancel keeps the row.
        let first = "li[data-draft]:first-child";
        click(c, &format!("{first} [data-action='delete']")).await;
        wait_for(c, &format!("{first} [data-action='confirm-delete']")).await;
        click(c, &format!("{first} [data-action='cancel-delete']")).await;
        wait_for(c, &format!("{first} [data-action='delete']")).await;
        assert_eq!(count(c, "[data-action='confirm-delete']").await, 0);
        assert_eq!(count(c, "li[data-draft]").await, 2);
        assert_eq!(count(c, "[data-toast='deleted']").await, 0);

        // Confirm removes it and offers undo.
        let doomed = texts_of_all(c, &format!("{first} [data-action='open']")).await;
        click(c, &format!("{first} [data-action='delete']")).await;
        click(c, &format!("{first} [data-action='confirm-delete']")).await;
        rows_become(c, 1).await;
        let toast = harness::text_of(c, "[data-toast='deleted']").await;
        assert!(toast.contains(&doomed[0]), "toast names the draft: {toast}");
        // The row took its focus with it: the focus is on 撤销.
        assert_eq!(harness::focused(c).await, "undo-delete");
        let left = titles(c).await;
        assert_eq!(left.len(), 1);
        assert!(!left.contains(&doomed[0]));

        click(c, "[data-action='undo-delete']").await;
        rows_become(c, 2).await;
        assert_eq!(titles(c).await, before);
        assert_eq!(count(c, "[data-toast='deleted']").await, 0);

        // Still there after a reload: the undo restored the stored draft.
        c.refresh().await.expect("reload");
        wait_for(c, "li[data-draft]").await;
        rows_become(c, 2).await;
        assert_eq!(titles(c).await, before);
    });
}
