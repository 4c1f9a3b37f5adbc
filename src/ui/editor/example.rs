//! The sample report shown as a read-only example: a banner saying so, and
//! 以此为起点新建, which saves the writer's own copy (its paragraphs marked
//! as the example's until edited) and opens it.

use super::EditorMsg;
use crate::draft::{duplicate, Draft, Origin};
use crate::i18n::{tr, Key};
use crate::ui::app::Opened;
use crate::ui::language::words;
use crate::ui::platform::now_ms;
use crate::ui::session::Session;
use crate::ui::start::new_id;
use crate::wizard::STEP_BASIC;
use std::rc::Rc;
use yew::prelude::*;

/// The banner over the sample's steps. A plain function, not a component:
/// it renders as part of the editor.
pub fn example_banner(
    draft: Rc<Draft>,
    session: Option<Session>,
    on_open: Callback<Opened>,
    on_msg: Callback<EditorMsg>,
) -> Html {
    let start_from = move |_: MouseEvent| {
        let now = now_ms();
        let mut copy = duplicate(&draft, new_id(), now);
        copy.mark_all_carried(Origin::Example);
        match session
            .as_ref()
            .map(|s| s.with(|store| store.save(&mut copy, now)))
        {
            Some(Ok(_)) => on_open.emit(Opened::at(copy, STEP_BASIC.to_string())),
            Some(Err(e)) => on_msg.emit(EditorMsg::SaveFailed(e.to_string())),
            None => on_msg.emit(EditorMsg::SaveFailed(tr(Key::StoreUnavailable).to_string())),
        }
    };
    html! {
        <div class="example-banner" role="status" data-example="sample">
            <span class="badge">{ words(Key::ExampleBadge) }</span>
            { words(Key::ExampleNote) }
            <button type="button" class="primary small" data-action="start-from-sample" onclick={start_from}>
                { words(Key::StartFromSample) }
            </button>
        </div>
    }
}
