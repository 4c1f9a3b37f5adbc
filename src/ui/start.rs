//! The start page: the writer's drafts, a new report of a chosen kind and
//! year, the sample report, and copy / rename / delete (with undo) / start
//! next year's report; where drafts live, whether the browser keeps them,
//! and a backup reminder.

use crate::draft::{draft_id, duplicate, duplicate_for_next_year, Action, Draft, FieldRef};
use crate::i18n::{fill, tr, Key};
use crate::store::DeletedDraft;
use crate::template::{self, meta_id};
use crate::tools::{self, Value};
use crate::ui::app::Opened;
use crate::ui::draft_row::{draft_row, DraftRowProps, RowMsg};
use crate::ui::files::{decode_text, read_bytes};
use crate::ui::import_panel::ImportPanel;
use crate::ui::language::{filled, language_switch, use_language_context, words};
use crate::ui::offline_note::offline_note;
use crate::ui::platform::{entropy, now_ms, today};
use crate::ui::session::Session;
use crate::ui::worker;
use crate::wizard::STEP_BASIC;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long "撤销删除" stays offered.
const UNDO_DELETE_MS: u32 = 15_000;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub on_open: Callback<Opened>,
    /// Counts changes other tabs made (the list is read again on each).
    #[prop_or_default]
    pub changes: u32,
}

/// After how many days without a backup the start page reminds the writer.
const BACKUP_REMINDER_DAYS: i64 = 7;

/// A new draft's id.
pub fn new_id() -> String {
    draft_id(now_ms(), entropy())
}

/// The id the sample report is shown under; it is never saved.
const SAMPLE_ID: &str = "sample";

