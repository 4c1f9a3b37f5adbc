//! The Yew user interface: a thin layer that turns events into actions on
//! the draft and renders what the core computed.

mod app;
mod catalogue;
mod document_css;
mod draft_row;
mod edition;
mod editor;
mod fields;
mod files;
mod import_panel;
mod language;
mod modal;
mod offline_note;
pub mod pages;
mod platform;
mod review;
mod session;
mod start;
mod timing;
mod worker;

pub use app::App;
pub use files::decode_text;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
