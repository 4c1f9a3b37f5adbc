//! The editor's state as a reducer: the draft's history, the current step,
//! the save status and the part of the report being edited.

use crate::check::{apply_fix, Fix, Location};
use crate::document::Anchor;
use crate::draft::{Action, Draft, History};
use crate::template::{self, TemplateRef};
use crate::ui::fields::FieldEvents;
use crate::wizard::{STEP_BASIC, STEP_REVIEW};
use std::cell::RefCell;
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
    /// Opens a step at its top, its first field focused.
    GoTo(String),
    /// Opens the step holding `location` and puts the caret there.
    Reveal(Location),
    Focus(Anchor),
    /// The caret moved: the block at `anchor`, `after` characters before
    /// the end of its paragraph (or line), for the preview to keep in view.
    Caret {
        anchor: Anchor,
        after: usize,
    },
    /// Shows or hides the carried-over paragraphs in the preview.
    ShowCarried(bool),
    /// Opens (at a print button) or closes the question before printing.
    AskPrint(Option<super::print::PrintPlace>),
    /// The writer chose to print with carried-over text left in.
    ConfirmPrint,
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

impl EditorMsg {
    /// The step this message opens, if it opens one.
    pub fn opens_step(&self) -> Option<String> {
        match self {
            EditorMsg::GoTo(step) => Some(step.clone()),
            EditorMsg::Reveal(location) => Some(step_of(location)),
            _ => None,
        }
    }
}

/// The step holding `location`: its section's, or 基本信息 for the
/// report's own lines.
fn step_of(location: &Location) -> String {
    location
        .field
        .section
        .clone()
        .unwrap_or_else(|| STEP_BASIC.to_string())
}

/// The field editors' events as the editor's messages.
pub fn field_events(on_msg: &Callback<EditorMsg>) -> FieldEvents {
    FieldEvents {
        edit: on_msg.reform(EditorMsg::Edit),
        focus: on_msg.reform(EditorMsg::Focus),
        blur: on_msg.reform(|_| EditorMsg::EndTyping),
        caret: on_msg.reform(|(anchor, after)| EditorMsg::Caret { anchor, after }),
        reveal: on_msg.reform(EditorMsg::Reveal),
        fix: on_msg.reform(EditorMsg::Fix),
    }
}

/// Where the form should put the focus after the next render.
#[derive(Debug, Clone, PartialEq)]
pub enum FocusRequest {
    /// The step's top, its first field focused.
    StepTop,
    /// The field holding this place, the caret at its paragraph.
    Place(Location),
}

/// The editor's state.
#[derive(Clone)]
pub struct EditorState {
    /// The template the draft names, looked up once when it opens.
    pub template: TemplateRef,
    pub history: History,
    pub step: String,
    pub save: SaveStatus,
    /// The part of the report being edited, for the preview to show.
    pub focus: Option<Anchor>,
    /// The caret's block and its distance from the paragraph's end.
    pub caret: Option<(Anchor, usize)>,
    /// A focus to apply after rendering, numbered so that asking twice for
    /// the same place acts twice.
    pub request: Option<(FocusRequest, u64)>,
    /// The sample report, shown but not edited or saved.
    pub read_only: bool,
    /// Whether the preview marks carried-over paragraphs.
    pub show_carried: bool,
    /// Printing with carried-over text was confirmed once.
    pub print_confirmed: bool,
    /// The print button whose question is open.
    pub print_asking: Option<super::print::PrintPlace>,
    /// The last change was typing: the checks may catch up with it when
    /// the browser is idle rather than in the keystroke's frame.
    pub typing: bool,
    /// The newest draft, shared by every state of this editor.
    pub latest: Latest,
}

/// The newest draft of an editor and its change count
/// ([`History::generation`]), set by the reducer as each message is
/// dispatched. The save of a change is scheduled after its render; a page
/// left before that render is saved from here.
pub type Latest = Rc<RefCell<Newest>>;

/// A draft and the change count it was made at.
#[derive(Clone)]
pub struct Newest {
    pub generation: u64,
    pub draft: Rc<Draft>,
}

impl Newest {
    fn of(history: &History) -> Newest {
        Newest {
            generation: history.generation(),
            draft: history.current_rc(),
        }
    }
}

