//! The store over a [`Journal`] committed to a durable backend, as in the
//! browser with IndexedDB (the backend here is [`journal::apply`], the rule
//! the IndexedDB commit follows): two tabs never overwrite each other and
//! no choice discards text; records of every earlier shape migrate from
//! localStorage, damaged and newer ones included.

use baogao::draft::{Action, Draft, FieldRef, OTHER_TAB_SUFFIX, SCHEMA_VERSION};
use baogao::sample::seed_draft;
use baogao::store::journal::{self, Journal};
use baogao::store::kind::Kind;
use baogao::store::migration::{self, MIGRATED_KEY};
use baogao::store::{draft_key, Damage, DraftStore, MemoryStorage, SaveOutcome, Storage};
use baogao::template::{annual_report, meta_id};
use serde_json::json;
use std::collections::BTreeMap;

type Durable = BTreeMap<String, String>;

/// One tab: its store over a journal loaded from the durable entries.
struct Tab {
    journal: Journal,
    store: DraftStore<Journal>,
}

impl Tab {
    fn open(durable: &Durable) -> Tab {
        let journal = Journal::new(durable.clone());
        Tab {
            store: DraftStore::new(journal.clone()),
            journal,
        }
    }

    /// Commits what changed, recovering as the session does on failure.
    fn commit(&mut self, durable: &mut Durable) -> Result<(), Vec<String>> {
        let batch = self.journal.take();
        let result = journal::apply(durable, &batch);
        if result.is_err() {
            for key in batch.keys() {
                self.journal.reload(&key, durable.get(&key).cloned(), false);
            }
            for id in batch.draft_ids() {
                self.store.forget(&id);
            }
        }
        result
    }

    /// What another tab's announcement makes this tab do.
    fn hear(&self, durable: &Durable, key: &str) {
        self.journal.reload(key, durable.get(key).cloned(), false);
    }
}

fn set_organ(draft: &mut Draft, text: &str) {
    baogao::draft::apply(
        annual_report(),
        draft,
        &Action::SetLine {
            field: FieldRef::meta(meta_id::ORGAN),
            text: text.into(),
        },
        1,
    );
}

