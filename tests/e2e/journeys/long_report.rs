//! A 30,000-character report in the browser, put there the way a user
//! would: a backup file of it (written by the app's own backup code) is
//! restored on the start page, opened, and left on its measures step with
//! the last subsection's text focused. Nothing depends on how the app
//! stores drafts, so this works whatever the store is.

use super::speed::large_draft;
use crate::harness::{choose_file, click, eventually, go_to_step, js, wait_for, App};
use baogao::draft::{Draft, FieldValue};

/// What was opened.
pub struct LongReport {
    /// The draft as restored.
    pub draft: Draft,
    /// Characters in the draft (whitespace not counted).
    pub chars: usize,
    /// The selector of the field being edited: the last measures
    /// subsection's text.
    pub field: String,
}

/// Restores the large draft from a backup on the start page at `url`, opens
/// it on its measures step and focuses the last subsection's text.
pub async fn open_long_report(app: &App, name: &str) -> LongReport {
    let (c, url) = (&app.client, app.url.as_str());
    let draft = large_draft::large_draft();
    let chars = draft.char_count();
    let Some(FieldValue::Subsections(items)) = draft
        .section("measures")
        .and_then(|s| s.fields.get("items"))
    else {
        panic!("the large draft has measures subsections");
    };
    let field = format!("[data-field='measures.items.{}.text']", items.len() - 1);
    let backup =
        baogao::backup::export_drafts(std::slice::from_ref(&draft), 0).expect("backup text");
    let path = app.output(&format!("{name}-backup.json"));
    std::fs::write(&path, backup).expect("write the backup file");

    c.goto(url).await.expect("open app");
    wait_for(c, "[data-action='new-report']").await;
    choose_file(c, &path).await;
    wait_for(c, "[data-import-message]").await;
    click(c, ".draft-row [data-action='open']").await;
    go_to_step(c, "measures").await;
    wait_for(c, &field).await;
    js(
        c,
        "const el = document.querySelector(arguments[0]); el.focus(); \
         el.setSelectionRange(el.value.length, el.value.length);",
        vec![field.clone().into()],
    )
    .await;
    // The preview shows the focused field's last lines.
    eventually("the edited page to be built", || async {
        let built = js(
            c,
            "const s = document.querySelector('.sheets');
             return s && Number(s.dataset.pageCount) > 50
                 && document.querySelectorAll('.sheet:not(.placeholder)').length > 0;",
            vec![],
        )
        .await;
        built.as_bool().unwrap_or(false).then_some(())
    })
    .await;
    LongReport {
        draft,
        chars,
        field,
    }
}
