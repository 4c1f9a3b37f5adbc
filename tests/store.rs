//! The draft store over an in-memory storage: round trips, two tabs,
//! failing writes, damaged and old records, deletion and undo.

use baogao::draft::{Action, Draft, FieldRef, History, SCHEMA_VERSION};
use baogao::sample::seed_draft;
use baogao::store::{
    draft_key, migrate, Damage, DraftStore, MemoryStorage, Record, SaveOutcome, Storage,
    StorageError, StoreError, UiState,
};
use baogao::template::{annual_report, meta_id};
use serde_json::{json, Value};

fn saved(outcome: SaveOutcome) -> u64 {
    match outcome {
        SaveOutcome::Saved { revision, .. } => revision,
        other => panic!("not saved: {other:?}"),
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

#[test]
fn save_and_load_round_trip_with_revisions() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let mut draft = seed_draft("seed", 100);
    assert_eq!(saved(store.save(&mut draft, 1_000).unwrap()), 1);
    assert_eq!(draft.revision, 1);
    set_organ(&mut draft, "县司法局");
    assert_eq!(saved(store.save(&mut draft, 2_000).unwrap()), 2);

    let stored: Value =
        serde_json::from_str(&storage.get(&draft_key("seed")).unwrap().unwrap()).unwrap();
    assert_eq!(stored["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(stored["revision"], json!(2));
    assert_eq!(stored["saved_ms"], json!(2_000));
    assert_eq!(stored["draft"]["id"], json!("seed"));

    let mut other = DraftStore::new(storage);
    let loaded = other.load("seed", 3_000).unwrap();
    assert_eq!(loaded, draft);
    assert_eq!(loaded.meta_line(meta_id::ORGAN), "县司法局");

    let listing = other.list(3_000).unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert!(listing.damaged.is_empty());
    assert_eq!(listing.drafts[0].id, "seed");
    assert_eq!(listing.drafts[0].revision, 2);
    assert_eq!(listing.drafts[0].completeness.filled, 9);
}

#[test]
fn list_is_sorted_by_last_change_and_rebuilds_a_lost_index() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    for (id, updated) in [("a", 10), ("b", 30), ("c", 20)] {
        let mut d = seed_draft(id, updated);
        store.save(&mut d, 100).unwrap();
    }
    let ids = |store: &mut DraftStore<MemoryStorage>| {
        store
            .list(0)
            .unwrap()
            .drafts
            .into_iter()
            .map(|s| s.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&mut store), ["b", "c", "a"]);
    storage.remove("baogao.v1.index").unwrap();
    assert_eq!(ids(&mut store), ["b", "c", "a"]);
    assert!(
        storage.get("baogao.v1.index").unwrap().is_some(),
        "index rebuilt"
    );
    // An index entry for a draft removed behind the store's back is dropped.
    storage.remove(&draft_key("c")).unwrap();
    assert_eq!(ids(&mut store), ["b", "a"]);
}

#[test]
fn two_tabs_conflict_instead_of_overwriting() {
    let storage = MemoryStorage::new();
    let mut first = DraftStore::new(storage.clone());
    let mut draft = seed_draft("seed", 0);
    first.save(&mut draft, 1_000).unwrap();

    let mut tab_a = DraftStore::new(storage.clone());
    let mut tab_b = DraftStore::new(storage.clone());
    let mut in_a = tab_a.load("seed", 0).unwrap();
    let mut in_b = tab_b.load("seed", 0).unwrap();

    set_organ(&mut in_b, "乙写的");
    assert_eq!(saved(tab_b.save(&mut in_b, 2_000).unwrap()), 2);

    set_organ(&mut in_a, "甲写的");
    let before = in_a.clone();
    assert_eq!(
        tab_a.save(&mut in_a, 3_000).unwrap(),
        SaveOutcome::Conflict {
            stored_revision: 2,
            stored_saved_ms: 2_000
        }
    );
    assert_eq!(in_a, before, "a conflict leaves the draft untouched");
    assert_eq!(
        DraftStore::new(storage.clone())
            .load("seed", 0)
            .unwrap()
            .meta_line(meta_id::ORGAN),
        "乙写的"
    );

    // Tab A keeps its copy on purpose.
    assert_eq!(saved(tab_a.save_over(&mut in_a, 4_000).unwrap()), 3);
    // Now tab B is behind and is told so.
    set_organ(&mut in_b, "乙又写");
    assert!(matches!(
        tab_b.save(&mut in_b, 5_000).unwrap(),
        SaveOutcome::Conflict {
            stored_revision: 3,
            ..
        }
    ));
    // Tab B reloads and can save again.
    let mut reloaded = tab_b.load("seed", 0).unwrap();
    assert_eq!(reloaded.meta_line(meta_id::ORGAN), "甲写的");
    assert_eq!(saved(tab_b.save(&mut reloaded, 6_000).unwrap()), 4);
}

#[test]
fn undo_after_a_save_does_not_cause_a_false_conflict() {
    let mut store = DraftStore::new(MemoryStorage::new());
    let mut h = History::new(seed_draft("seed", 0));
    let t = annual_report();
    let organ = |text: &str| Action::SetLine {
        field: FieldRef::meta(meta_id::ORGAN),
        text: text.into(),
    };
    h.apply(t, &organ("一"), 1_000);
    let mut copy = h.current().clone();
    let revision = saved(store.save(&mut copy, 1_100).unwrap());
    h.set_revision(revision);
    h.apply(t, &organ("二"), 5_000);
    let mut copy = h.current().clone();
    h.set_revision(saved(store.save(&mut copy, 5_100).unwrap()));
    h.undo(6_000);
    h.undo(6_100);
    let mut copy = h.current().clone();
    assert_eq!(saved(store.save(&mut copy, 6_200).unwrap()), 3);
}

#[test]
fn a_full_storage_reports_and_keeps_the_draft() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let mut draft = seed_draft("seed", 0);
    store.save(&mut draft, 1_000).unwrap();
    let stored_before = storage.get(&draft_key("seed")).unwrap();

    storage.set_quota(Some(storage.used_bytes() + 100));
    let long: String = std::iter::repeat_n("很长的内容。", 200).collect();
    set_organ(&mut draft, &long);
    let before = draft.clone();
    let error = store.save(&mut draft, 2_000).unwrap_err();
    assert_eq!(error, StoreError::Write(StorageError::QuotaExceeded));
    assert!(error
        .to_string()
        .starts_with("保存失败：浏览器存储空间已满"));
    assert_eq!(draft, before, "the draft in memory is untouched");
    assert_eq!(storage.get(&draft_key("seed")).unwrap(), stored_before);

    // Space freed: the same draft saves, with the next revision.
    storage.set_quota(None);
    assert_eq!(saved(store.save(&mut draft, 3_000).unwrap()), 2);
}

#[test]
fn disabled_storage_reports_in_chinese() {
    let storage = MemoryStorage::new();
    storage.fail_writes(Some(StorageError::Disabled));
    let mut store = DraftStore::new(storage.clone());
    let mut draft = seed_draft("seed", 0);
    let error = store.save(&mut draft, 1).unwrap_err();
    assert!(error.to_string().contains("无痕模式"), "{error}");
    assert_eq!(draft.revision, 0);
    assert!(storage.entries().is_empty());
    assert!(store.save_ui_state(&UiState::default()).is_err());
}

#[test]
fn a_corrupt_record_is_moved_aside_listed_and_never_deleted() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let mut good = seed_draft("good", 0);
    store.save(&mut good, 1_000).unwrap();
    let garbage = "{\"schema_version\": 1, \"revision\": 2, \"draft\": {\"id\": ";
    storage.set(&draft_key("bad"), garbage).unwrap();

    let listing = store.list(5_000).unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.damaged.len(), 1);
    let damaged = &listing.damaged[0];
    assert_eq!(damaged.id, "bad");
    assert_eq!(damaged.damage, Damage::Corrupt);
    assert_eq!(damaged.key, "baogao.v1.corrupt.bad.5000");
    assert!(damaged.message.contains("已损坏"), "{}", damaged.message);
    assert!(damaged.message.contains("没有删除"));
    assert_eq!(storage.get(&damaged.key).unwrap().as_deref(), Some(garbage));
    assert_eq!(storage.get(&draft_key("bad")).unwrap(), None);
    assert_eq!(
        store.damaged_text(&damaged.key).unwrap().as_deref(),
        Some(garbage)
    );

    // Listed again later, from where it was kept.
    let again = store.list(9_000).unwrap();
    assert_eq!(again.damaged.len(), 1);
    assert_eq!(again.damaged[0].key, "baogao.v1.corrupt.bad.5000");
    assert_eq!(again.damaged[0].id, "bad");

    // Only an explicit discard removes it.
    store.discard_damaged(&damaged.key).unwrap();
    assert!(store.list(10_000).unwrap().damaged.is_empty());
}

