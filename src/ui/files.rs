//! Reading files the user picks: size checks before reading, bytes through
//! the File API, and text decoded as UTF-8 or, failing that, as GB18030
//! (what Chinese Windows Notepad and WPS save by default).

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
        return Err(format!(
            "文件“{}”太大（{}.{} MB），超过 20 MB 的上限。报告正文通常不到 1 MB，请确认选对了文件。",
            file.name(),
            tenths / 10,
            tenths % 10
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("无法读取文件“{}”。", file.name()))?;
    let buffer: js_sys::ArrayBuffer = buffer
        .dyn_into()
        .map_err(|_| format!("无法读取文件“{}”。", file.name()))?;
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
        .map_err(|_| "浏览器无法识别这个文本文件的编码。".to_string())?;
    decoder.decode_with_u8_array(bytes).map_err(|_| {
        "无法识别这个文本文件的编码，请另存为 UTF-8 编码的 .txt 后再导入。".to_string()
    })
}
