//! A 述职报告 from the start page: the writer chooses the kind among the
//! three (each with its one-line description), fills it in, and prints it;
//! the 述职人 line stands centred under the title on page 1 of the PDF.
//! The list then shows the draft's kind, and next year's copy keeps it.

use crate::harness::{
    self, assert_in_order, attrs_of_all, click, click_last, flow, go_to_step, js, new_report,
    preview_until, texts_of_all, type_into, wait_for, wait_saved, Browser,
};
use std::process::Command;

const REPORTER: &str = "述职人：青山镇党委副书记、镇长　王明";
const PREAMBLE: &str =
    "本人自2022年3月起任青山镇党委副书记、镇长，主持镇政府全面工作。现将本人2023年度履职情况报告如下：";
const HEADING: &str = "抓项目建设，稳住经济基本盘。";
const TEXT: &str = "牵头推进重点项目12个，完成投资3.2亿元，同比增长8%。";
const POINT: &str = "每月到村调研不少于2次，着力解决群众反映的饮水问题。";
const SHORTCOMING: &str = "一是深入基层调研还不够。二是统筹推进项目的力度还需加强。";

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

in_chromium_and_firefox!(duty_report_is_chosen_filled_and_printed);
fn duty_report_is_chosen_filled_and_printed(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");

        // Three kinds, each with a one-line description; the annual report
        // is chosen unless the writer picks another.
        wait_for(c, "input[name='new-kind']").await;
        assert_eq!(
            texts_of_all(c, ".kind-choice strong").await,
            ["法治政府建设年度报告", "年度工作总结", "述职报告"]
        );
        let descriptions = texts_of_all(c, ".kind-choice .kind-description").await;
        assert_eq!(descriptions.len(), 3);
        assert!(descriptions[2].contains("履职情况"), "{descriptions:?}");
        let checked = js(
            c,
            "return document.querySelector('input[name=new-kind]:checked').value;",
            vec![],
        )
        .await;
        assert_eq!(checked, "fazhi-zhengfu-niandu-baogao");
        // The radio's visible name is its label.
        let label = js(
            c,
            "return document.getElementById('new-kind-shuzhi-baogao').labels[0].textContent;",
            vec![],
        )
        .await;
        assert!(
            label.as_str().is_some_and(|l| l.starts_with("述职报告")),
            "{label}"
        );
        click(c, "label[for='new-kind-shuzhi-baogao']").await;
        new_report(c, 2023).await;

        // The basic step has the 述职人 field and no organ line.
        assert_eq!(harness::count(c, "[data-field='meta.organ']").await, 0);
        let reporter_label = js(
            c,
            "return document.querySelector(\"[data-field='meta.reporter']\").labels[0].textContent;",
            vec![],
        )
        .await;
        assert!(
            reporter_label
                .as_str()
                .is_some_and(|l| l.contains("述职人")),
            "{reporter_label}"
        );
        assert_eq!(
            harness::value_of(c, "[data-field='meta.title']").await,
            "2023年度述职报告"
        );
        type_into(c, "[data-field='meta.reporter']", REPORTER).await;
        type_into(c, "[data-field='meta.addressee']", "县委组织部：").await;
        type_into(c, "[data-field='meta.preamble']", PREAMBLE).await;
        type_into(c, "[data-field='meta.signature']", "王明").await;
        type_into(c, "[data-field='meta.date']", "2024年1月10日").await;

        go_to_step(c, "duties").await;
        click_last(
            c,
            "[data-action='add-subsection'][data-add-for='duties.items']",
        )
        .await;
        wait_for(c, "li[data-subsection='duties.items.0']").await;
        type_into(c, "[data-field='duties.items.0.heading']", HEADING).await;
        type_into(c, "[data-field='duties.items.0.text']", TEXT).await;

        go_to_step(c, "shortcomings").await;
        type_into(c, "[data-field='shortcomings.intro']", SHORTCOMING).await;

        go_to_step(c, "direction").await;
        click(
            c,
            "[data-action='add-point'][data-add-for='direction.points']",
        )
        .await;
        type_into(c, "[data-field='direction.points.0']", POINT).await;

        let preview = preview_until(c, "the point in the preview", |t| {
            flow(t).contains(&format!("一是{POINT}"))
        })
        .await;
        assert_in_order(
            &flow(&preview),
            &[
                "2023年度述职报告",
                &flow(REPORTER),
                "县委组织部：",
                PREAMBLE,
                "一、履职情况",
                &format!("（一）{HEADING}"),
                TEXT,
                "二、存在的不足",
                SHORTCOMING,
                "三、今后努力方向",
                &format!("一是{POINT}"),
                "以上报告，请审议。",
                "王明",
                "2024年1月10日",
            ],
        );
        wait_saved(c).await;

        // Printed: the 述职人 line on page 1, right under the title.
        let pdf_bytes = harness::print_to_pdf(&app).await;
        let pdf = app.output("duty-report.pdf");
        std::fs::write(&pdf, pdf_bytes).expect("save the PDF");
        let out = Command::new("pdftotext")
            .args(["-layout", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("run pdftotext");
        let page1 = String::from_utf8_lossy(&out.stdout).to_string();
        let rows: Vec<String> = page1
            .lines()
            .map(squeeze)
            .filter(|l| !l.is_empty())
            .collect();
        let title = rows
            .iter()
            .position(|r| r == "2023年度述职报告")
            .unwrap_or_else(|| panic!("no title on page 1:\n{page1}"));
        assert_eq!(
            rows.get(title + 1).map(String::as_str),
            Some(squeeze(REPORTER).as_str()),
            "述职人 not right under the title:\n{page1}"
        );
        // Centred like the title, not flush left.
        let line = page1
            .lines()
            .find(|l| squeeze(l) == squeeze(REPORTER))
            .unwrap_or_default();
        let title_line = page1
            .lines()
            .find(|l| squeeze(l) == "2023年度述职报告")
            .unwrap_or_default();
        let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
        assert!(
            indent(line) > 0 && indent(title_line) > 0,
            "neither flush left:\n{page1}"
        );

        // The list shows the kind; next year's copy keeps it.
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        assert_eq!(
            attrs_of_all(c, "li[data-draft] [data-kind]", "data-kind").await,
            ["述职报告"]
        );
        click(c, "li[data-draft] [data-action='next-year']").await;
        wait_for(c, "section.step-body[data-step='basic']").await;
        assert_eq!(
            harness::value_of(c, "[data-field='meta.title']").await,
            "2024年度述职报告"
        );
        assert_eq!(
            harness::value_of(c, "[data-field='meta.reporter']").await,
            REPORTER
        );
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        harness::eventually("both drafts in the list", || async {
            (harness::count(c, "li[data-draft]").await == 2).then_some(())
        })
        .await;
        assert_eq!(
            attrs_of_all(c, "li[data-draft] [data-kind]", "data-kind").await,
            ["述职报告", "述职报告"]
        );
    });
}