#[test]
fn loading_a_corrupt_record_moves_it_aside_too() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    storage
        .set(
            &draft_key("bad"),
            "{\"schema_version\": 1, \"revision\": 1, \"saved_ms\": 0, \"draft\": {\"id\": 5}}",
        )
        .unwrap();
    let error = store.load("bad", 7_000).unwrap_err();
    assert!(matches!(error, StoreError::Corrupt { .. }), "{error:?}");
    assert!(storage.get("baogao.v1.corrupt.bad.7000").unwrap().is_some());
    assert_eq!(
        store.load("bad", 8_000).unwrap_err(),
        StoreError::NotFound { id: "bad".into() }
    );
}

#[test]
fn a_corrupt_record_stays_in_place_when_it_cannot_be_copied() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    storage.set(&draft_key("bad"), "not json").unwrap();
    storage.fail_writes(Some(StorageError::QuotaExceeded));
    let listing = store.list(1).unwrap();
    assert_eq!(listing.damaged[0].key, draft_key("bad"));
    assert_eq!(
        storage.get(&draft_key("bad")).unwrap().as_deref(),
        Some("not json")
    );
}

#[test]
fn a_version_0_record_is_migrated() {
    // The shape drafts had before the envelope: no schema_version, no
    // revision, text as one string.
    let mut v0 = serde_json::to_value(seed_draft("old", 42)).unwrap();
    let object = v0.as_object_mut().unwrap();
    object.remove("schema_version");
    object.remove("revision");
    object["meta"]["preamble"] = json!({"kind": "text", "value": "第一段。\r\n\r\n　　第二段。"});
    object["sections"][2]["fields"]["intro"] =
        json!({"kind": "text", "value": "不足一。\n不足二。"});

    let record = migrate(v0.clone()).unwrap();
    assert_eq!(
        (record.schema_version, record.revision, record.saved_ms),
        (1, 0, 42)
    );
    assert_eq!(record.draft.schema_version, SCHEMA_VERSION);
    assert_eq!(
        record.draft.meta(meta_id::PREAMBLE),
        Some(&baogao::draft::FieldValue::Text(vec![
            "第一段。".into(),
            "第二段。".into()
        ]))
    );
    assert_eq!(
        record.draft.section("shortcomings").unwrap().fields["intro"],
        baogao::draft::FieldValue::Text(vec!["不足一。".into(), "不足二。".into()])
    );
    assert_eq!(record.draft.title(), "关于2023年度法治政府建设工作的报告");

    // Through the store: listed, opened, then saved as version 1.
    let storage = MemoryStorage::new();
    storage.set(&draft_key("old"), &v0.to_string()).unwrap();
    let mut store = DraftStore::new(storage.clone());
    assert_eq!(store.list(0).unwrap().drafts[0].id, "old");
    let mut draft = store.load("old", 0).unwrap();
    assert_eq!(draft.revision, 0);
    assert_eq!(saved(store.save(&mut draft, 50).unwrap()), 1);
    let stored: Value =
        serde_json::from_str(&storage.get(&draft_key("old")).unwrap().unwrap()).unwrap();
    assert_eq!(stored["schema_version"], json!(1));
    assert_eq!(
        stored["draft"]["meta"]["preamble"]["value"],
        json!(["第一段。", "第二段。"])
    );
}

