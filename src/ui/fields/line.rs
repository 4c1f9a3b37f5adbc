//! A one-line text input.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineInputProps {
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub on_focus: Callback<()>,
    #[prop_or_default]
    pub on_blur: Callback<()>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    pub field: AttrValue,
    #[prop_or_default]
    pub wide: bool,
}

#[component]
pub fn LineInput(props: &LineInputProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        el.value()
    });
    let onfocus = props.on_focus.reform(|_: FocusEvent| ());
    let onblur = props.on_blur.reform(|_: FocusEvent| ());
    html! {
        <input type="text" class={classes!("line-input", props.wide.then_some("wide"))}
            id={super::input_id(&props.field)} data-field={props.field.clone()} value={props.value.clone()}
            placeholder={props.placeholder.clone()} {oninput} {onfocus} {onblur} />
    }
}
