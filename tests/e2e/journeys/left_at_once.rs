//! A change made in the same instant as the page is left is kept: the
//! language chosen, the step opened and the character typed are what the
//! reloaded page shows. The same script makes the change and reloads, so
//! neither the change's render nor its own write can be relied on to have
//! come before the page is unloaded.

use super::long_report::open_long_report;
use crate::harness::{self, eventually, js, text_of, value_of, Browser};
use fantoccini::Client;

const CHINESE: &str = "← 我的报告";
const ENGLISH: &str = "← My reports";

/// Runs `script` (its arguments `args`) and reloads the page in the same
/// script; waits until the reloaded page shows the editor (the page that
/// was left carries a mark the new one lacks).
async fn then_reload(c: &Client, script: &str, args: Vec<serde_json::Value>) {
    js(
        c,
        &format!("window.leftPage = true; {script}; location.reload();"),
        args,
    )
    .await;
    // A script may fail while the page is being replaced: not yet, then.
    let ready = "return window.leftPage === undefined
        && document.querySelectorAll('section.step-body[data-step]').length === 1
        && document.querySelectorAll('[data-action=close]').length === 1;";
    eventually("the editor after the reload", || async {
        let ready = c.execute(ready, vec![]).await.ok()?;
        (ready.as_bool() == Some(true)).then_some(())
    })
    .await;
}

/// Clicks the first element matching `css` and reloads, in one script.
async fn click_and_reload(c: &Client, css: &str) {
    then_reload(
        c,
        "document.querySelector(arguments[0]).click()",
        vec![css.into()],
    )
    .await;
}

/// Waits until the editor's 我的报告 button reads `text`.
async fn close_reads(c: &Client, text: &str) {
    eventually(text, || async {
        (text_of(c, "[data-action='close']").await == text).then_some(())
    })
    .await;
}

in_chromium_and_firefox!(a_language_or_step_chosen_as_the_page_is_left_is_kept);
fn a_language_or_step_chosen_as_the_page_is_left_is_kept(browser: Browser) {
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        let steps = harness::attrs_of_all(c, "button[data-step-link]", "data-step-link").await;
        assert!(steps.len() >= 6, "{steps:?}");
        for round in 0..6 {
            // The language, each round the other one.
            let to_english = text_of(c, "[data-action='close']").await == CHINESE;
            if to_english {
                // A page's first switch to English waits for its table;
                // the switch under test is to find it there.
                harness::click(c, "[data-action='switch-language']").await;
                close_reads(c, ENGLISH).await;
                harness::click(c, "[data-action='switch-language']").await;
                close_reads(c, CHINESE).await;
            }
            click_and_reload(c, "[data-action='switch-language']").await;
            let want = if to_english { ENGLISH } else { CHINESE };
            assert_eq!(
                text_of(c, "[data-action='close']").await,
                want,
                "round {round}: the language chosen as the page was left"
            );
            // The step, each round another one.
            let step = &steps[(round * 5 + 1) % steps.len()];
            assert_ne!(&harness::current_step(c).await, step);
            click_and_reload(c, &format!("button[data-step-link='{step}']")).await;
            assert_eq!(
                &harness::current_step(c).await,
                step,
                "round {round}: the step opened as the page was left"
            );
        }
    })
}

in_chromium_and_firefox!(a_character_typed_as_the_page_is_left_is_kept);
fn a_character_typed_as_the_page_is_left_is_kept(browser: Browser) {
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        // A 30,000-character report: a keystroke's render takes long
        // enough there for the page to be left before it.
        let long = open_long_report(&app, "typed-as-left").await;
        for round in 0..12 {
            let text = format!("{}字{round}", value_of(c, &long.field).await);
            then_reload(
                c,
                "const field = document.querySelector(arguments[0]);
                 field.focus();
                 field.value = arguments[1];
                 field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }))",
                vec![long.field.clone().into(), text.clone().into()],
            )
            .await;
            assert_eq!(
                value_of(c, &long.field).await,
                text,
                "round {round}: the character typed as the page was left"
            );
        }
    })
}
