//! The draft store of this tab, shared by every screen through a context.
//!
//! When the browser refuses localStorage (disabled, sandboxed), drafts are
//! kept in memory for the session and every save reports why it failed.

use crate::store::LocalStorage;
use crate::store::{DraftStore, MemoryStorage, Storage, StorageError};
use std::cell::RefCell;
use std::rc::Rc;

/// localStorage, or memory when the browser refuses it.
#[derive(Debug, Clone)]
pub enum BrowserStorage {
    Local(LocalStorage),
    Memory(MemoryStorage),
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            BrowserStorage::Local(s) => s.get(key),
            BrowserStorage::Memory(s) => s.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match self {
            BrowserStorage::Local(s) => s.set(key, value),
            BrowserStorage::Memory(s) => s.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        match self {
            BrowserStorage::Local(s) => s.remove(key),
            BrowserStorage::Memory(s) => s.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            BrowserStorage::Local(s) => s.keys(),
            BrowserStorage::Memory(s) => s.keys(),
        }
    }
}

/// The tab's store. Compared by identity so that it can be a context value.
#[derive(Clone)]
pub struct Session(Rc<RefCell<DraftStore<BrowserStorage>>>);

impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Session {
    /// Opens localStorage, falling back to memory (with the reason).
    pub fn open() -> (Session, Option<String>) {
        let (storage, problem) = match LocalStorage::open() {
            Ok(local) => (BrowserStorage::Local(local), None),
            Err(e) => (
                BrowserStorage::Memory(MemoryStorage::new()),
                Some(format!(
                    "浏览器禁止了本地存储（{e}），草稿只保存在当前页面中，关闭页面前请导出备份。"
                )),
            ),
        };
        let store = DraftStore::new(storage);
        // The writer's own templates, known before any draft opens.
        let (templates, problems) = store.load_templates();
        let mut problems: Vec<String> = problem.into_iter().chain(problems).collect();
        for t in templates {
            if let Err(e) = crate::template::register(t) {
                problems.push(e);
            }
        }
        let problem = (!problems.is_empty()).then(|| problems.join(" "));
        (Session(Rc::new(RefCell::new(store))), problem)
    }

    /// Runs `f` with the store.
    pub fn with<T>(&self, f: impl FnOnce(&mut DraftStore<BrowserStorage>) -> T) -> T {
        f(&mut self.0.borrow_mut())
    }
}
