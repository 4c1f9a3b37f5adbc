//! The live preview beside the form: the composed report laid out on pages.

use crate::document::{compose, Anchor};
use crate::draft::Draft;
use crate::layout::LayoutCache;
use crate::render::text;
use crate::template::annual_report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub draft: Rc<Draft>,
    pub focus: Option<Anchor>,
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let cache = use_mut_ref(LayoutCache::new);
    let draft = props.draft.clone();
    let (doc, layout) = &*use_memo(draft, move |draft| {
        let doc = compose(annual_report(), draft);
        let layout = cache.borrow_mut().lay_out(&doc);
        (doc, Rc::new(layout))
    });
    html! {
        <aside class="preview" data-page-count={layout.pages.len().to_string()}>
            <pre id="preview-text" class="preview-text">{ text::render(doc) }</pre>
        </aside>
    }
}
