//! JSON backups of drafts: export one draft or all of them to a file, import
//! such a file back without ever overwriting a stored draft.
//!
//! The format is described in `docs/backup-format.md`:
//!
//! ```json
//! { "format": "baogao-backup", "format_version": 1, "exported_ms": 1702857600000,
//!   "drafts": [ { "schema_version": 1, "revision": 3, "saved_ms": …, "draft": { … } } ],
//!   "templates": [ { "id": "my-kind", … } ] }
//! ```
//!
//! `templates` carries the writer's own templates the drafts use (absent
//! when they all use built-in ones), so a draft opens even where its
//! template was never loaded.

use crate::draft::{is_valid_draft_id, Draft, ReportDate};
use crate::store::{json_value, migrate, DraftStore, Record, Storage, StoreError};
use crate::template;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use thiserror::Error;

/// The `format` marker of a backup file.
pub const FORMAT: &str = "baogao-backup";

/// The backup format this version writes and the newest it reads.
pub const FORMAT_VERSION: u64 = 1;

/// The largest backup file accepted (20 MB); localStorage holds far less.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// Why a backup file was not imported. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("备份文件过大（{megabytes} MB），超过 20 MB 的上限，可能不是报告的备份文件。")]
    TooLarge { megabytes: usize },
    #[error("备份文件是空的。")]
    Empty,
    #[error("无法读取备份文件：内容不是 JSON 格式，可能不是报告的备份文件，或文件已损坏。")]
    NotJson,
    #[error(
        "这不是报告的备份文件（文件中没有“baogao-backup”标记）。请选择从本工具导出的备份文件。"
    )]
    NotBackup,
    #[error(
        "此备份由更新版本的报告导出（格式版本 {version}），无法在此版本中导入。请使用新版本导入。"
    )]
    NewerFormat { version: u64 },
    #[error("备份文件格式不正确：{reason}。")]
    Invalid { reason: String },
    #[error("备份文件中没有草稿。")]
    NoDrafts,
    #[error("导入失败，没有导入任何草稿：{0}")]
    Store(StoreError),
}

/// A backup file's text and what went into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub json: String,
    /// Drafts written to the file.
    pub drafts: usize,
    /// Ids of stored records left out because they cannot be read (they are
    /// listed as damaged on the start page).
    pub skipped: Vec<String>,
}

/// A draft that was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedDraft {
    pub id: String,
    pub title: String,
}

/// A draft of the file that was given a new id, because its id was
/// taken (or unusable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamedId {
    pub old: String,
    pub new: String,
}

/// An entry of the file that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedEntry {
    /// 1-based position in the file's list of drafts.
    pub position: usize,
    pub id: Option<String>,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub imported: Vec<ImportedDraft>,
    pub renamed: Vec<RenamedId>,
    pub skipped: Vec<SkippedEntry>,
}

impl ImportReport {
    /// One sentence for the user.
    pub fn message(&self) -> String {
        let mut out = format!("已导入 {} 份草稿", self.imported.len());
        if !self.renamed.is_empty() {
            out.push_str(&format!(
                "，其中 {} 份与已有草稿编号相同，已作为新草稿导入，原有草稿未被覆盖",
                self.renamed.len()
            ));
        }
        out.push('。');
        for skipped in &self.skipped {
            out.push_str(&format!(
                "第 {} 份未导入：{}",
                skipped.position, skipped.reason
            ));
        }
        out
    }
}

/// The name offered for a backup file written on `today`.
pub fn file_name(today: ReportDate) -> String {
    format!("报告备份-{}.json", today.iso())
}

/// The backup text of `drafts` (the one being edited, or a selection).
pub fn export_drafts(drafts: &[Draft], now_ms: i64) -> Result<String, BackupError> {
    let entries = drafts
        .iter()
        .map(|d| Record::new(d.clone(), d.revision, d.updated_ms).to_value())
        .collect::<Result<Vec<_>, _>>()
        .map_err(BackupError::Store)?;
    let ids: Vec<&str> = drafts.iter().map(|d| d.template_id.as_str()).collect();
    Ok(backup_text(entries, &ids, now_ms))
}

/// The backup text of every stored draft. Records of a newer app version
/// are included as they are, so a newer version can read them back.
pub fn export_store<S: Storage>(store: &DraftStore<S>, now_ms: i64) -> Result<Export, BackupError> {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    for (id, raw) in store.raw_records().map_err(BackupError::Store)? {
        let Ok(value) = serde_json::from_str::<Value>(&raw) else {
            skipped.push(id);
            continue;
        };
        match migrate(value.clone()) {
            Ok(record) => entries.push(record.to_value().map_err(BackupError::Store)?),
            Err(StoreError::NewerSchema { .. }) => entries.push(value),
            Err(_) => skipped.push(id),
        }
    }
    let ids: Vec<String> = entries
        .iter()
        .filter_map(|e| e.pointer("/draft/template_id").and_then(Value::as_str))
        .map(str::to_string)
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    Ok(Export {
        drafts: entries.len(),
        json: backup_text(entries, &ids, now_ms),
        skipped,
    })
}

