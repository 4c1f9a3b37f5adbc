//! Reading files the user picks: size checks before reading, bytes through
//! the File API, and text decoded as UTF-8 or, failing that, as GB18030
//! (what Chinese Windows Notepad and WPS save by default).

use crate::i18n::{fill, tr, Key};
use wasm_bindgen::JsCast;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// What kind of file the user picked, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Docx,
    Backup,
    Doc,
    Other,
}

pub fn kind_of(name: &str) -> FileKind {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".txt") || lower.ends_with(".md") {
        FileKind::Text
    } else if lower.ends_with(".docx") || lower.ends_with(".wps") {
        FileKind::Docx
    } else if lower.ends_with(".json") {
        FileKind::Backup
    } else if lower.ends_with(".doc") {
        FileKind::Doc
    } else {
        FileKind::Other
    }
}

/// Reads the whole file, refusing files over [`MAX_FILE_BYTES`].
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_FILE_BYTES {
        // Tenths of a megabyte in integers: no float printer in the download.
        let tenths = (file.size() / 1024.0 / 1024.0 * 10.0).round() as u64;
        return Err(fill(
            Key::FileTooLarge,
            &[
                &file.name(),
                &format_args!("{}.{}", tenths / 10, tenths % 10),
            ],
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| fill(Key::FileUnreadable, &[&file.name()]))?;
    let buffer: js_sys::ArrayBuffer = buffer
        .dyn_into()
        .map_err(|_| fill(Key::FileUnreadable, &[&file.name()]))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Decodes text saved as UTF-8 (with or without BOM) or GB18030/GBK.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .map_err(|_| tr(Key::EncodingUnsupported).to_string())?;
    decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| tr(Key::EncodingUnknown).to_string())
}
