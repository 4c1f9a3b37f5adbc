//! What the checks found about one field, shown under it in the colour of
//! its severity, each with its fix and a way to the place it names.

use super::FieldEvents;
use crate::check::{Finding, Severity};
use crate::i18n::{tr, Key};
use crate::ui::language::words;
use yew::prelude::*;

/// The label and CSS class of a severity, as the writer reads it.
pub fn severity_label(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => (tr(Key::SeverityError), "error"),
        Severity::Warning => (tr(Key::SeverityWarning), "warning"),
        Severity::Info => (tr(Key::SeverityInfo), "info"),
    }
}

/// The findings about one field as a list (nothing when there are none).
/// A plain function, not a component: it renders as part of its field.
pub fn finding_list(findings: &[Finding], events: &FieldEvents) -> Html {
    if findings.is_empty() {
        return Html::default();
    }
    let items = findings.iter().enumerate().map(|(i, f)| {
        let (label, class) = severity_label(f.severity);
        let location = f.location.clone();
        let go = events.reveal.reform(move |_: MouseEvent| location.clone());
        let fix = f.fix.clone().map(|fix| {
            let text = fix.label();
            let onclick = events.fix.reform(move |_: MouseEvent| fix.clone());
            html! { <button type="button" class="small" data-action="fix" {onclick}>{ text }</button> }
        });
        html! {
            <li key={i} class={classes!("field-finding", class)} data-severity={class}>
                <span class="severity">{ label }</span>
                <span class="finding-message">{ &f.message }</span>
                <button type="button" class="small link" data-action="show-finding" onclick={go}>{ words(Key::Locate) }</button>
                { fix }
            </li>
        }
    });
    html! { <div role="status" aria-live="polite"><ul class="field-findings">{ for items }</ul></div> }
}
