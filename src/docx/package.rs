//! The zip container: packing the written parts, and opening an uploaded
//! file with the guards an import needs (size, old .doc, encryption, zip
//! bombs) before any XML is parsed.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{DocxError, MAX_FILE_BYTES, MAX_UNPACKED_BYTES};

/// Zips `parts` (path, content) in order, deflated. Entries carry the zip
/// format's default timestamp, so the same document gives the same bytes.
pub(crate) fn pack(parts: &[(&str, String)]) -> Result<Vec<u8>, DocxError> {
    let failed = |e: &dyn std::fmt::Display| DocxError::Write(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, content) in parts {
        zip.start_file(*path, options).map_err(|e| failed(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

/// The signature of an OLE compound file: old .doc files, and .docx files
/// saved with a password.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An opened .docx whose parts are read against a shared budget of
/// unpacked bytes.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Package<'a> {
    /// Checks the size and the kind of file, then opens the zip directory.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(DocxError::TooLarge { bytes: bytes.len() });
        }
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(if is_encrypted_ooxml(bytes) {
                DocxError::Encrypted
            } else {
                DocxError::LegacyDoc
            });
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotDocx)?;
        Ok(Package {
            archive,
            budget: MAX_UNPACKED_BYTES,
        })
    }

    /// The text of the part at `path`, or `None` if the archive has none.
    /// Fails if the part would take the unpacked total past the budget
    /// (checked on the declared size first, then while reading, since a
    /// crafted archive can lie about sizes).
    pub(crate) fn part(&mut self, path: &str) -> Result<Option<String>, DocxError> {
        let file = match self.archive.by_name(path) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(_) => return Err(DocxError::NotDocx),
        };
        if file.size() > self.budget {
            return Err(DocxError::TooLargeUnpacked);
        }
        let mut data = Vec::new();
        file.take(self.budget + 1)
            .read_to_end(&mut data)
            .map_err(|_| DocxError::NotDocx)?;
        let read = data.len() as u64;
        if read > self.budget {
            return Err(DocxError::TooLargeUnpacked);
        }
        self.budget -= read;
        let text = String::from_utf8(data).map_err(|_| DocxError::CorruptXml {
            part: path.to_string(),
            detail: "不是 UTF-8 编码".to_string(),
        })?;
        Ok(Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }))
    }
}

/// Whether an OLE file holds an encrypted OOXML package (its stream
/// directory names "EncryptedPackage", in UTF-16).
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}
