//! Moving between steps by the step list and by 上一步/下一步 loses nothing,
//! and each step's mark says whether its required content is written.

use crate::harness::{
    self, click, click_last, current_step, eventually, go_to_step, new_report, step_state,
    type_into, value_of, wait_for, Browser,
};
use fantoccini::Client;

const ORGAN: &str = "中共荆家镇委";
const PREAMBLE: &str = "现将2024年度法治政府建设情况报告如下：";
const SIGNATURE: &str = "中共荆家镇委";
const DATE: &str = "2024年12月18日";
const HEADING: &str = "强化领导，落实工作责任。";

async fn state_becomes(c: &Client, step: &str, state: &str) {
    eventually(&format!("step {step} to be {state}"), || async {
        (step_state(c, step).await == state).then_some(())
    })
    .await;
}

async fn basic_is_intact(c: &Client) {
    assert_eq!(value_of(c, "[data-field='meta.organ']").await, ORGAN);
    assert_eq!(value_of(c, "[data-field='meta.preamble']").await, PREAMBLE);
    assert_eq!(
        value_of(c, "[data-field='meta.signature']").await,
        SIGNATURE
    );
    assert_eq!(value_of(c, "[data-field='meta.date']").await, DATE);
}

in_chromium_and_firefox!(navigation_keeps_text);
fn navigation_keeps_text(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2024).await;

        // A new report: everything required is still missing; 其他情况 is off.
        for step in ["basic", "measures", "shortcomings", "duty", "plans"] {
            assert_eq!(step_state(c, step).await, "missing", "step {step}");
        }
        assert_eq!(step_state(c, "other").await, "off");
        assert_eq!(
            harness::attrs_of_all(c, "button[data-step-link]", "data-step-link").await,
            [
                "basic",
                "measures",
                "shortcomings",
                "duty",
                "plans",
                "other",
                "review"
            ]
        );

        type_into(c, "[data-field='meta.organ']", ORGAN).await;
        type_into(c, "[data-field='meta.preamble']", PREAMBLE).await;
        type_into(c, "[data-field='meta.signature']", SIGNATURE).await;
        assert_eq!(
            step_state(c, "basic").await,
            "missing",
            "the date is still missing"
        );
        type_into(c, "[data-field='meta.date']", DATE).await;
        state_becomes(c, "basic", "done").await;

        // Away by the step list, then by 下一步, back by 上一步.
        go_to_step(c, "measures").await;
        click_last(
            c,
            "[data-action='add-subsection'][data-add-for='measures.items']",
        )
        .await;
        type_into(c, "[data-field='measures.items.0.heading']", HEADING).await;
        state_becomes(c, "measures", "done").await;
        click(c, "[data-action='next-step']").await;
        wait_for(c, "section.step-body[data-step='shortcomings']").await;
        click(c, "[data-action='next-step']").await;
        wait_for(c, "section.step-body[data-step='duty']").await;
        click(c, "[data-action='previous-step']").await;
        wait_for(c, "section.step-body[data-step='shortcomings']").await;
        click(c, "[data-action='previous-step']").await;
        wait_for(c, "section.step-body[data-step='measures']").await;
        assert_eq!(
            value_of(c, "[data-field='measures.items.0.heading']").await,
            HEADING
        );
        click(c, "[data-action='previous-step']").await;
        wait_for(c, "section.step-body[data-step='basic']").await;
        assert_eq!(current_step(c).await, "basic");
        assert_eq!(harness::count(c, "[data-action='previous-step']").await, 0);
        basic_is_intact(c).await;

        // To the last step and back by the step list.
        go_to_step(c, "review").await;
        assert_eq!(harness::count(c, "[data-action='next-step']").await, 0);
        go_to_step(c, "basic").await;
        basic_is_intact(c).await;
        assert_eq!(step_state(c, "basic").await, "done");
        assert_eq!(step_state(c, "measures").await, "done");
        assert_eq!(step_state(c, "shortcomings").await, "missing");

        // Emptying a required field marks the step missing again.
        let backspace = char::from(fantoccini::key::Key::Backspace);
        let select_all = harness::select_all();
        type_into(
            c,
            "[data-field='meta.organ']",
            &format!("{select_all}{backspace}"),
        )
        .await;
        assert_eq!(value_of(c, "[data-field='meta.organ']").await, "");
        state_becomes(c, "basic", "missing").await;
    });
}