#[component]
pub fn Start(props: &StartProps) -> Html {
    let language = use_language_context();
    crate::ui::timing::use_usable_mark();
    let session = use_context::<Session>();
    let version = use_state(|| 0u32);
    let message = use_state(|| None::<Result<String, String>>);
    let deleted = use_state(|| None::<Rc<DeletedDraft>>);
    let undo_timer = use_mut_ref(|| None::<Timeout>);
    // A deleted draft's row is gone with the focus it held: the focus goes
    // to the toast's 撤销, the one thing left to do with it.
    let undo_button = use_node_ref();
    {
        let undo_button = undo_button.clone();
        let shown = deleted.as_ref().map(|d| Rc::as_ptr(d) as usize);
        use_effect_with(shown, move |shown| {
            if shown.is_some() {
                if let Some(button) = undo_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let confirming = use_state(|| None::<String>);
    let renaming = use_state(|| None::<(String, String)>);
    let new_year = use_state(|| today().0 - 1);
    let new_kind = use_state(|| template::ANNUAL_REPORT_ID.to_string());

    // What other tabs did while this one was elsewhere.
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            if let Some(session) = session {
                wasm_bindgen_futures::spawn_local(async move { session.reload_all().await });
            }
        });
    }

    let Some(session) = session else {
        return html! { <p class="error">{ words(Key::StoreUnavailable) }</p> };
    };
    let listing = session.with(|s| s.list(now_ms()));
    let has_drafts = listing.as_ref().is_ok_and(|l| !l.drafts.is_empty());
    if has_drafts {
        session.request_persistence();
    }
    let storage_note = storage_note(&session, has_drafts);
    let refresh = {
        let version = version.clone();
        move || version.set(*version + 1)
    };
    let fail = {
        let message = message.clone();
        move |e: String| message.set(Some(Err(e)))
    };

    // Saves a new draft and opens it.
    let create = {
        let (session, on_open, fail) = (session.clone(), props.on_open.clone(), fail.clone());
        move |mut draft: Draft| match session.with(|s| s.save(&mut draft, now_ms())) {
            Ok(_) => {
                session.request_persistence();
                on_open.emit(Opened::at(draft, STEP_BASIC.to_string()))
            }
            Err(e) => fail(e.to_string()),
        }
    };
    let new_report = {
        let (create, year, kind) = (create.clone(), new_year.clone(), new_kind.clone());
        move |_: MouseEvent| create(Draft::new(template::of(&kind), new_id(), *year, now_ms()))
    };
    // 打开模板文件: a writer's template, checked, kept and offered as a kind.
    // A file with problems changes nothing.
    let on_template_file = {
        let (session, message, kind, refresh) = (
            session.clone(),
            message.clone(),
            new_kind.clone(),
            refresh.clone(),
        );
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (session, message, kind, refresh) = (
                session.clone(),
                message.clone(),
                kind.clone(),
                refresh.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let result = async {
                    let bytes = read_bytes(&file).await?;
                    let text = decode_text(&bytes)?;
                    // Read and checked in the on-demand tools worker.
                    let refused =
                        |problems: String| fill(Key::TemplateRefused, &[&name, &problems]);
                    let json = match worker::call(tools::READ_TEMPLATE, Value::Text(text)).await {
                        Ok(Value::Text(json)) => json,
                        Ok(Value::Bytes(_)) => {
                            return Err(refused(tr(Key::Unreadable).to_string()))
                        }
                        Err(problems) => return Err(refused(problems)),
                    };
                    // Read as the store rereads a kept template (from the
                    // text, not through `serde_json::Value`): one
                    // deserializer for templates in the download, not two.
                    let parsed = template::reread(&json)
                        .map_err(|_| refused(tr(Key::Unreadable).to_string()))?;
                    let loaded = template::register(parsed)?;
                    session
                        .with(|s| s.save_template(loaded))
                        .map_err(|e| e.to_string())?;
                    Ok::<_, String>(loaded)
                }
                .await;
                match result {
                    Ok(loaded) => {
                        kind.set(loaded.id.clone());
                        message.set(Some(Ok(fill(Key::TemplateLoaded, &[&loaded.name]))));
                        refresh();
                    }
                    Err(e) => message.set(Some(Err(e))),
                }
            });
        }
    };
    let choose_template_file = |_: MouseEvent| {
        if let Some(input) = gloo::utils::document()
            .get_element_by_id("template-file")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            input.click();
        }
    };
    let kinds = template::builtin()
        .into_iter()
        .chain(template::registered())
        .map(|t| {
            let id = t.id.clone();
            let input_id = format!("new-kind-{id}");
            let onchange = {
                let (kind, id) = (new_kind.clone(), id.clone());
                move |_: Event| kind.set(id.clone())
            };
            html! {
                <li key={id.clone()} class="kind-choice">
                    <input type="radio" name="new-kind" id={input_id.clone()} value={id.clone()}
                        checked={*new_kind == id} {onchange} />
                    <label for={input_id}>
                        <strong>{ &t.name }</strong>
                        <span class="kind-description">{ &t.description }</span>
                    </label>
                </li>
            }
        })
        .collect::<Html>();
    // The sample report comes from the on-demand tools worker. It opens as
    // an example, not saved: opening it again makes no copy.
    let open_sample = {
        let (on_open, fail) = (props.on_open.clone(), fail.clone());
        move |_: MouseEvent| {
            let (on_open, fail) = (on_open.clone(), fail.clone());
            let request = format!("[\"{SAMPLE_ID}\",{}]", now_ms());
            wasm_bindgen_futures::spawn_local(async move {
                match worker::call(tools::SAMPLE, Value::Text(request)).await {
                    Ok(Value::Text(json)) => match worker::from_json::<Draft>(&json) {
                        Some(draft) => on_open.emit(Opened {
                            example: true,
                            ..Opened::at(draft, STEP_BASIC.to_string())
                        }),
                        None => fail(tr(Key::SampleFailed).to_string()),
                    },
                    Ok(Value::Bytes(_)) => fail(tr(Key::SampleFailed).to_string()),
                    Err(e) => fail(e),
                }
            });
        }
    };
    let set_year = {
        let year = new_year.clone();
        move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(y) = el.value().trim().parse::<i32>() {
                if (1000..=9998).contains(&y) {
                    year.set(y);
                }
            }
        }
    };

    // One callback for every row: what happened, and to which draft.
    let on_row = {
        let (session, on_open, fail, create, refresh) = (
            session.clone(),
            props.on_open.clone(),
            fail.clone(),
            create.clone(),
            refresh.clone(),
        );
        let (confirming, renaming, deleted, timer) = (
            confirming.clone(),
            renaming.clone(),
            deleted.clone(),
            undo_timer.clone(),
        );
        Callback::from(move |(id, msg): (String, RowMsg)| {
            let load = || session.with(|s| s.load(&id, now_ms()));
            let result = match msg {
                RowMsg::Open => load().map(|d| {
                    let ui = session.with(|s| s.load_ui_state());
                    let step = match (ui.last_draft_id, ui.step) {
                        (Some(last), Some(step)) if last == id => step,
                        _ => STEP_BASIC.to_string(),
                    };
                    on_open.emit(Opened::at(d, step))
                }),
                RowMsg::Duplicate => load().map(|d| create(duplicate(&d, new_id(), now_ms()))),
                RowMsg::NextYear => {
                    load().map(|d| create(duplicate_for_next_year(&d, new_id(), now_ms())))
                }
                RowMsg::AskDelete => return confirming.set(Some(id)),
                RowMsg::CancelDelete => return confirming.set(None),
                RowMsg::Delete => {
                    confirming.set(None);
                    let result = session.with(|s| s.delete(&id)).map(|record| {
                        if let Some(record) = record {
                            deleted.set(Some(Rc::new(record)));
                            let deleted = deleted.clone();
                            *timer.borrow_mut() =
                                Some(Timeout::new(UNDO_DELETE_MS, move || deleted.set(None)));
                        }
                    });
                    refresh();
                    result
                }
                RowMsg::StartRename(title) | RowMsg::RenameInput(title) => {
                    return renaming.set(Some((id, title)))
                }
                RowMsg::CancelRename => return renaming.set(None),
                RowMsg::CommitRename => {
                    let Some((rid, title)) = (*renaming).clone() else {
                        return;
                    };
                    renaming.set(None);
                    if rid != id {
                        return;
                    }
                    let result = load().and_then(|mut d| {
                        let now = now_ms();
                        let action = Action::SetLine {
                            field: FieldRef::meta(meta_id::TITLE),
                            text: title,
                        };
                        crate::draft::apply(template::of(&d.template_id), &mut d, &action, now);
                        session.with(|s| s.save(&mut d, now)).map(|_| ())
                    });
                    refresh();
                    result
                }
            };
            if let Err(e) = result {
                fail(e.to_string());
            }
        })
    };
    let rows = match &listing {
        Err(e) => html! { <li class="error">{ e.to_string() }</li> },
        Ok(listing) if listing.drafts.is_empty() => html! {
            <li class="empty">{ words(Key::NoDrafts) }</li>
        },
        Ok(listing) => listing
            .drafts
            .iter()
            .map(|summary| {
                let renaming = renaming
                    .as_ref()
                    .filter(|(rid, _)| *rid == summary.id)
                    .map(|(_, t)| t.clone());
                let confirming = confirming.as_deref() == Some(summary.id.as_str());
                draft_row(DraftRowProps {
                    summary: summary.clone(),
                    confirming,
                    renaming,
                    on: on_row.clone(),
                })
            })
            .collect::<Html>(),
    };
    let damaged = listing
        .as_ref()
        .map(|l| l.damaged.clone())
        .unwrap_or_default();
    let undo_delete = deleted.as_ref().map(|record| {
        let (session, deleted, refresh, fail, record) = (
            session.clone(),
            deleted.clone(),
            refresh.clone(),
            fail.clone(),
            record.clone(),
        );
        let title = record.title.clone();
        let onclick = move |_: MouseEvent| {
            if let Err(e) = session.with(|s| s.restore(&record)) {
                fail(e.to_string());
            }
            deleted.set(None);
            refresh();
        };
        html! {
            <div class="toast" role="status" data-toast="deleted">
                { filled(Key::DeletedDraft, &[&if title.is_empty() { tr(Key::UntitledReport) } else { &title }]) }
                <button type="button" data-action="undo-delete" ref={undo_button.clone()} {onclick}>{ words(Key::Undo) }</button>
            </div>
        }
    });
    html! {
        <main class="start">
            <header class="start-head">
                { language_switch(language.as_ref()) }
                <h1>{ words(Key::AppName) }<small>{ words(Key::AppTagline) }</small></h1>
                <p>{ words(Key::StartIntro) }</p>
            </header>
            { offline_note() }
            { storage_note }
            <section class="new-report">
                <h2>{ words(Key::NewReport) }</h2>
                <div class="template-card">
                    <fieldset class="kinds">
                        <legend>{ words(Key::ReportKind) }</legend>
                        <ul class="kind-list">{ kinds }</ul>
                    </fieldset>
                    <label for="new-year">{ words(Key::ReportYear) }</label>
                    <input type="text" id="new-year" inputmode="numeric" maxlength="4" data-field="new-year"
                        value={new_year.to_string()} oninput={set_year} />
                    <button type="button" class="primary" data-action="new-report" onclick={new_report}>{ words(Key::NewReport) }</button>
                    <button type="button" data-action="open-sample" onclick={open_sample}
                        title={tr(Key::OpenSampleTitle)}>{ words(Key::OpenSample) }</button>
                    <button type="button" data-action="open-template" onclick={choose_template_file}
                        title={tr(Key::OpenTemplateTitle)}>{ words(Key::OpenTemplate) }</button>
                    <input type="file" id="template-file" data-field="template-file" accept=".json"
                        hidden=true onchange={on_template_file} />
                </div>
            </section>
            <section class="drafts">
                <h2>{ words(Key::MyReports) }</h2>
                <ul class="draft-list">{ rows }</ul>
                if !damaged.is_empty() {
                    <h3>{ words(Key::DamagedDrafts) }</h3>
                    <ul class="damaged">
                        { for damaged.iter().map(|d| html! { <li key={d.key.clone()} class="error">{ &d.message }</li> }) }
                    </ul>
                }
            </section>
            <ImportPanel on_open={props.on_open.clone()} on_restored={Callback::from({
                let refresh = refresh.clone();
                move |_| refresh()
            })} />
            { undo_delete }
            if let Some(result) = &*message {
                <p class={classes!("message", if result.is_ok() { "ok" } else { "error" })} role="status">
                    { match result { Ok(m) | Err(m) => m.clone() } }
                </p>
            }
        </main>
    }
}

