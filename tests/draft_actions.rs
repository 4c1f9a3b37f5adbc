//! Every wizard action on a draft: what it changes, what it refuses, and
//! that the composed report follows.

use baogao::document::{compose, BlockKind};
use baogao::draft::{
    apply, Action, Direction, Draft, FieldRef, FieldValue, Origin, Point, ReportDate, Subsection,
};
use baogao::sample::seed_draft;
use baogao::template::{annual_report, fill_year, meta_id};

const NOW: i64 = 1_700_000_000_000;

fn new_draft() -> Draft {
    Draft::new(annual_report(), "d".into(), 2023, 0)
}

fn run(draft: &mut Draft, action: Action) -> bool {
    apply(annual_report(), draft, &action, NOW)
}

fn items() -> FieldRef {
    FieldRef::section("measures", "items")
}

fn plan_points() -> FieldRef {
    FieldRef::section("plans", "points")
}

fn subsections(draft: &Draft, field: &FieldRef) -> Vec<Subsection> {
    match draft.field(field) {
        Some(FieldValue::Subsections(items)) => items.clone(),
        other => panic!("not subsections: {other:?}"),
    }
}

fn headings(draft: &Draft, field: &FieldRef) -> Vec<String> {
    subsections(draft, field)
        .into_iter()
        .map(|s| s.heading)
        .collect()
}

fn points(draft: &Draft, field: &FieldRef) -> Vec<Point> {
    match draft.field(field) {
        Some(FieldValue::Points(list)) => list.clone(),
        other => panic!("not points: {other:?}"),
    }
}

fn first_words(draft: &Draft) -> Vec<String> {
    points(draft, &plan_points())
        .iter()
        .map(|p| {
            p.paragraphs
                .first()
                .map_or(String::new(), |t| t.chars().take(4).collect())
        })
        .collect()
}

#[test]
fn set_line_changes_the_field_bumps_updated_but_not_revision() {
    let mut d = new_draft();
    let changed = run(
        &mut d,
        Action::SetLine {
            field: FieldRef::meta(meta_id::ORGAN),
            text: "中共荆家镇委\n".into(),
        },
    );
    assert!(changed);
    assert_eq!(d.meta_line(meta_id::ORGAN), "中共荆家镇委");
    assert_eq!((d.updated_ms, d.revision), (NOW, 0));

    // Same text again: nothing changes, the timestamp stays.
    let mut again = d.clone();
    assert!(!apply(
        annual_report(),
        &mut again,
        &Action::SetLine {
            field: FieldRef::meta(meta_id::ORGAN),
            text: "中共荆家镇委".into()
        },
        NOW + 5
    ));
    assert_eq!(again, d);
}

#[test]
fn set_line_on_a_text_field_or_unknown_field_is_refused() {
    let mut d = new_draft();
    let before = d.clone();
    for field in [
        FieldRef::meta(meta_id::PREAMBLE),
        FieldRef::meta("nonexistent"),
        FieldRef::section("nowhere", "items"),
        FieldRef::meta(meta_id::YEAR),
    ] {
        assert!(!run(
            &mut d,
            Action::SetLine {
                field,
                text: "x".into()
            }
        ));
    }
    assert_eq!(d, before);
}

#[test]
fn set_year_moves_title_headings_and_plans_year() {
    let mut d = new_draft();
    assert!(run(&mut d, Action::SetYear(2024)));
    assert_eq!(d.year, 2024);
    assert_eq!(d.title(), "关于2024年度法治政府建设工作的报告");
    assert_eq!(
        d.section("measures").unwrap().heading,
        "2024年推进法治政府建设的主要举措和成效"
    );
    assert_eq!(
        d.section("plans").unwrap().heading,
        "2025年推进法治政府建设的主要安排"
    );
    // Half-typed years are refused instead of mangling the title.
    for year in [2, 20, 202, 2024, 10_000] {
        assert!(!run(&mut d, Action::SetYear(year)), "{year}");
    }
    assert_eq!(d.title(), "关于2024年度法治政府建设工作的报告");
}

#[test]
fn set_date_sets_and_clears() {
    let mut d = new_draft();
    let date = ReportDate::new(2023, 12, 18);
    assert!(run(&mut d, Action::SetDate(date)));
    assert_eq!(d.date(), date);
    assert!(!run(&mut d, Action::SetDate(date)));
    assert!(run(&mut d, Action::SetDate(None)));
    assert_eq!(d.date(), None);
}

