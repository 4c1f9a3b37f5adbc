//! The core's work for one draft, with no interface: what a page of this
//! app has to carry however its views are written. Shared by the floor
//! examples; the input comes from the page (its address's fragment), so
//! nothing is folded away at build time.

use baogao::{backup, check, document, draft, layout, store, template};

/// Reads `json` as a draft (or starts one), stores, lists and reopens it,
/// composes, lays out and checks it, and writes and reads a backup.
pub fn work(json: &str, now_ms: i64) -> String {
    let mut drafts = store::DraftStore::new(store::MemoryStorage::default());
    let annual = template::annual_report();
    let mut out = String::new();
    let mut draft = serde_json::from_str::<draft::Draft>(json).unwrap_or_else(|e| {
        out.push_str(&e.to_string());
        draft::Draft::new(annual, "floor".into(), 2024, now_ms)
    });
    let _ = drafts.save(&mut draft, now_ms);
    if let Ok(listing) = drafts.list(now_ms) {
        out.push_str(&listing.drafts.len().to_string());
    }
    if let Ok(reopened) = drafts.load("floor", now_ms) {
        out.push_str(reopened.title());
    }
    let pages = layout::lay_out(&document::compose(annual, &draft))
        .pages
        .len();
    out.push_str(&pages.to_string());
    for finding in check::run(annual, &draft) {
        out.push_str(&finding.message);
    }
    if let Ok(text) = backup::export_drafts(&[draft], now_ms) {
        out.push_str(&text);
    }
    let mut n = 0;
    let _ = backup::import(&mut drafts, json, &mut || {
        n += 1;
        format!("copy{n}")
    });
    out
}

/// The page's input: its address's fragment.
pub fn input() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}
