//! Keyboard shortcuts in the wizard: Alt+→ and Alt+← move between steps
//! wherever the focus is, Ctrl+S downloads the draft's backup instead of
//! the browser saving the page, Ctrl+P goes through the app's print (which
//! first asks about carried-over text), and the toolbar's 快捷键 dialog
//! lists them and closes with Escape. The step list marks the current step.

use crate::harness::{self, attr_of, click, count, eventually, texts_of_all, wait_for, Browser};
use fantoccini::key::Key;
use fantoccini::Client;

/// Presses `key` with `modifier` held in the element matching `css`.
async fn chord(c: &Client, css: &str, modifier: Key, key: &str) {
    let keys = format!("{}{key}{}", char::from(modifier), char::from(Key::Null));
    wait_for(c, css)
        .await
        .send_keys(&keys)
        .await
        .unwrap_or_else(|e| panic!("press {key} in {css}: {e}"));
}

async fn step_becomes(c: &Client, id: &str) {
    eventually(&format!("step {id}"), || async {
        (harness::current_step(c).await == id).then_some(())
    })
    .await;
    assert_eq!(
        attr_of(c, &format!("button[data-step-link='{id}']"), "aria-current")
            .await
            .as_deref(),
        Some("step")
    );
    assert_eq!(count(c, "nav.step-list [aria-current='step']").await, 1);
}

in_chromium_and_firefox!(shortcuts_move_steps_save_a_backup_and_print_through_the_app);
fn shortcuts_move_steps_save_a_backup_and_print_through_the_app(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        step_becomes(c, "basic").await;
        let steps = harness::attrs_of_all(c, "button[data-step-link]", "data-step-link").await;
        let organ = harness::value_of(c, "[data-field='meta.organ']").await;
        assert!(!organ.is_empty());

        // Alt+→ from inside a field, twice; Alt+← back once.
        let right = char::from(Key::Right).to_string();
        let left = char::from(Key::Left).to_string();
        chord(c, "[data-field='meta.organ']", Key::Alt, &right).await;
        step_becomes(c, &steps[1]).await;
        chord(c, "button[data-step-link]", Key::Alt, &right).await;
        step_becomes(c, &steps[2]).await;
        chord(c, "button[data-step-link]", Key::Alt, &left).await;
        step_becomes(c, &steps[1]).await;

        // Ctrl+S: the draft's backup, not the page.
        harness::capture_downloads(c).await;
        chord(c, "button[data-step-link]", Key::Control, "s").await;
        let backup = String::from_utf8(harness::first_download(c).await).expect("UTF-8 backup");
        assert!(
            backup.contains(&organ),
            "the backup holds the draft: {}",
            &backup[..backup.len().min(300)]
        );

        // Ctrl+P: the app's print, which asks first about the text carried
        // over from the sample.
        assert_eq!(count(c, "[data-confirm='print']").await, 0);
        chord(c, "button[data-step-link]", Key::Control, "p").await;
        wait_for(c, "[data-confirm='print']").await;
        click(c, "[data-action='print-cancel']").await;

        // The 快捷键 dialog lists the keys; Escape closes it.
        click(c, "[data-action='shortcuts']").await;
        wait_for(c, "[data-dialog='shortcuts']").await;
        assert_eq!(harness::focused(c).await, "close-shortcuts");
        let keys = texts_of_all(c, "[data-dialog='shortcuts'] kbd").await;
        for wanted in ["Alt + →", "Alt + ←", "Ctrl + P", "Ctrl + S"] {
            assert!(keys.iter().any(|k| k == wanted), "{wanted} in {keys:?}");
        }
        let escape = char::from(Key::Escape).to_string();
        wait_for(c, "[data-action='close-shortcuts']")
            .await
            .send_keys(&escape)
            .await
            .expect("press Escape");
        eventually("the 快捷键 dialog to close", || async {
            (count(c, "[data-dialog='shortcuts']").await == 0).then_some(())
        })
        .await;
    })
}
