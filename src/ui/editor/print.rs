//! The print button. With paragraphs carried over unedited it asks once
//! whether to go on; after "仍然打印" it prints without asking again. The
//! question shows beside the button that was clicked (the toolbar's or the
//! review step's) as a modal dialog (Escape is 先去修改); whether it is
//! open lives in the editor's state.

use super::EditorMsg;
use crate::i18n::{tr, Key};
use crate::ui::language::{filled, words};
use crate::ui::modal::Modal;
use crate::ui::platform;
use yew::prelude::*;

/// Where a print button is: `"toolbar"` or `"review"`.
pub type PrintPlace = &'static str;

/// What a print button needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintState {
    /// What is carried over ("12段沿用去年内容，尚未修改"), if anything.
    pub carried: Option<String>,
    /// Printing with carried-over text was already confirmed.
    pub confirmed: bool,
    /// The button whose question is open, if any.
    pub asking: Option<PrintPlace>,
}

fn print(on_msg: &Callback<EditorMsg>) {
    match platform::print() {
        Ok(()) => on_msg.emit(EditorMsg::EndTyping),
        Err(e) => on_msg.emit(EditorMsg::SaveFailed(e)),
    }
}

/// Prints, or first asks at `place` when carried-over text is unconfirmed:
/// what the print button and Ctrl+P do.
pub fn request_print(place: PrintPlace, state: &PrintState, on_msg: &Callback<EditorMsg>) {
    if state.carried.is_some() && !state.confirmed {
        on_msg.emit(EditorMsg::AskPrint(Some(place)));
    } else {
        print(on_msg);
    }
}

/// The print button at `place`, with its question when it is open.
pub fn print_button(
    place: PrintPlace,
    state: &PrintState,
    on_msg: &Callback<EditorMsg>,
    primary: bool,
) -> Html {
    let onclick = {
        let (on_msg, state) = (on_msg.clone(), state.clone());
        move |_: MouseEvent| request_print(place, &state, &on_msg)
    };
    let anyway = {
        let on_msg = on_msg.clone();
        move |_: MouseEvent| {
            on_msg.emit(EditorMsg::ConfirmPrint);
            print(&on_msg);
        }
    };
    let cancel = on_msg.reform(|_: MouseEvent| EditorMsg::AskPrint(None));
    let escape = on_msg.reform(|()| EditorMsg::AskPrint(None));
    let title = format!("print-question-{place}");
    html! {
        <div class="print">
            <button type="button" class={classes!(primary.then_some("primary"))} data-action="print" {onclick}
                aria-haspopup="dialog" title={tr(Key::PrintTitle)}>{ words(Key::Print) }</button>
            if state.asking == Some(place) {
                <Modal labelled_by={title.clone()} role="alertdialog" class="print-confirm" data_confirm="print"
                    on_escape={escape}>
                    <p id={title}>{ filled(Key::PrintAsk, &[&state.carried.as_deref().unwrap_or_default()]) }</p>
                    <div class="dialog-buttons">
                        <button type="button" class="primary" data-action="print-anyway" onclick={anyway}>{ words(Key::PrintAnyway) }</button>
                        <button type="button" data-action="print-cancel" onclick={cancel}>{ words(Key::PrintCancel) }</button>
                    </div>
                </Modal>
            }
        </div>
    }
}
