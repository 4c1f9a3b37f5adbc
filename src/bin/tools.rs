//! The web worker that runs the on-demand tools (see `baogao::tools`).
//!
//! A message is `[id, op, arg, language]` with `arg` a string or a
//! `Uint8Array` and `language` the interface's (`zh`, `en`: the language of
//! notes and error messages), and on the first request in English a fifth
//! element, the English table's messages in the keys' order (this wasm
//! carries only the Chinese table); the
//! answer is `[id, ok, value]` with `value` the result (string or
//! `Uint8Array`) or, when `ok` is false, the error message. Once it listens,
//! the worker posts `[0]` so the page knows it is ready.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let message: js_sys::Array = e.data().unchecked_into();
            let id = message.get(0);
            let op = message.get(1).as_string().unwrap_or_default();
            let arg = message.get(2);
            let lang = message.get(3).as_string().unwrap_or_default();
            // The English table, which this wasm does not carry, comes with
            // the first request in English.
            let table = message.get(4);
            if js_sys::Array::is_array(&table) {
                let messages = js_sys::Array::from(&table)
                    .iter()
                    .map(|m| m.as_string().unwrap_or_default())
                    .collect();
                if let Some(table) = baogao::i18n::parse_file(messages) {
                    baogao::i18n::install(table);
                }
            }
            baogao::i18n::set_current(baogao::i18n::Lang::from_code(&lang));
            let arg = match arg.as_string() {
                Some(text) => baogao::tools::Value::Text(text),
                None => baogao::tools::Value::Bytes(js_sys::Uint8Array::new(&arg).to_vec()),
            };
            let (ok, value) = match baogao::tools::handle(&op, arg) {
                Ok(baogao::tools::Value::Text(text)) => (true, JsValue::from_str(&text)),
                Ok(baogao::tools::Value::Bytes(bytes)) => {
                    (true, js_sys::Uint8Array::from(bytes.as_slice()).into())
                }
                Err(message) => (false, JsValue::from_str(&message)),
            };
            let _ = answer_to.post_message(&js_sys::Array::of3(&id, &ok.into(), &value));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&js_sys::Array::of1(&0.into()));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
