//! The store's working copy of a durable backend (IndexedDB in the
//! browser): every entry is read into memory at start, the [`DraftStore`]
//! reads and writes that copy synchronously, and the writes since the last
//! commit wait in a journal until the session takes them as one [`Batch`]
//! and commits it in one durable transaction.
//!
//! A write to a draft record carries the value this tab last saw under its
//! key (`expected`): the durable commit refuses the whole batch when another
//! tab has written the record in between, so a stale copy never overwrites
//! a newer one. After a refused or failed commit the session reads the
//! batch's keys back from the backend with [`Journal::reload`].
//!
//! [`DraftStore`]: super::DraftStore

use super::storage::{Storage, StorageError};
use super::DRAFT_PREFIX;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// One key's change in a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    /// The new value; `None` removes the entry.
    pub value: Option<String>,
    /// For draft records: what the backend must still hold for the change
    /// to be written (`None` inside: no entry).
    pub expected: Option<Option<String>>,
}

/// The changes to commit together, in key order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub changes: Vec<Change>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The keys this batch writes.
    pub fn keys(&self) -> Vec<String> {
        self.changes.iter().map(|c| c.key.clone()).collect()
    }

    /// The ids of the draft records this batch writes.
    pub fn draft_ids(&self) -> Vec<String> {
        self.changes
            .iter()
            .filter_map(|c| c.key.strip_prefix(DRAFT_PREFIX))
            .map(str::to_string)
            .collect()
    }
}

/// The in-memory copy and its pending changes. Clones share both.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    entries: BTreeMap<String, String>,
    /// Pending changes by key: the value before the first of them (what
    /// the backend holds), for the guard.
    pending: BTreeMap<String, Option<String>>,
}

/// Whether writes to `key` are guarded against other tabs' writes.
fn guarded(key: &str) -> bool {
    key.starts_with(DRAFT_PREFIX)
}

impl Journal {
    /// A copy of what the backend held at start.
    pub fn new(entries: BTreeMap<String, String>) -> Journal {
        Journal {
            inner: Rc::new(RefCell::new(Inner {
                entries,
                pending: BTreeMap::new(),
            })),
        }
    }

    /// Takes the changes made since the last call.
    pub fn take(&self) -> Batch {
        let mut inner = self.inner.borrow_mut();
        let pending = std::mem::take(&mut inner.pending);
        let changes = pending
            .into_iter()
            .filter_map(|(key, before)| {
                let value = inner.entries.get(&key).cloned();
                // Written and put back within one batch: nothing to do.
                (value != before).then(|| Change {
                    expected: guarded(&key).then(|| before.clone()),
                    key,
                    value,
                })
            })
            .collect();
        Batch { changes }
    }

    /// Whether changes wait to be taken.
    pub fn has_pending(&self) -> bool {
        !self.inner.borrow().pending.is_empty()
    }

    /// Replaces the copy of `key` with what the backend holds (`None`: no
    /// entry), after another tab wrote it or a commit failed. A key with a
    /// change waiting to be committed keeps that change; its guard is
    /// moved to the backend's value only when `rebase` is set (the change
    /// was made on top of a write that never reached the backend).
    pub fn reload(&self, key: &str, durable: Option<String>, rebase: bool) {
        let mut inner = self.inner.borrow_mut();
        if let Some(before) = inner.pending.get_mut(key) {
            if rebase {
                *before = durable;
            }
            return;
        }
        match durable {
            Some(value) => inner.entries.insert(key.to_string(), value),
            None => inner.entries.remove(key),
        };
    }

    /// A copy of every entry.
    pub fn entries(&self) -> BTreeMap<String, String> {
        self.inner.borrow().entries.clone()
    }

    fn record(&self, key: &str, value: Option<&str>) {
        let mut inner = self.inner.borrow_mut();
        let before = inner.entries.get(key).cloned();
        inner.pending.entry(key.to_string()).or_insert(before);
        match value {
            Some(value) => inner.entries.insert(key.to_string(), value.to_string()),
            None => inner.entries.remove(key),
        };
    }
}

impl Storage for Journal {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.inner.borrow().entries.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.record(key, Some(value));
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.inner.borrow().entries.contains_key(key) {
            self.record(key, None);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.inner.borrow().entries.keys().cloned().collect())
    }
}

/// Applies `batch` to `entries` as a durable backend does: all of it, or
/// nothing when a guarded record no longer holds what the batch expects.
/// Returns the keys whose guard failed. The browser's IndexedDB commit
/// follows the same rule inside one transaction; this is its reference,
/// used by tests and by the in-memory backend.
pub fn apply(entries: &mut BTreeMap<String, String>, batch: &Batch) -> Result<(), Vec<String>> {
    let stale: Vec<String> = batch
        .changes
        .iter()
        .filter(|c| {
            c.expected
                .as_ref()
                .is_some_and(|expected| entries.get(&c.key) != expected.as_ref())
        })
        .map(|c| c.key.clone())
        .collect();
    if !stale.is_empty() {
        return Err(stale);
    }
    for change in &batch.changes {
        match &change.value {
            Some(value) => entries.insert(change.key.clone(), value.clone()),
            None => entries.remove(&change.key),
        };
    }
    Ok(())
}
