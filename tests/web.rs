//! Browser-side tests run by wasm-bindgen-test in headless Chromium: the
//! app driven through real DOM events, IndexedDB commits and the migration
//! from localStorage against the browser's real storage, and the
//! localStorage fallback, including a full quota.
#![cfg(target_arch = "wasm32")]

use baogao::draft::Draft;
use baogao::sample::seed_draft;
use baogao::store::journal::Journal;
use baogao::store::migration::MIGRATED_KEY;
use baogao::store::{
    draft_key, CommitError, DraftStore, Idb, LocalStorage, SaveOutcome, Storage, StorageError,
    StoreError,
};
use baogao::template::annual_report;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser run Yew's scheduled renders.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timeout");
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn find(root: &web_sys::Element, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no element {css}"))
}

/// Types `text` the way the browser reports typing: a new value and an
/// `input` event.
fn type_into(input: &web_sys::HtmlElement, text: &str) {
    let input: web_sys::HtmlInputElement = input.clone().dyn_into().expect("an input");
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

/// The app mounted in a fresh element of the page, its drafts opened and
/// rendered.
async fn mount_app() -> web_sys::Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<baogao::ui::App>::with_root(root.clone()).render();
    for _ in 0..200 {
        settle().await;
        if root
            .query_selector("main, .editor")
            .ok()
            .flatten()
            .is_some()
        {
            break;
        }
    }
    root
}

/// Empties IndexedDB and localStorage.
async fn clear_storage() {
    local_storage().clear().expect("clear localStorage");
    Idb::open()
        .await
        .expect("open IndexedDB")
        .clear()
        .await
        .expect("clear IndexedDB");
}

/// Everything IndexedDB holds, by key.
async fn durable() -> BTreeMap<String, String> {
    Idb::open()
        .await
        .expect("open IndexedDB")
        .load_all()
        .await
        .expect("read IndexedDB")
}

