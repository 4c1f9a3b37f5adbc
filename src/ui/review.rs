//! The last step: what to check before printing, and every way out —
//! print / PDF, DOCX, text, Markdown, JSON backup.

use crate::backup;
use crate::document::compose;
use crate::draft::{Draft, ReportDate};
use crate::render::text;
use crate::template::annual_report;
use crate::ui::editor::EditorMsg;
use crate::ui::platform;
use crate::wizard::{steps, STEP_REVIEW};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub draft: Rc<Draft>,
    pub on_msg: Callback<EditorMsg>,
}

/// A file name from the report's title, without characters Windows refuses.
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
        "报告".to_string()
    } else {
        title.to_string()
    }
}

#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let message = use_state(|| None::<Result<String, String>>);
    let draft = props.draft.clone();
    let report = {
        let message = message.clone();
        move |result: Result<String, String>| message.set(Some(result))
    };
    let print = {
        let report = report.clone();
        move |_: MouseEvent| {
            if let Err(e) = platform::print() {
                report(Err(e));
            }
        }
    };
    let download_text = {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| {
            let body = text::render(&compose(annual_report(), &draft));
            let name = format!("{}.txt", file_stem(&draft));
            report(
                platform::download(&name, "text/plain;charset=utf-8", body.as_bytes())
                    .map(|_| format!("已下载“{name}”。")),
            );
        }
    };
    let copy_text = {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| {
            let body = text::render(&compose(annual_report(), &draft));
            let report = report.clone();
            wasm_bindgen_futures::spawn_local(async move {
                report(
                    platform::copy_text(body)
                        .await
                        .map(|_| "全文已复制到剪贴板。".to_string()),
                );
            });
        }
    };
    let backup_one = {
        let (draft, report) = (draft.clone(), report.clone());
        move |_: MouseEvent| {
            let now = platform::now_ms();
            let (y, m, d) = platform::today();
            let result = backup::export_drafts(std::slice::from_ref(&*draft), now)
                .map_err(|e| e.to_string())
                .and_then(|json| {
                    let name = ReportDate::new(y, m, d)
                        .map(backup::file_name)
                        .unwrap_or_else(|| "报告备份.json".to_string());
                    let name = format!("{}-{name}", file_stem(&draft));
                    platform::download(&name, "application/json", json.as_bytes())
                        .map(|_| format!("已导出备份“{name}”。"))
                });
            report(result);
        }
    };
    let step_list = steps(annual_report(), &draft);
    let missing: Vec<_> = step_list
        .iter()
        .filter(|s| s.id != STEP_REVIEW && s.enabled && s.missing > 0)
        .map(|s| {
            let id = s.id.clone();
            let go = props.on_msg.reform(move |_: MouseEvent| EditorMsg::GoTo(id.clone()));
            html! {
                <li key={s.id.clone()} class="finding error">
                    <button type="button" class="link" onclick={go}>{ format!("“{}”还有 {} 项必填内容未写", s.title, s.missing) }</button>
                </li>
            }
        })
        .collect();
    html! {
        <section class="step-body review" data-step={STEP_REVIEW}>
            <h2>{"核对与导出"}</h2>
            <h3>{"需要处理的问题"}</h3>
            if missing.is_empty() {
                <p class="ok" data-findings="0">{"必备内容都已填写。"}</p>
            } else {
                <ul class="findings" data-findings={missing.len().to_string()}>{ for missing }</ul>
            }
            <h3>{"导出"}</h3>
            <div class="exports">
                <button type="button" class="primary" data-action="print" onclick={print}>{"打印 / 存为PDF"}</button>
                <button type="button" data-action="download-text" onclick={download_text}>{"下载纯文本 (.txt)"}</button>
                <button type="button" data-action="copy-text" onclick={copy_text}>{"复制全文"}</button>
                <button type="button" data-action="backup-draft" onclick={backup_one}>{"导出本草稿备份 (.json)"}</button>
            </div>
            <p class="hint">{"打印时请在浏览器的打印设置中关闭“页眉和页脚”，纸张选 A4、边距选“无”或“默认”，缩放 100%。"}</p>
            if let Some(result) = &*message {
                <p class={classes!("message", if result.is_ok() { "ok" } else { "error" })} role="status">
                    { match result { Ok(m) | Err(m) => m.clone() } }
                </p>
            }
        </section>
    }
}
