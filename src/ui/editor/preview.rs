//! The live preview beside the form: the composed report laid out on
//! GB/T 9704 pages, the same pages that print. It fits the sheets to its
//! width unless the writer picks a zoom, keeps the line being typed in view
//! and marks its block, can mark the carried-over paragraphs, and opens the
//! field of a block clicked on.

use super::EditorMsg;
use crate::check::{CarriedParagraph, Location};
use crate::document::{compose_edition, Anchor};
use crate::draft::Draft;
use crate::i18n::{tr, Key};
use crate::layout::LayoutCache;
use crate::template::TemplateRef;
use crate::ui::document_css::use_document_css;
use crate::ui::language::{filled, use_language, words};
use crate::ui::pages::{anchor_key, short_decimal, Sheets};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// Zoom steps offered for the preview.
const ZOOMS: [f64; 6] = [0.5, 0.6, 0.75, 0.9, 1.0, 1.25];

/// The width of the stack of sheets at zoom 1, in CSS pixels: 210 mm of
/// sheet and 8 mm of desk on each side.
const STACK_PX: f64 = 226.0 * 96.0 / 25.4;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub template: TemplateRef,
    pub draft: Rc<Draft>,
    pub focus: Option<Anchor>,
    #[prop_or_default]
    pub caret: Option<(Anchor, usize)>,
    #[prop_or_default]
    pub carried: Rc<Vec<CarriedParagraph>>,
    #[prop_or_default]
    pub show_carried: bool,
    pub on_msg: Callback<EditorMsg>,
}

/// The zoom that fits the sheets into `width` pixels.
fn fit(width: f64) -> f64 {
    ((width - 2.0) / STACK_PX).clamp(0.25, 2.0)
}

