//! Size floor before interactive: the core a page needs (it stores,
//! composes, lays out, checks and backs up a draft) under the smallest Yew
//! interface, with none of the app's views. `./scripts/size.sh --floors`
//! prints its gzipped size beside the app's.

#[cfg(target_arch = "wasm32")]
#[path = "floor/core.rs"]
mod floor;
#[cfg(target_arch = "wasm32")]
#[path = "floor/mirror.rs"]
mod mirror;

#[cfg(target_arch = "wasm32")]
fn main() {
    let input = floor::input();
    mirror::mount(floor::work(&input, js_sys::Date::now() as i64));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
