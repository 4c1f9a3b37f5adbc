//! The writer's own template: a malformed file gets a message naming the
//! field and changes nothing; the documented example loads, becomes a kind
//! of 新建报告, makes a draft that survives a reload with its template. And
//! a government website's page pasted whole imports as the kind it is,
//! with the site's chrome in the notes and not in the draft.

use crate::harness::{
    self, click, click_last, eventually, flow, go_to_step, js, new_report, paste_into,
    preview_text, preview_until, texts_of_all, type_into, wait_for, wait_saved, Browser,
};
use fantoccini::Client;
use std::path::Path;

const EXAMPLE: &str = include_str!("../../../docs/template-example.json");

/// Picks `path` in the start page's hidden template file input.
pub(crate) async fn choose_template(c: &Client, path: &Path) {
    js(
        c,
        "document.querySelector('[data-field=template-file]').hidden = false;",
        vec![],
    )
    .await;
    wait_for(c, "[data-field='template-file']")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
}

/// The start page's message, once it contains `containing`.
pub(crate) async fn start_message(c: &Client, containing: &str) -> String {
    eventually("the start page's message", || async {
        let text = harness::text_of(c, "main.start > p.message").await;
        text.contains(containing).then_some(text)
    })
    .await
}

in_chromium_and_firefox!(a_custom_template_is_loaded_and_written_with);
fn a_custom_template_is_loaded_and_written_with(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        let dir = harness::temp_dir("template");
        let broken = dir.join("坏模板.json");
        std::fs::write(
            &broken,
            EXAMPLE.replacen("\"kind\": \"points\"", "\"kind\": \"bullets\"", 1),
        )
        .expect("write the broken file");
        let good = dir.join("安全生产.json");
        std::fs::write(&good, EXAMPLE).expect("write the template");

        c.goto(&app.url).await.expect("open app");
        wait_for(c, "input[name='new-kind']").await;

        // A malformed file: a message naming the field, nothing changes.
        choose_template(c, &broken).await;
        let message = start_message(c, "未载入").await;
        assert!(
            message.contains("sections[2].fields[0].kind") && message.contains("“bullets”不可用"),
            "{message}"
        );
        assert_eq!(harness::count(c, "input[name='new-kind']").await, 3);
        assert!(harness::indexed_db(c, "baogao.v1.template.")
            .await
            .is_empty());

        // The documented example loads and is chosen for 新建报告.
        choose_template(c, &good).await;
        start_message(c, "已载入模板“安全生产工作年度报告”").await;
        assert_eq!(
            texts_of_all(c, ".kind-choice strong").await,
            [
                "法治政府建设年度报告",
                "年度工作总结",
                "述职报告",
                "安全生产工作年度报告"
            ]
        );
        // Kept in IndexedDB beside the drafts, once the commit is done.
        let stored = eventually("the template stored", || async {
            let stored = harness::indexed_db(c, "baogao.v1.template.").await;
            (!stored.is_empty()).then_some(stored)
        })
        .await;
        assert_eq!(stored.len(), 1);
        assert_eq!(
            stored[0].0,
            "baogao.v1.template.anquan-shengchan-niandu-baogao"
        );
        new_report(c, 2023).await;
        assert_eq!(
            harness::value_of(c, "[data-field='meta.title']").await,
            "关于2023年度安全生产工作情况的报告"
        );
        go_to_step(c, "work").await;
        click_last(
            c,
            "[data-action='add-subsection'][data-add-for='work.items']",
        )
        .await;
        wait_for(c, "li[data-subsection='work.items.0']").await;
        type_into(c, "[data-field='work.items.0.heading']", "压实安全责任。").await;
        type_into(
            c,
            "[data-field='work.items.0.text']",
            "与36家企业签订安全生产责任书，排查整改隐患128处。",
        )
        .await;
        go_to_step(c, "plans").await;
        click(c, "[data-action='add-point'][data-add-for='plans.points']").await;
        type_into(c, "[data-field='plans.points.0']", "开展重点行业专项整治。").await;
        preview_until(c, "the plan in the preview", |t| {
            flow(t).contains("一是开展重点行业专项整治。")
        })
        .await;
        wait_saved(c).await;

        // After a reload the draft opens with its template.
        c.refresh().await.expect("reload");
        wait_for(c, "section.step-body[data-step='plans']").await;
        let preview = flow(&preview_text(c).await);
        harness::assert_in_order(
            &preview,
            &[
                "关于2023年度安全生产工作情况的报告",
                "一、2023年安全生产主要工作",
                "（一）压实安全责任。与36家企业签订安全生产责任书",
                "三、2024年工作打算",
                "一是开展重点行业专项整治。",
                "特此报告。",
            ],
        );
        click(c, "[data-action='close']").await;
        wait_for(c, "li[data-draft]").await;
        assert_eq!(
            harness::attrs_of_all(c, "li[data-draft] [data-kind]", "data-kind").await,
            ["安全生产工作年度报告"]
        );
        let _ = std::fs::remove_dir_all(&dir);
    });
}

const WEBSITE_PAGE: &str = "\
您当前所在位置：首页 > 政务公开 > 法治政府建设年度报告
今天是：2024年1月15日 星期一
索引号：11410000/2024-00012
发文字号
青府〔2024〕3号
发布日期：2024-01-15
来源：青山县人民政府
点击：1024
青山县人民政府
关于2023年度法治政府建设工作的报告
发布日期：2024-01-15  点击：1024
县委：
2023年，我县法治政府建设取得新进展。现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
（一）强化领导。召开专题会议6次。
二、2023年推进法治政府建设存在的不足和原因
一是依法决策水平有待提高。二是执法队伍素质有待加强。
三、2023年党政主要负责人履行推进法治建设第一责任人职责情况
（一）带头学法。主持学法4次。
四、2024年推进法治政府建设的主要安排
一是加强学习。
二是规范执法。
特此报告。
青山县人民政府
2024年1月16日
打印本页 关闭窗口
";

in_chromium_and_firefox!(a_website_page_pasted_whole_keeps_its_chrome_in_the_notes);
fn a_website_page_pasted_whole_keeps_its_chrome_in_the_notes(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        wait_for(c, "[data-field='import-text']").await;
        paste_into(c, "[data-field='import-text']", WEBSITE_PAGE).await;
        click(c, "[data-action='import-text']").await;
        harness::confirm_import(c).await;
        let text = eventually("the imported report on the sheets", || async {
            let text = preview_text(c).await;
            text.contains("特此报告。").then_some(text)
        })
        .await;
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines[0], "青山县人民政府", "{text}");
        assert_eq!(lines[1], "关于2023年度法治政府建设工作的报告", "{text}");
        assert_eq!(lines[2], "县委：", "{text}");
        for chrome in [
            "所在位置",
            "今天是",
            "星期一",
            "索引号",
            "发文字号",
            "点击",
            "打印本页",
        ] {
            assert!(!text.contains(chrome), "{chrome} in the draft:\n{text}");
        }
        let notes = harness::text_of(c, ".notes").await;
        assert!(notes.contains("已识别为“法治政府建设年度报告”"), "{notes}");
        for chrome in ["您当前所在位置", "今天是", "索引号", "关闭窗口"] {
            assert!(
                notes.contains(chrome),
                "{chrome} not in the notes:\n{notes}"
            );
        }
    });
}
