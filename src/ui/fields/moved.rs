//! Keeping a moved list item under the pointer: after 上移/下移 the item's
//! button is put back at the same place on screen (the form scrolls by the
//! distance the item moved), focused, and the item is highlighted briefly.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement};

/// How long a moved item stays highlighted.
const HIGHLIGHT_MS: u32 = 1_200;

/// A move waiting for the list to render again.
#[derive(Debug, Clone)]
pub struct PendingMove {
    /// The `data-item` of the item at its new place.
    pub item: String,
    /// The `data-action` of the button that was clicked.
    pub action: &'static str,
    /// Where that button's top was on screen before the move.
    pub top: f64,
}

/// The shared slot a list keeps its pending move in.
pub type Pending = Rc<RefCell<Option<PendingMove>>>;

/// Remembers a move before it is applied: the clicked button's place.
pub fn remember(
    pending: &Pending,
    target: Option<web_sys::EventTarget>,
    item: String,
    action: &'static str,
) {
    let top = target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map_or(0.0, |el| el.get_bounding_client_rect().top());
    *pending.borrow_mut() = Some(PendingMove { item, action, top });
}

/// After the list rendered: scroll so the moved item's button is where it
/// was, focus it (or its other move button when it is now disabled) and
/// highlight the item.
pub fn settle(pending: &Pending) {
    let Some(moved) = pending.borrow_mut().take() else {
        return;
    };
    let document = gloo::utils::document();
    let Ok(Some(item)) = document.query_selector(&format!("[data-item=\"{}\"]", moved.item)) else {
        return;
    };
    let button = |action: &str| {
        item.query_selector(&format!(":scope > .item-tools [data-action=\"{action}\"]"))
            .ok()
            .flatten()
    };
    let other = if moved.action == "move-up" {
        "move-down"
    } else {
        "move-up"
    };
    let enabled = |b: &Element| !b.has_attribute("disabled");
    let target = button(moved.action)
        .filter(enabled)
        .or_else(|| button(other).filter(enabled))
        .or_else(|| button(moved.action));
    if let Some(target) = target {
        let delta = target.get_bounding_client_rect().top() - moved.top;
        scroll_by(&target, delta);
        if let Some(el) = target.dyn_ref::<HtmlElement>() {
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }
    let _ = item.class_list().add_1("moved");
    Timeout::new(HIGHLIGHT_MS, move || {
        let _ = item.class_list().remove_1("moved");
    })
    .forget();
}

/// Scrolls the form's pane (or the page, where the pane does not scroll)
/// by `delta` pixels.
fn scroll_by(inside: &Element, delta: f64) {
    if delta.abs() < 0.5 {
        return;
    }
    match inside.closest(".step-pane").ok().flatten() {
        Some(pane) if pane.scroll_height() > pane.client_height() => {
            pane.set_scroll_top(pane.scroll_top() + delta.round() as i32);
        }
        _ => gloo::utils::window().scroll_by_with_x_and_y(0.0, delta),
    }
}
