//! The editor's top bar: back to the list, the title, counts, undo/redo,
//! the save status and, when another tab saved a newer version, the
//! dialog choosing which to keep.

use super::print::{print_button, PrintState};
use super::{EditorMsg, SaveStatus};
use crate::ui::modal::Modal;
use crate::ui::platform::clock;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub title: String,
    pub chars: usize,
    pub save: SaveStatus,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_msg: Callback<EditorMsg>,
    pub on_close: Callback<MouseEvent>,
    pub on_keep_mine: Callback<MouseEvent>,
    pub on_take_theirs: Callback<MouseEvent>,
    /// The sample report, shown read-only.
    #[prop_or_default]
    pub example: bool,
    /// What printing needs to know (it asks once about carried-over text).
    pub print: PrintState,
    /// Downloads a backup of this draft (offered while saving fails).
    pub on_backup: Callback<MouseEvent>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let (status, class) = match &props.save {
        SaveStatus::Clean => ("已打开".to_string(), "clean"),
        SaveStatus::Pending => ("正在保存…".to_string(), "pending"),
        SaveStatus::Saved { at_ms } => (format!("已保存 {}", clock(*at_ms)), "saved"),
        SaveStatus::Failed(reason) => (reason.clone(), "failed"),
        SaveStatus::Conflict => (
            "另一个标签页保存了这份草稿的较新版本。".to_string(),
            "conflict",
        ),
    };
    let undo = props.on_msg.reform(|_: MouseEvent| EditorMsg::Undo);
    let redo = props.on_msg.reform(|_: MouseEvent| EditorMsg::Redo);
    html! {
        <header class="toolbar no-print">
            <button type="button" data-action="close" onclick={props.on_close.clone()}>{"← 我的报告"}</button>
            if props.example {
                <span class="badge" data-badge="example">{"示例"}</span>
            }
            <h1 class="doc-title" title={props.title.clone()}>{ if props.title.is_empty() { "（未填写标题）" } else { &props.title } }</h1>
            <span class="total-count" data-total-count={props.chars.to_string()}>{ format!("全文 {} 字", props.chars) }</span>
            <button type="button" data-action="undo" disabled={!props.can_undo || props.example} onclick={undo} title="撤销 (Ctrl+Z)">{"撤销"}</button>
            <button type="button" data-action="redo" disabled={!props.can_redo || props.example} onclick={redo} title="重做 (Ctrl+Shift+Z)">{"重做"}</button>
            { print_button("toolbar", &props.print, &props.on_msg, false) }
            <super::shortcuts::ShortcutHelp />
            if props.example {
                <span class="save-status clean" data-save-status="example" role="status" aria-live="polite">{"只读示例，不保存"}</span>
            } else {
                <span class={classes!("save-status", class)} data-save-status={class} role="status" aria-live="polite">{ status }</span>
                if matches!(props.save, SaveStatus::Failed(_)) {
                    <button type="button" class="primary" data-action="backup-now" onclick={props.on_backup.clone()}>{"导出本草稿备份"}</button>
                }
            }
            if props.save == SaveStatus::Conflict {
                // A choice must be made: Escape does not close it. It opens
                // unasked, maybe while the writer types, so the focus goes
                // to its title, not to a button a keystroke would press.
                <Modal labelled_by="conflict-title" role="alertdialog" data_dialog="conflict">
                    <h2 id="conflict-title" tabindex="-1" autofocus={true}>{"另一个标签页保存了这份草稿的较新版本"}</h2>
                    <p>{"无论选择哪个版本，另一个版本都会另存为一份草稿，不会丢失。"}</p>
                    <div class="dialog-buttons">
                        <button type="button" data-action="take-theirs" onclick={props.on_take_theirs.clone()}>{"载入较新版本"}</button>
                        <button type="button" data-action="keep-mine" onclick={props.on_keep_mine.clone()}>{"保留本页内容"}</button>
                    </div>
                </Modal>
            }
        </header>
    }
}
