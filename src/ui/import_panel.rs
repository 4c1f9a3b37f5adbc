//! Starting from an existing report: paste its text, or open a .txt or
//! .docx file; and restoring drafts from a JSON backup. Whatever goes wrong
//! is said in one message, and no existing draft is touched.
//!
//! An import is proposed before it is saved: the kind the text matches best
//! is chosen and marked, every kind (built-in and the writer's own) is
//! offered with how many of the text's sections it matches, and choosing
//! another imports the same text again under that template. 确认导入 saves
//! the draft and opens it; 取消 keeps the pasted text.

use crate::backup;
use crate::draft::{draft_id, ReportDate};
use crate::i18n::{fill, tr, Key};
use crate::template;
use crate::tools::{self, ImportAnswer, ImportRequest, KindChoice, Value};
use crate::ui::app::Opened;
use crate::ui::files::{decode_text, kind_of, read_bytes, FileKind};
use crate::ui::language::{use_language, words};
use crate::ui::platform::{self, entropy, now_ms, today};
use crate::ui::session::Session;
use crate::ui::worker;
use crate::wizard::STEP_BASIC;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub on_open: Callback<Opened>,
    /// Called after backups were restored, so the list refreshes.
    pub on_restored: Callback<()>,
}

fn new_id() -> String {
    draft_id(now_ms(), entropy())
}

/// An import waiting for the writer to confirm it: the text, kept whole for
/// importing it again as another kind, and what the importer made of it.
#[derive(Debug, Clone, PartialEq)]
struct Proposal {
    text: String,
    /// The new draft's id, the same whichever kind is chosen.
    id: String,
    answer: ImportAnswer,
}

/// Imports `text` as a draft of the kind chosen (`None`: the kind it is
/// recognised as), without saving it, or an error message. The importer
/// runs in the on-demand tools worker.
async fn import_text(
    text: String,
    id: String,
    template_id: Option<String>,
) -> Result<Proposal, String> {
    let request = ImportRequest {
        text: text.clone(),
        id: id.clone(),
        now_ms: now_ms(),
        template_id,
        templates: template::registered().into_iter().cloned().collect(),
    };
    let request = serde_json::to_string(&request).map_err(|e| e.to_string())?;
    let Value::Text(answer) = worker::call(tools::IMPORT_TEXT, Value::Text(request)).await? else {
        return Err(tr(Key::ImportFailed).to_string());
    };
    let answer: ImportAnswer =
        worker::from_json(&answer).ok_or_else(|| tr(Key::ImportFailed).to_string())?;
    Ok(Proposal { text, id, answer })
}

/// Saves the proposed draft and opens it.
fn confirm(session: &Session, proposal: &Proposal) -> Result<Opened, String> {
    let mut draft = proposal.answer.draft.clone();
    session
        .with(|s| s.save(&mut draft, now_ms()))
        .map_err(|e| e.to_string())?;
    Ok(Opened {
        example: false,
        draft: Rc::new(draft),
        step: STEP_BASIC.into(),
        notes: Rc::new(proposal.answer.notes.clone()),
    })
}

/// How a kind is offered: its name, whether it is proposed, and how many of
/// the text's sections it matches.
fn kind_label(kind: &KindChoice) -> String {
    let proposed = if kind.proposed {
        tr(Key::KindProposedMark)
    } else {
        ""
    };
    if kind.sections == 0 {
        format!("{}{proposed}", kind.name)
    } else {
        fill(
            Key::KindMatch,
            &[&kind.name, &proposed, &kind.sections, &kind.matched],
        )
    }
}

/// The text of a .docx file, read in the on-demand tools worker.
async fn docx_text(bytes: Vec<u8>) -> Result<String, String> {
    match worker::call(tools::READ_DOCX, Value::Bytes(bytes)).await? {
        Value::Text(text) => Ok(text),
        Value::Bytes(_) => Err(tr(Key::DocxUnreadable).to_string()),
    }
}

