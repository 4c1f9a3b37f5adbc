//! The draft store of this tab, shared by every screen through a context.
//!
//! Drafts live in IndexedDB: at start every entry is read into a
//! [`Journal`], the store works on that copy, and [`Session::commit`]
//! writes what changed in one durable transaction. Records an earlier
//! version left in localStorage are copied over first
//! ([`crate::store::migration`]). Where IndexedDB is unavailable or
//! refuses, drafts go to localStorage (a persistent banner says so), and
//! where that is refused too, they are kept in memory for the session.
//!
//! Other tabs hear of every commit through a `BroadcastChannel` and read
//! the keys it wrote, so their lists of drafts stay current.

use crate::i18n::{fill, tr, Key};
use crate::store::migration::{self, MIGRATED_KEY};
use crate::store::{
    Batch, CommitError, DraftStore, Idb, Journal, LocalStorage, MemoryStorage, Storage,
    StorageError, UiState, KEY_PREFIX,
};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// The channel tabs announce their commits on.
const CHANNEL: &str = "baogao.v1.changes";

/// IndexedDB (through the journal), localStorage, or memory.
#[derive(Debug, Clone)]
pub enum BrowserStorage {
    Durable(Journal),
    Local(LocalStorage),
    Memory(MemoryStorage),
}

impl Storage for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            BrowserStorage::Durable(s) => s.get(key),
            BrowserStorage::Local(s) => s.get(key),
            BrowserStorage::Memory(s) => s.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match self {
            BrowserStorage::Durable(s) => s.set(key, value),
            BrowserStorage::Local(s) => s.set(key, value),
            BrowserStorage::Memory(s) => s.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        match self {
            BrowserStorage::Durable(s) => s.remove(key),
            BrowserStorage::Local(s) => s.remove(key),
            BrowserStorage::Memory(s) => s.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            BrowserStorage::Durable(s) => s.keys(),
            BrowserStorage::Local(s) => s.keys(),
            BrowserStorage::Memory(s) => s.keys(),
        }
    }
}

/// Where this tab's drafts are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backing {
    IndexedDb,
    LocalStorage,
    Memory,
}

/// What hears other tabs' announcements.
type MessageHandler = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// A commit that settles later.
pub type Commit = Pin<Box<dyn Future<Output = Result<(), CommitError>>>>;

struct Shared {
    store: RefCell<DraftStore<BrowserStorage>>,
    durable: Option<(Idb, Journal)>,
    backing: Backing,
    /// Why drafts are not in IndexedDB (for the persistent banner).
    problem: Option<String>,
    channel: Option<web_sys::BroadcastChannel>,
    /// Keeps the channel's message handler alive.
    listener: RefCell<Option<MessageHandler>>,
    /// Told when another tab changed drafts or persistence was granted.
    on_change: RefCell<Option<Callback<()>>>,
    /// Told when a commit nobody waits for failed.
    on_problem: RefCell<Option<Callback<String>>>,
    /// Whether the browser keeps this site's data under storage pressure.
    persisted: Cell<Option<bool>>,
    persist_asked: Cell<bool>,
}

/// The tab's store. Compared by identity so that it can be a context value.
#[derive(Clone)]
pub struct Session(Rc<Shared>);

impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The `baogao.v1.*` entries of localStorage.
fn local_entries(local: &LocalStorage) -> Vec<(String, String)> {
    let keys = local.keys().unwrap_or_default();
    keys.into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .filter_map(|k| local.get(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

fn reason(error: CommitError) -> String {
    match error {
        CommitError::Conflict(keys) => {
            fill(Key::RecordsChanged, &[&keys.join(tr(Key::ListSeparator))])
        }
        CommitError::Storage(e) => e.to_string(),
    }
}

/// Opens IndexedDB, copies over localStorage's records not copied yet, and
/// reads every entry.
async fn open_durable(blocked: impl Fn() + 'static) -> Result<(Idb, Journal), String> {
    let idb = Idb::open_or_wait(blocked)
        .await
        .map_err(|e| e.to_string())?;
    // Entries of the first layout move to their own store; one that does
    // not move stays where it was and is still read from there.
    let _ = idb.relocate().await;
    let mut durable = idb.load_all().await.map_err(|e| e.to_string())?;
    if let Ok(local) = LocalStorage::open() {
        let plan = migration::plan(&local_entries(&local), &durable);
        if !plan.settled.is_empty() {
            let copies = Journal::new(durable.clone());
            for (key, value) in &plan.copies {
                let _ = copies.set(key, value);
            }
            idb.commit(&copies.take(), false).await.map_err(reason)?;
            let keys: Vec<String> = plan.copies.iter().map(|(k, _)| k.clone()).collect();
            let read_back = idb.read(&keys).await.map_err(|e| e.to_string())?;
            // Inserted one by one: collecting into the map would bring in a
            // sort of its own (see `crate::order`).
            let mut found = BTreeMap::new();
            for (key, value) in read_back {
                if let Some(value) = value {
                    found.insert(key, value);
                }
            }
            let read_back = found;
            migration::verify(&plan, &read_back)
                .map_err(|key| fill(Key::MigrationMismatch, &[&key]))?;
            let marker = Batch {
                changes: vec![crate::store::journal::Change {
                    key: MIGRATED_KEY.to_string(),
                    value: Some(migration::settled_text(&durable, &plan)),
                    expected: None,
                }],
            };
            idb.commit(&marker, false).await.map_err(reason)?;
            durable = idb.load_all().await.map_err(|e| e.to_string())?;
        }
    }
    Ok((idb, Journal::new(durable)))
}

impl Session {
    /// Opens IndexedDB, falling back to localStorage and then to memory
    /// (with the reason for the banner). `blocked` is called when the
    /// database waits for another tab of an earlier version to close.
    pub async fn open(blocked: impl Fn() + 'static) -> Session {
        let (storage, durable, backing, problem) = match open_durable(blocked).await {
            Ok((idb, journal)) => (
                BrowserStorage::Durable(journal.clone()),
                Some((idb, journal)),
                Backing::IndexedDb,
                None,
            ),
            Err(why) => match LocalStorage::open() {
                Ok(local) => (
                    BrowserStorage::Local(local),
                    None,
                    Backing::LocalStorage,
                    Some((Key::NoIndexedDb, why.to_string())),
                ),
                Err(e) => (
                    BrowserStorage::Memory(MemoryStorage::new()),
                    None,
                    Backing::Memory,
                    Some((Key::NoStorage, e.to_string())),
                ),
            },
        };
        let channel = durable
            .as_ref()
            .and_then(|_| web_sys::BroadcastChannel::new(CHANNEL).ok());
        let store = DraftStore::new(storage);
        // The language last chosen, its table loaded before anything is
        // worded; Chinese if it cannot be.
        let language = store.load_ui_state().language.unwrap_or_default();
        let (lang, unavailable) =
            crate::ui::language::ready(crate::i18n::Lang::from_code(&language)).await;
        crate::ui::language::apply(lang);
        let problem = problem.map(|(key, why)| fill(key, &[&why]));
        // The writer's own templates, known before any draft opens.
        let (templates, template_problems) = store.load_templates();
        let mut problems: Vec<String> = problem
            .into_iter()
            .chain(unavailable)
            .chain(template_problems)
            .collect();
        for t in templates {
            if let Err(e) = crate::template::register(t) {
                problems.push(e);
            }
        }
        let problem = (!problems.is_empty()).then(|| problems.join(" "));
        let session = Session(Rc::new(Shared {
            store: RefCell::new(store),
            durable,
            backing,
            problem,
            channel,
            listener: RefCell::new(None),
            on_change: RefCell::new(None),
            on_problem: RefCell::new(None),
            persisted: Cell::new(None),
            persist_asked: Cell::new(false),
        }));
        session.listen();
        session.check_persisted();
        session
    }

    /// Where drafts are kept.
    pub fn backing(&self) -> Backing {
        self.0.backing
    }

    /// Why drafts are not kept in IndexedDB, if they are not.
    pub fn problem(&self) -> Option<String> {
        self.0.problem.clone()
    }

    /// Whether the browser promised to keep this site's data (`None`: not
    /// known).
    pub fn persisted(&self) -> Option<bool> {
        self.0.persisted.get()
    }

    /// Who hears of other tabs' changes and of granted persistence.
    pub fn on_change(&self, callback: Callback<()>) {
        *self.0.on_change.borrow_mut() = Some(callback);
    }

    /// Who hears of failed background commits.
    pub fn on_problem(&self, callback: Callback<String>) {
        *self.0.on_problem.borrow_mut() = Some(callback);
    }

    /// Runs `f` with the store, then commits what it changed in the
    /// background (a failure is reported to [`Self::on_problem`]).
    pub fn with<T>(&self, f: impl FnOnce(&mut DraftStore<BrowserStorage>) -> T) -> T {
        let result = self.with_store(f);
        if self.has_pending() {
            let commit = self.commit();
            let session = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = commit.await {
                    let callback = session.0.on_problem.borrow().clone();
                    if let Some(callback) = callback {
                        callback.emit(fill(Key::SaveFailed, &[&reason(e)]));
                    }
                }
            });
        }
        result
    }

    /// Remembers the draft and step open, so the next visit returns
    /// there. Called where the step changes, not after the render: a page
    /// left in the same instant has then already asked to write it.
    pub fn remember_place(&self, draft_id: &str, step: &str) {
        let _ = self.with(|store| {
            let state = UiState {
                last_draft_id: Some(draft_id.to_string()),
                step: Some(step.to_string()),
                ..store.load_ui_state()
            };
            store.save_ui_state(&state)
        });
    }

    /// Runs `f` with the store, leaving the commit to the caller.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut DraftStore<BrowserStorage>) -> T) -> T {
        f(&mut self.0.store.borrow_mut())
    }

    fn has_pending(&self) -> bool {
        self.0
            .durable
            .as_ref()
            .is_some_and(|(_, journal)| journal.has_pending())
    }

    /// Commits what the store changed since the last commit, in one
    /// durable transaction; settles once it is on disk. localStorage and
    /// memory write at once, so there it settles at once.
    pub fn commit(&self) -> Commit {
        self.commit_with(false)
    }

    /// Commits what changed while the page is being unloaded: the
    /// transaction commits at once, without waiting to check other tabs'
    /// writes (see [`Idb::commit`]).
    pub fn commit_leaving(&self) -> Commit {
        self.commit_with(true)
    }

    fn commit_with(&self, leaving: bool) -> Commit {
        let Some((idb, journal)) = &self.0.durable else {
            return Box::pin(async { Ok(()) });
        };
        let batch = journal.take();
        if batch.is_empty() {
            return Box::pin(async { Ok(()) });
        }
        let done = idb.commit(&batch, leaving);
        let session = self.clone();
        Box::pin(async move {
            let result = done.await;
            match &result {
                Ok(()) => session.announce(&batch.keys()),
                Err(e) => {
                    let rebase = matches!(e, CommitError::Storage(_));
                    session.reload(&batch.keys(), rebase).await;
                    session.with_store(|store| {
                        for id in batch.draft_ids() {
                            store.forget(&id);
                        }
                    });
                }
            }
            result
        })
    }

    /// Reads `keys` from IndexedDB into the store's copy (after another
    /// tab wrote them, or a commit failed).
    pub async fn reload(&self, keys: &[String], rebase: bool) {
        let Some((idb, journal)) = &self.0.durable else {
            return;
        };
        if let Ok(values) = idb.read(keys).await {
            for (key, value) in values {
                journal.reload(&key, value, rebase);
            }
        }
    }

    /// Reads everything from IndexedDB again (the start page does on
    /// opening, in case an announcement was missed or the browser has no
    /// BroadcastChannel), then tells [`Self::on_change`].
    pub async fn reload_all(&self) {
        let Some((idb, journal)) = &self.0.durable else {
            return;
        };
        let Ok(durable) = idb.load_all().await else {
            return;
        };
        for key in journal.entries().into_keys() {
            if !durable.contains_key(&key) {
                journal.reload(&key, None, false);
            }
        }
        for (key, value) in durable {
            journal.reload(&key, Some(value), false);
        }
        self.changed();
    }

    /// Tells other tabs which keys this tab has written.
    fn announce(&self, keys: &[String]) {
        if let (Some(channel), Ok(text)) = (&self.0.channel, serde_json::to_string(keys)) {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    }

    /// Reads what other tabs announce.
    fn listen(&self) {
        let Some(channel) = &self.0.channel else {
            return;
        };
        let weak = Rc::downgrade(&self.0);
        let listener = MessageHandler::new(move |event: web_sys::MessageEvent| {
            let Some(shared) = weak.upgrade() else {
                return;
            };
            let session = Session(shared);
            let keys: Vec<String> = event
                .data()
                .as_string()
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default();
            wasm_bindgen_futures::spawn_local(async move {
                session.reload(&keys, false).await;
                session.changed();
            });
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        *self.0.listener.borrow_mut() = Some(listener);
    }

    /// Notes that a backup of every draft was exported now (the start
    /// page's reminder goes).
    pub fn note_backup(&self, now_ms: i64) {
        let _ = self.with(|store| store.note_backup(now_ms));
        self.changed();
    }

    fn changed(&self) {
        let callback = self.0.on_change.borrow().clone();
        if let Some(callback) = callback {
            callback.emit(());
        }
    }

    fn storage_manager() -> Option<web_sys::StorageManager> {
        let navigator = web_sys::window()?.navigator();
        // Older browsers have no navigator.storage.
        let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
        storage.dyn_into().ok()
    }

    /// Asks whether the browser already keeps this site's data.
    fn check_persisted(&self) {
        if let Some(promise) = Self::storage_manager().and_then(|m| m.persisted().ok()) {
            self.record_persisted(promise);
        }
    }

    /// Asks the browser once to keep this site's data under storage
    /// pressure (called once the first draft exists).
    pub fn request_persistence(&self) {
        if self.0.persist_asked.replace(true) || self.0.persisted.get() == Some(true) {
            return;
        }
        if let Some(promise) = Self::storage_manager().and_then(|m| m.persist().ok()) {
            self.record_persisted(promise);
        }
    }

    /// Keeps what the browser's answer `promise` (to `persisted()` or
    /// `persist()`) says about this site's data being kept.
    fn record_persisted(&self, promise: js_sys::Promise) {
        let session = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await {
                session.0.persisted.set(value.as_bool());
                session.changed();
            }
        });
    }
}