/// The writer's own templates among `template_ids`, once each.
fn own_templates(template_ids: &[&str]) -> Vec<Value> {
    let builtin = template::builtin();
    // A list (a few templates) and below a B-tree set the store has
    // anyway: no hash table's code for these types in the download.
    let mut seen: Vec<&str> = Vec::new();
    template_ids
        .iter()
        .filter(|id| {
            let new = builtin.iter().all(|t| t.id != **id) && !seen.contains(id);
            if new {
                seen.push(id);
            }
            new
        })
        .filter_map(|id| template::by_id(id))
        .filter_map(|t| json_value(t).ok())
        .collect()
}

fn backup_text(entries: Vec<Value>, template_ids: &[&str], now_ms: i64) -> String {
    let mut backup = json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_ms": now_ms,
        "drafts": entries,
    });
    let templates = own_templates(template_ids);
    if !templates.is_empty() {
        backup["templates"] = Value::Array(templates);
    }
    // A tree of JSON values always serializes.
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// Checks a file's size before reading it.
pub fn check_size(bytes: u64) -> Result<(), BackupError> {
    if bytes > MAX_BACKUP_BYTES as u64 {
        return Err(BackupError::TooLarge {
            megabytes: usize::try_from(bytes.div_ceil(1024 * 1024)).unwrap_or(usize::MAX),
        });
    }
    Ok(())
}

/// Imports a backup file into `store`. Every readable draft is added; a
/// draft whose id is taken gets a new one from `new_id` (a stored draft is
/// never overwritten). Entries that cannot be read are skipped and reported.
/// Either all readable drafts are written or, when storage fails, none.
pub fn import<S: Storage>(
    store: &mut DraftStore<S>,
    text: &str,
    new_id: &mut dyn FnMut() -> String,
) -> Result<ImportReport, BackupError> {
    check_size(text.len() as u64)?;
    let (entries, templates) = parse_backup(text)?;
    let mut report = ImportReport::default();
    // The writer's templates the drafts use: made known and kept first.
    for value in templates {
        let Ok(t) = template::reread(&value.to_string()) else {
            continue;
        };
        if let Ok(known) = template::register(t) {
            store.save_template(known).map_err(BackupError::Store)?;
        }
    }
    let mut records = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let id = entry
            .pointer("/draft/id")
            .or_else(|| entry.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let skip = |reason: String| SkippedEntry {
            position: i + 1,
            id: id.clone(),
            reason,
        };
        match migrate(entry) {
            Ok(record) if template::by_id(&record.draft.template_id).is_none() => {
                report.skipped.push(skip(format!(
                    "使用了本版本没有的报告模板“{}”。",
                    record.draft.template_id
                )))
            }
            Ok(record) => records.push(record),
            Err(error) => report.skipped.push(skip(error.to_string())),
        }
    }
    let mut taken = BTreeSet::new();
    for record in &mut records {
        let old = record.draft.id.clone();
        let free = |id: &str, taken: &BTreeSet<String>| -> Result<bool, BackupError> {
            Ok(is_valid_draft_id(id)
                && !taken.contains(id)
                && !store.contains(id).map_err(BackupError::Store)?)
        };
        if !free(&old, &taken)? {
            let mut new = new_id();
            let base = new.clone();
            let mut n = 1;
            while !free(&new, &taken)? {
                n += 1;
                new = format!("{base}-{n}");
            }
            record.draft.id = new.clone();
            report.renamed.push(RenamedId { old, new });
        }
        taken.insert(record.draft.id.clone());
    }
    for (written, record) in records.iter().enumerate() {
        if let Err(error) = store.insert_new(record) {
            for earlier in &records[..written] {
                // Best effort: a storage that refuses removals cannot be
                // cleaned up, and the error below is what the user must see.
                let _ = store.delete(&earlier.draft.id);
            }
            return Err(BackupError::Store(error));
        }
        report.imported.push(ImportedDraft {
            id: record.draft.id.clone(),
            title: record.draft.title().trim().to_string(),
        });
    }
    Ok(report)
}

/// The list of draft entries of a backup file, after checking its marker
/// and version.
fn parse_backup(text: &str) -> Result<(Vec<Value>, Vec<Value>), BackupError> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        return Err(BackupError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| BackupError::NotJson)?;
    let Value::Object(mut backup) = value else {
        return Err(BackupError::NotBackup);
    };
    if backup.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotBackup);
    }
    let invalid = |reason: &str| BackupError::Invalid {
        reason: reason.to_string(),
    };
    match backup.get("format_version").and_then(Value::as_u64) {
        Some(version) if version > FORMAT_VERSION => {
            return Err(BackupError::NewerFormat { version })
        }
        Some(0) | None => return Err(invalid("格式版本缺失或无效")),
        Some(_) => {}
    }
    let templates = match backup.remove("templates") {
        Some(Value::Array(templates)) => templates,
        _ => Vec::new(),
    };
    match backup.remove("drafts") {
        Some(Value::Array(entries)) if entries.is_empty() => Err(BackupError::NoDrafts),
        Some(Value::Array(entries)) => Ok((entries, templates)),
        _ => Err(invalid("缺少草稿列表")),
    }
}
