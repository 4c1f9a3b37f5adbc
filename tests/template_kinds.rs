//! The built-in report kinds: each template's example composes, lays out
//! on GB/T 9704 pages, round-trips through plain text, and its text is
//! recognised as that kind on import; website chrome around a pasted
//! report stays out of the draft.

use baogao::document::{compose, BlockKind, Document};
use baogao::draft::Draft;
use baogao::import::{from_text, propose, rank};
use baogao::layout::{lay_out, Align};
use baogao::render::text;
use baogao::sample::example_draft;
use baogao::template::{
    self, builtin, duty_report, meta_id, work_summary, SectionRole, Template, ANNUAL_REPORT_ID,
    DUTY_REPORT_ID, WORK_SUMMARY_ID,
};

fn example(t: &Template) -> Draft {
    example_draft(t, "example", 2023, 0)
}

fn normalized(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn kinds(doc: &Document) -> Vec<&'static str> {
    doc.blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Organ { .. } => "organ",
            BlockKind::Title { .. } => "title",
            BlockKind::Byline { .. } => "byline",
            BlockKind::Addressee { .. } => "addressee",
            BlockKind::Heading { level: 1, .. } => "heading",
            BlockKind::Heading { .. } => "subheading",
            BlockKind::Paragraph { .. } => "paragraph",
            BlockKind::Closing { .. } => "closing",
            BlockKind::Signature { .. } => "signature",
            BlockKind::Date { .. } => "date",
        })
        .collect()
}

fn headings(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading {
                level: 1,
                number,
                text,
                ..
            } => Some(format!("{number}{text}")),
            _ => None,
        })
        .collect()
}

#[test]
fn there_are_three_built_in_kinds_with_names_and_descriptions() {
    let names: Vec<&str> = builtin().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["法治政府建设年度报告", "年度工作总结", "述职报告"]);
    for t in builtin() {
        assert!(!t.description.is_empty(), "{}", t.id);
        assert!(t.description.chars().count() <= 60, "{}", t.id);
        assert!(!t.closing.is_empty(), "{}", t.id);
        // Exactly one plans section, a year after the report year.
        let plans: Vec<_> = t
            .sections
            .iter()
            .filter(|s| s.role == SectionRole::Plans)
            .collect();
        assert_eq!(plans.len(), 1, "{}", t.id);
        assert_eq!(plans[0].year_offset, 1, "{}", t.id);
        assert!(t.section_with(SectionRole::Achievements).is_some());
        assert!(t.section_with(SectionRole::Shortcomings).is_some());
        // Examples ask for figures: a placeholder count in every
        // achievements example, never a real place.
        let achievements = t.section_with(SectionRole::Achievements).unwrap();
        assert!(
            achievements.fields.iter().any(|f| f.example.contains('×')),
            "{}",
            t.id
        );
    }
}

#[test]
fn work_summary_example_composes_in_the_usual_shape() {
    let d = example(work_summary());
    let doc = compose(work_summary(), &d);
    assert_eq!(
        headings(&doc),
        [
            "一、2023年主要工作和成效",
            "二、存在的问题和不足",
            "三、2024年工作打算"
        ]
    );
    assert_eq!(doc.title(), Some("××镇2023年工作总结"));
    assert_eq!(
        &kinds(&doc)[..3],
        ["organ", "title", "addressee"],
        "organ line, title, addressee"
    );
    assert_eq!(kinds(&doc).last(), Some(&"date"));
    assert_eq!(d.template_id, WORK_SUMMARY_ID);
}

#[test]
fn duty_report_example_has_the_reporter_line_under_the_title_and_its_closing() {
    let d = example(duty_report());
    let doc = compose(duty_report(), &d);
    let k = kinds(&doc);
    // No organ line: a person reports.
    assert_eq!(&k[..3], ["title", "byline", "addressee"]);
    assert_eq!(
        doc.blocks[1].kind.full_text(),
        "述职人：××镇党委副书记、镇长　张××"
    );
    assert_eq!(
        headings(&doc),
        ["一、履职情况", "二、存在的不足", "三、今后努力方向"]
    );
    let closing = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Closing { text } => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(closing, Some("以上报告，请审议。"));
    let signature = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Signature { text } => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(signature, Some("张××"));
}

#[test]
fn every_kind_lays_out_with_its_frame_on_page_one() {
    for t in builtin() {
        let doc = compose(t, &example(t));
        let layout = lay_out(&doc);
        assert!(!layout.pages.is_empty(), "{}", t.id);
        let first = &layout.pages[0];
        let title_row = first
            .lines
            .iter()
            .find(|l| l.anchor.field.id == meta_id::TITLE)
            .map(|l| l.row)
            .unwrap_or_else(|| panic!("{}: no title on page 1", t.id));
        if let Some(byline) = first.lines.iter().find(|l| l.anchor.field.id == "reporter") {
            // Right under the title's last line, centred, no blank row.
            let title_last = first
                .lines
                .iter()
                .filter(|l| l.anchor.field.id == meta_id::TITLE)
                .map(|l| l.row)
                .max()
                .unwrap_or(title_row);
            assert_eq!(byline.row, title_last + 1, "{}", t.id);
            assert_eq!(byline.line.align, Align::Centre);
            assert_eq!(byline.text(), "述职人：××镇党委副书记、镇长　张××");
            // One blank row, then the addressee.
            let addressee = first
                .lines
                .iter()
                .find(|l| l.anchor.field.id == meta_id::ADDRESSEE)
                .map(|l| l.row);
            assert_eq!(addressee, Some(byline.row + 2), "{}", t.id);
        }
        // Every block reaches a page.
        let placed: std::collections::BTreeSet<usize> =
            layout.lines().map(|(_, l)| l.block).collect();
        assert_eq!(placed.len(), doc.blocks.len(), "{}", t.id);
    }
    let duty = lay_out(&compose(duty_report(), &example(duty_report())));
    assert!(duty.pages[0]
        .lines
        .iter()
        .any(|l| l.anchor.field.id == "reporter"));
}

