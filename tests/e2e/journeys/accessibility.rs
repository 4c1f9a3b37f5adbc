//! axe-core (pinned, installed by scripts/setup-test.sh) audits every screen
//! against the WCAG 2.0 and 2.1 A and AA rules: the start page, the import
//! panel with its message, an imported draft with its notes, every step of
//! the sample (read-only and as an editable copy), the review step, the
//! question before deleting a draft, the print question and the 快捷键
//! dialog (the two-tab choice in `dialogs`). No serious or critical violation
//! may remain; a failure lists each with its elements.

use crate::harness::{self, attrs_of_all, click, count, eventually, paste_into, wait_for, Browser};
use fantoccini::Client;
use std::path::Path;

const SEED: &str = include_str!("../../fixtures/seed-report-2023.txt");

/// axe.min.js as scripts/setup-test.sh installs it.
pub(super) fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/e2e/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/setup-test.sh (it installs axe-core)",
            path.display()
        )
    })
}

/// Waits until the page has stopped changing: no DOM mutation for 300 ms
/// (at most 5 s), then two frames drawn. The audit then sees the screen as
/// the writer does once it has drawn, not a render half done.
async fn settle(c: &Client) {
    let script = "const done = arguments[arguments.length - 1];
        let last = performance.now();
        const seen = new MutationObserver(() => { last = performance.now(); });
        seen.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const start = performance.now();
        const check = () => {
          const now = performance.now();
          if (now - last >= 300 || now - start >= 5000) {
            seen.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
          } else {
            setTimeout(check, 50);
          }
        };
        check();";
    c.execute_async(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("wait for the page to settle: {e}"));
}

/// One axe run over the page: each serious or critical violation as
/// `rule (impact): help — element failure | …`.
async fn violations(c: &Client, axe: &str, screen: &str) -> Vec<String> {
    c.execute(&format!("{axe}\n;return typeof window.axe;"), vec![])
        .await
        .unwrap_or_else(|e| panic!("load axe-core on {screen}: {e}"));
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then(r => done({
            passes: r.passes.length,
            bad: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help} — ` +
                v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))
          }))
          .catch(e => done({ error: String(e) }));";
    let result = c
        .execute_async(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("axe on {screen}: {e}"));
    if let Some(error) = result.get("error") {
        panic!("axe on {screen} failed: {error}");
    }
    let passes = result["passes"].as_u64().unwrap_or(0);
    assert!(
        passes >= 5,
        "axe checked almost nothing on {screen}: {result}"
    );
    result["bad"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Audits the page once it has settled; adds each serious or critical
/// violation to `found` under `screen`. A violation is looked at twice:
/// what a second run, after the page settled again, no longer finds was a
/// moment of a render, not the screen; it is printed, not counted. The
/// source is evaluated by WebDriver itself, so the page's
/// Content-Security-Policy (no script added at run time) does not stop it.
pub(super) async fn audit(c: &Client, axe: &str, screen: &str, found: &mut Vec<String>) {
    settle(c).await;
    let first = violations(c, axe, screen).await;
    if first.is_empty() {
        return;
    }
    settle(c).await;
    let second = violations(c, axe, screen).await;
    for violation in &first {
        if !second.contains(violation) {
            eprintln!("{screen}: gone on a second look: {violation}");
        }
    }
    found.extend(second.into_iter().map(|v| format!("{screen}: {v}")));
}

/// Audits each step of the draft that is open, in the step list's order.
async fn audit_steps(c: &Client, axe: &str, what: &str, found: &mut Vec<String>) {
    let steps = attrs_of_all(c, "button[data-step-link]", "data-step-link").await;
    assert!(steps.len() >= 6, "steps of {what}: {steps:?}");
    for step in &steps {
        harness::go_to_step(c, step).await;
        audit(c, axe, &format!("{what}, step {step}"), found).await;
    }
}

in_chromium_and_firefox!(every_screen_passes_axe_without_serious_violations);
fn every_screen_passes_axe_without_serious_violations(browser: Browser) {
    let axe = axe_source();
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        let axe = axe.as_str();
        let mut found = Vec::new();
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-field='import-text']").await;
        audit(c, axe, "start page", &mut found).await;

        // The import panel with its message for a file of the wrong kind
        // (the file input, hidden, goes back out of sight once chosen).
        let dir = harness::temp_dir("axe");
        let picture = dir.join("picture.png");
        std::fs::write(&picture, b"\x89PNG\r\n").expect("write a file");
        harness::choose_file(c, &picture).await;
        wait_for(c, "[data-import-message]").await;
        harness::js(
            c,
            "document.querySelector('[data-field=import-file]').hidden = true;",
            vec![],
        )
        .await;
        audit(c, axe, "import panel with its message", &mut found).await;

        // An imported report lands in the editor with its notes.
        // (Without its closing and with a page number line, it gets notes.)
        let report = format!("{}\n— 1 —\n", SEED.replacen("特此报告。", "", 1));
        paste_into(c, "[data-field='import-text']", &report).await;
        click(c, "[data-action='import-text']").await;
        wait_for(c, "[data-import-proposal]").await;
        audit(c, axe, "import proposed, before 确认导入", &mut found).await;
        harness::confirm_import(c).await;
        wait_for(c, "[data-notes]").await;
        audit(c, axe, "imported draft with notes", &mut found).await;
        click(c, "[data-action='close']").await;

        // The question before deleting it.
        click(c, "li[data-draft] [data-action='delete']").await;
        wait_for(c, "li[data-draft] dialog.confirm").await;
        audit(c, axe, "delete question", &mut found).await;
        click(c, "[data-action='cancel-delete']").await;

        // The sample, read-only, then the writer's copy of it step by step.
        click(c, "[data-action='open-sample']").await;
        wait_for(c, "[data-example='sample']").await;
        audit_steps(c, axe, "sample (read-only)", &mut found).await;
        click(c, "[data-action='close']").await;
        harness::copy_of_sample(c).await;
        audit_steps(c, axe, "copy of the sample", &mut found).await;
        assert_eq!(harness::current_step(c).await, "review");

        // The dialogs: the print question (the copy's text is carried over
        // from the sample) and the 快捷键 list.
        click(c, ".toolbar [data-action='print']").await;
        wait_for(c, "[data-confirm='print']").await;
        audit(c, axe, "print question", &mut found).await;
        click(c, "[data-action='print-cancel']").await;
        click(c, "[data-action='shortcuts']").await;
        wait_for(c, "[data-dialog='shortcuts']").await;
        audit(c, axe, "快捷键 dialog", &mut found).await;
        click(c, "[data-action='close-shortcuts']").await;
        eventually("the 快捷键 dialog to close", || async {
            (count(c, "[data-dialog='shortcuts']").await == 0).then_some(())
        })
        .await;

        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            found.is_empty(),
            "{} serious or critical accessibility violations:\n{}",
            found.len(),
            found.join("\n")
        );
    })
}