/// A CSS attribute selector value, quoted.
fn quoted(key: &str) -> String {
    format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    use_language();
    let cache = use_mut_ref(LayoutCache::new);
    // `None`: fit to width (the default).
    let zoom = use_state(|| None::<usize>);
    let width = use_state(|| 0.0f64);
    let body = use_node_ref();
    let template = props.template;
    let layout = use_memo((template, props.draft.clone()), move |(template, draft)| {
        let (doc, frame) = compose_edition(template, draft);
        Rc::new(cache.borrow_mut().lay_out_edition(&doc, frame.as_ref()))
    });
    // Measure the width now and whenever the window is resized.
    {
        let (body, width) = (body.clone(), width.clone());
        use_effect_with((), move |_| {
            // The sheets' own width, without their scroll bar.
            let measure = move || {
                let sheets = body
                    .cast::<Element>()
                    .and_then(|el| el.query_selector(".sheets").ok().flatten());
                if let Some(el) = sheets {
                    width.set(f64::from(el.client_width()));
                }
            };
            measure();
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "resize", {
                let measure = measure.clone();
                move |_| measure()
            });
            move || drop(listener)
        });
    }
    let scale = match *zoom {
        Some(i) => ZOOMS[i],
        None if *width > 0.0 => fit(*width),
        None => 0.75,
    };
    let step = |delta: isize| {
        let zoom = zoom.clone();
        move |_: MouseEvent| {
            let next = match *zoom {
                Some(i) => (i as isize + delta).clamp(0, ZOOMS.len() as isize - 1) as usize,
                // From fitting the width: the next step beyond the fit.
                None if delta > 0 => ZOOMS
                    .iter()
                    .position(|&z| z > scale + 1e-6)
                    .unwrap_or(ZOOMS.len() - 1),
                None => ZOOMS.iter().rposition(|&z| z < scale - 1e-6).unwrap_or(0),
            };
            zoom.set(Some(next));
        }
    };
    let fit_width = {
        let zoom = zoom.clone();
        move |_: MouseEvent| zoom.set(None)
    };
    let page = |delta: i32| {
        let body = body.clone();
        move |_: MouseEvent| {
            if let Some(el) = body.cast::<Element>() {
                turn_page(&el, delta);
            }
        }
    };
    let toggle_carried = props.on_msg.reform(|e: Event| {
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        EditorMsg::ShowCarried(el.checked())
    });
    let on_line_click = props
        .on_msg
        .reform(move |(anchor, heading): (Anchor, bool)| {
            match Location::from_anchor(&template, &anchor, heading) {
                Some(location) => EditorMsg::Reveal(location),
                None => EditorMsg::Focus(anchor),
            }
        });
    // Marks drawn by style rules, so no sheet has to render again.
    let editing = props.focus.as_ref();
    // Screen only: the printout carries no marks.
    let mut css = String::from("@media screen{");
    if let Some(anchor) = editing {
        css.push_str(&format!(
            ".preview .line[data-anchor={}]{{background:rgba(255,214,102,.45);box-shadow:-3mm 0 0 rgba(178,42,42,.7)}}",
            quoted(&anchor_key(anchor))
        ));
    }
    if props.show_carried && !props.carried.is_empty() {
        let selectors: Vec<String> = props
            .carried
            .iter()
            .map(|c| {
                format!(
                    ".preview .line[data-anchor={}]",
                    quoted(&anchor_key(&c.location.anchor()))
                )
            })
            .collect();
        css.push_str(&format!(
            "{}{{text-decoration:underline wavy rgba(178,106,0,.8);background:rgba(255,236,179,.55)}}",
            selectors.join(",")
        ));
    }
    css.push('}');
    use_document_css(css);
    let carried = props.carried.len();
    html! {
        <aside class="preview" data-editing={editing.map(anchor_key)} data-show-carried={props.show_carried.to_string()}>
            <div class="preview-bar no-print">
                <button type="button" class="small" data-action="page-up" onclick={page(-1)} title={tr(Key::PageUp)}>{ words(Key::PageUpButton) }</button>
                <button type="button" class="small" data-action="page-down" onclick={page(1)} title={tr(Key::PageDown)}>{ words(Key::PageDownButton) }</button>
                <span class="zoom" data-zoom={short_decimal(scale)} data-zoom-mode={if zoom.is_none() { "fit" } else { "fixed" }}>
                    <button type="button" class="small" data-action="zoom-out" onclick={step(-1)} title={tr(Key::ZoomOut)}
                        disabled={zoom.is_some_and(|z| z == 0)}>{"－"}</button>
                    <span>{ format!("{}%", (scale * 100.0).round() as u32) }</span>
                    <button type="button" class="small" data-action="zoom-in" onclick={step(1)} title={tr(Key::ZoomIn)}
                        disabled={zoom.is_some_and(|z| z + 1 == ZOOMS.len())}>{"＋"}</button>
                    <button type="button" class={classes!("small", zoom.is_none().then_some("active"))}
                        data-action="zoom-fit" onclick={fit_width} title={tr(Key::FitWidthTitle)}>{ words(Key::FitWidth) }</button>
                </span>
                if carried > 0 {
                    <span class="toggle">
                        <input type="checkbox" id="show-carried" data-action="show-carried"
                            checked={props.show_carried} onchange={toggle_carried} />
                        <label for="show-carried">{ filled(Key::ShowCarried, &[&carried]) }</label>
                    </span>
                }
            </div>
            <div class="preview-body" ref={body}>
                <Sheets layout={(*layout).clone()} zoom={scale} focus={props.focus.clone()}
                    caret={props.caret.clone()} {on_line_click} />
            </div>
        </aside>
    }
}

/// Scrolls the sheets by one page: to the top of the next (`delta` 1) or
/// previous (-1) sheet from the one at the top of the view.
fn turn_page(body: &Element, delta: i32) {
    let Ok(Some(scroller)) = body.query_selector(".sheets") else {
        return;
    };
    let Ok(sheets) = scroller.query_selector_all(".sheet") else {
        return;
    };
    let top = scroller.get_bounding_client_rect().top();
    let tops: Vec<f64> = (0..sheets.length())
        .filter_map(|i| sheets.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
        .map(|e| e.get_bounding_client_rect().top() - top)
        .collect();
    // A turned page stops this far below the view's top, showing its edge.
    let gap = 8.0;
    // The sheet whose top is at or above that place.
    let current = tops.iter().rposition(|&t| t <= gap + 4.0).unwrap_or(0) as i32;
    let target = (current + delta).clamp(0, tops.len() as i32 - 1) as usize;
    if let Some(&t) = tops.get(target) {
        scroller.set_scroll_top(scroller.scroll_top() + (t - gap).round() as i32);
    }
}
