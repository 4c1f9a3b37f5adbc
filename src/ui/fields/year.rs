//! The report year. Only a four-digit year moves the title and headings, so
//! typing "202" on the way to "2024" changes nothing yet.

use crate::i18n::Key;
use crate::ui::language::{use_language, words};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct YearInputProps {
    pub value: i32,
    pub on_change: Callback<i32>,
    pub field: AttrValue,
}

#[component]
pub fn YearInput(props: &YearInputProps) -> Html {
    use_language();
    let typed = use_state(|| None::<String>);
    let shown = match &*typed {
        Some(t) if t.trim().parse::<i32>().ok() == Some(props.value) || t.trim().len() != 4 => {
            t.clone()
        }
        _ => props.value.to_string(),
    };
    let oninput = {
        let typed = typed.clone();
        let on_change = props.on_change.clone();
        move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = el.value();
            if let Ok(year) = text.trim().parse::<i32>() {
                if text.trim().len() == 4 {
                    on_change.emit(year);
                }
            }
            typed.set(Some(text));
        }
    };
    let onblur = {
        let typed = typed.clone();
        move |_: FocusEvent| typed.set(None)
    };
    html! {
        <span class="year-input">
            <input type="text" inputmode="numeric" maxlength="4" id={super::input_id(&props.field)} data-field={props.field.clone()}
                value={shown} {oninput} {onblur} />
            <span class="unit">{ words(Key::YearUnit) }</span>
        </span>
    }
}
