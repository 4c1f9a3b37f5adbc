//! Typing speed in a long report, measured in the browser: a 30,000-
//! character draft is opened on its measures step, and the time from a
//! keystroke's `input` event until the preview's pages show it is taken
//! over many keystrokes. The figures are printed and written to
//! `tests/output/keystroke.txt`; the test asserts that each keystroke did
//! reach the pages, not a time (times on shared machines are not stable).

#[path = "../../support/large_draft.rs"]
pub(super) mod large_draft;

use crate::harness::{self, wait_for, Browser};
use baogao::draft::FieldValue;
use baogao::store::{DraftStore, MemoryStorage, UiState};

/// Enough keystrokes (about four seconds of typing) for autosave's
/// two-second limit to write while typing goes on.
const KEYSTROKES: usize = 100;

in_chromium_and_firefox!(a_keystroke_in_a_30000_character_report);
fn a_keystroke_in_a_30000_character_report(browser: Browser) {
    // The draft and "last opened on the measures step", stored by the
    // app's own store code, to be copied into the browser's localStorage
    // (the app moves them to IndexedDB when it starts).
    let draft = large_draft::large_draft();
    let chars = draft.char_count();
    let Some(FieldValue::Subsections(items)) = draft
        .section("measures")
        .and_then(|s| s.fields.get("items"))
    else {
        panic!("the large draft has measures subsections");
    };
    let last = items.len() - 1;
    let mut store = DraftStore::new(MemoryStorage::new());
    let mut copy = draft.clone();
    store.save(&mut copy, 0).expect("save");
    store
        .save_ui_state(&UiState {
            last_draft_id: Some(draft.id.clone()),
            step: Some("measures".into()),
            language: None,
        })
        .expect("ui state");
    let entries = serde_json::to_value(store.storage().entries()).expect("entries");
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        c.execute(
            "for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);",
            vec![entries],
        )
        .await
        .expect("fill localStorage");
        c.refresh().await.expect("reload");
        let field = format!("[data-field='measures.items.{last}.text']");
        wait_for(c, &field).await;
        wait_for(c, ".sheet").await;

        let script = r#"
            const [selector, count, done] = arguments;
            const el = document.querySelector(selector);
            el.focus();
            const pages = () => Array.from(document.querySelectorAll('.sheet .line'))
                .map(l => l.textContent).join('');
            const times = [];
            let reached = 0;
            const tick = () => new Promise(r => setTimeout(r, 30));
            (async () => {
                for (let i = 0; i < count; i++) {
                    const mark = i % 2 ? '乙' : '甲';
                    const before = pages().split(mark).length;
                    const t0 = performance.now();
                    el.value = el.value + mark;
                    el.dispatchEvent(new Event('input', { bubbles: true }));
                    let t1 = performance.now();
                    // Yew renders on the same turn; if not, wait for it.
                    let n = 0;
                    while (pages().split(mark).length === before && n < 100) {
                        await Promise.resolve();
                        n++;
                        t1 = performance.now();
                    }
                    // A render that did not happen in this turn counts
                    // from when it shows, up to two seconds later.
                    while (pages().split(mark).length === before && n < 300) {
                        await new Promise(r => setTimeout(r, 10));
                        n++;
                        t1 = performance.now();
                    }
                    if (pages().split(mark).length > before) reached++;
                    times.push(t1 - t0);
                    await tick();
                }
                times.sort((a, b) => a - b);
                done({ median: times[Math.floor(times.length / 2)],
                       p90: times[Math.floor(times.length * 0.9)],
                       p95: times[Math.floor(times.length * 0.95)],
                       max: times[times.length - 1], reached });
            })();
        "#;
        let result = c
            .execute_async(script, vec![field.into(), KEYSTROKES.into()])
            .await
            .expect("keystrokes");
        let number = |k: &str| result.get(k).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
        let pages = c
            .find_all(fantoccini::Locator::Css(".sheet"))
            .await
            .expect("sheets")
            .len();
        let report = format!(
            "keystroke in a {chars}-character draft ({pages} pages), {KEYSTROKES} keystrokes in headless {browser:?}: \
             median {:.1} ms, p90 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            number("median"),
            number("p90"),
            number("p95"),
            number("max")
        );
        println!("{report}");
        std::fs::write(app.output("keystroke.txt"), &report).expect("write");
        assert!(chars >= 30_000);
        assert_eq!(
            number("reached") as usize,
            KEYSTROKES,
            "every keystroke reached the pages"
        );
    });
}
