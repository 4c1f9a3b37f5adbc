//! The root component: the draft store and the interface's language as
//! contexts, the start page or the editor, and reopening the last draft and
//! step, in the language last chosen, on a new visit.

use crate::draft::Draft;
use crate::i18n::{self, Key, Lang};
use crate::store::UiState;
use crate::ui::editor::Editor;
use crate::ui::language::{self, words, Language};
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

/// The application: opens the tab's draft store, then shows [`Main`].
#[component]
pub fn App() -> Html {
    let session = use_state(|| None::<Session>);
    // Another tab still runs an earlier version holding the database open.
    let blocked = use_state(|| false);
    {
        let (session, blocked) = (session.clone(), blocked.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                session.set(Some(Session::open(move || blocked.set(true)).await));
            });
        });
    }
    match &*session {
        None if *blocked => html! {
            <p class="loading" role="status" data-loading="blocked">
                { words(Key::StoreBlocked) }
            </p>
        },
        None => html! { <p class="loading" data-loading="store">{ words(Key::LoadingDrafts) }</p> },
        Some(session) => html! { <Main session={session.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct MainProps {
    session: Session,
}

/// The start page or the editor, reopening the last draft and step.
#[component]
fn Main(props: &MainProps) -> Html {
    let session = props.session.clone();
    let problem = session.problem();
    // Other tabs' changes and failed background saves.
    let changes = use_state(|| 0u32);
    let failure = use_state(|| None::<String>);
    {
        let (session, changes, failure) = (session.clone(), changes.clone(), failure.clone());
        use_effect_with((), move |_| {
            let counter = Rc::new(std::cell::Cell::new(0u32));
            session.on_change(Callback::from(move |_| {
                counter.set(counter.get() + 1);
                changes.set(counter.get());
            }));
            session.on_problem(Callback::from(move |e| failure.set(Some(e))));
        });
    }
    // The language last chosen, its table loaded and applied by
    // `Session::open` before anything rendered.
    let lang = use_state(i18n::current);
    // Why the English table could not be loaded on a switch.
    let unavailable = use_state(|| None::<String>);
    let switch = {
        let (lang, session, unavailable) = (lang.clone(), session.clone(), unavailable.clone());
        Callback::from(move |to: Lang| {
            let switch = {
                let (lang, session) = (lang.clone(), session.clone());
                move || {
                    language::apply(to);
                    session.with(|s| {
                        let mut ui = s.load_ui_state();
                        ui.language = Some(to.code().to_string());
                        let _ = s.save_ui_state(&ui);
                    });
                    lang.set(to);
                }
            };
            if to.is_installed() {
                switch();
                return;
            }
            // The first switch to English waits for its table.
            let unavailable = unavailable.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match language::ready(to).await {
                    (ready, None) if ready == to => switch(),
                    (_, why) => unavailable.set(why),
                }
            });
        })
    };
    let language = Language {
        lang: *lang,
        switch,
    };
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
        let (screen, session) = (screen.clone(), session.clone());
        Callback::from(move |opened: Opened| {
            if !opened.example {
                session.remember_place(&opened.draft.id, &opened.step);
            }
            screen.set(Screen::Editor(opened))
        })
    };
    let on_close = {
        let (screen, session) = (screen.clone(), session.clone());
        Callback::from(move |_| {
            session.with(|s| {
                let ui = s.load_ui_state();
                let _ = s.save_ui_state(&UiState {
                    language: ui.language,
                    ..UiState::default()
                });
            });
            screen.set(Screen::Start)
        })
    };
    let body = match &*screen {
        Screen::Start => html! { <Start {on_open} changes={*changes} /> },
        Screen::Editor(opened) => html! {
            <Editor key={opened.draft.id.clone()} draft={opened.draft.clone()} step={opened.step.clone()}
                notes={opened.notes.clone()} example={opened.example} {on_open} {on_close} />
        },
    };
    html! {
        <ContextProvider<Session> context={session}>
        <ContextProvider<Language> context={language}>
            if let Some(problem) = problem {
                <p class="banner error no-print" role="alert" data-banner="storage">{ problem }</p>
            }
            if let Some(why) = &*unavailable {
                <p class="banner error no-print" role="alert" data-banner="language">{ why }</p>
            }
            if let Some(failure) = &*failure {
                <p class="banner error no-print" role="alert" data-banner="save-failed">{ failure }</p>
            }
            { body }
        </ContextProvider<Language>>
        </ContextProvider<Session>>
    }
}
