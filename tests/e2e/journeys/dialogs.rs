//! The modal dialogs by keyboard — the question before deleting a draft,
//! the 快捷键 list, the print question and the two-tab choice: the focus moves into the dialog when it opens, Tab
//! and Shift+Tab stay among its controls, the page behind is inert (a
//! shortcut pressed in the dialog does nothing behind it), Escape closes
//! it where closing is safe (not the two-tab choice, which must be made),
//! and the focus returns to the control that had it before. axe-core
//! audits the two-tab choice (the accessibility journey audits the others).
//! Screenshots of three of them are left in `tests/output/dialog-*.png`.

use crate::harness::{self, click, count, eventually, js, wait_for, Browser};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;

/// Presses `key` (with Shift held when `shift`) wherever the focus is, as
/// the keyboard does.
async fn press(c: &Client, key: Key, shift: bool) {
    let mut keys = KeyActions::new("keyboard".into());
    if shift {
        keys = keys.then(KeyAction::Down {
            value: char::from(Key::Shift),
        });
    }
    keys = keys
        .then(KeyAction::Down {
            value: char::from(key),
        })
        .then(KeyAction::Up {
            value: char::from(key),
        });
    if shift {
        keys = keys.then(KeyAction::Up {
            value: char::from(Key::Shift),
        });
    }
    c.perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
}

/// Whether the dialog matching `css` is open as a modal (the page behind
/// it inert) and holds the focus.
async fn modal_with_focus(c: &Client, css: &str) -> (bool, bool) {
    let v = js(
        c,
        "const d = document.querySelector(arguments[0]);
         if (!d) return [false, false];
         return [d.open && d.matches(':modal'), d.contains(document.activeElement)];",
        vec![css.into()],
    )
    .await;
    (v[0].as_bool() == Some(true), v[1].as_bool() == Some(true))
}

/// Asserts the dialog is modal and focused on `focus`, then that `keys`
/// (Tab, or Shift+Tab when true) move the focus through `then` in order,
/// never leaving the dialog.
async fn tabs_stay_inside(c: &Client, css: &str, focus: &str, keys: &[(bool, &str)]) {
    wait_for(c, css).await;
    eventually(&format!("{css} to take the focus"), || async {
        (modal_with_focus(c, css).await == (true, true) && harness::focused(c).await == focus)
            .then_some(())
    })
    .await;
    for (shift, expected) in keys {
        press(c, Key::Tab, *shift).await;
        assert_eq!(
            modal_with_focus(c, css).await,
            (true, true),
            "{} left {css}",
            if *shift { "Shift+Tab" } else { "Tab" }
        );
        assert_eq!(&harness::focused(c).await, expected, "after Tab in {css}");
    }
}

async fn closed(c: &Client, css: &str) {
    eventually(&format!("{css} to close"), || async {
        (count(c, css).await == 0).then_some(())
    })
    .await;
}

/// Where the focus is: the `data-action` or `data-field` of the active
/// element, and whether it is in the toolbar.
async fn focus_in_toolbar(c: &Client) -> bool {
    js(
        c,
        "return !!document.activeElement.closest('.toolbar');",
        vec![],
    )
    .await
    .as_bool()
        == Some(true)
}

