//! The interface's message catalogue (`src/i18n/`): every key in both
//! languages, no English entry empty or still Chinese, the same parameters
//! in both, and no Chinese text in the interface's source outside the
//! catalogue.

use baogao::i18n::{self, fill_in, parameters, Key, Lang};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Characters only Chinese text uses: CJK ideographs, CJK punctuation
/// (，。“、”《》【】〔〕…　) and full-width forms (（）：；！？＋).
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
}

fn table(lang: Lang) -> HashMap<Key, Vec<&'static str>> {
    let mut out: HashMap<Key, Vec<&'static str>> = HashMap::new();
    for (key, text) in lang.entries() {
        out.entry(*key).or_default().push(text);
    }
    out
}

#[test]
fn every_key_has_exactly_one_entry_in_each_language() {
    for lang in Lang::ALL {
        let table = table(lang);
        let missing: Vec<_> = Key::ALL.iter().filter(|k| !table.contains_key(k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        let doubled: Vec<_> = table
            .iter()
            .filter(|(_, t)| t.len() > 1)
            .map(|(k, _)| k)
            .collect();
        assert!(
            doubled.is_empty(),
            "{lang:?} has two entries for {doubled:?}"
        );
        assert_eq!(lang.entries().len(), Key::ALL.len(), "{lang:?}");
    }
}

#[test]
fn both_tables_follow_the_keys_order() {
    // Each table lists the keys in declaration order: the two read side by
    // side, and a lookup finds its entry at the key's index.
    for lang in Lang::ALL {
        let keys: Vec<Key> = lang.entries().iter().map(|(k, _)| *k).collect();
        if let Some(i) = keys.iter().zip(Key::ALL).position(|(a, b)| a != b) {
            panic!(
                "{lang:?}: entry {i} is {:?}, the key there is {:?}",
                keys[i],
                Key::ALL[i]
            );
        }
    }
}

#[test]
fn no_entry_is_empty_and_english_is_not_chinese() {
    for lang in Lang::ALL {
        for (key, text) in lang.entries() {
            assert!(!text.trim().is_empty(), "{lang:?} {key:?} is empty");
        }
    }
    for (key, text) in Lang::English.entries() {
        let chinese: String = text.chars().filter(|&c| is_chinese(c)).collect();
        assert!(
            chinese.is_empty(),
            "English {key:?} is still Chinese: {text} ({chinese})"
        );
    }
    // The Chinese entries are Chinese (the switch's names of languages are
    // not in the tables).
    for (key, text) in Lang::Zh.entries() {
        if *key == Key::ListSeparator || *key == Key::LabelColon {
            continue;
        }
        assert!(
            text.chars().any(is_chinese),
            "Chinese {key:?} has no Chinese: {text}"
        );
    }
}

#[test]
fn both_languages_take_the_same_parameters() {
    let zh = table(Lang::Zh);
    for (key, en) in Lang::English.entries() {
        let zh = zh[key][0];
        assert_eq!(parameters(zh), parameters(en), "{key:?}: {zh} / {en}");
        // Every parameter is numbered from 0 without gaps.
        let numbers = parameters(zh);
        assert_eq!(numbers, (0..numbers.len()).collect::<Vec<_>>(), "{key:?}");
    }
}

#[test]
fn the_current_language_chooses_the_text_and_parameters_are_filled() {
    i18n::set_current(Lang::Zh);
    assert_eq!(i18n::tr(Key::NewReport), "新建报告");
    assert_eq!(
        i18n::fill(Key::FindingCounts, &[&2, &1, &0]),
        "必须修改 2 处，建议修改 1 处，可参考 0 处。"
    );
    assert_eq!(i18n::ordinal(2), "二");
    i18n::set_current(Lang::English);
    assert_eq!(i18n::tr(Key::NewReport), "New report");
    assert_eq!(
        i18n::fill(Key::FindingCounts, &[&2, &1, &0]),
        "2 must change, 1 to consider, 0 to note."
    );
    assert_eq!(
        i18n::fill(
            Key::RemoveItemUndoable,
            &[&i18n::fill(Key::NthItem, &[&i18n::ordinal(2)])]
        ),
        "Remove item 2 (can be undone)"
    );
    i18n::set_current(Lang::Zh);
    assert_eq!(
        fill_in("删除{0}（可撤销）", &[&"第二项"]),
        "删除第二项（可撤销）"
    );
}

#[test]
fn a_catalogue_file_reads_back_as_its_table() {
    for lang in Lang::ALL {
        let messages: Vec<String> =
            serde_json::from_str(&i18n::file(lang)).expect("a JSON list of messages");
        assert_eq!(messages.len(), Key::ALL.len());
        let table = i18n::parse_file(messages.clone()).expect("a table");
        assert_eq!(table, lang.entries(), "{lang:?}");
        // A file of another build's keys, or with a message missing, is refused.
        let mut short = messages.clone();
        short.pop();
        assert!(i18n::parse_file(short).is_none());
        let mut blank = messages;
        blank[3] = String::new();
        assert!(i18n::parse_file(blank).is_none());
    }
}

/// The string and character literals of Rust source, comments skipped.
fn literals(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !at(i.wrapping_sub(1)).is_alphanumeric()
        {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if at(i + 1 + hashes) != '"' {
                i += 1;
                continue;
            }
            let start = i + 2 + hashes;
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[start..].iter().collect();
            let len = rest
                .find(&closing)
                .map(|b| rest[..b].chars().count())
                .unwrap_or(rest.chars().count());
            let text: String = chars[start..start + len].iter().collect();
            out.push((line, text.clone()));
            line += text.matches('\n').count();
            i = start + len + closing.chars().count();
        } else if c == '"' {
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                line += usize::from(chars[i] == '\n');
                text.push(chars[i]);
                i += 1;
            }
            out.push((line, text));
            i += 1;
        } else if c == '\'' && (at(i + 2) == '\'' || (at(i + 1) == '\\' && at(i + 3) == '\'')) {
            let len = if at(i + 1) == '\\' { 2 } else { 1 };
            out.push((line, chars[i + 1..i + 1 + len].iter().collect()));
            i += len + 2;
        } else {
            i += 1;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Chinese literals the scanned source may hold, by file: signs that read
/// the same in both languages, and the report's own marks. A text that must stay Chinese in either
/// language (the report's own words) belongs to the core or the templates,
/// not to `src/ui/`; list it here with its file when it cannot.
const ALLOWED: &[(&str, &str)] = &[
    // The zoom buttons' full-width minus and plus, sized like the page's
    // other signs; their names (缩小/放大) are in the catalogue.
    ("src/ui/editor/preview.rs", "－"),
    ("src/ui/editor/preview.rs", "＋"),
    // The marks a fix writes into the report (以“：”结尾, 以“。”结尾).
    ("src/check/mod.rs", "："),
    ("src/check/mod.rs", "。"),
];

#[test]
fn the_interface_source_has_no_chinese_text_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    // Core files whose words are all the interface's: step names,
    // editions, errors of the store, backups, .docx and template files,
    // findings that quote nothing but the report's own words.
    for file in [
        "src/wizard.rs",
        "src/draft/edition.rs",
        "src/draft/summary.rs",
        "src/draft/carried.rs",
        "src/store/error.rs",
        "src/store/storage.rs",
        "src/store/record.rs",
        "src/store/idb.rs",
        "src/store/templates.rs",
        "src/docx/error.rs",
        "src/template/file.rs",
        "src/tools.rs",
        "src/check/mod.rs",
        "src/check/fix.rs",
        "src/check/required.rs",
        "src/check/carried.rs",
    ] {
        files.push(root.join(file));
    }
    assert!(
        files.len() > 30,
        "found the UI's source files: {}",
        files.len()
    );
    let mut found = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read source");
        // Unit tests may speak of the report's Chinese text.
        let code = source
            .split("#[cfg(test)]\nmod tests {")
            .next()
            .unwrap_or_default();
        let name = path
            .strip_prefix(root)
            .expect("under the root")
            .display()
            .to_string();
        for (line, text) in literals(code) {
            if text.chars().any(is_chinese) && !ALLOWED.contains(&(name.as_str(), text.as_str())) {
                found.push(format!("{name}:{line}: \"{text}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese text outside the catalogue:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_scanner_finds_strings_and_skips_comments() {
    let source = "// 注释 \"一\"\n/* 块 \"二\" */ let a = \"三\"; let b = '、'; let c = r#\"四\"#; fn f<'a>(x: &'a str) {}";
    let found: Vec<String> = literals(source).into_iter().map(|(_, t)| t).collect();
    assert_eq!(found, ["三", "、", "四"]);
}
