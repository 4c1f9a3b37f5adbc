//! The interface's language in the UI: the writer's choice as a context
//! every component with words subscribes to ([`use_language`]), the switch
//! shown on the start page and in the editor's toolbar, loading a
//! language's table, and applying a language to the page (`<html lang>`,
//! the title).

use crate::i18n::{self, Key, Lang};
use yew::prelude::*;

/// The language now and how to change it (remembered with the UI state).
#[derive(Clone, PartialEq)]
pub struct Language {
    pub lang: Lang,
    pub switch: Callback<Lang>,
}

/// Subscribes the calling component to the language, so it renders again
/// in the other language after a switch; returns the language.
#[hook]
pub fn use_language() -> Lang {
    use_context::<Language>()
        .map(|l| l.lang)
        .unwrap_or_else(i18n::current)
}

/// `lang` once its table is loaded (see `crate::ui::catalogue`), or
/// Chinese with the reason, in Chinese, when it cannot be.
pub async fn ready(lang: Lang) -> (Lang, Option<String>) {
    match crate::ui::catalogue::load(lang).await {
        Ok(()) => (lang, None),
        Err(why) => (
            Lang::Zh,
            Some(i18n::fill(Key::LanguageUnavailable, &[&why])),
        ),
    }
}

/// Makes `lang` the interface's language: the catalogue's choice, the
/// page's `<html lang>` and its title, and the words of the update offer,
/// which `offline.js` (not part of the app) reads from `<html>`.
pub fn apply(lang: Lang) {
    i18n::set_current(lang);
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.html_lang());
        for (name, key) in [
            ("data-update-ready", Key::UpdateReady),
            ("data-update-now", Key::UpdateNow),
            ("data-update-later", Key::UpdateLater),
        ] {
            let _ = root.set_attribute(name, i18n::tr(key));
        }
    }
    document.set_title(i18n::tr(Key::PageTitle));
}

/// Subscribes the calling component to the language, as [`use_language`],
/// and returns the context the switch needs.
#[hook]
pub fn use_language_context() -> Option<Language> {
    use_context::<Language>()
}

/// The switch: a button naming the other language in that language (a
/// plain function, drawn by the component that subscribed with
/// [`use_language_context`]).
pub fn language_switch(language: Option<&Language>) -> Html {
    let Some(language) = language else {
        return Html::default();
    };
    let other = language.lang.other();
    let onclick = language.switch.reform(move |_: MouseEvent| other);
    html! {
        <button type="button" class="language-switch" data-action="switch-language"
            data-language={other.code()} lang={other.html_lang()} title={other.switch_to()}
            aria-label={other.switch_to()} {onclick}>{ other.endonym() }</button>
    }
}

/// `key`'s words in the current language as a text node. The catalogue's
/// words live as long as the program, so the node borrows them instead of
/// copying them twice (to a `String`, then to an `Rc<str>`) as
/// `{ tr(key) }` would; and one function, not the same code at every
/// text of the interface.
#[inline(never)]
pub fn words(key: Key) -> Html {
    Html::VText(yew::virtual_dom::VText::new(AttrValue::Static(i18n::tr(
        key,
    ))))
}

/// `key`'s words with `{0}`, `{1}`… filled (see [`i18n::fill`]) as a text
/// node, made from the filled text without copying it first as
/// `{ fill(…) }` would; one function for every such text.
#[inline(never)]
pub fn filled(key: Key, args: &[&dyn std::fmt::Display]) -> Html {
    Html::VText(yew::virtual_dom::VText::new(AttrValue::from(i18n::fill(
        key, args,
    ))))
}
