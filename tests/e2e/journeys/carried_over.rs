//! Text that is not this year's: a next-year copy counts its carried-over
//! paragraphs in the step list and 核对, the count drops as paragraphs are
//! edited, the preamble's old year is flagged under its field with a fix,
//! the preview can mark what is left, and printing asks once.

use crate::harness::{
    self, attr_of, click, count, eventually, go_to_step, js, text_of, type_into, value_of,
    wait_for, Browser,
};
use fantoccini::Client;

/// The carried-over count the step list shows beside step `id` (0 when none).
async fn carried(c: &Client, id: &str) -> usize {
    attr_of(
        c,
        &format!("li.step:has([data-step-link='{id}']) [data-carried]"),
        "data-carried",
    )
    .await
    .and_then(|n| n.parse().ok())
    .unwrap_or(0)
}

async fn carried_becomes(c: &Client, id: &str, n: usize) {
    eventually(&format!("{n} carried-over paragraphs in {id}"), || async {
        (carried(c, id).await == n).then_some(())
    })
    .await;
}

/// The computed background colour of the first line with `anchor`.
async fn background(c: &Client, anchor: &str) -> String {
    js(
        c,
        "const el = document.querySelector(`.preview .line[data-anchor='${arguments[0]}']`);
         return el ? getComputedStyle(el).backgroundColor : 'none';",
        vec![anchor.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

in_chromium_and_firefox!(carried_over_text_is_counted_until_edited_and_printing_asks_once);
fn carried_over_text_is_counted_until_edited_and_printing_asks_once(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        click(c, "[data-action='close']").await;
        click(c, "li[data-draft] [data-action='next-year']").await;
        wait_for(c, "section.step-body[data-step='basic']").await;

        // Every body paragraph is last year's: counted per step and in all.
        carried_becomes(c, "measures", 8).await;
        assert_eq!(carried(c, "basic").await, 1);
        assert_eq!(carried(c, "duty").await, 6);
        assert_eq!(carried(c, "review").await, 20);
        assert_eq!(harness::step_state(c, "measures").await, "warning");

        // The preamble still says 2023: flagged under the field, with a fix.
        let finding = "[data-field-box='meta.preamble'] .field-finding[data-severity='warning']";
        let messages = harness::texts_of_all(c, &format!("{finding} .finding-message")).await;
        assert!(
            messages.iter().any(|m| m.contains("却写着“2023年”")),
            "{messages:?}"
        );
        let clicked = js(
            c,
            "const b = Array.from(document.querySelectorAll(arguments[0] + \" [data-action='fix']\"))
                 .find(b => b.textContent === '改为2024年');
             if (b) { b.click(); return true; } return false;",
            vec![finding.into()],
        )
        .await;
        assert_eq!(clicked, serde_json::Value::Bool(true));
        let preamble = eventually("the preamble's years fixed", || async {
            let v = value_of(c, "[data-field='meta.preamble']").await;
            v.starts_with("2024年，荆家镇").then_some(v)
        })
        .await;
        assert!(
            preamble.contains("现将2024年度法治政府建设情况报告如下"),
            "{preamble}"
        );
        // The fixed paragraph is now this year's.
        carried_becomes(c, "basic", 0).await;

        // Editing a paragraph takes it off the count; the rest stay.
        go_to_step(c, "measures").await;
        type_into(
            c,
            "[data-field='measures.items.0.text']",
            "全年召开专题会议4次。",
        )
        .await;
        carried_becomes(c, "measures", 7).await;
        assert_eq!(carried(c, "duty").await, 6);
        // A step's count opens its first carried-over paragraph.
        click(c, "li.step:has([data-step-link='duty']) [data-carried]").await;
        wait_for(c, "section.step-body[data-step='duty']").await;
        eventually("the first carried-over heading focused", || async {
            (harness::focused(c).await == "duty.items.0.heading").then_some(())
        })
        .await;

        go_to_step(c, "review").await;
        let summary = text_of(c, "[data-carried-summary]").await;
        assert!(summary.contains("18段沿用去年内容，尚未修改"), "{summary}");

        // The preview marks what is still carried over, not what was edited.
        click(c, "#show-carried").await;
        eventually("the carried-over lines marked", || async {
            let bg = background(c, "duty/items/0").await;
            (bg != "rgba(0, 0, 0, 0)" && bg != "none").then_some(())
        })
        .await;
        assert_eq!(background(c, "-/preamble/0").await, "rgba(0, 0, 0, 0)");

        // Printing asks once whether to go on.
        js(
            c,
            "window.__prints = 0; window.print = () => { window.__prints += 1; };",
            vec![],
        )
        .await;
        let prints = || async { js(c, "return window.__prints;", vec![]).await.as_u64() };
        click(c, ".review [data-action='print']").await;
        let question = text_of(c, "[data-confirm='print']").await;
        assert!(
            question.contains("18段沿用去年内容，尚未修改。仍要打印吗？"),
            "{question}"
        );
        assert_eq!(prints().await, Some(0));
        assert_eq!(
            count(c, ".review [data-confirm='print']").await,
            1,
            "beside the button clicked"
        );
        assert_eq!(count(c, "[data-confirm='print']").await, 1);
        click(c, ".review [data-action='print-anyway']").await;
        assert_eq!(prints().await, Some(1));
        click(c, ".toolbar [data-action='print']").await;
        assert_eq!(prints().await, Some(2));
        assert_eq!(count(c, "[data-confirm='print']").await, 0);
    });
}
