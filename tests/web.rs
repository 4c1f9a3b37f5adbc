//! Browser-side tests run by wasm-bindgen-test in headless Chromium:
//! the app mounts and renders the composed report from real DOM events.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser run Yew's scheduled renders.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timeout");
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_default_title() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<baogao::ui::App>::with_root(root.clone()).render();
    settle().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("关于"), "{text}");
}
