//! The list of drafts kept beside them (`baogao.v1.index`), so the start
//! page does not parse every draft. It is only a cache: the draft keys say
//! which drafts exist, a missing entry is rebuilt from its record, and an
//! index that cannot be read or written is dropped and rebuilt.

use super::storage::Storage;
use crate::draft::DraftSummary;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The storage key of the index.
pub const INDEX_KEY: &str = "baogao.v1.index";

const INDEX_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Index {
    version: u32,
    drafts: BTreeMap<String, DraftSummary>,
}

/// Summaries by draft id; empty when the index is missing or unreadable.
pub fn read(storage: &impl Storage) -> BTreeMap<String, DraftSummary> {
    storage
        .get(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<Index>(&text).ok())
        .filter(|index| index.version == INDEX_VERSION)
        .map(|index| index.drafts)
        .unwrap_or_default()
}

/// Writes the index. When that fails (a full storage), the index is removed
/// instead, so that it is rebuilt rather than trusted while stale.
pub fn write(storage: &impl Storage, drafts: BTreeMap<String, DraftSummary>) {
    let index = Index {
        version: INDEX_VERSION,
        drafts,
    };
    let written = serde_json::to_string(&index)
        .ok()
        .is_some_and(|text| storage.set(INDEX_KEY, &text).is_ok());
    if !written {
        // Nothing more can be done; the next listing rebuilds the index.
        let _ = storage.remove(INDEX_KEY);
    }
}

/// Changes one entry (`None` removes it).
pub fn update(storage: &impl Storage, id: &str, summary: Option<DraftSummary>) {
    let mut drafts = read(storage);
    let changed = match summary {
        Some(summary) => drafts.insert(id.to_string(), summary.clone()) != Some(summary),
        None => drafts.remove(id).is_some(),
    };
    if changed {
        write(storage, drafts);
    }
}