#[test]
fn set_text_splits_paragraphs_on_every_kind_of_line_break() {
    let mut d = new_draft();
    let field = FieldRef::meta(meta_id::PREAMBLE);
    let typed = "\u{3000}\u{3000}2023年，全镇工作稳步推进。\r\n\r\n\t现将情况报告如下：\n";
    assert!(run(
        &mut d,
        Action::SetText {
            field: field.clone(),
            text: typed.into()
        }
    ));
    assert_eq!(
        d.field(&field),
        Some(&FieldValue::Text(vec![
            "2023年，全镇工作稳步推进。".into(),
            "现将情况报告如下：".into()
        ]))
    );
    // Pressing Enter at the end adds no paragraph yet: no change.
    assert!(!run(
        &mut d,
        Action::SetText {
            field,
            text: "2023年，全镇工作稳步推进。\n现将情况报告如下：\n".into()
        }
    ));
}

#[test]
fn a_field_missing_from_an_old_draft_is_created_only_when_written() {
    let mut d = new_draft();
    d.section_mut("shortcomings")
        .unwrap()
        .fields
        .remove("points");
    let field = FieldRef::section("shortcomings", "points");
    let before = d.clone();
    assert!(!run(
        &mut d,
        Action::RemovePoint {
            field: field.clone(),
            index: 0
        }
    ));
    assert_eq!(d, before);
    assert!(run(
        &mut d,
        Action::AddPoint {
            field: field.clone(),
            after: None
        }
    ));
    assert_eq!(points(&d, &field).len(), 1);
}

#[test]
fn section_heading_set_and_reset() {
    let mut d = seed_draft("s", 0);
    assert!(run(
        &mut d,
        Action::SetSectionHeading {
            section: "measures".into(),
            heading: "主要举措".into()
        }
    ));
    assert_eq!(d.section("measures").unwrap().heading, "主要举措");
    assert!(run(
        &mut d,
        Action::ResetSectionHeading {
            section: "measures".into()
        }
    ));
    assert_eq!(
        d.section("measures").unwrap().heading,
        "2023年推进法治政府建设的主要举措和成效"
    );
}

#[test]
fn sections_move_and_numbering_follows() {
    let mut d = seed_draft("s", 0);
    let order = |d: &Draft| d.sections.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        order(&d),
        ["measures", "duty", "shortcomings", "plans", "other"]
    );
    assert!(run(
        &mut d,
        Action::MoveSection {
            section: "shortcomings".into(),
            direction: Direction::Up
        }
    ));
    assert_eq!(
        order(&d),
        ["measures", "shortcomings", "duty", "plans", "other"]
    );
    assert!(!run(
        &mut d,
        Action::MoveSection {
            section: "measures".into(),
            direction: Direction::Up
        }
    ));
    assert!(!run(
        &mut d,
        Action::MoveSection {
            section: "other".into(),
            direction: Direction::Down
        }
    ));
    let doc = compose(annual_report(), &d);
    let second = doc.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Heading {
            level: 1,
            number,
            text,
            ..
        } if number == "二、" => Some(text.clone()),
        _ => None,
    });
    assert_eq!(second.as_deref(), Some("推进法治政府建设存在的不足和原因"));
}

#[test]
fn only_optional_sections_switch_off() {
    let mut d = new_draft();
    assert!(!run(
        &mut d,
        Action::SetSectionEnabled {
            section: "measures".into(),
            enabled: false
        }
    ));
    assert!(d.section("measures").unwrap().enabled);
    assert!(run(
        &mut d,
        Action::SetSectionEnabled {
            section: "other".into(),
            enabled: true
        }
    ));
    assert!(d.section("other").unwrap().enabled);
    assert!(run(
        &mut d,
        Action::SetSectionEnabled {
            section: "other".into(),
            enabled: false
        }
    ));
    assert!(!d.section("other").unwrap().enabled);
}

#[test]
fn subsections_add_at_end_and_after_an_index() {
    let mut d = seed_draft("s", 0);
    assert_eq!(headings(&d, &items()).len(), 4);
    assert!(run(
        &mut d,
        Action::AddSubsection {
            field: items(),
            parent: vec![],
            after: Some(0)
        }
    ));
    assert!(run(
        &mut d,
        Action::AddSubsection {
            field: items(),
            parent: vec![],
            after: None
        }
    ));
    let list = subsections(&d, &items());
    assert_eq!(list.len(), 6);
    assert_eq!(list[0].heading, "强化领导，落实工作责任。");
    assert_eq!(
        list[1],
        Subsection {
            run_in: true,
            ..Subsection::default()
        }
    );
    assert_eq!(list[2].heading, "加强学习培训，提升依法治镇工作水平。");
    assert!(list[5].heading.is_empty());
    assert!(!run(
        &mut d,
        Action::AddSubsection {
            field: items(),
            parent: vec![],
            after: Some(6)
        }
    ));
}

