//! The plain text of `word/document.xml`, for the import parser: one line
//! per paragraph in reading order, `w:t` text, `w:tab` as a tab, `w:br` and
//! `w:cr` as a line break, tables one line per row with the cells separated
//! by tabs (the paragraphs inside one cell joined by a space), and the
//! labels of Word's automatic numbering put back in front of the text (see
//! [`super::lists`]).
//!
//! Left out: deleted text (`w:delText`, and everything inside `w:del` and
//! `w:moveFrom`), field codes (`w:instrText`; a field's displayed result is
//! kept), the old properties of tracked formatting changes, and the
//! `mc:Fallback` copy of content that `mc:Choice` already holds (text boxes
//! would otherwise appear twice). Text boxes become lines of their own just
//! before the paragraph that anchors them.

use quick_xml::errors::IllFormedError;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::lists::Lists;
use super::W_NS;

/// The WordprocessingML namespace of ISO 29500 Strict documents.
const W_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// The markup-compatibility namespace (`mc:AlternateContent`).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Where a piece of the element tree sits in the WordprocessingML or
/// markup-compatibility namespace, by local name.
pub(crate) enum Name<'a> {
    /// A `w:` element.
    Word(&'a str),
    /// An `mc:` element.
    Compat(&'a str),
    /// Anything else.
    Other,
}

/// Classifies a resolved element name.
pub(crate) fn classify<'a>(ns: &ResolveResult, local: &'a str) -> Name<'a> {
    match ns {
        ResolveResult::Bound(ns) if ns.0 == W_NS || ns.0 == W_STRICT_NS => Name::Word(local),
        ResolveResult::Bound(ns) if ns.0 == MC_NS => Name::Compat(local),
        _ => Name::Other,
    }
}

/// The unescaped value of the attribute whose local name is `local`
/// (WordprocessingML attributes all share the `w:` prefix).
pub(crate) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A new namespace-aware reader over `xml` that reports `<a/>` as a start
/// and an end.
pub(crate) fn reader(xml: &str) -> NsReader<&[u8]> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    reader
}

/// The text an entity or character reference stands for.
pub(crate) fn reference(r: &BytesRef) -> Result<String, quick_xml::Error> {
    if let Some(c) = r.resolve_char_ref()? {
        return Ok(c.to_string());
    }
    match quick_xml::escape::resolve_predefined_entity(r) {
        Some(text) => Ok(text.to_string()),
        None => Err(quick_xml::Error::Escape(
            quick_xml::escape::EscapeError::UnrecognizedEntity(0..0, r.to_string()),
        )),
    }
}

/// An open container of text.
enum Frame {
    /// A paragraph and its text so far.
    Paragraph(String),
    /// A table row and its finished cells.
    Row(Vec<String>),
    /// A table cell and its finished paragraphs.
    Cell(Vec<String>),
}

/// What the walk over the body is inside of, besides the frames.
#[derive(Default)]
struct Inside {
    /// Depth of elements whose content is skipped (deleted text, fallbacks,
    /// old properties).
    skipped: usize,
    /// Inside a run (`w:r`), where `w:tab` and `w:br` are text.
    runs: usize,
    /// Inside `w:t`.
    text: bool,
    /// Inside `w:pPr`, reading the paragraph's style and numbering.
    properties: bool,
    style: Option<String>,
    num_id: Option<u32>,
    level: Option<u8>,
}

/// Why and where a part's XML could not be read, in words for the
/// error message (quick-xml's own messages are English and would pull its
/// formatting code into the wasm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Broken {
    /// What is wrong.
    pub what: &'static str,
    /// Byte offset in the part.
    pub position: u64,
}

impl Broken {
    fn new(e: &quick_xml::Error, position: u64) -> Broken {
        let what = match e {
            quick_xml::Error::Syntax(_) => "XML 语法错误",
            quick_xml::Error::IllFormed(_) => "XML 标签不匹配或不完整",
            quick_xml::Error::Escape(_) => "无法识别的字符引用",
            quick_xml::Error::Encoding(_) => "字符编码错误",
            _ => "XML 读取错误",
        };
        Broken { what, position }
    }

