//! Style rules made while the app runs (the preview's marks), applied as a
//! constructed style sheet adopted by the document rather than an inline
//! `<style>` element: the Content-Security-Policy admits inline style
//! elements only by their hashes, and constructed sheets need none.

use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;
use yew::prelude::*;

/// Applies `css` to the document while the calling component is mounted,
/// replacing the rules whenever `css` changes; the sheet is removed again
/// when the component goes. A browser without constructed style sheets
/// shows no marks and nothing else changes.
#[hook]
pub fn use_document_css(css: String) {
    let sheet = use_mut_ref(|| None::<CssStyleSheet>);
    {
        let sheet = sheet.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            if let Ok(created) = CssStyleSheet::new() {
                let adopted = document.adopted_style_sheets();
                adopted.push(&created);
                document.set_adopted_style_sheets(&adopted);
                *sheet.borrow_mut() = Some(created);
            }
            move || {
                if let Some(created) = sheet.borrow_mut().take() {
                    let adopted = document.adopted_style_sheets();
                    let kept = js_sys::Array::new();
                    for s in adopted.iter() {
                        if s != JsValue::from(&created) {
                            kept.push(&s);
                        }
                    }
                    document.set_adopted_style_sheets(&kept);
                }
            }
        });
    }
    use_effect_with(css, move |css| {
        if let Some(created) = sheet.borrow().as_ref() {
            let _ = created.replace_sync(css);
        }
    });
}
