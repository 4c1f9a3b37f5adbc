//! Starting from an existing report: paste its text, or open a .txt or
//! .docx file; and restoring drafts from a JSON backup. Whatever goes wrong
//! is said in one message, and no existing draft is touched.

use crate::backup;
use crate::draft::{draft_id, ReportDate};
use crate::template;
use crate::tools::{self, ImportAnswer, ImportRequest, Value};
use crate::ui::app::Opened;
use crate::ui::files::{decode_text, kind_of, read_bytes, FileKind};
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
        return Err("导入失败，请重试。".to_string());
    };
    let ImportAnswer { mut draft, notes } =
        worker::from_json(&answer).ok_or_else(|| "导入失败，请重试。".to_string())?;
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
        Value::Bytes(_) => Err("无法读取这个 .docx 文件。".to_string()),
    }
}

#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
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
                        return Err(
                            "这是旧版 .doc 文件，请在 Word/WPS 中“另存为” .docx 后再导入。"
                                .to_string(),
                        );
                    }
                    if kind == FileKind::Other {
                        return Err(format!(
                            "无法导入“{name}”：只支持 .txt、.docx 报告文件和 .json 备份文件。"
                        ));
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
                .unwrap_or_else(|| "报告备份.json".into());
            let result = session
                .with(|s| backup::export_store(s, now_ms()))
                .map_err(|e| e.to_string())
                .and_then(|export| {
                    platform::download(&name, "application/json", export.json.as_bytes())?;
                    session.note_backup(now_ms());
                    let mut text = format!("已导出 {} 份草稿到“{name}”。", export.drafts);
                    if !export.skipped.is_empty() {
                        text.push_str(&format!(
                            "另有 {} 份无法读取的草稿未导出。",
                            export.skipped.len()
                        ));
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
            <h2>{"从已有报告开始"}</h2>
            <p class="hint">{"把去年的报告粘贴到下面（从 Word、WPS 或政府网站复制均可），或打开 .txt / .docx 文件，自动识别标题、主送机关、各部分和落款，生成可以继续修改的草稿。"}</p>
            <label class="import-label" for="import-text">{"报告全文"}</label>
            <textarea id="import-text" data-field="import-text" rows="5" value={(*pasted).clone()} oninput={on_paste_input}
                placeholder="在此粘贴报告全文" />
            <div class="import-kind">
                <label for="import-kind">{"报告种类"}</label>
                <select id="import-kind" data-field="import-kind" onchange={on_kind}>
                    <option value="" selected={kind.is_none()}>{"自动识别"}</option>
                    { for template::builtin().into_iter().chain(template::registered()).map(|t| html! {
                        <option value={t.id.clone()} selected={kind.as_deref() == Some(t.id.as_str())}>{ &t.name }</option>
                    }) }
                </select>
            </div>
            <div class="import-tools">
                <button type="button" class="primary" data-action="import-text" disabled={*busy || pasted.trim().is_empty()}
                    onclick={import_pasted}>{"导入粘贴的文字"}</button>
                <button type="button" data-action="import-file" onclick={choose_file} disabled={*busy}>
                    { if *busy { "正在读取…" } else { "打开文件（.txt / .docx / 备份 .json）" } }
                </button>
                <input type="file" id="import-file" data-field="import-file" accept=".txt,.docx,.json,.md"
                    hidden=true onchange={on_file} />
                <button type="button" data-action="backup-all" onclick={export_all}>{"导出全部草稿备份"}</button>
            </div>
            if let Some(result) = &*message {
                <p class={classes!("message", if result.is_ok() { "ok" } else { "error" })} role="status" aria-live="polite" data-import-message="">
                    { match result { Ok(m) | Err(m) => m.clone() } }
                </p>
            }
        </section>
    }
}
