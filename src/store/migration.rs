//! Moving the records of earlier versions from localStorage into
//! IndexedDB.
//!
//! Every `baogao.v1.*` entry of localStorage not yet copied is written to
//! IndexedDB as it is (whatever its schema version, damaged or not: the
//! store reads, migrates or sets it aside later, as it always did), read
//! back and compared, and only then listed under [`MIGRATED_KEY`] as
//! copied. The localStorage entries are never changed or deleted. A key
//! IndexedDB already holds is not overwritten.

use super::kind::Kind;
use std::collections::{BTreeMap, BTreeSet};

/// The entry listing the localStorage keys already copied.
pub const MIGRATED_KEY: &str = "baogao.v1.migrated";

/// What a migration does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Entries to write, as (key, value).
    pub copies: Vec<(String, String)>,
    /// Every key the migration settles (copied, or already in IndexedDB),
    /// for the list of copied keys.
    pub settled: BTreeSet<String>,
}

/// The keys listed as copied, from the stored list (empty when missing or
/// unreadable: copying again is harmless, a key present is never
/// overwritten).
pub fn copied_keys(stored: Option<&str>) -> BTreeSet<String> {
    stored
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

/// The list of copied keys as stored text.
pub fn copied_keys_text(keys: &BTreeSet<String>) -> String {
    serde_json::to_string(keys).unwrap_or_else(|_| "[]".to_string())
}

/// What to copy: `local` is localStorage's entries, `durable` what
/// IndexedDB holds (including [`MIGRATED_KEY`]).
pub fn plan(local: &[(String, String)], durable: &BTreeMap<String, String>) -> Plan {
    let done = copied_keys(durable.get(MIGRATED_KEY).map(String::as_str));
    let mut plan = Plan::default();
    for (key, value) in local {
        if matches!(Kind::of(key), None | Some(Kind::Meta)) || done.contains(key) {
            continue;
        }
        if !durable.contains_key(key) {
            plan.copies.push((key.clone(), value.clone()));
        }
        plan.settled.insert(key.clone());
    }
    plan
}

/// Checks the copies against what was read back from IndexedDB; the first
/// key that differs or is missing is the error.
pub fn verify(plan: &Plan, read_back: &BTreeMap<String, String>) -> Result<(), String> {
    match plan
        .copies
        .iter()
        .find(|(key, value)| read_back.get(key) != Some(value))
    {
        Some((key, _)) => Err(key.clone()),
        None => Ok(()),
    }
}

/// The list of copied keys once `plan` is done, as stored text.
pub fn settled_text(durable: &BTreeMap<String, String>, plan: &Plan) -> String {
    let mut keys = copied_keys(durable.get(MIGRATED_KEY).map(String::as_str));
    keys.extend(plan.settled.iter().cloned());
    copied_keys_text(&keys)
}
