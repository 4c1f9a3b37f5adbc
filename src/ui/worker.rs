//! The page's side of the on-demand tools worker (`src/bin/tools.rs`):
//! started on the first request, so DOCX, the importer and Markdown are
//! downloaded only when a user needs them. Requests wait until the worker
//! says it is ready; each answer finds its request by id. If the worker
//! cannot load or fails, waiting requests get an error and the next
//! request starts a fresh worker.

use crate::deployed::TOOLS_META;
use crate::i18n::{tr, Key, Lang};
use crate::tools::Value;
use js_sys::{Array, Function, Promise, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader as `trunk serve` leaves it, next to index.html
/// (trunk names worker files after the binary, without a hash).
const DEV_WORKER_URL: &str = "./tools_loader.js";

/// The worker's loader: the deploy build names it in the `<meta>` named
/// [`TOOLS_META`] (a hashed file on a server, a Blob URL in the single
/// file, see `src/deploy/`).
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name='{TOOLS_META}']"))
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| DEV_WORKER_URL.to_string())
}

/// How long the worker may take to load before waiting requests fail: a
/// wasm that does not load rejects a promise inside the worker, which the
/// page never hears of.
const LOAD_TIMEOUT_MS: u32 = 30_000;

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// Messages posted before the worker was ready.
    queue: Vec<JsValue>,
    /// The `resolve` of each waiting request, by id (a few at most: a
    /// list is smaller in the download than a map).
    waiting: Vec<(u32, Function)>,
    next_id: u32,
    /// Whether this worker has been sent the English table.
    has_english: bool,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
    _load_timeout: gloo::timers::callback::Timeout,
}

type Shared = Rc<RefCell<Option<Client>>>;

thread_local! {
    static CLIENT: Shared = Rc::new(RefCell::new(None));
}

fn start(shared: &Shared) -> Result<Client, String> {
    let worker =
        web_sys::Worker::new(&worker_url()).map_err(|_| tr(Key::ToolsFailed).to_string())?;
    let on_message = {
        let shared = Rc::clone(shared);
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let answer: Array = e.data().unchecked_into();
            let id = answer.get(0).as_f64().unwrap_or(0.0) as u32;
            let mut slot = shared.borrow_mut();
            let Some(client) = slot.as_mut() else { return };
            if id == 0 {
                client.ready = true;
                for message in client.queue.drain(..) {
                    let _ = client.worker.post_message(&message);
                }
            } else if let Some(at) = client.waiting.iter().position(|(w, _)| *w == id) {
                let (_, resolve) = client.waiting.swap_remove(at);
                let _ = resolve.call1(&JsValue::NULL, &answer);
            }
        })
    };
    let on_error = {
        let shared = Rc::clone(shared);
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| fail(&shared))
    };
    let load_timeout = {
        let shared = Rc::clone(shared);
        gloo::timers::callback::Timeout::new(LOAD_TIMEOUT_MS, move || {
            let ready = shared.borrow().as_ref().is_some_and(|c| c.ready);
            if !ready {
                fail(&shared);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: Vec::new(),
        next_id: 1,
        has_english: false,
        _on_message: on_message,
        _on_error: on_error,
        _load_timeout: load_timeout,
    })
}

/// Drops a broken worker and tells every waiting request.
fn fail(shared: &Shared) {
    let Some(client) = shared.borrow_mut().take() else {
        return;
    };
    client.worker.terminate();
    let failed = Array::of3(&0.into(), &false.into(), &tr(Key::ToolsFailed).into());
    for (_, resolve) in &client.waiting {
        let _ = resolve.call1(&JsValue::NULL, &failed);
    }
}

/// Reads a JSON answer from its text, as the store reads its records, so
/// the download carries one JSON reader (of text), not a second one of
/// `serde_json::Value`s.
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Option<T> {
    serde_json::from_str(json).ok()
}

/// Runs operation `op` (one of the constants in [`crate::tools`]) on `arg`
/// in the worker; an error is a message for the user.
pub async fn call(op: &str, arg: Value) -> Result<Value, String> {
    let shared = CLIENT.with(Rc::clone);
    let arg: JsValue = match arg {
        Value::Text(text) => text.into(),
        Value::Bytes(bytes) => Uint8Array::from(bytes.as_slice()).into(),
    };
    let mut post = |resolve: Function, _reject: Function| {
        let mut slot = shared.borrow_mut();
        if slot.is_none() {
            match start(&shared) {
                Ok(client) => *slot = Some(client),
                Err(e) => {
                    let failed = Array::of3(&0.into(), &false.into(), &e.into());
                    let _ = resolve.call1(&JsValue::NULL, &failed);
                    return;
                }
            }
        }
        let Some(client) = slot.as_mut() else { return };
        let id = client.next_id;
        client.next_id += 1;
        client.waiting.push((id, resolve));
        // The worker answers in the interface's language (import notes,
        // errors); it carries only the Chinese table, so the first request
        // in English brings the English one.
        let lang = crate::i18n::current();
        let message = Array::of4(&id.into(), &op.into(), &arg, &lang.code().into());
        if lang == Lang::English && !client.has_english {
            let table: Array = Lang::English
                .entries()
                .iter()
                .map(|(_, m)| JsValue::from_str(m))
                .collect();
            message.push(&table);
            client.has_english = true;
        }
        if client.ready {
            let _ = client.worker.post_message(&message);
        } else {
            client.queue.push(message.into());
        }
    };
    let answer = wasm_bindgen_futures::JsFuture::from(Promise::new(&mut post))
        .await
        .map_err(|_| tr(Key::ToolsFailed).to_string())?;
    let answer: Array = answer.unchecked_into();
    let value = answer.get(2);
    if answer.get(1).as_bool() != Some(true) {
        return Err(value
            .as_string()
            .unwrap_or_else(|| tr(Key::ToolsFailed).to_string()));
    }
    Ok(match value.as_string() {
        Some(text) => Value::Text(text),
        None => Value::Bytes(Uint8Array::new(&value).to_vec()),
    })
}