fn sheet_text(root: &web_sys::Element) -> String {
    let lines = root.query_selector_all(".sheet .line").expect("lines");
    (0..lines.length())
        .filter_map(|i| lines.get(i))
        .map(|l| l.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every entry of localStorage, by key.
fn local_entries() -> BTreeMap<String, String> {
    (0..local_storage().length().unwrap_or(0))
        .filter_map(|i| local_storage().key(i).ok().flatten())
        .map(|k| {
            let v = local_storage()
                .get_item(&k)
                .ok()
                .flatten()
                .unwrap_or_default();
            (k, v)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn new_report_from_the_start_page_and_typing_reaches_the_pages() {
    clear_storage().await;
    let root = mount_app().await;
    assert!(root.text_content().unwrap_or_default().contains("新建报告"));

    type_into(&find(&root, "[data-field='new-year']"), "2023");
    settle().await;
    find(&root, "[data-action='new-report']").click();
    settle().await;
    assert!(sheet_text(&root).contains("关于2023年度法治政府建设工作的报告"));
    let count = find(&root, "[data-page-count]")
        .get_attribute("data-page-count")
        .expect("page count");
    assert_eq!(count, "1");

    type_into(&find(&root, "[data-field='meta.organ']"), "中共荆家镇委");
    settle().await;
    let text = sheet_text(&root);
    assert_eq!(text.lines().next(), Some("中共荆家镇委"), "{text}");

    // The change is saved to IndexedDB after the debounce, and the
    // toolbar says so only then.
    for _ in 0..40 {
        settle().await;
    }
    let status = find(&root, "[data-save-status]");
    assert_eq!(
        status.get_attribute("data-save-status").as_deref(),
        Some("saved")
    );
    let stored: Vec<(String, String)> = durable()
        .await
        .into_iter()
        .filter(|(k, _)| k.starts_with("baogao.v1.draft."))
        .collect();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].1.contains("中共荆家镇委"));
    assert_eq!(
        local_storage().length().unwrap_or(0),
        0,
        "nothing in localStorage"
    );
    root.remove();
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn indexeddb_commits_whole_batches_and_refuses_a_stale_tab() {
    clear_storage().await;
    let idb = Idb::open().await.expect("open");
    let tab_a = Journal::new(idb.load_all().await.expect("load"));
    let mut store_a = DraftStore::new(tab_a.clone());
    let mut draft = seed_draft("d-idb", 1);
    store_a.save(&mut draft, 2).expect("save");
    idb.commit(&tab_a.take(), false).await.expect("commit");
    let stored = durable().await;
    assert!(stored[&draft_key("d-idb")].contains("荆家镇"));
    assert!(stored.contains_key("baogao.v1.index"));

    // Tab B opened before A's next save; its commit is refused whole.
    let tab_b = Journal::new(idb.load_all().await.expect("load"));
    let mut store_b = DraftStore::new(tab_b.clone());
    let mut in_b = store_b.load("d-idb", 3).expect("load in B");
    let mut in_a = draft.clone();
    in_a.year = 2030;
    store_a.save(&mut in_a, 4).expect("save A");
    idb.commit(&tab_a.take(), false).await.expect("commit A");
    let a_record = durable().await[&draft_key("d-idb")].clone();
    in_b.year = 2031;
    store_b.save(&mut in_b, 5).expect("save B in its copy");
    let index_before = durable().await["baogao.v1.index"].clone();
    let refused = idb.commit(&tab_b.take(), false).await;
    assert_eq!(
        refused,
        Err(CommitError::Conflict(vec![draft_key("d-idb")]))
    );
    let after = durable().await;
    assert_eq!(after[&draft_key("d-idb")], a_record, "A's record untouched");
    assert_eq!(
        after["baogao.v1.index"], index_before,
        "nothing of B's batch"
    );
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn records_in_local_storage_migrate_to_indexeddb_and_stay_in_local_storage() {
    clear_storage().await;
    let mut old = DraftStore::new(LocalStorage::open().expect("open"));
    let mut draft = seed_draft("d-migrated", 1);
    old.save(&mut draft, 2).expect("save");
    local_storage()
        .set_item(
            "baogao.v1.draft.d-broken",
            "{\"schema_version\": 1, \"draft\": {tr",
        )
        .expect("set");
    let before = local_entries();
    let root = mount_app().await;
    assert_eq!(
        root.query_selector_all("li[data-draft]")
            .expect("rows")
            .length(),
        1
    );
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("无法打开的草稿"));
    let stored = durable().await;
    assert_eq!(
        stored[&draft_key("d-migrated")],
        before[&draft_key("d-migrated")],
        "every character"
    );
    assert!(stored
        .iter()
        .any(|(k, v)| k.starts_with("baogao.v1.corrupt.d-broken.") && v.ends_with("{tr")));
    assert!(stored[MIGRATED_KEY].contains("d-migrated"));
    let after = local_entries();
    assert_eq!(after, before, "localStorage untouched");
    root.remove();
    clear_storage().await;
}

#[wasm_bindgen_test]
fn local_storage_round_trip_and_two_tabs() {
    local_storage().clear().expect("clear");
    let mut tab1 = DraftStore::new(LocalStorage::open().expect("open"));
    let mut tab2 = DraftStore::new(LocalStorage::open().expect("open"));
    let mut draft = seed_draft("d-web-1", 1);
    assert!(matches!(
        tab1.save(&mut draft, 2),
        Ok(SaveOutcome::Saved { revision: 1, .. })
    ));
    let mut other: Draft = tab2.load("d-web-1", 3).expect("load in tab 2");
    assert_eq!(other, draft);
    assert!(matches!(
        tab2.save(&mut other, 4),
        Ok(SaveOutcome::Saved { revision: 2, .. })
    ));
    // Tab 1 still holds revision 1: its save must not overwrite tab 2's.
    assert!(matches!(
        tab1.save(&mut draft, 5),
        Ok(SaveOutcome::Conflict {
            stored_revision: 2,
            ..
        })
    ));
    let listing = tab1.list(6).expect("list");
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(
        listing.drafts[0].title,
        "关于2023年度法治政府建设工作的报告"
    );
    local_storage().clear().expect("clear");
}

#[wasm_bindgen_test]
fn a_full_storage_reports_quota_and_keeps_the_draft() {
    local_storage().clear().expect("clear");
    let storage = LocalStorage::open().expect("open");
    // Fill localStorage until the browser refuses even one more character,
    // halving the block size each time a block is refused.
    let mut size = 256 * 1024;
    let mut i = 0;
    let mut refused = None;
    while size > 0 {
        match storage.set(&format!("f{i}"), &"满".repeat(size)) {
            Ok(()) => i += 1,
            Err(e) => {
                refused = Some(e);
                size /= 2;
            }
        }
        assert!(i < 2000, "localStorage never filled up");
    }
    let refused = refused.expect("the browser refused a write");
    assert_eq!(refused, StorageError::QuotaExceeded);
    let mut store = DraftStore::new(storage);
    let mut draft = Draft::new(annual_report(), "d-web-full".into(), 2024, 0);
    draft.year = 2024;
    let before = draft.clone();
    let err = store
        .save(&mut draft, 1)
        .expect_err("a full storage refuses the save");
    assert!(matches!(
        err,
        StoreError::Write(StorageError::QuotaExceeded)
    ));
    assert!(err.to_string().contains("浏览器存储空间已满"), "{err}");
    assert_eq!(draft, before, "the draft in memory is untouched");
    local_storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_draft_is_listed_and_kept() {
    clear_storage().await;
    let mut store = DraftStore::new(LocalStorage::open().expect("open"));
    let mut good = seed_draft("d-web-good", 1);
    store.save(&mut good, 2).expect("save");
    local_storage()
        .set_item(
            "baogao.v1.draft.d-web-bad",
            "{\"schema_version\": 1, \"draft\": {trunc",
        )
        .expect("set");
    let root = mount_app().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("无法打开的草稿"), "{text}");
    assert_eq!(
        root.query_selector_all("li[data-draft]")
            .expect("rows")
            .length(),
        1
    );
    let stored = durable().await;
    let (_, raw) = stored
        .iter()
        .find(|(k, _)| k.starts_with("baogao.v1.corrupt."))
        .expect("the unreadable record is kept aside");
    assert!(raw.contains("{trunc"), "{raw}");
    root.remove();
    clear_storage().await;
}

/// Runs JavaScript in the page.
fn run_js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("script");
}

#[wasm_bindgen_test]
async fn without_indexeddb_drafts_go_to_local_storage_and_a_banner_says_so() {
    clear_storage().await;
    // A browser offering no IndexedDB (some private modes, a broken profile).
    run_js(
        "window.__idb = Object.getOwnPropertyDescriptor(window, 'indexedDB');
         Object.defineProperty(window, 'indexedDB', { value: null, configurable: true });",
    );
    let root = mount_app().await;
    let banner = find(&root, "[data-banner='storage']");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("IndexedDB"), "{text}");
    assert!(text.contains("localStorage"), "{text}");
    assert!(text.contains("导出备份"), "{text}");
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("草稿只保存在本浏览器中（localStorage）"));

    type_into(&find(&root, "[data-field='new-year']"), "2023");
    settle().await;
    find(&root, "[data-action='new-report']").click();
    settle().await;
    type_into(&find(&root, "[data-field='meta.organ']"), "中共荆家镇委");
    for _ in 0..40 {
        settle().await;
    }
    // It keeps working: saved, to localStorage, banner still there.
    assert_eq!(
        find(&root, "[data-save-status]")
            .get_attribute("data-save-status")
            .as_deref(),
        Some("saved")
    );
    assert!(root
        .query_selector("[data-banner='storage']")
        .ok()
        .flatten()
        .is_some());
    let stored: Vec<String> = (0..local_storage().length().unwrap_or(0))
        .filter_map(|i| local_storage().key(i).ok().flatten())
        .filter(|k| k.starts_with("baogao.v1.draft."))
        .filter_map(|k| local_storage().get_item(&k).ok().flatten())
        .collect();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].contains("中共荆家镇委"));
    root.remove();
    run_js(
        "if (window.__idb) Object.defineProperty(window, 'indexedDB', window.__idb);
         else delete window.indexedDB;",
    );
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn the_chosen_language_words_the_storage_banner_and_the_page() {
    clear_storage().await;
    // English chosen on an earlier visit; this time there is no IndexedDB.
    local_storage()
        .set_item("baogao.v1.ui", r#"{"language":"en"}"#)
        .expect("UI state");
    run_js(
        "window.__idb = Object.getOwnPropertyDescriptor(window, 'indexedDB');
         Object.defineProperty(window, 'indexedDB', { value: null, configurable: true });",
    );
    // The English table is not in the app's wasm: the page holds it as the
    // single file does (a JSON data block), and the app reads it at start.
    assert!(!baogao::i18n::Lang::English.is_installed());
    let messages: Vec<&str> = baogao::i18n::builtin_english()
        .iter()
        .map(|(_, m)| *m)
        .collect();
    let block = document().create_element("script").expect("script");
    block.set_id(baogao::deployed::CATALOGUE_EN);
    block
        .set_attribute("type", "application/json")
        .expect("type");
    block.set_text_content(Some(&serde_json::to_string(&messages).expect("JSON")));
    document()
        .head()
        .expect("head")
        .append_child(&block)
        .expect("append");
    let root = mount_app().await;
    block.remove();
    assert!(baogao::i18n::Lang::English.is_installed());
    let banner = find(&root, "[data-banner='storage']")
        .text_content()
        .unwrap_or_default();
    assert!(
        banner.starts_with("The browser cannot use IndexedDB"),
        "{banner}"
    );
    assert!(banner.contains("Export backups often"), "{banner}");
    let lang = document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en"));
    assert_eq!(
        find(&root, "[data-action='new-report']")
            .text_content()
            .as_deref(),
        Some("New report")
    );
    assert_eq!(
        find(&root, "[data-action='switch-language']")
            .text_content()
            .as_deref(),
        Some("中文")
    );
    // Back to Chinese for the other tests, whatever happened above.
    find(&root, "[data-action='switch-language']").click();
    settle().await;
    assert_eq!(
        find(&root, "[data-action='new-report']")
            .text_content()
            .as_deref(),
        Some("新建报告")
    );
    root.remove();
    baogao::i18n::set_current(baogao::i18n::Lang::Zh);
    run_js(
        "if (window.__idb) Object.defineProperty(window, 'indexedDB', window.__idb);
         else delete window.indexedDB;
         document.documentElement.lang = 'zh-CN';",
    );
    clear_storage().await;
}

#[wasm_bindgen_test]
fn hostile_txt_files_decode_or_are_refused_and_import_never_panics() {
    // Deterministic pseudo-random bytes (xorshift), so a failure repeats.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let gb18030_sample: &[u8] = &[0xB7, 0xA8, 0xD6, 0xCE, 0xD5, 0xFE, 0xB8, 0xAE]; // 法治政府
    let utf8_sample = "关于2023年度法治政府建设工作的报告\n一、主要举措\n".as_bytes();
    let mut decoded = 0;
    let mut refused = 0;
    for case in 0..300 {
        let len = (next() % 2_000) as usize;
        let mut bytes: Vec<u8> = match case % 3 {
            0 => (0..len).map(|_| next() as u8).collect(),
            1 => gb18030_sample.iter().cycle().take(len).copied().collect(),
            _ => utf8_sample.iter().cycle().take(len).copied().collect(),
        };
        // Damage: a few bytes overwritten, the end cut.
        for _ in 0..(next() % 4) {
            if !bytes.is_empty() {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
        }
        let cut = (next() as usize) % (bytes.len() + 1);
        bytes.truncate(cut);
        match baogao::ui::decode_text(&bytes) {
            Ok(text) => {
                decoded += 1;
                let _ = baogao::import::from_text(annual_report(), &text, "d-txt".into(), 0);
            }
            Err(message) => {
                refused += 1;
                assert!(message.contains("编码"), "{message}");
            }
        }
    }
    assert!(
        decoded > 0 && refused > 0,
        "{decoded} decoded, {refused} refused"
    );
}
