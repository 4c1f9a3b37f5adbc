//! JSON backups: round trips, id collisions, damaged entries, bad files.

use baogao::backup::{
    check_size, export_drafts, export_store, import, BackupError, MAX_BACKUP_BYTES,
};
use baogao::draft::{duplicate_for_next_year, Draft};
use baogao::sample::seed_draft;
use baogao::store::{draft_key, DraftStore, MemoryStorage, Storage, StorageError};
use baogao::template::meta_id;
use serde_json::{json, Value};

/// Ids "n1", "n2", … as the browser's generator would hand them out.
fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("n{n}")
    }
}

fn store_with(drafts: &[Draft]) -> (MemoryStorage, DraftStore<MemoryStorage>) {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    for d in drafts {
        let mut d = d.clone();
        store.save(&mut d, 1_000).unwrap();
    }
    (storage, store)
}

fn three_drafts() -> Vec<Draft> {
    let seed = seed_draft("seed", 100);
    let next = duplicate_for_next_year(&seed, "next".into(), 200);
    let fresh = Draft::new(baogao::template::annual_report(), "fresh".into(), 2025, 300);
    vec![seed, next, fresh]
}

#[test]
fn export_then_import_into_an_empty_store_restores_every_draft() {
    let (_, source) = store_with(&three_drafts());
    let export = export_store(&source, 5_000).unwrap();
    assert_eq!(export.drafts, 3);
    let file: Value = serde_json::from_str(&export.json).unwrap();
    assert_eq!(file["format"], json!("baogao-backup"));
    assert_eq!(file["format_version"], json!(1));
    assert_eq!(file["exported_ms"], json!(5_000));
    assert_eq!(file["drafts"][0]["schema_version"], json!(1));
    assert_eq!(file["drafts"][0]["revision"], json!(1));

    let (_, mut target) = store_with(&[]);
    let report = import(&mut target, &export.json, &mut ids()).unwrap();
    assert_eq!(report.imported.len(), 3);
    assert!(report.renamed.is_empty() && report.skipped.is_empty());
    assert_eq!(report.message(), "已导入 3 份草稿。");
    for original in three_drafts() {
        let back = target.load(&original.id, 0).unwrap();
        assert_eq!(back.sections, original.sections, "{}", original.id);
        assert_eq!(back.meta, original.meta);
        assert_eq!(back.year, original.year);
        // Carried-over marks travel with the draft; none where none were.
        assert_eq!(back.carried, original.carried, "{}", original.id);
    }
    assert_eq!(
        baogao::check::carried(&target.load("next", 0).unwrap()).len(),
        20
    );
    let entries = file["drafts"].as_array().unwrap();
    let seed = entries
        .iter()
        .find(|e| e["draft"]["id"] == json!("seed"))
        .unwrap();
    assert!(
        seed["draft"].get("carried").is_none(),
        "the old shape when nothing is marked"
    );
}

#[test]
fn importing_into_a_store_with_the_same_ids_adds_copies_and_overwrites_nothing() {
    let drafts = three_drafts();
    let (storage, mut store) = store_with(&drafts);
    let export = export_drafts(&drafts, 5_000).unwrap();
    // Change a stored draft, so overwriting would be visible.
    let mut seed = store.load("seed", 0).unwrap();
    seed.meta.insert(
        meta_id::ORGAN.into(),
        baogao::draft::FieldValue::Line("本机修改".into()),
    );
    store.save(&mut seed, 2_000).unwrap();
    let before: Vec<(String, String)> = store.raw_records().unwrap();

    let report = import(&mut store, &export, &mut ids()).unwrap();
    assert_eq!(report.imported.len(), 3);
    let renamed: Vec<(&str, &str)> = report
        .renamed
        .iter()
        .map(|r| (r.old.as_str(), r.new.as_str()))
        .collect();
    assert_eq!(renamed, [("seed", "n1"), ("next", "n2"), ("fresh", "n3")]);
    assert!(report.message().contains("原有草稿未被覆盖"));

    for (id, raw) in before {
        assert_eq!(
            storage.get(&draft_key(&id)).unwrap(),
            Some(raw),
            "{id} kept"
        );
    }
    assert_eq!(
        store.load("n1", 0).unwrap().meta_line(meta_id::ORGAN),
        "中共荆家镇委"
    );
    assert_eq!(store.load("n2", 0).unwrap().year, 2024);
    let listing = store.list(0).unwrap();
    assert_eq!(listing.drafts.len(), 6);
    let copies = listing
        .drafts
        .iter()
        .filter(|s| s.label.ends_with("（副本）"))
        .count();
    assert_eq!(copies, 3);
}

