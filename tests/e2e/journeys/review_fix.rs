//! The review step on the sample report: the one slip the sample carries
//! ("不够;二是", a half-width semicolon) is listed with a fix; the fix
//! corrects the printed text, clears the finding, and undo brings it back.
//! Screenshots of a section step and the review step are left in
//! `tests/output/` for a person to look at.

use crate::harness::{self, click, count, eventually, go_to_step, preview_text, wait_for};

#[test]
fn review_lists_the_sample_slip_and_fixes_it() {
    harness::run(|app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        click(c, "[data-action='open-sample']").await;
        go_to_step(c, "measures").await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(harness::output_dir().join("step-measures.png"), png).expect("save");

        go_to_step(c, "review").await;
        wait_for(c, "[data-findings]").await;
        assert_eq!(count(c, "li.finding").await, 1);
        let finding = harness::text_of(c, "li.finding .finding-message").await;
        assert!(finding.contains(';'), "{finding}");
        assert_eq!(count(c, "li.finding [data-action='fix']").await, 1);
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(harness::output_dir().join("step-review.png"), png).expect("save");
        assert!(preview_text(c).await.contains("不够;"));

        click(c, "li.finding [data-action='fix']").await;
        eventually("the finding to go", || async {
            (count(c, "li.finding").await == 0).then_some(())
        })
        .await;
        let text = preview_text(c).await;
        assert!(text.contains("不够；") && !text.contains("不够;"), "{text}");

        click(c, "[data-action='undo']").await;
        eventually("the finding to come back", || async {
            (count(c, "li.finding").await == 1).then_some(())
        })
        .await;
        assert!(preview_text(c).await.contains("不够;"));
    });
}
