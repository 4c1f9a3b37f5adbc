//! Every step opens at its top with its first field focused, whatever the
//! scroll position before; 去修改 and the step list's counts open the field
//! with the finding and put the caret there; findings show under their
//! field in their severity's colour, and a step with one is never ticked.

use crate::harness::{
    self, attr_of, click, eventually, focused, go_to_step, js, wait_for, Browser,
};
use fantoccini::Client;

/// Whether the step's heading is wholly inside the form's pane, and the
/// pane's scroll offset.
async fn heading_visible(c: &Client) -> (bool, i64) {
    let v = js(
        c,
        "const pane = document.querySelector('.step-pane');
         const h = pane.querySelector('.step-body h2');
         const p = pane.getBoundingClientRect(), r = h.getBoundingClientRect();
         return [r.top >= p.top && r.bottom <= p.bottom, pane.scrollTop];",
        vec![],
    )
    .await;
    (v[0].as_bool().unwrap_or(false), v[1].as_i64().unwrap_or(-1))
}

async fn focus_becomes(c: &Client, field: &str) {
    eventually(&format!("focus on {field}"), || async {
        (focused(c).await == field).then_some(())
    })
    .await;
}

async fn scroll_pane_to_bottom(c: &Client) {
    js(
        c,
        "const pane = document.querySelector('.step-pane'); pane.scrollTop = pane.scrollHeight;",
        vec![],
    )
    .await;
}

in_chromium_and_firefox!(steps_open_at_their_top_and_findings_lead_to_their_field);
fn steps_open_at_their_top_and_findings_lead_to_their_field(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.set_window_size(1366, 768).await.expect("window size");
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;

        // 下一步 from the bottom of 基本信息: the next step from its top.
        scroll_pane_to_bottom(c).await;
        click(c, "[data-action='next-step']").await;
        wait_for(c, "section.step-body[data-step='measures']").await;
        focus_becomes(c, "measures.heading").await;
        assert_eq!(heading_visible(c).await, (true, 0));

        // Back to 基本信息 by the step list: its top, the organ focused.
        scroll_pane_to_bottom(c).await;
        go_to_step(c, "basic").await;
        focus_becomes(c, "meta.organ").await;
        assert_eq!(heading_visible(c).await, (true, 0));

        // The sample's slip, in 不足和原因: under its field, amber, no tick.
        go_to_step(c, "shortcomings").await;
        let slip = "[data-field-box='shortcomings.intro'] .field-finding[data-severity='warning']";
        wait_for(c, slip).await;
        let colour = js(
            c,
            "return getComputedStyle(document.querySelector(arguments[0] + ' .severity')).backgroundColor;",
            vec![slip.into()],
        )
        .await;
        // Amber dark enough for AA contrast with white text (6.4:1).
        assert_eq!(colour.as_str(), Some("rgb(138, 82, 0)"));
        assert_eq!(harness::step_state(c, "shortcomings").await, "warning");
        let item = harness::text_of(c, "li.step:has([data-step-link='shortcomings'])").await;
        assert!(!item.contains('✓'), "{item}");
        assert!(item.contains("处建议修改"), "{item}");

        // 去修改 in 核对: the field with the finding, caret at its paragraph.
        go_to_step(c, "review").await;
        let go = js(
            c,
            "const li = Array.from(document.querySelectorAll('li.finding'))
                 .find(li => li.textContent.includes(';'));
             if (!li) return false;
             li.querySelector(\"[data-action='go-to-finding']\").click(); return true;",
            vec![],
        )
        .await;
        assert_eq!(go, serde_json::Value::Bool(true));
        wait_for(c, "section.step-body[data-step='shortcomings']").await;
        focus_becomes(c, "shortcomings.intro").await;
        let caret = js(
            c,
            "const el = document.activeElement; const p = document.querySelector('.step-pane').getBoundingClientRect();
             const r = el.getBoundingClientRect();
             return [el.selectionStart, r.top < p.bottom && r.bottom > p.top];",
            vec![],
        )
        .await;
        assert_eq!(caret, serde_json::json!([0, true]));

        // The step list's count from another step: the same field.
        go_to_step(c, "plans").await;
        focus_becomes(c, "plans.heading").await;
        click(c, "[data-count-for='shortcomings']").await;
        wait_for(c, "section.step-body[data-step='shortcomings']").await;
        focus_becomes(c, "shortcomings.intro").await;
        assert!(attr_of(c, "[data-count-for='shortcomings']", "title")
            .await
            .is_some());
    });
}
