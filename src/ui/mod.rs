//! The Yew user interface: a thin layer that turns events into actions on
//! the draft and renders what the core computed.

mod app;
pub mod pages;

pub use app::App;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
