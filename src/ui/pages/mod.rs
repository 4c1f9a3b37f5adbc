//! The report as GB/T 9704 pages, on screen exactly as on paper.
//!
//! [`Sheets`] draws every [`Page`](crate::layout::Page) of a
//! [`Layout`] as an A4 sheet (210 × 297 mm) and positions each line in
//! millimetres where the layout put it. The browser never breaks a line or a
//! page: lines are `white-space: pre`, and every character sits in a box of
//! its grid width ([`cells`]), so 28 full-width characters take exactly
//! 156 mm whatever face is installed. Printing (`styles/print.css`) prints
//! these same boxes, one sheet per paper page, so the preview and the
//! printout break in the same places.
//!
//! # Selectors (for the app, print stylesheet and tests)
//!
//! * `.sheets` — the root, with `data-page-count`; the only thing printed.
//! * `.sheet[data-page="N"]` — one page; `.sheet.placeholder` while it is
//!   not built (away from the view, see [`lazy`]).
//! * `.line[data-row][data-anchor]` — one line; `data-anchor` is
//!   [`anchor_key`] of the block's origin in the draft.
//! * `.page-number.side-right` / `.side-left` — "— N —".
//!
//! # Re-rendering while typing
//!
//! Each page is its own [`Sheet`] component whose props compare the page by
//! value (see [`SheetProps`]); after an edit only the pages whose lines
//! changed re-render. The app may go further and keep
//! [`lay_out_block`](crate::layout::lay_out_block) results per block and
//! only re-[`paginate`](crate::layout::paginate()); `Sheets` only needs the
//! resulting `Rc<Layout>`.

pub mod cells;
mod lazy;
mod sheet;

pub use sheet::{
    anchor_key, line_renders, parse_anchor_key, role_class, sheet_renders, short_decimal, Sheet,
    SheetProps,
};

use crate::document::Anchor;
use crate::i18n::{tr, Key};
use crate::layout::Layout;
use crate::ui::language::{filled, use_language};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Props of [`Sheets`].
#[derive(Properties, PartialEq, Clone)]
pub struct SheetsProps {
    /// The pages to draw.
    pub layout: Rc<Layout>,
    /// Display scale, 1.0 = real size on a 96 dpi screen; ignored in print.
    #[prop_or(1.0)]
    pub zoom: f64,
    /// The part of the draft being edited: when it changes, its first line
    /// (or the first line of its field or section) is scrolled into view.
    #[prop_or_default]
    pub focus: Option<Anchor>,
    /// The caret's block and its distance from the block's end: while
    /// typing, the line holding it is kept in view.
    #[prop_or_default]
    pub caret: Option<(Anchor, usize)>,
    /// A click on a line: the line's block anchor, and whether the line is
    /// set in a heading face.
    #[prop_or_default]
    pub on_line_click: Callback<(Anchor, bool)>,
}

/// Every page of the layout as an A4 sheet, centred on a grey desk, with
/// the page count above them. Only the sheets near the view, the page being
/// edited and, while printing, all sheets are built; the others are
/// placeholders of the same size ([`lazy`]).
#[component]
pub fn Sheets(props: &SheetsProps) -> Html {
    use_language();
    let root = use_node_ref();
    let stack = use_node_ref();
    {
        let root = root.clone();
        let layout = Rc::clone(&props.layout);
        use_effect_with(props.focus.clone(), move |focus| {
            if let Some(focus) = focus {
                scroll_to(&root, &layout, focus);
            }
        });
    }
    {
        let root = root.clone();
        let layout = Rc::clone(&props.layout);
        let key = (Rc::as_ptr(&props.layout) as usize, props.caret.clone());
        // After the browser has laid the new pages out, not in the
        // keystroke's own turn: measuring now would force that layout early.
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with(key, move |(_, caret)| {
            if let Some((anchor, after)) = caret.clone() {
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                    keep_caret_in_view(&root, &layout, &anchor, after);
                }));
            }
        });
    }
    let onclick = {
        let on_line_click = props.on_line_click.clone();
        Callback::from(move |e: MouseEvent| {
            let line = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".line").ok().flatten());
            let Some(line) = line else {
                return;
            };
            let anchor = line
                .get_attribute("data-anchor")
                .and_then(|k| parse_anchor_key(&k));
            if let Some(anchor) = anchor {
                let heading = line.class_name().contains("role-heading");
                on_line_click.emit((anchor, heading));
            }
        })
    };
    let count = props.layout.pages.len();
    let zoom = if props.zoom.is_finite() {
        props.zoom.clamp(0.1, 4.0)
    } else {
        1.0
    };
    let built = lazy::use_built(root.clone(), stack.clone(), count, zoom);
    let editing = props
        .focus
        .as_ref()
        .and_then(|focus| focus_target(&props.layout, focus))
        .map(|(page, _)| page);
    html! {
        <div class="sheets" ref={root} lang="zh-CN" {onclick} role="region" aria-label={tr(Key::PreviewLabel)} tabindex="0"
            data-page-count={count.to_string()} style={format!("--zoom:{}", sheet::short_decimal(zoom))}>
            <div class="sheets-bar no-print">{ filled(Key::PageCount, &[&count]) }</div>
            <div class="sheet-stack" ref={stack}>
                { for (0..count).map(|index| if built.has(index, editing) {
                    html! { <Sheet key={index} layout={Rc::clone(&props.layout)} {index} /> }
                } else {
                    html! { <div key={index} class="sheet placeholder" data-page={(index + 1).to_string()}></div> }
                }) }
            </div>
        </div>
    }
}

