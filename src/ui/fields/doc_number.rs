//! The 发文字号 typed in its three parts — 机关代字, 年份, 序号 — and stored
//! as it prints, 荆发〔2023〕15号 (GB/T 9704 7.2.5): the year in 〔〕, “号”
//! after the number. A stored value that does not read as three parts
//! shows whole in the 代字 box, for the writer to split.

use super::input_id;
use crate::document::frame::DocNumber;
use crate::i18n::{fill, tr, Key};
use crate::ui::language::use_language;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocNumberInputProps {
    /// The stored 发文字号.
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub on_focus: Callback<()>,
    #[prop_or_default]
    pub on_blur: Callback<()>,
    /// The field's key (`meta.doc_number`); the parts get `.code`, `.year`,
    /// `.number` after it in `data-field` and `id`.
    pub field: AttrValue,
}

#[component]
pub fn DocNumberInput(props: &DocNumberInputProps) -> Html {
    use_language();
    let parts = DocNumber::parse(&props.value).unwrap_or_else(|| DocNumber {
        code: props.value.to_string(),
        year: String::new(),
        number: String::new(),
    });
    let input = |part: &'static str, label: &'static str, value: &str, size: u32| {
        let key = format!("{}.{part}", props.field);
        let parts = parts.clone();
        let on_input = props.on_input.clone();
        let oninput = move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let typed = el.value().trim().to_string();
            let mut next = parts.clone();
            match part {
                "code" => next.code = typed,
                "year" => next.year = typed,
                _ => next.number = typed,
            }
            let blank = next.code.is_empty() && next.year.is_empty() && next.number.is_empty();
            on_input.emit(if blank { String::new() } else { next.text() });
        };
        let onfocus = props.on_focus.reform(|_: FocusEvent| ());
        let onblur = props.on_blur.reform(|_: FocusEvent| ());
        html! {
            <span class="doc-number-part">
                <label for={input_id(&key)}>{ label }</label>
                <input type="text" id={input_id(&key)} data-field={key.clone()} value={value.to_string()}
                    size={size.to_string()} {oninput} {onfocus} {onblur} />
            </span>
        }
    };
    html! {
        <span class="doc-number" data-field={props.field.clone()}>
            { input("code", tr(Key::DocNumberCode), &parts.code, 8) }
            { input("year", tr(Key::DocNumberYear), &parts.year, 5) }
            { input("number", tr(Key::DocNumberSerial), &parts.number, 4) }
            <span class="doc-number-shown" data-doc-number={props.value.clone()}>
                { if props.value.is_empty() { tr(Key::DocNumberExample).to_string() } else { fill(Key::DocNumberPrints, &[&props.value]) } }
            </span>
        </span>
    }
}
