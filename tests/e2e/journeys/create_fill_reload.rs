//! A new report filled in step by step survives a reload: the app reopens
//! the same draft on the same step with every paragraph, subsection and
//! point exactly as typed.

use crate::harness::{
    self, assert_in_order, click, click_last, current_step, flow, go_to_step, new_report,
    preview_blocks, preview_until, type_into, value_of, wait_for, wait_saved, Browser,
};

const ORGAN: &str = "中共荆家镇委";
const PREAMBLE_1: &str = "2024年，荆家镇法治政府建设工作以习近平法治思想为指导。";
const PREAMBLE_2: &str = "现将2024年度法治政府建设情况报告如下：";
const HEADINGS: [&str; 2] = [
    "强化领导，落实工作责任。",
    "加强学习培训，提升依法治镇水平。",
];
const TEXTS: [&str; 2] = [
    "镇党委、政府每半年听取和研究部署法治政府建设重大问题。",
    "组织干部学法用法考法，配备126名法律明白人。",
];
const POINTS: [&str; 2] = [
    "切实加强乡村法治建设，深化基层法治宣传教育。",
    "继续加强基层法治人才培育，健全学法用法机制。",
];

in_chromium_and_firefox!(create_fill_reload);
fn create_fill_reload(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2024).await;

        type_into(c, "[data-field='meta.organ']", ORGAN).await;
        type_into(
            c,
            "[data-field='meta.preamble']",
            &format!("{PREAMBLE_1}\n{PREAMBLE_2}"),
        )
        .await;

        go_to_step(c, "measures").await;
        for (i, (heading, text)) in HEADINGS.iter().zip(TEXTS).enumerate() {
            // The list's own button comes after those of the lists nested in it.
            click_last(
                c,
                "[data-action='add-subsection'][data-add-for='measures.items']",
            )
            .await;
            let key = format!("measures.items.{i}");
            wait_for(c, &format!("li[data-subsection='{key}']")).await;
            type_into(c, &format!("[data-field='{key}.heading']"), heading).await;
            type_into(c, &format!("[data-field='{key}.text']"), text).await;
        }

        go_to_step(c, "plans").await;
        for (i, point) in POINTS.iter().enumerate() {
            click(c, "[data-action='add-point'][data-add-for='plans.points']").await;
            type_into(c, &format!("[data-field='plans.points.{i}']"), point).await;
        }

        let preview = preview_until(c, "the second point in the preview", |t| {
            flow(t).contains(&format!("二是{}", POINTS[1]))
        })
        .await;
        let whole = flow(&preview);
        assert_in_order(
            &whole,
            &[
                ORGAN,
                "关于2024年度法治政府建设工作的报告",
                PREAMBLE_1,
                PREAMBLE_2,
                "一、2024年推进法治政府建设的主要举措和成效",
                &format!("（一）{}", HEADINGS[0]),
                TEXTS[0],
                &format!("（二）{}", HEADINGS[1]),
                TEXTS[1],
                "四、2025年推进法治政府建设的主要安排",
                &format!("一是{}", POINTS[0]),
                &format!("二是{}", POINTS[1]),
            ],
        );
        assert_eq!(
            whole.matches("（一）").count(),
            1,
            "one （一） in:\n{preview}"
        );
        assert_eq!(whole.matches("一是").count(), 1, "one 一是 in:\n{preview}");

        wait_saved(c).await;
        c.refresh().await.expect("reload");

        // Same draft, same step, everything as typed.
        wait_for(c, "section.step-body[data-step]").await;
        assert_eq!(current_step(c).await, "plans");
        for (i, point) in POINTS.iter().enumerate() {
            assert_eq!(
                value_of(c, &format!("[data-field='plans.points.{i}']")).await,
                *point
            );
        }
        assert_eq!(harness::count(c, "[data-field^='plans.points.']").await, 2);

        go_to_step(c, "measures").await;
        assert_eq!(harness::count(c, "li[data-subsection]").await, 2);
        for (i, (heading, text)) in HEADINGS.iter().zip(TEXTS).enumerate() {
            let key = format!("measures.items.{i}");
            assert_eq!(
                value_of(c, &format!("[data-field='{key}.heading']")).await,
                *heading
            );
            assert_eq!(
                value_of(c, &format!("[data-field='{key}.text']")).await,
                text
            );
        }

        go_to_step(c, "basic").await;
        assert_eq!(value_of(c, "[data-field='meta.organ']").await, ORGAN);
        assert_eq!(
            value_of(c, "[data-field='meta.preamble']").await,
            format!("{PREAMBLE_1}\n{PREAMBLE_2}")
        );
        // Two paragraphs in the preview too, one after the other.
        let blocks = preview_blocks(c).await;
        let at = blocks
            .iter()
            .position(|b| b == PREAMBLE_1)
            .unwrap_or_else(|| panic!("first paragraph is not a block of its own: {blocks:?}"));
        assert_eq!(blocks.get(at + 1).map(String::as_str), Some(PREAMBLE_2));

        // Reloading before the pause that triggers a save still keeps what
        // was typed: leaving the page saves at once.
        type_into(c, "[data-field='meta.signature']", ORGAN).await;
        assert_eq!(
            harness::attr_of(c, "[data-save-status]", "data-save-status")
                .await
                .as_deref(),
            Some("pending")
        );
        c.refresh().await.expect("reload");
        wait_for(c, "section.step-body[data-step='basic']").await;
        assert_eq!(value_of(c, "[data-field='meta.signature']").await, ORGAN);
    });
}
