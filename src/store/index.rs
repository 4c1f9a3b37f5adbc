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

/// 2: summaries carry the draft's kind; an older index is rebuilt.
const INDEX_VERSION: u32 = 2;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStorage;

    #[test]
    fn an_index_written_before_summaries_had_a_kind_is_rebuilt() {
        let storage = MemoryStorage::new();
        let summary = crate::draft::summarize(
            crate::template::duty_report(),
            &crate::draft::Draft::new(crate::template::duty_report(), "d".into(), 2023, 0),
        );
        let mut old = serde_json::to_value(&summary).expect("json");
        old.as_object_mut().expect("object").remove("kind");
        let v1 = serde_json::json!({ "version": 1, "drafts": { "d": old } });
        storage.set(INDEX_KEY, &v1.to_string()).expect("set");
        assert!(read(&storage).is_empty());
        write(&storage, BTreeMap::from([("d".to_string(), summary)]));
        assert_eq!(read(&storage)["d"].kind, "述职报告");
    }
}
