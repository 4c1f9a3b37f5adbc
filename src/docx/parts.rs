//! The small package parts around the body: content types, relationships,
//! settings, font table, the two page-number footers and the document
//! properties.

use super::face::{self, DECLARED};
use super::page::PAGE_NUMBER_INSET;
use super::props::{paragraph_properties, run, run_properties, Align, Indent, Paragraph};
use super::styles::FOOTER;
use super::xml::XmlWriter;
use super::{R_NS, W_NS};

/// Relationship id of the odd-page (default) footer.
pub(crate) const REL_FOOTER_ODD: &str = "rId4";
/// Relationship id of the even-page footer.
pub(crate) const REL_FOOTER_EVEN: &str = "rId5";

/// Path of the odd-page footer part.
pub(crate) const FOOTER_ODD: &str = "word/footer1.xml";
/// Path of the even-page footer part.
pub(crate) const FOOTER_EVEN: &str = "word/footer2.xml";

const CT_WORD: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
const REL_OFFICE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// `[Content_Types].xml`.
pub(crate) fn content_types() -> String {
    let mut w = XmlWriter::new();
    w.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    w.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    w.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let word = [
        ("/word/document.xml", "document.main+xml"),
        ("/word/styles.xml", "styles+xml"),
        ("/word/settings.xml", "settings+xml"),
        ("/word/fontTable.xml", "fontTable+xml"),
        ("/word/footer1.xml", "footer+xml"),
        ("/word/footer2.xml", "footer+xml"),
    ];
    for (part, kind) in word {
        let content_type = format!("{CT_WORD}{kind}");
        w.empty(
            "Override",
            &[("PartName", part), ("ContentType", &content_type)],
        );
    }
    w.empty(
        "Override",
        &[
            ("PartName", "/docProps/core.xml"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.core-properties+xml",
            ),
        ],
    );
    w.empty(
        "Override",
        &[
            ("PartName", "/docProps/app.xml"),
            (
                "ContentType",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            ),
        ],
    );
    w.close("Types");
    w.finish()
}

fn relationships(targets: &[(&str, String, &str)]) -> String {
    let mut w = XmlWriter::new();
    w.open(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target) in targets {
        w.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    w.close("Relationships");
    w.finish()
}

/// `_rels/.rels`: the main document and the two property parts.
pub(crate) fn package_relationships() -> String {
    relationships(&[
        (
            "rId1",
            format!("{REL_OFFICE}officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .to_string(),
            "docProps/core.xml",
        ),
        (
            "rId3",
            format!("{REL_OFFICE}extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

/// `word/_rels/document.xml.rels`.
pub(crate) fn document_relationships() -> String {
    relationships(&[
        ("rId1", format!("{REL_OFFICE}styles"), "styles.xml"),
        ("rId2", format!("{REL_OFFICE}settings"), "settings.xml"),
        ("rId3", format!("{REL_OFFICE}fontTable"), "fontTable.xml"),
        (REL_FOOTER_ODD, format!("{REL_OFFICE}footer"), "footer1.xml"),
        (
            REL_FOOTER_EVEN,
            format!("{REL_OFFICE}footer"),
            "footer2.xml",
        ),
    ])
}

/// `word/settings.xml`: different odd and even footers, no punctuation
/// compression (each full-width mark keeps a full character cell), Word
/// 2013+ layout, Chinese as the East Asian language. Children in schema
/// order.
pub(crate) fn settings() -> String {
    let mut w = XmlWriter::new();
    w.open("w:settings", &[("xmlns:w", W_NS)]);
    w.empty("w:zoom", &[("w:percent", "100")]);
    w.val("w:defaultTabStop", "420");
    w.empty("w:evenAndOddHeaders", &[]);
    w.val("w:characterSpacingControl", "doNotCompress");
    w.open("w:compat", &[]);
    w.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    w.close("w:compat");
    w.empty(
        "w:themeFontLang",
        &[("w:val", "en-US"), ("w:eastAsia", "zh-CN")],
    );
    w.close("w:settings");
    w.finish()
}

/// `word/fontTable.xml`: each face with its GB2312 charset and the name
/// Windows installs it under when the `_GB2312` edition is missing.
pub(crate) fn font_table() -> String {
    let mut w = XmlWriter::new();
    w.open("w:fonts", &[("xmlns:w", W_NS)]);
    for font in &DECLARED {
        w.open("w:font", &[("w:name", font.name)]);
        if let Some(alt) = font.alt_name {
            w.val("w:altName", alt);
        }
        w.val("w:charset", font.charset);
        w.val("w:family", font.family);
        w.val("w:pitch", "variable");
        w.close("w:font");
    }
    w.close("w:fonts");
    w.finish()
}

/// A page-number footer: "— N —" in 4号 宋体 with a PAGE field, right-aligned
/// one character from the right on odd pages, left-aligned one character
/// from the left on even pages (7.5).
pub(crate) fn footer(odd: bool) -> String {
    let mut w = XmlWriter::new();
    w.open("w:ftr", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
    w.open("w:p", &[]);
    let p = Paragraph {
        style: Some(FOOTER),
        line: None,
        indent: if odd {
            Indent::Right(PAGE_NUMBER_INSET)
        } else {
            Indent::Left(PAGE_NUMBER_INSET)
        },
        align: if odd { Align::Right } else { Align::Left },
        ..Paragraph::FLUSH_LEFT
    };
    paragraph_properties(&mut w, &p);
    run(&mut w, face::PAGE_NUMBER, "— ");
    field_char(&mut w, "begin");
    w.open("w:r", &[]);
    run_properties(&mut w, face::PAGE_NUMBER);
    w.element("w:instrText", &[("xml:space", "preserve")], " PAGE ");
    w.close("w:r");
    field_char(&mut w, "separate");
    run(&mut w, face::PAGE_NUMBER, "1");
    field_char(&mut w, "end");
    run(&mut w, face::PAGE_NUMBER, " —");
    w.close("w:p");
    w.close("w:ftr");
    w.finish()
}

fn field_char(w: &mut XmlWriter, kind: &str) {
    w.open("w:r", &[]);
    run_properties(w, face::PAGE_NUMBER);
    w.empty("w:fldChar", &[("w:fldCharType", kind)]);
    w.close("w:r");
}

/// `docProps/core.xml`: the title (shown in the file's properties and as
/// the PDF title when exported).
pub(crate) fn core_properties(title: &str) -> String {
    let mut w = XmlWriter::new();
    w.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    w.element("dc:title", &[], title);
    w.element("dc:language", &[], "zh-CN");
    w.close("cp:coreProperties");
    w.finish()
}

/// `docProps/app.xml`.
pub(crate) fn app_properties() -> String {
    let mut w = XmlWriter::new();
    w.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    w.element("Application", &[], "baogao");
    w.close("Properties");
    w.finish()
}
