//! Two tabs on one draft: the later save is refused, and whichever version
//! the writer chooses, the other tab's text is kept as a copy titled
//! "……（另一标签页的版本）". The list of drafts follows other tabs' changes
//! without a reload.

use crate::harness::{
    self, click, count, eventually, new_report, texts_of_all, type_into, value_of, wait_for,
    wait_saved, wait_status, Browser,
};
use fantoccini::Client;

const ORGAN: &str = "[data-field='meta.organ']";
const TITLE: &str = "关于2024年度法治政府建设工作的报告";

/// Opens a second tab on the app; returns (first, second) window handles.
async fn second_tab(
    c: &Client,
    url: &str,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    let first = c.window().await.expect("this window");
    let second = c.new_window(true).await.expect("new tab").handle;
    c.switch_to_window(second.clone()).await.expect("switch");
    c.goto(url).await.expect("open app in the second tab");
    (first, second)
}

/// The organ line of each draft in the list, by the row's title.
async fn organs_by_title(c: &Client) -> Vec<(String, String)> {
    let titles = texts_of_all(c, "li[data-draft] .draft-title").await;
    let mut out = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        harness::js(
            c,
            "document.querySelectorAll('li[data-draft] [data-action=open]')[arguments[0]].click();",
            vec![i.into()],
        )
        .await;
        wait_for(c, ORGAN).await;
        out.push((title.trim().to_string(), value_of(c, ORGAN).await));
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
    }
    out.sort();
    out
}

/// Both tabs edit the draft: A saves first, then B's save is refused.
pub(super) async fn conflict(
    c: &Client,
    url: &str,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    c.goto(url).await.expect("open app");
    new_report(c, 2024).await;
    type_into(c, ORGAN, "起初").await;
    wait_saved(c).await;
    let (a, b) = second_tab(c, url).await;
    // B reopens the same draft where A is.
    wait_for(c, ORGAN).await;
    assert_eq!(value_of(c, ORGAN).await, "起初");
    c.switch_to_window(a.clone()).await.expect("to A");
    type_into(c, ORGAN, "甲写的").await;
    wait_saved(c).await;
    c.switch_to_window(b.clone()).await.expect("to B");
    type_into(c, ORGAN, "乙写的").await;
    wait_status(c, "conflict").await;
    (a, b)
}

in_chromium_and_firefox!(keep_this_tab_keeps_the_other_tab_text_as_a_copy);
fn keep_this_tab_keeps_the_other_tab_text_as_a_copy(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        let (a, b) = conflict(c, &app.url).await;
        // Tab A goes back to its list of drafts: one draft.
        c.switch_to_window(a.clone()).await.expect("to A");
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        assert_eq!(count(c, "li[data-draft]").await, 1);
        c.switch_to_window(b).await.expect("to B");
        click(c, "[data-action='keep-mine']").await;
        // The status says "conflict" until the choice is written.
        wait_status(c, "saved").await;
        assert_eq!(value_of(c, ORGAN).await, "起初乙写的");
        // Tab A's list shows the copy by itself, without a reload.
        c.switch_to_window(a).await.expect("to A");
        eventually("the copy in tab A's list", || async {
            (count(c, "li[data-draft]").await == 2).then_some(())
        })
        .await;
        assert_eq!(
            organs_by_title(c).await,
            [
                (TITLE.to_string(), "起初乙写的".to_string()),
                (
                    format!("{TITLE}（另一标签页的版本）"),
                    "起初甲写的".to_string()
                ),
            ]
        );
    });
}

in_chromium_and_firefox!(load_the_other_version_keeps_this_tab_text_as_a_copy);
fn load_the_other_version_keeps_this_tab_text_as_a_copy(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        let (_a, _b) = conflict(c, &app.url).await;
        click(c, "[data-action='take-theirs']").await;
        eventually("the other tab's text in the field", || async {
            (value_of(c, ORGAN).await == "起初甲写的").then_some(())
        })
        .await;
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        assert_eq!(
            organs_by_title(c).await,
            [
                (TITLE.to_string(), "起初甲写的".to_string()),
                (
                    format!("{TITLE}（另一标签页的版本）"),
                    "起初乙写的".to_string()
                ),
            ]
        );
    });
}
