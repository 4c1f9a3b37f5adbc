//! The English interface: the switch on the start page and in the editor's
//! toolbar turns every label, heading, status and message into English,
//! `<html lang>` follows, and the choice survives a reload; the report —
//! the preview's sheets, the templates' hints and examples — stays Chinese.
//! Switching back gives the Chinese interface again. On the way the journey
//! leaves screenshots of the start page, a section step, the review step
//! and the 360 px wide layout in both languages in
//! `tests/output/screenshots/` (Chromium's, copied into `docs/screenshots/`
//! for the README; Firefox's in `tests/output/screenshots-firefox/`).
//! axe-core audits the English start page and review step.

use super::accessibility::{audit, axe_source};
use crate::harness::{
    self, attr_of, click, count, eventually, js, text_of, texts_of_all, wait_for, Browser,
};
use fantoccini::Client;
use std::path::Path;

const SEED: &str = include_str!("../../fixtures/seed-report-2023.txt");

/// Saves what the window shows as `tests/output/screenshots/<name>.png`,
/// the page at its top.
async fn screenshot(c: &Client, dir: &Path, name: &str) {
    screenshot_from(c, dir, name, "window.scrollTo(0, 0);").await;
}

/// Saves what the window shows after `scroll` (a script) as
/// `tests/output/screenshots/<name>.png`.
async fn screenshot_from(c: &Client, dir: &Path, name: &str, scroll: &str) {
    std::fs::create_dir_all(dir).expect("create tests/output/screenshots");
    // Nothing focused or hovered, the page at its top: the same picture
    // every run.
    js(
        c,
        &format!("document.activeElement && document.activeElement.blur(); {scroll}"),
        vec![],
    )
    .await;
    let png = c.screenshot().await.expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG for {name}");
    std::fs::write(dir.join(format!("{name}.png")), png).expect("save screenshot");
}

/// The page's language and whether any Chinese character is in `text`.
async fn html_lang(c: &Client) -> String {
    js(c, "return document.documentElement.lang;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// How many times the page fetched the English interface's catalogue file.
async fn catalogue_fetches(c: &Client) -> u64 {
    js(
        c,
        "return performance.getEntriesByType('resource')
            .filter(r => new URL(r.name).pathname.includes('/catalogue-en-')).length;",
        vec![],
    )
    .await
    .as_u64()
    .unwrap_or_default()
}

/// The interface's own text outside the report and the templates' words:
/// the toolbar, the step navigation and the step's own buttons.
async fn chrome_text(c: &Client) -> String {
    js(
        c,
        "const parts = [...document.querySelectorAll(
            '.toolbar button:not([data-action=\"switch-language\"]), .step-nav button, .section-tools, .preview-bar, .field-head .required, .step-list .step-mark, .step-list .step-count')];
         return parts.map(e => e.textContent + ' ' + (e.getAttribute('title') || '')).join(' | ');",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// A 360 px wide window (a phone) showing the step `id`: nothing may scroll
/// sideways; the screenshot shows the step's form, and the window is made
/// wide again. Firefox keeps its window wider than 400 px whatever it is
/// asked, so there the journey only opens the step: the 360 px layout is
/// Chromium's to check.
async fn narrow(c: &Client, browser: Browser, dir: &Path, id: &str, name: &str) {
    if browser == Browser::Firefox {
        harness::go_to_step(c, id).await;
        return;
    }
    c.set_window_size(360, 740).await.expect("narrow window");
    harness::go_to_step(c, id).await;
    let wide = eventually("the narrow layout", || async {
        let v = js(
            c,
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];",
            vec![],
        )
        .await;
        let (client, scroll) = (v[0].as_u64()?, v[1].as_u64()?);
        (client <= 400).then_some((client, scroll))
    })
    .await;
    if wide.1 > wide.0 {
        let past = js(
            c,
            "const w = document.documentElement.clientWidth;
             return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.sheets'))
               .slice(0, 8)
               .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 30));",
            vec![],
        )
        .await;
        panic!("{name}: the page scrolls sideways at 360 px: {wide:?}; past the edge: {past}");
    }
    // The step's form, below the toolbar and the step list.
    screenshot_from(
        c,
        dir,
        name,
        "document.querySelector('section.step-body').scrollIntoView();",
    )
    .await;
    c.set_window_size(1400, 1000).await.expect("wide window");
}

