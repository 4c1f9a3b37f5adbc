//! Small browser services behind plain functions: the clock, random
//! numbers, idle callbacks, downloads, printing and the clipboard.

use crate::i18n::{fill, tr, Key};
use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Runs `work` when the browser is next idle — after the frame being
/// rendered, between keystrokes — and at most `wait_ms` later however busy
/// it is; at once where the browser has no idle callbacks. Work that need
/// not show in a keystroke's frame goes here.
pub fn when_idle(wait_ms: u32, work: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let work = std::rc::Rc::new(std::cell::Cell::new(Some(work)));
    if has_idle {
        let queued = std::rc::Rc::clone(&work);
        let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(work) = queued.take() {
                work();
            }
        });
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(wait_ms);
        if window
            .request_idle_callback_with_options(callback.unchecked_ref(), &options)
            .is_ok()
        {
            return;
        }
    }
    if let Some(work) = work.take() {
        work();
    }
}

/// A random number for new ids.
pub fn entropy() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// "10:32" in local time, for the save status.
pub fn clock(ms: i64) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// "2024年3月1日 10:32" in local time, for the list of drafts.
pub fn date_time(ms: i64) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    let month = date.get_month() + 1;
    let (month, day) = match crate::i18n::current() {
        crate::i18n::Lang::Zh => (month.to_string(), date.get_date().to_string()),
        crate::i18n::Lang::English => (format!("{month:02}"), format!("{:02}", date.get_date())),
    };
    fill(
        Key::DateTime,
        &[
            &date.get_full_year(),
            &month,
            &day,
            &format_args!("{:02}", date.get_hours()),
            &format_args!("{:02}", date.get_minutes()),
        ],
    )
}

/// Today's year, month and day in local time.
pub fn today() -> (i32, u8, u8) {
    let date = js_sys::Date::new_0();
    (
        date.get_full_year() as i32,
        (date.get_month() + 1) as u8,
        date.get_date() as u8,
    )
}

/// Offers `bytes` to the user as a downloaded file.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str| fill(Key::DownloadFailed, &[&what]);
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("Blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("URL"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("a"))?
        .dyn_into()
        .map_err(|_| fail("a"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens the browser's print dialog.
pub fn print() -> Result<(), String> {
    web_sys::window()
        .ok_or(tr(Key::PrintUnavailable))?
        .print()
        .map_err(|_| tr(Key::PrintRefused).to_string())
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or(tr(Key::ClipboardUnavailable))?;
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| tr(Key::ClipboardRefused).to_string())
}
