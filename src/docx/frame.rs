//! The 报送版's frame in `word/document.xml`: the 版头 on page 1, the
//! 附件说明 and 附注 around the signature, the 版记 at the foot of the
//! last page. Positions come from [`crate::layout::frame`] (rows, starts in
//! grid units), so the DOCX, the preview and the printout follow one rule.
//!
//! * 版头: paragraphs of exact heights that add up to whole grid rows, so
//!   the title and the body after it stay on the 22-line grid. The 标志 is
//!   red 初号 text in the title face, squeezed with `w:w` when wider than
//!   the type area, in a paragraph placed so that its em box's top lies
//!   35 mm below the type area's top. The 发文字号 and the 签发人 share a
//!   paragraph, the 签发人 at a tab stop. The red rule is the bottom border
//!   of a thin paragraph under the 发文字号's row ([`RED_RULE_GAP`]).
//! * 版记: paragraphs in one frame (`w:framePr`) aligned to the bottom of
//!   the type area, so it lies on the last page's bottom edge in Word, WPS
//!   and LibreOffice alike; the rules are paragraph borders (top of the
//!   first row, top of the 印发 row, bottom of the 印发 row), which all
//!   three draw. Its rows have the grid's exact line height.

use super::face::{self, Face};
use super::page::CHAR_SPACING;
use super::page::{units_to_twips, LINE_PITCH, MARGIN_TOP};
use super::props::{fonts, indent, line_spacing, Align, Indent};
use super::xml::XmlWriter;
use crate::document::Frame;
use crate::layout::block::PARAGRAPH_INDENT;
use crate::layout::frame::{signer_row, FrameLines, Mark};
use crate::layout::geometry::{
    MM_PER_PT, RECORD_THICK_RULE_MM, RECORD_THIN_RULE_MM, RED_RULE_GAP_MM, RED_RULE_MM, TOP_MM,
    TYPE_AREA_HEIGHT_MM, TYPE_AREA_WIDTH_MM,
};
use crate::layout::grid::text_units;
use crate::layout::{FontRole, Line};
use crate::template::frame_id;

/// Red of the 标志 and the red rule.
const RED: &str = "FF0000";
/// Millimetres to twips, rounded.
fn twips(mm: f64) -> u32 {
    (mm / MM_PER_PT * 20.0).round().max(0.0) as u32
}
/// Millimetres to a border width in eighths of a point (`w:sz`), rounded:
/// 0.35 mm → 8 (1 pt), 0.25 mm → 6 (¾ pt), the red rule's 1.5 pt → 12.
fn border_eighths(mm: f64) -> String {
    ((mm / MM_PER_PT * 8.0).round() as u32).to_string()
}

/// Where the first row's glyphs start below its exact line box in
/// LibreOffice, measured: the margin is 33.8 mm for glyphs at 37 mm.
fn glyph_drop() -> u32 {
    twips(TOP_MM) - MARGIN_TOP
}

/// How far above its place a 版记 frame's top is set so that its bottom
/// border lands on the type area's bottom edge, measured with LibreOffice.
const RECORD_FRAME_SHIFT: u32 = 0;

/// Exact height of the 标志's paragraph: the 初号 face's full height
/// (ascent + descent ≈ 1.45 em) and a little, so no reader clips it.
const MARK_LINE: u32 = 1300;
/// Where the 标志's em box starts below the top of its paragraph, measured
/// with LibreOffice 7.4 (fonts-noto-cjk's face standing in for 小标宋).
const MARK_DROP: u32 = 264;

