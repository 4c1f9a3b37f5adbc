//! Autosave: a change is written after a pause in typing, at most two
//! seconds after the first change not yet written however
//! steadily the writer types, and at once when the page is hidden or
//! closed. The work runs in its own timer task, never in a keystroke's.
//!
//! One write is on its way at a time; the editor hears "已保存" only once
//! the session's commit has reached the disk, and only if nothing newer
//! waits. A failed write is tried again after [`RETRY_MS`], the draft
//! staying in memory meanwhile. A change is handed to the saver after its
//! render; when the page is hidden or left first, the saver takes it from
//! the editor's newest draft ([`Latest`]).

use super::state::{EditorMsg, Latest};
use crate::autosave::{delay_ms, IDLE_WAIT_MS, RETRY_MS};
use crate::draft::{draft_id, Draft};
use crate::i18n::{tr, Key};
use crate::store::{draft_key, CommitError, SaveOutcome, StoreError};
use crate::ui::platform::{entropy, now_ms, when_idle};
use crate::ui::session::Session;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// The pending save of one editor.
pub struct Saver {
    session: Session,
    report: Callback<EditorMsg>,
    pending: Option<Rc<Draft>>,
    /// When the first change not yet written was made.
    first_ms: Option<i64>,
    timer: Option<Timeout>,
    /// When `timer` fires.
    timer_ms: i64,
    /// When the write is due: a keystroke moves this, not the timer, which
    /// on firing early waits out the rest (a keystroke's frame then sets no
    /// timer and clears none).
    due_ms: i64,
    /// A write is on its way to the disk.
    writing: bool,
    /// The draft of that write.
    in_flight: Option<Rc<Draft>>,
    /// The editor's newest draft, and the change count of the newest this
    /// saver was given.
    latest: Latest,
    seen: u64,
}

/// A saver shared by the editor's effects and listeners.
pub type SharedSaver = Rc<RefCell<Saver>>;

impl Saver {
    pub fn shared(session: Session, report: Callback<EditorMsg>, latest: Latest) -> SharedSaver {
        let seen = latest.borrow().generation;
        Rc::new(RefCell::new(Saver {
            session,
            report,
            latest,
            seen,
            pending: None,
            first_ms: None,
            timer: None,
            timer_ms: 0,
            due_ms: 0,
            writing: false,
            in_flight: None,
        }))
    }

    /// Saves `draft` after a pause in typing, or once the first unsaved
    /// change is two seconds old ([`crate::autosave`]).
    pub fn schedule(this: &SharedSaver, generation: u64, draft: Rc<Draft>) {
        let now = now_ms();
        let mut saver = this.borrow_mut();
        saver.seen = generation;
        saver.pending = Some(draft);
        let first = *saver.first_ms.get_or_insert(now);
        Self::arm(this, &mut saver, delay_ms(first, now));
    }

    /// Writes after `delay`, at the browser's next idle moment.
    fn arm(this: &SharedSaver, saver: &mut Saver, delay: u32) {
        let due = now_ms().saturating_add(i64::from(delay));
        saver.due_ms = due;
        // A timer firing by then stays: it waits out the rest when it fires.
        if saver.timer.is_some() && saver.timer_ms <= due {
            return;
        }
        Self::start_timer(this, saver, delay, due);
    }

    fn start_timer(this: &SharedSaver, saver: &mut Saver, delay: u32, at_ms: i64) {
        let handle = Rc::clone(this);
        saver.timer_ms = at_ms;
        saver.timer = Some(Timeout::new(delay, move || Saver::fire(&handle)));
    }

    /// The timer fired: asks for the write when it is due, or waits again.
    fn fire(this: &SharedSaver) {
        let Ok(mut saver) = this.try_borrow_mut() else {
            return;
        };
        saver.timer = None;
        let left = saver.due_ms.saturating_sub(now_ms());
        if left > 0 {
            let due = saver.due_ms;
            Self::start_timer(this, &mut saver, left.min(i64::from(u32::MAX)) as u32, due);
            return;
        }
        drop(saver);
        // Serialising and writing never delay a keystroke's rendering.
        let handle = Rc::clone(this);
        when_idle(IDLE_WAIT_MS, move || Saver::flush(&handle));
    }

    /// Takes the editor's newest change as pending when its render, which
    /// schedules its save, has not come yet (the page is being hidden or
    /// left in the meantime).
    fn catch_up(&mut self) {
        let newest = self.latest.borrow().clone();
        if newest.generation != self.seen {
            self.seen = newest.generation;
            self.pending = Some(newest.draft);
        }
    }

