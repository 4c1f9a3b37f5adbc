//! IndexedDB, the browser's durable storage, through web-sys: one object
//! store per [`Kind`] of entry, each holding the same text under the same
//! key localStorage used.
//!
//! Every write is one `readwrite` transaction opened with
//! `durability: "strict"`, and it counts as done only when the
//! transaction's `complete` event has fired: then the browser has written
//! it to disk, and a killed browser or a power cut no longer loses it.
//! A [`Batch`] is committed whole or not at all; a change to a draft
//! record is written only if the record still holds what the batch
//! expects (another tab has not written it in between), otherwise the
//! transaction is aborted and [`CommitError::Conflict`] returned.
//!
//! Version 2 of the database added the `templates` store; opening creates
//! the stores missing, and [`Idb::relocate`] then moves the writer's
//! templates out of `other`, where version 1 kept them (see
//! [`super::relocation`]). While a tab of version 1 still holds the
//! database open, the upgrade waits for it: [`Idb::open_or_wait`] says so
//! and waits, rather than giving up after the usual time limit and leaving
//! the drafts in IndexedDB for localStorage's older copies.

use super::journal::{Batch, Change};
use super::kind::Kind;
use super::local::storage_error;
use super::relocation::{self, Entry};
use super::storage::StorageError;
use crate::i18n::{tr, Key};
use js_sys::{Array, Promise};
use std::collections::BTreeMap;
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction};

#[wasm_bindgen]
extern "C" {
    /// An `IDBTransaction`, for `commit()` (IndexedDB 3.0), which web-sys
    /// marks deprecated.
    #[wasm_bindgen(js_name = IDBTransaction)]
    type Transaction;

    /// `IDBTransaction.commit()`: no more requests, commit now.
    #[wasm_bindgen(catch, method, js_name = commit)]
    fn commit_now(this: &Transaction) -> Result<(), JsValue>;

    /// An `IDBDatabase`, for the one call web-sys offers only behind its
    /// unstable-API flag.
    #[wasm_bindgen(js_name = IDBDatabase)]
    type Database;

    /// `IDBDatabase.transaction(names, mode, options)`.
    #[wasm_bindgen(catch, method, js_name = transaction)]
    fn transaction_with_options(
        this: &Database,
        names: &Array,
        mode: &str,
        options: &js_sys::Object,
    ) -> Result<IdbTransaction, JsValue>;
}

const DB_NAME: &str = "baogao";
const DB_VERSION: u32 = 2;
/// How long opening the database may take before the app falls back.
const OPEN_TIMEOUT_MS: i32 = 10_000;

/// Why a commit did not happen. Nothing of the batch was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitError {
    /// Another tab wrote these keys since this tab read them.
    Conflict(Vec<String>),
    /// The browser refused (full disk or quota, storage closed).
    Storage(StorageError),
}

/// A guarded change and the read of the record's value before it.
type Guarded = (Change, JsFuture, IdbRequest);

/// An open IndexedDB database of the app.
#[derive(Debug, Clone)]
pub struct Idb {
    db: IdbDatabase,
}

/// Settles when `request` succeeds or fails.
fn settled(request: &IdbRequest) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    }))
}

/// Settles when `tx` completes (resolves) or is aborted (rejects).
fn finished(tx: &IdbTransaction) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    }))
}

/// The error a failed transaction carries.
fn tx_error(tx: &IdbTransaction) -> StorageError {
    match tx.error() {
        Some(error) => storage_error(error.into()),
        None => StorageError::Other(tr(Key::IdbAborted).to_string()),
    }
}

fn other(error: JsValue) -> StorageError {
    match storage_error(error) {
        StorageError::Other(message) if message.is_empty() => {
            StorageError::Other(tr(Key::IdbFailed).to_string())
        }
        error => error,
    }
}

fn store_names(kinds: &[Kind]) -> Array {
    kinds
        .iter()
        .map(|k| JsValue::from_str(k.store_name()))
        .collect()
}

impl Idb {
    /// Opens (creating on first use) the app's database.
    /// [`StorageError::Disabled`] when the browser offers no IndexedDB.
    pub async fn open() -> Result<Idb, StorageError> {
        Idb::open_or_wait(|| {}).await
    }

