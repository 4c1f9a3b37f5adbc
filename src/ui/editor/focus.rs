//! Putting the writer where the work is: a step opened at its top with its
//! first field focused, and a place (a finding, a block clicked in the
//! preview) opened with the caret at its paragraph.

use super::state::FocusRequest;
use crate::check::{Location, Within};
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// The `data-field` of the input holding `location`, and the paragraph of
/// a multi-paragraph box to put the caret at.
pub fn field_of(location: &Location) -> (String, Option<usize>) {
    let base = format!(
        "{}.{}",
        location.field.section_id().unwrap_or("meta"),
        location.field.id
    );
    let joined = |path: &[usize]| {
        path.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(".")
    };
    if location.is_heading() {
        let section = location.field.section_id().unwrap_or_default();
        return (format!("{section}.heading"), None);
    }
    match &location.path {
        Within::Field => (base, None),
        Within::Paragraph(n) => (base, Some(*n)),
        Within::SubsectionHeading(path) => (format!("{base}.{}.heading", joined(path)), None),
        Within::SubsectionParagraph { path, paragraph } => {
            (format!("{base}.{}.text", joined(path)), Some(*paragraph))
        }
        Within::PointParagraph { point, paragraph } => {
            (format!("{base}.{point}"), Some(*paragraph))
        }
    }
}

/// Carries out `request` on the rendered form.
pub fn apply(request: &FocusRequest) {
    let document = gloo::utils::document();
    let Ok(Some(pane)) = document.query_selector(".step-pane") else {
        return;
    };
    match request {
        FocusRequest::StepTop => {
            if pane.scroll_height() > pane.client_height() {
                pane.set_scroll_top(0);
            } else if let Ok(Some(body)) = pane.query_selector(".step-body") {
                // The pane does not scroll (narrow screens): the page does.
                let top = body.get_bounding_client_rect().top();
                if top < 0.0 {
                    gloo::utils::window().scroll_by_with_x_and_y(0.0, top);
                }
            }
            let first = pane
                .query_selector(".step-body input[type='text'], .step-body textarea")
                .ok()
                .flatten();
            if let Some(first) = first {
                focus_quietly(&first);
            }
        }
        FocusRequest::Place(location) => {
            let (field, paragraph) = field_of(location);
            let found = pane
                .query_selector(&format!("[data-field=\"{field}\"]"))
                .ok()
                .flatten()
                .or_else(|| {
                    // An empty list or a missing item: the field's box.
                    let key = format!(
                        "{}.{}",
                        location.field.section_id().unwrap_or("meta"),
                        location.field.id
                    );
                    pane.query_selector(&format!(
                        "[data-field-box=\"{key}\"] input[type='text'], [data-field-box=\"{key}\"] textarea, [data-field-box=\"{key}\"] button"
                    ))
                    .ok()
                    .flatten()
                });
            let Some(element) = found else {
                pane.set_scroll_top(0);
                return;
            };
            focus_quietly(&element);
            let fraction = paragraph
                .map(|p| put_caret_at_paragraph(&element, p))
                .unwrap_or(0.0);
            reveal_in(&pane, &element, fraction);
        }
    }
}

/// Focuses `element` without the browser scrolling to it.
fn focus_quietly(element: &Element) {
    if let Some(el) = element.dyn_ref::<HtmlElement>() {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Puts the caret at the start of paragraph `p` of a text box (its lines
/// that hold text); returns how far down the box that is, from 0 to 1.
fn put_caret_at_paragraph(element: &Element, p: usize) -> f64 {
    let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() else {
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            let _ = input.set_selection_range(0, 0);
        }
        return 0.0;
    };
    let value = area.value();
    let mut offset = 0u32;
    let mut seen = 0usize;
    let total: u32 = value.encode_utf16().count() as u32;
    for line in value.split('\n') {
        let len = line.encode_utf16().count() as u32;
        if !line.trim().is_empty() {
            if seen == p {
                break;
            }
            seen += 1;
        }
        offset += len + 1;
    }
    let offset = offset.min(total);
    let _ = area.set_selection_range(offset, offset);
    if total == 0 {
        0.0
    } else {
        f64::from(offset) / f64::from(total)
    }
}

/// Scrolls `pane` so that the point `fraction` down `element` is in view,
/// a third from the top; nothing moves when it is already visible.
fn reveal_in(pane: &Element, element: &Element, fraction: f64) {
    let view = pane.get_bounding_client_rect();
    let rect = element.get_bounding_client_rect();
    let window_height = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let top = view.top().max(0.0);
    let bottom = view.bottom().min(window_height);
    let target = rect.top() + rect.height() * fraction;
    let line = 40.0;
    if target >= top && target + line <= bottom && rect.top() >= top {
        return;
    }
    let delta = target - (top + (bottom - top) / 3.0);
    if pane.scroll_height() > pane.client_height() {
        pane.set_scroll_top(pane.scroll_top() + delta as i32);
    } else {
        // The pane does not scroll (narrow screens): the page does.
        gloo::utils::window().scroll_by_with_x_and_y(0.0, delta);
    }
}