#[test]
fn subsections_remove_and_move_within_siblings() {
    let mut d = seed_draft("s", 0);
    assert!(run(
        &mut d,
        Action::MoveSubsection {
            field: items(),
            path: vec![3],
            direction: Direction::Up
        }
    ));
    assert_eq!(
        headings(&d, &items())[2..],
        [
            "加大全民普法，营造法治社会氛围",
            "加强多元调解，推动矛盾纠纷源头化解。"
        ]
    );
    assert!(!run(
        &mut d,
        Action::MoveSubsection {
            field: items(),
            path: vec![3],
            direction: Direction::Down
        }
    ));
    assert!(run(
        &mut d,
        Action::RemoveSubsection {
            field: items(),
            path: vec![0]
        }
    ));
    assert_eq!(headings(&d, &items()).len(), 3);
    assert_eq!(
        headings(&d, &items())[0],
        "加强学习培训，提升依法治镇工作水平。"
    );
    assert!(!run(
        &mut d,
        Action::RemoveSubsection {
            field: items(),
            path: vec![3]
        }
    ));
    assert!(!run(
        &mut d,
        Action::RemoveSubsection {
            field: items(),
            path: vec![]
        }
    ));
}

#[test]
fn subsection_heading_run_in_and_text() {
    let mut d = seed_draft("s", 0);
    assert!(run(
        &mut d,
        Action::SetSubsectionHeading {
            field: items(),
            path: vec![3],
            heading: "加大全民普法，营造法治社会氛围。".into()
        }
    ));
    assert!(run(
        &mut d,
        Action::SetSubsectionRunIn {
            field: items(),
            path: vec![3],
            run_in: true
        }
    ));
    assert!(run(
        &mut d,
        Action::SetSubsectionText {
            field: items(),
            path: vec![3],
            text: "第一段。\r\n第二段。".into()
        }
    ));
    let item = &subsections(&d, &items())[3];
    assert_eq!(item.heading, "加大全民普法，营造法治社会氛围。");
    assert!(item.run_in);
    assert_eq!(item.paragraphs, ["第一段。", "第二段。"]);
    let doc = compose(annual_report(), &d);
    assert!(doc.blocks.iter().any(|b| matches!(&b.kind,
        BlockKind::Heading { level: 2, number, run_in: Some(first), .. }
            if number == "（四）" && first == "第一段。")));
}

#[test]
fn child_subsections_are_addressed_by_path_and_depth_is_limited() {
    let mut d = seed_draft("s", 0);
    for _ in 0..2 {
        assert!(run(
            &mut d,
            Action::AddSubsection {
                field: items(),
                parent: vec![1],
                after: None
            }
        ));
    }
    for (i, heading) in ["线上学习", "集中培训"].into_iter().enumerate() {
        assert!(run(
            &mut d,
            Action::SetSubsectionHeading {
                field: items(),
                path: vec![1, i],
                heading: heading.into()
            }
        ));
    }
    assert!(run(
        &mut d,
        Action::MoveSubsection {
            field: items(),
            path: vec![1, 1],
            direction: Direction::Up
        }
    ));
    let children: Vec<String> = subsections(&d, &items())[1]
        .children
        .iter()
        .map(|c| c.heading.clone())
        .collect();
    assert_eq!(children, ["集中培训", "线上学习"]);
    // Level 4 under level 3 is fine; a fifth level is refused.
    assert!(run(
        &mut d,
        Action::AddSubsection {
            field: items(),
            parent: vec![1, 0],
            after: None
        }
    ));
    assert!(!run(
        &mut d,
        Action::AddSubsection {
            field: items(),
            parent: vec![1, 0, 0],
            after: None
        }
    ));
    assert!(!run(
        &mut d,
        Action::AddSubsection {
            field: items(),
            parent: vec![9],
            after: None
        }
    ));
    let doc = compose(annual_report(), &d);
    let numbers: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading {
                level: 3,
                number,
                text,
                ..
            } => Some(format!("{number}{text}")),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, ["1.集中培训", "2.线上学习"]);
}

#[test]
fn points_add_move_set_and_remove() {
    let mut d = seed_draft("s", 0);
    assert_eq!(first_words(&d), ["进一步深", "切实加强", "继续加强"]);
    assert!(run(
        &mut d,
        Action::AddPoint {
            field: plan_points(),
            after: Some(0)
        }
    ));
    assert!(run(
        &mut d,
        Action::SetPointText {
            field: plan_points(),
            index: 1,
            text: "强化执法监督。\n加强案卷评查。".into()
        }
    ));
    assert_eq!(
        points(&d, &plan_points())[1].paragraphs,
        ["强化执法监督。", "加强案卷评查。"]
    );
    assert!(run(
        &mut d,
        Action::MovePoint {
            field: plan_points(),
            index: 1,
            direction: Direction::Down
        }
    ));
    assert_eq!(
        first_words(&d),
        ["进一步深", "切实加强", "强化执法", "继续加强"]
    );
    assert!(run(
        &mut d,
        Action::RemovePoint {
            field: plan_points(),
            index: 0
        }
    ));
    assert_eq!(first_words(&d), ["切实加强", "强化执法", "继续加强"]);
    assert!(!run(
        &mut d,
        Action::MovePoint {
            field: plan_points(),
            index: 0,
            direction: Direction::Up
        }
    ));
    assert!(!run(
        &mut d,
        Action::SetPointText {
            field: plan_points(),
            index: 7,
            text: "x".into()
        }
    ));
    let doc = compose(annual_report(), &d);
    assert!(doc
        .blocks
        .iter()
        .any(|b| b.kind.full_text() == "二是强化执法监督。"));
}

