//! A multi-paragraph text box: Enter starts a new paragraph.
//!
//! The model keeps paragraphs, not the typed text: a trailing empty line or
//! an indent typed a moment ago is not in it. While the box has focus it
//! shows what the user typed as long as that still means the model's
//! paragraphs; after an undo (or any outside change) it shows the model.

use crate::draft::split_paragraphs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    /// The model's text: paragraphs joined by line breaks.
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub on_focus: Callback<()>,
    #[prop_or_default]
    pub on_blur: Callback<()>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Stable hook for tests and labels: `data-field`.
    pub field: AttrValue,
    #[prop_or(4)]
    pub rows: u32,
    /// Where the caret is after typing or moving it: the paragraph (among
    /// the lines holding text) and the characters after it in that paragraph.
    #[prop_or_default]
    pub on_caret: Callback<(usize, usize)>,
}

/// Reports the caret of `area` to `on_caret`.
fn report_caret(area: &web_sys::HtmlTextAreaElement, on_caret: &Callback<(usize, usize)>) {
    if let Ok(Some(at)) = area.selection_start() {
        on_caret.emit(crate::draft::caret_paragraph(&area.value(), at));
    }
}

#[component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let typed = use_state(|| None::<String>);
    let shown = match &*typed {
        Some(t) if split_paragraphs(t).join("\n") == props.value.as_str() => t.clone(),
        _ => props.value.to_string(),
    };
    let oninput = {
        let typed = typed.clone();
        let on_input = props.on_input.clone();
        let on_caret = props.on_caret.clone();
        move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let text = el.value();
            typed.set(Some(text.clone()));
            on_input.emit(text);
            report_caret(&el, &on_caret);
        }
    };
    let onkeyup = {
        let on_caret = props.on_caret.clone();
        move |e: KeyboardEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            report_caret(&el, &on_caret);
        }
    };
    let onclick = {
        let on_caret = props.on_caret.clone();
        move |e: MouseEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            report_caret(&el, &on_caret);
        }
    };
    let onfocus = props.on_focus.reform(|_: FocusEvent| ());
    let onblur = {
        let typed = typed.clone();
        let on_blur = props.on_blur.clone();
        move |_: FocusEvent| {
            typed.set(None);
            on_blur.emit(());
        }
    };
    let lines = shown.lines().count().max(1) as u32;
    let rows = props.rows.max(lines.min(30) + 1);
    // The box's value, set only when it differs from what the box shows:
    // after a keystroke it already holds the typed text, and setting a long
    // value again costs the keystroke's frame a redraw of the box.
    let node = use_node_ref();
    {
        let (node, typed) = (node.clone(), (*typed).clone());
        use_effect_with(shown, move |shown| {
            if typed.as_ref() != Some(shown) {
                if let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() {
                    if area.value() != *shown {
                        area.set_value(shown);
                    }
                }
            }
        });
    }
    html! {
        <textarea class="text-area" id={super::input_id(&props.field)} data-field={props.field.clone()} ref={node}
            rows={rows.to_string()} placeholder={props.placeholder.clone()}
            {oninput} {onfocus} {onblur} {onkeyup} {onclick} />
    }
}
