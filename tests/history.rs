//! Undo and redo: steps, coalesced typing, depth, revisions.

use baogao::draft::history::{COALESCE_GAP_MS, COALESCE_MAX_MS};
use baogao::draft::{Action, Direction, Draft, FieldRef, History};
use baogao::sample::seed_draft;
use baogao::template::{annual_report, meta_id};

fn organ(text: &str) -> Action {
    Action::SetLine {
        field: FieldRef::meta(meta_id::ORGAN),
        text: text.into(),
    }
}

fn title(text: &str) -> Action {
    Action::SetLine {
        field: FieldRef::meta(meta_id::TITLE),
        text: text.into(),
    }
}

fn history() -> History {
    History::new(Draft::new(annual_report(), "d".into(), 2023, 0))
}

/// Types `text` one character at a time, `gap_ms` apart, starting at `start_ms`.
fn type_organ(h: &mut History, text: &str, start_ms: i64, gap_ms: i64) -> i64 {
    let mut typed = String::new();
    let mut now = start_ms;
    for c in text.chars() {
        typed.push(c);
        assert!(h.apply(annual_report(), &organ(&typed), now));
        now += gap_ms;
    }
    now - gap_ms
}

#[test]
fn undo_and_redo_walk_the_steps() {
    let mut h = history();
    let t = annual_report();
    assert!(!h.can_undo() && !h.can_redo());
    h.apply(t, &organ("中共荆家镇委"), 1_000);
    h.apply(
        t,
        &Action::SetSectionEnabled {
            section: "other".into(),
            enabled: true,
        },
        2_000,
    );
    h.apply(
        t,
        &Action::MoveSection {
            section: "other".into(),
            direction: Direction::Up,
        },
        3_000,
    );
    assert_eq!(h.undo_depth(), 3);
    assert_eq!(h.current().sections[3].id, "other");

    assert!(h.undo(4_000));
    assert_eq!(h.current().sections[4].id, "other");
    assert!(h.current().section("other").unwrap().enabled);
    assert!(h.undo(4_100));
    assert!(!h.current().section("other").unwrap().enabled);
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "中共荆家镇委");
    assert!(h.undo(4_200));
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "");
    assert!(!h.undo(4_300));
    assert_eq!(h.current().updated_ms, 4_200, "undo is an edit to save");

    assert!(h.redo(5_000) && h.redo(5_100));
    assert!(h.current().section("other").unwrap().enabled);
    assert!(h.can_redo());
    // A new change drops what could be redone.
    h.apply(t, &organ("县司法局"), 6_000);
    assert!(!h.can_redo());
    assert!(!h.redo(6_100));
}

#[test]
fn no_op_actions_make_no_step() {
    let mut h = history();
    let generation = h.generation();
    assert!(!h.apply(
        annual_report(),
        &Action::SetSectionEnabled {
            section: "measures".into(),
            enabled: false,
        },
        1_000,
    ));
    assert!(!h.can_undo());
    assert_eq!(h.generation(), generation);
}

#[test]
fn steady_typing_into_one_field_is_one_step() {
    let mut h = history();
    type_organ(&mut h, "中共荆家镇委", 1_000, 300);
    assert_eq!(h.undo_depth(), 1);
    assert!(h.undo(9_000));
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "");
}

#[test]
fn a_pause_another_field_or_a_blur_starts_a_new_step() {
    let mut h = history();
    let t = annual_report();
    let end = type_organ(&mut h, "中共", 1_000, 200);
    // A pause longer than the gap.
    type_organ(&mut h, "荆家", end + COALESCE_GAP_MS + 1, 200);
    assert_eq!(h.undo_depth(), 2);
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "荆家");

    // Another field.
    h.apply(t, &title("关于"), end + 2_000);
    h.apply(t, &organ("荆家镇"), end + 2_100);
    assert_eq!(h.undo_depth(), 4);

    // Focus left the field.
    h.end_typing();
    h.apply(t, &organ("荆家镇委"), end + 2_200);
    assert_eq!(h.undo_depth(), 5);

    h.undo(end + 3_000);
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "荆家镇");
    h.undo(end + 3_000);
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "荆家");
}

#[test]
fn long_continuous_typing_is_cut_into_steps() {
    let mut h = history();
    let text: String = std::iter::repeat_n("法", 60).collect();
    // 60 keystrokes 500 ms apart: 29.5 s of typing without a pause.
    type_organ(&mut h, &text, 0, 500);
    // A step is cut after 10 s: keystrokes 0–20 (0 s–10 s), 21–41, 42–59.
    assert_eq!(COALESCE_MAX_MS, 10_000);
    assert_eq!(h.undo_depth(), 3);
    h.undo(100_000);
    assert_eq!(h.current().meta_line(meta_id::ORGAN).chars().count(), 42);
}

