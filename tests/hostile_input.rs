//! Every reader of outside data fed hostile input — truncated, mutated,
//! huge, deeply nested, arbitrary — by proptest: stored records (and the
//! store reading them), backup files, the writer's template files (and
//! the store reading its kept templates), pasted report text and .docx
//! files.
//! None may panic; each refuses with a clear Chinese message, and a refused
//! backup writes nothing.

use baogao::backup;
use baogao::document::compose;
use baogao::docx::{read_text, write};
use baogao::draft::Draft;
use baogao::import::from_text;
use baogao::sample::seed_draft;
use baogao::store::templates::template_key;
use baogao::store::{draft_key, Damage, DraftStore, Header, MemoryStorage, Record, Storage};
use baogao::template::{annual_report, parse, validate, MAX_TEMPLATE_BYTES};
use proptest::prelude::*;
use serde_json::Value;
use std::io::{Cursor, Write};

/// A valid stored record of the sample report.
fn record_text() -> String {
    Record::new(seed_draft("d-seed", 1), 3, 4)
        .to_json()
        .unwrap()
}

/// A valid backup file of the sample report.
fn backup_text() -> String {
    backup::export_drafts(&[seed_draft("d-seed", 1)], 5).unwrap()
}

/// JSON values of any shape, nested up to a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("schema_version".to_string()),
                    Just("revision".to_string()),
                    Just("draft".to_string()),
                    Just("sections".to_string()),
                    Just("meta".to_string()),
                    Just("drafts".to_string()),
                    Just("format".to_string()),
                    Just("baogao-backup".to_string()),
                    "[a-z_]{1,8}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// `text` damaged: cut at `cut` (a fraction), with bytes overwritten.
fn damage(text: &str, cut: f64, flips: &[(usize, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, value) in flips {
        if !bytes.is_empty() {
            let at = at % bytes.len();
            bytes[at] = value;
        }
    }
    bytes.truncate((bytes.len() as f64 * cut) as usize);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Text nested `depth` levels deep: `[[[…]]]` or `{"a":{"a":…}}`.
fn nested(depth: usize, object: bool) -> String {
    if object {
        format!("{}1{}", "{\"draft\":".repeat(depth), "}".repeat(depth))
    } else {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }
}

/// A stored record the store must refuse or read: it never panics, and an
/// unreadable one is listed with a message and kept character for character.
fn store_reads(raw: &str) -> Result<(), TestCaseError> {
    let storage = MemoryStorage::new();
    storage.set(&draft_key("d-x"), raw).unwrap();
    let mut store = DraftStore::new(storage.clone());
    let listing = store.list(9).unwrap();
    match Record::parse(raw) {
        Ok(_) => prop_assert_eq!(listing.drafts.len(), 1),
        Err(error) => {
            prop_assert!(!error.to_string().is_empty());
            prop_assert_eq!(listing.damaged.len(), 1);
            let entry = &listing.damaged[0];
            let chinese = entry
                .message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            prop_assert!(chinese, "the message is in Chinese: {}", entry.message);
            let kept = store.damaged_text(&entry.key).unwrap();
            prop_assert_eq!(kept.as_deref(), Some(raw), "kept as it was");
            if entry.damage == Damage::NewerVersion {
                prop_assert_eq!(entry.key.clone(), draft_key("d-x"));
            }
        }
    }
    let _ = store.load("d-x", 10);
    let _ = Header::parse(raw);
    Ok(())
}

/// A backup the importer must refuse or read: a refused one writes nothing.
fn backup_reads(text: &str) -> Result<(), TestCaseError> {
    let storage = MemoryStorage::new();
    let mut store = DraftStore::new(storage.clone());
    let mut existing = seed_draft("d-present", 1);
    store.save(&mut existing, 2).unwrap();
    let before = storage.entries();
    let mut n = 0;
    let mut next_id = || {
        n += 1;
        format!("d-new-{n}")
    };
    match backup::import(&mut store, text, &mut next_id) {
        Ok(report) => {
            // Only whole, readable drafts were added; nothing was replaced.
            prop_assert_eq!(
                storage.get(&draft_key("d-present")).unwrap(),
                before.get(&draft_key("d-present")).cloned()
            );
            let _ = report;
        }
        Err(error) => {
            prop_assert!(!error.to_string().is_empty());
            prop_assert_eq!(storage.entries(), before, "a refused backup writes nothing");
        }
    }
    Ok(())
}

/// The documented example template file.
const TEMPLATE_FILE: &str = include_str!("../docs/template-example.json");

/// Whether `text` has a Chinese character: the messages are for the writer.
fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A template file the reader must refuse or read: it never panics, what it
/// reads is a valid template, and a refusal says in Chinese what is wrong.
/// The same text kept in the store as a loaded template is read or listed
/// with a message, and kept character for character.
fn template_reads(text: &str) -> Result<(), TestCaseError> {
    match parse(text) {
        Ok(t) => prop_assert_eq!(validate(&t), Vec::<String>::new()),
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(is_chinese(p), "{}", p);
            }
        }
    }
    let store = DraftStore::new(MemoryStorage::new());
    store.storage().set(&template_key("x"), text).unwrap();
    let (loaded, problems) = store.load_templates();
    prop_assert_eq!(loaded.len() + problems.len(), 1);
    for p in &problems {
        prop_assert!(is_chinese(p), "{}", p);
    }
    let kept = store.storage().get(&template_key("x")).unwrap();
    prop_assert_eq!(kept.as_deref(), Some(text));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_template_files_never_panic_and_say_why(
        cut in 0.0f64..=1.0,
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        template_reads(&damage(TEMPLATE_FILE, cut, &flips))?;
    }

    #[test]
    fn template_files_of_any_json_shape_never_panic(value in any_json()) {
        template_reads(&value.to_string())?;
        // The same value where a section should be.
        let mut file: Value = serde_json::from_str(TEMPLATE_FILE).unwrap();
        file["sections"][0] = value;
        template_reads(&file.to_string())?;
    }

    #[test]
    fn damaged_records_never_panic_and_are_kept(
        cut in 0.0f64..=1.0,
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        store_reads(&damage(&record_text(), cut, &flips))?;
    }

    #[test]
    fn records_of_any_json_shape_never_panic(value in any_json()) {
        store_reads(&value.to_string())?;
        // The same value as a record's draft.
        let wrapped = serde_json::json!({"schema_version": 1, "revision": 1, "saved_ms": 0, "draft": value});
        store_reads(&wrapped.to_string())?;
    }

    #[test]
    fn arbitrary_text_as_a_record_never_panics(text in ".{0,200}") {
        store_reads(&text)?;
    }

    #[test]
    fn damaged_backups_never_panic_and_write_nothing(
        cut in 0.0f64..=1.0,
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        backup_reads(&damage(&backup_text(), cut, &flips))?;
    }

    #[test]
    fn backups_of_any_json_shape_never_panic(value in any_json()) {
        backup_reads(&value.to_string())?;
        let wrapped = serde_json::json!({"format": "baogao-backup", "version": 1, "drafts": [value]});
        backup_reads(&wrapped.to_string())?;
    }

    #[test]
    fn pasted_text_of_any_characters_never_panics(text in "\\PC{0,400}") {
        let _ = from_text(annual_report(), &text, "d-p".into(), 0);
    }

    #[test]
    fn random_bytes_as_docx_give_an_error_not_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        let error = read_text(&bytes).expect_err("random bytes are no document");
        prop_assert!(!error.to_string().is_empty());
    }
}

