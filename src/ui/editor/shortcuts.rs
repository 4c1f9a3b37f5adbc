//! Keyboard shortcuts of the wizard — Alt+→ / Alt+← for the next and
//! previous step, Ctrl+P for the app's print (which asks about carried-over
//! text first), Ctrl+S for a backup of the draft instead of the browser's
//! copy of the page — and the 快捷键 dialog that lists them.

use crate::i18n::{tr, Key};
use crate::ui::language::{use_language, words};
use crate::ui::modal::Modal;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    NextStep,
    PreviousStep,
    Print,
    Backup,
}

/// The shortcuts as the help lists them: keys, then what they do.
pub const LIST: &[(Option<&str>, Key)] = &[
    (Some("Alt + →"), Key::ShortcutNext),
    (Some("Alt + ←"), Key::ShortcutPrevious),
    (Some("Ctrl + P"), Key::ShortcutPrint),
    (Some("Ctrl + S"), Key::BackupDraftJson),
    (Some("Ctrl + Z"), Key::Undo),
    // “Ctrl + Shift + Z or Ctrl + Y”, said in the interface's language.
    (None, Key::Redo),
];

/// The shortcut a key press means, if any (⌘ counts as Ctrl).
pub fn shortcut_of(key: &str, ctrl: bool, alt: bool, shift: bool) -> Option<Shortcut> {
    // The keys named here are ASCII; ASCII lowercasing keeps Unicode's case
    // tables (8 KB gzipped) out of the download.
    match (key.to_ascii_lowercase().as_str(), ctrl, alt, shift) {
        ("arrowright", false, true, false) => Some(Shortcut::NextStep),
        ("arrowleft", false, true, false) => Some(Shortcut::PreviousStep),
        ("p", true, false, false) => Some(Shortcut::Print),
        ("s", true, false, false) => Some(Shortcut::Backup),
        _ => None,
    }
}

/// Listens on the whole document while the editor is shown, so the keys
/// work wherever the focus is — but in a dialog the step behind it does
/// not move; `act` is this render's handler. The listener is added once
/// and calls the latest render's handler (not added again with every
/// keystroke's render).
#[hook]
pub fn use_shortcuts(act: Callback<Shortcut>) {
    let latest = use_mut_ref(|| act.clone());
    *latest.borrow_mut() = act;
    use_effect_with((), move |_| {
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let ctrl = e.ctrl_key() || e.meta_key();
                let Some(shortcut) = shortcut_of(&e.key(), ctrl, e.alt_key(), e.shift_key()) else {
                    return;
                };
                // Never the browser's own meaning (Alt+← is its Back).
                e.prevent_default();
                let in_dialog = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("dialog").ok().flatten())
                    .is_some();
                let moves = matches!(shortcut, Shortcut::NextStep | Shortcut::PreviousStep);
                if !(in_dialog && moves) {
                    let act = latest.borrow().clone();
                    act.emit(shortcut);
                }
            },
        );
        move || drop(listener)
    });
}

/// The toolbar's 快捷键 button and the dialog it opens (Escape or 关闭
/// closes it and the focus goes back to the button).
#[component]
pub fn ShortcutHelp() -> Html {
    use_language();
    let open = use_state(|| false);
    let show = {
        let open = open.clone();
        move |_: MouseEvent| open.set(true)
    };
    let hide = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    html! {
        <>
            <button type="button" data-action="shortcuts" onclick={show} aria-haspopup="dialog"
                aria-expanded={open.to_string()}>{ words(Key::Shortcuts) }</button>
            if *open {
                <Modal labelled_by="shortcuts-title" data_dialog="shortcuts" on_escape={hide.clone()}>
                    <h2 id="shortcuts-title">{ words(Key::Shortcuts) }</h2>
                    <table class="shortcuts">
                        <thead><tr><th scope="col">{ words(Key::ShortcutKeys) }</th><th scope="col">{ words(Key::ShortcutAction) }</th></tr></thead>
                        <tbody>
                            { for LIST.iter().map(|(keys, what)| html! {
                                <tr><td><kbd>{ keys.unwrap_or(tr(Key::RedoKeys)) }</kbd></td><td>{ tr(*what) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <button type="button" class="primary" data-action="close-shortcuts"
                        onclick={hide.reform(|_: MouseEvent| ())}>{ words(Key::Close) }</button>
                </Modal>
            }
        </>
    }
}