#[test]
fn repeated_ids_in_one_file_and_unusable_ids_get_new_ones() {
    let seed = seed_draft("seed", 0);
    let mut odd = seed_draft("bad.id", 0);
    odd.year = 2022;
    let file = export_drafts(&[seed.clone(), seed, odd], 0).unwrap();
    let (_, mut store) = store_with(&[]);
    // A generator that repeats itself still ends with distinct ids.
    let report = import(&mut store, &file, &mut || "n".to_string()).unwrap();
    let ids: Vec<&str> = report.imported.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["seed", "n", "n-2"]);
    assert_eq!(store.load("n-2", 0).unwrap().year, 2022);
}

#[test]
fn damaged_and_newer_entries_are_skipped_with_reasons() {
    let seed = seed_draft("seed", 0);
    let good = serde_json::to_value(baogao::store::Record::new(seed, 1, 0)).unwrap();
    let file = json!({
        "format": "baogao-backup", "format_version": 1, "exported_ms": 0,
        "drafts": [
            good,
            {"schema_version": 1, "revision": 1, "saved_ms": 0, "draft": {"id": "broken"}},
            {"schema_version": 99, "revision": 1, "saved_ms": 0, "draft": {"id": "future"}},
            "a string",
        ]
    })
    .to_string();
    let (_, mut store) = store_with(&[]);
    let report = import(&mut store, &file, &mut ids()).unwrap();
    assert_eq!(report.imported.len(), 1);
    let skipped: Vec<(usize, Option<&str>)> = report
        .skipped
        .iter()
        .map(|s| (s.position, s.id.as_deref()))
        .collect();
    assert_eq!(
        skipped,
        [(2, Some("broken")), (3, Some("future")), (4, None)]
    );
    assert!(report.skipped[0].reason.contains("已损坏"));
    assert!(report.skipped[1].reason.contains("更新版本"));
    assert!(report.message().contains("第 3 份未导入"));
}

#[test]
fn records_of_a_newer_version_are_exported_as_they_are() {
    let (storage, store) = store_with(&[seed_draft("seed", 0)]);
    let newer = json!({"schema_version": 7, "revision": 1, "saved_ms": 0, "draft": {"id": "x"}});
    storage.set(&draft_key("x"), &newer.to_string()).unwrap();
    storage.set(&draft_key("junk"), "][").unwrap();
    let export = export_store(&store, 0).unwrap();
    assert_eq!(export.drafts, 2);
    assert_eq!(export.skipped, ["junk"]);
    let file: Value = serde_json::from_str(&export.json).unwrap();
    assert!(file["drafts"].as_array().unwrap().contains(&newer));
}

#[test]
fn a_full_storage_during_import_writes_nothing() {
    let drafts = three_drafts();
    let file = export_drafts(&drafts, 0).unwrap();
    let (storage, mut store) = store_with(&[]);
    // Room for the first draft and the index, not for the second draft.
    let first = baogao::store::Record::new(drafts[0].clone(), 1, 0)
        .to_json()
        .unwrap();
    storage.set_quota(Some(2 * first.encode_utf16().count() + 4_000));
    let error = import(&mut store, &file, &mut ids()).unwrap_err();
    assert_eq!(
        error,
        BackupError::Store(baogao::store::StoreError::Write(
            StorageError::QuotaExceeded
        ))
    );
    assert!(error
        .to_string()
        .starts_with("导入失败，没有导入任何草稿：保存失败：浏览器存储空间已满"));
    assert!(store.raw_records().unwrap().is_empty());
    assert!(store.list(0).unwrap().drafts.is_empty());
}

