//! The site: trunk's output with the tools worker's files renamed by their
//! hashes, the English interface's catalogue file, icons and a web app
//! manifest, the script that registers the service worker, a Content-Security-Policy, and `sw.js` listing every
//! file to precache. Only `index.html` and `sw.js` keep fixed names: they
//! are how a browser finds a build.

use super::{content_hash, csp, file, hashed_name, html, icons, text, Files};
use super::{CATALOGUE_EN_FILE, TOOLS_JS, TOOLS_LOADER, TOOLS_WASM};
use crate::deployed::{CATALOGUE_EN, TOOLS_META};
use crate::i18n::Lang;

const INDEX: &str = "index.html";
/// The service worker: its name must not change between builds, or a
/// browser would never see the new one.
pub const SERVICE_WORKER: &str = "sw.js";

/// What `trunk serve` puts in the page it serves and nothing else does:
/// the address of its live-reload WebSocket.
const DEV_RELOAD: &str = ".well-known/trunk/ws";

/// Builds the site from trunk's release output `trunk`.
pub fn site(trunk: &Files) -> Result<Files, String> {
    let mut out = Files::new();
    for (name, bytes) in trunk {
        // The catalogue is written again below, named by its hash.
        let unhashed = [INDEX, TOOLS_LOADER, TOOLS_JS, TOOLS_WASM, CATALOGUE_EN_FILE];
        if !unhashed.contains(&name.as_str()) {
            if !is_hashed(name) {
                return Err(format!(
                    "{name}: trunk left this file's name without a hash"
                ));
            }
            out.insert(name.clone(), bytes.clone());
        }
    }
    let loader = tools_worker(trunk, &mut out)?;
    let page = text(INDEX, file(trunk, INDEX)?)?;
    not_development(page)?;
    let head = head_links(page, &loader, &mut out)?;
    let page = html::before_head_end(page, &head)?;
    let page = html::after_charset(&page, &csp::meta(&csp::policy(&page)))?;
    out.insert(INDEX.into(), page.into_bytes());
    let worker = service_worker(&out)?;
    out.insert(SERVICE_WORKER.into(), worker.into_bytes());
    Ok(out)
}

/// Refuses a page `trunk serve` wrote: its live-reload script must not be
/// deployed.
pub fn not_development(page: &str) -> Result<(), String> {
    if page.contains(DEV_RELOAD) {
        return Err(format!(
            "{INDEX} carries trunk's live-reload script: deploy a `trunk build`, not `trunk serve`"
        ));
    }
    Ok(())
}

/// Whether `name` carries a hash: `stem-<hex>` before its extension (and
/// before wasm-bindgen's `_bg`). Trunk writes its 64-bit hashes in hex
/// without leading zeros, so one build in sixteen has 15 digits or fewer;
/// fewer than 8 happens once in four billion builds.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem
        .strip_suffix("_bg")
        .or_else(|| stem.strip_suffix("_loader"))
        .unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
    })
}

/// Copies the tools worker's three files into `out` under hashed names,
/// the loader pointing at the other two; returns the loader's name.
fn tools_worker(trunk: &Files, out: &mut Files) -> Result<String, String> {
    let wasm = file(trunk, TOOLS_WASM)?;
    let js = file(trunk, TOOLS_JS)?;
    let wasm_name = hashed_name("tools", "_bg.wasm", wasm);
    let js_name = hashed_name("tools", ".js", js);
    let loader = text(TOOLS_LOADER, file(trunk, TOOLS_LOADER)?)?;
    let loader = replace_once(
        loader,
        &format!("\"./{TOOLS_JS}\""),
        &format!("\"./{js_name}\""),
    )?;
    let loader = replace_once(
        &loader,
        &format!("\"./{TOOLS_WASM}\""),
        &format!("\"./{wasm_name}\""),
    )?;
    let loader_name = hashed_name("tools", "_loader.js", loader.as_bytes());
    out.insert(wasm_name, wasm.to_vec());
    out.insert(js_name, js.to_vec());
    out.insert(loader_name.clone(), loader.into_bytes());
    Ok(loader_name)
}

