//! Getting the English interface's table, which the app's wasm does not
//! carry (see `crate::i18n`): from the `<script type="application/json">`
//! the single file holds it in, which fetches nothing, else from the file
//! beside the page — named by a `<meta>` in the deploy build (hashed, and
//! precached by the service worker for offline use), trunk's unhashed
//! `catalogue-en.json` otherwise (`trunk serve`).

use crate::deployed::{CATALOGUE_EN, CATALOGUE_EN_FILE};
use crate::i18n::{self, fill, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Makes `lang`'s table ready; an error says why it could not be read.
pub async fn load(lang: Lang) -> Result<(), String> {
    if lang.is_installed() {
        return Ok(());
    }
    let text = match embedded().or_else(address) {
        Some(Source::Text(text)) => text,
        Some(Source::Url(url)) => fetch(&url).await?,
        // trunk's output as it is, when no `<meta>` names another file.
        None => fetch(&format!("./{CATALOGUE_EN_FILE}")).await?,
    };
    let messages = js_sys::JSON::parse(&text)
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|v| {
            js_sys::Array::from(&v)
                .iter()
                .map(|m| m.as_string().unwrap_or_default())
                .collect()
        })
        .ok_or_else(unreadable)?;
    i18n::install(i18n::parse_file(messages).ok_or_else(unreadable)?);
    Ok(())
}

enum Source {
    Text(String),
    Url(String),
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The single file's copy.
fn embedded() -> Option<Source> {
    let script = document()?.get_element_by_id(CATALOGUE_EN)?;
    script.text_content().map(Source::Text)
}

/// The deployed file's address.
fn address() -> Option<Source> {
    let meta = document()?
        .query_selector(&format!("meta[name='{CATALOGUE_EN}']"))
        .ok()??;
    meta.get_attribute("content")
        .filter(|url| !url.is_empty())
        .map(Source::Url)
}

async fn fetch(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or_else(unreadable)?;
    let failed = |_| fill(i18n::Key::CatalogueUnreachable, &[&url]);
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(failed(response.status().into()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string().ok_or_else(unreadable)
}

fn unreadable() -> String {
    i18n::tr(i18n::Key::CatalogueUnreadable).to_string()
}