#[test]
fn deeply_nested_records_and_backups_are_refused() {
    for object in [false, true] {
        let text = nested(100_000, object);
        let error = Record::parse(&text).expect_err("refused");
        assert!(error.to_string().contains("损坏"), "{error}");
        store_reads(&text).unwrap();
        backup_reads(&text).unwrap();
    }
}

#[test]
fn deeply_nested_and_huge_template_files_are_refused() {
    for object in [false, true] {
        let text = nested(100_000, object);
        let problems = parse(&text).expect_err("refused");
        assert!(problems.iter().all(|p| is_chinese(p)), "{problems:?}");
        template_reads(&text).unwrap();
    }
    let huge = format!("{TEMPLATE_FILE}{}", " ".repeat(MAX_TEMPLATE_BYTES));
    let problems = parse(&huge).expect_err("too large");
    assert!(problems[0].contains("太大"), "{problems:?}");
}

#[test]
fn huge_records_backups_and_pastes_are_refused_or_read() {
    // 30 MB of one character: over the backup limit, refused at once.
    let huge = "满".repeat(10_000_000);
    backup_reads(&huge).unwrap();
    let error = backup::import(
        &mut DraftStore::new(MemoryStorage::new()),
        &huge,
        &mut || "x".into(),
    )
    .expect_err("too large");
    assert!(error.to_string().contains("过大"), "{error}");
    // A record with a 3 MB string where a field's value should be.
    let mut value: Value = serde_json::from_str(&record_text()).unwrap();
    value["draft"]["meta"] = Value::String("字".repeat(1_000_000));
    store_reads(&value.to_string()).unwrap();
    // A pasted text over the limit is refused with its size.
    let error = from_text(annual_report(), &huge, "d".into(), 0).expect_err("too large");
    assert!(error.to_string().contains("MB"), "{error}");
    // One line of a million characters is read without losing any.
    let line = format!(
        "关于2023年度法治政府建设工作的报告\n{}",
        "很长".repeat(500_000)
    );
    let imported = from_text(annual_report(), &line, "d".into(), 0).expect("read");
    assert!(imported.draft.char_count() >= 1_000_000);
}

/// A .docx whose document part is nested far deeper than any real one.
#[test]
fn a_docx_nested_a_million_levels_deep_is_read_without_overflow() {
    let seed = write(&compose(annual_report(), &seed_draft("d", 0) as &Draft)).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(seed)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut data).unwrap();
        if name == "word/document.xml" {
            let depth = 1_000_000;
            data = format!(
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}<w:t>深</w:t>{}</w:body></w:document>",
                "<w:p>".repeat(depth),
                "</w:p>".repeat(depth)
            )
            .into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    match read_text(&bytes) {
        Ok(text) => assert!(text.contains('深')),
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}
