//! The key-value backend drafts are kept in: the browser's localStorage in
//! the app ([`super::local`]), [`MemoryStorage`] in tests and as a fallback
//! when the browser refuses to store anything.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why the backend refused an operation. Messages complete the sentences
/// "保存失败：…" and "读取失败：…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    QuotaExceeded,
    Disabled,
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{fill, tr, Key};
        f.write_str(&match self {
            StorageError::QuotaExceeded => tr(Key::StorageFull).to_string(),
            StorageError::Disabled => tr(Key::StorageDisabled).to_string(),
            StorageError::Other(why) => fill(Key::StorageOther, &[why]),
        })
    }
}

impl std::error::Error for StorageError {}

/// A string key-value store with fallible operations.
pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// All keys, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

impl<S: Storage + ?Sized> Storage for &S {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

/// Storage in memory. Clones share the same entries, like two tabs sharing
/// one browser's localStorage. It can be told to have a quota or to fail.
#[derive(Debug, Clone, Default)]
pub struct MemoryStorage {
    inner: Rc<RefCell<Memory>>,
}

#[derive(Debug, Default)]
struct Memory {
    entries: BTreeMap<String, String>,
    quota_bytes: Option<usize>,
    failure: Option<StorageError>,
}

/// Bytes an entry takes, counted as browsers count localStorage: UTF-16
/// code units of key and value, two bytes each.
fn entry_bytes(key: &str, value: &str) -> usize {
    2 * (key.encode_utf16().count() + value.encode_utf16().count())
}

impl MemoryStorage {
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Storage refusing writes that would take it over `bytes`.
    pub fn with_quota(bytes: usize) -> MemoryStorage {
        let storage = MemoryStorage::new();
        storage.set_quota(Some(bytes));
        storage
    }

    pub fn set_quota(&self, bytes: Option<usize>) {
        self.inner.borrow_mut().quota_bytes = bytes;
    }

    /// Makes every write fail with `error`, or work again. Removing still
    /// works under a quota error, as in browsers.
    pub fn fail_writes(&self, error: Option<StorageError>) {
        self.inner.borrow_mut().failure = error;
    }

    /// Bytes in use, counted like [`Self::with_quota`] counts them.
    pub fn used_bytes(&self) -> usize {
        let memory = self.inner.borrow();
        memory.entries.iter().map(|(k, v)| entry_bytes(k, v)).sum()
    }

    /// A copy of every entry.
    pub fn entries(&self) -> BTreeMap<String, String> {
        self.inner.borrow().entries.clone()
    }
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.inner.borrow().entries.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut memory = self.inner.borrow_mut();
        if let Some(error) = &memory.failure {
            return Err(error.clone());
        }
        if let Some(quota) = memory.quota_bytes {
            let others: usize = memory
                .entries
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| entry_bytes(k, v))
                .sum();
            if others + entry_bytes(key, value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        memory.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let mut memory = self.inner.borrow_mut();
        match &memory.failure {
            Some(StorageError::QuotaExceeded) | None => {}
            Some(error) => return Err(error.clone()),
        }
        memory.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.inner.borrow().entries.keys().cloned().collect())
    }
}