#[test]
fn a_record_from_a_newer_version_is_listed_and_never_overwritten() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let newer = json!({"schema_version": SCHEMA_VERSION + 1, "revision": 4, "saved_ms": 9,
                       "draft": {"id": "new", "shape": "unknown"}})
    .to_string();
    storage.set(&draft_key("new"), &newer).unwrap();

    let listing = store.list(0).unwrap();
    assert!(listing.drafts.is_empty());
    assert_eq!(listing.damaged.len(), 1);
    assert_eq!(listing.damaged[0].damage, Damage::NewerVersion);
    assert_eq!(listing.damaged[0].key, draft_key("new"));
    assert!(listing.damaged[0]
        .message
        .starts_with("此草稿由更新版本的报告生成，无法在此版本中打开"));

    let error = store.load("new", 0).unwrap_err();
    assert_eq!(
        error,
        StoreError::NewerSchema {
            found: SCHEMA_VERSION + 1
        }
    );

    let mut mine = seed_draft("new", 0);
    assert_eq!(
        store.save_over(&mut mine, 0).unwrap_err(),
        StoreError::NewerSchema {
            found: SCHEMA_VERSION + 1
        }
    );
    assert_eq!(storage.get(&draft_key("new")).unwrap(), Some(newer));
}

#[test]
fn a_record_reads_the_same_from_its_text_or_through_migration() {
    // A record of this version reads straight from its text; everything
    // else goes through `migrate`. Both ways must give the same record,
    // and the direct way must never take what migration would refuse.
    let record = Record::new(seed_draft("direct", 7), 3, 1_702_857_600_123);
    let text = record.to_json().unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(Record::parse(&text).unwrap(), record);
    assert_eq!(migrate(value.clone()).unwrap(), record);
    assert_eq!(Record::parse(&text).unwrap().to_json().unwrap(), text);

    // Repeated keys (the text reader refuses them in a struct): read as
    // before, the last one counting.
    let repeated = text.replacen("\"revision\":3,", "\"revision\":1,\"revision\":3,", 1);
    assert!(serde_json::from_str::<Record>(&repeated).is_err());
    assert_eq!(Record::parse(&repeated).unwrap(), record);

    // A newer version whose shape still fits is refused, not read.
    let mut newer = value.clone();
    newer["schema_version"] = json!(SCHEMA_VERSION + 1);
    assert_eq!(
        Record::parse(&newer.to_string()).unwrap_err(),
        StoreError::NewerSchema {
            found: SCHEMA_VERSION + 1
        }
    );

    // The envelope's revision wins over the draft's copy, either way.
    let mut stale = value.clone();
    stale["draft"]["revision"] = json!(1);
    assert_eq!(Record::parse(&stale.to_string()).unwrap().draft.revision, 3);

    // A draft of the wrong shape: damaged, with the reader's reason.
    let mut broken = value;
    broken["draft"]["sections"] = json!("不是列表");
    let error = Record::parse(&broken.to_string()).unwrap_err();
    assert!(
        matches!(&error, StoreError::Corrupt { reason } if reason.starts_with("数据格式不符：")),
        "{error:?}"
    );
}