/// The preview's sheets are the report: Chinese, marked zh-CN, whatever
/// the interface's language.
async fn sheets_are_chinese(c: &Client) {
    let preview = harness::preview_text(c).await;
    assert!(
        preview.contains("中共荆家镇委"),
        "the organ prints: {preview:.200}"
    );
    assert!(preview.contains("法治政府建设"), "the title prints");
    assert!(preview.contains("特此报告。"), "the closing prints");
    assert_eq!(
        attr_of(c, ".sheets", "lang").await.as_deref(),
        Some("zh-CN")
    );
}

in_chromium_and_firefox!(english_interface_is_remembered_and_the_report_stays_chinese);
fn english_interface_is_remembered_and_the_report_stays_chinese(browser: Browser) {
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        let shots = app.output("screenshots");
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-action='new-report']").await;
        assert_eq!(html_lang(c).await, "zh-CN");
        // The English table is not in the first download: it is fetched
        // when the writer chooses English.
        assert_eq!(catalogue_fetches(c).await, 0, "Chinese needs no file");
        assert_eq!(
            text_of(c, "[data-action='switch-language']").await,
            "English"
        );
        assert_eq!(text_of(c, "[data-action='new-report']").await, "新建报告");

        // Chinese: a copy of the sample, a section step, the review step,
        // 360 px, the start page with the draft listed.
        harness::copy_of_sample(c).await;
        let steps = harness::attrs_of_all(c, "button[data-step-link]", "data-step-link").await;
        let section = steps[1].clone();
        harness::go_to_step(c, &section).await;
        assert_eq!(text_of(c, "[data-action='close']").await, "← 我的报告");
        screenshot(c, &shots, "step-zh").await;
        harness::go_to_step(c, "review").await;
        screenshot(c, &shots, "review-zh").await;
        narrow(c, browser, &shots, &section, "narrow-zh").await;
        click(c, "[data-action='close']").await;
        wait_for(c, "[data-action='open']").await;
        screenshot(c, &shots, "start-zh").await;

        // English on the start page.
        click(c, "[data-action='switch-language']").await;
        eventually("the English start page", || async {
            (text_of(c, "[data-action='new-report']").await == "New report").then_some(())
        })
        .await;
        assert_eq!(html_lang(c).await, "en");
        assert_eq!(catalogue_fetches(c).await, 1, "English's file, once");
        assert_eq!(
            c.title().await.expect("title"),
            "Baogao · annual report writing assistant"
        );
        assert_eq!(text_of(c, "[data-action='switch-language']").await, "中文");
        // The update offer (offline.js, outside the app) takes its words
        // from <html>.
        assert_eq!(
            attr_of(c, "html", "data-update-now").await.as_deref(),
            Some("Update now")
        );
        let headings = texts_of_all(c, ".start h2").await;
        assert!(headings.contains(&"My reports".to_string()), "{headings:?}");
        assert!(
            headings.contains(&"Start from an existing report".to_string()),
            "{headings:?}"
        );
        assert_eq!(text_of(c, "label[for='new-year']").await, "Report year");
        let row = text_of(c, ".draft-row").await;
        assert!(
            row.contains("characters") && row.contains("complete"),
            "{row}"
        );
        assert!(row.contains("Start next year's report from this"), "{row}");
        screenshot(c, &shots, "start-en").await;
        // The English screens pass the same accessibility audit (the
        // switch's lang, names that still contain their visible text).
        let axe = axe_source();
        let mut found = Vec::new();
        audit(c, &axe, "English start page", &mut found).await;

        // An import in English: the tools worker answers in the language
        // the request names; the imported report stays Chinese.
        let sample_copy = attr_of(c, ".draft-row", "data-draft")
            .await
            .expect("the copy's id");
        harness::paste_into(c, "[data-field='import-text']", &SEED.replace('\n', "\r\n")).await;
        click(c, "[data-action='import-text']").await;
        // The proposal before the draft is made, in English too.
        wait_for(c, "[data-import-proposed]").await;
        let proposed = text_of(c, "[data-import-proposed]").await;
        assert!(
            proposed.starts_with("Proposed: import as \"法治政府建设年度报告\""),
            "{proposed}"
        );
        assert_eq!(
            text_of(c, "[data-action='import-confirm']").await,
            "Confirm the import"
        );
        harness::confirm_import(c).await;
        wait_for(c, "[data-notes]").await;
        assert_eq!(
            text_of(c, ".notes strong").await,
            "Import done; please check these points:"
        );
        let notes = texts_of_all(c, ".notes li").await;
        assert!(
            notes[0].starts_with("Recognised as \"法治政府建设年度报告\""),
            "{notes:?}"
        );
        assert!(
            notes.iter().all(|n| n.ends_with("Show")),
            "each note links to its step: {notes:?}"
        );
        let preview = harness::preview_text(c).await;
        assert!(
            preview.contains("特此报告。"),
            "the imported report is Chinese"
        );
        click(c, "[data-action='close']").await;

        // A section step: the interface in English, the template's hint
        // and example and the report's own words still Chinese.
        click(
            c,
            &format!("[data-draft='{sample_copy}'] [data-action='open']"),
        )
        .await;
        wait_for(c, "section.step-body[data-step='basic']").await;
        assert_eq!(
            text_of(c, "section.step-body[data-step='basic'] h2").await,
            "Basic information"
        );
        harness::go_to_step(c, &section).await;
        assert_eq!(text_of(c, "[data-action='close']").await, "← My reports");
        assert_eq!(
            text_of(c, "[data-action='section-up']").await,
            "Move section up"
        );
        assert_eq!(text_of(c, "[data-action='next-step']").await, "Next step →");
        assert_eq!(
            attr_of(c, "nav.step-list", "aria-label").await.as_deref(),
            Some("Writing steps")
        );
        assert_eq!(
            text_of(c, "[data-step-link='basic'] .step-title").await,
            "Basic information"
        );
        assert_eq!(
            text_of(c, "[data-step-link='review'] .step-title").await,
            "Check and export"
        );
        let chrome = chrome_text(c).await;
        assert!(
            !has_chinese(&chrome),
            "Chinese left in the interface: {chrome}"
        );
        let hint = text_of(c, ".guide .hint").await;
        assert!(
            has_chinese(&hint),
            "the template's hint stays Chinese: {hint}"
        );
        let example_heading = text_of(c, ".guide details.example summary").await;
        assert_eq!(example_heading, "How the sample report puts it");
        sheets_are_chinese(c).await;
        screenshot(c, &shots, "step-en").await;

        // The review step in English; the findings' severities and the
        // summary too.
        harness::go_to_step(c, "review").await;
        let review = text_of(c, "section.review").await;
        for words in [
            "Check and export",
            "What the checks found",
            "Export",
            "Download Word document (.docx)",
        ] {
            assert!(
                review.contains(words),
                "{words} on the review step: {review:.300}"
            );
        }
        let summary = text_of(c, "section.review p.summary").await;
        assert!(
            summary.contains("must change") && summary.contains("to consider"),
            "{summary}"
        );
        let severities = texts_of_all(c, "section.review .finding .severity").await;
        assert!(!severities.is_empty(), "the sample's copy has findings");
        assert!(
            severities
                .iter()
                .all(|s| ["Must change", "Consider", "Note"].contains(&s.as_str())),
            "{severities:?}"
        );
        assert_eq!(
            text_of(c, "[data-action='go-to-finding']").await,
            "Go and edit"
        );
        sheets_are_chinese(c).await;
        screenshot(c, &shots, "review-en").await;
        audit(c, &axe, "English review step", &mut found).await;
        assert!(found.is_empty(), "axe in English:\n{}", found.join("\n"));
        narrow(c, browser, &shots, &section, "narrow-en").await;

        // Remembered with the UI state, applied on load.
        let ui = harness::indexed_db(c, "baogao.v1.ui").await;
        assert!(
            ui.iter().any(|(_, v)| v.contains("\"language\":\"en\"")),
            "{ui:?}"
        );
        c.goto(&app.url).await.expect("reload");
        wait_for(c, "[data-action='close']").await;
        eventually("English after the reload", || async {
            (text_of(c, "[data-action='close']").await == "← My reports").then_some(())
        })
        .await;
        assert_eq!(html_lang(c).await, "en");
        assert_eq!(harness::current_step(c).await, section);
        sheets_are_chinese(c).await;

        // Back to Chinese from the toolbar on the review step: the findings
        // are worded again; still Chinese after a reload.
        harness::go_to_step(c, "review").await;
        assert_eq!(text_of(c, "[data-action='switch-language']").await, "中文");
        click(c, "[data-action='switch-language']").await;
        eventually("the Chinese toolbar", || async {
            (text_of(c, "[data-action='close']").await == "← 我的报告").then_some(())
        })
        .await;
        assert_eq!(html_lang(c).await, "zh-CN");
        assert_eq!(
            text_of(c, "[data-action='previous-step']").await,
            "← 上一步"
        );
        let severities = texts_of_all(c, "section.review .finding .severity").await;
        assert!(severities.iter().all(|s| s == "建议修改"), "{severities:?}");
        let messages = texts_of_all(c, "section.review .finding .finding-message").await;
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("本部分") && m.contains("段示例内容，尚未修改")),
            "the findings are worded in Chinese again: {messages:?}"
        );
        // Reloaded once the choice is on disk (a reload in the same instant
        // may end the page before its transaction commits).
        eventually("the Chinese choice stored", || async {
            let ui = harness::indexed_db(c, "baogao.v1.ui").await;
            ui.iter()
                .any(|(_, v)| v.contains("\"language\":\"zh\""))
                .then_some(())
        })
        .await;
        c.goto(&app.url).await.expect("reload");
        wait_for(c, "[data-action='close']").await;
        assert_eq!(text_of(c, "[data-action='close']").await, "← 我的报告");
        assert_eq!(html_lang(c).await, "zh-CN");
        click(c, "[data-action='close']").await;
        wait_for(c, "[data-action='new-report']").await;
        assert_eq!(text_of(c, "[data-action='new-report']").await, "新建报告");
        assert_eq!(count(c, "[data-action='switch-language']").await, 1);
    });
}

