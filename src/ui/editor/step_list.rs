//! The list of steps: where the writer is, what is done, what is missing.

use super::EditorMsg;
use crate::wizard::Step;
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
        let state = if !step.enabled {
            "off"
        } else if step.is_complete() {
            "done"
        } else if step.missing > 0 {
            "missing"
        } else {
            "open"
        };
        let mark = match state {
            "done" => "✓".to_string(),
            "missing" => format!("缺{}项", step.missing),
            "off" => "未启用".to_string(),
            _ => String::new(),
        };
        html! {
            <li key={step.id.clone()} class={classes!("step", state, (step.id == props.current).then_some("current"))}>
                <button type="button" data-step-link={step.id.clone()} data-state={state} {onclick}>
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
