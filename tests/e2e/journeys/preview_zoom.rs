//! Zoom: at 1366 × 768 the preview fits the sheet to its width by default,
//! beside the fixed steps; the page buttons turn a page at a time; nothing
//! covers the sheet's first line.

use crate::harness::{self, attr_of, click, eventually, js, Browser};
use fantoccini::Client;

/// The first sheet's left and right edges, the preview body's, the top of
/// the top sheet, and whether the element at the first line's centre is
/// that line.
async fn geometry(c: &Client) -> serde_json::Value {
    js(
        c,
        "const body = document.querySelector('.preview .sheets').getBoundingClientRect();
         const sheets = Array.from(document.querySelectorAll('.preview .sheet'));
         const first = sheets[0].getBoundingClientRect();
         const tops = sheets.map(s => Math.round(s.getBoundingClientRect().top - body.top));
         const line = sheets[0].querySelector('.line');
         const r = line.getBoundingClientRect();
         const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
         return {left: first.left, right: first.right, bodyLeft: body.left, bodyRight: body.right,
                 tops: tops, lineVisible: !!hit && line.contains(hit)};",
        vec![],
    )
    .await
}

in_chromium_and_firefox!(the_preview_fits_the_width_and_turns_pages);
fn the_preview_fits_the_width_and_turns_pages(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.set_window_size(1366, 768).await.expect("window size");
        c.goto(&app.url).await.expect("open app");
        click(c, "[data-action='open-sample']").await;
        eventually("the sample's pages", || async {
            (attr_of(c, "[data-page-count]", "data-page-count").await? == "5").then_some(())
        })
        .await;
        assert_eq!(
            attr_of(c, "[data-zoom-mode]", "data-zoom-mode")
                .await
                .as_deref(),
            Some("fit")
        );
        let g = geometry(c).await;
        let f = |k: &str| g[k].as_f64().unwrap_or(f64::NAN);
        assert!(
            f("left") >= f("bodyLeft") && f("right") <= f("bodyRight"),
            "{g}"
        );
        // Fit means the sheet takes most of the width, not a quarter of it.
        assert!(
            (f("right") - f("left")) > 0.8 * (f("bodyRight") - f("bodyLeft")),
            "{g}"
        );
        assert_eq!(g["lineVisible"], serde_json::Value::Bool(true), "{g}");

        // Page down twice, then up: the top sheet follows.
        let top_sheet = || async {
            let g = geometry(c).await;
            let tops: Vec<i64> = serde_json::from_value(g["tops"].clone()).unwrap_or_default();
            tops.iter().rposition(|&t| t <= 12).unwrap_or(0)
        };
        assert_eq!(top_sheet().await, 0);
        click(c, "[data-action='page-down']").await;
        eventually("page 2 at the top", || async {
            (top_sheet().await == 1).then_some(())
        })
        .await;
        click(c, "[data-action='page-down']").await;
        eventually("page 3 at the top", || async {
            (top_sheet().await == 2).then_some(())
        })
        .await;
        click(c, "[data-action='page-up']").await;
        eventually("page 2 again", || async {
            (top_sheet().await == 1).then_some(())
        })
        .await;

        // A fixed zoom, then back to fitting the width.
        click(c, "[data-action='zoom-in']").await;
        assert_eq!(
            attr_of(c, "[data-zoom-mode]", "data-zoom-mode")
                .await
                .as_deref(),
            Some("fixed")
        );
        click(c, "[data-action='zoom-fit']").await;
        assert_eq!(
            attr_of(c, "[data-zoom-mode]", "data-zoom-mode")
                .await
                .as_deref(),
            Some("fit")
        );
    });
}
