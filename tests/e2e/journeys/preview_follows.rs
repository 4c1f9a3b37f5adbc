//! The preview follows the writer: typing past a page break keeps the
//! caret's line in view and marks the block being edited; a click on a
//! block in the preview opens its step with the caret in that field at
//! that paragraph.

use crate::harness::{
    self, attr_of, eventually, focused, go_to_step, js, paste_into, type_into, Browser,
};
use fantoccini::{Client, Locator};

/// The pages of the first and last lines of the block `anchor`, and
/// whether the last lies wholly inside the preview's visible area.
async fn last_line(c: &Client, anchor: &str) -> (u64, u64, bool) {
    let v = js(
        c,
        "const lines = document.querySelectorAll(`.preview .line[data-anchor='${arguments[0]}']`);
         if (!lines.length) return [0, 0, false];
         const page = l => Number(l.closest('.sheet').dataset.page);
         const line = lines[lines.length - 1];
         const view = document.querySelector('.preview .sheets').getBoundingClientRect();
         const r = line.getBoundingClientRect();
         return [page(lines[0]), page(line), r.top >= view.top && r.bottom <= view.bottom];",
        vec![anchor.into()],
    )
    .await;
    (
        v[0].as_u64().unwrap_or(0),
        v[1].as_u64().unwrap_or(0),
        v[2].as_bool().unwrap_or(false),
    )
}

/// Clicks the first preview line of `anchor`, scrolled into view first.
async fn click_line(c: &Client, anchor: &str) {
    let css = format!(".preview .line[data-anchor='{anchor}']");
    js(
        c,
        "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
        vec![css.clone().into()],
    )
    .await;
    c.find(Locator::Css(&css))
        .await
        .expect("the line")
        .click()
        .await
        .expect("click the line");
}

in_chromium_and_firefox!(the_preview_follows_the_caret_and_opens_clicked_blocks);
fn the_preview_follows_the_caret_and_opens_clicked_blocks(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.set_window_size(1366, 768).await.expect("window size");
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        go_to_step(c, "measures").await;

        // A paragraph long enough to run onto the next pages, then typing
        // at its end.
        let field = "[data-field='measures.items.3.text']";
        let long = "开展法治宣传进村入户活动，发放宣传资料，组织以案释法讲座。".repeat(40);
        paste_into(c, field, &long).await;
        type_into(c, field, "全年共开展活动12场。").await;
        let anchor = "measures/items/3.0";
        let (first, last) = eventually("the caret's line in view", || async {
            let (first, last, visible) = last_line(c, anchor).await;
            (visible && last > first && first > 0).then_some((first, last))
        })
        .await;
        assert!(
            last > first,
            "the paragraph runs from page {first} to {last}"
        );
        // The block being edited is marked.
        assert_eq!(
            attr_of(c, ".preview", "data-editing").await.as_deref(),
            Some(anchor)
        );
        let marked = js(
            c,
            "return getComputedStyle(document.querySelector(`.preview .line[data-anchor='measures/items/3.0']`)).backgroundColor;",
            vec![],
        )
        .await;
        assert_ne!(marked.as_str(), Some("rgba(0, 0, 0, 0)"));

        // A click on a plan in the preview: its step, the caret in it.
        click_line(c, "plans/points/1.0").await;
        eventually("the plans step", || async {
            (harness::current_step(c).await == "plans").then_some(())
        })
        .await;
        eventually("the second plan focused", || async {
            (focused(c).await == "plans.points.1").then_some(())
        })
        .await;
        let caret = js(c, "return document.activeElement.selectionStart;", vec![]).await;
        assert_eq!(caret.as_u64(), Some(0));

        // A click on a run-in heading of another step: that heading's input.
        click_line(c, "duty/items/1").await;
        eventually("the duty heading focused", || async {
            (focused(c).await == "duty.items.1.heading").then_some(())
        })
        .await;
    });
}
