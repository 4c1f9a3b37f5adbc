//! The editor's top bar: back to the list, the title, counts, undo/redo,
//! the save status and, when another tab saved a newer version, the
//! dialog choosing which to keep.

use super::print::{print_button, PrintState};
use super::{EditorMsg, SaveStatus};
use crate::i18n::{fill, tr, Key};
use crate::ui::language::{filled, language_switch, use_language_context, words};
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
    let language = use_language_context();
    let (status, class) = match &props.save {
        SaveStatus::Clean => (tr(Key::StatusOpened).to_string(), "clean"),
        SaveStatus::Pending => (tr(Key::StatusSaving).to_string(), "pending"),
        SaveStatus::Saved { at_ms } => (fill(Key::StatusSaved, &[&clock(*at_ms)]), "saved"),
        SaveStatus::Failed(reason) => (reason.clone(), "failed"),
        SaveStatus::Conflict => (tr(Key::StatusConflict).to_string(), "conflict"),
    };
    let undo = props.on_msg.reform(|_: MouseEvent| EditorMsg::Undo);
    let redo = props.on_msg.reform(|_: MouseEvent| EditorMsg::Redo);
    html! {
        <header class="toolbar no-print">
            <button type="button" data-action="close" onclick={props.on_close.clone()}>{ words(Key::BackToList) }</button>
            if props.example {
                <span class="badge" data-badge="example">{ words(Key::ExampleBadge) }</span>
            }
            <h1 class="doc-title" title={props.title.clone()}>{ if props.title.is_empty() { tr(Key::NoTitle) } else { &props.title } }</h1>
            <span class="total-count" data-total-count={props.chars.to_string()}>{ filled(Key::TotalChars, &[&props.chars]) }</span>
            <button type="button" data-action="undo" disabled={!props.can_undo || props.example} onclick={undo} title={tr(Key::UndoTitle)}>{ words(Key::Undo) }</button>
            <button type="button" data-action="redo" disabled={!props.can_redo || props.example} onclick={redo} title={tr(Key::RedoTitle)}>{ words(Key::Redo) }</button>
            { print_button("toolbar", &props.print, &props.on_msg, false) }
            <super::shortcuts::ShortcutHelp />
            { language_switch(language.as_ref()) }
            if props.example {
                <span class="save-status clean" data-save-status="example" role="status" aria-live="polite">{ words(Key::ReadOnlyExample) }</span>
            } else {
                <span class={classes!("save-status", class)} data-save-status={class} role="status" aria-live="polite">{ status }</span>
                if matches!(props.save, SaveStatus::Failed(_)) {
                    <button type="button" class="primary" data-action="backup-now" onclick={props.on_backup.clone()}>{ words(Key::BackupDraft) }</button>
                }
            }
            if props.save == SaveStatus::Conflict {
                // A choice must be made: Escape does not close it. It opens
                // unasked, maybe while the writer types, so the focus goes
                // to its title, not to a button a keystroke would press.
                <Modal labelled_by="conflict-title" role="alertdialog" data_dialog="conflict">
                    <h2 id="conflict-title" tabindex="-1" autofocus={true}>{ words(Key::ConflictTitle) }</h2>
                    <p>{ words(Key::ConflictKept) }</p>
                    <div class="dialog-buttons">
                        <button type="button" data-action="take-theirs" onclick={props.on_take_theirs.clone()}>{ words(Key::TakeTheirs) }</button>
                        <button type="button" data-action="keep-mine" onclick={props.on_keep_mine.clone()}>{ words(Key::KeepMine) }</button>
                    </div>
                </Modal>
            }
        </header>
    }
}