in_chromium_and_firefox!(a_build_without_the_deploy_step_reads_english_from_trunks_catalogue_file);
/// trunk's own output, as `trunk serve` gives it (no `<meta>` naming a
/// hashed file): the English table comes from the `catalogue-en.json` the
/// hook in `Trunk.toml` wrote beside the app, and the tools worker, which
/// carries no English, answers in English once the page sent it the table.
fn a_build_without_the_deploy_step_reads_english_from_trunks_catalogue_file(browser: Browser) {
    let setup = harness::Setup {
        browser,
        root: Some(harness::trunk_dist_dir()),
        ..harness::Setup::default()
    };
    harness::run_with(setup, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-action='new-report']").await;
        assert_eq!(count(c, "meta[name='baogao-catalogue-en']").await, 0);
        click(c, "[data-action='switch-language']").await;
        eventually("the English start page", || async {
            (text_of(c, "[data-action='new-report']").await == "New report").then_some(())
        })
        .await;
        assert_eq!(count(c, "[data-banner='language']").await, 0);
        // A .docx that is no zip: the worker's refusal, in English.
        let dir = app.output("catalogue-without-deploy");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("broken.docx");
        std::fs::write(&path, b"PK\x03\x04 not really a zip").expect("write file");
        harness::choose_file(c, &path).await;
        let message = eventually("the worker's answer", || async {
            let m = text_of(c, "[data-import-message]").await;
            (!m.is_empty()).then_some(m)
        })
        .await;
        assert!(
            !has_chinese(&message) && message.contains("docx"),
            "the worker answered in English: {message}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    });
}
