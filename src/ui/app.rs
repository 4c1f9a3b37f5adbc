//! The root component.

use super::pages::Sheets;
use crate::document::compose;
use crate::draft::{split_paragraphs, Draft, FieldValue};
use crate::layout::lay_out;
use crate::render::text;
use crate::sample::seed_draft;
use crate::template::{annual_report, FieldKind, FieldSpec};
use std::rc::Rc;
use yew::prelude::*;

/// Edits the app can make to the draft.
pub enum Edit {
    Meta(String, String),
    Section(String, String, String),
    /// Replace the draft with the sample report.
    OpenSample,
}

#[derive(Clone, PartialEq)]
struct State {
    draft: Rc<Draft>,
}

impl Reducible for State {
    type Action = Edit;

    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut draft = (*self.draft).clone();
        let spec_kind = |spec: Option<&FieldSpec>| spec.map(|f| f.kind);
        match action {
            Edit::Meta(id, value) => {
                let kind = spec_kind(annual_report().meta_field(&id));
                draft.meta.insert(id, typed(kind, &value));
            }
            Edit::Section(sid, fid, value) => {
                let kind = spec_kind(annual_report().section(&sid).and_then(|s| s.field(&fid)));
                if let Some(section) = draft.section_mut(&sid) {
                    section.fields.insert(fid, typed(kind, &value));
                }
            }
            Edit::OpenSample => draft = seed_draft("sample", 0),
        }
        Rc::new(State {
            draft: Rc::new(draft),
        })
    }
}

fn typed(kind: Option<FieldKind>, value: &str) -> FieldValue {
    match kind {
        Some(FieldKind::Text) => FieldValue::Text(split_paragraphs(value)),
        _ => FieldValue::Line(value.to_string()),
    }
}

fn value_text(value: Option<&FieldValue>) -> String {
    match value {
        Some(FieldValue::Line(s)) => s.clone(),
        Some(FieldValue::Text(ps)) => ps.join("\n"),
        _ => String::new(),
    }
}

/// The application.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State {
        draft: Rc::new(Draft::new(annual_report(), "draft".into(), 2025, 0)),
    });
    let template = annual_report();
    let document = compose(template, &state.draft);
    let preview = text::render(&document);
    let layout = Rc::new(lay_out(&document));
    let open_sample = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Edit::OpenSample))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let field = |key: String, spec: &FieldSpec, value: String, on: Callback<String>| {
        let oninput = move |e: InputEvent| {
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            on.emit(el.value());
        };
        html! {
            <label class="field">
                <span class="label">{ &spec.label }</span>
                <textarea data-field={key} value={value} {oninput} placeholder={spec.hint.clone()} />
            </label>
        }
    };
    let meta = template
        .meta
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::Line | FieldKind::Text))
        .map(|f| {
            let id = f.id.clone();
            let dispatcher = state.dispatcher();
            field(
                format!("meta.{}", f.id),
                f,
                value_text(state.draft.meta(&f.id)),
                Callback::from(move |v| dispatcher.dispatch(Edit::Meta(id.clone(), v))),
            )
        })
        .collect::<Html>();
    let sections = template
        .sections
        .iter()
        .map(|s| {
            let fields = s
                .fields
                .iter()
                .filter(|f| f.kind == FieldKind::Text)
                .map(|f| {
                    let (sid, fid) = (s.id.clone(), f.id.clone());
                    let dispatcher = state.dispatcher();
                    let value = state.draft.section(&s.id).and_then(|d| d.fields.get(&f.id));
                    field(
                        format!("{}.{}", s.id, f.id),
                        f,
                        value_text(value),
                        Callback::from(move |v| {
                            dispatcher.dispatch(Edit::Section(sid.clone(), fid.clone(), v))
                        }),
                    )
                })
                .collect::<Html>();
            html! { <fieldset><legend>{ &s.short }</legend>{ fields }</fieldset> }
        })
        .collect::<Html>();
    html! {
        <main class="app">
            <section class="form no-print">
                <button data-action="open-sample" onclick={open_sample}>{ "打开示例报告" }</button>
                <button data-action="print" onclick={print}>{ "打印" }</button>
                { meta }{ sections }
                <pre id="preview-text" class="preview-text">{ preview }</pre>
            </section>
            <Sheets {layout} />
        </main>
    }
}