/// A paragraph's properties beyond the body's: borders, tabs, a frame.
#[derive(Default)]
struct Props<'a> {
    /// In a frame of its own whose top is this many twips below the
    /// paper's top edge.
    frame: Option<u32>,
    top: Option<(&'a str, String)>,
    bottom: Option<(&'a str, String)>,
    /// A tab stop: (kind, position in twips from the left margin).
    tab: Option<(&'a str, u32)>,
    line: u32,
    indent: Option<Indent>,
    hanging: Option<(u32, u32)>,
    align: Option<Align>,
}

fn paragraph_open(w: &mut XmlWriter, p: &Props) {
    w.open("w:p", &[]);
    w.open("w:pPr", &[]);
    if let Some(y) = p.frame {
        let (width, y) = (twips(TYPE_AREA_WIDTH_MM).to_string(), y.to_string());
        w.empty(
            "w:framePr",
            &[
                ("w:w", &width),
                ("w:wrap", "around"),
                ("w:vAnchor", "page"),
                ("w:hAnchor", "margin"),
                ("w:xAlign", "center"),
                ("w:y", &y),
            ],
        );
    }
    if p.top.is_some() || p.bottom.is_some() {
        w.open("w:pBdr", &[]);
        for (name, border) in [("w:top", &p.top), ("w:bottom", &p.bottom)] {
            if let Some((color, size)) = border {
                w.empty(
                    name,
                    &[
                        ("w:val", "single"),
                        ("w:sz", size),
                        ("w:space", "0"),
                        ("w:color", color),
                    ],
                );
            }
        }
        w.close("w:pBdr");
    }
    if let Some((kind, pos)) = p.tab {
        w.open("w:tabs", &[]);
        let pos = pos.to_string();
        w.empty("w:tab", &[("w:val", kind), ("w:pos", &pos)]);
        w.close("w:tabs");
    }
    line_spacing(w, 0, Some(p.line.max(1)));
    match (p.hanging, p.indent) {
        (Some((left, hanging)), _) => {
            let (left, hanging) = (left.to_string(), hanging.to_string());
            w.empty("w:ind", &[("w:left", &left), ("w:hanging", &hanging)]);
        }
        (None, Some(i)) => indent(w, i),
        (None, None) => indent(w, Indent::None),
    }
    w.val("w:jc", p.align.unwrap_or(Align::Left).as_str());
    w.close("w:pPr");
}

/// One run: face, and optionally colour, character spacing and width scale.
fn run(w: &mut XmlWriter, face: Face, text: &str, color: Option<&str>, spacing: i32, scale: u32) {
    w.open("w:r", &[]);
    w.open("w:rPr", &[]);
    fonts(w, face);
    if let Some(color) = color {
        w.val("w:color", color);
    }
    w.val("w:spacing", &spacing.to_string());
    if scale != 100 {
        w.val("w:w", &scale.to_string());
    }
    let size = face.half_points.to_string();
    w.val("w:sz", &size);
    w.val("w:szCs", &size);
    w.close("w:rPr");
    if text == "\t" {
        w.empty("w:tab", &[]);
    } else {
        w.element("w:t", &[("xml:space", "preserve")], text);
    }
    w.close("w:r");
}

fn face_of(role: FontRole) -> Face {
    match role {
        FontRole::Marking => face::heading(1),
        FontRole::Signer => face::heading(2),
        FontRole::Record => face::RECORD,
        _ => face::BODY,
    }
}

fn line_runs(w: &mut XmlWriter, line: &Line) {
    for r in &line.runs {
        let spacing = if r.role == FontRole::Record {
            0
        } else {
            CHAR_SPACING
        };
        run(w, face_of(r.role), &r.text, None, spacing, 100);
    }
}

/// An empty paragraph of exact height `line` twips.
fn spacer(w: &mut XmlWriter, line: u32, bottom: Option<(&str, String)>) {
    paragraph_open(
        w,
        &Props {
            line,
            bottom,
            ..Props::default()
        },
    );
    w.close("w:p");
}

/// The 版头: everything above the title, [`FrameLines::body_row`] grid
/// rows high in all.
pub(crate) fn head(w: &mut XmlWriter, frame: &FrameLines) {
    let row_lines = |row: usize| -> Vec<(&Line, &str)> {
        frame
            .head
            .iter()
            .filter(|(r, _, _)| *r == row)
            .map(|(_, l, a)| (l, a.field.id.as_str()))
            .collect()
    };
    let first_signer = signer_row();
    let mut used = 0u32;
    // 份号, 密级, 紧急程度: one grid row each.
    let markings = (0..first_signer)
        .take_while(|&r| !row_lines(r).is_empty())
        .count();
    for row in 0..markings {
        paragraph_open(
            w,
            &Props {
                line: LINE_PITCH,
                ..Props::default()
            },
        );
        for (line, _) in row_lines(row) {
            line_runs(w, line);
        }
        w.close("w:p");
        used += LINE_PITCH;
    }
    // The 标志: its em box's top 35 mm below the type area's top.
    let mark = frame.head_marks.iter().find_map(|m| match m {
        Mark::IssuerMark { text, top_mm, .. } => Some((text.clone(), *top_mm, m.scale_x())),
        Mark::Rule { .. } => None,
    });
    if let Some((text, top_mm, scale)) = mark {
        let para_top = glyph_drop() + twips(top_mm) - MARK_DROP;
        spacer(w, para_top.saturating_sub(used), None);
        paragraph_open(
            w,
            &Props {
                line: MARK_LINE,
                align: Some(Align::Center),
                ..Props::default()
            },
        );
        let scale = (scale * 100.0).floor().clamp(1.0, 100.0) as u32;
        run(w, face::MARK, &text, Some(RED), 0, scale);
        w.close("w:p");
        used = para_top.max(used) + MARK_LINE;
    }
    let signer_top = first_signer as u32 * LINE_PITCH;
    spacer(w, signer_top.saturating_sub(used), None);
    // The 签发人 rows; the 发文字号 on the last, the 签发人 at a tab stop.
    let last = frame.body_row - 3;
    for row in first_signer..=last {
        let lines = row_lines(row);
        let of = |field: &str| lines.iter().find(|(_, f)| *f == field).map(|(l, _)| *l);
        let (number, signer) = (of(frame_id::DOC_NUMBER), of(frame_id::SIGNERS));
        let (start, tab) = match (number, signer) {
            (Some(n), Some(s)) => (n.start, Some(("left", units_to_twips(s.start)))),
            (Some(n), None) => (n.start, None),
            (None, Some(s)) => (s.start, None),
            (None, None) => (0, None),
        };
        paragraph_open(
            w,
            &Props {
                line: LINE_PITCH,
                indent: Some(Indent::Left(units_to_twips(start))),
                tab,
                ..Props::default()
            },
        );
        if let Some(n) = number {
            line_runs(w, n);
        }
        if let Some(s) = signer {
            if tab.is_some() {
                run(w, face::BODY, "\t", None, 0, 100);
            }
            line_runs(w, s);
        }
        w.close("w:p");
    }
    // The red rule: the bottom border of a paragraph ending 4 mm under the
    // 发文字号's em box, then back onto the grid.
    let em_bottom = glyph_drop() + twips(16.0 * MM_PER_PT);
    let rule_top = em_bottom + twips(RED_RULE_GAP_MM);
    let gap = rule_top.saturating_sub(LINE_PITCH);
    let border = twips(RED_RULE_MM);
    spacer(w, gap, Some((RED, border_eighths(RED_RULE_MM))));
    spacer(w, LINE_PITCH.saturating_sub(gap + border), None);
    spacer(w, LINE_PITCH, None);
}

/// The 附件说明 (7.3.4): “附件：” 左空二字, one paragraph per item,
/// hanging so that a wrapped name continues under its first character.
pub(crate) fn attachments(w: &mut XmlWriter, frame: &Frame) {
    let label = text_units("附件：");
    let several = frame.attachments.len() > 1;
    for (i, name) in frame.attachments.iter().enumerate() {
        let number = if several {
            format!("{}.", i + 1)
        } else {
            String::new()
        };
        let wrap = PARAGRAPH_INDENT + label + text_units(&number);
        let (start, text) = if i == 0 {
            (PARAGRAPH_INDENT, format!("附件：{number}{name}"))
        } else {
            (PARAGRAPH_INDENT + label, format!("{number}{name}"))
        };
        paragraph_open(
            w,
            &Props {
                line: LINE_PITCH,
                hanging: Some((units_to_twips(wrap), units_to_twips(wrap - start))),
                ..Props::default()
            },
        );
        run(w, face::BODY, &text, None, CHAR_SPACING, 100);
        w.close("w:p");
    }
}

/// The 附注 (7.3.6), 左空二字 like a paragraph's first line.
pub(crate) fn note(w: &mut XmlWriter, frame: &Frame) {
    paragraph_open(
        w,
        &Props {
            line: LINE_PITCH,
            indent: Some(Indent::FirstLine),
            ..Props::default()
        },
    );
    run(w, face::BODY, &frame.note_text(), None, CHAR_SPACING, 100);
    w.close("w:p");
}

/// The 版记 at the foot of the type area (see the module doc): “抄送：”
/// and its names in one paragraph wrapping under the first name, then the
/// 印发 row with the date at a right tab stop. Each is a frame of its own
/// at a fixed height on the page (LibreOffice turns a paragraph's borders
/// into its frame's, and one frame cannot hold rules of two widths): the
/// 抄送 between the thick first rule and the thin one, the 印发 row above
/// the thick last rule, which lies on the type area's bottom edge.
pub(crate) fn record(w: &mut XmlWriter, frame: &Frame, lines: &FrameLines) {
    let rule = |mm: f64| Some(("000000", border_eighths(mm)));
    let unit = FontRole::Record.unit_mm();
    let inset = twips(unit * 2.0);
    let date = frame.print_date_text();
    let imprint = !frame.printer.is_empty() || !date.is_empty();
    let bottom = twips(TOP_MM + TYPE_AREA_HEIGHT_MM);
    let rows = lines.record_rows as u32;
    let first_top = bottom.saturating_sub(rows * LINE_PITCH + RECORD_FRAME_SHIFT);
    if !frame.copy_to.is_empty() {
        let label = twips(unit * text_units("抄送：") as f64);
        let last = if imprint {
            RECORD_THIN_RULE_MM
        } else {
            RECORD_THICK_RULE_MM
        };
        paragraph_open(
            w,
            &Props {
                frame: Some(first_top),
                top: rule(RECORD_THICK_RULE_MM),
                bottom: rule(last),
                line: LINE_PITCH,
                hanging: Some((inset + label, label)),
                ..Props::default()
            },
        );
        run(
            w,
            face::RECORD,
            &format!("抄送：{}", frame.copy_to),
            None,
            0,
            100,
        );
        w.close("w:p");
        // LibreOffice keeps only the last of two framed paragraphs in a
        // row unless something stands between them: a 1 pt empty line.
        spacer(w, 20, None);
    }
    if imprint {
        let top = frame
            .copy_to
            .is_empty()
            .then(|| rule(RECORD_THICK_RULE_MM))
            .flatten();
        paragraph_open(
            w,
            &Props {
                frame: Some(bottom.saturating_sub(LINE_PITCH + RECORD_FRAME_SHIFT)),
                top,
                bottom: rule(RECORD_THICK_RULE_MM),
                tab: Some(("right", twips(TYPE_AREA_WIDTH_MM) - inset)),
                line: LINE_PITCH,
                indent: Some(Indent::Left(inset)),
                ..Props::default()
            },
        );
        run(w, face::RECORD, &frame.printer, None, 0, 100);
        if !date.is_empty() {
            run(w, face::RECORD, "\t", None, 0, 100);
            run(w, face::RECORD, &date, None, 0, 100);
        }
        w.close("w:p");
    }
}

#[cfg(test)]
mod tests {
    use crate::document::compose_edition;
    use crate::docx::body::document_xml;
    use crate::draft::FieldValue;
    use crate::sample::submitted_seed_draft;
    use crate::template::{annual_report, frame_id};

    fn xml(draft: &crate::draft::Draft) -> String {
        let (doc, frame) = compose_edition(annual_report(), draft);
        document_xml(&doc, frame.as_ref())
    }

    #[test]
    fn mark_is_red_title_face_and_rules_are_borders() {
        let x = xml(&submitted_seed_draft("s", 0));
        let mark = x.find(">中共荆家镇委文件<").expect("the 标志");
        let run = &x[x[..mark].rfind("<w:r>").unwrap()..mark];
        assert!(run.contains("w:eastAsia=\"方正小标宋简体\""), "{run}");
        assert!(run.contains("<w:color w:val=\"FF0000\"/>"), "{run}");
        assert!(run.contains("<w:sz w:val=\"84\"/>"), "{run}");
        assert!(!run.contains("<w:w "), "not squeezed: {run}");
        // The red rule: a 1.5 pt red bottom border.
        assert!(
            x.contains("<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"FF0000\"/>")
        );
        // The 版记: two frames, 1 pt and ¾ pt rules, at the foot of the page.
        assert_eq!(x.matches("<w:framePr ").count(), 2);
        assert!(x.contains("w:sz=\"8\" w:space=\"0\" w:color=\"000000\""));
        assert!(x.contains("w:sz=\"6\" w:space=\"0\" w:color=\"000000\""));
        assert!(x.contains(">抄送：县人大常委会办公室，县政协办公室，县委依法治县办。<"));
        assert!(x.contains(">2023年12月18日印发<"));
        // The organ's plain line is not printed above the title.
        assert_eq!(x.matches(">中共荆家镇委<").count(), 1, "the signature only");
    }

    #[test]
    fn a_long_mark_is_squeezed_and_attachments_hang() {
        let mut d = submitted_seed_draft("s", 0);
        d.meta.insert(
            frame_id::ISSUER_MARK.into(),
            FieldValue::Line("某某省某某市某某县人民政府办公室文件".into()),
        );
        d.meta.insert(
            frame_id::ATTACHMENTS.into(),
            FieldValue::Text(vec!["统计表".into(), "工作台账".into()]),
        );
        d.meta.insert(
            frame_id::NOTE.into(),
            FieldValue::Line("此件公开发布".into()),
        );
        let x = xml(&d);
        assert!(x.contains("<w:w w:val=\"58\"/>"), "squeezed to 156 mm");
        assert!(x.contains(">附件：1.统计表<") && x.contains(">2.工作台账<"));
        assert!(x.contains(">（此件公开发布）<"));
        let first = x.find(">附件：1.统计表<").unwrap();
        let date = x.find(">2023年12月18日<").unwrap();
        let note = x.find(">（此件公开发布）<").unwrap();
        assert!(
            first < date && date < note,
            "附件说明, date, 附注 in that order"
        );
    }
}