#[test]
fn bad_files_are_refused_with_clear_messages_and_nothing_written() {
    let (storage, mut store) = store_with(&[seed_draft("seed", 0)]);
    let before = storage.entries();
    let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
    let cases: Vec<(&str, String, BackupError)> = vec![
        ("empty", String::new(), BackupError::Empty),
        ("blank", " \n\u{feff}".into(), BackupError::Empty),
        (
            "not json",
            "关于2023年度法治政府建设工作的报告".into(),
            BackupError::NotJson,
        ),
        (
            "other json",
            r#"{"name": "package", "version": "1.0.0"}"#.into(),
            BackupError::NotBackup,
        ),
        ("array", "[1, 2]".into(), BackupError::NotBackup),
        (
            "newer",
            r#"{"format": "baogao-backup", "format_version": 2, "drafts": []}"#.into(),
            BackupError::NewerFormat { version: 2 },
        ),
        (
            "no version",
            r#"{"format": "baogao-backup", "drafts": []}"#.into(),
            BackupError::Invalid {
                reason: "格式版本缺失或无效".into(),
            },
        ),
        (
            "no list",
            r#"{"format": "baogao-backup", "format_version": 1, "drafts": {}}"#.into(),
            BackupError::Invalid {
                reason: "缺少草稿列表".into(),
            },
        ),
        (
            "no drafts",
            r#"{"format": "baogao-backup", "format_version": 1, "drafts": []}"#.into(),
            BackupError::NoDrafts,
        ),
        ("too large", huge, BackupError::TooLarge { megabytes: 21 }),
    ];
    for (name, text, expected) in cases {
        let error = import(&mut store, &text, &mut ids()).unwrap_err();
        assert_eq!(error, expected, "{name}");
        let message = error.to_string();
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{name}: {message}"
        );
        assert_eq!(storage.entries(), before, "{name}: nothing written");
    }
    assert!(check_size(MAX_BACKUP_BYTES as u64).is_ok());
    assert!(BackupError::NewerFormat { version: 2 }
        .to_string()
        .contains("更新版本"));
}

#[test]
fn a_backup_carries_the_writers_template_and_brings_it_back() {
    let mut own = baogao::template::parse(include_str!("../docs/template-example.json"))
        .expect("the documented example");
    own.id = "backup-kind".into();
    let own = baogao::template::register(own).expect("register");
    let mut d = Draft::new(own, "b1".into(), 2023, 0);
    d.meta.insert(
        meta_id::TITLE.into(),
        baogao::draft::FieldValue::Line("关于2023年度安全生产工作情况的报告".into()),
    );
    let seed = seed_draft("s1", 0);
    let json = export_drafts(&[d.clone(), seed.clone()], 5).unwrap();
    let backup: Value = serde_json::from_str(&json).unwrap();
    let templates = backup["templates"].as_array().expect("templates");
    // Only the writer's own template: the built-in one is not carried.
    assert_eq!(templates.len(), 1);
    assert_eq!(templates[0]["id"], "backup-kind");

    let (_, mut elsewhere) = store_with(&[]);
    let report = import(&mut elsewhere, &json, &mut ids()).unwrap();
    assert_eq!(report.imported.len(), 2, "{report:?}");
    let (kept, problems) = elsewhere.load_templates();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].name, "安全生产工作年度报告");
    assert_eq!(elsewhere.load("b1", 9).unwrap().template_id, "backup-kind");

    // A backup without the key reads as before.
    let plain = export_drafts(&[seed], 5).unwrap();
    assert!(!plain.contains("\"templates\""));
}
