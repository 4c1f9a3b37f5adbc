//! Where drafts are kept: versioned records in a key-value [`Storage`]
//! (in the browser a [`Journal`] committed to IndexedDB, or localStorage
//! where IndexedDB is refused; [`MemoryStorage`] in tests).
//!
//! Keys:
//!
//! | key | holds |
//! |---|---|
//! | `baogao.v1.draft.<id>` | one draft's [`Record`] |
//! | `baogao.v1.index` | the summaries of the start page (a cache, see [`index`]) |
//! | `baogao.v1.ui` | the last open draft and step ([`UiState`]) |
//! | `baogao.v1.ui.backup` | when a backup was last exported |
//! | `baogao.v1.migrated` | the localStorage keys copied to IndexedDB ([`migration`]) |
//! | `baogao.v1.corrupt.<id>.<ms>` | an unreadable record, moved aside at `<ms>` |
//! | `baogao.v1.template.<id>` | a template the writer loaded ([`templates`]) |
//!
//! Nothing is ever dropped silently: unreadable records are moved aside and
//! listed as damaged, records of a newer app version are listed and left
//! untouched, a deleted draft comes back with [`DraftStore::restore`].
//!
//! Two tabs: the store remembers the revision it last loaded or saved for
//! each draft. A save finding a newer revision in storage (another tab saved
//! in between) writes nothing and returns [`SaveOutcome::Conflict`]; the
//! user then keeps this tab's version ([`DraftStore::keep_mine`]) or loads
//! the other one ([`DraftStore::take_theirs`]); either way the version not
//! chosen is kept as a copy titled "……（另一标签页的版本）".

mod error;
#[cfg(target_arch = "wasm32")]
mod idb;
pub mod index;
pub mod journal;
pub mod kind;
#[cfg(target_arch = "wasm32")]
mod local;
pub mod migration;
mod record;
pub mod relocation;
mod storage;
pub mod templates;

pub use error::StoreError;
#[cfg(target_arch = "wasm32")]
pub use idb::{CommitError, Idb};
pub use journal::{Batch, Journal};
#[cfg(target_arch = "wasm32")]
pub use local::LocalStorage;
pub use record::{json_value, migrate, Header, Record};
pub use storage::{MemoryStorage, Storage, StorageError};

use crate::draft::SCHEMA_VERSION;
use crate::draft::{
    is_valid_draft_id, label_summaries, other_tab_copy, summarize, Draft, DraftSummary,
};
use crate::template::{self, Template};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Prefix of every key the app writes.
pub const KEY_PREFIX: &str = "baogao.v1.";
pub(crate) const DRAFT_PREFIX: &str = "baogao.v1.draft.";
pub(crate) const CORRUPT_PREFIX: &str = "baogao.v1.corrupt.";
pub(crate) const UI_KEY: &str = "baogao.v1.ui";
/// When the writer last exported a backup (milliseconds, as text).
const BACKUP_KEY: &str = "baogao.v1.ui.backup";

/// The storage key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written as `revision`.
    Saved { revision: u64, saved_ms: i64 },
    /// Not written: another tab saved `stored_revision` after this tab last
    /// loaded or saved the draft.
    Conflict {
        stored_revision: u64,
        stored_saved_ms: i64,
    },
}

/// Why a stored entry cannot be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// Unreadable; kept under a `baogao.v1.corrupt.` key.
    Corrupt,
    /// Written by a newer version of the app; left where it is.
    NewerVersion,
}

/// A stored entry that cannot be opened, as the start page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedEntry {
    /// The draft id the entry was stored under.
    pub id: String,
    /// Where its text is kept (for [`DraftStore::damaged_text`]).
    pub key: String,
    pub damage: Damage,
    /// What to tell the user, in Chinese.
    pub message: String,
}

/// The drafts in storage, most recently updated first, and the entries that
/// cannot be opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub drafts: Vec<DraftSummary>,
    pub damaged: Vec<DamagedEntry>,
}

/// A deleted draft, kept by the UI while it offers to undo the deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedDraft {
    pub id: String,
    /// The title, for "已删除《…》".
    pub title: String,
    raw: String,
}

/// Where the user was: the last open draft and wizard step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiState {
    #[serde(default)]
    pub last_draft_id: Option<String>,
    #[serde(default)]
    pub step: Option<String>,
}

/// Drafts in a [`Storage`].
#[derive(Debug)]
pub struct DraftStore<S: Storage> {
    storage: S,
    /// The revision this store last loaded or saved, by draft id.
    bases: HashMap<String, u64>,
}

