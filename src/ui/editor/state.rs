//! The editor's state as a reducer: the draft's history, the current step,
//! the save status and the part of the report being edited.

use crate::check::{apply_fix, Fix};
use crate::document::Anchor;
use crate::draft::{Action, Draft, History};
use crate::template::annual_report;
use crate::wizard::{STEP_BASIC, STEP_REVIEW};
use std::rc::Rc;
use yew::prelude::*;

/// What the save status line says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the draft was opened.
    Clean,
    /// A change waits for the debounced save.
    Pending,
    Saved {
        at_ms: i64,
    },
    Failed(String),
    /// Another tab saved a newer revision of this draft.
    Conflict,
}

/// Messages the editor's views send.
pub enum EditorMsg {
    Edit(Action),
    /// Applies a check's automatic correction (one undo step).
    Fix(Fix),
    Undo,
    Redo,
    /// A field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    GoTo(String),
    Focus(Anchor),
    /// A save reached the disk; `more` when newer changes wait.
    Saved {
        revision: u64,
        at_ms: i64,
        more: bool,
    },
    SaveFailed(String),
    Conflict,
    /// This tab's version was written over the other tab's (保留本页内容).
    KeptMine {
        revision: u64,
        at_ms: i64,
    },
    /// Start over from another copy (the other tab's) of the draft.
    Replace(Draft),
}

/// The editor's state.
#[derive(Clone)]
pub struct EditorState {
    pub history: History,
    pub step: String,
    pub save: SaveStatus,
    /// The part of the report being edited, for the preview to show.
    pub focus: Option<Anchor>,
}

impl PartialEq for EditorState {
    fn eq(&self, other: &Self) -> bool {
        self.history.generation() == other.history.generation()
            && Rc::ptr_eq(&self.history.current_rc(), &other.history.current_rc())
            && self.step == other.step
            && self.save == other.save
            && self.focus == other.focus
    }
}

impl EditorState {
    pub fn new(draft: Draft, step: String) -> EditorState {
        EditorState {
            history: History::new(draft),
            step,
            save: SaveStatus::Clean,
            focus: None,
        }
    }

    pub fn draft(&self) -> &Draft {
        self.history.current()
    }
}

impl Reducible for EditorState {
    type Action = EditorMsg;

    fn reduce(self: Rc<Self>, msg: EditorMsg) -> Rc<Self> {
        let now = super::super::platform::now_ms();
        let mut next = (*self).clone();
        let changed = match msg {
            EditorMsg::Edit(action) => next.history.apply(annual_report(), &action, now),
            EditorMsg::Fix(fix) => next.history.edit(now, |d| apply_fix(d, &fix).is_ok()),
            EditorMsg::Undo => next.history.undo(now),
            EditorMsg::Redo => next.history.redo(now),
            EditorMsg::EndTyping => {
                next.history.end_typing();
                return Rc::new(next);
            }
            EditorMsg::GoTo(step) => {
                if step == self.step {
                    return self;
                }
                next.history.end_typing();
                next.focus = (step != STEP_BASIC && step != STEP_REVIEW)
                    .then(|| Anchor::section(&step, "", Vec::new()));
                next.step = step;
                return Rc::new(next);
            }
            EditorMsg::Focus(anchor) => {
                if self.focus.as_ref() == Some(&anchor) {
                    return self;
                }
                next.focus = Some(anchor);
                return Rc::new(next);
            }
            EditorMsg::Saved {
                revision,
                at_ms,
                more,
            } => {
                next.history.set_revision(revision);
                if next.save != SaveStatus::Conflict {
                    next.save = if more {
                        SaveStatus::Pending
                    } else {
                        SaveStatus::Saved { at_ms }
                    };
                }
                return Rc::new(next);
            }
            EditorMsg::KeptMine { revision, at_ms } => {
                next.history.set_revision(revision);
                next.save = SaveStatus::Saved { at_ms };
                return Rc::new(next);
            }
            EditorMsg::SaveFailed(reason) => {
                next.save = SaveStatus::Failed(reason);
                return Rc::new(next);
            }
            EditorMsg::Conflict => {
                next.save = SaveStatus::Conflict;
                return Rc::new(next);
            }
            EditorMsg::Replace(draft) => {
                next.history.replace(draft);
                next.save = SaveStatus::Clean;
                return Rc::new(next);
            }
        };
        if !changed {
            return self;
        }
        next.save = SaveStatus::Pending;
        Rc::new(next)
    }
}
