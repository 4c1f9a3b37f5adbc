//! The smallest Yew interface: one component, a labelled textarea mirrored
//! into a div, starting from a given text. Shared by the floor examples.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub start: String,
}

#[function_component]
pub fn Mirror(props: &Props) -> Html {
    let text = use_state(|| props.start.clone());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    html! {
        <main>
            <label for="text">{ "正文" }</label>
            <textarea id="text" {oninput} />
            <div>{ (*text).clone() }</div>
        </main>
    }
}

/// Mounts the mirror on the page's body, starting from `start`.
pub fn mount(start: String) {
    yew::Renderer::<Mirror>::with_props(Props { start }).render();
}