impl<S: Storage> DraftStore<S> {
    pub fn new(storage: S) -> DraftStore<S> {
        DraftStore {
            storage,
            bases: HashMap::new(),
        }
    }

    pub fn storage(&self) -> &S {
        &self.storage
    }

    /// Every draft's summary and every damaged entry. Unreadable records
    /// found on the way are moved aside (stamped `now_ms`).
    pub fn list(&mut self, now_ms: i64) -> Result<Listing, StoreError> {
        let keys = self.storage.keys().map_err(StoreError::Read)?;
        let cached = index::read(&self.storage);
        let mut summaries = cached.clone();
        let mut present = BTreeSet::new();
        let mut listing = Listing::default();
        for key in &keys {
            if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
                present.insert(id.to_string());
                if summaries.contains_key(id) {
                    continue;
                }
                let Some(raw) = self.storage.get(key).map_err(StoreError::Read)? else {
                    continue;
                };
                match Record::parse(&raw) {
                    Ok(record) => {
                        summaries.insert(id.to_string(), summary_of(id, &record.draft));
                    }
                    Err(error) => listing
                        .damaged
                        .push(self.set_aside(id, key, &raw, error, now_ms)),
                }
            } else if let Some(rest) = key.strip_prefix(CORRUPT_PREFIX) {
                let id = rest.rsplit_once('.').map_or(rest, |(id, _)| id);
                let reason = match self.storage.get(key).map_err(StoreError::Read)? {
                    Some(raw) => Record::parse(&raw).err(),
                    None => continue,
                };
                listing.damaged.push(DamagedEntry {
                    id: id.to_string(),
                    key: key.clone(),
                    damage: Damage::Corrupt,
                    message: reason
                        .unwrap_or_else(|| StoreError::corrupt("已另行保存"))
                        .to_string(),
                });
            }
        }
        summaries.retain(|id, _| present.contains(id));
        if summaries != cached {
            index::write(&self.storage, summaries.clone());
        }
        listing.drafts = summaries.into_values().collect();
        label_summaries(&mut listing.drafts);
        crate::order::sort_by(&mut listing.drafts, |a, b| {
            (b.updated_ms, &a.id).cmp(&(a.updated_ms, &b.id))
        });
        crate::order::sort_by(&mut listing.damaged, |a, b| a.key.cmp(&b.key));
        Ok(listing)
    }

    /// Opens a draft. An unreadable record is moved aside (stamped `now_ms`)
    /// and reported as [`StoreError::Corrupt`].
    pub fn load(&mut self, id: &str, now_ms: i64) -> Result<Draft, StoreError> {
        let key = draft_key(id);
        let raw = self
            .storage
            .get(&key)
            .map_err(StoreError::Read)?
            .ok_or_else(|| StoreError::NotFound { id: id.to_string() })?;
        match Record::parse(&raw) {
            Ok(record) => {
                let mut draft = record.draft;
                draft.id = id.to_string();
                self.bases.insert(id.to_string(), record.revision);
                Ok(draft)
            }
            Err(error) => {
                if matches!(error, StoreError::Corrupt { .. }) {
                    self.set_aside(id, &key, &raw, error.clone(), now_ms);
                }
                Err(error)
            }
        }
    }

    /// Saves `draft` unless another tab saved it since this store last
    /// loaded or saved it. On success the draft gets its new revision; on
    /// any error or conflict it is left untouched.
    pub fn save(&mut self, draft: &mut Draft, now_ms: i64) -> Result<SaveOutcome, StoreError> {
        self.write(draft, now_ms, false)
    }

    /// Saves `draft` over whatever another tab saved (the user chose to keep
    /// this copy after a conflict).
    pub fn save_over(&mut self, draft: &mut Draft, now_ms: i64) -> Result<SaveOutcome, StoreError> {
        self.write(draft, now_ms, true)
    }

    /// Two tabs saved this draft and the writer keeps this tab's version
    /// (保留本页内容): the version in storage is first kept as a copy under
    /// `copy_id` (unless it has the same text), then `mine` is saved over it.
    pub fn keep_mine(
        &mut self,
        mine: &mut Draft,
        copy_id: String,
        now_ms: i64,
    ) -> Result<SaveOutcome, StoreError> {
        let stored = self.storage.get(&draft_key(&mine.id));
        if let Some(raw) = stored.map_err(StoreError::Read)? {
            if let Ok(theirs) = Record::parse(&raw) {
                if !same_text(&theirs.draft, mine) {
                    let copy = other_tab_copy(&theirs.draft, copy_id, now_ms);
                    self.insert_new(&Record::new(copy, 0, now_ms))?;
                }
            }
        }
        self.save_over(mine, now_ms)
    }

    /// Two tabs saved this draft and the writer loads the other tab's
    /// version (载入较新版本): this tab's `mine` is first kept as a copy
    /// under `copy_id` (unless it has the same text), then the stored
    /// version is returned.
    pub fn take_theirs(
        &mut self,
        mine: &Draft,
        copy_id: String,
        now_ms: i64,
    ) -> Result<Draft, StoreError> {
        let theirs = self.load(&mine.id, now_ms)?;
        if !same_text(&theirs, mine) {
            let copy = other_tab_copy(mine, copy_id, now_ms);
            self.insert_new(&Record::new(copy, 0, now_ms))?;
        }
        Ok(theirs)
    }

    /// Forgets the revision this store last saw of a draft, after a save
    /// that never reached durable storage: the next save then compares
    /// with the revision the draft itself carries.
    pub fn forget(&mut self, id: &str) {
        self.bases.remove(id);
    }

    /// Removes a draft, returning it so the deletion can be undone with
    /// [`Self::restore`]. `None` when there was no such draft.
    pub fn delete(&mut self, id: &str) -> Result<Option<DeletedDraft>, StoreError> {
        let key = draft_key(id);
        let Some(raw) = self.storage.get(&key).map_err(StoreError::Read)? else {
            return Ok(None);
        };
        let title = Record::parse(&raw)
            .map(|r| r.draft.title().trim().to_string())
            .unwrap_or_default();
        self.storage.remove(&key).map_err(StoreError::Write)?;
        index::update(&self.storage, id, None);
        self.bases.remove(id);
        Ok(Some(DeletedDraft {
            id: id.to_string(),
            title,
            raw,
        }))
    }

    /// Puts a deleted draft back exactly as it was stored.
    pub fn restore(&mut self, deleted: &DeletedDraft) -> Result<(), StoreError> {
        let key = draft_key(&deleted.id);
        if self.storage.get(&key).map_err(StoreError::Read)?.is_some() {
            return Err(StoreError::AlreadyExists {
                id: deleted.id.clone(),
            });
        }
        self.storage
            .set(&key, &deleted.raw)
            .map_err(StoreError::Write)?;
        if let Ok(record) = Record::parse(&deleted.raw) {
            let summary = summary_of(&deleted.id, &record.draft);
            index::update(&self.storage, &deleted.id, Some(summary));
        }
        self.bases.remove(&deleted.id);
        Ok(())
    }

    /// Whether a draft with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        let found = self.storage.get(&draft_key(id));
        Ok(found.map_err(StoreError::Read)?.is_some())
    }

    /// Writes a record under its draft's id, which must be free (imports).
    pub fn insert_new(&mut self, record: &Record) -> Result<(), StoreError> {
        let id = &record.draft.id;
        if !is_valid_draft_id(id) {
            return Err(StoreError::InvalidId { id: id.clone() });
        }
        if self.contains(id)? {
            return Err(StoreError::AlreadyExists { id: id.clone() });
        }
        self.storage
            .set(&draft_key(id), &record.to_json()?)
            .map_err(StoreError::Write)?;
        index::update(&self.storage, id, Some(summary_of(id, &record.draft)));
        Ok(())
    }

    /// The stored text of every draft, by id (for backups).
    pub fn raw_records(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut keys = self.storage.keys().map_err(StoreError::Read)?;
        crate::order::sort(&mut keys);
        let mut out = Vec::new();
        for key in keys {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            if let Some(raw) = self.storage.get(&key).map_err(StoreError::Read)? {
                out.push((id.to_string(), raw));
            }
        }
        Ok(out)
    }

    /// The stored text of a damaged entry, so the user can save it to a file.
    pub fn damaged_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        if !key.starts_with(CORRUPT_PREFIX) && !key.starts_with(DRAFT_PREFIX) {
            return Ok(None);
        }
        self.storage.get(key).map_err(StoreError::Read)
    }

    /// Throws a damaged entry away, once the user has decided to.
    pub fn discard_damaged(&mut self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(CORRUPT_PREFIX) {
            return Ok(());
        }
        self.storage.remove(key).map_err(StoreError::Write)
    }

    pub fn save_ui_state(&self, state: &UiState) -> Result<(), StoreError> {
        let text = serde_json::to_string(state)
            .map_err(|e| StoreError::Write(StorageError::Other(e.to_string())))?;
        self.storage.set(UI_KEY, &text).map_err(StoreError::Write)
    }

    /// Notes that a backup was exported at `now_ms`.
    pub fn note_backup(&self, now_ms: i64) -> Result<(), StoreError> {
        let text = now_ms.to_string();
        self.storage
            .set(BACKUP_KEY, &text)
            .map_err(StoreError::Write)
    }

    /// When a backup was last exported, if ever (or if readable).
    pub fn last_backup_ms(&self) -> Option<i64> {
        let text = self.storage.get(BACKUP_KEY).ok().flatten()?;
        text.trim().parse().ok()
    }

    /// The saved UI state, or the default when there is none or it is unreadable.
    pub fn load_ui_state(&self) -> UiState {
        self.storage
            .get(UI_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write(
        &mut self,
        draft: &mut Draft,
        now_ms: i64,
        force: bool,
    ) -> Result<SaveOutcome, StoreError> {
        let id = draft.id.clone();
        if !is_valid_draft_id(&id) {
            return Err(StoreError::InvalidId { id });
        }
        let key = draft_key(&id);
        let stored = match self.storage.get(&key).map_err(StoreError::Read)? {
            None => None,
            Some(raw) => match Header::parse(&raw) {
                Ok(header) if header.schema_version > SCHEMA_VERSION => {
                    return Err(StoreError::NewerSchema {
                        found: header.schema_version,
                    })
                }
                Ok(header) => Some(header),
                Err(_) => {
                    self.move_aside(&id, &raw, now_ms)
                        .map_err(StoreError::Write)?;
                    None
                }
            },
        };
        let base = self.bases.get(&id).copied().unwrap_or(draft.revision);
        if let Some(header) = stored {
            if !force && header.revision > base {
                return Ok(SaveOutcome::Conflict {
                    stored_revision: header.revision,
                    stored_saved_ms: header.saved_ms,
                });
            }
        }
        let revision = stored.map_or(0, |h| h.revision).max(base) + 1;
        let record = Record::new(draft.clone(), revision, now_ms);
        self.storage
            .set(&key, &record.to_json()?)
            .map_err(StoreError::Write)?;
        draft.schema_version = SCHEMA_VERSION;
        draft.revision = revision;
        self.bases.insert(id.clone(), revision);
        index::update(&self.storage, &id, Some(summary_of(&id, &record.draft)));
        Ok(SaveOutcome::Saved {
            revision,
            saved_ms: now_ms,
        })
    }

    /// Lists an entry that cannot be opened; unreadable ones are moved
    /// aside first (left in place if even that fails).
    fn set_aside(
        &mut self,
        id: &str,
        key: &str,
        raw: &str,
        error: StoreError,
        now_ms: i64,
    ) -> DamagedEntry {
        let (damage, key) = match error {
            StoreError::NewerSchema { .. } => (Damage::NewerVersion, key.to_string()),
            _ => {
                let kept = self.move_aside(id, raw, now_ms).ok();
                index::update(&self.storage, id, None);
                (Damage::Corrupt, kept.unwrap_or_else(|| key.to_string()))
            }
        };
        DamagedEntry {
            id: id.to_string(),
            key,
            damage,
            message: error.to_string(),
        }
    }

    /// Copies an unreadable record to a corrupt key, then removes it from
    /// its draft key. Returns the new key.
    fn move_aside(&mut self, id: &str, raw: &str, now_ms: i64) -> Result<String, StorageError> {
        let mut stamp = now_ms;
        let kept = loop {
            let candidate = format!("{CORRUPT_PREFIX}{id}.{stamp}");
            if self.storage.get(&candidate)?.is_none() {
                break candidate;
            }
            stamp += 1;
        };
        self.storage.set(&kept, raw)?;
        self.storage.remove(&draft_key(id))?;
        self.bases.remove(id);
        Ok(kept)
    }
}

/// Whether two versions of a draft hold the same text.
fn same_text(a: &Draft, b: &Draft) -> bool {
    a.year == b.year && a.meta == b.meta && a.sections == b.sections
}

/// The summary of a stored draft, against its template when the app knows it.
fn summary_of(id: &str, draft: &Draft) -> DraftSummary {
    let unknown;
    let template = match template::by_id(&draft.template_id) {
        Some(template) => template,
        None => {
            unknown = Template {
                id: draft.template_id.clone(),
                version: draft.template_version,
                name: String::new(),
                description: String::new(),
                keywords: Vec::new(),
                closing: String::new(),
                meta: Vec::new(),
                sections: Vec::new(),
            };
            &unknown
        }
    };
    DraftSummary {
        id: id.to_string(),
        ..summarize(template, draft)
    }
}
