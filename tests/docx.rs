//! DOCX export and import: a real round trip of the sample report, the
//! produced XML checked against GB/T 9704, and bad inputs turned into
//! errors. The LibreOffice conversion is checked in `tests/docx_pdf.rs`.

use std::io::{Cursor, Read, Write};

use baogao::document::{compose, BlockKind, Document};
use baogao::docx::page::units_to_twips;
use baogao::docx::{read_text, write, DocxError, MAX_FILE_BYTES};
use baogao::layout::grid::signature_and_date_starts;
use baogao::sample::seed_draft;
use baogao::template::annual_report;
use zip::write::SimpleFileOptions;

const SEED: &str = include_str!("fixtures/seed-report-2023.txt");

fn seed_document() -> Document {
    compose(annual_report(), &seed_draft("seed", 0))
}

fn seed_docx() -> Vec<u8> {
    write(&seed_document()).expect("the sample report writes")
}

/// Lines with surrounding whitespace trimmed and blank lines dropped.
fn normalized(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The text of one part of a zip.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut file = archive.by_name(name).expect(name);
    let mut out = String::new();
    file.read_to_string(&mut out).expect("UTF-8");
    out
}

/// A zip holding `parts`.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The `<w:p>` elements of a document part, each with its text.
fn paragraphs(xml: &str) -> Vec<(String, &str)> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = &p[..p.find("</w:p>").unwrap_or(p.len())];
            let mut text = String::new();
            for piece in p.split("<w:t xml:space=\"preserve\">").skip(1) {
                text.push_str(&piece[..piece.find("</w:t>").unwrap_or(0)]);
            }
            (text, p)
        })
        .collect()
}

/// The paragraph whose text starts with `start`.
fn paragraph<'a>(all: &'a [(String, &'a str)], start: &str) -> &'a str {
    all.iter()
        .find(|(t, _)| t.starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph starts with {start}"))
        .1
}

/// The value of `attr` in the first `<element …>` of `xml`.
fn attr<'a>(xml: &'a str, element: &str, attr: &str) -> Option<&'a str> {
    let at = xml.find(&format!("<{element} "))?;
    let tag = &xml[at..at + xml[at..].find('>')?];
    let key = format!(" {attr}=\"");
    let from = tag.find(&key)? + key.len();
    Some(&tag[from..from + tag[from..].find('"')?])
}

/// The East Asian fonts of the runs of a paragraph, in order.
fn run_fonts(p: &str) -> Vec<&str> {
    p.split("<w:r>")
        .skip(1)
        .filter_map(|r| attr(r, "w:rFonts", "w:eastAsia"))
        .collect()
}

#[test]
fn seed_report_round_trips_through_docx() {
    let bytes = seed_docx();
    let text = read_text(&bytes).expect("our own file reads back");
    let want = normalized(SEED);
    let got = normalized(&text);
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got.len(), want.len());
}

#[test]
fn writing_is_deterministic() {
    assert_eq!(seed_docx(), seed_docx());
}

#[test]
fn page_is_a4_with_the_gbt9704_type_area() {
    let xml = part(&seed_docx(), "word/document.xml");
    let num = |element, key| -> u32 { attr(&xml, element, key).unwrap().parse().unwrap() };
    assert_eq!(num("w:pgSz", "w:w"), 11906);
    assert_eq!(num("w:pgSz", "w:h"), 16838);
    // 33.8 mm top, 28 mm left, 26 mm right, 25.7 mm footer.
    assert_eq!(num("w:pgMar", "w:top"), 1916);
    assert_eq!(num("w:pgMar", "w:left"), 1587);
    assert_eq!(num("w:pgMar", "w:right"), 1474);
    assert_eq!(num("w:pgMar", "w:footer"), 1457);
    // Type area 225 mm high, 156 mm wide.
    let height = 16838 - num("w:pgMar", "w:top") - num("w:pgMar", "w:bottom");
    assert_eq!(height, 12756);
    assert_eq!(11906 - 1587 - 1474, 8845);
    // 22 exact lines of 28.95 pt fill it; a 23rd does not fit.
    assert_eq!(height / 579, 22);
    for (text, p) in paragraphs(&xml) {
        if p.contains("w:lineRule=\"exact\"") && !text.is_empty() {
            assert_eq!(attr(p, "w:spacing", "w:line"), Some("579"), "{text}");
        }
    }
    // No character grid (LibreOffice would give each character two cells).
    assert!(!xml.contains("w:charSpace"));
    assert_eq!(attr(&xml, "w:docGrid", "w:linePitch"), Some("579"));
}

