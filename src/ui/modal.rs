//! A modal dialog on the browser's own `<dialog>` opened with
//! `showModal()`: the page behind it is inert, so Tab and Shift+Tab stay
//! among the dialog's controls (wrapping from the last to the first and
//! back, never to the page behind); the focus moves into it when it opens
//! (its `autofocus` control, else its first one) and returns to the
//! control that had it — the one that opened it — when it goes away.
//! Escape closes it only where closing is safe: when the owner gives an
//! `on_escape`; otherwise the dialog stays until one of its buttons is
//! chosen.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The `id` of the dialog's title (its accessible name).
    pub labelled_by: AttrValue,
    /// `alertdialog` for a question that interrupts, else `dialog`.
    #[prop_or(AttrValue::Static("dialog"))]
    pub role: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// What Escape does; `None` where closing without a choice is not safe.
    #[prop_or_default]
    pub on_escape: Option<Callback<()>>,
    #[prop_or_default]
    pub children: Html,
    /// Extra attributes for the journeys: `data-dialog`/`data-confirm`.
    #[prop_or_default]
    pub data_dialog: Option<AttrValue>,
    #[prop_or_default]
    pub data_confirm: Option<AttrValue>,
}

/// The dialog's controls that Tab reaches, in order.
fn tabbable(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(
        "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), \
         textarea:not([disabled]), [tabindex]:not([tabindex='-1'])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog_ref = use_node_ref();
    // Opens on mount; on unmount closes and gives the focus back.
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            let opener = gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
                let first = dialog
                    .query_selector("[autofocus]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    .or_else(|| tabbable(&dialog).into_iter().next());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            }
            move || {
                if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                    dialog.close();
                }
                if let Some(opener) = opener.filter(|o| o.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    // Escape asks the dialog to cancel: the owner closes it, or nothing
    // happens (the browser's own closing is always prevented, so what is
    // shown follows the owner's state).
    let oncancel = {
        let on_escape = props.on_escape.clone();
        move |e: Event| {
            e.prevent_default();
            if let Some(on_escape) = &on_escape {
                on_escape.emit(());
            }
        }
    };
    // Escape as above; Tab from the last control goes to the first and
    // Shift+Tab from the first to the last, rather than out to the
    // browser's own bar.
    let onkeydown = {
        let dialog_ref = dialog_ref.clone();
        let on_escape = props.on_escape.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Handled here rather than by the browser's `cancel`,
                // which Chromium skips for a second Escape in a row.
                e.prevent_default();
                if let Some(on_escape) = &on_escape {
                    on_escape.emit(());
                }
                return;
            }
            if e.key() != "Tab" {
                return;
            }
            let Some(dialog) = dialog_ref.cast::<Element>() else {
                return;
            };
            let controls = tabbable(&dialog);
            let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
                return;
            };
            let active = gloo::utils::document().active_element();
            let at = controls
                .iter()
                .position(|c| active.as_ref() == Some(c.unchecked_ref::<Element>()));
            // From the title (focused when the dialog opened unasked) or
            // the ends of the list, Tab wraps; elsewhere it goes its way.
            let wrap_to = match (at, e.shift_key()) {
                (None, false) => Some(first),
                (None, true) => Some(last),
                (Some(0), true) => Some(last),
                (Some(i), false) if i + 1 == controls.len() => Some(first),
                _ => None,
            };
            if let Some(to) = wrap_to {
                e.prevent_default();
                let _ = to.focus();
            }
        }
    };
    html! {
        <dialog ref={dialog_ref} class={classes!("dialog", props.class.clone())} role={props.role.clone()}
            aria-labelledby={props.labelled_by.clone()} aria-modal="true"
            data-dialog={props.data_dialog.clone()} data-confirm={props.data_confirm.clone()}
            {oncancel} {onkeydown}>
            { props.children.clone() }
        </dialog>
    }
}
