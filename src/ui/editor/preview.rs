//! The live preview beside the form: the composed report laid out on
//! GB/T 9704 pages, the same pages that print.

use crate::document::{compose_edition, Anchor};
use crate::draft::Draft;
use crate::layout::LayoutCache;
use crate::template::annual_report;
use crate::ui::pages::{short_decimal, Sheets};
use std::rc::Rc;
use yew::prelude::*;

/// Zoom steps offered for the preview.
const ZOOMS: [f64; 5] = [0.5, 0.6, 0.75, 0.9, 1.0];

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub draft: Rc<Draft>,
    pub focus: Option<Anchor>,
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let cache = use_mut_ref(LayoutCache::new);
    let zoom = use_state(|| 2usize);
    let layout = use_memo(props.draft.clone(), move |draft| {
        let (doc, frame) = compose_edition(annual_report(), draft);
        Rc::new(cache.borrow_mut().lay_out_edition(&doc, frame.as_ref()))
    });
    let set_zoom = |delta: isize| {
        let zoom = zoom.clone();
        move |_: MouseEvent| {
            let next = (*zoom as isize + delta).clamp(0, ZOOMS.len() as isize - 1) as usize;
            zoom.set(next);
        }
    };
    html! {
        <aside class="preview">
            <div class="zoom no-print">
                <button type="button" class="small" data-action="zoom-out" disabled={*zoom == 0}
                    onclick={set_zoom(-1)} title="缩小">{"－"}</button>
                <span data-zoom={short_decimal(ZOOMS[*zoom])}>{ format!("{}%", (ZOOMS[*zoom] * 100.0) as u32) }</span>
                <button type="button" class="small" data-action="zoom-in" disabled={*zoom + 1 == ZOOMS.len()}
                    onclick={set_zoom(1)} title="放大">{"＋"}</button>
            </div>
            <Sheets layout={(*layout).clone()} zoom={ZOOMS[*zoom]} focus={props.focus.clone()} />
        </aside>
    }
}
