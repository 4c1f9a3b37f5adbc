//! What the start page says about working offline from where the page was
//! opened. From a file (the single-file edition): where the drafts live and
//! what moving or renaming the file does (Chromium and Firefox ESR both keep
//! one store for all file:// pages, see `tests/e2e/journeys/single_file.rs`). From a plain-http address, where
//! no service worker may run: that the page will not work offline from
//! here, with the single file offered for download.

use crate::deployed::SINGLE_FILE;
use yew::prelude::*;

#[component]
pub fn OfflineNote() -> Html {
    let Some(window) = web_sys::window() else {
        return Html::default();
    };
    if window.location().protocol().ok().as_deref() == Some("file:") {
        html! {
            <section class="offline-note" data-offline-note="file">
                <h2>{"离线版（单个文件）"}</h2>
                <p>{"草稿保存在本机这个浏览器中，并不写进这个文件。同一浏览器里，从本机打开的网页文件共用这份存储：移动或重命名此文件后再打开，草稿仍在（从本机打开的其他网页文件也能读到它们）；换一个浏览器、换一台电脑，或清除浏览器数据后，就看不到这些草稿了。"}</p>
                <p>{"要搬移或留存草稿，请先点下方的“导出全部草稿备份”，再在新的位置用“打开文件”恢复。"}</p>
            </section>
        }
    } else if !window.is_secure_context() {
        html! {
            <section class="offline-note" data-offline-note="insecure">
                <h2>{"无法离线使用"}</h2>
                <p>{"从这个地址（未加密的 http）打开时，浏览器不允许本页离线工作：断网后将无法打开。可以下载离线版（一个 .html 文件），保存到本机后双击打开，断网也能使用。"}</p>
                <a class="button" href={format!("./{SINGLE_FILE}")} download="报告（离线版）.html" data-action="download-offline">{"下载离线版"}</a>
            </section>
        }
    } else {
        Html::default()
    }
}
