//! The interface's words in one catalogue: Simplified Chinese by default,
//! English on the writer's choice.
//!
//! Every text the interface shows — buttons, labels, headings, hints,
//! status, dialogs, aria-labels, titles, error messages — is a [`Key`] with
//! one entry in each language's table (`zh.rs`, `en.rs`); a text with
//! parameters writes them `{0}`, `{1}`… and is filled by [`fill`]. The
//! report itself (what prints, the templates' hints and examples) stays
//! Chinese whatever the language. `tests/i18n.rs` holds the tables to it:
//! every key in both, no English entry empty or still Chinese, the same
//! parameters in both, and no Chinese text left in the interface's source
//! outside this catalogue; both tables list the keys in their order.
//!
//! The language is a per-thread setting (the browser's UI runs on one
//! thread); the UI sets it from the stored choice on load and when the
//! writer switches.
//!
//! Natively both tables are built in. In the browser the app's wasm carries
//! only the Chinese table: the English one is not referenced there, so the
//! linker leaves it out of the first download, and the UI installs it
//! ([`install`]) from [`file`]'s text — a file the deploy build writes
//! beside the app (see `src/ui/catalogue.rs`) — before showing English.
//! The tools worker carries no English either: the page sends it the table
//! with its first request in English (`src/ui/worker.rs`).

mod en;
mod keys;
mod zh;

pub use keys::Key;
use std::cell::Cell;
use std::fmt::Display;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    English,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::English];

    /// The code stored with the UI state: `zh`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::English => "en",
        }
    }

    /// The language of a stored code; anything unknown is the default.
    pub fn from_code(code: &str) -> Lang {
        match code {
            "en" => Lang::English,
            _ => Lang::Zh,
        }
    }

    /// The page's `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::English => "en",
        }
    }

    /// The other language: what the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::English,
            Lang::English => Lang::Zh,
        }
    }

    /// The language's own name, as the switch offers it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::English => "English",
        }
    }

    /// "Switch the interface to this language", said in this language, for
    /// a reader who does not read the current one.
    pub fn switch_to(self) -> &'static str {
        match self {
            Lang::Zh => "界面切换为中文",
            Lang::English => "Switch the interface to English",
        }
    }

    /// Each entry of this language's table, in the table's order; empty
    /// for English in the browser until it is [`install`]ed.
    pub fn entries(self) -> &'static [(Key, &'static str)] {
        match self {
            Lang::Zh => zh::TABLE,
            Lang::English => ENGLISH.with(Cell::get).unwrap_or(BUILT_IN_ENGLISH),
        }
    }

    /// Whether this language's table is at hand (English in the browser:
    /// once installed).
    pub fn is_installed(self) -> bool {
        !self.entries().is_empty()
    }
}

/// The English table built into native code; in the browser none is, so
/// the app's wasm does not carry it (the worker installs it on its own).
#[cfg(not(target_arch = "wasm32"))]
const BUILT_IN_ENGLISH: &[(Key, &str)] = en::TABLE;
#[cfg(target_arch = "wasm32")]
const BUILT_IN_ENGLISH: &[(Key, &str)] = &[];

/// The built-in English table, for a program that carries it (a browser
/// test: a call to this keeps the table in its wasm).
pub fn builtin_english() -> &'static [(Key, &'static str)] {
    en::TABLE
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Zh) };
    static ENGLISH: Cell<Option<&'static [(Key, &'static str)]>> = const { Cell::new(None) };
}

/// Makes `table` the English table from now on (once a page's life: the
/// table lives as long as the program).
pub fn install(table: &'static [(Key, &'static str)]) {
    ENGLISH.with(|e| e.set(Some(table)));
}

/// The text of `lang`'s catalogue file: a JSON array of its messages in
/// the keys' declaration order ([`Key::ALL`]). The deploy build writes
/// English's; [`parse_file`] reads it back.
pub fn file(lang: Lang) -> String {
    let messages: Vec<&str> = Key::ALL.iter().map(|&key| text(lang, key)).collect();
    serde_json::to_string(&messages).unwrap_or_default()
}

/// The table of a catalogue file's messages (see [`file`]), leaked to
/// live as long as the program; `None` unless there is exactly one
/// message for each key, none empty.
pub fn parse_file(messages: Vec<String>) -> Option<&'static [(Key, &'static str)]> {
    if messages.len() != Key::ALL.len() || messages.iter().any(|m| m.is_empty()) {
        return None;
    }
    let table: Vec<(Key, &'static str)> = Key::ALL
        .iter()
        .zip(messages)
        .map(|(&key, m)| (key, &*Box::leak(m.into_boxed_str())))
        .collect();
    Some(Box::leak(table.into_boxed_slice()))
}

/// The interface's language now.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Switches the interface's language (the UI re-renders on its own).
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// `key` in `lang`; a key missing from that table falls back to Chinese
/// (the test `tests/i18n.rs` keeps that from happening).
pub fn text(lang: Lang, key: Key) -> &'static str {
    // The tables list the keys in declaration order, so the entry is
    // usually at the key's own index; otherwise it is looked for.
    let find = |lang: Lang| {
        let table = lang.entries();
        table
            .get(key as usize)
            .filter(|(k, _)| *k == key)
            .or_else(|| table.iter().find(|(k, _)| *k == key))
            .map(|(_, t)| *t)
    };
    find(lang).or_else(|| find(Lang::Zh)).unwrap_or_default()
}

/// `key` in the current language.
pub fn tr(key: Key) -> &'static str {
    text(current(), key)
}

/// `key` in the current language with `{0}`, `{1}`… replaced by `args`.
pub fn fill(key: Key, args: &[&dyn Display]) -> String {
    fill_in(tr(key), args)
}

/// `pattern` with `{0}`, `{1}`… replaced by `args` (an unknown number is
/// left as written).
pub fn fill_in(pattern: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let n: usize = after[..close].parse().ok()?;
            Some((args.get(n)?, close))
        });
        match arg {
            Some((value, close)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The parameter numbers a pattern uses, sorted, each once.
pub fn parameters(pattern: &str) -> Vec<usize> {
    let mut out: Vec<usize> = pattern
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}')?.0.parse().ok())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The `n`th (from 1) as the current language counts in the interface:
/// 二 in Chinese (“删除第二项”), 2 in English.
pub fn ordinal(n: usize) -> String {
    match current() {
        Lang::Zh => crate::document::numbering::chinese(n),
        Lang::English => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_parameters_in_any_order() {
        assert_eq!(fill_in("{1} of {0}", &[&"a", &2]), "2 of a");
        assert_eq!(fill_in("{0}{0}", &[&"x"]), "xx");
        assert_eq!(fill_in("{x} {5} {", &[&1]), "{x} {5} {");
        assert_eq!(parameters("{1}段，共{0}段{1}"), vec![0, 1]);
    }

    #[test]
    fn unknown_codes_are_chinese() {
        assert_eq!(Lang::from_code("en"), Lang::English);
        assert_eq!(Lang::from_code("fr"), Lang::Zh);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), lang);
        }
    }
}
