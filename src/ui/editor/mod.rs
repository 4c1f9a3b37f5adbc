//! The wizard: a step list, the form of the current step, and the live
//! preview of the composed report beside it.

mod checked;
mod example;
mod focus;
mod notes;
mod preview;
mod print;
mod saver;
mod section_step;
mod shortcuts;
mod state;
mod step_list;
mod toolbar;

pub use print::{print_button, PrintState};
pub use state::{field_events, EditorMsg, EditorState, SaveStatus};

use crate::check;
use crate::draft::Draft;
use crate::draft::Edition;
use crate::i18n::Key;
use crate::template::official_frame;
use crate::ui::app::Opened;
use crate::ui::edition::edition_switch;
use crate::ui::fields::FieldEditor;
use crate::ui::language::{use_language, words};
use crate::ui::session::Session;
use crate::wizard::{steps, STEP_BASIC, STEP_REVIEW};
use example::example_banner;
use notes::Notes;
use preview::Preview;
use saver::{Saver, SharedSaver};
use section_step::SectionStep;
use shortcuts::Shortcut;
use std::rc::Rc;
use step_list::StepList;
use toolbar::Toolbar;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub draft: Rc<Draft>,
    pub step: String,
    /// Notes to show on opening (from an import).
    #[prop_or_default]
    pub notes: Rc<Vec<(Option<String>, String)>>,
    /// The sample report: read-only, not saved, with 以此为起点新建.
    #[prop_or_default]
    pub example: bool,
    /// Opens another draft (the copy made from the sample).
    #[prop_or_default]
    pub on_open: Callback<Opened>,
    pub on_close: Callback<()>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = use_language();
    crate::ui::timing::use_usable_mark();
    let session = use_context::<Session>();
    let state = {
        let (draft, step, example) = (props.draft.clone(), props.step.clone(), props.example);
        use_reducer(move || EditorState::new(Draft::clone(&draft), step, example))
    };
    // One callback for the editor's life (the dispatcher never changes), so
    // that the views it is handed to compare equal from one render to the
    // next and the fields the keystroke did not touch are not rendered.
    // A message that opens a step has the step remembered before it is
    // dispatched (the sample's steps are not).
    let on_msg: Callback<EditorMsg> = {
        let dispatcher = state.dispatcher();
        let place = session
            .clone()
            .filter(|_| !props.example)
            .map(|session| (session, props.draft.id.clone()));
        (*use_memo((), move |_| {
            Callback::from(move |msg: EditorMsg| {
                if let (Some((session, id)), Some(step)) = (&place, msg.opens_step()) {
                    session.remember_place(id, &step);
                }
                dispatcher.dispatch(msg)
            })
        }))
        .clone()
    };
    let saver: Rc<Option<SharedSaver>> = {
        let on_msg = on_msg.clone();
        let session = session.clone().filter(|_| !props.example);
        let latest = Rc::clone(&state.latest);
        use_memo((), move |_| {
            session.map(|s| Saver::shared(s, on_msg, latest))
        })
    };
    // Focus where the last step change or finding asked, once rendered.
    use_effect_with(state.request.clone(), |request| {
        if let Some((request, _)) = request {
            focus::apply(request);
        }
    });

    // Save after each change (debounced).
    {
        let saver = saver.clone();
        let draft = state.history.current_rc();
        use_effect_with(state.history.generation(), move |generation| {
            if *generation > 0 {
                if let Some(saver) = saver.as_ref() {
                    Saver::schedule(saver, *generation, draft);
                }
            }
        });
    }
    // Flush when the page is hidden or closed; flush on leaving the editor.
    {
        let saver = saver.clone();
        use_effect_with((), move |_| {
            let listeners = saver.as_ref().as_ref().map(|saver| {
                let document = gloo::utils::document();
                let s1 = Rc::clone(saver);
                let hidden =
                    gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
                        if gloo::utils::document().visibility_state()
                            == web_sys::VisibilityState::Hidden
                        {
                            Saver::flush(&s1);
                        }
                    });
                let s2 = Rc::clone(saver);
                let pagehide = gloo::events::EventListener::new(
                    &gloo::utils::window(),
                    "pagehide",
                    move |_| Saver::leave(&s2),
                );
                (hidden, pagehide, Rc::clone(saver))
            });
            move || {
                if let Some((_, _, saver)) = listeners {
                    Saver::flush(&saver);
                }
            }
        });
    }

    let onkeydown = {
        let on_msg = on_msg.clone();
        move |e: KeyboardEvent| {
            // ASCII lowercasing, as in `shortcuts::shortcut_of`.
            let key = e.key().to_ascii_lowercase();
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            let msg = match (key.as_str(), e.shift_key()) {
                ("z", false) => EditorMsg::Undo,
                ("z", true) | ("y", false) => EditorMsg::Redo,
                _ => return,
            };
            e.prevent_default();
            on_msg.emit(msg);
        }
    };

    let template = state.template.0;
    let events = (*use_memo((), {
        let on_msg = on_msg.clone();
        move |_| field_events(&on_msg)
    }))
    .clone();
    let draft = state.draft();
    // While typing, checked at the next idle moment, not in the keystroke's
    // frame (`checked`).
    let checked = checked::use_checked_draft(state.history.current_rc(), state.typing);
    // Found again after a language switch: the findings are worded.
    let findings = use_memo((Rc::clone(&checked), lang), move |(d, _)| {
        check::run(template, d)
    });
    let step_list = use_memo(
        (Rc::clone(&checked), Rc::clone(&findings)),
        move |(d, f)| steps(template, d, f),
    );
    let carried = use_memo(Rc::clone(&checked), |d| check::carried(d));
    let chars = *use_memo(Rc::clone(&checked), |d| d.char_count());
    let print_state = PrintState {
        carried: check::describe_carried(&carried),
        confirmed: state.print_confirmed,
        asking: state.print_asking,
    };
    let position = step_list
        .iter()
        .position(|s| s.id == state.step)
        .unwrap_or(0);
    let current = step_list[position].id.clone();
    let go = |index: Option<usize>| {
        index.and_then(|i| step_list.get(i)).map(|s| {
            let id = s.id.clone();
            on_msg.reform(move |_: MouseEvent| EditorMsg::GoTo(id.clone()))
        })
    };
    let previous = go(position.checked_sub(1));
    let next = go(Some(position + 1));
    {
        let step_at = |i: Option<usize>| i.and_then(|i| step_list.get(i)).map(|s| s.id.clone());
        let (before, after) = (
            step_at(position.checked_sub(1)),
            step_at(Some(position + 1)),
        );
        let (on_msg, print_state, draft) = (
            on_msg.clone(),
            print_state.clone(),
            state.history.current_rc(),
        );
        shortcuts::use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::NextStep | Shortcut::PreviousStep => {
                let to = if shortcut == Shortcut::NextStep {
                    &after
                } else {
                    &before
                };
                if let Some(id) = to {
                    on_msg.emit(EditorMsg::GoTo(id.clone()));
                }
            }
            Shortcut::Print => print::request_print("toolbar", &print_state, &on_msg),
            Shortcut::Backup => {
                if let Err(e) = crate::ui::review::download_backup(&draft) {
                    on_msg.emit(EditorMsg::SaveFailed(e));
                }
            }
        }));
    }

    let meta_chars = use_memo(Rc::clone(&checked), |d| {
        section_step::field_chars(Some(&d.meta))
    });
    let body = if current == STEP_BASIC {
        let field_editor = |spec: &'static crate::template::FieldSpec| {
            let field = crate::draft::FieldRef::meta(&spec.id);
            let found = section_step::findings_of(&findings, &field);
            html! {
                <FieldEditor key={spec.id.clone()} {spec} {field} value={draft.meta(&spec.id).cloned()}
                    chars={section_step::chars_of(&meta_chars, &spec.id)}
                    year={draft.year} events={events.clone()} findings={found} />
            }
        };
        let fields = template.meta.iter().map(field_editor);
        let submitted = draft.edition == Edition::Submitted;
        html! {
            <section class="step-body" data-step={STEP_BASIC}>
                <h2>{ words(Key::StepBasic) }</h2>
                <p class="step-hint">{ &template.description }</p>
                { edition_switch(draft.edition, "basic", &on_msg) }
                { for fields }
                if submitted {
                    <section class="official-frame" data-frame-fields="">
                        <h3>{ words(Key::OfficialFrameHeading) }</h3>
                        <p class="step-hint">{ words(Key::OfficialFrameHint) }</p>
                        { for official_frame().iter().map(field_editor) }
                    </section>
                }
            </section>
        }
    } else if current == STEP_REVIEW {
        html! { <crate::ui::review::Review template={state.template} draft={state.history.current_rc()} findings={findings.clone()}
        print={print_state.clone()} read_only={props.example} on_msg={on_msg.clone()} /> }
    } else {
        html! { <SectionStep template={state.template} draft={state.history.current_rc()} checked={Rc::clone(&checked)} section={current.clone()}
        findings={findings.clone()} on_msg={on_msg.clone()} /> }
    };

    let close = {
        let on_close = props.on_close.clone();
        let saver = saver.clone();
        move |_: MouseEvent| {
            if let Some(saver) = saver.as_ref() {
                Saver::flush(saver);
            }
            on_close.emit(());
        }
    };
    let keep_mine = {
        let saver = saver.clone();
        let draft = state.history.current_rc();
        move |_: MouseEvent| {
            if let Some(saver) = saver.as_ref() {
                Saver::keep_mine(saver, draft.clone());
            }
        }
    };
    let take_theirs = {
        let saver = saver.clone();
        let draft = state.history.current_rc();
        move |_: MouseEvent| {
            if let Some(saver) = saver.as_ref() {
                Saver::take_theirs(saver, draft.clone());
            }
        }
    };

    let backup = {
        let (draft, on_msg) = (state.history.current_rc(), on_msg.clone());
        move |_: MouseEvent| {
            if let Err(e) = crate::ui::review::download_backup(&draft) {
                on_msg.emit(EditorMsg::SaveFailed(e));
            }
        }
    };

    html! {
        <div class="editor" {onkeydown}>
            <Toolbar title={draft.title().to_string()} {chars} save={state.save.clone()}
                example={props.example} print={print_state}
                can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                on_msg={on_msg.clone()} on_close={Callback::from(close)}
                on_keep_mine={Callback::from(keep_mine)} on_take_theirs={Callback::from(take_theirs)}
                on_backup={Callback::from(backup)} />
            <div class="editor-main">
                <StepList steps={(*step_list).clone()} current={current.clone()} findings={findings.clone()} on_msg={on_msg.clone()} />
                <div class="step-pane no-print">
                    if props.example {
                        { example_banner(state.history.current_rc(), session.clone(), props.on_open.clone(), on_msg.clone()) }
                    }
                    <Notes notes={props.notes.clone()} on_msg={on_msg.clone()} />
                    if props.example && current != STEP_REVIEW {
                        <fieldset class="read-only" disabled=true>{ body }</fieldset>
                    } else {
                        { body }
                    }
                    <nav class="step-nav">
                        if let Some(prev) = previous {
                            <button type="button" data-action="previous-step" onclick={prev}>{ words(Key::PreviousStep) }</button>
                        }
                        if let Some(next) = next {
                            <button type="button" class="primary" data-action="next-step" onclick={next}>{ words(Key::NextStep) }</button>
                        }
                    </nav>
                </div>
                <Preview template={state.template} draft={state.history.current_rc()} focus={state.focus.clone()}
                    caret={state.caret.clone()} carried={carried.clone()}
                    show_carried={state.show_carried} on_msg={on_msg.clone()} />
            </div>
        </div>
    }
}