#[test]
fn insert_example_for_each_kind_of_field() {
    let mut d = new_draft();
    let t = annual_report();

    // Subsections: the first line becomes the heading, the rest paragraphs.
    assert!(run(&mut d, Action::InsertExample { field: items() }));
    let list = subsections(&d, &items());
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].heading, "强化领导，落实工作责任。");
    assert!(list[0].run_in);
    assert_eq!(list[0].paragraphs.len(), 1);
    // Examples name no real place: the sample's town is a placeholder.
    assert!(list[0].paragraphs[0].starts_with("××镇党委、政府提高政治站位"));
    // Inserted text is marked as the example's until it is edited.
    assert_eq!(d.carried_origin(&list[0].heading), Some(Origin::Example));
    assert_eq!(
        d.carried_origin(&list[0].paragraphs[0]),
        Some(Origin::Example)
    );

    // Points: a new point.
    assert!(run(
        &mut d,
        Action::InsertExample {
            field: plan_points()
        }
    ));
    assert!(points(&d, &plan_points())[0].paragraphs[0].starts_with("切实加强乡村法治建设"));

    // Text: paragraphs appended to what is there.
    let preamble = FieldRef::meta(meta_id::PREAMBLE);
    run(
        &mut d,
        Action::SetText {
            field: preamble.clone(),
            text: "已有的一段。".into(),
        },
    );
    assert!(run(
        &mut d,
        Action::InsertExample {
            field: preamble.clone()
        }
    ));
    match d.field(&preamble) {
        Some(FieldValue::Text(ps)) => {
            assert_eq!(ps.len(), 2);
            assert_eq!(ps[0], "已有的一段。");
            let example = &t.meta_field(meta_id::PREAMBLE).unwrap().example;
            assert_eq!(ps[1], fill_year(example, 2023));
            assert!(ps[1].starts_with("2023年，××镇法治政府建设工作"));
            assert!(ps[1].ends_with("现将2023年度法治政府建设情况报告如下："));
            assert_eq!(d.carried_origin(&ps[0]), None);
            assert_eq!(d.carried_origin(&ps[1]), Some(Origin::Example));
        }
        other => panic!("{other:?}"),
    }

    // Line and date: set.
    assert!(run(
        &mut d,
        Action::InsertExample {
            field: FieldRef::meta(meta_id::ORGAN)
        }
    ));
    assert_eq!(d.meta_line(meta_id::ORGAN), "中共××镇委");
    assert!(run(
        &mut d,
        Action::InsertExample {
            field: FieldRef::meta(meta_id::DATE)
        }
    ));
    assert_eq!(d.date(), ReportDate::new(2023, 12, 18));

    // An empty example, the year and unknown fields do nothing.
    let before = d.clone();
    for field in [
        FieldRef::section("measures", "intro"),
        FieldRef::meta(meta_id::YEAR),
        FieldRef::meta("nonexistent"),
    ] {
        assert!(!run(&mut d, Action::InsertExample { field }));
    }
    assert_eq!(d, before);
}

#[test]
fn editing_an_inserted_example_clears_its_mark_and_undo_brings_it_back() {
    let mut h = baogao::draft::History::new(new_draft());
    let t = annual_report();
    let field = FieldRef::meta(meta_id::PREAMBLE);
    assert!(h.apply(
        t,
        &Action::InsertExample {
            field: field.clone()
        },
        NOW
    ));
    let example = match h.current().field(&field) {
        Some(FieldValue::Text(ps)) => ps[0].clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(h.current().carried_origin(&example), Some(Origin::Example));
    let edited = example.replace("××镇", "青山镇");
    assert!(h.apply(
        t,
        &Action::SetText {
            field: field.clone(),
            text: edited.clone()
        },
        NOW + 5_000
    ));
    assert_eq!(h.current().carried_origin(&edited), None);
    assert!(h.undo(NOW + 6_000));
    assert_eq!(h.current().carried_origin(&example), Some(Origin::Example));
}