#[test]
fn delete_then_restore_brings_back_the_same_record() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let mut draft = seed_draft("seed", 0);
    store.save(&mut draft, 1_000).unwrap();
    let stored = storage.get(&draft_key("seed")).unwrap();

    let deleted = store.delete("seed").unwrap().unwrap();
    assert_eq!(deleted.title, "关于2023年度法治政府建设工作的报告");
    assert!(store.list(0).unwrap().drafts.is_empty());
    assert_eq!(store.delete("seed").unwrap(), None);

    store.restore(&deleted).unwrap();
    assert_eq!(storage.get(&draft_key("seed")).unwrap(), stored);
    let listing = store.list(0).unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.drafts[0].revision, 1);
    assert_eq!(store.load("seed", 0).unwrap(), draft);
    assert_eq!(
        store.restore(&deleted).unwrap_err(),
        StoreError::AlreadyExists { id: "seed".into() }
    );
}

#[test]
fn ui_state_round_trips_and_defaults() {
    let storage = MemoryStorage::new();
    let store = DraftStore::new(storage.clone());
    assert_eq!(store.load_ui_state(), UiState::default());
    let state = UiState {
        last_draft_id: Some("seed".into()),
        step: Some("measures".into()),
        language: None,
    };
    store.save_ui_state(&state).unwrap();
    assert_eq!(DraftStore::new(storage.clone()).load_ui_state(), state);
    storage.set("baogao.v1.ui", "garbage").unwrap();
    assert_eq!(store.load_ui_state(), UiState::default());
}

#[test]
fn ui_state_keeps_the_language_and_reads_records_from_before_it() {
    let storage = MemoryStorage::new();
    let store = DraftStore::new(storage.clone());
    // A record written before the language was kept: read, no language.
    storage
        .set("baogao.v1.ui", r#"{"last_draft_id":"seed","step":"basic"}"#)
        .unwrap();
    let old = store.load_ui_state();
    assert_eq!(old.last_draft_id.as_deref(), Some("seed"));
    assert_eq!(old.language, None);
    let state = UiState {
        language: Some("en".into()),
        ..old
    };
    store.save_ui_state(&state).unwrap();
    let text = storage.get("baogao.v1.ui").unwrap().unwrap();
    assert!(text.contains(r#""language":"en""#), "{text}");
    assert_eq!(DraftStore::new(storage).load_ui_state(), state);
}

#[test]
fn invalid_ids_are_refused_before_writing() {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let mut draft = seed_draft("a.b", 0);
    assert!(matches!(
        store.save(&mut draft, 0),
        Err(StoreError::InvalidId { .. })
    ));
    assert!(storage.entries().is_empty());
}
