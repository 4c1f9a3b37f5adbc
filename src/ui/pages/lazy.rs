//! Which sheets are built: the pages in view and a few around them, the
//! page being edited, and every page while the browser prints.
//!
//! A long report has dozens of pages, and building all of their lines
//! before the editor is usable is what makes reopening it slow. The other
//! pages are placeholders of the sheet's exact box (`.sheet.placeholder`
//! with its `data-page`), so the page count, the scrollbar and scrolling to
//! a page stay as they would be. On `beforeprint` every sheet is built (the
//! render runs in a microtask, before the browser lays the document out for
//! print) and on `afterprint` the placeholders come back.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::ops::Range;
use web_sys::Element;
use yew::prelude::*;

/// Pages built before the first and after the last page in view.
pub const AROUND: usize = 2;

/// At least this many pages are built (the first ones at first), so that a
/// short report such as the sample is always built whole.
pub const MIN_BUILT: usize = 7;

/// `from..to` of `count` pages widened to [`MIN_BUILT`] pages, downwards
/// first.
fn at_least(from: usize, to: usize, count: usize) -> Range<usize> {
    let to = to.max(from + MIN_BUILT).min(count);
    to.saturating_sub(MIN_BUILT).min(from)..to
}

/// The pages to build, as the component sees them.
#[derive(Clone, PartialEq, Debug)]
pub struct Built {
    /// Pages in or near the view (indices).
    pub near: Range<usize>,
    /// Every page (while printing).
    pub all: bool,
}

impl Built {
    /// Whether page `index` is built (else it is a placeholder); `keep` is
    /// the page that must be built anyway (the one being edited).
    pub fn has(&self, index: usize, keep: Option<usize>) -> bool {
        self.all || self.near.contains(&index) || keep.is_some_and(|k| k.abs_diff(index) <= 1)
    }
}

/// The pages of `count` in `stack` (the sheets' column) that the viewport
/// and the scrolling `root` show, widened by [`AROUND`] on each side. All
/// sheets are the same size, so page `i` starts `i` pitches down the stack.
pub fn near_pages(root: &Element, stack: &Element, count: usize) -> Range<usize> {
    let first_pages = at_least(0, 0, count);
    if count == 0 {
        return 0..0;
    }
    let stack_box = stack.get_bounding_client_rect();
    let root_box = root.get_bounding_client_rect();
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let pitch = stack_box.height() / count as f64;
    let (top, bottom) = (
        root_box.top().max(0.0),
        root_box.bottom().min(window_height),
    );
    if !pitch.is_finite() || pitch <= 0.0 || bottom <= top {
        return first_pages;
    }
    let from = ((top - stack_box.top()) / pitch).floor();
    let to = ((bottom - stack_box.top()) / pitch).ceil();
    let clamp = |x: f64| x.clamp(0.0, count as f64) as usize;
    at_least(
        clamp(from).saturating_sub(AROUND),
        (clamp(to) + AROUND).min(count),
        count,
    )
}

/// The sheets to build for `count` pages in `root`/`stack`, kept up to date
/// on scrolling (of the window or any scrolling box), resizing, zooming
/// (`zoom` changes the pitch) and printing.
#[hook]
pub fn use_built(root: NodeRef, stack: NodeRef, count: usize, zoom: f64) -> Built {
    let near = use_state_eq(|| at_least(0, 0, count));
    let printing = use_state_eq(|| false);
    let update = {
        let near = near.clone();
        move || {
            if let (Some(root), Some(stack)) = (root.cast::<Element>(), stack.cast::<Element>()) {
                near.set(near_pages(&root, &stack, count));
            }
        }
    };
    {
        let update = update.clone();
        use_effect_with((count, zoom.to_bits()), move |_| update());
    }
    {
        let printing = printing.clone();
        use_effect_with(count, move |_| {
            let listeners = web_sys::window().and_then(|window| {
                let document = window.document()?;
                let capture = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: true,
                };
                let on_scroll = update.clone();
                let print = |all: bool| {
                    let printing = printing.clone();
                    move |_: &Event| printing.set(all)
                };
                Some([
                    EventListener::new_with_options(&document, "scroll", capture, move |_| {
                        on_scroll()
                    }),
                    EventListener::new(&window, "resize", move |_| update()),
                    EventListener::new(&window, "beforeprint", print(true)),
                    EventListener::new(&window, "afterprint", print(false)),
                ])
            });
            move || drop(listeners)
        });
    }
    Built {
        near: (*near).clone(),
        all: *printing,
    }
}
