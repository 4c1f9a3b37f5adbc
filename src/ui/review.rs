//! The last step: what to check before printing, and every way out —
//! print / PDF, DOCX, text, Markdown, JSON backup.

use crate::backup;
use crate::check::{summary_by_step, Finding};
use crate::document::compose;
use crate::draft::{Draft, ReportDate};
use crate::i18n::{fill, tr, Key};
use crate::render::text;
use crate::template::TemplateRef;
use crate::tools::{self, Value};
use crate::ui::editor::{print_button, EditorMsg, PrintState};
use crate::ui::fields::severity_label;
use crate::ui::language::{filled, use_language, words};
use crate::ui::platform;
use crate::ui::worker;
use crate::wizard::STEP_REVIEW;

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub template: TemplateRef,
    pub draft: Rc<Draft>,
    pub findings: Rc<Vec<Finding>>,
    /// What printing needs to know (it asks once about carried-over text).
    pub print: PrintState,
    /// The sample report: its findings are shown without fixes.
    #[prop_or_default]
    pub read_only: bool,
    pub on_msg: Callback<EditorMsg>,
}

/// A file name from the report's title, without characters Windows refuses.
/// Offers a backup file of this one draft; says what was saved.
pub fn download_backup(draft: &Draft) -> Result<String, String> {
    let now = platform::now_ms();
    let (y, m, d) = platform::today();
    let json =
        backup::export_drafts(std::slice::from_ref(draft), now).map_err(|e| e.to_string())?;
    let name = ReportDate::new(y, m, d)
        .map(backup::file_name)
        .unwrap_or_else(|| tr(Key::BackupFileName).to_string());
    let name = format!("{}-{name}", file_stem(draft));
    platform::download(&name, "application/json", json.as_bytes())
        .map(|_| fill(Key::BackupDone, &[&name]))
}

pub fn file_stem(draft: &Draft) -> String {
    let title: String = draft
        .title()
        .chars()
        .filter(|c| {
            !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .collect();
    let title = title.trim();
    if title.is_empty() {
        tr(Key::AppName).to_string()
    } else {
        title.to_string()
    }
}

#[component]
pub fn Review(props: &ReviewProps) -> Html {
    use_language();
    let message = use_state(|| None::<Result<String, String>>);
    let draft = props.draft.clone();
    let template = props.template;
    let report = {
        let message = message.clone();
        move |result: Result<String, String>| message.set(Some(result))
    };
    let download_text = {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| {
            let body = text::render(&compose(&template, &draft));
            let name = format!("{}.txt", file_stem(&draft));
            report(
                platform::download(&name, "text/plain;charset=utf-8", body.as_bytes())
                    .map(|_| fill(Key::Downloaded, &[&name])),
            );
        }
    };
    let copy_text = {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| {
            let body = text::render(&compose(&template, &draft));
            let report = report.clone();
            wasm_bindgen_futures::spawn_local(async move {
                report(
                    platform::copy_text(body)
                        .await
                        .map(|_| tr(Key::TextCopied).to_string()),
                );
            });
        }
    };
    let backup_one = {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| report(download_backup(&draft))
    };
    // DOCX and Markdown come from the on-demand tools worker.
    let export = |op: &'static str, ext: &'static str, mime: &'static str| {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| {
            let json = match tools::export_request(&draft, &template) {
                Ok(json) => json,
                Err(e) => return report(Err(e)),
            };
            let name = format!("{}.{ext}", file_stem(&draft));
            let report = report.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match worker::call(op, Value::Text(json)).await {
                    Ok(Value::Bytes(bytes)) => platform::download(&name, mime, &bytes),
                    Ok(Value::Text(text)) if ext.is_empty() => platform::copy_text(text).await,
                    Ok(Value::Text(text)) => platform::download(&name, mime, text.as_bytes()),
                    Err(e) => Err(e),
                };
                report(result.map(|_| {
                    if ext.is_empty() {
                        tr(Key::MarkdownCopied).to_string()
                    } else {
                        fill(Key::Downloaded, &[&name])
                    }
                }));
            });
        }
    };
    let download_docx = export(tools::WRITE_DOCX, "docx", DOCX_MIME);
    let download_markdown = export(tools::MARKDOWN, "md", "text/markdown;charset=utf-8");
    // No extension: copied to the clipboard instead of downloaded.
    let copy_markdown = export(tools::MARKDOWN, "", "");
    let findings = props.findings.iter().enumerate().map(|(i, f)| {
        let location = f.location.clone();
        let anchor = f.location.anchor();
        let go = props.on_msg.reform(move |_: MouseEvent| EditorMsg::Reveal(location.clone()));
        let focus = props.on_msg.reform(move |_: MouseEvent| EditorMsg::Focus(anchor.clone()));
        let fix = f.fix.clone().filter(|_| !props.read_only).map(|fix| {
            let label = fix.label();
            let onclick = props.on_msg.reform(move |_: MouseEvent| EditorMsg::Fix(fix.clone()));
            html! { <button type="button" class="small" data-action="fix" {onclick}>{ label }</button> }
        });
        let (label, class) = severity_label(f.severity);
        html! {
            <li key={i} class={classes!("finding", class)} data-finding={class} onmouseenter={focus}>
                <span class="severity">{ label }</span>
                <span class="finding-message">{ &f.message }</span>
                <button type="button" class="small link" data-action="go-to-finding" onclick={go}>{ words(Key::GoToFinding) }</button>
                { fix }
            </li>
        }
    });
    let counts = summary_by_step(&props.findings).total();
    let carried = props.print.carried.clone();
    html! {
        <section class="step-body review" data-step={STEP_REVIEW}>
            <h2>{ words(Key::StepReview) }</h2>
            <h3>{ words(Key::CheckResults) }</h3>
            <div aria-live="polite" data-findings-live="">
            if counts.total() == 0 {
                <p class="ok" data-findings="0">{ words(Key::NoFindings) }</p>
            } else {
                <p class="summary">
                    { filled(Key::FindingCounts, &[&counts.errors, &counts.warnings, &counts.infos]) }
                </p>
            }
            </div>
            if counts.total() > 0 {
                if let Some(carried) = &carried {
                    <p class="carried-summary" data-carried-summary="">
                        { filled(Key::CarriedSummary, &[carried]) }
                    </p>
                }
                <ul class="findings" data-findings={counts.total().to_string()}>{ for findings }</ul>
            }
            <h3>{ words(Key::Export) }</h3>
            { crate::ui::edition::edition_switch(props.draft.edition, "review", &props.on_msg) }
            <div class="exports">
                { print_button("review", &props.print, &props.on_msg, true) }
                <button type="button" data-action="download-docx" onclick={download_docx}>{ words(Key::DownloadDocx) }</button>
                <button type="button" data-action="download-text" onclick={download_text}>{ words(Key::DownloadText) }</button>
                <button type="button" data-action="download-markdown" onclick={download_markdown}>{ words(Key::DownloadMarkdown) }</button>
                <button type="button" data-action="copy-markdown" onclick={copy_markdown}>{ words(Key::CopyMarkdown) }</button>
                <button type="button" data-action="copy-text" onclick={copy_text}>{ words(Key::CopyText) }</button>
                <button type="button" data-action="backup-draft" onclick={backup_one}>{ words(Key::BackupDraftJson) }</button>
            </div>
            <p class="hint">{ words(Key::PrintHint) }</p>
            if let Some(result) = &*message {
                <p class={classes!("message", if result.is_ok() { "ok" } else { "error" })} role="status">
                    { match result { Ok(m) | Err(m) => m.clone() } }
                </p>
            }
        </section>
    }
}
