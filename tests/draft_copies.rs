//! Start-page operations: duplicate, next year's report, summaries and labels.

use baogao::check::{self, carried, describe_carried, Check};
use baogao::document::compose;
use baogao::draft::{
    apply, duplicate, duplicate_for_next_year, label_summaries, summarize, Action, Draft, FieldRef,
    FieldValue, History, Origin,
};
use baogao::render::text;
use baogao::sample::seed_draft;
use baogao::template::{annual_report, meta_id};

#[test]
fn duplicate_keeps_everything_but_identity_and_times() {
    let mut seed = seed_draft("seed", 10);
    seed.revision = 9;
    let copy = duplicate(&seed, "copy".into(), 500);
    assert_eq!((copy.id.as_str(), copy.revision), ("copy", 0));
    assert_eq!((copy.created_ms, copy.updated_ms), (500, 500));
    assert_eq!(copy.title(), seed.title());
    assert_eq!(copy.sections, seed.sections);
    assert_eq!(copy.meta, seed.meta);
}

#[test]
fn next_year_moves_title_headings_and_plans_and_clears_the_date() {
    let seed = seed_draft("seed", 10);
    assert!(seed.date().is_some());
    let next = duplicate_for_next_year(&seed, "next".into(), 777);
    assert_eq!(next.id, "next");
    assert_eq!(next.year, 2024);
    assert_eq!(next.title(), "关于2024年度法治政府建设工作的报告");
    assert_eq!(
        next.section("plans").unwrap().heading,
        "2025年推进法治政府建设的主要计划安排"
    );
    // Headings without a year stay as the writer had them.
    assert_eq!(
        next.section("measures").unwrap().heading,
        "推进法治政府建设的主要举措和成效"
    );
    assert_eq!(next.date(), None);
    assert_eq!(next.meta(meta_id::DATE), Some(&FieldValue::Date(None)));
    assert_eq!(
        (next.revision, next.created_ms, next.updated_ms),
        (0, 777, 777)
    );
    // The body is kept for revising, the section order too.
    assert_eq!(
        next.section("measures").unwrap().fields,
        seed.section("measures").unwrap().fields
    );
    assert_eq!(next.meta(meta_id::PREAMBLE), seed.meta(meta_id::PREAMBLE));
    let order: Vec<&str> = next.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        order,
        ["measures", "duty", "shortcomings", "plans", "other"]
    );
    // And it composes: the printed text carries the new years.
    let printed = text::render(&compose(annual_report(), &next));
    assert!(printed.contains("关于2024年度法治政府建设工作的报告"));
    assert!(printed.contains("四、2025年推进法治政府建设的主要计划安排"));
    assert!(!printed.contains("2023年12月18日"));
}

#[test]
fn completeness_counts_required_fields_of_frame_and_sections() {
    let t = annual_report();
    let fresh = summarize(t, &baogao::draft::Draft::new(t, "d".into(), 2023, 0));
    // Frame: organ, title, preamble, signature, date (year not counted);
    // sections: measures/items, shortcomings/intro, duty/items, plans/points.
    assert_eq!(fresh.completeness.total, 9);
    assert_eq!(fresh.completeness.filled, 1, "only the title has a default");

    let seed = summarize(t, &seed_draft("seed", 0));
    assert_eq!((seed.completeness.filled, seed.completeness.total), (9, 9));
    assert_eq!(seed.completeness.percent(), 100);
    assert_eq!(seed.year, 2023);
    assert_eq!(seed.title, "关于2023年度法治政府建设工作的报告");
    assert!(
        (2_000..3_000).contains(&seed.char_count),
        "{}",
        seed.char_count
    );

    // Switching the optional section on adds its required field.
    let mut h = History::new(seed_draft("seed", 0));
    h.apply(
        t,
        &Action::SetSectionEnabled {
            section: "other".into(),
            enabled: true,
        },
        1,
    );
    let more = summarize(t, h.current());
    assert_eq!((more.completeness.filled, more.completeness.total), (9, 10));
    assert_eq!(more.completeness.percent(), 90);

    // A required section switched off (an imported draft) counts as unfilled.
    let mut off = seed_draft("seed", 0);
    off.section_mut("duty").unwrap().enabled = false;
    let s = summarize(t, &off);
    assert_eq!((s.completeness.filled, s.completeness.total), (8, 9));

    // Clearing the organ drops one.
    h.apply(
        t,
        &Action::SetLine {
            field: FieldRef::meta(meta_id::ORGAN),
            text: "  ".into(),
        },
        2,
    );
    assert_eq!(summarize(t, h.current()).completeness.filled, 8);
}

