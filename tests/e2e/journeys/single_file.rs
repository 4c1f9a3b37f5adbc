//! The single-file edition opened from disk (a file:// URL), in Chromium
//! and in Firefox ESR: the start page says where drafts live; a draft
//! created survives a reload; the tools worker runs from its Blob URL (a
//! .docx downloaded and imported again); the report prints to PDF with its
//! text and page number; nothing is fetched. Then the same
//! file renamed, moved into a folder and moved far away: both browsers keep
//! one store (localStorage and IndexedDB) for every file:// page, so the
//! drafts are found everywhere, as the start page tells the writer.

use crate::harness::{
    self, capture_downloads, click, count, first_download, go_to_step, new_report, type_into,
    value_of, wait_for, wait_saved, Browser, Setup,
};
use crate::journeys::offline::nothing_leaves_the_origin;
use std::path::Path;
use std::process::Command;

const ORGAN: &str = "中共荆家镇委";

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Opens `path` and returns how many drafts its start page lists.
async fn drafts_at(c: &fantoccini::Client, path: &Path) -> usize {
    c.goto(&file_url(path)).await.expect("open the file");
    // The app reopens the last draft when it finds it; back to the list.
    wait_for(c, "[data-action='new-report'], [data-action='close']").await;
    if count(c, "[data-action='close']").await > 0 {
        click(c, "[data-action='close']").await;
    }
    wait_for(c, "[data-offline-note='file']").await;
    count(c, "li[data-draft]").await
}

fn single_file_journey(browser: Browser) {
    let dir = harness::temp_dir("single-file");
    let file = dir.join("baogao.html");
    std::fs::copy(harness::dist_dir().join(baogao::deploy::SINGLE_FILE), &file)
        .expect("copy the single file");
    let setup = Setup {
        browser,
        ..Setup::default()
    };
    harness::run_with(setup, move |app| async move {
        let c = &app.client;
        c.goto(&file_url(&file)).await.expect("open the file");
        let note = harness::text_of(c, "[data-offline-note='file']").await;
        assert!(note.contains("导出全部草稿备份"), "{note}");
        assert!(
            note.contains("移动或重命名此文件后再打开，草稿仍在"),
            "{note}"
        );
        assert_eq!(count(c, "li[data-draft]").await, 0);
        new_report(c, 2024).await;
        type_into(c, "[data-field='meta.organ']", ORGAN).await;
        wait_saved(c).await;

        c.refresh().await.expect("reload");
        wait_for(c, "section.step-body[data-step='basic']").await;
        assert_eq!(value_of(c, "[data-field='meta.organ']").await, ORGAN);
        // DOCX out and back in, through the worker started from its Blob URL.
        go_to_step(c, "review").await;
        capture_downloads(c).await;
        click(c, "[data-action='download-docx']").await;
        let docx = dir.join("report.docx");
        std::fs::write(&docx, first_download(c).await).expect("write the .docx");
        click(c, "[data-action='close']").await;
        harness::choose_file(c, &docx).await;
        harness::confirm_import(c).await;
        harness::preview_until(c, "the imported report", |t| {
            harness::flow(t).contains(ORGAN)
        })
        .await;
        nothing_leaves_the_origin(c).await;
        // Printed from the file: the imported report on A4 pages, its text
        // and page number readable in the PDF.
        let pdf = harness::print_to_pdf(&app).await;
        let pdf_path = dir.join("printed.pdf");
        std::fs::write(&pdf_path, &pdf).expect("write the PDF");
        let text = Command::new("pdftotext")
            .arg(&pdf_path)
            .arg("-")
            .output()
            .expect("pdftotext (scripts/setup-test.sh installs poppler-utils)");
        let printed: String = String::from_utf8_lossy(&text.stdout)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            printed.contains(ORGAN) && printed.contains("—1—"),
            "{browser:?} printed: {printed}"
        );
        // The print stylesheet is in the file too: A4 sheets, no margins.
        let script = "return Array.from(document.styleSheets).flatMap(s => Array.from(s.cssRules))
            .filter(r => r instanceof CSSPageRule).map(r => r.style.getPropertyValue('size'));";
        assert_eq!(
            harness::js(c, script, vec![]).await,
            serde_json::json!(["a4"])
        );
        click(c, "[data-action='close']").await;
        wait_for(c, "[data-offline-note='file']").await;
        let drafts = count(c, "li[data-draft]").await;
        assert_eq!(drafts, 2, "the draft and the imported one");
        // The English interface from the file's own copy of its table, and
        // again on the next opening, which starts in English.
        click(c, "[data-action='switch-language']").await;
        harness::eventually("the English start page", || async {
            let new = harness::text_of(c, "[data-action='new-report']").await;
            (new == "New report").then_some(())
        })
        .await;
        c.refresh().await.expect("reload");
        wait_for(c, "[data-offline-note='file']").await;
        assert_eq!(
            harness::text_of(c, "[data-action='new-report']").await,
            "New report"
        );
        assert_eq!(count(c, "[data-banner='language']").await, 0);

        assert_eq!(indexed_db(c, true).await, serde_json::Value::Bool(true));
        // The same file under another name, in a folder inside its own,
        // and in a folder elsewhere.
        let renamed = dir.join("report-2024.html");
        let inside = dir.join("inside").join("baogao.html");
        // (Under tests/output/, far from the temp dir.)
        let other = harness::output_dir().join(format!("single-file-{browser:?}"));
        std::fs::create_dir_all(&other).expect("a folder");
        let elsewhere = other.join("baogao.html");
        std::fs::create_dir_all(dir.join("inside")).expect("a folder");
        for copy in [&renamed, &inside, &elsewhere] {
            std::fs::copy(&file, copy).expect("copy the file");
        }
        let mut found = Vec::new();
        for path in [&renamed, &inside, &elsewhere, &file] {
            let listed = drafts_at(c, path).await;
            found.push((listed, indexed_db(c, false).await));
        }
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&other);
        eprintln!("{browser:?}: (drafts, IndexedDB) renamed, inside, elsewhere, back: {found:?}");
        // What the start page says: both browsers keep one store for every
        // file:// page, so the drafts follow the file wherever it goes.
        let listed: Vec<usize> = found.iter().map(|f| f.0).collect();
        assert_eq!(listed, [drafts; 4], "renamed, inside, elsewhere, back");
        // IndexedDB too, so the note holds whichever store keeps the drafts.
        assert!(
            found.iter().all(|f| f.1 == serde_json::Value::Bool(true)),
            "{found:?}"
        );
    });
}

/// Writes (`write`) or reads a marker in an IndexedDB database of the
/// page's origin; whether it was there.
async fn indexed_db(c: &fantoccini::Client, write: bool) -> serde_json::Value {
    let script = "const write = arguments[0], done = arguments[arguments.length - 1];
        const open = indexedDB.open('baogao-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onerror = () => done('error: ' + open.error);
        open.onsuccess = () => {
            const tx = open.result.transaction('s', write ? 'readwrite' : 'readonly');
            if (write) {
                tx.objectStore('s').put('here', 'k');
                tx.oncomplete = () => done(true);
            } else {
                const get = tx.objectStore('s').get('k');
                get.onsuccess = () => done(get.result === 'here');
            }
        };";
    c.execute_async(script, vec![write.into()])
        .await
        .expect("IndexedDB probe")
}

#[test]
fn the_single_file_works_from_disk_in_chromium() {
    single_file_journey(Browser::Chromium);
}

#[test]
fn the_single_file_works_from_disk_in_firefox() {
    single_file_journey(Browser::Firefox);
}