/// The page index and row of the line to show for `focus`: its own first
/// line, else the first line of the same field, else of the same section.
pub fn focus_target(layout: &Layout, focus: &Anchor) -> Option<(usize, usize)> {
    let same_field = |a: &Anchor| a.same_field(focus);
    layout
        .locate(focus)
        .or_else(|| {
            layout
                .lines()
                .find(|(_, l)| {
                    same_field(&l.anchor)
                        && (l.anchor.path.starts_with(&focus.path)
                            || focus.path.starts_with(&l.anchor.path))
                })
                .map(|(p, l)| (p, l.row))
        })
        .or_else(|| {
            layout
                .lines()
                .find(|(_, l)| same_field(&l.anchor))
                .map(|(p, l)| (p, l.row))
        })
        .or_else(|| {
            layout
                .lines()
                .find(|(_, l)| l.anchor.field.section == focus.field.section)
                .map(|(p, l)| (p, l.row))
        })
}

/// The drawn line at `row` of page `page` (from 0), if its sheet is built.
fn line_at(root: &Element, page: usize, row: usize) -> Option<Element> {
    let selector = format!(
        ".sheet[data-page=\"{}\"] .line[data-row=\"{row}\"]",
        page + 1
    );
    root.query_selector(&selector).ok().flatten()
}

/// Scrolls the sheets (and only them) so that the line holding the caret is
/// visible; nothing moves while it is.
fn keep_caret_in_view(root: &NodeRef, layout: &Layout, anchor: &Anchor, after: usize) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    let Some((page, row)) = layout.locate_caret(anchor, after) else {
        return;
    };
    let Some(line) = line_at(&root, page, row) else {
        return;
    };
    let view = root.get_bounding_client_rect();
    let rect = line.get_bounding_client_rect();
    let margin = rect.height().max(8.0);
    if rect.top() >= view.top() && rect.bottom() <= view.bottom() {
        return;
    }
    let delta = if rect.top() < view.top() {
        rect.top() - view.top() - margin
    } else {
        rect.bottom() - view.bottom() + margin
    };
    root.set_scroll_top(root.scroll_top() + delta.round() as i32);
}

/// Scrolls the sheets so that the line for `focus` is centred, unless it is
/// already wholly visible in the sheets and the window.
fn scroll_to(root: &NodeRef, layout: &Layout, focus: &Anchor) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    let Some((page, row)) = focus_target(layout, focus) else {
        return;
    };
    let Some(line) = line_at(&root, page, row) else {
        return;
    };
    let view = root.get_bounding_client_rect();
    let rect = line.get_bounding_client_rect();
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let top = view.top().max(0.0);
    let bottom = view.bottom().min(window_height);
    if rect.top() >= top && rect.bottom() <= bottom {
        return;
    }
    // Only the sheets scroll: the page around them (the form above them on
    // a narrow screen) stays where the writer has it.
    let middle = (rect.top() + rect.bottom()) / 2.0 - (top + bottom) / 2.0;
    root.set_scroll_top(root.scroll_top() + middle.round() as i32);
}