    /// Opens the database as [`Idb::open`] does; when the upgrade to this
    /// version must wait for another tab still holding an earlier version
    /// open, calls `blocked` and waits for that tab, with no time limit.
    pub async fn open_or_wait(blocked: impl Fn() + 'static) -> Result<Idb, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Disabled)?;
        let factory = match window.indexed_db() {
            Ok(Some(factory)) => factory,
            Ok(None) => return Err(StorageError::Disabled),
            Err(e) => return Err(other(e)),
        };
        let request: IdbOpenDbRequest =
            factory.open_with_u32(DB_NAME, DB_VERSION).map_err(other)?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
            let request = request.clone();
            move |_| {
                if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                    let names = db.object_store_names();
                    for kind in Kind::ALL {
                        if !names.contains(kind.store_name()) {
                            // A failure here aborts the upgrade, and open fails.
                            let _ = db.create_object_store(kind.store_name());
                        }
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        // Some browsers never answer (a profile locked by a crashed
        // process, some private modes): give up after OPEN_TIMEOUT_MS.
        let answer = Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        let timer = std::rc::Rc::new(std::cell::Cell::new(None::<i32>));
        let timeout = Promise::new(&mut |_, reject| {
            if let Some(window) = web_sys::window() {
                if let Ok(id) = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, OPEN_TIMEOUT_MS)
                {
                    timer.set(Some(id));
                }
            }
        });
        // Blocked by another tab's connection: that tab answers once it is
        // closed or reloaded, so the time limit no longer applies.
        let on_blocked = Closure::<dyn FnMut(web_sys::Event)>::new({
            let timer = timer.clone();
            move |_| {
                if let (Some(id), Some(window)) = (timer.take(), web_sys::window()) {
                    window.clear_timeout_with_handle(id);
                }
                blocked();
            }
        });
        request.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
        let opened = JsFuture::from(Promise::race(&Array::of2(&answer, &timeout))).await;
        request.set_onupgradeneeded(None);
        request.set_onblocked(None);
        drop(upgrade);
        drop(on_blocked);
        opened.map_err(|_| match request.error() {
            Ok(Some(error)) => storage_error(error.into()),
            Ok(None) => StorageError::Disabled,
            // Still pending: the time ran out.
            Err(_) => StorageError::Other(tr(Key::IdbSilent).to_string()),
        })?;
        let db = request
            .result()
            .and_then(|r| r.dyn_into::<IdbDatabase>())
            .map_err(other)?;
        Ok(Idb { db })
    }

    fn transaction(&self, kinds: &[Kind], write: bool) -> Result<IdbTransaction, JsValue> {
        let names = store_names(kinds);
        if write {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())?;
            self.db
                .unchecked_ref::<Database>()
                .transaction_with_options(&names, "readwrite", &options)
        } else {
            self.db.transaction_with_str_sequence(&names)
        }
    }

    /// Every entry of every kind, by key (an entry in its kind's own store
    /// wins over a copy an earlier layout left in another).
    pub async fn load_all(&self) -> Result<BTreeMap<String, String>, StorageError> {
        Ok(relocation::merged(self.load_stores().await?))
    }

    /// Every entry with the object store it is in.
    pub async fn load_stores(&self) -> Result<Vec<Entry>, StorageError> {
        let tx = self.transaction(&Kind::ALL, false).map_err(other)?;
        let mut pending = Vec::new();
        for kind in Kind::ALL {
            let store = tx.object_store(kind.store_name()).map_err(other)?;
            let keys = store.get_all_keys().map_err(other)?;
            let values = store.get_all().map_err(other)?;
            pending.push((kind, settled(&keys), keys, settled(&values), values));
        }
        let mut entries = Vec::new();
        for (store, keys_done, keys, values_done, values) in pending {
            keys_done.await.map_err(|_| tx_error(&tx))?;
            values_done.await.map_err(|_| tx_error(&tx))?;
            let keys: Array = keys.result().map_err(other)?.unchecked_into();
            let values: Array = values.result().map_err(other)?.unchecked_into();
            for (key, value) in keys.iter().zip(values.iter()) {
                if let (Some(key), Some(value)) = (key.as_string(), value.as_string()) {
                    entries.push(Entry { store, key, value });
                }
            }
        }
        Ok(entries)
    }

