//! What can go wrong when a .docx is read or written, in words a clerk can
//! act on.

use crate::i18n::{fill, tr, Key};

/// An error from [`super::read_text`] or [`super::write`]. The message is
/// shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// The file is larger than [`super::MAX_FILE_BYTES`]; refused before
    /// anything is unpacked.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// An old binary Word file (OLE compound document).
    LegacyDoc,
    /// A password-protected .docx (stored inside an OLE container).
    Encrypted,
    /// Not a zip archive at all, or one the reader cannot open.
    NotDocx,
    /// A zip archive without the Word body part `word/document.xml`.
    MissingDocument,
    /// The parts would unpack to more than [`super::MAX_UNPACKED_BYTES`]
    /// (a damaged file or a zip bomb).
    TooLargeUnpacked,
    /// A part is not well-formed XML or not valid UTF-8.
    CorruptXml {
        /// The part's path inside the archive.
        part: String,
        /// What the XML reader reported (technical, for support).
        detail: String,
    },
    /// Writing the archive failed (not expected for an in-memory buffer).
    Write(String),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            DocxError::TooLarge { .. } => tr(Key::DocxTooLarge).to_string(),
            DocxError::LegacyDoc => tr(Key::DocxLegacy).to_string(),
            DocxError::Encrypted => tr(Key::DocxEncrypted).to_string(),
            DocxError::NotDocx => tr(Key::DocxNotDocx).to_string(),
            DocxError::MissingDocument => tr(Key::DocxNoDocument).to_string(),
            DocxError::TooLargeUnpacked => tr(Key::DocxTooLargeUnpacked).to_string(),
            DocxError::CorruptXml { part, detail } => fill(Key::DocxCorrupt, &[part, detail]),
            DocxError::Write(why) => fill(Key::DocxWrite, &[why]),
        })
    }
}

impl std::error::Error for DocxError {}
