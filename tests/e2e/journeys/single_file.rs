//! The single-file edition opened from disk (a file:// URL), in Chromium
//! and in Firefox ESR: the start page says where drafts live; a draft
//! created survives a reload; the tools worker runs from its Blob URL (a
//! .docx downloaded and imported again); nothing is fetched. Then the same file renamed, and
//! moved to another folder: what each browser shows there is what the
//! start page tells the writer.

use crate::harness::{
    self, capture_downloads, click, count, first_download, go_to_step, new_report, type_into,
    value_of, wait_for, wait_saved, Browser, Setup,
};
use crate::journeys::offline::nothing_leaves_the_origin;
use std::path::Path;

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
        harness::preview_until(c, "the imported report", |t| {
            harness::flow(t).contains(ORGAN)
        })
        .await;
        nothing_leaves_the_origin(c).await;
        click(c, "[data-action='close']").await;
        wait_for(c, "[data-offline-note='file']").await;
        let drafts = count(c, "li[data-draft]").await;
        assert_eq!(drafts, 2, "the draft and the imported one");

        // The same file under another name, and in another folder.
        let renamed = dir.join("report-2024.html");
        let moved = dir.join("elsewhere").join("baogao.html");
        std::fs::create_dir_all(dir.join("elsewhere")).expect("a folder");
        std::fs::copy(&file, &renamed).expect("rename");
        std::fs::copy(&file, &moved).expect("move");
        let found = [
            drafts_at(c, &renamed).await,
            drafts_at(c, &moved).await,
            drafts_at(c, &file).await,
        ];
        let _ = std::fs::remove_dir_all(&dir);
        // What the start page says: Chromium keeps one store for every
        // file:// page; Firefox one per file, found again at its old place.
        match browser {
            Browser::Chromium => assert_eq!(found, [drafts; 3], "renamed, moved, back"),
            Browser::Firefox => assert_eq!(found, [0, 0, drafts], "renamed, moved, back"),
        }
    });
}

#[test]
fn the_single_file_works_from_disk_in_chromium() {
    single_file_journey(Browser::Chromium);
}

#[test]
fn the_single_file_works_from_disk_in_firefox() {
    single_file_journey(Browser::Firefox);
}
