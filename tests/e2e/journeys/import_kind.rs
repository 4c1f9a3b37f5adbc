//! Switching the kind of an import before confirming it: the sample
//! report's text pasted whole is proposed as a 法治政府建设年度报告 (marked
//! 推荐, every kind listed — the built-in ones and the writer's own
//! template loaded before — with how many sections it matches); the writer
//! switches to 年度工作总结, the same text is imported again under that
//! template, and 确认导入 opens a draft of that kind with its sections and
//! every paragraph of the text.

use super::custom_template::{choose_template, start_message};
use crate::harness::{
    self, attrs_of_all, click, eventually, flow, paste_into, preview_until, text_of, texts_of_all,
    value_of, wait_for, Browser,
};
use baogao::template::{ANNUAL_REPORT_ID, DUTY_REPORT_ID, WORK_SUMMARY_ID};
use baogao::tools::{import_text, ImportRequest, KindChoice};

const SEED: &str = include_str!("../../fixtures/seed-report-2023.txt");
const OWN: &str = include_str!("../../../docs/template-example.json");

/// How the import panel offers a kind.
fn label(kind: &KindChoice) -> String {
    let proposed = if kind.proposed { "（推荐）" } else { "" };
    format!(
        "{}{proposed}：{}个部分中相符{}个",
        kind.name, kind.sections, kind.matched
    )
}

in_chromium_and_firefox!(an_import_switched_to_another_kind_lands_as_that_kind_with_all_its_text);
fn an_import_switched_to_another_kind_lands_as_that_kind_with_all_its_text(browser: Browser) {
    // What the importer makes of the text as a 年度工作总结, natively,
    // with the writer's own template known.
    let own = baogao::template::parse(OWN).expect("the documented example");
    let expected = import_text(ImportRequest {
        text: SEED.to_string(),
        id: "expected".into(),
        now_ms: 0,
        template_id: Some(WORK_SUMMARY_ID.into()),
        templates: vec![own.clone()],
    })
    .expect("the sample imports as a work summary");
    let labels: Vec<String> = expected.kinds.iter().map(label).collect();
    let ids: Vec<String> = expected.kinds.iter().map(|k| k.id.clone()).collect();
    let expected_steps: Vec<String> = std::iter::once("basic".to_string())
        .chain(
            expected
                .draft
                .sections
                .iter()
                .filter(|s| s.enabled)
                .map(|s| s.id.clone()),
        )
        .chain(std::iter::once("review".to_string()))
        .collect();
    harness::run_in(browser, move |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-field='import-text']").await;
        // The writer's own template, loaded first, is offered too.
        let dir = harness::temp_dir("import-kind");
        let file = dir.join("安全生产.json");
        std::fs::write(&file, OWN).expect("write the template");
        choose_template(c, &file).await;
        start_message(c, "已载入模板").await;
        paste_into(c, "[data-field='import-text']", SEED).await;
        click(c, "[data-action='import-text']").await;

        // Proposed: the annual report, marked; every kind offered.
        wait_for(c, &format!("[data-import-proposal='{ANNUAL_REPORT_ID}']")).await;
        assert_eq!(value_of(c, "#import-kind").await, ANNUAL_REPORT_ID);
        assert_eq!(attrs_of_all(c, "#import-kind option", "value").await, ids);
        assert_eq!(ids.len(), 4);
        for id in [
            ANNUAL_REPORT_ID,
            WORK_SUMMARY_ID,
            DUTY_REPORT_ID,
            own.id.as_str(),
        ] {
            assert!(ids.iter().any(|i| i == id), "{id} not offered: {ids:?}");
        }
        let options = texts_of_all(c, "#import-kind option").await;
        assert_eq!(options, labels);
        assert_eq!(options[0], "法治政府建设年度报告（推荐）：4个部分中相符4个");
        assert!(
            options
                .iter()
                .any(|o| o.starts_with("安全生产工作年度报告：4个部分中相符")),
            "{options:?}"
        );
        assert_eq!(
            attrs_of_all(c, "#import-kind option", "data-proposed").await,
            ["true", "false", "false", "false"]
        );
        let said = text_of(c, "[data-import-proposed]").await;
        assert!(said.contains("推荐按“法治政府建设年度报告”导入"), "{said}");
        assert_eq!(texts_of_all(c, "[data-import-sections] li").await.len(), 4);
        // Nothing is saved before 确认导入.
        assert_eq!(harness::count(c, "li[data-draft]").await, 0);

        // Switched to a 年度工作总结: imported again under that template.
        wait_for(c, "#import-kind")
            .await
            .select_by_value(WORK_SUMMARY_ID)
            .await
            .expect("choose 年度工作总结");
        wait_for(c, &format!("[data-import-proposal='{WORK_SUMMARY_ID}']")).await;
        let said = text_of(c, "[data-import-proposed]").await;
        assert!(
            said.contains("已改按“年度工作总结”导入（推荐“法治政府建设年度报告”）"),
            "{said}"
        );
        assert_eq!(value_of(c, "#import-kind").await, WORK_SUMMARY_ID);
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(app.output("import-proposal.png"), png).expect("save the screenshot");
        assert_eq!(
            attrs_of_all(c, "#import-kind option", "data-proposed").await,
            ["true", "false", "false", "false"]
        );
        let headings: Vec<String> = expected
            .draft
            .sections
            .iter()
            .filter(|s| s.enabled)
            .map(|s| s.heading.clone())
            .collect();
        assert_eq!(texts_of_all(c, "[data-import-sections] li").await, headings);
        // The pasted text is still there, every character.
        assert_eq!(
            value_of(c, "[data-field='import-text']").await,
            SEED.replace("\r\n", "\n")
        );

        harness::confirm_import(c).await;
        let text = preview_until(c, "the imported report on the sheets", |t| {
            t.contains("特此报告。")
        })
        .await;
        // The draft is of the chosen kind: its steps are that template's
        // sections, in the report's order.
        eventually("the work summary's steps", || async {
            let steps = attrs_of_all(c, "[data-step-link]", "data-step-link").await;
            (steps == expected_steps).then_some(())
        })
        .await;
        let notes = text_of(c, ".notes").await;
        assert!(notes.contains("按所选的“年度工作总结”导入。"), "{notes}");
        // Every paragraph of the pasted text landed in the draft.
        let printed = flow(&text);
        for line in SEED
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().count() > 12)
        {
            let body = line
                .trim_start_matches(|c: char| "一二三四五六七八九十、（）0123456789.".contains(c));
            assert!(printed.contains(&flow(body)), "lost “{line}”");
        }
        // And the drafts list names its kind.
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        assert_eq!(
            attrs_of_all(c, "li[data-draft] .kind", "data-kind").await,
            ["年度工作总结"]
        );
    });
}
