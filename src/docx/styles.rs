//! `word/styles.xml`: document defaults and the named styles (Normal,
//! Title, heading 1–4, footer). Runs also carry their fonts directly, so the
//! look does not depend on how a reader maps styles; the styles give Word
//! users the navigation pane and sensible defaults for text they add.
//!
//! Layout decisions recorded here:
//! - `w:widowControl` is off: every full page holds all 22 grid lines, as
//!   GB/T 9704 5.2.3 asks, instead of Word pushing a paragraph's last line
//!   to the next page and leaving 21. Standalone headings carry
//!   `w:keepNext` instead, so a heading never ends a page alone.
//! - `w:overflowPunct w:val="1"`: LibreOffice 7.4 reads this flag inverted
//!   and with this value keeps "，。" inside the type area (pushing a
//!   character down instead). Word reads it the documented way — "allow
//!   punctuation to hang past the text extents" — which is also Word's own
//!   default: in Word a line may keep its 28th character and hang a
//!   following "，" or "。" just outside the right margin rather than wrap.
//! - `w:autoSpaceDE`/`w:autoSpaceDN` off: no extra space between Chinese
//!   characters and digits or Latin letters, so "2023年" keeps the grid.

use super::face::{self, Face};
use super::page::{CHAR_SPACING, LINE_PITCH};
use super::props::{fonts, indent, line_spacing, Align, Indent};
use super::xml::XmlWriter;
use super::W_NS;

/// The style id of the title paragraph.
pub(crate) const TITLE: &str = "Title";
/// The style id of the page-number paragraphs.
pub(crate) const FOOTER: &str = "Footer";

/// The style id of a heading level (1–4).
pub(crate) fn heading_style(level: u8) -> &'static str {
    match level {
        1 => "Heading1",
        2 => "Heading2",
        3 => "Heading3",
        _ => "Heading4",
    }
}

/// The whole `word/styles.xml`.
pub(crate) fn styles_xml() -> String {
    let mut w = XmlWriter::new();
    w.open("w:styles", &[("xmlns:w", W_NS)]);
    doc_defaults(&mut w);

    w.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    w.val("w:name", "Normal");
    w.empty("w:qFormat", &[]);
    w.close("w:style");

    w.open(
        "w:style",
        &[
            ("w:type", "character"),
            ("w:default", "1"),
            ("w:styleId", "DefaultParagraphFont"),
        ],
    );
    w.val("w:name", "Default Paragraph Font");
    w.val("w:uiPriority", "1");
    w.empty("w:semiHidden", &[]);
    w.empty("w:unhideWhenUsed", &[]);
    w.close("w:style");

    paragraph_style(
        &mut w,
        TITLE,
        "Title",
        face::TITLE,
        None,
        Indent::None,
        Align::Center,
    );
    for level in 1..=4u8 {
        let name = format!("heading {level}");
        paragraph_style(
            &mut w,
            heading_style(level),
            &name,
            face::heading(level),
            Some(level - 1),
            Indent::FirstLine,
            Align::Justify,
        );
    }
    paragraph_style(
        &mut w,
        FOOTER,
        "footer",
        face::PAGE_NUMBER,
        None,
        Indent::None,
        Align::Right,
    );
    w.close("w:styles");
    w.finish()
}

fn doc_defaults(w: &mut XmlWriter) {
    w.open("w:docDefaults", &[]);
    w.open("w:rPrDefault", &[]);
    w.open("w:rPr", &[]);
    fonts(w, face::BODY);
    let spacing = CHAR_SPACING.to_string();
    w.val("w:spacing", &spacing);
    let size = face::BODY.half_points.to_string();
    w.val("w:sz", &size);
    w.val("w:szCs", &size);
    w.empty(
        "w:lang",
        &[
            ("w:val", "en-US"),
            ("w:eastAsia", "zh-CN"),
            ("w:bidi", "ar-SA"),
        ],
    );
    w.close("w:rPr");
    w.close("w:rPrDefault");
    w.open("w:pPrDefault", &[]);
    w.open("w:pPr", &[]);
    w.val("w:widowControl", "0");
    w.val("w:overflowPunct", "1");
    w.val("w:autoSpaceDE", "0");
    w.val("w:autoSpaceDN", "0");
    line_spacing(w, 0, Some(LINE_PITCH));
    w.val("w:jc", Align::Justify.as_str());
    w.close("w:pPr");
    w.close("w:pPrDefault");
    w.close("w:docDefaults");
}

fn paragraph_style(
    w: &mut XmlWriter,
    id: &str,
    name: &str,
    face: Face,
    outline_level: Option<u8>,
    ind: Indent,
    align: Align,
) {
    w.open("w:style", &[("w:type", "paragraph"), ("w:styleId", id)]);
    w.val("w:name", name);
    w.val("w:basedOn", "Normal");
    w.val("w:next", "Normal");
    w.empty("w:qFormat", &[]);
    w.open("w:pPr", &[]);
    if outline_level.is_some() {
        w.empty("w:keepNext", &[]);
    }
    if id == FOOTER {
        line_spacing(w, 0, None);
    }
    indent(w, ind);
    w.val("w:jc", align.as_str());
    if let Some(level) = outline_level {
        w.val("w:outlineLvl", &level.to_string());
    }
    w.close("w:pPr");
    w.open("w:rPr", &[]);
    fonts(w, face);
    let size = face.half_points.to_string();
    w.val("w:sz", &size);
    w.val("w:szCs", &size);
    w.close("w:rPr");
    w.close("w:style");
}