#[test]
fn every_run_is_tightened_by_a_quarter_point() {
    let bytes = seed_docx();
    for name in ["word/document.xml", "word/footer1.xml", "word/footer2.xml"] {
        let xml = part(&bytes, name);
        let runs = xml.matches("<w:r>").count();
        assert!(runs > 0);
        assert_eq!(
            xml.matches("<w:spacing w:val=\"-5\"/>").count(),
            runs,
            "{name}"
        );
    }
}

#[test]
fn fonts_and_sizes_per_element() {
    let xml = part(&seed_docx(), "word/document.xml");
    let all = paragraphs(&xml);

    let title = paragraph(&all, "关于2023年度法治政府建设工作的报告");
    assert_eq!(run_fonts(title), ["方正小标宋简体"]);
    assert_eq!(attr(title, "w:sz", "w:val"), Some("44"));
    assert_eq!(attr(title, "w:jc", "w:val"), Some("center"));
    assert_eq!(attr(title, "w:spacing", "w:before"), Some("106"));

    let organ = paragraph(&all, "中共荆家镇委");
    assert_eq!(run_fonts(organ), ["仿宋_GB2312"]);
    // Centred, as the layout and the printout set it.
    assert_eq!(attr(organ, "w:jc", "w:val"), Some("center"));

    let addressee = paragraph(&all, "县委、县政府：");
    assert_eq!(attr(addressee, "w:jc", "w:val"), Some("left"));
    assert_eq!(attr(addressee, "w:ind", "w:firstLine"), Some("0"));

    let h1 = paragraph(&all, "一、推进法治政府建设的主要举措和成效");
    assert_eq!(run_fonts(h1), ["黑体"]);
    assert!(h1.contains("<w:keepNext/>"));
    assert_eq!(attr(h1, "w:pStyle", "w:val"), Some("Heading1"));

    // A run-in level-2 heading: heading in 楷体, the rest in 仿宋, one paragraph.
    let run_in = paragraph(&all, "（一）强化领导，落实工作责任。荆家镇党委");
    assert_eq!(run_fonts(run_in), ["楷体_GB2312", "仿宋_GB2312"]);
    assert!(run_in.contains(">（一）强化领导，落实工作责任。</w:t>"));
    assert!(!run_in.contains("<w:keepNext/>"));

    let h2 = paragraph(&all, "（四）加大全民普法，营造法治社会氛围");
    assert_eq!(run_fonts(h2), ["楷体_GB2312"]);
    assert!(h2.contains("<w:keepNext/>"));
    assert_eq!(attr(h2, "w:pStyle", "w:val"), Some("Heading2"));

    for (text, p) in &all {
        if p.contains("w:firstLineChars") {
            assert_eq!(attr(p, "w:ind", "w:firstLineChars"), Some("200"), "{text}");
            assert_eq!(attr(p, "w:ind", "w:firstLine"), Some("630"), "{text}");
        }
    }
    let body = paragraph(&all, "2023年，荆家镇法治政府建设工作");
    assert_eq!(run_fonts(body), ["仿宋_GB2312"]);
    assert_eq!(attr(body, "w:sz", "w:val"), Some("32"));
    assert_eq!(attr(body, "w:ind", "w:firstLineChars"), Some("200"));
    assert_eq!(attr(body, "w:jc", "w:val"), Some("both"));
    let indented = all
        .iter()
        .filter(|(_, p)| p.contains("w:firstLineChars"))
        .count();
    // Every line of the report but the organ, title, addressee, signature
    // and date: headings, body paragraphs and the closing.
    assert_eq!(indented, normalized(SEED).len() - 5);
}

