//! Undo and redo: snapshots of the draft before each change.
//!
//! Snapshots are shared (`Rc`), so handing the current draft to a view or
//! cloning the whole history (as a Yew reducer does on every action) copies
//! pointers, not text. Each change copies the draft once (a 30,000-character
//! draft is about 100 KB). Consecutive typing into the same place is one
//! undo step, as in a word processor: it ends after a pause of
//! [`COALESCE_GAP_MS`], after [`COALESCE_MAX_MS`] of continuous typing, or
//! when anything else happens.

use super::action::{apply, Action, TypingTarget};
use super::Draft;
use crate::template::Template;
use std::collections::VecDeque;
use std::rc::Rc;

/// How many undo steps are kept.
pub const DEFAULT_DEPTH: usize = 200;

/// A pause longer than this ends a typing step.
pub const COALESCE_GAP_MS: i64 = 1_000;

/// A typing step never spans more than this, so one undo never takes back
/// minutes of writing.
pub const COALESCE_MAX_MS: i64 = 10_000;

/// The draft being edited and its undo and redo stacks.
#[derive(Debug, Clone)]
pub struct History {
    current: Rc<Draft>,
    past: VecDeque<Rc<Draft>>,
    future: Vec<Rc<Draft>>,
    typing: Option<Typing>,
    depth: usize,
    generation: u64,
}

/// The typing step in progress.
#[derive(Debug, Clone)]
struct Typing {
    target: TypingTarget,
    started_ms: i64,
    last_ms: i64,
}

impl Typing {
    fn continues(&self, target: &TypingTarget, now_ms: i64) -> bool {
        self.target == *target
            && now_ms >= self.last_ms
            && now_ms - self.last_ms <= COALESCE_GAP_MS
            && now_ms - self.started_ms <= COALESCE_MAX_MS
    }
}

impl History {
    /// A history starting at `draft`, keeping [`DEFAULT_DEPTH`] steps.
    pub fn new(draft: Draft) -> History {
        History::with_depth(draft, DEFAULT_DEPTH)
    }

    /// A history keeping at most `depth` undo steps (at least one).
    pub fn with_depth(draft: Draft, depth: usize) -> History {
        History {
            current: Rc::new(draft),
            past: VecDeque::new(),
            future: Vec::new(),
            typing: None,
            depth: depth.max(1),
            generation: 0,
        }
    }

    /// The draft as it is now.
    pub fn current(&self) -> &Draft {
        &self.current
    }

    /// The draft as it is now, shared.
    pub fn current_rc(&self) -> Rc<Draft> {
        Rc::clone(&self.current)
    }

    /// Counts every change (actions, undo, redo, replace), so an autosave
    /// effect can depend on it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Number of undo steps available.
    pub fn undo_depth(&self) -> usize {
        self.past.len()
    }

    /// Applies `action`; returns whether the draft changed. A change that
    /// continues the typing step in progress joins its undo step.
    pub fn apply(&mut self, template: &Template, action: &Action, now_ms: i64) -> bool {
        let target = action.typing_target();
        self.change(target, now_ms, |draft| {
            apply(template, draft, action, now_ms)
        })
    }

    /// Applies a change made by `edit` (such as a check's fix) as one undo
    /// step; `edit` returns whether it changed the draft, and a change sets
    /// `updated_ms` to `now_ms`.
    pub fn edit(&mut self, now_ms: i64, edit: impl FnOnce(&mut Draft) -> bool) -> bool {
        self.change(None, now_ms, |draft| {
            let changed = edit(draft);
            if changed {
                draft.updated_ms = now_ms;
            }
            changed
        })
    }

    fn change(
        &mut self,
        target: Option<TypingTarget>,
        now_ms: i64,
        edit: impl FnOnce(&mut Draft) -> bool,
    ) -> bool {
        let mut next = Draft::clone(&self.current);
        if !edit(&mut next) {
            return false;
        }
        let continues = match (&self.typing, &target) {
            (Some(typing), Some(target)) => typing.continues(target, now_ms),
            _ => false,
        };
        let previous = std::mem::replace(&mut self.current, Rc::new(next));
        if continues {
            if let Some(typing) = &mut self.typing {
                typing.last_ms = now_ms;
            }
        } else {
            self.past.push_back(previous);
            if self.past.len() > self.depth {
                self.past.pop_front();
            }
            self.typing = target.map(|target| Typing {
                target,
                started_ms: now_ms,
                last_ms: now_ms,
            });
        }
        self.future.clear();
        self.generation += 1;
        true
    }

    /// Goes back one step. The restored draft keeps the current revision
    /// (the one the store knows) and gets `updated_ms = now_ms`, since
    /// undoing is an edit that must be saved.
    pub fn undo(&mut self, now_ms: i64) -> bool {
        let Some(previous) = self.past.pop_back() else {
            return false;
        };
        let undone = std::mem::replace(&mut self.current, previous);
        let revision = undone.revision;
        self.future.push(undone);
        self.restamp(revision, now_ms);
        true
    }

    /// Goes forward one undone step.
    pub fn redo(&mut self, now_ms: i64) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        let redone = std::mem::replace(&mut self.current, next);
        let revision = redone.revision;
        self.past.push_back(redone);
        self.restamp(revision, now_ms);
        true
    }

    /// Ends the typing step in progress (call it when a field loses focus),
    /// so the next keystroke starts a new undo step.
    pub fn end_typing(&mut self) {
        self.typing = None;
    }

    /// Records the revision the store gave the draft on save, without an
    /// undo step and without counting as a change.
    pub fn set_revision(&mut self, revision: u64) {
        if self.current.revision != revision {
            Rc::make_mut(&mut self.current).revision = revision;
        }
    }

    /// Starts over from `draft` (another tab's copy, a reloaded draft),
    /// forgetting undo and redo.
    pub fn replace(&mut self, draft: Draft) {
        *self = History {
            generation: self.generation + 1,
            ..History::with_depth(draft, self.depth)
        };
    }

    fn restamp(&mut self, revision: u64, now_ms: i64) {
        let draft = Rc::make_mut(&mut self.current);
        draft.revision = revision;
        draft.updated_ms = now_ms;
        self.typing = None;
        self.generation += 1;
    }
}