#[test]
fn depth_is_capped() {
    let mut h = History::with_depth(Draft::new(annual_report(), "d".into(), 2023, 0), 5);
    for i in 0..8 {
        h.end_typing();
        h.apply(annual_report(), &organ(&format!("机关{i}")), i);
    }
    assert_eq!(h.undo_depth(), 5);
    while h.undo(100) {}
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "机关2");
}

#[test]
fn undone_drafts_keep_the_saved_revision() {
    let mut h = history();
    h.apply(annual_report(), &organ("甲"), 1_000);
    h.set_revision(7);
    assert_eq!(h.undo_depth(), 1, "recording a save is no step");
    h.undo(2_000);
    assert_eq!(h.current().revision, 7);
    h.redo(3_000);
    assert_eq!(h.current().revision, 7);
}

#[test]
fn cloned_histories_share_snapshots_and_stay_independent() {
    let mut h = History::new(seed_draft("s", 0));
    let shared = h.clone();
    assert!(std::rc::Rc::ptr_eq(&h.current_rc(), &shared.current_rc()));
    h.apply(annual_report(), &organ("新单位"), 1_000);
    assert_eq!(shared.current().meta_line(meta_id::ORGAN), "中共荆家镇委");
    assert_eq!(h.current().meta_line(meta_id::ORGAN), "新单位");
}

#[test]
fn replace_starts_over() {
    let mut h = history();
    h.apply(annual_report(), &organ("甲"), 1_000);
    let generation = h.generation();
    h.replace(seed_draft("s", 0));
    assert!(!h.can_undo() && !h.can_redo());
    assert!(h.generation() > generation);
    assert_eq!(h.current().id, "s");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        let items = || FieldRef::section("measures", "items");
        let points = || FieldRef::section("plans", "points");
        let direction = prop_oneof![Just(Direction::Up), Just(Direction::Down)];
        prop_oneof![
            "[甲乙丙\n]{0,6}".prop_map(|text: String| organ(&text)),
            "[一二三\n\r]{0,8}".prop_map(move |text| Action::SetText {
                field: FieldRef::meta(meta_id::PREAMBLE),
                text
            }),
            (2020..2030i32).prop_map(Action::SetYear),
            (0..6usize, direction.clone()).prop_map(move |(i, direction)| {
                Action::MoveSubsection {
                    field: items(),
                    path: vec![i],
                    direction,
                }
            }),
            (prop::option::of(0..6usize)).prop_map(move |after| Action::AddSubsection {
                field: items(),
                parent: vec![],
                after
            }),
            (0..6usize).prop_map(move |i| Action::RemoveSubsection {
                field: items(),
                path: vec![i]
            }),
            (0..4usize, "[法治\n]{0,6}").prop_map(move |(index, text)| Action::SetPointText {
                field: points(),
                index,
                text
            }),
            (0..4usize, direction).prop_map(move |(index, direction)| Action::MovePoint {
                field: points(),
                index,
                direction
            }),
            prop_oneof![Just("other"), Just("duty")].prop_map(|s| Action::SetSectionEnabled {
                section: s.into(),
                enabled: false
            }),
        ]
    }

    /// The content a user sees, without timestamps and revision.
    fn content(d: &Draft) -> (i32, String, Vec<baogao::draft::SectionDraft>) {
        (d.year, format!("{:?}", d.meta), d.sections.clone())
    }

    proptest! {
        #[test]
        fn undoing_everything_restores_the_start_and_redo_the_end(
            actions in prop::collection::vec((action(), 0..3_000i64), 1..40)
        ) {
            let t = annual_report();
            let mut h = History::new(seed_draft("s", 0));
            let start = content(h.current());
            let mut now = 0;
            for (action, gap) in &actions {
                now += gap;
                h.apply(t, action, now);
            }
            let end = content(h.current());
            while h.undo(now) {}
            prop_assert_eq!(content(h.current()), start);
            while h.redo(now) {}
            prop_assert_eq!(content(h.current()), end);
        }
    }
}

#[test]
fn an_edit_from_outside_the_actions_is_one_undo_step() {
    use baogao::draft::{Draft, History};
    use baogao::template::annual_report;
    let mut h = History::new(Draft::new(annual_report(), "d".into(), 2023, 0));
    let before = h.current().clone();
    assert!(!h.edit(5, |_| false));
    assert!(!h.can_undo());
    assert!(h.edit(7, |d| {
        d.year = 2030;
        true
    }));
    assert_eq!((h.current().year, h.current().updated_ms), (2030, 7));
    assert!(h.undo(9));
    assert_eq!(h.current().year, before.year);
}