#[test]
fn levels_three_and_four_use_fangsong() {
    use baogao::document::{Anchor, Block};
    let heading = |level, number: &str, text: &str| Block {
        kind: BlockKind::Heading {
            level,
            number: number.into(),
            text: text.into(),
            run_in: None,
        },
        anchor: Anchor::meta("x"),
    };
    let doc = Document {
        blocks: vec![heading(3, "1.", "细则"), heading(4, "（1）", "再细")],
    };
    let xml = part(&write(&doc).unwrap(), "word/document.xml");
    let all = paragraphs(&xml);
    assert_eq!(run_fonts(paragraph(&all, "1.细则")), ["仿宋_GB2312"]);
    assert_eq!(run_fonts(paragraph(&all, "（1）再细")), ["仿宋_GB2312"]);
    assert_eq!(
        attr(paragraph(&all, "（1）再细"), "w:pStyle", "w:val"),
        Some("Heading4")
    );
}

/// Whether the layout centres a block on the type area, per block of the
/// document.
fn layout_centred(doc: &Document) -> Vec<(String, bool)> {
    use baogao::layout::{block::lay_out_block, Align};
    doc.blocks
        .iter()
        .map(|b| {
            let lines = lay_out_block(b).lines;
            let centred = lines.iter().all(|l| l.align == Align::Centre);
            assert!(
                centred || lines.iter().all(|l| l.align != Align::Centre),
                "a block is centred on every line or none"
            );
            (b.kind.full_text(), centred)
        })
        .collect()
}

#[test]
fn every_block_is_aligned_in_the_docx_as_in_the_layout() {
    let doc = seed_document();
    let xml = part(&write(&doc).unwrap(), "word/document.xml");
    let docx: Vec<(String, bool)> = paragraphs(&xml)
        .into_iter()
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, p)| (t, attr(p, "w:jc", "w:val") == Some("center")))
        .collect();
    let layout = layout_centred(&doc);
    assert_eq!(docx.len(), layout.len());
    for (d, l) in docx.iter().zip(&layout) {
        assert_eq!(d, l, "block alignment differs between DOCX and layout");
    }
    let centred: Vec<&str> = layout
        .iter()
        .filter(|(_, c)| *c)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(
        centred,
        ["中共荆家镇委", "关于2023年度法治政府建设工作的报告"]
    );
}

#[test]
fn blank_lines_keep_the_grid() {
    let xml = part(&seed_docx(), "word/document.xml");
    let all = paragraphs(&xml);
    let blank_heights: Vec<&str> = all
        .iter()
        .filter(|(t, _)| t.is_empty())
        .filter_map(|(_, p)| attr(p, "w:spacing", "w:line"))
        .collect();
    // Under the organ line, under the title (579 − 106), above the signature.
    assert_eq!(blank_heights, ["579", "473", "579"]);
}

#[test]
fn signature_and_date_follow_the_shared_rule() {
    let xml = part(&seed_docx(), "word/document.xml");
    let all = paragraphs(&xml);
    let (sig_start, date_start) = signature_and_date_starts("中共荆家镇委", "2023年12月18日");
    // The date is the longer: it ends 右空二字, right-aligned.
    assert_eq!(date_start + 14, 52);
    let date = paragraph(&all, "2023年12月18日");
    assert_eq!(attr(date, "w:jc", "w:val"), Some("right"));
    assert_eq!(attr(date, "w:ind", "w:right"), Some("630"));
    // The signature starts two characters left of the date.
    let signature = all.iter().rfind(|(t, _)| t == "中共荆家镇委").unwrap().1;
    let want = units_to_twips(sig_start).to_string();
    assert_eq!(attr(signature, "w:ind", "w:left"), Some(want.as_str()));
    assert_eq!(attr(signature, "w:jc", "w:val"), Some("left"));
    assert_eq!(sig_start + 4, date_start);
}

