//! `word/document.xml`: the report's blocks as paragraphs on the GB/T 9704
//! grid, followed by the section properties (A4, margins, footers).
//!
//! Vertical rhythm: every paragraph has the exact 28.95 pt line, so the
//! page holds 22 lines. Blank lines are empty paragraphs: one under the
//! organ line, one under the title (shortened by the title's 5.3 pt space
//! before, so the addressee is back on the grid) and one between the body
//! and the signature (7.3.5.2).
//!
//! Signature and date: their starts come from
//! [`signature_and_date_starts`], the single source of the 7.3.5.2 rule,
//! in half-width units. The line the rule puts 右空二字 (the date when it
//! is the longer, else the signature) is right-aligned with a
//! two-character right indent, so its right edge holds whatever the
//! reader's digit widths; the other line gets a left indent in twips (half
//! a 15.75 pt character advance per unit) from the same computed start.
//! Word and WPS then place both exactly. LibreOffice 7.4 ignores
//! `w:autoSpaceDE`/`w:autoSpaceDN` and adds about a quarter character
//! between digits and Chinese characters, so there the date "2023年12月18日"
//! is about one character wider than on the grid and starts about one
//! character (instead of two) right of the signature's start.

use super::face::{self, Face};
use super::frame;
use super::page::{
    units_to_twips, FOOTER_DISTANCE, HEADER_DISTANCE, LINE_PITCH, MARGIN_BOTTOM, MARGIN_LEFT,
    MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH, TITLE_GAP, TITLE_SPACE_BEFORE,
};
use super::parts::{REL_FOOTER_EVEN, REL_FOOTER_ODD};
use super::props::{paragraph_properties, run, Align, Indent, Paragraph};
use super::styles::{heading_style, TITLE};
use super::xml::XmlWriter;
use super::{R_NS, W_NS};
use crate::document::{BlockKind, Document, Frame};
use crate::layout::grid::{signature_and_date_starts, text_units, UNITS_PER_LINE};
use crate::layout::lay_out_frame;

/// The whole `word/document.xml` for `doc`, with the frame of a 报送版
/// (版头, 附件说明, 附注, 版记; see [`super::frame`]) when given.
pub(crate) fn document_xml(doc: &Document, official: Option<&Frame>) -> String {
    let mut w = XmlWriter::new();
    w.open("w:document", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)]);
    w.open("w:body", &[]);
    let (signature_start, date_start) = closing_starts(doc);
    let mut previous: Option<&BlockKind> = None;
    let frame_lines = official.map(lay_out_frame);
    if let Some(lines) = &frame_lines {
        frame::head(&mut w, lines);
    }
    let closing = doc
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Signature { .. } | BlockKind::Date { .. }));
    let last_closing = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b.kind, BlockKind::Signature { .. } | BlockKind::Date { .. }));
    let attachments = official.filter(|f| !f.attachments.is_empty());
    let note = official.filter(|f| !f.note.is_empty());
    for (i, block) in doc.blocks.iter().enumerate() {
        if let (Some(f), Some(true)) = (attachments, closing.map(|c| c == i)) {
            blank(&mut w, LINE_PITCH);
            frame::attachments(&mut w, f);
        }
        blank_before(&mut w, previous, &block.kind);
        match &block.kind {
            // Centred on the type area, as the layout sets it.
            BlockKind::Organ { text } => {
                let organ = Paragraph {
                    align: Align::Center,
                    ..Paragraph::FLUSH_LEFT
                };
                paragraph(&mut w, &organ, &[(face::BODY, text)])
            }
            BlockKind::Title { text } => {
                let title = Paragraph {
                    style: Some(TITLE),
                    space_before: TITLE_SPACE_BEFORE,
                    indent: Indent::None,
                    align: Align::Center,
                    ..Paragraph::BODY
                };
                paragraph(&mut w, &title, &[(face::TITLE, text)]);
            }
            BlockKind::Byline { text } => {
                let byline = Paragraph {
                    align: Align::Center,
                    keep_next: true,
                    ..Paragraph::FLUSH_LEFT
                };
                paragraph(&mut w, &byline, &[(face::BODY, text)])
            }
            BlockKind::Addressee { text } => {
                paragraph(&mut w, &Paragraph::FLUSH_LEFT, &[(face::BODY, text)])
            }
            BlockKind::Paragraph { text } | BlockKind::Closing { text } => {
                let p = Paragraph {
                    keep_next: closes_before(doc, i),
                    ..Paragraph::BODY
                };
                paragraph(&mut w, &p, &[(face::BODY, text)])
            }
            BlockKind::Heading {
                level,
                number,
                text,
                run_in,
            } => heading(
                &mut w,
                *level,
                &format!("{number}{text}"),
                run_in.as_deref(),
            ),
            BlockKind::Signature { text } => {
                closing_line(&mut w, signature_start, text, closes_before(doc, i));
            }
            BlockKind::Date { text } => closing_line(&mut w, date_start, text, false),
        }
        if let (Some(f), Some(true)) = (note, last_closing.map(|c| c == i)) {
            frame::note(&mut w, f);
        }
        previous = Some(&block.kind);
    }
    if let Some(f) = attachments.filter(|_| closing.is_none()) {
        blank(&mut w, LINE_PITCH);
        frame::attachments(&mut w, f);
    }
    if let Some(f) = note.filter(|_| last_closing.is_none()) {
        blank(&mut w, LINE_PITCH);
        frame::note(&mut w, f);
    }
    if let (Some(f), Some(lines)) = (official.filter(|f| f.has_record()), &frame_lines) {
        frame::record(&mut w, f, lines);
    }
    section_properties(&mut w);
    w.close("w:body");
    w.close("w:document");
    w.finish()
}