in_chromium_and_firefox!(dialogs_hold_the_focus_and_give_it_back);
fn dialogs_hold_the_focus_and_give_it_back(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");

        // Deleting a draft asks first: 取消 takes the focus, Tab goes round
        // both buttons, Escape cancels and the focus is back on 删除.
        harness::new_report(c, 2024).await;
        click(c, "[data-action='close']").await;
        click(c, "li[data-draft] [data-action='delete']").await;
        let delete = "li[data-draft] dialog.confirm";
        tabs_stay_inside(
            c,
            delete,
            "cancel-delete",
            &[
                (false, "confirm-delete"),
                (false, "cancel-delete"),
                (true, "confirm-delete"),
            ],
        )
        .await;
        press(c, Key::Escape, false).await;
        closed(c, delete).await;
        assert_eq!(harness::focused(c).await, "delete");
        assert_eq!(count(c, "li[data-draft]").await, 1);

        harness::copy_of_sample(c).await;
        let step = harness::current_step(c).await;

        // 快捷键: one control, so Tab and Shift+Tab stay on it; Escape
        // closes it and the focus is back on the 快捷键 button.
        click(c, "[data-action='shortcuts']").await;
        let shortcuts = "dialog[data-dialog='shortcuts']";
        tabs_stay_inside(
            c,
            shortcuts,
            "close-shortcuts",
            &[(false, "close-shortcuts"), (true, "close-shortcuts")],
        )
        .await;
        if let Ok(png) = c.screenshot().await {
            std::fs::write(app.output("dialog-shortcuts.png"), png).expect("save");
        }
        // Alt+→ inside the dialog leaves the step behind it alone.
        let alt_right = format!(
            "{}{}{}",
            char::from(Key::Alt),
            char::from(Key::Right),
            char::from(Key::Null)
        );
        wait_for(c, "[data-action='close-shortcuts']")
            .await
            .send_keys(&alt_right)
            .await
            .expect("Alt+→");
        assert_eq!(harness::current_step(c).await, step);
        // Ctrl+S there still saves the draft's backup, not the page.
        harness::capture_downloads(c).await;
        let ctrl_s = format!("{}s{}", char::from(Key::Control), char::from(Key::Null));
        wait_for(c, "[data-action='close-shortcuts']")
            .await
            .send_keys(&ctrl_s)
            .await
            .expect("Ctrl+S");
        let backup = harness::first_download(c).await;
        assert!(
            String::from_utf8_lossy(&backup).contains("baogao-backup"),
            "a backup of the draft"
        );
        assert_eq!(modal_with_focus(c, shortcuts).await, (true, true));
        press(c, Key::Escape, false).await;
        closed(c, shortcuts).await;
        assert_eq!(harness::focused(c).await, "shortcuts");

        // The same by its 关闭 button, opened by Enter on the 快捷键 button.
        press(c, Key::Enter, false).await;
        wait_for(c, shortcuts).await;
        press(c, Key::Enter, false).await;
        closed(c, shortcuts).await;
        assert_eq!(harness::focused(c).await, "shortcuts");

        // The print question (the copy's text is carried over): 仍然打印
        // takes the focus; Tab goes round its two buttons both ways;
        // Escape is 先去修改 and gives the focus back to the print button.
        click(c, ".toolbar [data-action='print']").await;
        let question = "dialog[data-confirm='print']";
        tabs_stay_inside(
            c,
            question,
            "print-anyway",
            &[
                (false, "print-cancel"),
                (false, "print-anyway"),
                (true, "print-cancel"),
                (true, "print-anyway"),
            ],
        )
        .await;
        if let Ok(png) = c.screenshot().await {
            std::fs::write(app.output("dialog-print.png"), png).expect("save");
        }
        assert_eq!(
            harness::attr_of(c, question, "role").await.as_deref(),
            Some("alertdialog")
        );
        press(c, Key::Escape, false).await;
        closed(c, question).await;
        assert_eq!(harness::focused(c).await, "print");
        assert!(focus_in_toolbar(c).await, "the toolbar's print button");
        // 先去修改 by keyboard: the same.
        press(c, Key::Enter, false).await;
        tabs_stay_inside(c, question, "print-anyway", &[(false, "print-cancel")]).await;
        press(c, Key::Enter, false).await;
        closed(c, question).await;
        assert_eq!(harness::focused(c).await, "print");
    })
}

in_chromium_and_firefox!(the_two_tab_choice_must_be_made_and_returns_the_focus);
fn the_two_tab_choice_must_be_made_and_returns_the_focus(browser: Browser) {
    let axe = super::accessibility::axe_source();
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        let (_a, _b) = super::two_tabs::conflict(c, &app.url).await;
        // It opened unasked while the writer typed in 发文机关: the focus
        // is on its title, so no keystroke presses a button by accident.
        let choice = "dialog[data-dialog='conflict']";
        tabs_stay_inside(
            c,
            choice,
            "H2",
            &[
                (false, "take-theirs"),
                (false, "keep-mine"),
                (false, "take-theirs"),
                (true, "keep-mine"),
            ],
        )
        .await;
        if let Ok(png) = c.screenshot().await {
            std::fs::write(app.output("dialog-two-tabs.png"), png).expect("save");
        }
        let mut found = Vec::new();
        super::accessibility::audit(c, &axe, "two-tab choice", &mut found).await;
        assert!(found.is_empty(), "{}", found.join("\n"));
        // Escape does not close it: the choice must be made.
        press(c, Key::Escape, false).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(modal_with_focus(c, choice).await, (true, true));
        press(c, Key::Enter, false).await;
        closed(c, choice).await;
        harness::wait_status(c, "saved").await;
        assert_eq!(harness::focused(c).await, "meta.organ");
    })
}