#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    use_language();
    let session = use_context::<Session>();
    let pasted = use_state(String::new);
    let message = use_state(|| None::<Result<String, String>>);
    let busy = use_state(|| false);
    // The import waiting for 确认导入.
    let proposal = use_state(|| None::<Rc<Proposal>>);
    // A new proposal is brought into view (not a switch of its kind).
    let proposal_ref = use_node_ref();
    {
        let proposal_ref = proposal_ref.clone();
        let shown = proposal.as_ref().map(|p| p.id.clone());
        use_effect_with(shown, move |_| {
            if let Some(el) = proposal_ref.cast::<web_sys::Element>() {
                el.scroll_into_view_with_bool(false);
            }
        });
    }
    let Some(session) = session else {
        return html! {};
    };

    let on_paste_input = {
        let pasted = pasted.clone();
        move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(el.value());
        }
    };
    // Runs the importer on `text` as `kind` and shows what it made for
    // the writer to confirm; the importer answers asynchronously, so one
    // import runs at a time.
    let propose = {
        let (message, busy, proposal) = (message.clone(), busy.clone(), proposal.clone());
        Callback::from(move |(text, id, kind): (String, String, Option<String>)| {
            let (message, busy, proposal) = (message.clone(), busy.clone(), proposal.clone());
            busy.set(true);
            message.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let result = import_text(text, id, kind).await;
                busy.set(false);
                match result {
                    Ok(p) => proposal.set(Some(Rc::new(p))),
                    Err(e) => message.set(Some(Err(e))),
                }
            });
        })
    };
    let import_pasted = {
        let (pasted, propose) = (pasted.clone(), propose.clone());
        move |_: MouseEvent| propose.emit(((*pasted).clone(), new_id(), None))
    };
    let on_kind = {
        let (proposal, propose) = (proposal.clone(), propose.clone());
        move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(p) = proposal.as_ref() {
                propose.emit((p.text.clone(), p.id.clone(), Some(el.value())));
            }
        }
    };
    let on_confirm = {
        let (session, message, proposal, on_open) = (
            session.clone(),
            message.clone(),
            proposal.clone(),
            props.on_open.clone(),
        );
        move |_: MouseEvent| {
            let Some(p) = proposal.as_ref() else {
                return;
            };
            match confirm(&session, p) {
                Ok(opened) => {
                    proposal.set(None);
                    on_open.emit(opened);
                }
                Err(e) => message.set(Some(Err(e))),
            }
        }
    };
    let on_cancel = {
        let proposal = proposal.clone();
        move |_: MouseEvent| proposal.set(None)
    };
    let on_file = {
        let (session, message, busy, on_restored, propose) = (
            session.clone(),
            message.clone(),
            busy.clone(),
            props.on_restored.clone(),
            propose.clone(),
        );
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (session, message, busy, on_restored, propose) = (
                session.clone(),
                message.clone(),
                busy.clone(),
                on_restored.clone(),
                propose.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let result: Result<Option<String>, String> = async {
                    let kind = kind_of(&name);
                    if kind == FileKind::Doc {
                        return Err(tr(Key::OldDoc).to_string());
                    }
                    if kind == FileKind::Other {
                        return Err(fill(Key::UnsupportedFile, &[&name]));
                    }
                    let bytes = read_bytes(&file).await?;
                    match kind {
                        FileKind::Backup => {
                            let text = decode_text(&bytes)?;
                            let mut next_id = new_id;
                            let report = session
                                .with(|s| backup::import(s, &text, &mut next_id))
                                .map_err(|e| e.to_string())?;
                            message.set(Some(Ok(report.message())));
                            on_restored.emit(());
                            Ok(None)
                        }
                        FileKind::Docx => docx_text(bytes).await.map(Some),
                        _ => decode_text(&bytes).map(Some),
                    }
                }
                .await;
                busy.set(false);
                match result {
                    Ok(Some(text)) => propose.emit((text, new_id(), None)),
                    Ok(None) => {}
                    Err(e) => message.set(Some(Err(e))),
                }
            });
        }
    };
    let export_all = {
        let (session, message) = (session.clone(), message.clone());
        move |_: MouseEvent| {
            let (y, m, d) = today();
            let name = ReportDate::new(y, m, d)
                .map(backup::file_name)
                .unwrap_or_else(|| tr(Key::BackupFileName).into());
            let result = session
                .with(|s| backup::export_store(s, now_ms()))
                .map_err(|e| e.to_string())
                .and_then(|export| {
                    platform::download(&name, "application/json", export.json.as_bytes())?;
                    session.note_backup(now_ms());
                    let mut text = fill(Key::BackupAllDone, &[&export.drafts, &name]);
                    if !export.skipped.is_empty() {
                        text.push_str(&fill(Key::BackupAllSkipped, &[&export.skipped.len()]));
                    }
                    Ok(text)
                });
            message.set(Some(result));
        }
    };
    let choose_file = |_: MouseEvent| {
        if let Some(input) = gloo::utils::document()
            .get_element_by_id("import-file")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            input.click();
        }
    };
    html! {
        <section class="import-panel">
            <h2>{ words(Key::ImportHeading) }</h2>
            <p class="hint">{ words(Key::ImportHint) }</p>
            <label class="import-label" for="import-text">{ words(Key::ImportText) }</label>
            <textarea id="import-text" data-field="import-text" rows="5" value={(*pasted).clone()} oninput={on_paste_input}
                placeholder={tr(Key::ImportPlaceholder)} />
            <div class="import-tools">
                <button type="button" class="primary" data-action="import-text" disabled={*busy || pasted.trim().is_empty()}
                    onclick={import_pasted}>{ words(Key::ImportPasted) }</button>
                <button type="button" data-action="import-file" onclick={choose_file} disabled={*busy}>
                    { if *busy { words(Key::Reading) } else { words(Key::OpenFile) } }
                </button>
                <input type="file" id="import-file" data-field="import-file" accept=".txt,.docx,.json,.md"
                    hidden=true onchange={on_file} />
                <button type="button" data-action="backup-all" onclick={export_all}>{ words(Key::BackupAll) }</button>
            </div>
            if let Some(p) = proposal.as_ref() {
                <div ref={proposal_ref}>
                    { proposal_view(p, *busy, on_kind, on_confirm, on_cancel) }
                </div>
            }
            if let Some(result) = &*message {
                <p class={classes!("message", if result.is_ok() { "ok" } else { "error" })} role="status" aria-live="polite" data-import-message="">
                    { match result { Ok(m) | Err(m) => m.clone() } }
                </p>
            }
        </section>
    }
}

