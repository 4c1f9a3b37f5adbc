//! The print button. With paragraphs carried over unedited it asks once
//! whether to go on; after "仍然打印" it prints without asking again.

use super::EditorMsg;
use crate::ui::platform;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintButtonProps {
    /// What is carried over ("12段沿用去年内容，尚未修改"), if anything.
    pub carried: Option<String>,
    /// Printing with carried-over text was already confirmed.
    pub confirmed: bool,
    pub on_msg: Callback<EditorMsg>,
    #[prop_or_default]
    pub primary: bool,
}

#[component]
pub fn PrintButton(props: &PrintButtonProps) -> Html {
    let asking = use_state(|| false);
    let print = {
        let on_msg = props.on_msg.clone();
        move || match platform::print() {
            Ok(()) => on_msg.emit(EditorMsg::EndTyping),
            Err(e) => on_msg.emit(EditorMsg::SaveFailed(e)),
        }
    };
    let onclick = {
        let (asking, print) = (asking.clone(), print.clone());
        let ask = props.carried.is_some() && !props.confirmed;
        move |_: MouseEvent| {
            if ask {
                asking.set(true);
            } else {
                print();
            }
        }
    };
    let anyway = {
        let (asking, on_msg) = (asking.clone(), props.on_msg.clone());
        move |_: MouseEvent| {
            asking.set(false);
            on_msg.emit(EditorMsg::ConfirmPrint);
            print();
        }
    };
    let cancel = {
        let asking = asking.clone();
        move |_: MouseEvent| asking.set(false)
    };
    html! {
        <span class="print">
            <button type="button" class={classes!(props.primary.then_some("primary"))} data-action="print" {onclick}
                title="用浏览器打印，或在打印对话框中选择“另存为PDF”">{"打印 / 存为PDF"}</button>
            if *asking {
                <span class="print-confirm" role="alertdialog" data-confirm="print">
                    { format!("{}。仍要打印吗？", props.carried.as_deref().unwrap_or_default()) }
                    <button type="button" class="small" data-action="print-anyway" onclick={anyway}>{"仍然打印"}</button>
                    <button type="button" class="small" data-action="print-cancel" onclick={cancel}>{"先去修改"}</button>
                </span>
            }
        </span>
    }
}
