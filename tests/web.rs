//! Browser-side tests run by wasm-bindgen-test in headless Chromium: the
//! app driven through real DOM events, and the localStorage adapter
//! against the browser's real storage, including a full quota.
#![cfg(target_arch = "wasm32")]

use baogao::draft::Draft;
use baogao::sample::seed_draft;
use baogao::store::{DraftStore, LocalStorage, SaveOutcome, Storage, StorageError, StoreError};
use baogao::template::annual_report;
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

/// The app mounted in a fresh element of the page, rendered.
async fn mount_app() -> web_sys::Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<baogao::ui::App>::with_root(root.clone()).render();
    settle().await;
    root
}

fn sheet_text(root: &web_sys::Element) -> String {
    let lines = root.query_selector_all(".sheet .line").expect("lines");
    (0..lines.length())
        .filter_map(|i| lines.get(i))
        .map(|l| l.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

#[wasm_bindgen_test]
async fn new_report_from_the_start_page_and_typing_reaches_the_pages() {
    local_storage().clear().expect("clear");
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

    // The change is saved to localStorage after the debounce.
    for _ in 0..40 {
        settle().await;
    }
    let stored: Vec<String> = (0..local_storage().length().unwrap_or(0))
        .filter_map(|i| local_storage().key(i).ok().flatten())
        .filter(|k| k.starts_with("baogao.v1.draft."))
        .collect();
    assert_eq!(stored.len(), 1);
    let record = local_storage()
        .get_item(&stored[0])
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(record.contains("中共荆家镇委"));
    root.remove();
    local_storage().clear().expect("clear");
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
    local_storage().clear().expect("clear");
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
    let keys: Vec<String> = (0..local_storage().length().unwrap_or(0))
        .filter_map(|i| local_storage().key(i).ok().flatten())
        .collect();
    let kept = keys
        .iter()
        .find(|k| k.starts_with("baogao.v1.corrupt."))
        .expect("the unreadable record is kept aside");
    let raw = local_storage()
        .get_item(kept)
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(raw.contains("{trunc"), "{raw}");
    root.remove();
    local_storage().clear().expect("clear");
}
