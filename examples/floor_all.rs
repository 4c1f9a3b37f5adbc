//! Size floor with every feature: `floor_core` and the on-demand tools
//! (DOCX export and reading, the importers, Markdown, template files) in
//! one wasm, nothing repeated between a page and a worker, and none of the
//! app's views. `./scripts/size.sh --floors` prints its gzipped size.

#[cfg(target_arch = "wasm32")]
#[path = "floor/core.rs"]
mod floor;
#[cfg(target_arch = "wasm32")]
#[path = "floor/mirror.rs"]
mod mirror;

#[cfg(target_arch = "wasm32")]
fn main() {
    use baogao::tools::{handle, Value};
    let input = floor::input();
    let mut out = floor::work(&input, js_sys::Date::now() as i64);
    let (op, arg) = input.split_once(':').unwrap_or(("", &input));
    let arg = match arg.strip_prefix("bytes:") {
        Some(bytes) => Value::Bytes(bytes.as_bytes().to_vec()),
        None => Value::Text(arg.to_string()),
    };
    match handle(op, arg) {
        Ok(Value::Text(text)) => out.push_str(&text),
        Ok(Value::Bytes(bytes)) => out.push_str(&bytes.len().to_string()),
        Err(message) => out.push_str(&message),
    }
    mirror::mount(out);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
