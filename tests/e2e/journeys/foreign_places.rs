//! Text that names somewhere else: an example comes in with “××镇” and is
//! flagged with a fix that puts the organ's town in; the sample's town
//! pasted into a plan is flagged and fixed the same way.

use crate::harness::{
    self, click, eventually, go_to_step, new_report, paste_into, type_into, value_of, Browser,
};
use fantoccini::Client;

/// Clicks the fix labelled `label` under the field box `field`.
async fn fix(c: &Client, field: &str, label: &str) {
    let clicked = harness::js(
        c,
        "const b = Array.from(document.querySelectorAll(`[data-field-box='${arguments[0]}'] .field-finding [data-action='fix']`))
             .find(b => b.textContent === arguments[1]);
         if (b) { b.click(); return true; } return false;",
        vec![field.into(), label.into()],
    )
    .await;
    assert_eq!(
        clicked,
        serde_json::Value::Bool(true),
        "no fix {label} under {field}"
    );
}

async fn messages(c: &Client, field: &str, severity: &str) -> Vec<String> {
    harness::texts_of_all(
        c,
        &format!("[data-field-box='{field}'] .field-finding[data-severity='{severity}'] .finding-message"),
    )
    .await
}

in_chromium_and_firefox!(other_places_are_flagged_and_fixed);
fn other_places_are_flagged_and_fixed(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2025).await;
        type_into(c, "[data-field='meta.organ']", "青山镇人民政府").await;

        go_to_step(c, "measures").await;
        click(
            c,
            "[data-field-box='measures.items'] details.example summary",
        )
        .await;
        click(c, "[data-example-for='measures.items']").await;
        let text = "[data-field='measures.items.0.text']";
        let inserted = value_of(c, text).await;
        assert!(inserted.starts_with("××镇党委、政府"), "{inserted}");
        // Until the checks have caught up with the edit (while typing they
        // wait for an idle moment): the list's earlier findings first.
        let found = eventually("the placeholder flagged", || async {
            let m = messages(c, "measures.items", "error").await;
            m.iter().any(|m| m.contains("“××镇”")).then_some(m)
        })
        .await;
        assert!(
            found.iter().any(|m| m.contains("“××镇”是示例里的占位")),
            "{found:?}"
        );
        assert_eq!(harness::step_state(c, "measures").await, "missing");
        fix(c, "measures.items", "把“××镇”改为“青山镇”").await;
        let fixed = eventually("the town put in", || async {
            let v = value_of(c, text).await;
            v.starts_with("青山镇党委、政府").then_some(v)
        })
        .await;
        assert!(
            fixed.contains("纳入青山镇年度总体规划") && !fixed.contains('×'),
            "{fixed}"
        );
        eventually("the placeholder finding gone", || async {
            messages(c, "measures.items", "error")
                .await
                .is_empty()
                .then_some(())
        })
        .await;

        // The sample's own town pasted into a plan.
        go_to_step(c, "plans").await;
        click(c, "[data-action='add-point'][data-add-for='plans.points']").await;
        paste_into(
            c,
            "[data-field='plans.points.0']",
            "荆家镇将继续推进法治建设，打造法治荆家。",
        )
        .await;
        let found = eventually("the sample's town flagged", || async {
            let m = messages(c, "plans.points", "error").await;
            m.iter().any(|m| m.contains("“荆家镇”")).then_some(m)
        })
        .await;
        assert!(
            found
                .iter()
                .any(|m| m.contains("“荆家镇”是示例报告中的地名")),
            "{found:?}"
        );
        fix(c, "plans.points", "把“荆家镇”改为“青山镇”").await;
        eventually("the plan names 青山镇", || async {
            (value_of(c, "[data-field='plans.points.0']").await
                == "青山镇将继续推进法治建设，打造法治青山。")
                .then_some(())
        })
        .await;
    });
}