/// The import waiting for 确认导入: the kind chosen among every kind, the
/// title and sections the draft will have.
fn proposal_view(
    p: &Proposal,
    busy: bool,
    on_kind: impl Fn(Event) + 'static,
    on_confirm: impl Fn(MouseEvent) + 'static,
    on_cancel: impl Fn(MouseEvent) + 'static,
) -> Html {
    let draft = &p.answer.draft;
    let proposed = p.answer.kinds.iter().find(|k| k.proposed);
    let chosen = p.answer.kinds.iter().find(|k| k.id == draft.template_id);
    let said = match (proposed, chosen) {
        (Some(proposed), Some(chosen)) if proposed.id != chosen.id => {
            fill(Key::ImportKindSwitched, &[&chosen.name, &proposed.name])
        }
        (Some(proposed), _) => fill(
            Key::ImportKindProposed,
            &[&proposed.name, &tr(Key::ReportKind)],
        ),
        _ => tr(Key::ImportChooseKind).to_string(),
    };
    let title = draft.title();
    let sections = draft
        .sections
        .iter()
        .filter(|s| s.enabled && !s.heading.trim().is_empty());
    html! {
        <div class="import-proposal" data-import-proposal={draft.template_id.clone()}>
            <p role="status" aria-live="polite" data-import-proposed="">{ said }</p>
            <div class="import-kind">
                <label for="import-kind">{ words(Key::ReportKind) }</label>
                <select id="import-kind" data-field="import-kind" onchange={on_kind} disabled={busy}>
                    { for p.answer.kinds.iter().map(|k| html! {
                        <option value={k.id.clone()} selected={k.id == draft.template_id}
                            data-proposed={k.proposed.to_string()}>{ kind_label(k) }</option>
                    }) }
                </select>
            </div>
            <p class="hint">{ if title.trim().is_empty() { tr(Key::ImportWillMake).to_string() } else { fill(Key::ImportWillMakeTitled, &[&title.trim()]) } }</p>
            <ol class="import-sections" data-import-sections="">
                { for sections.map(|s| html! { <li>{ s.heading.trim() }</li> }) }
            </ol>
            <div class="import-tools">
                <button type="button" class="primary" data-action="import-confirm" disabled={busy}
                    onclick={on_confirm}>{ words(Key::ImportConfirm) }</button>
                <button type="button" data-action="import-cancel" onclick={on_cancel}>{ words(Key::Cancel) }</button>
            </div>
        </div>
    }
}
