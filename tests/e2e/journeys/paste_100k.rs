//! Pasting 100,000 characters copied from a Windows word processor (CRLF
//! line breaks, tab and full-width-space indents, blank lines) into the
//! preamble: the count is right, the draft is saved, and after a reload
//! every paragraph is back, in the field and in IndexedDB.

use crate::harness::{
    self, eventually, flow, indexed_db, paste_into, text_of, value_of, wait_for, wait_saved,
    Browser,
};

/// Length of the pasted text, in characters.
const PASTED_CHARS: usize = 100_000;

/// The pasted text and the paragraphs the app should make of it.
fn clipboard() -> (String, Vec<String>) {
    let mut text = String::new();
    let mut chars = 0;
    let mut paragraphs = Vec::new();
    for n in 1.. {
        let body = format!(
            "第{n}段\t法治政府建设\u{3000}工作扎实推进，全年审查规范性文件{n}件，依法行政水平持续提升。"
        );
        let mut line = format!("\u{3000}\u{3000}{body}\r\n");
        if n % 10 == 0 {
            // A blank line, as between paragraphs of a copied document.
            line.push_str("\r\n");
        }
        let len = line.chars().count();
        if chars + len + 20 > PASTED_CHARS {
            break;
        }
        text.push_str(&line);
        chars += len;
        paragraphs.push(body.replace('\t', ""));
    }
    // The last paragraph fills up to exactly PASTED_CHARS, without a break.
    let last = format!("末段{}", "字".repeat(PASTED_CHARS - chars - 4));
    text.push_str("\t\t");
    text.push_str(&last);
    paragraphs.push(last);
    assert_eq!(text.chars().count(), PASTED_CHARS);
    (text, paragraphs)
}

in_chromium_and_firefox!(paste_100k);
fn paste_100k(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        let (pasted, paragraphs) = clipboard();
        let visible = pasted.chars().filter(|ch| !ch.is_whitespace()).count();
        c.goto(&app.url).await.expect("open app");
        harness::new_report(c, 2024).await;

        let field = "[data-field='meta.preamble']";
        paste_into(c, field, &pasted).await;
        let counted = eventually("the preamble's count", || async {
            let shown = text_of(c, "[data-count='meta.preamble']").await;
            (shown != "0 字").then_some(shown)
        })
        .await;
        assert_eq!(counted, format!("{visible} 字"));
        wait_saved(c).await;

        let last = paragraphs.last().cloned().unwrap_or_default();
        let preview = flow(&harness::preview_text(c).await);
        assert!(preview.contains(&flow(&paragraphs[0])));
        assert!(
            preview.contains(&last),
            "the last paragraph is in the preview"
        );

        c.refresh().await.expect("reload");
        wait_for(c, "section.step-body[data-step='basic']").await;
        let shown = value_of(c, field).await;
        let lines: Vec<&str> = shown.split('\n').collect();
        assert_eq!(
            lines.len(),
            paragraphs.len(),
            "paragraph count after reload"
        );
        assert_eq!(lines[0], paragraphs[0]);
        assert_eq!(lines[lines.len() - 1], last);
        assert_eq!(shown, paragraphs.join("\n"));
        assert_eq!(
            text_of(c, "[data-count='meta.preamble']").await,
            format!("{visible} 字")
        );

        // What the browser keeps: the record's draft holds every paragraph.
        let stored = indexed_db(c, "baogao.v1.draft.").await;
        assert_eq!(stored.len(), 1, "one stored draft");
        assert!(
            stored[0].1.contains(&last),
            "the stored draft has the last paragraph"
        );
        let record: serde_json::Value =
            serde_json::from_str(&stored[0].1).expect("stored draft is JSON");
        let kept: Vec<String> =
            serde_json::from_value(record["draft"]["meta"]["preamble"]["value"].clone())
                .expect("preamble paragraphs in the record");
        assert_eq!(kept, paragraphs);
    });
}
