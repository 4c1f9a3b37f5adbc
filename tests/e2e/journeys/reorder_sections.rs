//! Moving a section renumbers the level-1 headings in the preview, and
//! switching on the optional section adds a fifth.

use crate::harness::{
    self, attrs_of_all, click, eventually, go_to_step, new_report, preview_blocks, step_state,
    text_of, Browser,
};
use fantoccini::Client;

const MEASURES: &str = "2024年推进法治政府建设的主要举措和成效";
const SHORTCOMINGS: &str = "2024年推进法治政府建设存在的不足和原因";
const DUTY: &str = "2024年党政主要负责人履行推进法治建设第一责任人职责情况";
const PLANS: &str = "2025年推进法治政府建设的主要安排";
const OTHER: &str = "其他需要报告的情况";

/// The preview's level-1 headings (blocks starting 一、 to 十、).
async fn level_one_headings(c: &Client) -> Vec<String> {
    preview_blocks(c)
        .await
        .into_iter()
        .filter(|b| {
            b.split_once('、').is_some_and(|(n, _)| {
                !n.is_empty() && n.chars().all(|ch| "一二三四五六七八九十".contains(ch))
            })
        })
        .collect()
}

async fn headings_become(c: &Client, expected: &[String]) {
    eventually("the level-1 headings", || async {
        (level_one_headings(c).await == expected).then_some(())
    })
    .await;
}

in_chromium_and_firefox!(reorder_sections);
fn reorder_sections(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        new_report(c, 2024).await;
        let numbered = |items: &[&str]| -> Vec<String> {
            items
                .iter()
                .enumerate()
                .map(|(i, h)| format!("{}、{h}", ["一", "二", "三", "四", "五"][i]))
                .collect()
        };
        headings_become(c, &numbered(&[MEASURES, SHORTCOMINGS, DUTY, PLANS])).await;

        go_to_step(c, "duty").await;
        assert_eq!(
            text_of(c, "section.step-body[data-step='duty'] h2 .number").await,
            "三、"
        );
        click(c, "[data-action='section-up']").await;
        headings_become(c, &numbered(&[MEASURES, DUTY, SHORTCOMINGS, PLANS])).await;
        assert_eq!(
            text_of(c, "section.step-body[data-step='duty'] h2 .number").await,
            "二、"
        );
        assert_eq!(
            attrs_of_all(c, "button[data-step-link]", "data-step-link").await,
            [
                "basic",
                "measures",
                "duty",
                "shortcomings",
                "plans",
                "other",
                "review"
            ]
        );

        go_to_step(c, "other").await;
        assert_eq!(step_state(c, "other").await, "off");
        click(c, "[data-action='toggle-section']").await;
        headings_become(c, &numbered(&[MEASURES, DUTY, SHORTCOMINGS, PLANS, OTHER])).await;
        assert_eq!(
            text_of(c, "section.step-body[data-step='other'] h2 .number").await,
            "五、"
        );
        assert_eq!(
            step_state(c, "other").await,
            "missing",
            "its text is required once on"
        );
        // The other section's heading comes before the closing.
        let blocks = preview_blocks(c).await;
        let other = blocks.iter().position(|b| b == &format!("五、{OTHER}"));
        let closing = blocks.iter().position(|b| b == "特此报告。");
        assert!(other < closing && other.is_some(), "{blocks:?}");

        // Off again: back to four.
        click(c, "[data-action='toggle-section']").await;
        headings_become(c, &numbered(&[MEASURES, DUTY, SHORTCOMINGS, PLANS])).await;
    });
}