#[test]
fn long_signature_is_right_aligned_and_the_date_indented() {
    use baogao::document::{Anchor, Block};
    let block = |kind| Block {
        kind,
        anchor: Anchor::meta("x"),
    };
    let sig = "某某县人民政府办公室法治建设科";
    let doc = Document {
        blocks: vec![
            block(BlockKind::Signature { text: sig.into() }),
            block(BlockKind::Date {
                text: "2023年1月8日".into(),
            }),
        ],
    };
    let xml = part(&write(&doc).unwrap(), "word/document.xml");
    let all = paragraphs(&xml);
    let (sig_start, date_start) = signature_and_date_starts(sig, "2023年1月8日");
    let signature = paragraph(&all, sig);
    assert_eq!(attr(signature, "w:jc", "w:val"), Some("right"));
    assert_eq!(attr(signature, "w:ind", "w:right"), Some("630"));
    let date = paragraph(&all, "2023年1月8日");
    let want = units_to_twips(date_start).to_string();
    assert_eq!(attr(date, "w:ind", "w:left"), Some(want.as_str()));
    assert_eq!(date_start, sig_start + 4);
}

#[test]
fn page_numbers_alternate_sides() {
    let bytes = seed_docx();
    let xml = part(&bytes, "word/document.xml");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    let footer_target = |kind: &str| {
        let at = xml
            .find(&format!("w:footerReference w:type=\"{kind}\""))
            .unwrap();
        let id = attr(&xml[at - 1..], "w:footerReference", "r:id").unwrap();
        let at = rels.find(&format!("Id=\"{id}\"")).unwrap();
        attr(&rels[at - 14..], "Relationship", "Target")
            .unwrap()
            .to_string()
    };
    assert_eq!(footer_target("default"), "footer1.xml");
    assert_eq!(footer_target("even"), "footer2.xml");
    let settings = part(&bytes, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders/>"));

    for (name, side, odd) in [
        ("word/footer1.xml", "right", true),
        ("word/footer2.xml", "left", false),
    ] {
        let footer = part(&bytes, name);
        assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
        assert_eq!(footer.matches("w:fldCharType").count(), 3);
        assert_eq!(attr(&footer, "w:jc", "w:val"), Some(side));
        let inset = if odd { "w:right" } else { "w:left" };
        // One 14 pt character of space on the outer side.
        assert_eq!(attr(&footer, "w:ind", inset), Some("280"));
        assert_eq!(attr(&footer, "w:rFonts", "w:eastAsia"), Some("宋体"));
        assert_eq!(attr(&footer, "w:sz", "w:val"), Some("28"));
        let text: String = paragraphs(&footer).into_iter().map(|(t, _)| t).collect();
        assert_eq!(text, "— 1 —");
    }
}

#[test]
fn settings_styles_and_properties() {
    let bytes = seed_docx();
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains("<w:overflowPunct w:val=\"1\"/>"));
    assert!(styles.contains("<w:widowControl w:val=\"0\"/>"));
    assert!(styles.contains("<w:autoSpaceDE w:val=\"0\"/>"));
    assert!(styles.contains("w:eastAsia=\"zh-CN\""));
    let settings = part(&bytes, "word/settings.xml");
    assert!(settings.contains("<w:characterSpacingControl w:val=\"doNotCompress\"/>"));
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>关于2023年度法治政府建设工作的报告</dc:title>"));
    let types = part(&bytes, "[Content_Types].xml");
    for p in [
        "/word/document.xml",
        "/word/styles.xml",
        "/word/settings.xml",
        "/word/fontTable.xml",
        "/word/footer1.xml",
        "/word/footer2.xml",
        "/docProps/core.xml",
        "/docProps/app.xml",
    ] {
        assert!(types.contains(&format!("PartName=\"{p}\"")), "{p}");
    }
    let fonts = part(&bytes, "word/fontTable.xml");
    assert!(fonts.contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"));
}

#[test]
fn text_with_markup_characters_survives() {
    use baogao::document::{Anchor, Block};
    let text = "依据《条例》第3条 & “A<B>”\t附表";
    let doc = Document {
        blocks: vec![Block {
            kind: BlockKind::Paragraph { text: text.into() },
            anchor: Anchor::meta("x"),
        }],
    };
    assert_eq!(read_text(&write(&doc).unwrap()).unwrap(), text);
}

#[test]
fn not_a_zip_is_refused() {
    for bytes in [&b"hello"[..], &[], b"PK\x03\x04broken"] {
        let err = read_text(bytes).unwrap_err();
        assert_eq!(err, DocxError::NotDocx);
        assert!(err.to_string().contains("这不是有效的 .docx 文件"));
    }
}

#[test]
fn zip_without_a_document_is_refused() {
    let bytes = zip_of(&[("hello.txt", b"hi")]);
    let err = read_text(&bytes).unwrap_err();
    assert_eq!(err, DocxError::MissingDocument);
    assert!(err.to_string().contains("word/document.xml"));
}

#[test]
fn corrupt_xml_is_refused_with_the_part_named() {
    let bytes = zip_of(&[(
        "word/document.xml",
        b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p></w:r>",
    )]);
    match read_text(&bytes).unwrap_err() {
        DocxError::CorruptXml { part, .. } => assert_eq!(part, "word/document.xml"),
        other => panic!("{other:?}"),
    }
    let latin1 = zip_of(&[("word/document.xml", &[0x3c, 0x61, 0xe9, 0x3e][..])]);
    assert!(matches!(
        read_text(&latin1).unwrap_err(),
        DocxError::CorruptXml { .. }
    ));
}

#[test]
fn files_over_20_mb_are_refused_before_unzipping() {
    let bytes = vec![b'P'; MAX_FILE_BYTES + 1];
    let err = read_text(&bytes).unwrap_err();
    assert_eq!(
        err,
        DocxError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    assert!(err.to_string().starts_with("文件过大（超过 20 MB）"));
}

#[test]
fn zip_bombs_are_refused() {
    // 60 MB of spaces deflate to about 60 KB.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..60 {
        zip.write_all(&block).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < MAX_FILE_BYTES);
    assert_eq!(read_text(&bytes).unwrap_err(), DocxError::TooLargeUnpacked);
}

#[test]
fn old_doc_and_encrypted_files_are_recognised() {
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.resize(4096, 0);
    let err = read_text(&doc).unwrap_err();
    assert_eq!(err, DocxError::LegacyDoc);
    assert_eq!(
        err.to_string(),
        "这是旧版 .doc 文件，请在 Word/WPS 中另存为 .docx 后再导入。"
    );
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    doc.extend_from_slice(&name);
    assert_eq!(read_text(&doc).unwrap_err(), DocxError::Encrypted);
}

#[test]
fn word_numbering_is_rebuilt_through_the_package() {
    let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
      <w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>主要举措</w:t></w:r></w:p>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>强化领导</w:t></w:r></w:p>
    </w:body></w:document>"#;
    let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
    </w:styles>"#;
    let numbering = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>"#;
    let bytes = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let text = read_text(&bytes).unwrap();
    assert_eq!(
        normalized(&text),
        ["一、总体情况", "二、主要举措", "（一）强化领导"]
    );
}

#[test]
fn zip64_archives_are_read() {
    let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#;
    // Zip64 extra fields on the entry.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let saturated_sizes = [0xFF; 8];
    assert!(bytes.windows(8).any(|w| w == saturated_sizes));
    assert_eq!(read_text(&bytes).unwrap(), "正文");

    // More than 65535 entries: a zip64 end of central directory.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..65_600 {
        zip.start_file(format!("x/{i}"), stored).unwrap();
    }
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let zip64_locator = 0x0706_4b50u32.to_le_bytes();
    assert!(bytes.windows(4).any(|w| w == zip64_locator));
    assert_eq!(read_text(&bytes).unwrap(), "正文");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Cut or damaged files give an error or text, never a panic.
    #[test]
    fn damaged_files_never_panic(cut in 0usize..40_000, flips in proptest::collection::vec((0usize..40_000, 0u8..=255), 0..8)) {
        let mut bytes = seed_docx();
        for (at, value) in flips {
            let at = at % bytes.len();
            bytes[at] = value;
        }
        bytes.truncate(cut.min(bytes.len()));
        let _ = read_text(&bytes);
    }
}
