//! "已保存" means on disk: Chromium is killed with SIGKILL (a crash, a
//! killed browser, a power cut) and started again on the same profile, and
//! the text is there; steady typing loses at most its last two seconds.

use crate::harness::{self, new_report, type_into, value_of, wait_for, wait_saved, Browser};
use fantoccini::Client;

const ORGAN: &str = "[data-field='meta.organ']";

/// Opens the app after a restart and the draft it was editing (the editor
/// opens by itself when the last step was remembered).
async fn reopen(c: &Client, url: &str) {
    c.goto(url).await.expect("open app");
    wait_for(c, ".editor, main.start").await;
    if harness::count(c, ".editor").await == 0 {
        assert!(
            harness::count(c, "li[data-draft]").await > 0,
            "the draft is gone: the start page lists no drafts"
        );
        harness::click(c, "li[data-draft] [data-action='open']").await;
    }
    wait_for(c, ORGAN).await;
}

#[test]
fn killed_right_after_saved_keeps_every_character() {
    killed_right_after_saved(Browser::Chromium);
}

/// The same in Firefox ESR.
#[test]
fn killed_right_after_saved_keeps_every_character_in_firefox() {
    killed_right_after_saved(Browser::Firefox);
}

fn killed_right_after_saved(engine: Browser) {
    const TEXT: &str = "荆家镇人民政府法治政府建设领导小组办公室";
    assert_eq!(TEXT.chars().count(), 20);
    harness::run_on_profile(engine, |mut browser| async move {
        let url = browser.url.clone();
        let c = browser.start().await;
        c.goto(&url).await.expect("open app");
        new_report(&c, 2024).await;
        type_into(&c, ORGAN, TEXT).await;
        wait_saved(&c).await;
        assert_eq!(
            harness::count(&c, "[data-banner='storage']").await,
            0,
            "drafts are in IndexedDB, not in a fallback"
        );
        browser.kill();

        let c = browser.start().await;
        reopen(&c, &url).await;
        assert_eq!(value_of(&c, ORGAN).await, TEXT);
        // Killed again at once after a second edit is saved.
        type_into(&c, ORGAN, "第二次").await;
        wait_saved(&c).await;
        browser.kill();

        let c = browser.start().await;
        reopen(&c, &url).await;
        assert_eq!(value_of(&c, ORGAN).await, format!("{TEXT}第二次"));
        let _ = c.close().await;
    });
}

#[test]
fn killed_after_five_seconds_of_steady_typing_loses_at_most_two_seconds() {
    killed_after_steady_typing(Browser::Chromium);
}

/// The same in Firefox ESR.
#[test]
fn killed_after_five_seconds_of_steady_typing_loses_at_most_two_seconds_in_firefox() {
    killed_after_steady_typing(Browser::Firefox);
}

fn killed_after_steady_typing(engine: Browser) {
    // One character every 80 ms for five seconds.
    const GAP_MS: u64 = 80;
    let text: String = "坚持依法行政推进法治政府建设"
        .chars()
        .cycle()
        .take(63)
        .collect();
    harness::run_on_profile(engine, move |mut browser| async move {
        let url = browser.url.clone();
        let c = browser.start().await;
        c.goto(&url).await.expect("open app");
        new_report(&c, 2024).await;
        wait_for(&c, ORGAN).await;
        let script = r#"
            const [selector, text, gap, done] = arguments;
            const el = document.querySelector(selector);
            el.focus();
            const chars = Array.from(text);
            const times = [];
            const t0 = performance.now();
            let i = 0;
            const key = () => {
                el.value = el.value + chars[i];
                el.dispatchEvent(new Event('input', { bubbles: true }));
                times.push(performance.now() - t0);
                i++;
                if (i < chars.length) setTimeout(key, gap); else done(times);
            };
            key();
        "#;
        let times = c
            .execute_async(
                script,
                vec![ORGAN.into(), text.clone().into(), GAP_MS.into()],
            )
            .await
            .expect("typing");
        browser.kill();
        let times: Vec<f64> = serde_json::from_value(times).expect("key times");
        assert_eq!(times.len(), 63);
        assert!(
            times[62] >= 4_900.0,
            "typing took {:.0} ms, not five seconds",
            times[62]
        );

        let c = browser.start().await;
        reopen(&c, &url).await;
        let kept = value_of(&c, ORGAN).await;
        assert!(
            text.starts_with(&kept),
            "what was kept is what was typed, in order: {kept:?}"
        );
        let count = kept.chars().count();
        let lost_ms = match count {
            0 => times[62],
            n => times[62] - times[n - 1],
        };
        println!(
            "steady typing in {engine:?}, killed at {:.0} ms: {count} of 63 characters kept, the last {lost_ms:.0} ms lost",
            times[62]
        );
        assert!(
            lost_ms <= 2_000.0,
            "lost the last {lost_ms:.0} ms of typing ({count} of 63 characters kept)"
        );
        let _ = c.close().await;
    });
}

