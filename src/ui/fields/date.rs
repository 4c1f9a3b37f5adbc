//! The signing date: typed the usual ways (2023年12月18日, 2023-12-18) and
//! stored as a date, so it always prints without leading zeros.

use crate::draft::ReportDate;
use crate::i18n::{tr, Key};
use crate::ui::language::{use_language, words};
use crate::ui::platform::today;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateInputProps {
    pub value: Option<ReportDate>,
    pub on_change: Callback<Option<ReportDate>>,
    #[prop_or_default]
    pub on_focus: Callback<()>,
    pub field: AttrValue,
}

#[component]
pub fn DateInput(props: &DateInputProps) -> Html {
    use_language();
    let typed = use_state(|| None::<String>);
    let model = props.value.map(|d| d.to_string()).unwrap_or_default();
    let shown = match &*typed {
        Some(t)
            if ReportDate::parse(t) == props.value
                || t.trim().is_empty() == props.value.is_none() =>
        {
            t.clone()
        }
        _ => model,
    };
    let invalid = !shown.trim().is_empty() && ReportDate::parse(&shown).is_none();
    let oninput = {
        let typed = typed.clone();
        let on_change = props.on_change.clone();
        move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = el.value();
            if text.trim().is_empty() {
                on_change.emit(None);
            } else if let Some(date) = ReportDate::parse(&text) {
                on_change.emit(Some(date));
            }
            typed.set(Some(text));
        }
    };
    let onblur = {
        let typed = typed.clone();
        move |_: FocusEvent| typed.set(None)
    };
    let set_today = {
        let on_change = props.on_change.clone();
        let typed = typed.clone();
        move |_: MouseEvent| {
            let (y, m, d) = today();
            typed.set(None);
            on_change.emit(ReportDate::new(y, m, d));
        }
    };
    let onfocus = props.on_focus.reform(|_: FocusEvent| ());
    html! {
        <span class="date-input">
            <input type="text" id={super::input_id(&props.field)} data-field={props.field.clone()} value={shown}
                placeholder={tr(Key::DatePlaceholder)} {oninput} {onblur} {onfocus}
                class={classes!(invalid.then_some("invalid"))} />
            <button type="button" class="small" onclick={set_today}>{ words(Key::Today) }</button>
            if invalid {
                <span class="field-error">{ words(Key::DateInvalid) }</span>
            }
        </span>
    }
}
