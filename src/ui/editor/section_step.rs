//! One section's step: its heading, hint and example, switching it on or
//! off, moving it, and its fields.

use super::EditorMsg;
use crate::check::Finding;
use crate::draft::{Action, Direction, Draft, FieldRef, FieldValue};
use crate::i18n::Key;
use crate::template::TemplateRef;
use crate::ui::fields::finding_list;
use crate::ui::fields::{FieldEditor, LineInput};
use crate::ui::language::{use_language, words};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionStepProps {
    pub template: TemplateRef,
    pub draft: Rc<Draft>,
    /// The draft as last checked, for the fields' character counts.
    pub checked: Rc<Draft>,
    pub section: String,
    pub findings: Rc<Vec<Finding>>,
    pub on_msg: Callback<EditorMsg>,
}

/// The findings about one field of the frame or a section (or about a
/// section's heading, [`FieldRef::heading`]).
pub fn findings_of(findings: &[Finding], field: &FieldRef) -> Rc<Vec<Finding>> {
    Rc::new(
        findings
            .iter()
            .filter(|f| &f.location.field == field)
            .cloned()
            .collect(),
    )
}

/// The character count of each field in `fields`.
pub fn field_chars<'a>(
    fields: Option<impl IntoIterator<Item = (&'a String, &'a FieldValue)>>,
) -> Vec<(String, usize)> {
    fields
        .into_iter()
        .flatten()
        .map(|(id, value)| (id.clone(), value.char_count()))
        .collect()
}

/// The count of field `id` in what [`field_chars`] gave.
pub fn chars_of(chars: &[(String, usize)], id: &str) -> usize {
    chars.iter().find(|(f, _)| f == id).map_or(0, |(_, n)| *n)
}

#[component]
pub fn SectionStep(props: &SectionStepProps) -> Html {
    use_language();
    let template = props.template.0;
    // The same events while the editor's callback is the same, so that the
    // fields compare equal and only the one edited renders again.
    let events = (*use_memo(props.on_msg.clone(), super::field_events)).clone();
    let chars = use_memo(
        (Rc::clone(&props.checked), props.section.clone()),
        |(checked, section)| field_chars(checked.section(section).map(|s| &s.fields)),
    );
    let draft = &props.draft;
    let Some(section) = draft.section(&props.section) else {
        return html! { <p class="error">{ words(Key::SectionMissing) }</p> };
    };
    let spec = template.section(&section.id);
    let index = draft
        .sections
        .iter()
        .position(|s| s.id == section.id)
        .unwrap_or(0);
    let number = draft.sections[..index].iter().filter(|s| s.enabled).count();
    let edit = |make: Action| EditorMsg::Edit(make);
    let id = section.id.clone();
    let set_heading = props.on_msg.reform(move |heading: String| {
        edit(Action::SetSectionHeading {
            section: id.clone(),
            heading,
        })
    });
    let id = section.id.clone();
    let reset_heading = props.on_msg.reform(move |_: MouseEvent| {
        edit(Action::ResetSectionHeading {
            section: id.clone(),
        })
    });
    let id = section.id.clone();
    let up = props.on_msg.reform(move |_: MouseEvent| {
        edit(Action::MoveSection {
            section: id.clone(),
            direction: Direction::Up,
        })
    });
    let id = section.id.clone();
    let down = props.on_msg.reform(move |_: MouseEvent| {
        edit(Action::MoveSection {
            section: id.clone(),
            direction: Direction::Down,
        })
    });
    let (id, enabled) = (section.id.clone(), section.enabled);
    let toggle = props.on_msg.reform(move |_: Event| {
        edit(Action::SetSectionEnabled {
            section: id.clone(),
            enabled: !enabled,
        })
    });
    let required = spec.is_some_and(|s| s.required);
    let fields = spec.map(|spec| {
        spec.fields.iter().map(|f| {
            let field = FieldRef::section(&section.id, &f.id);
            let found = findings_of(&props.findings, &field);
            html! {
                <FieldEditor key={f.id.clone()} spec={f} {field} value={section.fields.get(&f.id).cloned()}
                    chars={chars_of(&chars, &f.id)}
                    year={draft.year} events={events.clone()} findings={found} />
            }
        }).collect::<Html>()
    });
    let last = draft.sections.len() - 1;
    html! {
        <section class="step-body" data-step={section.id.clone()}>
            <h2>
                if section.enabled {
                    <span class="number">{ crate::document::numbering::heading_number(1, number) }</span>
                }
                { spec.map(|s| s.short.clone()).unwrap_or_default() }
            </h2>
            if let Some(spec) = spec {
                <div class="guide">
                    <p class="hint">{ &spec.hint }</p>
                    if !spec.example.is_empty() {
                        <details class="example">
                            <summary>{ words(Key::SampleWording) }</summary>
                            <p class="example-text">{ crate::template::fill_year(&spec.example, draft.year) }</p>
                        </details>
                    }
                </div>
            }
            <div class="section-tools">
                if !required {
                    <label class="toggle">
                        <input type="checkbox" data-action="toggle-section" checked={section.enabled} onchange={toggle} />
                        { words(Key::IncludeSection) }
                    </label>
                }
                <button type="button" class="small" disabled={index == 0} data-action="section-up" onclick={up}>{ words(Key::SectionUp) }</button>
                <button type="button" class="small" disabled={index == last} data-action="section-down" onclick={down}>{ words(Key::SectionDown) }</button>
            </div>
            if section.enabled {
                <div class="field">
                    <div class="field-head"><label class="label" for={crate::ui::fields::input_id(&format!("{}.heading", section.id))}>{ words(Key::SectionHeading) }</label></div>
                    <p class="hint">{ words(Key::SectionHeadingHint) }</p>
                    <LineInput value={section.heading.clone()} field={format!("{}.heading", section.id)} wide=true on_input={set_heading} />
                    <button type="button" class="small" onclick={reset_heading}>{ words(Key::ResetHeading) }</button>
                    { finding_list(&findings_of(&props.findings, &FieldRef::heading(&section.id)), &events) }
                </div>
                { fields.unwrap_or_default() }
            } else {
                <p class="off-note">{ words(Key::SectionOff) }</p>
            }
        </section>
    }
}
