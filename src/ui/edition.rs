//! The edition switch (报送版 / 公开版), shown in 基本信息 and in 核对与导出:
//! two labelled radio buttons that set the draft's [`Edition`].

use crate::draft::{Action, Edition};
use crate::i18n::Key;
use crate::ui::editor::EditorMsg;
use crate::ui::language::words;
use yew::prelude::*;

/// The switch for `edition`; `place` distinguishes the two switches' ids
/// on one page (`basic`, `review`). A plain function: the step that shows
/// it renders again, in the current language, whenever it could change.
pub fn edition_switch(edition: Edition, place: &str, on_msg: &Callback<EditorMsg>) -> Html {
    let current = edition;
    let options = Edition::ALL.into_iter().map(|edition| {
        let id = format!("edition-{place}-{}", edition.id());
        let onchange = on_msg.reform(move |_: Event| EditorMsg::Edit(Action::SetEdition(edition)));
        html! {
            <span class="edition-option">
                <input type="radio" {id} name={format!("edition-{place}")}
                    value={edition.id()} data-edition={edition.id()}
                    checked={current == edition} {onchange} />
                <label for={format!("edition-{place}-{}", edition.id())}>
                    <strong>{ edition.label() }</strong>{ words(Key::LabelColon) }{ edition.description() }
                </label>
            </span>
        }
    });
    html! {
        <fieldset class="edition-switch" data-edition-switch={place.to_string()}>
            <legend>{ words(Key::EditionQuestion) }</legend>
            { for options }
        </fieldset>
    }
}