#[test]
fn labels_mark_later_copies_and_untitled_drafts() {
    let t = annual_report();
    let seed = seed_draft("a", 100);
    let copy = duplicate(&seed, "b".into(), 200);
    let copy2 = duplicate(&seed, "c".into(), 300);
    let mut untitled = duplicate(&seed, "e".into(), 50);
    untitled
        .meta
        .insert(meta_id::TITLE.into(), FieldValue::Line(" ".into()));
    let other = duplicate_for_next_year(&seed, "d".into(), 400);
    let mut list: Vec<_> = [&copy2, &other, &seed, &untitled, &copy]
        .into_iter()
        .map(|d| summarize(t, d))
        .collect();
    label_summaries(&mut list);
    let labels: Vec<(&str, &str)> = list
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("c", "关于2023年度法治政府建设工作的报告（副本2）"),
            ("d", "关于2024年度法治政府建设工作的报告"),
            ("a", "关于2023年度法治政府建设工作的报告"),
            ("e", "未命名报告"),
            ("b", "关于2023年度法治政府建设工作的报告（副本）"),
        ]
    );
}

#[test]
fn next_year_copy_marks_last_years_paragraphs_until_each_is_edited() {
    let seed = seed_draft("seed", 10);
    assert!(carried(&seed).is_empty());
    let mut next = duplicate_for_next_year(&seed, "next".into(), 777);
    let before = carried(&next);
    assert_eq!(before.len(), 20);
    assert!(before.iter().all(|p| p.origin == Origin::LastYear));
    assert_eq!(
        describe_carried(&before).as_deref(),
        Some("20段沿用去年内容，尚未修改")
    );
    // The preamble still names last year: 核对 says so, with a fix.
    let findings = check::run(annual_report(), &next);
    let year = findings
        .iter()
        .find(|f| f.check == Check::Year && f.location.field.section.is_none())
        .expect("the preamble's 2023 is flagged");
    assert!(year.message.contains("2023年"), "{}", year.message);
    assert_eq!(
        year.fix.as_ref().map(|f| f.label()).as_deref(),
        Some("改为2024年")
    );
    // Each edited paragraph leaves the count; untouched ones stay.
    let items = FieldRef::section("measures", "items");
    for (n, path) in [vec![0], vec![1]].into_iter().enumerate() {
        assert!(apply(
            annual_report(),
            &mut next,
            &Action::SetSubsectionText {
                field: items.clone(),
                path,
                text: format!("今年新写的第{n}段。"),
            },
            800
        ));
        assert_eq!(carried(&next).len(), 19 - n);
    }
    // A plain duplicate keeps the marks as they are.
    assert_eq!(carried(&duplicate(&next, "dup".into(), 900)).len(), 18);
}

#[test]
fn drafts_saved_before_marks_existed_load_without_marks() {
    let seed = seed_draft("seed", 10);
    let json = serde_json::to_string(&seed).unwrap();
    assert!(
        !json.contains("carried"),
        "no marks, no key: old shape kept"
    );
    let back: Draft = serde_json::from_str(&json).unwrap();
    assert!(back.carried.is_empty());
    let next = duplicate_for_next_year(&seed, "n".into(), 1);
    let json = serde_json::to_string(&next).unwrap();
    let back: Draft = serde_json::from_str(&json).unwrap();
    assert_eq!(back, next);
    assert_eq!(carried(&back).len(), 20);
}