#[test]
fn every_kind_round_trips_through_text() {
    for t in builtin() {
        let d = example(t);
        let first = text::render(&compose(t, &d));
        let imported = from_text(t, &first, "back".into(), 0)
            .unwrap_or_else(|e| panic!("{}: import failed: {e}", t.id));
        assert_eq!(imported.draft.template_id, t.id);
        assert_eq!(imported.draft.year, 2023, "{}", t.id);
        let second = text::render(&compose(t, &imported.draft));
        assert_eq!(normalized(&second), normalized(&first), "{}", t.id);
    }
}

#[test]
fn importing_each_kinds_example_proposes_that_kind() {
    let all = builtin();
    for t in &all {
        let text = text::render(&compose(t, &example(t)));
        let ranked = rank(&all, &text);
        assert_eq!(ranked[0].template.id, t.id, "{ranked:?}");
        assert!(ranked[0].score > ranked[1].score, "{}: {ranked:?}", t.id);
        assert_eq!(propose(&all, &text).id, t.id);
    }
    // The sample report (a real 2023 township report) is an annual report.
    let seed = include_str!("fixtures/seed-report-2023.txt");
    assert_eq!(propose(&all, seed).id, ANNUAL_REPORT_ID);
}

#[test]
fn text_that_matches_no_kind_well_becomes_a_work_summary() {
    let all = builtin();
    let text = "关于××项目进展情况的报告\n\n一、项目概况\n××项目于3月开工。\n二、资金使用\n已拨付资金×万元。\n";
    let ranked = rank(&all, text);
    assert!(ranked.iter().all(|r| r.score < 4), "{ranked:?}");
    assert_eq!(propose(&all, text).id, WORK_SUMMARY_ID);
}

#[test]
fn a_pasted_duty_report_is_recognised_by_its_reporter_line() {
    let all = builtin();
    let text = "2023年度述职报告\n述职人：××县司法局局长　李××\n一、学习和工作情况\n全年开展调研×次。\n二、不足之处\n调研不够深入。\n";
    assert_eq!(propose(&all, text).id, DUTY_REPORT_ID);
    let imported = from_text(duty_report(), text, "d".into(), 0).unwrap();
    assert_eq!(
        imported.draft.meta_line("reporter"),
        "述职人：××县司法局局长　李××"
    );
}

#[test]
fn website_chrome_is_skipped_and_listed_in_the_notes() {
    let page = "\
您当前所在位置：首页 > 政务公开 > 法治政府建设年度报告
今天是：2024年1月15日 星期一
索引号：11410000/2024-00012
发文字号
××府〔2024〕3号
发布日期：2024-01-15
来源：××县人民政府
点击：1024
××县人民政府
关于2023年度法治政府建设工作的报告
发布日期：2024-01-15  点击：1024
县委：
2023年，我县法治政府建设取得新进展。现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
（一）强化领导。召开专题会议×次。
二、2023年推进法治政府建设存在的不足和原因
一是依法决策水平有待提高。二是执法队伍素质有待加强。
三、2023年党政主要负责人履行推进法治建设第一责任人职责情况
（一）带头学法。主持学法×次。
四、2024年推进法治政府建设的主要安排
一是加强学习。
二是规范执法。
特此报告。
××县人民政府
2024年1月16日
打印本页 关闭窗口
";
    let all = builtin();
    assert_eq!(propose(&all, page).id, ANNUAL_REPORT_ID);
    let imported = from_text(template::annual_report(), page, "w".into(), 0).unwrap();
    let d = &imported.draft;
    assert_eq!(d.meta_line(meta_id::ORGAN), "××县人民政府");
    assert_eq!(d.title(), "关于2023年度法治政府建设工作的报告");
    assert_eq!(d.meta_line(meta_id::ADDRESSEE), "县委：");
    assert_eq!(
        d.meta_lines(meta_id::PREAMBLE),
        ["2023年，我县法治政府建设取得新进展。现将有关情况报告如下："]
    );
    let composed = text::render(&compose(template::annual_report(), d));
    for chrome in [
        "您当前所在位置",
        "今天是",
        "星期一",
        "索引号",
        "发文字号",
        "点击",
        "打印本页",
        "关闭窗口",
    ] {
        assert!(!composed.contains(chrome), "{chrome} in the draft");
        assert!(
            imported.skipped.iter().any(|l| l.contains(chrome)),
            "{chrome} not listed as skipped: {:?}",
            imported.skipped
        );
    }
    let notes: String = imported.notes.iter().map(|n| n.message.as_str()).collect();
    assert!(notes.contains("您当前所在位置"), "{notes}");
    assert!(notes.contains("关闭窗口"), "{notes}");
}

#[test]
fn a_draft_without_a_template_id_loads_as_an_annual_report() {
    let d = example(template::annual_report());
    let mut json: serde_json::Value = serde_json::to_value(&d).unwrap();
    let object = json.as_object_mut().unwrap();
    object.remove("template_id");
    object.remove("template_version");
    let back: Draft = serde_json::from_value(json).unwrap();
    assert_eq!(back.template_id, ANNUAL_REPORT_ID);
    assert_eq!(back.template_version, 1);
    assert_eq!(back.sections, d.sections);
}
