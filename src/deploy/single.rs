//! The single-file edition: trunk's page with the stylesheets as `<style>`
//! elements, the app's wasm-bindgen module and wasm inlined in one module
//! script, and the tools worker's script and wasm in a Blob that a classic
//! script turns into the URL the app starts the worker from, and the
//! English interface's catalogue as a JSON data block. Nothing is
//! fetched, so the file works when opened from disk (a file:// page may
//! not load module scripts or fetch wasm).

use super::{csp, file, html, icons, text, Files, TOOLS_JS, TOOLS_WASM};
use crate::deployed::{CATALOGUE_EN, TOOLS_META};
use crate::i18n::Lang;
use base64::Engine;

/// Builds the single file from trunk's release output `trunk`.
pub fn single_file(trunk: &Files) -> Result<String, String> {
    let page = text("index.html", file(trunk, "index.html")?)?;
    super::site::not_development(page)?;
    let mut spans = Vec::new();
    for link in html::tags(page, "link") {
        let href = link.attr("href").unwrap_or_default();
        match link.attr("rel") {
            Some("stylesheet") => {
                let name = href.trim_start_matches("./");
                let css = text(name, file(trunk, name)?)?;
                refuse(name, css, &["</style"])?;
                spans.push((link.start, link.end, format!("<style>{css}</style>")));
            }
            Some("modulepreload") | Some("preload") => {
                spans.push((link.start, link.end, String::new()))
            }
            _ => {}
        }
    }
    let init = html::elements(page, "script")
        .into_iter()
        .find(|s| s.attr("type") == Some("module") && s.attr("src").is_none())
        .ok_or("index.html has no module script starting the app")?;
    let app = app_module(trunk, init.body)?;
    let tools = tools_worker(trunk)?;
    let english = catalogue(Lang::English);
    spans.push((init.start, init.end, format!("{english}\n{tools}\n{app}")));
    let page = html::replace_spans(page, spans);
    let icon = base64::engine::general_purpose::STANDARD.encode(icons::svg());
    let head = format!(
        r#"  <meta name="theme-color" content="{}">
  <link rel="icon" href="data:image/svg+xml;base64,{icon}">"#,
        icons::THEME_COLOR
    );
    let page = html::before_head_end(&page, &head)?;
    html::after_charset(&page, &csp::meta(&csp::policy(&page)))
}

/// Fails when `source` holds a sequence that would end or confuse the
/// HTML element it is inlined in.
fn refuse(name: &str, source: &str, sequences: &[&str]) -> Result<(), String> {
    let lower = source.to_ascii_lowercase();
    match sequences.iter().find(|s| lower.contains(*s)) {
        Some(s) => Err(format!("{name} contains {s:?} and cannot be inlined")),
        None => Ok(()),
    }
}

/// `bytes` as JavaScript that evaluates to a `Uint8Array` of them.
fn bytes_js(bytes: &[u8]) -> String {
    format!(
        "Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0))",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The module script starting the app: the wasm-bindgen glue that trunk's
/// `init` script imports, then its init with the wasm's bytes.
fn app_module(trunk: &Files, init: &str) -> Result<String, String> {
    let quoted = |after: &str| {
        init.split_once(after)
            .and_then(|(_, rest)| rest.split_once('\''))
            .map(|(name, _)| name.trim_start_matches("./").to_string())
            .ok_or_else(|| format!("trunk's init script has no {after}…': {init}"))
    };
    let js_name = quoted("from '")?;
    let wasm_name = quoted("module_or_path: '")?;
    let js = text(&js_name, file(trunk, &js_name)?)?;
    refuse(&js_name, js, &["</script", "<!--"])?;
    if !js.contains("function __wbg_init(") {
        return Err(format!("{js_name} has no __wbg_init"));
    }
    let wasm = file(trunk, &wasm_name)?;
    Ok(format!(
        "<script type=\"module\">{js}\nawait __wbg_init({{ module_or_path: {} }});\n</script>",
        bytes_js(wasm)
    ))
}

/// The classic script that makes the tools worker's Blob URL and names it
/// in the `<meta>` the app reads (see `src/ui/worker.rs`).
fn tools_worker(trunk: &Files) -> Result<String, String> {
    let js = text(TOOLS_JS, file(trunk, TOOLS_JS)?)?;
    let wasm = file(trunk, TOOLS_WASM)?;
    let source = format!(
        "{js}\nwasm_bindgen({{ module_or_path: {} }});\n",
        bytes_js(wasm)
    );
    // A string literal: `</` and `<!` escaped so that nothing in it can end
    // the script element.
    let literal = serde_json::to_string(&source)
        .map_err(|e| e.to_string())?
        .replace("</", "<\\/")
        .replace("<!", "<\\!");
    Ok(format!(
        "<meta name=\"{TOOLS_META}\" content=\"\">\n<script>document.querySelector('meta[name=\"{TOOLS_META}\"]').content = \
         URL.createObjectURL(new Blob([{literal}], {{ type: \"text/javascript\" }}));</script>"
    ))
}

/// `lang`'s catalogue file as the JSON data block the app reads instead of
/// fetching it (see `src/ui/catalogue.rs`): not run, so the
/// Content-Security-Policy needs no hash for it; every `<` written
/// `\u003c`, so that nothing in the text can end the element.
fn catalogue(lang: Lang) -> String {
    let json = crate::i18n::file(lang).replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"{CATALOGUE_EN}\">{json}</script>")
}
