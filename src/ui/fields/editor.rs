//! One template field: its label, hint, example and the input for its kind.

use super::date::DateInput;
use super::findings::finding_list;
use super::line::LineInput;
use super::points::PointList;
use super::subsections::SubsectionList;
use super::text_area::TextArea;
use super::year::YearInput;
use super::FieldEvents;
use super::{input_id, DocNumberInput};
use crate::check::Finding;
use crate::document::Anchor;
use crate::draft::{Action, FieldRef, FieldValue};
use crate::i18n::{tr, Key};
use crate::template::{
    fill_year, frame_id, is_official_frame_field, meta_id, FieldKind, FieldSpec,
};
use crate::ui::language::{filled, use_language, words};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldEditorProps {
    pub spec: &'static FieldSpec,
    pub field: FieldRef,
    /// The field's value; `None` for the year, which lives on the draft.
    pub value: Option<FieldValue>,
    pub year: i32,
    pub events: FieldEvents,
    /// What the checks found in this field, shown under it.
    #[prop_or_default]
    pub findings: Rc<Vec<Finding>>,
    /// The field's characters as last counted: while typing, the count
    /// catches up with the checks (`ui::editor::checked`), so the
    /// keystroke's frame neither counts the field nor lays out its heading.
    #[prop_or_default]
    pub chars: usize,
}

/// The `data-field` name of a field: `meta.title`, `plans.points`.
pub fn field_key(field: &FieldRef) -> String {
    format!("{}.{}", field.section_id().unwrap_or("meta"), field.id)
}

/// Where a field's text lands in the composed report.
pub fn field_anchor(field: &FieldRef, path: Vec<usize>) -> Anchor {
    Anchor::new(field.clone(), path)
}

/// Tells the editor where the caret is in a text box whose paragraphs
/// print as blocks anchored at `base` + the paragraph's index.
pub fn caret_reporter(events: &FieldEvents, base: Anchor) -> Callback<(usize, usize)> {
    events
        .caret
        .reform(move |(paragraph, after): (usize, usize)| {
            let mut anchor = base.clone();
            anchor.path.push(paragraph);
            (anchor, after)
        })
}

