//! The edition switch (报送版 / 公开版), shown in 基本信息 and in 核对与导出:
//! two labelled radio buttons that set the draft's [`Edition`].

use crate::draft::{Action, Edition};
use crate::i18n::Key;
use crate::ui::editor::EditorMsg;
use crate::ui::language::{use_language, words};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditionSwitchProps {
    pub edition: Edition,
    /// Distinguishes the two switches' ids on one page: `basic`, `review`.
    pub place: AttrValue,
    pub on_msg: Callback<EditorMsg>,
}

#[component]
pub fn EditionSwitch(props: &EditionSwitchProps) -> Html {
    use_language();
    let options = Edition::ALL.into_iter().map(|edition| {
        let id = format!("edition-{}-{}", props.place, edition.id());
        let onchange = props
            .on_msg
            .reform(move |_: Event| EditorMsg::Edit(Action::SetEdition(edition)));
        html! {
            <span class="edition-option">
                <input type="radio" {id} name={format!("edition-{}", props.place)}
                    value={edition.id()} data-edition={edition.id()}
                    checked={props.edition == edition} {onchange} />
                <label for={format!("edition-{}-{}", props.place, edition.id())}>
                    <strong>{ edition.label() }</strong>{ words(Key::LabelColon) }{ edition.description() }
                </label>
            </span>
        }
    });
    html! {
        <fieldset class="edition-switch" data-edition-switch={props.place.clone()}>
            <legend>{ words(Key::EditionQuestion) }</legend>
            { for options }
        </fieldset>
    }
}