    /// Writes the pending change now, if there is one (after the write on
    /// its way, if there is one).
    pub fn flush(this: &SharedSaver) {
        let Ok(mut saver) = this.try_borrow_mut() else {
            return;
        };
        saver.timer = None;
        saver.catch_up();
        if saver.writing {
            return;
        }
        let Some(draft) = saver.pending.take() else {
            return;
        };
        // Changes from now on wait for a write of their own.
        saver.first_ms = None;
        let mut copy = Draft::clone(&draft);
        let now = now_ms();
        let outcome = saver.session.with_store(|store| store.save(&mut copy, now));
        match outcome {
            Ok(SaveOutcome::Saved { revision, saved_ms }) => {
                saver.writing = true;
                saver.in_flight = Some(Rc::clone(&draft));
                let commit = saver.session.commit();
                let handle = Rc::clone(this);
                drop(saver);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = commit.await;
                    Saver::written(&handle, draft, result.map(|()| (revision, saved_ms)));
                });
            }
            Ok(SaveOutcome::Conflict { .. }) => {
                saver.first_ms = None;
                let report = saver.report.clone();
                drop(saver);
                report.emit(EditorMsg::Conflict);
            }
            Err(e) => {
                drop(saver);
                Saver::failed(this, draft, e.to_string());
            }
        }
    }

    /// The page is being unloaded (`pagehide`): writes the latest change
    /// now in a transaction that commits at once, even when a write is on
    /// its way (the browser may discard that one with the page).
    pub fn leave(this: &SharedSaver) {
        let Ok(mut saver) = this.try_borrow_mut() else {
            return;
        };
        saver.timer = None;
        saver.catch_up();
        let Some(draft) = saver.pending.take().or_else(|| saver.in_flight.clone()) else {
            return;
        };
        let mut copy = Draft::clone(&draft);
        let now = now_ms();
        let session = saver.session.clone();
        drop(saver);
        if let Ok(SaveOutcome::Saved { .. }) = session.with_store(|s| s.save(&mut copy, now)) {
            let commit = session.commit_leaving();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = commit.await;
            });
        }
    }

    /// A write reached the disk, or did not.
    fn written(this: &SharedSaver, draft: Rc<Draft>, result: Result<(u64, i64), CommitError>) {
        let Ok(mut saver) = this.try_borrow_mut() else {
            return;
        };
        saver.writing = false;
        saver.in_flight = None;
        let more = saver.pending.is_some();
        let report = saver.report.clone();
        match result {
            Ok((revision, at_ms)) => {
                if more {
                    // Changes made during the write: their own pause or limit.
                    let now = now_ms();
                    let first = *saver.first_ms.get_or_insert(now);
                    Self::arm(this, &mut saver, delay_ms(first, now));
                }
                drop(saver);
                report.emit(EditorMsg::Saved {
                    revision,
                    at_ms,
                    more,
                });
            }
            Err(CommitError::Conflict(_)) => {
                drop(saver);
                report.emit(EditorMsg::Conflict);
            }
            Err(CommitError::Storage(e)) => {
                drop(saver);
                Saver::failed(this, draft, StoreError::Write(e).to_string());
            }
        }
    }

    /// Reports a failed write and tries again later; the draft stays in
    /// memory (and waits, unless something newer already does).
    fn failed(this: &SharedSaver, draft: Rc<Draft>, reason: String) {
        let Ok(mut saver) = this.try_borrow_mut() else {
            return;
        };
        saver.pending.get_or_insert(draft);
        Self::arm(this, &mut saver, RETRY_MS);
        let report = saver.report.clone();
        drop(saver);
        report.emit(EditorMsg::SaveFailed(reason));
    }

    /// Keeps this tab's version after another tab saved the draft
    /// (保留本页内容); the other version is kept as a copy.
    pub fn keep_mine(this: &SharedSaver, draft: Rc<Draft>) {
        let handle = Rc::clone(this);
        wasm_bindgen_futures::spawn_local(async move {
            let (session, report) = {
                let saver = handle.borrow();
                (saver.session.clone(), saver.report.clone())
            };
            session.reload(&[draft_key(&draft.id)], false).await;
            let mut copy = Draft::clone(&draft);
            let now = now_ms();
            let copy_id = draft_id(now, entropy());
            let outcome = session.with_store(|s| s.keep_mine(&mut copy, copy_id, now));
            let result = match outcome {
                Ok(SaveOutcome::Saved { revision, saved_ms }) => session
                    .commit()
                    .await
                    .map(|()| (revision, saved_ms))
                    .map_err(|e| match e {
                        CommitError::Conflict(_) => None,
                        CommitError::Storage(e) => Some(StoreError::Write(e)),
                    }),
                Ok(SaveOutcome::Conflict { .. }) => Err(None),
                Err(e) => Err(Some(e)),
            };
            report.emit(match result {
                Ok((revision, at_ms)) => EditorMsg::KeptMine { revision, at_ms },
                Err(None) => EditorMsg::Conflict,
                Err(Some(e)) => EditorMsg::SaveFailed(e.to_string()),
            });
        });
    }

    /// Loads the other tab's version (载入较新版本); this tab's version is
    /// kept as a copy first.
    pub fn take_theirs(this: &SharedSaver, draft: Rc<Draft>) {
        let handle = Rc::clone(this);
        wasm_bindgen_futures::spawn_local(async move {
            let (session, report) = {
                let saver = handle.borrow();
                (saver.session.clone(), saver.report.clone())
            };
            session.reload(&[draft_key(&draft.id)], false).await;
            let now = now_ms();
            let copy_id = draft_id(now, entropy());
            let outcome = session.with_store(|s| s.take_theirs(&draft, copy_id, now));
            let result = match outcome {
                Ok(theirs) => match session.commit().await {
                    Ok(()) => Ok(theirs),
                    Err(CommitError::Storage(e)) => Err(StoreError::Write(e).to_string()),
                    Err(CommitError::Conflict(_)) => Err(tr(Key::ConflictAgain).to_string()),
                },
                Err(e) => Err(e.to_string()),
            };
            if let Ok(mut saver) = handle.try_borrow_mut() {
                if result.is_ok() {
                    saver.pending = None;
                    saver.first_ms = None;
                }
            }
            report.emit(match result {
                Ok(theirs) => EditorMsg::Replace(theirs),
                Err(e) => EditorMsg::SaveFailed(e),
            });
        });
    }
}
