//! The browser entry point.

fn main() {
    #[cfg(target_arch = "wasm32")]
    baogao::ui::start();
}
