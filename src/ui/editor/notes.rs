//! Notes shown when a draft opens, such as what an import could not place;
//! each links to its step and can be dismissed.

use super::EditorMsg;
use crate::i18n::Key;
use crate::ui::language::{use_language, words};
use crate::wizard::STEP_BASIC;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotesProps {
    pub notes: Rc<Vec<(Option<String>, String)>>,
    pub on_msg: Callback<EditorMsg>,
}

#[component]
pub fn Notes(props: &NotesProps) -> Html {
    use_language();
    let open = use_state(|| true);
    if props.notes.is_empty() || !*open {
        return html! {};
    }
    let close = {
        let open = open.clone();
        move |_: MouseEvent| open.set(false)
    };
    let items = props.notes.iter().enumerate().map(|(i, (section, text))| {
        let step = section.clone().unwrap_or_else(|| STEP_BASIC.to_string());
        let go = props
            .on_msg
            .reform(move |_: MouseEvent| EditorMsg::GoTo(step.clone()));
        html! {
            <li key={i}>
                { text }
                <button type="button" class="small link" onclick={go}>{ words(Key::Show) }</button>
            </li>
        }
    });
    html! {
        <div class="notes" data-notes={props.notes.len().to_string()} role="status">
            <strong>{ words(Key::ImportNotes) }</strong>
            <ul>{ for items }</ul>
            <button type="button" class="small" onclick={close}>{ words(Key::GotIt) }</button>
        </div>
    }
}