    /// Moves the entries an earlier layout kept in another object store
    /// into their kind's own: written there and committed, read back, and
    /// only then deleted from the old store. Returns the keys that did not
    /// read back the same (left where they were, to try again next time).
    pub async fn relocate(&self) -> Result<Vec<String>, StorageError> {
        let plan = relocation::plan(&self.load_stores().await?);
        if plan.is_empty() {
            return Ok(Vec::new());
        }
        if !plan.copies.is_empty() {
            let batch = Batch {
                changes: plan
                    .copies
                    .iter()
                    .map(|(key, value)| Change {
                        key: key.clone(),
                        value: Some(value.clone()),
                        expected: None,
                    })
                    .collect(),
            };
            self.commit(&batch, false).await.map_err(|e| match e {
                CommitError::Storage(e) => e,
                CommitError::Conflict(keys) => {
                    StorageError::Other(keys.join(tr(Key::ListSeparator)))
                }
            })?;
        }
        let keys: Vec<String> = plan.moves.iter().map(|m| m.key.clone()).collect();
        let read_back = self.read(&keys).await?;
        let (done, failed) = relocation::verified(&plan, &read_back);
        self.delete_misplaced(&done).await?;
        Ok(failed)
    }

    /// Deletes `entries` from the stores they were found in, in one
    /// strict-durability transaction.
    async fn delete_misplaced(&self, entries: &[Entry]) -> Result<(), StorageError> {
        let mut scope: Vec<Kind> = entries.iter().map(|e| e.store).collect();
        crate::order::sort(&mut scope);
        scope.dedup();
        if scope.is_empty() {
            return Ok(());
        }
        let tx = self.transaction(&scope, true).map_err(other)?;
        let done = finished(&tx);
        for entry in entries {
            let store = tx.object_store(entry.store.store_name()).map_err(other)?;
            if let Err(e) = store.delete(&JsValue::from_str(&entry.key)) {
                let _ = tx.abort();
                return Err(other(e));
            }
        }
        done.await.map(|_| ()).map_err(|_| tx_error(&tx))
    }

    /// What IndexedDB holds under each of `keys` now.
    pub async fn read(
        &self,
        keys: &[String],
    ) -> Result<Vec<(String, Option<String>)>, StorageError> {
        let kinds: Vec<(String, Kind)> = keys
            .iter()
            .filter_map(|k| Kind::of(k).map(|kind| (k.clone(), kind)))
            .collect();
        if kinds.is_empty() {
            return Ok(Vec::new());
        }
        let mut scope: Vec<Kind> = kinds.iter().map(|(_, k)| *k).collect();
        crate::order::sort(&mut scope);
        scope.dedup();
        let tx = self.transaction(&scope, false).map_err(other)?;
        let mut pending = Vec::new();
        for (key, kind) in kinds {
            let store = tx.object_store(kind.store_name()).map_err(other)?;
            let request = store.get(&JsValue::from_str(&key)).map_err(other)?;
            pending.push((key, settled(&request), request));
        }
        let mut out = Vec::new();
        for (key, done, request) in pending {
            done.await.map_err(|_| tx_error(&tx))?;
            out.push((key, request.result().ok().and_then(|v| v.as_string())));
        }
        Ok(out)
    }

