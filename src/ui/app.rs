//! The root component: the draft store as a context, the start page or the
//! editor, and reopening the last draft and step on a new visit.

use crate::draft::Draft;
use crate::ui::editor::Editor;
use crate::ui::platform::now_ms;
use crate::ui::session::Session;
use crate::ui::start::Start;
use std::rc::Rc;
use yew::prelude::*;

/// A draft to open in the editor, at a step, with notes for the writer
/// (what an import could not place, for instance: step id or `None`, text).
#[derive(Clone, PartialEq)]
pub struct Opened {
    pub draft: Rc<Draft>,
    pub step: String,
    pub notes: Rc<Vec<(Option<String>, String)>>,
    /// The sample report: shown as an example, neither edited nor saved.
    pub example: bool,
}

impl Opened {
    pub fn at(draft: Draft, step: String) -> Opened {
        Opened {
            draft: Rc::new(draft),
            step,
            notes: Rc::default(),
            example: false,
        }
    }
}

#[derive(Clone, PartialEq)]
enum Screen {
    Start,
    Editor(Opened),
}

/// The application.
#[component]
pub fn App() -> Html {
    let opened = use_memo((), |_| Session::open());
    let (session, problem) = (opened.0.clone(), opened.1.clone());
    let screen = {
        let session = session.clone();
        use_state(move || {
            let ui = session.with(|s| s.load_ui_state());
            let last = ui
                .last_draft_id
                .and_then(|id| session.with(|s| s.load(&id, now_ms())).ok());
            match last {
                Some(draft) => Screen::Editor(Opened::at(draft, ui.step.unwrap_or_default())),
                None => Screen::Start,
            }
        })
    };
    let on_open = {
        let screen = screen.clone();
        Callback::from(move |opened: Opened| screen.set(Screen::Editor(opened)))
    };
    let on_close = {
        let (screen, session) = (screen.clone(), session.clone());
        Callback::from(move |_| {
            let _ = session.with(|s| s.save_ui_state(&Default::default()));
            screen.set(Screen::Start)
        })
    };
    let body = match &*screen {
        Screen::Start => html! { <Start {on_open} /> },
        Screen::Editor(opened) => html! {
            <Editor key={opened.draft.id.clone()} draft={opened.draft.clone()} step={opened.step.clone()}
                notes={opened.notes.clone()} example={opened.example} {on_open} {on_close} />
        },
    };
    html! {
        <ContextProvider<Session> context={session}>
            if let Some(problem) = problem {
                <p class="banner error no-print" role="alert">{ problem }</p>
            }
            { body }
        </ContextProvider<Session>>
    }
}