/// Whether the block after `i` is the signature or the date: the last
/// body line, the blank line and the signature keep with the date on one
/// page, as the layout keeps them (`layout::paginate`).
fn closes_before(doc: &Document, i: usize) -> bool {
    doc.blocks
        .get(i + 1)
        .is_some_and(|b| matches!(b.kind, BlockKind::Signature { .. } | BlockKind::Date { .. }))
}

/// The blank line, if any, that goes between `previous` and `next`.
fn blank_before(w: &mut XmlWriter, previous: Option<&BlockKind>, next: &BlockKind) {
    let (height, keep_next) = match (previous, next) {
        (None, _) => return,
        (Some(BlockKind::Organ { .. }), _) => (LINE_PITCH, false),
        (Some(BlockKind::Title { .. }), BlockKind::Byline { .. }) => return,
        (Some(BlockKind::Title { .. } | BlockKind::Byline { .. }), _) => (TITLE_GAP, false),
        (Some(BlockKind::Signature { .. }), BlockKind::Date { .. }) => return,
        (Some(_), BlockKind::Signature { .. } | BlockKind::Date { .. }) => (LINE_PITCH, true),
        _ => return,
    };
    blank_kept(w, height, keep_next);
}

/// An empty paragraph `height` twips high.
fn blank(w: &mut XmlWriter, height: u32) {
    blank_kept(w, height, false);
}

/// An empty paragraph `height` twips high, kept with the next one when
/// `keep_next`.
fn blank_kept(w: &mut XmlWriter, height: u32, keep_next: bool) {
    let blank = Paragraph {
        line: Some(height),
        keep_next,
        ..Paragraph::FLUSH_LEFT
    };
    paragraph(w, &blank, &[]);
}

/// Where the signature and date start, in half-width grid units.
fn closing_starts(doc: &Document) -> (usize, usize) {
    let find = |pick: fn(&BlockKind) -> Option<&str>| {
        doc.blocks.iter().find_map(|b| pick(&b.kind)).unwrap_or("")
    };
    let signature = find(|k| match k {
        BlockKind::Signature { text } => Some(text),
        _ => None,
    });
    let date = find(|k| match k {
        BlockKind::Date { text } => Some(text),
        _ => None,
    });
    signature_and_date_starts(signature, date)
}

/// A signature or date line starting `units` half-width units from the
/// left of the type area: right-aligned 右空二字 when that is where it ends,
/// else indented from the left.
fn closing_line(w: &mut XmlWriter, units: usize, text: &str, keep_next: bool) {
    let right_space = 4;
    let (indent, align) = if units + text_units(text) == UNITS_PER_LINE - right_space {
        (Indent::Right(units_to_twips(right_space)), Align::Right)
    } else {
        (Indent::Left(units_to_twips(units)), Align::Left)
    };
    let p = Paragraph {
        indent,
        align,
        keep_next,
        ..Paragraph::FLUSH_LEFT
    };
    paragraph(w, &p, &[(face::BODY, text)]);
}

/// A heading: the number and heading text in the level's face; a run-in
/// heading continues with the paragraph text in the body face, in the same
/// paragraph. Only standalone headings take the heading style (and so the
/// outline level and `w:keepNext`): a run-in heading is a body paragraph.
fn heading(w: &mut XmlWriter, level: u8, heading: &str, run_in: Option<&str>) {
    let level = level.clamp(1, 4);
    let face = face::heading(level);
    match run_in {
        Some(text) => paragraph(w, &Paragraph::BODY, &[(face, heading), (face::BODY, text)]),
        None => {
            let p = Paragraph {
                style: Some(heading_style(level)),
                keep_next: true,
                ..Paragraph::BODY
            };
            paragraph(w, &p, &[(face, heading)]);
        }
    }
}

/// One paragraph of runs.
fn paragraph(w: &mut XmlWriter, p: &Paragraph, runs: &[(Face, &str)]) {
    w.open("w:p", &[]);
    paragraph_properties(w, p);
    for (face, text) in runs {
        run(w, *face, text);
    }
    w.close("w:p");
}

/// `<w:sectPr>`: two footers (odd pages use the default one), A4, the
/// GB/T 9704 margins and a line pitch that records the 22-line grid
/// without a character grid (a `w:charSpace` grid makes LibreOffice give
/// each character two cells).
fn section_properties(w: &mut XmlWriter) {
    w.open("w:sectPr", &[]);
    w.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", REL_FOOTER_ODD)],
    );
    w.empty(
        "w:footerReference",
        &[("w:type", "even"), ("r:id", REL_FOOTER_EVEN)],
    );
    let twips = |n: u32| n.to_string();
    let (width, height) = (twips(PAGE_WIDTH), twips(PAGE_HEIGHT));
    w.empty("w:pgSz", &[("w:w", &width), ("w:h", &height)]);
    let margins = [
        twips(MARGIN_TOP),
        twips(MARGIN_RIGHT),
        twips(MARGIN_BOTTOM),
        twips(MARGIN_LEFT),
        twips(HEADER_DISTANCE),
        twips(FOOTER_DISTANCE),
    ];
    w.empty(
        "w:pgMar",
        &[
            ("w:top", &margins[0]),
            ("w:right", &margins[1]),
            ("w:bottom", &margins[2]),
            ("w:left", &margins[3]),
            ("w:header", &margins[4]),
            ("w:footer", &margins[5]),
            ("w:gutter", "0"),
        ],
    );
    w.empty("w:pgNumType", &[("w:start", "1")]);
    w.empty("w:cols", &[("w:space", "720")]);
    let pitch = twips(LINE_PITCH);
    w.empty("w:docGrid", &[("w:linePitch", &pitch)]);
    w.close("w:sectPr");
}
