//! The deploy build on a small build shaped as trunk writes this app's.

use super::*;

const INDEX: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>报告 · 写作助手</title>
  <link rel="stylesheet" href="./app-0123456789abcdef.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from './baogao-fedcba9876543210.js';
const wasm = await init({ module_or_path: './baogao-fedcba9876543210_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./baogao-fedcba9876543210.js" crossorigin="anonymous" integrity="sha384-y"><link rel="preload" href="./baogao-fedcba9876543210_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
<body></body>
</html>"#;

const APP_JS: &str = "let wasm;\nasync function __wbg_init(module_or_path) { return 1; }\nexport default __wbg_init;\n";
const TOOLS_JS_TEXT: &str = "let wasm_bindgen = function () {};\nconst s = '</script>';\n";

fn trunk_build() -> Files {
    let mut files = Files::new();
    let mut add = |name: &str, bytes: &[u8]| files.insert(name.to_string(), bytes.to_vec());
    add("index.html", INDEX.as_bytes());
    add("app-0123456789abcdef.css", b"body { color: red; }");
    add("baogao-fedcba9876543210.js", APP_JS.as_bytes());
    add("baogao-fedcba9876543210_bg.wasm", b"\0asm app");
    add(TOOLS_JS, TOOLS_JS_TEXT.as_bytes());
    add(TOOLS_WASM, b"\0asm tools");
    add(
        TOOLS_LOADER,
        br#"importScripts("./tools.js");wasm_bindgen("./tools_bg.wasm");"#,
    );
    // What the hook in Trunk.toml writes (the site writes its own copy).
    add(CATALOGUE_EN_FILE, b"[]");
    files
}

fn page(files: &Files) -> String {
    String::from_utf8(files["index.html"].clone()).expect("utf-8")
}

#[test]
fn every_site_file_but_the_entry_points_is_named_by_its_hash() {
    let site = site(&trunk_build()).expect("site");
    for name in site.keys() {
        if name != "index.html" && name != "sw.js" {
            assert!(site::is_hashed(name), "{name} has no hash");
        }
    }
    assert!(!site.contains_key(TOOLS_JS) && !site.contains_key(TOOLS_LOADER));
    assert!(!site.contains_key(CATALOGUE_EN_FILE));
    let wasm = format!("tools-{}_bg.wasm", content_hash(b"\0asm tools"));
    assert_eq!(site[&wasm], b"\0asm tools");
    // The loader points at the renamed glue and wasm, and the page at the loader.
    let loader = site
        .keys()
        .find(|n| n.ends_with("_loader.js"))
        .expect("a loader");
    let loader_text = String::from_utf8(site[loader].clone()).expect("utf-8");
    let js = format!("tools-{}.js", content_hash(TOOLS_JS_TEXT.as_bytes()));
    assert_eq!(
        loader_text,
        format!(r#"importScripts("./{js}");wasm_bindgen("./{wasm}");"#)
    );
    assert!(page(&site).contains(&format!(
        r#"<meta name="baogao-tools" content="./{loader}">"#
    )));
}

#[test]
fn a_changed_file_changes_its_name_and_the_service_worker() {
    let one = site(&trunk_build()).expect("site");
    let mut changed = trunk_build();
    changed.insert(TOOLS_WASM.into(), b"\0asm tools 2".to_vec());
    let two = site(&changed).expect("site");
    let names = |s: &Files| s.keys().cloned().collect::<Vec<_>>();
    let (a, b) = (names(&one), names(&two));
    let gone: Vec<_> = a.iter().filter(|n| !b.contains(n)).collect();
    // The wasm, and the loader that names it.
    assert_eq!(gone.len(), 2, "{gone:?}");
    assert_ne!(one["sw.js"], two["sw.js"]);
    assert_ne!(one["index.html"], two["index.html"]);
}

#[test]
fn the_service_worker_precaches_exactly_the_built_files() {
    let site = site(&trunk_build()).expect("site");
    let worker = String::from_utf8(site["sw.js"].clone()).expect("utf-8");
    let list = worker
        .split_once("const FILES = ")
        .and_then(|(_, rest)| rest.split_once(";\n"))
        .map(|(list, _)| list)
        .expect("a file list");
    let list: Vec<String> = serde_json::from_str(list).expect("a JSON list");
    let expected: Vec<String> = site.keys().filter(|n| *n != "sw.js").cloned().collect();
    assert_eq!(list, expected);
    assert!(list.contains(&"index.html".to_string()));
    let version = worker
        .split_once("const CACHE = PREFIX + \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(version, _)| version)
        .expect("a cache version");
    assert_eq!(version.len(), 16, "{worker}");
    // The page it must find, by its SHA-256.
    let index: String = sha256(&site["index.html"])
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(worker.contains(&format!("const INDEX_SHA256 = \"{index}\";")));
    assert!(!worker.contains("__"), "every placeholder filled: {worker}");
}

#[test]
fn the_site_page_carries_policy_manifest_icons_and_registration() {
    let site = site(&trunk_build()).expect("site");
    let page = page(&site);
    let csp_at = page.find("Content-Security-Policy").expect("a policy");
    assert!(csp_at < page.find("<link").expect("links"), "policy first");
    assert!(page.contains("'wasm-unsafe-eval'"));
    assert!(!page.contains("'unsafe-eval'"));
    // trunk's init script is allowed by its hash.
    assert_eq!(page.matches("'sha256-").count(), 1, "{page}");
    let manifest = html::tags(&page, "link")
        .into_iter()
        .find(|l| l.attr("rel") == Some("manifest"))
        .and_then(|l| {
            l.attr("href")
                .map(|h| h.trim_start_matches("./").to_string())
        })
        .expect("a manifest link");
    let manifest: serde_json::Value =
        serde_json::from_slice(&site[&manifest]).expect("manifest JSON");
    assert_eq!(manifest["name"], "报告 · 写作助手");
    assert_eq!(manifest["short_name"], "报告");
    assert_eq!(manifest["start_url"], "./");
    let sizes: Vec<&str> = manifest["icons"]
        .as_array()
        .expect("icons")
        .iter()
        .filter_map(|i| i["sizes"].as_str())
        .collect();
    assert_eq!(sizes, ["192x192", "512x512", "512x512", "any"]);
    for icon in manifest["icons"].as_array().expect("icons") {
        let src = icon["src"].as_str().expect("src");
        assert!(site.contains_key(src), "{src} is in the site");
    }
    let script = html::elements(&page, "script")
        .into_iter()
        .find_map(|s| {
            s.attr("src")
                .map(|s| s.trim_start_matches("./").to_string())
        })
        .expect("the registration script");
    assert!(String::from_utf8_lossy(&site[&script]).contains("register(\"./sw.js\")"));
}

#[test]
fn the_single_file_inlines_everything() {
    let single = single_file(&trunk_build()).expect("single file");
    // Nothing is fetched: no stylesheet link, preload, or script source.
    assert!(html::tags(&single, "link")
        .iter()
        .all(|l| l.attr("rel") == Some("icon")
            && l.attr("href").is_some_and(|h| h.starts_with("data:"))));
    assert!(html::elements(&single, "script")
        .iter()
        .all(|s| s.attr("src").is_none()));
    assert!(single.contains("<style>body { color: red; }</style>"));
    assert!(single.contains(APP_JS));
    // The wasm as base64 (of "\0asm app"), passed to the glue's init.
    assert!(single
        .contains("await __wbg_init({ module_or_path: Uint8Array.from(atob(\"AGFzbSBhcHA=\")"));
    // The worker's source is a string literal whose "</script>" is escaped.
    assert_eq!(
        single.matches("</script>").count(),
        3,
        "two scripts and the catalogue"
    );
    assert!(single.contains("const s = '<\\/script>';"));
    assert!(single.contains("URL.createObjectURL(new Blob(["));
    // Two inline scripts and one style, each allowed by its hash.
    assert_eq!(single.matches("'sha256-").count(), 3);
}

/// The English table a catalogue file's text holds.
fn english_of(json: &str) -> Vec<(crate::i18n::Key, &'static str)> {
    let messages: Vec<String> = serde_json::from_str(json).expect("a JSON list");
    crate::i18n::parse_file(messages)
        .expect("a message for every key")
        .to_vec()
}

#[test]
fn the_english_catalogue_is_a_file_of_the_site_and_a_data_block_of_the_single_file() {
    use crate::i18n::Lang;
    let english = Lang::English.entries().to_vec();
    let site = site(&trunk_build()).expect("site");
    let meta = html::tags(&page(&site), "meta")
        .into_iter()
        .find(|m| m.attr("name") == Some(crate::deployed::CATALOGUE_EN))
        .and_then(|m| {
            m.attr("content")
                .map(|c| c.trim_start_matches("./").to_string())
        })
        .expect("the catalogue's <meta>");
    assert!(
        meta.starts_with("catalogue-en-") && site::is_hashed(&meta),
        "{meta}"
    );
    assert_eq!(before_interactive(&meta), Some(false), "fetched on choice");
    let text = String::from_utf8(site[&meta].clone()).expect("utf-8");
    assert_eq!(english_of(&text), english);
    let worker = String::from_utf8(site["sw.js"].clone()).expect("utf-8");
    assert!(worker.contains(&format!("\"{meta}\"")), "precached");

    let single = single_file(&trunk_build()).expect("single file");
    let block = html::elements(&single, "script")
        .into_iter()
        .find(|s| s.attr("id") == Some(crate::deployed::CATALOGUE_EN))
        .expect("the catalogue's data block");
    assert_eq!(block.attr("type"), Some("application/json"));
    assert!(!block.body.contains('<'), "nothing can end the element");
    assert_eq!(english_of(block.body), english);
}

#[test]
fn the_hook_writes_the_english_catalogue_into_trunks_output() {
    let dir = std::env::temp_dir().join(format!("baogao-catalogue-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    write_catalogue(&dir).expect("written");
    let text = std::fs::read_to_string(dir.join(CATALOGUE_EN_FILE)).expect("the file");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(english_of(&text), crate::i18n::Lang::English.entries());
}

#[test]
fn a_build_without_the_tools_worker_is_refused() {
    let mut build = trunk_build();
    build.remove(TOOLS_WASM);
    assert_eq!(
        site(&build).expect_err("no worker"),
        "tools_bg.wasm is missing from the build"
    );
    assert!(single_file(&build).is_err());
}

#[test]
fn a_development_build_is_refused() {
    let mut build = trunk_build();
    let page = INDEX.replace(
        "</body>",
        "<script>const url = protocol + '://' + address + base + '.well-known/trunk/ws';</script></body>",
    );
    build.insert("index.html".into(), page.into_bytes());
    let refused = site(&build).expect_err("a trunk serve build");
    assert!(refused.contains("live-reload"), "{refused}");
    assert!(single_file(&build).is_err());
}

#[test]
fn the_budgets_count_what_the_page_fetches_before_it_is_interactive() {
    use super::before_interactive;
    assert_eq!(before_interactive("index.html"), Some(true));
    assert_eq!(before_interactive("baogao-1a2b3c_bg.wasm"), Some(true));
    assert_eq!(before_interactive("app-1a2b3c.css"), Some(true));
    assert_eq!(before_interactive("tools-1a2b3c_bg.wasm"), Some(false));
    assert_eq!(before_interactive("sw.js"), Some(false));
    assert_eq!(
        before_interactive("manifest-1a2b3c.webmanifest"),
        Some(false)
    );
    assert_eq!(before_interactive("icon-192-1a2b3c.png"), Some(false));
    assert_eq!(before_interactive(super::SINGLE_FILE), None);
}

#[test]
fn trunks_hashes_without_leading_zeros_count_as_hashes() {
    for name in [
        "baogao-94f0f9aa7d0a7c0.js",
        "baogao-94f0f9aa7d0a7c0_bg.wasm",
        "app-2a987ff3078bf2b0.css",
        "tools-0864eaf5b26ffebf_loader.js",
    ] {
        assert!(site::is_hashed(name), "{name}");
    }
    for name in [
        "app.css",
        "baogao-main.js",
        "icon-1.png",
        "baogao-94f0f9aa7d0a7c0aa.js",
    ] {
        assert!(!site::is_hashed(name), "{name}");
    }
}
