//! Starting from an existing report: paste its text, or open a .txt or
//! .docx file; and restoring drafts from a JSON backup. Whatever goes wrong
//! is said in one message, and no existing draft is touched.

use crate::backup;
use crate::draft::{draft_id, ReportDate};
use crate::i18n::{fill, tr, Key};
use crate::template;
use crate::tools::{self, ImportAnswer, ImportRequest, Value};
use crate::ui::app::Opened;
use crate::ui::files::{decode_text, kind_of, read_bytes, FileKind};
use crate::ui::language::use_language;
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

/// Turns imported text into a saved draft of the kind chosen (`None`:
/// recognised from the text), or an error message. The importer runs in the
/// on-demand tools worker.
async fn import_text(
    session: &Session,
    text: String,
    template_id: Option<String>,
) -> Result<Opened, String> {
    let request = ImportRequest {
        text,
        id: new_id(),
        now_ms: now_ms(),
        template_id,
        templates: template::registered().into_iter().cloned().collect(),
    };
    let request = serde_json::to_string(&request).map_err(|e| e.to_string())?;
    let Value::Text(answer) = worker::call(tools::IMPORT_TEXT, Value::Text(request)).await? else {
        return Err(tr(Key::ImportFailed).to_string());
    };
    let ImportAnswer { mut draft, notes } =
        worker::from_json(&answer).ok_or_else(|| tr(Key::ImportFailed).to_string())?;
    session
        .with(|s| s.save(&mut draft, now_ms()))
        .map_err(|e| e.to_string())?;
    Ok(Opened {
        example: false,
        draft: Rc::new(draft),
        step: STEP_BASIC.into(),
        notes: Rc::new(notes),
    })
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
    // The kind to import as; `None`: recognise it from the text.
    let kind = use_state(|| None::<String>);
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
    let on_kind = {
        let kind = kind.clone();
        move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = el.value();
            kind.set((!value.is_empty()).then_some(value));
        }
    };
    let import_pasted = {
        let (session, pasted, message, busy, on_open, kind) = (
            session.clone(),
            pasted.clone(),
            message.clone(),
            busy.clone(),
            props.on_open.clone(),
            kind.clone(),
        );
        move |_: MouseEvent| {
            let (session, text, message, busy, on_open, kind) = (
                session.clone(),
                (*pasted).clone(),
                message.clone(),
                busy.clone(),
                on_open.clone(),
                (*kind).clone(),
            );
            // The importer answers asynchronously: one import at a time.
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = import_text(&session, text, kind).await;
                busy.set(false);
                match result {
                    Ok(opened) => on_open.emit(opened),
                    Err(e) => message.set(Some(Err(e))),
                }
            });
        }
    };
    let on_file = {
        let (session, message, busy, on_open, on_restored, chosen) = (
            session.clone(),
            message.clone(),
            busy.clone(),
            props.on_open.clone(),
            props.on_restored.clone(),
            kind.clone(),
        );
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (session, message, busy, on_open, on_restored, chosen) = (
                session.clone(),
                message.clone(),
                busy.clone(),
                on_open.clone(),
                on_restored.clone(),
                (*chosen).clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let result: Result<Option<Opened>, String> = async {
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
                        FileKind::Docx => {
                            let text = docx_text(bytes).await?;
                            import_text(&session, text, chosen).await.map(Some)
                        }
                        _ => import_text(&session, decode_text(&bytes)?, chosen)
                            .await
                            .map(Some),
                    }
                }
                .await;
                busy.set(false);
                match result {
                    Ok(Some(opened)) => on_open.emit(opened),
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
            <h2>{ tr(Key::ImportHeading) }</h2>
            <p class="hint">{ tr(Key::ImportHint) }</p>
            <label class="import-label" for="import-text">{ tr(Key::ImportText) }</label>
            <textarea id="import-text" data-field="import-text" rows="5" value={(*pasted).clone()} oninput={on_paste_input}
                placeholder={tr(Key::ImportPlaceholder)} />
            <div class="import-kind">
                <label for="import-kind">{ tr(Key::ReportKind) }</label>
                <select id="import-kind" data-field="import-kind" onchange={on_kind}>
                    <option value="" selected={kind.is_none()}>{ tr(Key::ImportAutoKind) }</option>
                    { for template::builtin().into_iter().chain(template::registered()).map(|t| html! {
                        <option value={t.id.clone()} selected={kind.as_deref() == Some(t.id.as_str())}>{ &t.name }</option>
                    }) }
                </select>
            </div>
            <div class="import-tools">
                <button type="button" class="primary" data-action="import-text" disabled={*busy || pasted.trim().is_empty()}
                    onclick={import_pasted}>{ tr(Key::ImportPasted) }</button>
                <button type="button" data-action="import-file" onclick={choose_file} disabled={*busy}>
                    { if *busy { tr(Key::Reading) } else { tr(Key::OpenFile) } }
                </button>
                <input type="file" id="import-file" data-field="import-file" accept=".txt,.docx,.json,.md"
                    hidden=true onchange={on_file} />
                <button type="button" data-action="backup-all" onclick={export_all}>{ tr(Key::BackupAll) }</button>
            </div>
            if let Some(result) = &*message {
                <p class={classes!("message", if result.is_ok() { "ok" } else { "error" })} role="status" aria-live="polite" data-import-message="">
                    { match result { Ok(m) | Err(m) => m.clone() } }
                </p>
            }
        </section>
    }
}
