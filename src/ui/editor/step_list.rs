//! The list of steps: where the writer is, what is done, what must or
//! should still be changed, and how many paragraphs are carried over. A
//! step's count opens the step at its first finding.

use super::EditorMsg;
use crate::check::{Check, Finding};
use crate::i18n::{fill, tr, Key};
use crate::ui::language::{filled, use_language};
use crate::wizard::{Step, STEP_BASIC, STEP_REVIEW};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub steps: Vec<Step>,
    pub current: String,
    pub findings: Rc<Vec<Finding>>,
    pub on_msg: Callback<EditorMsg>,
}

/// The state a step is shown in: `off`, `open` (nothing to say yet),
/// `missing` (something must be changed), `warning` (something should be
/// looked at) or `done`.
pub fn step_state(step: &Step) -> &'static str {
    if !step.enabled {
        "off"
    } else if step.id == STEP_REVIEW {
        "open"
    } else if step.findings.errors > 0 {
        "missing"
    } else if step.findings.warnings > 0 {
        "warning"
    } else if step.is_complete() {
        "done"
    } else {
        "open"
    }
}

#[component]
pub fn StepList(props: &StepListProps) -> Html {
    use_language();
    let items = props.steps.iter().enumerate().map(|(i, step)| {
        let id = step.id.clone();
        let onclick = props.on_msg.reform(move |_: MouseEvent| EditorMsg::GoTo(id.clone()));
        let review = step.id == STEP_REVIEW;
        let state = step_state(step);
        let (errors, warnings) = (step.findings.errors, step.findings.warnings);
        let mark = match state {
            _ if review && step.findings.total() > 0 => fill(Key::StepToCheck, &[&step.findings.total()]),
            "missing" => fill(Key::StepErrors, &[&errors]),
            "warning" => fill(Key::StepWarnings, &[&warnings]),
            "done" => "✓".to_string(),
            "off" => tr(Key::StepOff).to_string(),
            _ => String::new(),
        };
        // The count leads to the first finding of the step.
        let section = (step.id != STEP_BASIC).then(|| step.id.clone());
        let first = props
            .findings
            .iter()
            .find(|f| review || f.location.field.section == section)
            .map(|f| f.location.clone());
        let count = match (first, mark.is_empty() || state == "done" || state == "off") {
            (Some(location), false) => {
                let go = props.on_msg.reform(move |_: MouseEvent| EditorMsg::Reveal(location.clone()));
                html! {
                    <button type="button" class="step-count" data-count-for={step.id.clone()} onclick={go}
                        title={tr(Key::StepCountTitle)}>{ mark }</button>
                }
            }
            _ if mark.is_empty() => Html::default(),
            _ => html! { <span class="step-mark">{ mark }</span> },
        };
        // The carried-over count leads to the first such paragraph.
        let carried_first = props
            .findings
            .iter()
            .find(|f| f.check == Check::CarriedOver && (review || f.location.field.section == section))
            .map(|f| f.location.clone());
        let carried_go = {
            let on_msg = props.on_msg.clone();
            let id = step.id.clone();
            Callback::from(move |_: MouseEvent| match &carried_first {
                Some(location) => on_msg.emit(EditorMsg::Reveal(location.clone())),
                None => on_msg.emit(EditorMsg::GoTo(id.clone())),
            })
        };
        html! {
            <li key={step.id.clone()} class={classes!("step", state, (step.id == props.current).then_some("current"))}>
                <button type="button" class="step-link" data-step-link={step.id.clone()} data-state={state}
                    data-warnings={warnings.to_string()} {onclick}
                    aria-current={(step.id == props.current).then_some("step")}>
                    <span class="step-no">{ i + 1 }</span>
                    <span class="step-title">{ &step.title }</span>
                    if step.required {
                        <span class="step-required" title={tr(Key::StepRequired)}>{"*"}</span>
                    }
                </button>
                { count }
                if step.carried > 0 && step.enabled {
                    <button type="button" class="step-carried" data-carried={step.carried.to_string()}
                        title={tr(Key::StepCarriedTitle)} onclick={carried_go}>
                        { filled(Key::StepCarried, &[&step.carried]) }
                    </button>
                }
            </li>
        }
    });
    html! {
        <nav class="step-list no-print" aria-label={tr(Key::StepsLabel)}>
            <ol>{ for items }</ol>
        </nav>
    }
}