#[component]
pub fn FieldEditor(props: &FieldEditorProps) -> Html {
    use_language();
    let spec = props.spec;
    let field = props.field.clone();
    let key = field_key(&field);
    let events = props.events.clone();
    let edit = {
        let on_edit = events.edit.clone();
        move |action: Action| on_edit.emit(action)
    };
    let focus = {
        let anchor = field_anchor(&field, Vec::new());
        events.focus.reform(move |_| anchor.clone())
    };
    let blur = events.blur.reform(|_| ());
    let input = match (spec.kind, &props.value) {
        (FieldKind::Year, _) => {
            let edit = edit.clone();
            html! { <YearInput value={props.year} field={key.clone()}
            on_change={Callback::from(move |y| edit(Action::SetYear(y)))} /> }
        }
        (FieldKind::Line, value) if field.section.is_none() && field.id == frame_id::DOC_NUMBER => {
            let text = match value {
                Some(FieldValue::Line(s)) => s.clone(),
                _ => String::new(),
            };
            let (edit, field) = (edit.clone(), field.clone());
            html! { <DocNumberInput value={text} field={key.clone()} on_focus={focus.clone()} on_blur={blur.clone()}
            on_input={Callback::from(move |text| edit(Action::SetLine { field: field.clone(), text }))} /> }
        }
        (FieldKind::Line, value) => {
            let text = match value {
                Some(FieldValue::Line(s)) => s.clone(),
                _ => String::new(),
            };
            let (edit, field) = (edit.clone(), field.clone());
            html! { <LineInput value={text} field={key.clone()} wide=true
            placeholder={fill_year(&spec.example, props.year)} on_focus={focus.clone()} on_blur={blur.clone()}
            on_input={Callback::from(move |text| edit(Action::SetLine { field: field.clone(), text }))} /> }
        }
        (FieldKind::Text, value) => {
            let text = match value {
                Some(FieldValue::Text(ps)) => ps.join("\n"),
                _ => String::new(),
            };
            let (edit, field) = (edit.clone(), field.clone());
            html! { <TextArea value={text} field={key.clone()} on_focus={focus.clone()} on_blur={blur.clone()}
            placeholder={if field.section.is_none() && is_official_frame_field(&field.id) { tr(Key::LinesPlaceholder) } else { tr(Key::ParagraphsPlaceholder) }}
            on_caret={caret_reporter(&events, field_anchor(&field, Vec::new()))}
            on_input={Callback::from(move |text| edit(Action::SetText { field: field.clone(), text }))} /> }
        }
        (FieldKind::Date, value) => {
            let date = match value {
                Some(FieldValue::Date(d)) => *d,
                _ => None,
            };
            let (edit, field) = (edit.clone(), field.clone());
            let set = move |date| {
                if field.section.is_none() && field.id == meta_id::DATE {
                    Action::SetDate(date)
                } else {
                    Action::SetFrameDate {
                        field: field.clone(),
                        date,
                    }
                }
            };
            html! { <DateInput value={date} field={key.clone()} on_focus={focus.clone()}
            on_change={Callback::from(move |d| edit(set(d)))} /> }
        }
        (FieldKind::Subsections, value) => {
            let items = match value {
                Some(FieldValue::Subsections(items)) => items.clone(),
                _ => Vec::new(),
            };
            html! { <SubsectionList field={field.clone()} items={Rc::new(items)} events={events.clone()} /> }
        }
        (FieldKind::Points, value) => {
            let points = match value {
                Some(FieldValue::Points(points)) => points.clone(),
                _ => Vec::new(),
            };
            html! { <PointList field={field.clone()} {points} events={events.clone()} /> }
        }
    };
    let count = props.chars;
    let blank =
        props.value.as_ref().is_none_or(FieldValue::is_blank) && spec.kind != FieldKind::Year;
    let insert_example = {
        let edit = edit.clone();
        let field = field.clone();
        move |_: MouseEvent| {
            edit(Action::InsertExample {
                field: field.clone(),
            })
        }
    };
    let has_example = !spec.example.is_empty() && spec.kind != FieldKind::Year;
    // One input that a label can name; the 发文字号 has three, each labelled.
    let labelled = matches!(
        spec.kind,
        FieldKind::Line | FieldKind::Text | FieldKind::Date | FieldKind::Year
    ) && !(field.section.is_none() && field.id == frame_id::DOC_NUMBER);
    html! {
        <div class={classes!("field", (spec.required && blank).then_some("missing"))} data-field-box={key.clone()}>
            <div class="field-head">
                if labelled {
                    <label class="label" for={input_id(&key)}>{ &spec.label }</label>
                } else {
                    <span class="label" id={format!("{}-name", input_id(&key))}>{ &spec.label }</span>
                }
                if spec.required {
                    <span class="required" title={tr(Key::Required)}>{ words(Key::Required) }</span>
                }
                if spec.required && blank {
                    <span class="missing-note">{ words(Key::NotFilled) }</span>
                }
                if matches!(spec.kind, FieldKind::Text | FieldKind::Subsections | FieldKind::Points) {
                    <span class="count" data-count={key.clone()}>{ filled(Key::CharCount, &[&count]) }</span>
                }
            </div>
            if !spec.hint.is_empty() {
                <p class="hint">{ &spec.hint }</p>
            }
            if labelled {
                { input }
            } else {
                <div role="group" aria-labelledby={format!("{}-name", input_id(&key))}>{ input }</div>
            }
            { finding_list(&props.findings, &events) }
            if has_example {
                <details class="example">
                    <summary>{ words(Key::ExampleHeading) }</summary>
                    <p class="example-text">{ fill_year(&spec.example, props.year) }</p>
                    <button type="button" class="small" data-action="insert-example"
                        data-example-for={key.clone()} onclick={insert_example}>
                        { words(Key::InsertExample) }
                    </button>
                </details>
            }
        </div>
    }
}