    /// "XML 语法错误，位置 123".
    pub(crate) fn describe(&self) -> String {
        format!("{}，位置 {}", self.what, self.position)
    }
}

/// The text of `xml` (a `word/document.xml`), lines separated by `\n`.
pub(crate) fn document_text(xml: &str, lists: &mut Lists) -> Result<String, Broken> {
    let mut reader = reader(xml);
    walk(&mut reader, lists).map_err(|e| Broken::new(&e, reader.buffer_position()))
}

fn walk(reader: &mut NsReader<&[u8]>, lists: &mut Lists) -> Result<String, quick_xml::Error> {
    let mut lines: Vec<String> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut inside = Inside::default();
    let mut depth = 0usize;
    loop {
        let (ns, event) = reader.read_resolved_event()?;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                let name = classify(&ns, local.as_ref());
                if inside.skipped > 0 {
                    inside.skipped += 1;
                    continue;
                }
                match name {
                    Name::Word("del" | "moveFrom" | "pPrChange" | "rPrChange")
                    | Name::Compat("Fallback") => inside.skipped = 1,
                    Name::Word("p") => stack.push(Frame::Paragraph(String::new())),
                    Name::Word("tr") => stack.push(Frame::Row(Vec::new())),
                    Name::Word("tc") => stack.push(Frame::Cell(Vec::new())),
                    Name::Word("r") => inside.runs += 1,
                    Name::Word("t") if inside.runs > 0 => inside.text = true,
                    Name::Word("tab") if inside.runs > 0 => push_text(&mut stack, "\t"),
                    Name::Word("br" | "cr") if inside.runs > 0 => push_text(&mut stack, "\n"),
                    Name::Word("noBreakHyphen") if inside.runs > 0 => push_text(&mut stack, "-"),
                    Name::Word("pPr") => {
                        inside.properties = true;
                        inside.style = None;
                        inside.num_id = None;
                        inside.level = None;
                    }
                    Name::Word("pStyle") if inside.properties => inside.style = attr(&e, "val"),
                    Name::Word("numId") if inside.properties => {
                        inside.num_id = attr(&e, "val").and_then(|v| v.parse().ok())
                    }
                    Name::Word("ilvl") if inside.properties => {
                        inside.level = attr(&e, "val").and_then(|v| v.parse().ok())
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if inside.skipped > 0 {
                    inside.skipped -= 1;
                    continue;
                }
                let local = e.local_name();
                match classify(&ns, local.as_ref()) {
                    Name::Word("p") => {
                        if let Some(Frame::Paragraph(text)) = stack.pop() {
                            deliver(&mut stack, &mut lines, text);
                        }
                    }
                    Name::Word("tc") => {
                        if let Some(Frame::Cell(paragraphs)) = stack.pop() {
                            let cell = paragraphs
                                .iter()
                                .map(|p| p.trim())
                                .filter(|p| !p.is_empty())
                                .collect::<Vec<_>>()
                                .join(" ");
                            if let Some(Frame::Row(cells)) = stack.last_mut() {
                                cells.push(cell);
                            }
                        }
                    }
                    Name::Word("tr") => {
                        if let Some(Frame::Row(cells)) = stack.pop() {
                            deliver(&mut stack, &mut lines, cells.join("\t"));
                        }
                    }
                    Name::Word("r") => inside.runs = inside.runs.saturating_sub(1),
                    Name::Word("t") => inside.text = false,
                    Name::Word("pPr") if inside.properties => {
                        inside.properties = false;
                        let label =
                            lists.label(inside.style.as_deref(), inside.num_id, inside.level);
                        if let Some(label) = label {
                            push_text(&mut stack, &label);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if inside.text && inside.skipped == 0 => {
                push_text(&mut stack, &t.xml10_content());
            }
            Event::CData(t) if inside.text && inside.skipped == 0 => {
                push_text(&mut stack, &t);
            }
            Event::GeneralRef(r) if inside.text && inside.skipped == 0 => {
                push_text(&mut stack, &reference(&r)?);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A truncated part ends inside open elements; its text would be
    // silently incomplete.
    if depth > 0 {
        return Err(IllFormedError::MissingEndTag(String::new()).into());
    }
    Ok(lines.join("\n"))
}

/// Appends to the innermost open paragraph.
fn push_text(stack: &mut [Frame], text: &str) {
    if let Some(Frame::Paragraph(p)) = stack.last_mut() {
        p.push_str(text);
    }
}

/// Hands a finished paragraph or row to the innermost open cell, or makes
/// it a line of the document.
fn deliver(stack: &mut [Frame], lines: &mut Vec<String>, text: String) {
    for frame in stack.iter_mut().rev() {
        if let Frame::Cell(paragraphs) = frame {
            paragraphs.push(text);
            return;
        }
    }
    lines.push(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body}</w:body></w:document>"#
        );
        document_text(&xml, &mut Lists::default()).unwrap()
    }

    #[test]
    fn one_line_per_paragraph_with_tabs_breaks_and_entities() {
        let got = text(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>
               <w:r><w:t>甲</w:t><w:tab/><w:t xml:space="preserve"> 乙 </w:t></w:r>
               <w:r><w:br/><w:t>A&amp;B&#x4E19;</w:t></w:r></w:p>
               <w:p/>
               <w:p><w:r><w:t>丁</w:t></w:r></w:p>"#,
        );
        assert_eq!(got, "甲\t 乙 \nA&B丙\n\n丁");
    }

    #[test]
    fn deleted_text_field_codes_and_fallbacks_are_left_out() {
        let got = text(
            r#"<w:p><w:r><w:t>保留</w:t></w:r>
               <w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del>
               <w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins>
               <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r>
               <w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>
                 <w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
                 <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>
                 </w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        );
        assert_eq!(got, "文本框\n保留插入3");
    }

    #[test]
    fn tables_read_row_by_row() {
        let got = text(
            r#"<w:p><w:r><w:t>表前</w:t></w:r></w:p>
               <w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc>
                            <w:tc><w:p><w:r><w:t>事项</w:t></w:r></w:p><w:p><w:r><w:t>说明</w:t></w:r></w:p></w:tc></w:tr>
                      <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
               <w:p><w:r><w:t>表后</w:t></w:r></w:p>"#,
        );
        assert_eq!(got, "表前\n序号\t事项 说明\n1\t\n表后");
    }

    #[test]
    fn numbered_paragraphs_get_their_labels() {
        let numbering = format!(
            r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7">
                 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
               </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
        );
        let mut lists = Lists::new(Some(&numbering), None);
        let item = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"#;
        let xml = format!(
            r#"<w:document xmlns:w="{W_NS}"><w:body>{item}{item}<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#
        );
        let got = document_text(&xml, &mut lists).unwrap();
        assert_eq!(got, "一、总体情况\n二、总体情况\n正文");
    }

    #[test]
    fn other_namespaces_are_not_text() {
        let xml = format!(
            r#"<w:document xmlns:w="{W_NS}" xmlns:a="urn:other"><w:body><w:p><w:r><a:t>不是</a:t><w:t>是</w:t></w:r></w:p></w:body></w:document>"#
        );
        assert_eq!(document_text(&xml, &mut Lists::default()).unwrap(), "是");
    }

    #[test]
    fn truncated_and_mismatched_xml_are_errors() {
        let truncated = format!(r#"<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>半"#);
        assert!(document_text(&truncated, &mut Lists::default()).is_err());
        let mismatched =
            format!(r#"<w:document xmlns:w="{W_NS}"><w:body><w:p></w:r></w:body></w:document>"#);
        assert!(document_text(&mismatched, &mut Lists::default()).is_err());
    }
}
