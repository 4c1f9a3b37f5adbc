//! The deploy build: turns trunk's release output into what is handed out.
//!
//! - [`site`]: the folder to copy to any path of a static web server —
//!   every file named by its content's hash (the tools worker's files
//!   and the English interface's catalogue included), a service worker
//!   generated from that exact file list, a web app manifest with icons,
//!   and a Content-Security-Policy.
//! - [`single_file`]: one self-contained `.html` with the app's wasm, JS and
//!   CSS and the tools worker inlined, which works when opened from disk.
//!
//! Both are built from trunk's output after [`minify_stylesheets`] made its
//! stylesheets smaller.
//!
//! Native only; `src/bin/deploy.rs` runs it from `scripts/build.sh`.

mod csp;
mod css;
mod html;
mod icons;
mod single;
mod site;

pub use crate::deployed::{CATALOGUE_EN_FILE, SINGLE_FILE};
pub use css::minify_stylesheets;
pub use single::single_file;
pub use site::site;

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// What a file of the site counts for in the download budgets: `None` for
/// the single-file edition (handed out, not downloaded by the site), else
/// whether the page downloads it before it is interactive — everything but
/// the on-demand tools worker (`tools*`), the English interface's
/// catalogue (`catalogue*`, fetched when the writer chooses English) and
/// what only the service worker or an install fetches (`sw.js`, the
/// manifest, the PNG icons). `scripts/size.sh` applies the same rule.
pub fn before_interactive(name: &str) -> Option<bool> {
    if name == SINGLE_FILE {
        return None;
    }
    let later = name.starts_with("tools")
        || name.starts_with("catalogue")
        || name == "sw.js"
        || name.starts_with("manifest")
        || name.ends_with(".png");
    Some(!later)
}

/// A build's files by name. trunk writes this app's files side by side, so
/// a build is one flat folder.
pub type Files = BTreeMap<String, Vec<u8>>;

/// The tools worker as trunk writes it: a loader script that imports the
/// wasm-bindgen glue and starts the wasm, all three unhashed.
const TOOLS_LOADER: &str = "tools_loader.js";
const TOOLS_JS: &str = "tools.js";
const TOOLS_WASM: &str = "tools_bg.wasm";

/// Reads every file of the flat folder `dir` (hidden entries such as
/// trunk's `.stage` skipped).
pub fn read_dir(dir: &Path) -> Result<Files, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Files::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            return Err(format!(
                "{}: a folder in the build; the deploy build expects a flat one",
                path.display()
            ));
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        files.insert(name, bytes);
    }
    Ok(files)
}

/// Replaces the folder `dir` by `files`.
pub fn write_dir(dir: &Path, files: &Files) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Writes [`CATALOGUE_EN_FILE`] into the folder `dir`.
pub fn write_catalogue(dir: &Path) -> Result<(), String> {
    let path = dir.join(CATALOGUE_EN_FILE);
    std::fs::write(&path, crate::i18n::file(crate::i18n::Lang::English))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// SHA-256 of `bytes`.
fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The first 16 hex digits of the SHA-256 of `bytes`: what goes into a
/// file's name.
pub fn content_hash(bytes: &[u8]) -> String {
    sha256(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `stem-<hash>suffix`, the hash taken from `bytes`.
fn hashed_name(stem: &str, suffix: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}{suffix}", content_hash(bytes))
}

/// `bytes` as UTF-8 text, or an error naming the file.
fn text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, String> {
    std::str::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))
}

/// The file `name` of the build, or an error saying it is missing.
fn file<'a>(files: &'a Files, name: &str) -> Result<&'a [u8], String> {
    files
        .get(name)
        .map(Vec::as_slice)
        .ok_or_else(|| format!("{name} is missing from the build"))
}

#[cfg(test)]
mod tests;
