//! What can go wrong when a .docx is read or written, in words a clerk can
//! act on.

use thiserror::Error;

/// An error from [`super::read_text`] or [`super::write`]. The message is
/// shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DocxError {
    /// The file is larger than [`super::MAX_FILE_BYTES`]; refused before
    /// anything is unpacked.
    #[error("文件过大（超过 20 MB），无法导入。请删去文件中的图片，或只把报告正文另存为新的 .docx 后再导入。")]
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// An old binary Word file (OLE compound document).
    #[error("这是旧版 .doc 文件，请在 Word/WPS 中另存为 .docx 后再导入。")]
    LegacyDoc,
    /// A password-protected .docx (stored inside an OLE container).
    #[error("这个文件设置了打开密码，请在 Word/WPS 中取消密码并另存为 .docx 后再导入。")]
    Encrypted,
    /// Not a zip archive at all, or one the reader cannot open.
    #[error("这不是有效的 .docx 文件，可能已损坏或并非 Word 文档。请在 Word/WPS 中打开后另存为 .docx 再导入。")]
    NotDocx,
    /// A zip archive without the Word body part `word/document.xml`.
    #[error("这不是有效的 .docx 文件：压缩包中没有 Word 正文（word/document.xml）。请在 Word/WPS 中另存为 .docx 后再导入。")]
    MissingDocument,
    /// The parts would unpack to more than [`super::MAX_UNPACKED_BYTES`]
    /// (a damaged file or a zip bomb).
    #[error("文件解压后内容过大（超过 50 MB），可能已损坏，无法导入。请在 Word/WPS 中打开并重新另存为 .docx 后再导入。")]
    TooLargeUnpacked,
    /// A part is not well-formed XML or not valid UTF-8.
    #[error(
        "文件中的 {part} 已损坏（{detail}），无法读取。请在 Word/WPS 中打开并重新保存后再导入。"
    )]
    CorruptXml {
        /// The part's path inside the archive.
        part: String,
        /// What the XML reader reported (technical, for support).
        detail: String,
    },
    /// Writing the archive failed (not expected for an in-memory buffer).
    #[error("生成 .docx 文件失败（{0}），请重试；如果问题持续，请改用打印或复制文本。")]
    Write(String),
}
