//! Autosave: a change is written to the store after a short pause in typing,
//! and at once when the page is hidden or closed. Results go back to the
//! editor as messages.

use super::state::EditorMsg;
use crate::draft::Draft;
use crate::store::{SaveOutcome, StoreError, UiState};
use crate::ui::platform::now_ms;
use crate::ui::session::Session;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// Pause after the last change before saving.
pub const DEBOUNCE_MS: u32 = 600;

/// The pending save of one editor.
pub struct Saver {
    session: Session,
    report: Callback<EditorMsg>,
    pending: Option<Rc<Draft>>,
    timer: Option<Timeout>,
}

/// A saver shared by the editor's effects and listeners.
pub type SharedSaver = Rc<RefCell<Saver>>;

impl Saver {
    pub fn shared(session: Session, report: Callback<EditorMsg>) -> SharedSaver {
        Rc::new(RefCell::new(Saver {
            session,
            report,
            pending: None,
            timer: None,
        }))
    }

    /// Saves `draft` after [`DEBOUNCE_MS`] without further changes.
    pub fn schedule(this: &SharedSaver, draft: Rc<Draft>) {
        let handle = Rc::clone(this);
        let mut saver = this.borrow_mut();
        saver.pending = Some(draft);
        saver.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Ok(mut saver) = handle.try_borrow_mut() {
                saver.flush();
            }
        }));
    }

    /// Writes the pending change now, if there is one.
    pub fn flush(&mut self) {
        self.timer = None;
        let Some(draft) = self.pending.take() else {
            return;
        };
        let mut copy = Draft::clone(&draft);
        let now = now_ms();
        let outcome = self.session.with(|store| store.save(&mut copy, now));
        self.report.emit(message(outcome));
    }

    /// Keeps this copy over another tab's newer one.
    pub fn save_over(&mut self, draft: &Draft) {
        let mut copy = draft.clone();
        let now = now_ms();
        let outcome = self.session.with(|store| store.save_over(&mut copy, now));
        self.report.emit(message(outcome));
    }

    /// Remembers where the user is, so reopening the page returns there.
    pub fn remember(&self, draft_id: &str, step: &str) {
        let state = UiState {
            last_draft_id: Some(draft_id.to_string()),
            step: Some(step.to_string()),
        };
        let _ = self.session.with(|store| store.save_ui_state(&state));
    }
}

/// What the editor is told about a save.
fn message(outcome: Result<SaveOutcome, StoreError>) -> EditorMsg {
    match outcome {
        Ok(SaveOutcome::Saved { revision, saved_ms }) => EditorMsg::Saved {
            revision,
            at_ms: saved_ms,
        },
        Ok(SaveOutcome::Conflict { .. }) => EditorMsg::Conflict,
        Err(e) => EditorMsg::SaveFailed(e.to_string()),
    }
}