impl PartialEq for EditorState {
    fn eq(&self, other: &Self) -> bool {
        self.template == other.template
            && self.history.generation() == other.history.generation()
            && Rc::ptr_eq(&self.history.current_rc(), &other.history.current_rc())
            && self.step == other.step
            && self.save == other.save
            && self.focus == other.focus
            && self.caret == other.caret
            && self.request == other.request
            && self.show_carried == other.show_carried
            && self.print_confirmed == other.print_confirmed
            && self.print_asking == other.print_asking
            && self.typing == other.typing
    }
}

impl EditorState {
    pub fn new(draft: Draft, step: String, read_only: bool) -> EditorState {
        let history = History::new(draft);
        EditorState {
            template: TemplateRef(template::of(&history.current().template_id)),
            latest: Rc::new(RefCell::new(Newest::of(&history))),
            history,
            step,
            save: SaveStatus::Clean,
            focus: None,
            caret: None,
            request: None,
            read_only,
            show_carried: false,
            print_confirmed: false,
            print_asking: None,
            typing: false,
        }
    }

    /// Asks for `request` after the next render.
    fn ask(&mut self, request: FocusRequest) {
        let n = self.request.as_ref().map_or(1, |(_, n)| n + 1);
        self.request = Some((request, n));
    }

    pub fn draft(&self) -> &Draft {
        self.history.current()
    }
}

impl Reducible for EditorState {
    type Action = EditorMsg;

    fn reduce(self: Rc<Self>, msg: EditorMsg) -> Rc<Self> {
        let latest = Rc::clone(&self.latest);
        let next = self.next(msg);
        *latest.borrow_mut() = Newest::of(&next.history);
        next
    }
}

impl EditorState {
    /// The state after `msg`.
    fn next(self: Rc<Self>, msg: EditorMsg) -> Rc<Self> {
        let now = super::super::platform::now_ms();
        let mut next = (*self).clone();
        let edits = matches!(
            msg,
            EditorMsg::Edit(_) | EditorMsg::Fix(_) | EditorMsg::Undo | EditorMsg::Redo
        );
        if self.read_only && edits {
            return self;
        }
        let typing = matches!(&msg, EditorMsg::Edit(action) if action.typing_target().is_some());
        let changed = match msg {
            EditorMsg::Edit(action) => next.history.apply(self.template.0, &action, now),
            EditorMsg::Fix(fix) => next.history.edit(now, |d| apply_fix(d, &fix).is_ok()),
            EditorMsg::Undo => next.history.undo(now),
            EditorMsg::Redo => next.history.redo(now),
            EditorMsg::EndTyping => {
                next.history.end_typing();
                next.typing = false;
                return Rc::new(next);
            }
            EditorMsg::GoTo(step) => {
                next.history.end_typing();
                next.typing = false;
                next.focus = (step != STEP_BASIC && step != STEP_REVIEW)
                    .then(|| Anchor::section(&step, "", Vec::new()));
                next.caret = None;
                next.step = step;
                next.ask(FocusRequest::StepTop);
                return Rc::new(next);
            }
            EditorMsg::Reveal(location) => {
                next.history.end_typing();
                next.typing = false;
                next.step = step_of(&location);
                next.focus = Some(location.anchor());
                next.caret = None;
                next.ask(FocusRequest::Place(location));
                return Rc::new(next);
            }
            EditorMsg::Caret { anchor, after } => {
                let caret = Some((anchor.clone(), after));
                if self.caret == caret {
                    return self;
                }
                next.caret = caret;
                next.focus = Some(anchor);
                return Rc::new(next);
            }
            EditorMsg::ShowCarried(on) => {
                next.show_carried = on;
                return Rc::new(next);
            }
            EditorMsg::AskPrint(place) => {
                next.print_asking = place;
                return Rc::new(next);
            }
            EditorMsg::ConfirmPrint => {
                next.print_confirmed = true;
                next.print_asking = None;
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
                next.typing = false;
                next.save = SaveStatus::Clean;
                return Rc::new(next);
            }
        };
        if !changed {
            return self;
        }
        next.typing = typing;
        next.save = SaveStatus::Pending;
        Rc::new(next)
    }
}