in_chromium_and_firefox!(local_storage_records_migrate_with_every_character);
fn local_storage_records_migrate_with_every_character(engine: Browser) {
    use baogao::draft::Draft;
    use baogao::store::{DraftStore, MemoryStorage, UiState};
    use baogao::template::annual_report;
    // A draft of the current version as it was kept in localStorage, with
    // text of every kind of character.
    let mut draft = Draft::new(annual_report(), "d-kept".into(), 2023, 1);
    let organ = "中共荆家镇委 “引号”（括号）—— 1.5% ABC ①㈠ 𠀀";
    draft.meta.insert(
        baogao::template::meta_id::ORGAN.into(),
        baogao::draft::FieldValue::Line(organ.to_string()),
    );
    let mut store = DraftStore::new(MemoryStorage::new());
    store.save(&mut draft, 2).expect("save");
    store
        .save_ui_state(&UiState {
            last_draft_id: Some("d-kept".into()),
            step: Some("basic".into()),
            language: None,
        })
        .expect("ui");
    let entries = serde_json::to_value(store.storage().entries()).expect("entries");
    let organ = organ.to_string();
    harness::run_on_profile(engine, move |mut browser| async move {
        let url = browser.url.clone();
        let c = browser.start().await;
        c.goto(&url).await.expect("open app");
        wait_for(&c, "main").await;
        c.execute(
            "for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);",
            vec![entries.clone()],
        )
        .await
        .expect("fill localStorage");
        c.refresh().await.expect("reload");
        wait_for(&c, ORGAN).await;
        assert_eq!(value_of(&c, ORGAN).await, organ);
        // The record in IndexedDB is the localStorage record, character
        // for character.
        let copied = harness::eventually("the record in IndexedDB", || async {
            let found = harness::indexed_db(&c, "baogao.v1.draft.d-kept").await;
            (!found.is_empty()).then_some(found)
        })
        .await;
        assert_eq!(
            Some(&copied[0].1),
            entries["baogao.v1.draft.d-kept"]
                .as_str()
                .map(String::from)
                .as_ref()
        );
        // Copied, not moved: localStorage still holds every record as it
        // was, after the app has opened, saved and listed.
        type_into(&c, ORGAN, "。").await;
        wait_saved(&c).await;
        let mut kept = harness::local_storage(&c, "baogao.v1.").await;
        kept.sort();
        let before: Vec<(String, String)> =
            serde_json::from_value::<std::collections::BTreeMap<String, String>>(entries)
                .expect("entries")
                .into_iter()
                .collect();
        assert_eq!(kept, before, "localStorage untouched");
        // In IndexedDB for good: a killed browser keeps it.
        browser.kill();
        let c = browser.start().await;
        reopen(&c, &url).await;
        assert_eq!(value_of(&c, ORGAN).await, format!("{organ}。"));
        let _ = c.close().await;
    });
}