/// `text` with the one occurrence of `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "expected {from} once, found it {n} times in:\n{text}"
        )),
    }
}

/// Adds the icons, the manifest and the service worker's registration
/// script to `out`; returns the tags that name them (and the tools
/// worker's loader) in the page's head.
fn head_links(page: &str, loader: &str, out: &mut Files) -> Result<String, String> {
    let mut add = |stem: &str, suffix: &str, bytes: Vec<u8>| {
        let name = hashed_name(stem, suffix, &bytes);
        out.insert(name.clone(), bytes);
        name
    };
    let svg = add("icon", ".svg", icons::svg().into_bytes());
    let apple = add("apple-touch-icon", ".png", icons::png(180));
    let icon_192 = add("icon-192", ".png", icons::png(192));
    let icon_512 = add("icon-512", ".png", icons::png(512));
    let title = html::elements(page, "title")
        .first()
        .map(|t| t.body.to_string())
        .ok_or("index.html has no <title>")?;
    let short_name = title.split(" · ").next().unwrap_or(&title).to_string();
    let manifest = serde_json::json!({
        "name": title,
        "short_name": short_name,
        "lang": "zh-CN",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#f4f4f2",
        "theme_color": icons::THEME_COLOR,
        "icons": [
            { "src": icon_192, "sizes": "192x192", "type": "image/png" },
            { "src": icon_512, "sizes": "512x512", "type": "image/png" },
            { "src": icon_512, "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": svg, "sizes": "any", "type": "image/svg+xml" },
        ],
    });
    let manifest = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    let manifest = add("manifest", ".webmanifest", manifest);
    let register = add(
        "offline",
        ".js",
        include_str!("offline.js").as_bytes().to_vec(),
    );
    // The English interface's catalogue, fetched when the writer chooses
    // English: trunk's `catalogue-en.json` as `catalogue-en-<hash>.json`.
    let (stem, suffix) = CATALOGUE_EN_FILE
        .rsplit_once('.')
        .ok_or("the catalogue file's name has no extension")?;
    let english = add(
        stem,
        &format!(".{suffix}"),
        crate::i18n::file(Lang::English).into_bytes(),
    );
    Ok([
        format!(
            r#"  <meta name="theme-color" content="{}">"#,
            icons::THEME_COLOR
        ),
        format!(r#"  <link rel="icon" href="./{svg}" type="image/svg+xml">"#),
        format!(r#"  <link rel="apple-touch-icon" href="./{apple}">"#),
        format!(r#"  <link rel="manifest" href="./{manifest}">"#),
        format!(r#"  <meta name="{TOOLS_META}" content="./{loader}">"#),
        format!(r#"  <meta name="{CATALOGUE_EN}" content="./{english}">"#),
        format!(r#"  <script src="./{register}" defer></script>"#),
    ]
    .join("\n"))
}

/// `sw.js` for the site `files`: precaches every one of them, in a cache
/// named by the hash of them all, and checks that the `index.html` it got
/// is this build's.
fn service_worker(files: &Files) -> Result<String, String> {
    let mut all = Vec::new();
    for (name, bytes) in files {
        all.extend(name.as_bytes());
        all.push(0);
        all.extend(content_hash(bytes).as_bytes());
    }
    let list: Vec<&str> = files.keys().map(String::as_str).collect();
    let list = serde_json::to_string(&list).map_err(|e| e.to_string())?;
    let source = include_str!("sw.js");
    let source = replace_once(
        source,
        "\"__VERSION__\"",
        &format!("\"{}\"", content_hash(&all)),
    )?;
    let index: String = super::sha256(file(files, INDEX)?)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let source = replace_once(&source, "\"__INDEX_SHA256__\"", &format!("\"{index}\""))?;
    replace_once(&source, "__FILES__;", &format!("{list};"))
}
