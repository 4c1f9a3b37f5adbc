//! While typing, the checks run at the browser's next idle moment rather
//! than inside the keystroke's frame (`src/ui/editor/checked.rs`): the
//! keystroke's frame shows the character in the preview with the findings,
//! the step list and the character counts as they were, and within an idle
//! period they all catch up.

use crate::harness::{self, go_to_step, js, new_report, wait_for, Browser};

/// Types a placeholder ("××镇", which the checks flag) into the measures'
/// introduction with one input event and reports what the page shows in
/// the keystroke's own turn and once the counts have changed.
const TYPE_AND_WATCH: &str = r#"
    const done = arguments[arguments.length - 1];
    const typed = arguments[0];
    const area = document.querySelector("[data-field='measures.intro']");
    const box = document.querySelector("[data-field-box='measures.intro']");
    const seen = () => {
        const link = document.querySelector("[data-step-link='measures']");
        const mark = document.querySelector("[data-count-for='measures']");
        return {
            total: Number(document.querySelector('[data-total-count]').dataset.totalCount),
            findings: box.querySelectorAll('.field-finding').length,
            count: box.querySelector('[data-count]').textContent,
            step: link.dataset.state + '/' + link.dataset.warnings + '/' + (mark ? mark.textContent : ''),
            shown: document.querySelector('.sheet-stack').textContent.includes(typed),
        };
    };
    (async () => {
        const before = seen();
        area.focus();
        area.value = area.value + typed;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: typed }));
        // The app renders in a microtask: this is the keystroke's frame.
        await Promise.resolve();
        const frame = seen();
        const t0 = performance.now();
        while (performance.now() - t0 < 10000) {
            const now = seen();
            if (now.total !== before.total && now.findings !== before.findings) break;
            await new Promise(r => setTimeout(r, 5));
        }
        done({ before, frame, after: seen(), ms: performance.now() - t0 });
    })();
"#;

in_chromium_and_firefox!(checks_catch_up_after_typing);
fn checks_catch_up_after_typing(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2025).await;
        go_to_step(c, "measures").await;
        wait_for(c, "[data-field='measures.intro']").await;
        let typed = "××镇依法行政";
        let seen = c
            .execute_async(TYPE_AND_WATCH, vec![typed.into()])
            .await
            .expect("type and watch");
        let (before, frame, after) = (&seen["before"], &seen["frame"], &seen["after"]);
        // The keystroke's frame: the character on its page, nothing else.
        assert_eq!(frame["shown"], true, "the preview shows the text: {seen}");
        assert_eq!(before["shown"], false);
        for what in ["total", "count", "findings", "step"] {
            assert_eq!(
                frame[what], before[what],
                "{what} in the keystroke's frame: {seen}"
            );
        }
        // Within an idle period: the count, the finding under the field
        // and the step list.
        let chars = typed.chars().count() as u64;
        assert_eq!(
            after["total"].as_u64(),
            before["total"].as_u64().map(|n| n + chars),
            "the character count caught up: {seen}"
        );
        assert_eq!(
            after["count"].as_str(),
            Some(format!("{chars} 字").as_str()),
            "the field's count caught up: {seen}"
        );
        assert!(
            after["findings"].as_u64() > before["findings"].as_u64(),
            "a finding about the placeholder under the field: {seen}"
        );
        assert_ne!(after["step"], before["step"], "the step list: {seen}");
        let ms = seen["ms"].as_f64().unwrap_or(f64::INFINITY);
        assert!(ms < 2_000.0, "the checks caught up after {ms} ms");
        let placeholder = js(
            c,
            "return document.querySelector(\"[data-field-box='measures.intro'] .field-finding\").textContent;",
            vec![],
        )
        .await;
        assert!(
            placeholder.as_str().is_some_and(|t| t.contains("××")),
            "{placeholder}"
        );
    });
}