/// Where drafts live, whether the browser promised to keep them, and a
/// reminder to export a backup now and then.
fn storage_note(session: &Session, has_drafts: bool) -> Html {
    use crate::ui::session::Backing;
    let place = match session.backing() {
        Backing::IndexedDb => tr(Key::StoredInIndexedDb),
        Backing::LocalStorage => tr(Key::StoredInLocalStorage),
        Backing::Memory => tr(Key::StoredInMemory),
    };
    let (persisted, persistence) = match session.persisted() {
        Some(true) => ("granted", tr(Key::PersistenceGranted)),
        Some(false) => ("denied", tr(Key::PersistenceDenied)),
        None => ("unknown", ""),
    };
    let last = session.with_store(|s| s.last_backup_ms());
    let reminder = has_drafts
        .then(|| match last {
            None => Some(tr(Key::BackupNever).to_string()),
            Some(ms) => {
                let days = (now_ms() - ms) / 86_400_000;
                (days >= BACKUP_REMINDER_DAYS).then(|| fill(Key::BackupDaysAgo, &[&days]))
            }
        })
        .flatten();
    html! {
        <section class="storage-note" data-persisted={persisted}>
            <p>{ place }{ persistence }</p>
            if let Some(reminder) = reminder {
                <p class="reminder" data-reminder="backup">{ reminder }</p>
            }
        </section>
    }
}
