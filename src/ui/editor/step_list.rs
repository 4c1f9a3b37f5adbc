//! The list of steps: where the writer is, what is done, what is missing.

use super::EditorMsg;
use crate::wizard::{Step, STEP_REVIEW};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub steps: Vec<Step>,
    pub current: String,
    pub on_msg: Callback<EditorMsg>,
}

#[component]
pub fn StepList(props: &StepListProps) -> Html {
    let items = props.steps.iter().enumerate().map(|(i, step)| {
        let id = step.id.clone();
        let onclick = props.on_msg.reform(move |_: MouseEvent| EditorMsg::GoTo(id.clone()));
        let review = step.id == STEP_REVIEW;
        let state = if !step.enabled {
            "off"
        } else if review {
            "open"
        } else if step.findings.errors > 0 {
            "missing"
        } else if step.is_complete() {
            "done"
        } else {
            "open"
        };
        let warnings = step.findings.warnings;
        let mark = match state {
            _ if review && step.findings.total() > 0 => format!("{}处待查", step.findings.total()),
            "missing" => format!("缺{}项", step.findings.errors),
            "done" if warnings > 0 => format!("✓ {warnings}处提醒"),
            "done" => "✓".to_string(),
            "off" => "未启用".to_string(),
            _ => String::new(),
        };
        html! {
            <li key={step.id.clone()} class={classes!("step", state, (step.id == props.current).then_some("current"))}>
                <button type="button" data-step-link={step.id.clone()} data-state={state}
                    data-warnings={warnings.to_string()} {onclick}>
                    <span class="step-no">{ i + 1 }</span>
                    <span class="step-title">{ &step.title }</span>
                    if step.required {
                        <span class="step-required" title="必备内容">{"*"}</span>
                    }
                    <span class="step-mark">{ mark }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="step-list no-print" aria-label="写作步骤">
            <ol>{ for items }</ol>
        </nav>
    }
}
