//! Paragraph and run properties, written in the schema's element order
//! (Word rejects some parts whose children are out of order).

use super::face::Face;
use super::page::{CHAR_SPACING, FIRST_LINE_INDENT, LINE_PITCH};
use super::xml::XmlWriter;

/// Horizontal alignment (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Justify,
    Right,
}

impl Align {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Justify => "both",
            Align::Right => "right",
        }
    }
}

/// Indentation (`w:ind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Indent {
    /// Flush left (顶格).
    None,
    /// Two characters on the first line (左空二字), continuation lines flush
    /// left: `w:firstLineChars="200"` for Word and WPS, which measure it in
    /// characters, and the same in twips for readers that do not.
    FirstLine,
    /// The whole paragraph starts this many twips right of the margin.
    Left(u32),
    /// The whole paragraph ends this many twips left of the right margin.
    Right(u32),
}

/// The properties of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The paragraph style id, if not Normal.
    pub style: Option<&'static str>,
    /// Keep on the same page as the next paragraph (headings).
    pub keep_next: bool,
    /// Space before, in twips.
    pub space_before: u32,
    /// Exact line height in twips, or `None` for single spacing.
    pub line: Option<u32>,
    pub indent: Indent,
    pub align: Align,
}

impl Paragraph {
    /// A justified body paragraph on the 28.95 pt grid, first line indented.
    pub(crate) const BODY: Paragraph = Paragraph {
        style: None,
        keep_next: false,
        space_before: 0,
        line: Some(LINE_PITCH),
        indent: Indent::FirstLine,
        align: Align::Justify,
    };

    /// A flush-left paragraph (addressee, blank lines).
    pub(crate) const FLUSH_LEFT: Paragraph = Paragraph {
        indent: Indent::None,
        align: Align::Left,
        ..Paragraph::BODY
    };
}

/// Writes `<w:pPr>` for `p`.
pub(crate) fn paragraph_properties(w: &mut XmlWriter, p: &Paragraph) {
    w.open("w:pPr", &[]);
    if let Some(style) = p.style {
        w.val("w:pStyle", style);
    }
    if p.keep_next {
        w.empty("w:keepNext", &[]);
    }
    line_spacing(w, p.space_before, p.line);
    indent(w, p.indent);
    w.val("w:jc", p.align.as_str());
    w.close("w:pPr");
}

/// Writes `<w:spacing>`: space before, none after, and the line height
/// (exact, or single when `None`).
pub(crate) fn line_spacing(w: &mut XmlWriter, before: u32, line: Option<u32>) {
    let before = before.to_string();
    let (line, rule) = match line {
        Some(twips) => (twips.to_string(), "exact"),
        None => ("240".to_string(), "auto"),
    };
    w.empty(
        "w:spacing",
        &[
            ("w:before", &before),
            ("w:after", "0"),
            ("w:line", &line),
            ("w:lineRule", rule),
        ],
    );
}

/// Writes `<w:ind>`.
pub(crate) fn indent(w: &mut XmlWriter, indent: Indent) {
    match indent {
        Indent::None => w.empty("w:ind", &[("w:firstLine", "0")]),
        Indent::FirstLine => {
            let twips = FIRST_LINE_INDENT.to_string();
            w.empty(
                "w:ind",
                &[("w:firstLineChars", "200"), ("w:firstLine", &twips)],
            );
        }
        Indent::Left(twips) => {
            let twips = twips.to_string();
            w.empty("w:ind", &[("w:left", &twips), ("w:firstLine", "0")]);
        }
        Indent::Right(twips) => {
            let twips = twips.to_string();
            w.empty("w:ind", &[("w:right", &twips), ("w:firstLine", "0")]);
        }
    }
}

/// Writes `<w:rFonts>` for `face`.
pub(crate) fn fonts(w: &mut XmlWriter, face: Face) {
    w.empty(
        "w:rFonts",
        &[
            ("w:ascii", face.latin),
            ("w:hAnsi", face.latin),
            ("w:eastAsia", face.east_asia),
            ("w:cs", face.latin),
            ("w:hint", "eastAsia"),
        ],
    );
}

/// Writes `<w:rPr>` for a run in `face`: the fonts (with the East Asian
/// hint, so that quotation marks “” take the Chinese face and its full
/// width), −0.25 pt character spacing and the size.
pub(crate) fn run_properties(w: &mut XmlWriter, face: Face) {
    w.open("w:rPr", &[]);
    fonts(w, face);
    let spacing = CHAR_SPACING.to_string();
    w.val("w:spacing", &spacing);
    let size = face.half_points.to_string();
    w.val("w:sz", &size);
    w.val("w:szCs", &size);
    w.close("w:rPr");
}

/// Writes one run of `text` in `face`. Tabs become `<w:tab/>` and line
/// breaks `<w:br/>`, the inverse of what the reader does.
pub(crate) fn run(w: &mut XmlWriter, face: Face, text: &str) {
    w.open("w:r", &[]);
    run_properties(w, face);
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            w.empty("w:br", &[]);
        }
        first = false;
        let mut first_cell = true;
        for piece in line.split('\t') {
            if !first_cell {
                w.empty("w:tab", &[]);
            }
            first_cell = false;
            if !piece.is_empty() {
                w.element("w:t", &[("xml:space", "preserve")], piece);
            }
        }
    }
    w.close("w:r");
}
