//! Size floor of the interface layer alone: the smallest Yew app.
//! `./scripts/size.sh --floors` prints its gzipped size beside the app's.

#[cfg(target_arch = "wasm32")]
#[path = "floor/mirror.rs"]
mod mirror;

#[cfg(target_arch = "wasm32")]
fn main() {
    mirror::mount(String::new());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
