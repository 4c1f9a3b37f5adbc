//! Keyboard shortcuts of the wizard — Alt+→ / Alt+← for the next and
//! previous step, Ctrl+P for the app's print (which asks about carried-over
//! text first), Ctrl+S for a backup of the draft instead of the browser's
//! copy of the page — and the 快捷键 dialog that lists them.

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
pub const LIST: &[(&str, &str)] = &[
    ("Alt + →", "下一步"),
    ("Alt + ←", "上一步"),
    ("Ctrl + P", "打印 / 存为PDF（有未修改的沿用内容时先询问）"),
    ("Ctrl + S", "导出本草稿备份 (.json)"),
    ("Ctrl + Z", "撤销"),
    ("Ctrl + Shift + Z 或 Ctrl + Y", "重做"),
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
/// work wherever the focus is; `act` is this render's handler.
#[hook]
pub fn use_shortcuts(act: Callback<Shortcut>) {
    use_effect(move || {
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(e) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(e) else {
                    return;
                };
                let ctrl = e.ctrl_key() || e.meta_key();
                if let Some(shortcut) = shortcut_of(&e.key(), ctrl, e.alt_key(), e.shift_key()) {
                    e.prevent_default();
                    act.emit(shortcut);
                }
            },
        );
        move || drop(listener)
    });
}

/// The toolbar's 快捷键 button and the dialog it opens.
#[component]
pub fn ShortcutHelp() -> Html {
    let open = use_state(|| false);
    let show = {
        let open = open.clone();
        move |_: MouseEvent| open.set(true)
    };
    let hide = {
        let open = open.clone();
        move |_: MouseEvent| open.set(false)
    };
    let escape = {
        let open = open.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        }
    };
    // The dialog takes the focus when it opens.
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with(*open, move |open| {
            if *open {
                if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    html! {
        <>
            <button type="button" data-action="shortcuts" onclick={show} aria-haspopup="dialog"
                aria-expanded={open.to_string()}>{"快捷键"}</button>
            if *open {
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                    data-dialog="shortcuts" onkeydown={escape}>
                    <h2 id="shortcuts-title">{"快捷键"}</h2>
                    <table class="shortcuts">
                        <thead><tr><th scope="col">{"按键"}</th><th scope="col">{"作用"}</th></tr></thead>
                        <tbody>
                            { for LIST.iter().map(|(keys, what)| html! {
                                <tr><td><kbd>{ *keys }</kbd></td><td>{ *what }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <button type="button" class="primary" data-action="close-shortcuts" ref={close_ref}
                        onclick={hide}>{"关闭"}</button>
                </div>
            }
        </>
    }
}
