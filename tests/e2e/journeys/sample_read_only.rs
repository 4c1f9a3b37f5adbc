//! The sample report opens as a read-only example, labelled 示例 and not
//! among 我的报告; opening it twice makes no copies; 以此为起点新建 makes
//! one editable copy.

use crate::harness::{self, attr_of, click, count, eventually, text_of, wait_for, Browser};
use fantoccini::Client;

async fn rows(c: &Client) -> usize {
    wait_for(c, "section.drafts").await;
    count(c, "li[data-draft]").await
}

in_chromium_and_firefox!(the_sample_is_read_only_and_opening_it_twice_makes_no_copy);
fn the_sample_is_read_only_and_opening_it_twice_makes_no_copy(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        assert_eq!(rows(c).await, 0);

        for _ in 0..2 {
            click(c, "[data-action='open-sample']").await;
            wait_for(c, "[data-example='sample']").await;
            assert_eq!(text_of(c, "[data-badge='example']").await, "示例");
            assert_eq!(
                attr_of(c, "[data-save-status]", "data-save-status")
                    .await
                    .as_deref(),
                Some("example")
            );
            // Read-only: the fields cannot be typed into.
            assert!(attr_of(c, "fieldset.read-only", "disabled").await.is_some());
            let editable = harness::js(
                c,
                "const el = document.querySelector(\"[data-field='meta.organ']\");
                 return el.matches(':enabled');",
                vec![],
            )
            .await;
            assert_eq!(editable, serde_json::Value::Bool(false));
            // Its pages still show.
            eventually("the sample's pages", || async {
                let n = attr_of(c, "[data-page-count]", "data-page-count").await?;
                (n == "5").then_some(())
            })
            .await;
            // Its slip is listed in 核对, without a fix to apply.
            harness::go_to_step(c, "review").await;
            wait_for(c, "li.finding").await;
            assert_eq!(count(c, "li.finding [data-action='fix']").await, 0);
            click(c, "[data-action='close']").await;
            assert_eq!(rows(c).await, 0, "the sample is not among 我的报告");
            let stored = harness::indexed_db(c, "baogao.v1.draft.").await;
            assert!(stored.is_empty(), "nothing saved: {stored:?}");
            let stored = harness::local_storage(c, "baogao.v1.draft.").await;
            assert!(stored.is_empty(), "nothing saved: {stored:?}");
        }

        // 以此为起点新建: one editable copy, in 我的报告.
        harness::copy_of_sample(c).await;
        harness::type_into(c, "[data-field='meta.organ']", "（改）").await;
        harness::wait_saved(c).await;
        click(c, "[data-action='close']").await;
        eventually("one report on the list", || async {
            (rows(c).await == 1).then_some(())
        })
        .await;
        let title = text_of(c, "li[data-draft] [data-action='open']").await;
        assert_eq!(title, "关于2023年度法治政府建设工作的报告");
    });
}
