//! One row of the start page's list of drafts. Every button reports a
//! [`RowMsg`] with the draft's id through one shared callback, so the list
//! does not build a set of closures per draft.

use crate::draft::DraftSummary;
use crate::i18n::{tr, Key};
use crate::ui::language::{filled, words};
use crate::ui::modal::Modal;
use crate::ui::platform::date_time;
use yew::prelude::*;

/// What the user did on a row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowMsg {
    Open,
    Duplicate,
    NextYear,
    AskDelete,
    CancelDelete,
    Delete,
    /// Renaming starts from the title as it prints.
    StartRename(String),
    /// The title being typed.
    RenameInput(String),
    CommitRename,
    CancelRename,
}

/// What a row shows.
pub struct DraftRowProps {
    pub summary: DraftSummary,
    /// "确定删除这份草稿？" is asked on this row.
    pub confirming: bool,
    /// The title being typed while the draft is renamed.
    pub renaming: Option<String>,
    /// The draft's id and what happened.
    pub on: Callback<(String, RowMsg)>,
}

/// The row of one draft: a plain function, not a component — the start
/// page renders again on every change that could change a row, so a
/// component's props comparison would save nothing and cost its code.
pub fn draft_row(props: DraftRowProps) -> Html {
    let props = &props;
    let summary = &props.summary;
    let send = |msg: RowMsg| {
        let id = summary.id.clone();
        props
            .on
            .reform(move |_: MouseEvent| (id.clone(), msg.clone()))
    };
    let question_id = format!("delete-question-{}", summary.id);
    let cancel_delete = {
        let id = summary.id.clone();
        props
            .on
            .reform(move |()| (id.clone(), RowMsg::CancelDelete))
    };
    let rename_input = {
        let id = summary.id.clone();
        props.on.reform(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            (id.clone(), RowMsg::RenameInput(el.value()))
        })
    };
    let rename_keys = {
        let (id, on) = (summary.id.clone(), props.on.clone());
        move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => on.emit((id.clone(), RowMsg::CommitRename)),
            "Escape" => on.emit((id.clone(), RowMsg::CancelRename)),
            _ => {}
        }
    };
    let percent = summary.completeness.percent();
    html! {
        <li key={summary.id.clone()} class="draft-row" data-draft={summary.id.clone()}>
            <div class="draft-main">
                if let Some(title) = props.renaming.clone() {
                    <input type="text" class="rename" data-rename={summary.id.clone()} value={title}
                        oninput={rename_input} onkeydown={rename_keys} />
                    <button type="button" class="small" data-action="rename-ok" onclick={send(RowMsg::CommitRename)}>{ words(Key::Confirm) }</button>
                } else {
                    <button type="button" class="link draft-title" data-action="open" onclick={send(RowMsg::Open)}>{ &summary.label }</button>
                }
                <span class="meta">
                    if !summary.kind.is_empty() {
                        <span class="kind" data-kind={summary.kind.clone()}>{ &summary.kind }</span>
                    }
                    <span data-year={summary.year.to_string()}>{ filled(Key::DraftYear, &[&summary.year]) }</span>
                    <span>{ filled(Key::LastEdited, &[&date_time(summary.updated_ms)]) }</span>
                    <span>{ filled(Key::CharCount, &[&summary.char_count]) }</span>
                    <span class="progress" title={tr(Key::CompletenessTitle)}>
                        <progress max="100" value={percent.to_string()} />
                        { filled(Key::Completeness, &[&percent]) }
                    </span>
                </span>
            </div>
            <div class="draft-tools">
                <button type="button" class="small" data-action="duplicate" onclick={send(RowMsg::Duplicate)}>{ words(Key::Duplicate) }</button>
                <button type="button" class="small" data-action="next-year" onclick={send(RowMsg::NextYear)}>{ words(Key::NextYear) }</button>
                <button type="button" class="small" data-action="rename" onclick={send(RowMsg::StartRename(summary.title.clone()))}>{ words(Key::Rename) }</button>
                <button type="button" class="small danger" data-action="delete" onclick={send(RowMsg::AskDelete)}
                    aria-haspopup="dialog">{ words(Key::Delete) }</button>
                if props.confirming {
                    // 取消 takes the focus and Escape cancels: deleting is
                    // never one keystroke away.
                    <Modal labelled_by={question_id.clone()} role="alertdialog" class="confirm" on_escape={cancel_delete}>
                        <p id={question_id}>{ words(Key::ConfirmDelete) }</p>
                        <div class="dialog-buttons">
                            <button type="button" class="danger" data-action="confirm-delete" onclick={send(RowMsg::Delete)}>{ words(Key::Delete) }</button>
                            <button type="button" data-action="cancel-delete" autofocus={true} onclick={send(RowMsg::CancelDelete)}>{ words(Key::Cancel) }</button>
                        </div>
                    </Modal>
                }
            </div>
        </li>
    }
}
