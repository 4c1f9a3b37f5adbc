//! The draft the checks look at: the current one, except while the writer
//! types, when the checks — the findings under the fields, the step list's
//! counts, the carried-over paragraphs and the character count — catch up
//! at the browser's next idle moment (at most [`CHECK_WAIT_MS`] later)
//! instead of inside the keystroke's frame, which then only shows the
//! character in the field and on its page.

use crate::draft::Draft;
use crate::ui::platform::when_idle;
use std::rc::Rc;
use yew::prelude::*;

/// Longest time the checks lag behind typing when the browser is never
/// idle (a steady typist gives it a moment after every keystroke).
pub const CHECK_WAIT_MS: u32 = 300;

/// The draft to check for `current`: `current` itself unless `typing`,
/// else the draft last checked until the browser is idle, when the
/// component renders again with `current` checked.
#[hook]
pub fn use_checked_draft(current: Rc<Draft>, typing: bool) -> Rc<Draft> {
    let checked = use_mut_ref(|| Rc::clone(&current));
    let latest = use_mut_ref(|| Rc::clone(&current));
    let waiting = use_mut_ref(|| false);
    let update = use_force_update();
    *latest.borrow_mut() = Rc::clone(&current);
    if !typing {
        *checked.borrow_mut() = Rc::clone(&current);
    }
    let behind = !Rc::ptr_eq(&checked.borrow(), &current);
    if behind && !*waiting.borrow() {
        *waiting.borrow_mut() = true;
        let (checked, latest, waiting) = (checked.clone(), latest.clone(), waiting.clone());
        when_idle(CHECK_WAIT_MS, move || {
            *waiting.borrow_mut() = false;
            let latest = Rc::clone(&latest.borrow());
            if !Rc::ptr_eq(&checked.borrow(), &latest) {
                *checked.borrow_mut() = latest;
                update.force_update();
            }
        });
    }
    let draft = Rc::clone(&checked.borrow());
    draft
}
