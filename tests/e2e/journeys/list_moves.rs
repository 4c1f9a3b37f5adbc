//! Lists: after 上移 the moved item stays under the pointer (the form
//! scrolls by as much as the item moved), its button keeps the focus and
//! it is highlighted; a second click on the same spot moves it again
//! instead of adding an item. ＋添加 puts the caret in the new item's
//! heading, and the new item shows its number and “（未填写，不打印）”.

use crate::harness::{
    self, click_last, eventually, focused, go_to_step, js, new_report, paste_into, text_of,
    type_into, Browser,
};
use fantoccini::Client;

const ADD: &str = "[data-action='add-subsection'][data-add-for='measures.items']";

/// The screen position of item `i`'s 上移 button, and the pane's scroll.
async fn up_button(c: &Client, i: usize) -> (f64, f64, i64) {
    let v = js(
        c,
        "const b = document.querySelector(`[data-item='measures.items.${arguments[0]}'] > .item-tools [data-action='move-up']`);
         const r = b.getBoundingClientRect();
         return [r.left + r.width / 2, r.top + r.height / 2, document.querySelector('.step-pane').scrollTop];",
        vec![i.into()],
    )
    .await;
    (
        v[0].as_f64().unwrap_or(0.0),
        v[1].as_f64().unwrap_or(0.0),
        v[2].as_i64().unwrap_or(0),
    )
}

/// What is at screen point (x, y): the item it belongs to and the action.
async fn at_point(c: &Client, x: f64, y: f64) -> (String, String) {
    let v = js(
        c,
        "const el = document.elementFromPoint(arguments[0], arguments[1]);
         const item = el && el.closest('[data-item]');
         return [item ? item.dataset.item : '', el ? (el.getAttribute('data-action') || '') : ''];",
        vec![x.into(), y.into()],
    )
    .await;
    (
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_str().unwrap_or_default().to_string(),
    )
}

async fn click_at(c: &Client, x: f64, y: f64) {
    js(
        c,
        "const el = document.elementFromPoint(arguments[0], arguments[1]);
         el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: arguments[0], clientY: arguments[1]}));",
        vec![x.into(), y.into()],
    )
    .await;
}

in_chromium_and_firefox!(moved_items_stay_under_the_pointer_and_new_items_take_the_caret);
fn moved_items_stay_under_the_pointer_and_new_items_take_the_caret(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.set_window_size(1366, 768).await.expect("window size");
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2025).await;
        go_to_step(c, "measures").await;

        // ＋添加: the caret in the new heading; the number shows at once.
        let long = "组织开展法治培训，覆盖全体机关干部和村居法律明白人。".repeat(12);
        for (i, heading) in ["强化领导。", "加强培训。", "严格执法。", "化解纠纷。"]
            .iter()
            .enumerate()
        {
            click_last(c, ADD).await;
            let field = format!("measures.items.{i}.heading");
            eventually("the new heading focused", || async {
                (focused(c).await == field).then_some(())
            })
            .await;
            let number = text_of(c, &format!("[data-number='measures.items.{i}']")).await;
            assert_eq!(number, ["（一）", "（二）", "（三）", "（四）"][i]);
            assert_eq!(
                text_of(c, &format!("[data-blank='measures.items.{i}']")).await,
                "（未填写，不打印）"
            );
            type_into(c, &format!("[data-field='{field}']"), heading).await;
            let text: String = long.chars().take(long.chars().count() / (i + 1)).collect();
            paste_into(c, &format!("[data-field='measures.items.{i}.text']"), &text).await;
        }

        // 上移 on the last item, its button in the middle of the pane.
        js(
            c,
            "document.querySelector(\"[data-item='measures.items.3'] > .item-tools [data-action='move-up']\").scrollIntoView({block: 'center'});",
            vec![],
        )
        .await;
        let (x, y, scroll) = up_button(c, 3).await;
        click_at(c, x, y).await;
        eventually("the item moved up", || async {
            (harness::value_of(c, "[data-field='measures.items.2.heading']").await == "化解纠纷。")
                .then_some(())
        })
        .await;
        let (nx, ny, new_scroll) = eventually("the form to settle", || async {
            let at = up_button(c, 2).await;
            (at.2 != scroll).then_some(at)
        })
        .await;
        assert!(
            (nx - x).abs() < 1.0 && (ny - y).abs() < 1.5,
            "({x},{y}) → ({nx},{ny})"
        );
        assert!(
            new_scroll < scroll,
            "the pane scrolled up by the item's move"
        );
        assert_eq!(
            at_point(c, x, y).await,
            ("measures.items.2".to_string(), "move-up".to_string())
        );
        assert_eq!(focused(c).await, "move-up");
        let highlighted = js(
            c,
            "return document.querySelector(\"[data-item='measures.items.2']\").classList.contains('moved');",
            vec![],
        )
        .await;
        assert_eq!(highlighted, serde_json::Value::Bool(true));

        // A second click on the same spot moves the same item again.
        click_at(c, x, y).await;
        eventually("the item moved up again", || async {
            (harness::value_of(c, "[data-field='measures.items.1.heading']").await == "化解纠纷。")
                .then_some(())
        })
        .await;
        assert_eq!(harness::count(c, "[data-item^='measures.items.']").await, 4);
        let (nx, _, _) = eventually("the form to settle again", || async {
            let at = up_button(c, 1).await;
            ((at.1 - y).abs() < 1.5).then_some(at)
        })
        .await;
        assert!((nx - x).abs() < 1.0, "{nx} vs {x}");
    });
}