fn organs_in(durable: &Durable) -> Vec<(String, String)> {
    let mut store = DraftStore::new(Journal::new(durable.clone()));
    let listing = store.list(0).unwrap();
    let mut out: Vec<(String, String)> = listing
        .drafts
        .iter()
        .map(|s| {
            let d = store.load(&s.id, 0).unwrap();
            (
                d.title().to_string(),
                d.meta_line(meta_id::ORGAN).to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_commit_writes_only_what_changed_and_guards_draft_records() {
    let mut durable = Durable::new();
    let mut tab = Tab::open(&durable);
    let mut draft = seed_draft("d1", 0);
    tab.store.save(&mut draft, 10).unwrap();
    let batch = tab.journal.take();
    let keys = batch.keys();
    assert_eq!(keys, [draft_key("d1"), "baogao.v1.index".to_string()]);
    assert_eq!(batch.changes[0].expected, Some(None), "a new record");
    assert_eq!(batch.changes[1].expected, None, "the index is not guarded");
    journal::apply(&mut durable, &batch).unwrap();
    assert!(tab.journal.take().is_empty(), "nothing left to commit");

    // Written and put back in one batch: nothing to commit.
    let before = tab.journal.get("baogao.v1.index").unwrap().unwrap();
    tab.journal.set("baogao.v1.index", "x").unwrap();
    tab.journal.set("baogao.v1.index", &before).unwrap();
    assert!(tab.journal.take().is_empty());
}

#[test]
fn a_stale_tab_is_refused_by_the_durable_commit_and_keeps_both_texts() {
    let mut durable = Durable::new();
    let mut first = Tab::open(&durable);
    let mut draft = seed_draft("d1", 0);
    first.store.save(&mut draft, 10).unwrap();
    first.commit(&mut durable).unwrap();

    let mut a = Tab::open(&durable);
    let mut b = Tab::open(&durable);
    let mut in_a = a.store.load("d1", 0).unwrap();
    let mut in_b = b.store.load("d1", 0).unwrap();

    set_organ(&mut in_a, "甲标签页写的");
    a.store.save(&mut in_a, 20).unwrap();
    a.commit(&mut durable).unwrap();

    // B has not heard of A's save yet: its own copy says it may save, but
    // the durable commit refuses and nothing of B's batch is written.
    set_organ(&mut in_b, "乙标签页写的");
    assert!(matches!(
        b.store.save(&mut in_b.clone(), 30).unwrap(),
        SaveOutcome::Saved { .. }
    ));
    assert_eq!(b.commit(&mut durable), Err(vec![draft_key("d1")]));
    assert_eq!(organs_in(&durable).len(), 1);
    assert_eq!(organs_in(&durable)[0].1, "甲标签页写的");
    // From now on B's store knows and reports the conflict itself.
    assert!(matches!(
        b.store.save(&mut in_b.clone(), 31).unwrap(),
        SaveOutcome::Conflict { .. }
    ));

    // 保留本页内容: B's text is saved, A's is kept as a copy.
    b.store.keep_mine(&mut in_b, "d1-copy".into(), 40).unwrap();
    b.commit(&mut durable).unwrap();
    let title = "关于2023年度法治政府建设工作的报告";
    assert_eq!(
        organs_in(&durable),
        [
            (title.to_string(), "乙标签页写的".to_string()),
            (
                format!("{title}{OTHER_TAB_SUFFIX}"),
                "甲标签页写的".to_string()
            ),
        ]
    );

    // A, told by the channel, now conflicts; 载入较新版本 keeps A's text
    // as a copy too.
    a.hear(&durable, &draft_key("d1"));
    set_organ(&mut in_a, "甲又写了");
    assert!(matches!(
        a.store.save(&mut in_a.clone(), 50).unwrap(),
        SaveOutcome::Conflict { .. }
    ));
    let theirs = a.store.take_theirs(&in_a, "d1-copy2".into(), 60).unwrap();
    a.commit(&mut durable).unwrap();
    assert_eq!(theirs.meta_line(meta_id::ORGAN), "乙标签页写的");
    let organs: Vec<String> = organs_in(&durable).into_iter().map(|(_, o)| o).collect();
    assert_eq!(organs, ["乙标签页写的", "甲又写了", "甲标签页写的"]);
    // A continues from B's version and saves without conflict.
    let mut continued = theirs;
    set_organ(&mut continued, "甲接着写");
    assert!(matches!(
        a.store.save(&mut continued, 70).unwrap(),
        SaveOutcome::Saved { .. }
    ));
    a.commit(&mut durable).unwrap();
}

#[test]
fn the_same_text_in_both_tabs_makes_no_copy() {
    let mut durable = Durable::new();
    let mut a = Tab::open(&durable);
    let mut draft = seed_draft("d1", 0);
    a.store.save(&mut draft, 10).unwrap();
    a.commit(&mut durable).unwrap();
    let mut b = Tab::open(&durable);
    let mut in_b = b.store.load("d1", 0).unwrap();
    b.store.keep_mine(&mut in_b, "copy".into(), 20).unwrap();
    b.commit(&mut durable).unwrap();
    assert_eq!(organs_in(&durable).len(), 1);
}

#[test]
fn a_failed_commit_leaves_the_draft_to_be_saved_again() {
    let mut durable = Durable::new();
    let mut tab = Tab::open(&durable);
    let mut draft = seed_draft("d1", 0);
    tab.store.save(&mut draft, 10).unwrap();
    tab.commit(&mut durable).unwrap();
    // A save whose commit never reached the disk (full storage): the tab
    // reads the record back and its next save is not a conflict.
    let mut edited = draft.clone();
    set_organ(&mut edited, "没写进去");
    tab.store.save(&mut edited.clone(), 20).unwrap();
    let lost = tab.journal.take();
    for key in lost.keys() {
        tab.journal.reload(&key, durable.get(&key).cloned(), true);
    }
    for id in lost.draft_ids() {
        tab.store.forget(&id);
    }
    assert!(matches!(
        tab.store.save(&mut edited, 30).unwrap(),
        SaveOutcome::Saved { revision: 2, .. }
    ));
    tab.commit(&mut durable).unwrap();
    assert_eq!(organs_in(&durable)[0].1, "没写进去");
}

/// localStorage as an earlier version left it: a bare version-0 draft, a
/// version-1 record, a damaged record, a newer version's record, a record
/// set aside, the index, the UI state, and another site's key.
fn earlier_local_storage() -> Vec<(String, String)> {
    let mut v0 = serde_json::to_value(seed_draft("old0", 42)).unwrap();
    let object = v0.as_object_mut().unwrap();
    object.remove("schema_version");
    object.remove("revision");
    object["meta"]["organ"] = json!({"kind": "line", "value": "零版机关"});
    object["meta"]["preamble"] = json!({"kind": "text", "value": "第一段。\n第二段。"});
    let mut store = DraftStore::new(MemoryStorage::new());
    let mut v1 = seed_draft("new1", 7);
    set_organ(&mut v1, "一版机关");
    store.save(&mut v1, 8).unwrap();
    let mut entries: Vec<(String, String)> = store.storage().entries().into_iter().collect();
    entries.extend([
        (draft_key("old0"), v0.to_string()),
        (draft_key("bad"), "{\"schema_version\": 1, \"draft\": {trunc".into()),
        (
            draft_key("future"),
            json!({"schema_version": SCHEMA_VERSION + 1, "revision": 1, "saved_ms": 1, "draft": {}})
                .to_string(),
        ),
        ("baogao.v1.corrupt.gone.5".into(), "残片".into()),
        ("baogao.v1.ui".into(), json!({"last_draft_id": "new1", "step": "measures"}).to_string()),
        ("otherapp.key".into(), "不是本应用的".into()),
    ]);
    entries
}

#[test]
fn every_earlier_record_migrates_verified_and_once() {
    let local = earlier_local_storage();
    let mut durable = Durable::new();
    let plan = migration::plan(&local, &durable);
    let copied: Vec<&str> = plan.copies.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        copied.len(),
        local.len() - 1,
        "all but the other site's key"
    );
    assert!(!copied.contains(&"otherapp.key"));
    for (key, value) in &plan.copies {
        assert!(Kind::of(key).is_some());
        durable.insert(key.clone(), value.clone());
    }
    migration::verify(&plan, &durable).unwrap();
    let marker = migration::settled_text(&durable, &plan);
    durable.insert(MIGRATED_KEY.into(), marker);

    // Every character of every record, as it was.
    for (key, value) in &local {
        if key != "otherapp.key" {
            assert_eq!(durable.get(key), Some(value), "{key}");
        }
    }
    // A second start copies nothing, even after the draft was deleted.
    durable.remove(&draft_key("new1"));
    assert_eq!(
        migration::plan(&local, &durable),
        migration::Plan::default()
    );

    // The store reads what came over as it read localStorage.
    let mut durable = Durable::new();
    for (key, value) in &plan.copies {
        durable.insert(key.clone(), value.clone());
    }
    let mut tab = Tab::open(&durable);
    let listing = tab.store.list(100).unwrap();
    let mut ids: Vec<&str> = listing.drafts.iter().map(|d| d.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["new1", "old0"]);
    assert_eq!(
        tab.store.load("old0", 0).unwrap().meta_line(meta_id::ORGAN),
        "零版机关"
    );
    assert_eq!(
        tab.store.load("new1", 0).unwrap().meta_line(meta_id::ORGAN),
        "一版机关"
    );
    let damage: Vec<(String, Damage)> = listing
        .damaged
        .iter()
        .map(|d| (d.id.clone(), d.damage))
        .collect();
    assert!(
        damage.contains(&("bad".into(), Damage::Corrupt)),
        "{damage:?}"
    );
    assert!(damage.contains(&("future".into(), Damage::NewerVersion)));
    assert!(damage.contains(&("gone".into(), Damage::Corrupt)));
    assert_eq!(tab.store.load_ui_state().step.as_deref(), Some("measures"));
    // Setting the damaged record aside is committed; the newer one is
    // never touched.
    let newer = durable[&draft_key("future")].clone();
    tab.commit(&mut durable).unwrap();
    assert_eq!(durable[&draft_key("future")], newer);
    assert!(!durable.contains_key(&draft_key("bad")));
    assert!(durable
        .iter()
        .any(|(k, v)| k.starts_with("baogao.v1.corrupt.bad.") && v.contains("{trunc")));
}

#[test]
fn migration_never_overwrites_what_indexeddb_holds_and_verification_catches_a_bad_copy() {
    let local = earlier_local_storage();
    let mut durable = Durable::new();
    durable.insert(draft_key("new1"), "已在 IndexedDB 中".into());
    let plan = migration::plan(&local, &durable);
    assert!(plan.copies.iter().all(|(k, _)| *k != draft_key("new1")));
    assert!(plan.settled.contains(&draft_key("new1")));

    let mut read_back: Durable = plan.copies.iter().cloned().collect();
    migration::verify(&plan, &read_back).unwrap();
    let (key, value) = &plan.copies[0];
    let half: String = value.chars().take(value.chars().count() / 2).collect();
    read_back.insert(key.clone(), half);
    assert_eq!(migration::verify(&plan, &read_back), Err(key.clone()));
    // Without a list of copied keys, nothing is marked migrated.
    assert!(migration::copied_keys(None).is_empty());
    assert!(migration::copied_keys(Some("[1, {")).is_empty());
}

mod interleavings {
    //! Two tabs editing, saving, committing and hearing of each other in
    //! any order: a commit that succeeds was based on what was stored, and
    //! in the end every tab's text is stored (as the draft or as a copy).

    use super::*;
    use baogao::store::{Header, StoreError};
    use proptest::prelude::*;

    #[derive(Debug, Clone, Copy)]
    enum Op {
        /// Type in tab `n`, then save to the tab's copy; a conflict is
        /// resolved by keeping this tab's text (`true`) or loading the other.
        Edit(usize, bool),
        Commit(usize),
        Hear(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..2usize, any::<bool>()).prop_map(|(t, k)| Op::Edit(t, k)),
            (0..2usize).prop_map(Op::Commit),
            (0..2usize).prop_map(Op::Hear),
        ]
    }

    struct Writer {
        tab: Tab,
        draft: Draft,
        /// The stored revision this tab's draft descends from.
        based_on: u64,
        /// The revision of the save waiting to be committed.
        saved: Option<u64>,
        copies: usize,
    }

    fn stored_revision(durable: &Durable) -> u64 {
        durable
            .get(&draft_key("d1"))
            .and_then(|raw| Header::parse(raw).ok())
            .map_or(0, |h| h.revision)
    }

    /// The revision of the draft record in this tab's copy.
    fn seen_revision(w: &Writer) -> u64 {
        w.tab
            .journal
            .get(&draft_key("d1"))
            .ok()
            .flatten()
            .and_then(|raw| Header::parse(&raw).ok())
            .map_or(0, |h| h.revision)
    }

    /// Saves as the editor does: the draft it keeps carries the revision
    /// of the last save that reached the disk, not of this one.
    fn save(w: &mut Writer, keep: bool, id: usize) -> Result<(), StoreError> {
        let mut copy = w.draft.clone();
        match w.tab.store.save(&mut copy, 1)? {
            SaveOutcome::Saved { revision, .. } => w.saved = Some(revision),
            SaveOutcome::Conflict { .. } if keep => {
                w.copies += 1;
                let copy_id = format!("c{id}-{}", w.copies);
                // The version this tab saw is kept as a copy.
                let seen = seen_revision(w);
                if let SaveOutcome::Saved { revision, .. } =
                    w.tab.store.keep_mine(&mut copy, copy_id, 1)?
                {
                    w.saved = Some(revision);
                    w.based_on = seen;
                }
            }
            SaveOutcome::Conflict { .. } => {
                w.copies += 1;
                let copy_id = format!("c{id}-{}", w.copies);
                let theirs = w.tab.store.take_theirs(&w.draft, copy_id, 1)?;
                w.based_on = theirs.revision;
                w.draft = theirs;
                w.saved = None;
            }
        }
        Ok(())
    }

    fn commit(w: &mut Writer, durable: &mut Durable) -> bool {
        let before = stored_revision(durable);
        let ok = w.tab.commit(durable).is_ok();
        if ok {
            if let Some(revision) = w.saved.take() {
                // Whatever was stored, this tab's text was built on it.
                assert_eq!(before, w.based_on, "a commit over text this tab never saw");
                w.based_on = revision;
                w.draft.revision = revision;
            }
        } else {
            w.saved = None;
        }
        ok
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn no_interleaving_loses_a_tab_text(ops in prop::collection::vec(op(), 1..40)) {
            let mut durable = Durable::new();
            let mut first = Tab::open(&durable);
            let mut start = seed_draft("d1", 0);
            first.store.save(&mut start, 1).unwrap();
            first.commit(&mut durable).unwrap();
            let mut writers: Vec<Writer> = (0..2)
                .map(|_| {
                    let mut tab = Tab::open(&durable);
                    let draft = tab.store.load("d1", 0).unwrap();
                    Writer { based_on: draft.revision, tab, draft, saved: None, copies: 0 }
                })
                .collect();
            let mut typed = 0;
            for op in ops {
                match op {
                    Op::Edit(t, keep) => {
                        typed += 1;
                        let w = &mut writers[t];
                        let text = format!("{}{t}:{typed};", w.draft.meta_line(meta_id::ORGAN));
                        set_organ(&mut w.draft, &text);
                        save(w, keep, t).unwrap();
                    }
                    Op::Commit(t) => {
                        commit(&mut writers[t], &mut durable);
                    }
                    Op::Hear(t) => writers[t].tab.hear(&durable, &draft_key("d1")),
                }
            }
            // Each tab saves what it has, keeping its own version.
            for (t, w) in writers.iter_mut().enumerate() {
                let mut done = false;
                for _ in 0..4 {
                    if w.saved.is_none() {
                        save(w, true, t).unwrap();
                    }
                    if commit(w, &mut durable) {
                        done = true;
                        break;
                    }
                }
                prop_assert!(done, "tab {} could not save", t);
            }
            let stored: Vec<String> = organs_in(&durable).into_iter().map(|(_, o)| o).collect();
            for (t, w) in writers.iter().enumerate() {
                let text = w.draft.meta_line(meta_id::ORGAN).to_string();
                prop_assert!(stored.contains(&text), "tab {}'s text {:?} is not stored: {:?}", t, text, stored);
            }
        }
    }
}
