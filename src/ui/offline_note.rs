//! What the start page says about working offline from where the page was
//! opened. From a file (the single-file edition): where the drafts live and
//! what moving or renaming the file does (Chromium and Firefox ESR both keep
//! one store for all file:// pages, see `tests/e2e/journeys/single_file.rs`). From a plain-http address, where
//! no service worker may run: that the page will not work offline from
//! here, with the single file offered for download.

use crate::deployed::SINGLE_FILE;
use crate::i18n::{tr, Key};
use crate::ui::language::words;
use yew::prelude::*;

/// The note, if the page needs one (a plain function: the start page's
/// own rendering, in the current language, draws it).
pub fn offline_note() -> Html {
    let Some(window) = web_sys::window() else {
        return Html::default();
    };
    if window.location().protocol().ok().as_deref() == Some("file:") {
        html! {
            <section class="offline-note" data-offline-note="file">
                <h2>{ words(Key::OfflineFileHeading) }</h2>
                <p>{ words(Key::OfflineFileWhere) }</p>
                <p>{ words(Key::OfflineFileMove) }</p>
            </section>
        }
    } else if !window.is_secure_context() {
        html! {
            <section class="offline-note" data-offline-note="insecure">
                <h2>{ words(Key::OfflineInsecureHeading) }</h2>
                <p>{ words(Key::OfflineInsecure) }</p>
                <a class="button" href={format!("./{SINGLE_FILE}")} download={tr(Key::OfflineFileName)} data-action="download-offline">{ words(Key::OfflineDownload) }</a>
            </section>
        }
    } else {
        Html::default()
    }
}
