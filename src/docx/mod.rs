//! DOCX export and import, pure Rust.
//!
//! [`write()`] turns a composed [`Document`] into a .docx laid out to
//! GB/T 9704 — A4, the 28 × 22 grid, the typefaces per element, page
//! numbers "— N —" on alternating sides — with the settings measured on
//! LibreOffice 7.4's PDF output (see `docs/gbt9704.md`). [`read_text`]
//! takes the text back out of any .docx for the import parser.
//!
//! The package is the minimal set of parts Word, WPS and LibreOffice need:
//! `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
//! `word/styles.xml`, `word/settings.xml`, `word/fontTable.xml`, two
//! footers, `word/_rels/document.xml.rels` and `docProps/{core,app}.xml`.
//!
//! What Word (and WPS, which follows it) does differently from
//! LibreOffice 7.4, the reader the layout is tested with:
//! - `w:overflowPunct w:val="1"`: LibreOffice reads the flag inverted and
//!   keeps "，。" inside the type area; Word reads it the documented way
//!   ("allow punctuation to extend past the text extents"), so a "，" or
//!   "。" falling after the 28th character hangs in the right margin
//!   instead of pulling a character down to the next line.
//! - `w:autoSpaceDE`/`w:autoSpaceDN` off: Word sets digits tight against
//!   Chinese characters, half a character each, as on the grid;
//!   LibreOffice ignores both flags and adds about a quarter character at
//!   each boundary, so lines with digits hold slightly fewer characters and
//!   the date "2023年12月18日" is about one character wider.
//! - `w:firstLineChars="200"`: Word indents two characters of its own
//!   measure (16 pt each); LibreOffice uses the `w:firstLine` fallback of
//!   2 × 15.75 pt. Either way 26 characters follow on the first line.
//!
//! The zip container is hand-written (see `package`): the `zip` crate
//! would cost about three times as much wasm.

pub(crate) mod body;
mod error;
mod face;
mod frame;
mod lists;
mod package;
pub mod page;
mod parts;
mod props;
mod read;
mod styles;
mod xml;

pub use error::DocxError;

use crate::document::{Document, Frame};
use lists::Lists;
use package::Package;

/// Largest file [`read_text`] accepts: 20 MB.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Largest total of unpacked parts [`read_text`] reads: 50 MB.
pub const MAX_UNPACKED_BYTES: u64 = 50 * 1024 * 1024;

/// The WordprocessingML namespace.
pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace (`r:id`).
pub(crate) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The path of the main document part.
const DOCUMENT: &str = "word/document.xml";

/// Writes `doc` as a .docx file.
pub fn write(doc: &Document) -> Result<Vec<u8>, DocxError> {
    write_edition(doc, None)
}

/// Writes an edition as a .docx file: `doc` alone (公开版), or with the
/// frame of a 报送版 — 版头, 附件说明, 附注 and 版记 (see `frame`).
pub fn write_edition(doc: &Document, official: Option<&Frame>) -> Result<Vec<u8>, DocxError> {
    let title = doc.title().unwrap_or_default();
    package::pack(&[
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_relationships()),
        ("docProps/core.xml", parts::core_properties(title)),
        ("docProps/app.xml", parts::app_properties()),
        (DOCUMENT, body::document_xml(doc, official)),
        (
            "word/_rels/document.xml.rels",
            parts::document_relationships(),
        ),
        ("word/styles.xml", styles::styles_xml()),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        (parts::FOOTER_ODD, parts::footer(true)),
        (parts::FOOTER_EVEN, parts::footer(false)),
    ])
}

/// The text of a .docx: one line per paragraph of `word/document.xml` in
/// reading order (table rows as tab-separated lines), lines joined by
/// `\n`, with Word's automatic list numbers written out. Deleted text,
/// field codes and duplicate fallback content are left out; text boxes
/// become lines of their own.
pub fn read_text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut package = Package::open(bytes)?;
    let document = package.part(DOCUMENT)?.ok_or(DocxError::MissingDocument)?;
    let numbering = package.part("word/numbering.xml")?;
    let styles = package.part("word/styles.xml")?;
    let mut lists = Lists::new(numbering.as_deref(), styles.as_deref());
    read::document_text(&document, &mut lists).map_err(|e| DocxError::CorruptXml {
        part: DOCUMENT.to_string(),
        detail: e.describe(),
    })
}
