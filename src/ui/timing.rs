//! User Timing marks for measuring the app from outside (`scripts/bench.sh`).
//!
//! [`use_usable_mark`] places the mark [`USABLE`] once per page load, after
//! the first screen whose fields a user can type into (the start page or
//! the editor) is in the document. A benchmark reads it with
//! `performance.getEntriesByName("baogao:usable")`; its `startTime` is the
//! time from navigation to the first usable field.

use std::cell::Cell;
use yew::prelude::*;

/// The name of the mark placed when the first field is usable.
pub const USABLE: &str = "baogao:usable";

thread_local! {
    static MARKED: Cell<bool> = const { Cell::new(false) };
}

/// Places the [`USABLE`] mark after the calling component's first render,
/// unless an earlier screen of this page load already did.
#[hook]
pub fn use_usable_mark() {
    use_effect_with((), |_| {
        if !MARKED.with(|m| m.replace(true)) {
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark(USABLE);
            }
        }
    });
}
