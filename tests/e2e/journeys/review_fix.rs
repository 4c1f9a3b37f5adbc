//! The review step on a copy of the sample report: the one slip the sample
//! carries ("不够;二是", a half-width semicolon) is listed with a fix; the
//! fix corrects the printed text, clears the finding, and undo brings it
//! back. (The copy's text is the example's, which 核对 also counts.)
//! Screenshots of a section step and the review step are left in
//! `tests/output/` for a person to look at.

use crate::harness::{self, click, count, eventually, go_to_step, preview_text, wait_for, Browser};

in_chromium_and_firefox!(review_lists_the_sample_slip_and_fixes_it);
fn review_lists_the_sample_slip_and_fixes_it(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        go_to_step(c, "measures").await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(app.output("step-measures.png"), png).expect("save");

        go_to_step(c, "review").await;
        wait_for(c, "[data-findings]").await;
        let slip = "li.finding[data-finding='warning']:has([data-action='fix'])";
        assert_eq!(count(c, slip).await, 1);
        let finding = harness::text_of(c, &format!("{slip} .finding-message")).await;
        assert!(finding.contains(';'), "{finding}");
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(app.output("step-review.png"), png).expect("save");
        assert!(preview_text(c).await.contains("不够;"));

        click(c, &format!("{slip} [data-action='fix']")).await;
        eventually("the finding to go", || async {
            (count(c, slip).await == 0).then_some(())
        })
        .await;
        let text = preview_text(c).await;
        assert!(text.contains("不够；") && !text.contains("不够;"), "{text}");

        click(c, "[data-action='undo']").await;
        eventually("the finding to come back", || async {
            (count(c, slip).await == 1).then_some(())
        })
        .await;
        assert!(preview_text(c).await.contains("不够;"));
    });
}
