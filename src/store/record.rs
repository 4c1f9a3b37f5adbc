//! Stored records and their migrations.
//!
//! A record (schema version 1) is an envelope around the draft:
//!
//! ```json
//! { "schema_version": 1, "revision": 3, "saved_ms": 1702857600000, "draft": { … } }
//! ```
//!
//! The envelope's `schema_version` and `revision` are authoritative; the
//! copies inside the draft are overwritten from them on reading.
//!
//! Schema version 0 is the shape drafts had before the envelope: the bare
//! draft object, without `schema_version` and `revision`, in which a text
//! field's value could be one string with line breaks
//! (`{"kind": "text", "value": "第一段\n第二段"}`) instead of a list of
//! paragraphs. [`migrate`] upgrades records one version at a time, so a
//! future version 2 only adds one step.

use super::error::StoreError;
use crate::draft::{split_paragraphs, Draft, SCHEMA_VERSION};
use crate::i18n::{fill, tr, Key};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// A stored draft with its envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub schema_version: u32,
    /// Incremented by every save.
    pub revision: u64,
    /// When the record was written, in milliseconds since the Unix epoch.
    pub saved_ms: i64,
    pub draft: Draft,
}

impl Record {
    /// Wraps `draft` at the current schema version, copying `revision` into it.
    pub fn new(mut draft: Draft, revision: u64, saved_ms: i64) -> Record {
        draft.schema_version = SCHEMA_VERSION;
        draft.revision = revision;
        Record {
            schema_version: SCHEMA_VERSION,
            revision,
            saved_ms,
            draft,
        }
    }

    /// The record as stored text.
    pub fn to_json(&self) -> Result<String, StoreError> {
        serde_json::to_string(self).map_err(|e| StoreError::corrupt(fill(Key::RecordEncode, &[&e])))
    }

    /// The record as a JSON value (for backups).
    pub fn to_value(&self) -> Result<Value, StoreError> {
        json_value(self)
    }

    /// Reads stored text of any known schema version. A record of this
    /// version reads straight from its text; any other (an older version,
    /// a newer one, a damaged one, repeated keys) goes through [`migrate`].
    pub fn parse(text: &str) -> Result<Record, StoreError> {
        if let Ok(record) = serde_json::from_str::<Record>(text) {
            if record.schema_version == SCHEMA_VERSION {
                return Ok(Record::new(record.draft, record.revision, record.saved_ms));
            }
        }
        let value: Value =
            serde_json::from_str(text).map_err(|_| StoreError::corrupt(tr(Key::RecordNotJson)))?;
        migrate(value)
    }
}

/// `item` as a JSON value, by way of its text: the download then carries
/// one serializer for each type (to text), not a second one to `Value`.
pub fn json_value<T: Serialize>(item: &T) -> Result<Value, StoreError> {
    let encode = |e: serde_json::Error| StoreError::corrupt(fill(Key::RecordEncode, &[&e]));
    serde_json::from_str(&serde_json::to_string(item).map_err(encode)?).map_err(encode)
}

/// The envelope of stored text, read without building the draft: enough to
/// check versions and revisions before a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub schema_version: u32,
    pub revision: u64,
    pub saved_ms: i64,
}

impl Header {
    pub fn parse(text: &str) -> Result<Header, StoreError> {
        #[derive(Deserialize)]
        struct Raw {
            schema_version: Option<u32>,
            revision: Option<u64>,
            saved_ms: Option<i64>,
            draft: Option<IgnoredAny>,
            sections: Option<IgnoredAny>,
        }
        let raw: Raw =
            serde_json::from_str(text).map_err(|_| StoreError::corrupt(tr(Key::RecordInvalid)))?;
        let schema_version = match (raw.schema_version, &raw.draft, &raw.sections) {
            (Some(v), Some(_), _) => v,
            (None, None, Some(_)) => 0,
            _ => return Err(StoreError::corrupt(tr(Key::RecordNotDraft))),
        };
        Ok(Header {
            schema_version,
            revision: raw.revision.unwrap_or(0),
            saved_ms: raw.saved_ms.unwrap_or(0),
        })
    }
}

/// One migration step: upgrades a record of version `n` to `n + 1`.
type Step = fn(Value) -> Result<Value, StoreError>;

/// `STEPS[n]` upgrades version `n` to `n + 1`.
const STEPS: [Step; SCHEMA_VERSION as usize] = [v0_to_v1];

/// Reads a stored record of any known schema version, upgrading it step by
/// step to the current one. A record of a newer version is refused with
/// [`StoreError::NewerSchema`]; anything unreadable with
/// [`StoreError::Corrupt`].
pub fn migrate(mut value: Value) -> Result<Record, StoreError> {
    let mut version = schema_version_of(&value)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { found: version });
    }
    while version < SCHEMA_VERSION {
        value = STEPS[version as usize](value)?;
        version += 1;
    }
    // By way of the text, as every record is read: the download then
    // carries one reader (serde_json's, of text), not a second one of
    // `Value`s (see README, Size).
    let shape = |e: serde_json::Error| StoreError::corrupt(fill(Key::RecordShape, &[&e]));
    let record: Record =
        serde_json::from_str(&serde_json::to_string(&value).map_err(shape)?).map_err(shape)?;
    Ok(Record::new(record.draft, record.revision, record.saved_ms))
}

/// The schema version of a record: the envelope's `schema_version`, or 0
/// for a bare draft object.
fn schema_version_of(value: &Value) -> Result<u32, StoreError> {
    let Some(object) = value.as_object() else {
        return Err(StoreError::corrupt(tr(Key::RecordNotDraft)));
    };
    match (object.get("schema_version"), object.get("draft")) {
        (Some(v), Some(_)) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| StoreError::corrupt(tr(Key::RecordVersion))),
        (None, None) if object.contains_key("sections") => Ok(0),
        _ => Err(StoreError::corrupt(tr(Key::RecordNotDraft))),
    }
}

/// Version 0 → 1: wraps the bare draft in an envelope (revision 0, saved
/// when it was last updated) and splits one-string text values into
/// paragraphs.
fn v0_to_v1(value: Value) -> Result<Value, StoreError> {
    let Value::Object(mut draft) = value else {
        return Err(StoreError::corrupt(tr(Key::RecordNotDraft)));
    };
    if let Some(Value::Object(meta)) = draft.get_mut("meta") {
        split_text_values(meta);
    }
    if let Some(Value::Array(sections)) = draft.get_mut("sections") {
        for section in sections {
            if let Some(Value::Object(fields)) = section.get_mut("fields") {
                split_text_values(fields);
            }
        }
    }
    let saved_ms = draft.get("updated_ms").and_then(Value::as_i64).unwrap_or(0);
    draft.insert("schema_version".into(), json!(1));
    draft.insert("revision".into(), json!(0));
    Ok(json!({
        "schema_version": 1,
        "revision": 0,
        "saved_ms": saved_ms,
        "draft": draft,
    }))
}

/// Turns `{"kind": "text", "value": "a\nb"}` into `{"kind": "text", "value": ["a", "b"]}`.
fn split_text_values(fields: &mut Map<String, Value>) {
    for field in fields.values_mut() {
        if field.get("kind").and_then(Value::as_str) != Some("text") {
            continue;
        }
        let paragraphs = match field.get("value") {
            Some(Value::String(text)) => split_paragraphs(text),
            _ => continue,
        };
        if let Some(value) = field.get_mut("value") {
            *value = json!(paragraphs);
        }
    }
}
