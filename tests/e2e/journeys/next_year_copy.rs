//! 以此为基础新建下一年度: a copy of the sample report (2023) becomes a 2024
//! draft with the years in the title and headings moved on, the signing
//! date cleared and the body kept; the list then holds both years.

use crate::harness::{self, attrs_of_all, click, go_to_step, value_of, wait_for, Browser};

const SAMPLE_TITLE: &str = "关于2023年度法治政府建设工作的报告";
const NEXT_TITLE: &str = "关于2024年度法治政府建设工作的报告";

in_chromium_and_firefox!(next_year_copy);
fn next_year_copy(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::copy_of_sample(c).await;
        wait_for(c, "section.step-body[data-step='basic']").await;
        assert_eq!(value_of(c, "[data-field='meta.title']").await, SAMPLE_TITLE);
        assert_eq!(
            value_of(c, "[data-field='meta.date']").await,
            "2023年12月18日"
        );
        let preamble = value_of(c, "[data-field='meta.preamble']").await;
        assert!(
            preamble.starts_with("2023年，荆家镇法治政府建设工作"),
            "sample preamble: {preamble}"
        );

        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        assert_eq!(harness::count(c, "li[data-draft]").await, 1);
        assert_eq!(
            attrs_of_all(c, "li[data-draft] [data-year]", "data-year").await,
            ["2023"]
        );
        click(c, "li[data-draft] [data-action='next-year']").await;

        // The new draft opens at once.
        wait_for(c, "section.step-body[data-step='basic']").await;
        let title = value_of(c, "[data-field='meta.title']").await;
        assert_eq!(title, NEXT_TITLE);
        assert_eq!(value_of(c, "[data-field='meta.year']").await, "2024");
        assert_eq!(value_of(c, "[data-field='meta.date']").await, "");
        assert_eq!(value_of(c, "[data-field='meta.preamble']").await, preamble);
        assert_eq!(
            value_of(c, "[data-field='meta.organ']").await,
            "中共荆家镇委"
        );
        assert_eq!(
            harness::step_state(c, "basic").await,
            "missing",
            "the cleared date is required"
        );

        go_to_step(c, "plans").await;
        assert_eq!(
            value_of(c, "[data-field='plans.heading']").await,
            "2025年推进法治政府建设的主要计划安排"
        );
        assert_eq!(harness::count(c, "[data-field^='plans.points.']").await, 3);
        let preview = harness::flow(&harness::preview_text(c).await);
        harness::assert_in_order(
            &preview,
            &[
                NEXT_TITLE,
                "2023年，荆家镇法治政府建设工作",
                "四、2025年推进法治政府建设的主要计划安排",
                "一是进一步深入学习贯彻落实党的二十大精神",
            ],
        );
        assert!(
            !preview.contains("2023年12月18日"),
            "the date is cleared: {preview}"
        );

        click(c, "[data-action='close']").await;
        eventually_two_rows(c).await;
        let mut years = attrs_of_all(c, "li[data-draft] [data-year]", "data-year").await;
        years.sort();
        assert_eq!(years, ["2023", "2024"]);
        let mut titles = harness::texts_of_all(c, "li[data-draft] [data-action='open']").await;
        titles.sort();
        assert_eq!(titles, [SAMPLE_TITLE, NEXT_TITLE]);
    });
}

async fn eventually_two_rows(c: &fantoccini::Client) {
    harness::eventually("two drafts on the list", || async {
        (harness::count(c, "li[data-draft]").await == 2).then_some(())
    })
    .await;
}
