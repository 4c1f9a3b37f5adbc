//! Undo and redo, by keyboard and by button: typed text goes away and
//! comes back in the field and the preview; a removed subsection comes back
//! with its heading and text.

use crate::harness::{
    self, click, click_last, count, eventually, flow, go_to_step, new_report, preview_text,
    type_into, value_of, wait_for, Browser,
};
use fantoccini::key::Key;
use fantoccini::Client;

const ORGAN: &str = "中共荆家镇委";
const HEADING: &str = "强化领导，落实工作责任。";
const TEXT: &str = "每半年听取和研究部署法治政府建设重大问题。";

/// Waits until the field `css` holds `value` and the preview does (or does
/// not) contain `text`.
async fn settles(c: &Client, css: &str, value: &str, text: &str, shown: bool) {
    eventually(
        &format!("{css} = {value:?}, preview has {text:?}: {shown}"),
        || async {
            let field = value_of(c, css).await;
            let preview = flow(&preview_text(c).await);
            (field == value && preview.contains(text) == shown).then_some(())
        },
    )
    .await;
}

in_chromium_and_firefox!(undo_redo);
fn undo_redo(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2024).await;
        let organ = "[data-field='meta.organ']";

        type_into(c, organ, ORGAN).await;
        settles(c, organ, ORGAN, ORGAN, true).await;

        // Ctrl+Z takes back the whole word typed, Ctrl+Shift+Z brings it back.
        let ctrl = char::from(Key::Control);
        let shift = char::from(Key::Shift);
        type_into(c, organ, &format!("{ctrl}z")).await;
        settles(c, organ, "", ORGAN, false).await;
        type_into(c, organ, &format!("{ctrl}{shift}z")).await;
        settles(c, organ, ORGAN, ORGAN, true).await;

        // The toolbar buttons do the same.
        click(c, "[data-action='undo']").await;
        settles(c, organ, "", ORGAN, false).await;
        click(c, "[data-action='redo']").await;
        settles(c, organ, ORGAN, ORGAN, true).await;
        assert!(
            harness::attr_of(c, "[data-action='redo']", "disabled")
                .await
                .is_some(),
            "nothing left to redo"
        );

        // A removed subsection comes back with its text.
        go_to_step(c, "measures").await;
        click_last(
            c,
            "[data-action='add-subsection'][data-add-for='measures.items']",
        )
        .await;
        let item = "li[data-subsection='measures.items.0']";
        wait_for(c, item).await;
        type_into(c, "[data-field='measures.items.0.heading']", HEADING).await;
        type_into(c, "[data-field='measures.items.0.text']", TEXT).await;
        let both = format!("（一）{HEADING}{TEXT}");
        settles(c, "[data-field='measures.items.0.text']", TEXT, &both, true).await;

        click(c, &format!("{item} [data-action='remove']")).await;
        eventually("the subsection to go", || async {
            let preview = flow(&preview_text(c).await);
            (count(c, "li[data-subsection]").await == 0 && !preview.contains(HEADING)).then_some(())
        })
        .await;

        click(c, "[data-action='undo']").await;
        wait_for(c, item).await;
        assert_eq!(count(c, "li[data-subsection]").await, 1);
        settles(
            c,
            "[data-field='measures.items.0.heading']",
            HEADING,
            &both,
            true,
        )
        .await;
        assert_eq!(
            value_of(c, "[data-field='measures.items.0.text']").await,
            TEXT
        );
        assert_eq!(
            harness::text_of(c, "[data-number='measures.items.0']").await,
            "（一）"
        );

        click(c, "[data-action='redo']").await;
        eventually("the subsection to go again", || async {
            (count(c, "li[data-subsection]").await == 0).then_some(())
        })
        .await;
    });
}