    /// Commits `batch` in one strict-durability transaction. The
    /// transaction is opened before this returns, so commits happen in the
    /// order they were asked for; the future settles on `complete`.
    ///
    /// `leaving` is for a page being unloaded: the transaction is told to
    /// commit at once (a browser discards an unfinished one with the
    /// page), so the guards cannot be checked; the store's own check
    /// against what other tabs announced is all there is then. A batch
    /// with no guarded record (the UI state, for instance) is told to
    /// commit at once too, and a guarded one once its guards held, so a
    /// page left in the same instant keeps what it wrote.
    pub fn commit(
        &self,
        batch: &Batch,
        leaving: bool,
    ) -> impl Future<Output = Result<(), CommitError>> + 'static {
        let started = self.start(batch, leaving);
        async move {
            let (tx, done, guarded) = started.map_err(|e| CommitError::Storage(other(e)))?;
            let mut stale = Vec::new();
            let mut checked = 0;
            let to_check = guarded.len();
            for (change, read, request) in guarded {
                if read.await.is_err() {
                    break;
                }
                let current = request.result().ok().and_then(|v| v.as_string());
                if Some(&current) != change.expected.as_ref() {
                    stale.push(change.key.clone());
                    let _ = tx.abort();
                    break;
                }
                checked += 1;
            }
            // Every guard held: told to commit now, as an unguarded batch
            // is. This runs while the last read's success is dispatched, so
            // the transaction is still active; where it is not, commit()
            // refuses and the transaction commits on its own as before.
            if to_check > 0 && checked == to_check {
                commit_if_possible(&tx);
            }
            match done.await {
                Ok(_) => Ok(()),
                Err(_) if !stale.is_empty() => Err(CommitError::Conflict(stale)),
                Err(_) => Err(CommitError::Storage(tx_error(&tx))),
            }
        }
    }

    /// Opens the transaction of a commit and issues every request at once:
    /// for a guarded change, a read of the record and then the write (the
    /// read returns the value before the write; a stale one aborts the
    /// transaction before it commits). On any error the transaction is
    /// aborted, so nothing of the batch is written.
    fn start(
        &self,
        batch: &Batch,
        leaving: bool,
    ) -> Result<(IdbTransaction, JsFuture, Vec<Guarded>), JsValue> {
        let mut scope: Vec<Kind> = batch
            .changes
            .iter()
            .filter_map(|c| Kind::of(&c.key))
            .collect();
        crate::order::sort(&mut scope);
        scope.dedup();
        if scope.is_empty() {
            scope.push(Kind::Meta);
        }
        let tx = self.transaction(&scope, true)?;
        let done = finished(&tx);
        let mut guarded = Vec::new();
        let mut issue = || -> Result<(), JsValue> {
            for change in &batch.changes {
                let Some(kind) = Kind::of(&change.key) else {
                    continue;
                };
                let store = tx.object_store(kind.store_name())?;
                if change.expected.is_some() && !leaving {
                    let request = store.get(&JsValue::from_str(&change.key))?;
                    guarded.push((change.clone(), settled(&request), request));
                }
                write(&store, change)?;
            }
            // Nothing to check before it commits (the page is being left,
            // or no record is guarded): told to commit now, not after the
            // page has heard back of every write, which a page unloaded in
            // the meantime never does. Browsers without commit() commit
            // when the page lets them.
            if (leaving || guarded.is_empty()) && can_commit(&tx) {
                tx.unchecked_ref::<Transaction>().commit_now()?;
            }
            Ok(())
        };
        if let Err(e) = issue() {
            let _ = tx.abort();
            return Err(e);
        }
        Ok((tx, done, guarded))
    }

    /// Empties every object store (for tests).
    pub async fn clear(&self) -> Result<(), StorageError> {
        let tx = self.transaction(&Kind::ALL, true).map_err(other)?;
        let done = finished(&tx);
        for kind in Kind::ALL {
            let store = tx.object_store(kind.store_name()).map_err(other)?;
            store.clear().map_err(other)?;
        }
        done.await.map(|_| ()).map_err(|_| tx_error(&tx))
    }
}

/// Whether the browser has `IDBTransaction.commit()`.
fn can_commit(tx: &IdbTransaction) -> bool {
    js_sys::Reflect::has(tx, &"commit".into()).unwrap_or(false)
}

/// Tells `tx` to commit now where the browser can; a refusal (the
/// transaction no longer active) leaves it to commit on its own.
fn commit_if_possible(tx: &IdbTransaction) {
    if can_commit(tx) {
        let _ = tx.unchecked_ref::<Transaction>().commit_now();
    }
}

fn write(store: &IdbObjectStore, change: &Change) -> Result<(), JsValue> {
    let key = JsValue::from_str(&change.key);
    match &change.value {
        Some(value) => store
            .put_with_key(&JsValue::from_str(value), &key)
            .map(|_| ()),
        None => store.delete(&key).map(|_| ()),
    }
}
