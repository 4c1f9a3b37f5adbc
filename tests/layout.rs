//! The GB/T 9704 layout of whole documents: the sample report's pages and
//! positions, keep-together rules at page boundaries, page numbers, and the
//! two-step (per block, then pages) entry points.

use baogao::document::{compose, Anchor, Block, BlockKind, Document};
use baogao::layout::grid::{signature_and_date_starts, LINES_PER_PAGE, UNITS_PER_LINE};
use baogao::layout::punct::{is_closing, is_opening};
use baogao::layout::{lay_out, lay_out_block, paginate, Align, BlockLines, FontRole, Layout, Side};
use baogao::sample::seed_draft;
use baogao::template::annual_report;

fn seed_layout() -> (Document, Layout) {
    let doc = compose(annual_report(), &seed_draft("seed", 0));
    let layout = lay_out(&doc);
    (doc, layout)
}

fn block(kind: BlockKind) -> Block {
    Block {
        kind,
        anchor: Anchor::meta("test"),
    }
}

fn paragraph(text: &str) -> Block {
    block(BlockKind::Paragraph { text: text.into() })
}

fn heading(level: u8, number: &str, text: &str, run_in: Option<&str>) -> Block {
    block(BlockKind::Heading {
        level,
        number: number.into(),
        text: text.into(),
        run_in: run_in.map(str::to_string),
    })
}

/// A paragraph of `rows` full rows of one repeated character: the first
/// line holds 26 characters after the indent, the others 28.
fn paragraph_of_rows(rows: usize) -> Block {
    paragraph(&"法".repeat(26 + 28 * (rows - 1)))
}

#[test]
fn sample_report_takes_five_pages_of_at_most_22_rows() {
    let (_, layout) = seed_layout();
    assert_eq!(layout.pages.len(), 5);
    for page in &layout.pages {
        assert!(page.used_rows() <= LINES_PER_PAGE);
        let rows: Vec<usize> = page.lines.iter().map(|l| l.row).collect();
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    }
}

#[test]
fn sample_report_head_rows_on_page_one() {
    let (_, layout) = seed_layout();
    let page = &layout.pages[0];
    let rows = page.rows();
    assert_eq!(rows[0], "中共荆家镇委");
    assert_eq!(rows[1], "");
    assert_eq!(rows[2], "关于2023年度法治政府建设工作的报告");
    assert_eq!(rows[3], "");
    assert_eq!(rows[4], "县委、县政府：");
    assert!(rows[5].starts_with("2023年，荆家镇"));

    let organ = &page.lines[0].line;
    assert_eq!(organ.align, Align::Centre);
    assert_eq!(organ.runs[0].role, FontRole::Body);
    let title = &page.lines[1].line;
    assert_eq!((page.lines[1].row, title.align), (2, Align::Centre));
    assert_eq!(title.runs[0].role, FontRole::Title);
    assert!(!title.justify);
    let addressee = &page.lines[2].line;
    assert_eq!((addressee.start, addressee.align), (0, Align::Left));
}

#[test]
fn sample_preamble_breaks_into_six_lines() {
    let (_, layout) = seed_layout();
    let rows = layout.pages[0].rows();
    assert_eq!(
        &rows[5..11],
        [
            "2023年，荆家镇法治政府建设工作以习近平新时代中国特色",
            "社会主义思想为指导，深入贯彻落实习近平法治思想和党的二十",
            "大精神，紧紧围绕中心工作，大力推进依法行政工作，不断规范",
            "行政执法行为，提高服务意识，为全镇社会和谐稳定与经济持续",
            "健康发展提供了良好的法治环境和制度保障。现将2023年度法治",
            "政府建设情况报告如下：",
        ]
    );
    let lines: Vec<_> = layout.pages[0].lines[3..9]
        .iter()
        .map(|l| &l.line)
        .collect();
    assert_eq!(lines[0].start, 4);
    assert!(lines[1..].iter().all(|l| l.start == 0));
    assert!(lines[..5].iter().all(|l| l.justify));
    assert!(!lines[5].justify);
}

#[test]
fn sample_run_in_heading_has_two_runs_on_its_first_line() {
    let (_, layout) = seed_layout();
    let line = &layout.pages[0].lines[10].line;
    assert_eq!(
        line.text(),
        "（一）强化领导，落实工作责任。荆家镇党委、政府提高政"
    );
    assert_eq!(line.runs.len(), 2);
    assert_eq!(line.runs[0].text, "（一）强化领导，落实工作责任。");
    assert_eq!(line.runs[0].role, FontRole::Heading2);
    assert_eq!(line.runs[1].role, FontRole::Body);
    let level1 = &layout.pages[0].lines[9].line;
    assert_eq!(level1.text(), "一、推进法治政府建设的主要举措和成效");
    assert_eq!((level1.start, level1.runs[0].role), (4, FontRole::Heading1));
}

#[test]
fn sample_signature_and_date_share_the_last_page() {
    let (_, layout) = seed_layout();
    let last = layout.pages.last().unwrap();
    let rows = last.rows();
    let closing = rows.iter().position(|r| r == "特此报告。").unwrap();
    assert_eq!(rows[closing + 1], "");
    assert_eq!(rows[closing + 2], "中共荆家镇委");
    assert_eq!(rows[closing + 3], "2023年12月18日");
    let sig = last
        .lines
        .iter()
        .find(|l| l.text() == "中共荆家镇委")
        .unwrap();
    let date = last
        .lines
        .iter()
        .find(|l| l.text() == "2023年12月18日")
        .unwrap();
    // 12 + 4 + 14 units would pass 右空二字, so the signature moves left.
    assert_eq!((sig.line.start, date.line.start), (34, 38));
    assert_eq!(
        (sig.line.start, date.line.start),
        signature_and_date_starts("中共荆家镇委", "2023年12月18日")
    );
    assert_eq!(date.line.start + 14, UNITS_PER_LINE - 4);
    assert_eq!(sig.line.align, Align::Right);
    assert_eq!(layout.pages.len(), 5);
    assert_eq!((sig.row, date.row), (14, 15));
}

#[test]
fn sample_heading_is_not_left_at_the_foot_of_page_three() {
    let (_, layout) = seed_layout();
    let page3 = layout.pages[2].rows();
    assert_eq!(
        page3[20],
        "号进行宣传，提高广大群众干部对法律法规的知晓率。"
    );
    assert_eq!(page3[21], "");
    assert_eq!(
        layout.pages[3].rows()[0],
        "三、推进法治政府建设存在的不足和原因"
    );
}

#[test]
fn sample_lines_keep_avoid_rules_and_numbers_whole() {
    let (_, layout) = seed_layout();
    let texts: Vec<String> = layout.lines().map(|(_, l)| l.text()).collect();
    for t in &texts {
        let first = t.chars().next().unwrap();
        let last = t.chars().last().unwrap();
        assert!(!is_closing(first), "starts with closing: {t}");
        assert!(!is_opening(last), "ends with opening: {t}");
    }
    for number in ["126", "26000", "2023", "2024"] {
        assert!(texts.iter().any(|t| t.contains(number)), "{number}");
    }
    // "2023年度法治" fills row 9 to exactly 56 units with "2023" whole.
    assert!(texts.contains(&"健康发展提供了良好的法治环境和制度保障。现将2023年度法治".to_string()));
}

#[test]
fn digit_run_moves_to_the_next_line_whole() {
    // 24 characters (48 units) after the indent leave 4 units: "26000" does
    // not fit and goes down whole.
    let text = format!("{}26000份", "发".repeat(24));
    let lines = lay_out_block(&paragraph(&text)).lines;
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].text(), "发".repeat(24));
    assert_eq!(lines[1].text(), "26000份");
    assert!(lines[0].justify);
}

#[test]
fn closing_punctuation_hangs_and_is_reported_compressed() {
    let text = format!("{}。后", "字".repeat(26));
    let lines = lay_out_block(&paragraph(&text)).lines;
    assert_eq!(lines[0].text(), format!("{}。", "字".repeat(26)));
    assert!(lines[0].is_compressed());
    assert_eq!(lines[0].start + lines[0].units(), UNITS_PER_LINE + 2);
    assert_eq!(lines[1].text(), "后");
    assert!(!lines[1].is_compressed());
    // 27 characters squeezed by 2 units over their 26 gaps.
    let gap = lines[0].letter_gap_mm();
    assert!((gap * 26.0 + 2.0 * 156.0 / 56.0).abs() < 1e-9, "{gap}");
    assert_eq!(lines[1].letter_gap_mm(), 0.0);
}

#[test]
fn line_pulled_short_spreads_to_the_right_edge() {
    // "“" may not end the first line: it goes down and the first line is
    // two units short, spread over its 24 gaps.
    let text = format!("{}“引文”", "字".repeat(25));
    let lines = lay_out_block(&paragraph(&text)).lines;
    assert_eq!(lines[0].text(), "字".repeat(25));
    assert_eq!(lines[1].text(), "“引文”");
    assert_eq!(lines[0].room() - lines[0].units(), 2);
    let gap = lines[0].letter_gap_mm();
    assert!((gap * 24.0 - 2.0 * 156.0 / 56.0).abs() < 1e-9, "{gap}");
}

#[test]
fn heading_moves_to_the_next_page_with_its_first_line() {
    // 21 rows of text leave one row: the heading would sit alone there.
    let doc = Document {
        blocks: vec![
            paragraph_of_rows(21),
            heading(1, "一、", "标题", None),
            paragraph("正文。"),
        ],
    };
    let layout = lay_out(&doc);
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(layout.pages[0].used_rows(), 21);
    assert_eq!(layout.pages[1].rows()[0], "一、标题");
    assert_eq!(layout.pages[1].rows()[1], "正文。");
}

#[test]
fn stacked_headings_move_together() {
    let doc = Document {
        blocks: vec![
            paragraph_of_rows(20),
            heading(1, "一、", "大标题", None),
            heading(2, "（一）", "小标题", None),
            paragraph("正文。"),
        ],
    };
    let layout = lay_out(&doc);
    assert_eq!(layout.pages[0].used_rows(), 20);
    assert_eq!(
        &layout.pages[1].rows()[..3],
        ["一、大标题", "（一）小标题", "正文。"]
    );
    assert_eq!(
        layout.pages[1].lines[1].line.runs[0].role,
        FontRole::Heading2
    );
}

#[test]
fn heading_that_fits_with_its_line_stays() {
    let doc = Document {
        blocks: vec![
            paragraph_of_rows(20),
            heading(1, "一、", "标题", None),
            paragraph("正文。"),
        ],
    };
    let rows = lay_out(&doc).pages[0].rows();
    assert_eq!(
        (rows[20].as_str(), rows[21].as_str()),
        ("一、标题", "正文。")
    );
}

#[test]
fn run_in_heading_row_without_body_is_not_last_on_a_page() {
    // The heading part fills its first line: that row holds no body text.
    let head = "很".repeat(25);
    let doc = Document {
        blocks: vec![
            paragraph_of_rows(21),
            heading(2, "（一）", &head, Some("正文从这里开始。")),
        ],
    };
    let layout = lay_out(&doc);
    assert_eq!(layout.pages[0].used_rows(), 21);
    let first = &layout.pages[1].lines[0].line;
    assert!(first.runs.iter().all(|r| r.role == FontRole::Heading2));
    let second = &layout.pages[1].lines[1].line;
    assert_eq!(second.runs[0].text, "很很");
    assert_eq!(second.runs[1].role, FontRole::Body);

    // A run-in heading whose first row carries body text may end a page.
    let doc = Document {
        blocks: vec![
            paragraph_of_rows(21),
            heading(2, "（一）", "短标题。", Some(&"文".repeat(40))),
        ],
    };
    let layout = lay_out(&doc);
    assert_eq!(layout.pages[0].used_rows(), 22);
    assert_eq!(layout.pages[0].lines[21].line.runs.len(), 2);
}

fn closing_tail(body_rows: usize) -> Document {
    Document {
        blocks: vec![
            paragraph_of_rows(body_rows),
            block(BlockKind::Closing {
                text: "特此报告。".into(),
            }),
            block(BlockKind::Signature {
                text: "中共荆家镇委".into(),
            }),
            block(BlockKind::Date {
                text: "2023年12月18日".into(),
            }),
        ],
    }
}

#[test]
fn signature_and_date_keep_together_with_a_body_line() {
    // Closing on row 19, blank 20, signature 21: the date would part.
    let layout = lay_out(&closing_tail(19));
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(layout.pages[0].used_rows(), 19);
    assert_eq!(
        &layout.pages[1].rows()[..4],
        ["特此报告。", "", "中共荆家镇委", "2023年12月18日"]
    );

    // Closing on row 18: everything fits on the first page.
    let layout = lay_out(&closing_tail(18));
    assert_eq!(layout.pages.len(), 1);
    assert_eq!(layout.pages[0].rows()[21], "2023年12月18日");
}

#[test]
fn page_numbers_alternate_sides() {
    let doc = Document {
        blocks: (0..3).map(|_| paragraph_of_rows(22)).collect(),
    };
    let layout = lay_out(&doc);
    assert_eq!(layout.pages.len(), 3);
    let numbers: Vec<(usize, Side, &str)> = layout
        .pages
        .iter()
        .map(|p| (p.number, p.page_number.side, p.page_number.text.as_str()))
        .collect();
    assert_eq!(
        numbers,
        [
            (1, Side::Right, "— 1 —"),
            (2, Side::Left, "— 2 —"),
            (3, Side::Right, "— 3 —"),
        ]
    );
    let right = &layout.pages[0].page_number;
    let inset = 14.0 * 25.4 / 72.0;
    assert!((right.left_mm() + right.width_mm() - (156.0 - inset)).abs() < 1e-9);
    assert!((layout.pages[1].page_number.left_mm() - inset).abs() < 1e-9);
}

#[test]
fn long_title_takes_balanced_rows_and_pushes_the_addressee_down() {
    let doc = Document {
        blocks: vec![
            block(BlockKind::Organ {
                text: "某某县人民政府".into(),
            }),
            block(BlockKind::Title {
                text: "关于某某县人民政府2023年度法治政府建设工作情况和2024年工作安排的报告".into(),
            }),
            block(BlockKind::Addressee {
                text: "市委、市政府：".into(),
            }),
            paragraph("正文。"),
        ],
    };
    let rows = lay_out(&doc).pages[0].rows();
    assert_eq!(
        &rows[..7],
        [
            "某某县人民政府",
            "",
            "关于某某县人民政府2023年度法治政府",
            "建设工作情况和2024年工作安排的报告",
            "",
            "市委、市政府：",
            "正文。",
        ]
    );
}

#[test]
fn centred_title_is_placed_in_millimetres() {
    let title = lay_out_block(&block(BlockKind::Title {
        text: "关于2023年度法治政府建设工作的报告".into(),
    }));
    let line = &title.lines[0];
    // 15 full-width and 4 half-width characters of 22 pt: 17 × 22 pt.
    let width = 17.0 * 22.0 * 25.4 / 72.0;
    assert!((line.width_mm() - width).abs() < 1e-9);
    assert!((line.left_mm() - (156.0 - width) / 2.0).abs() < 1e-9);
}

#[test]
fn two_steps_equal_the_whole_and_blocks_are_independent() {
    let (doc, whole) = seed_layout();
    let blocks: Vec<BlockLines> = doc.blocks.iter().map(lay_out_block).collect();
    assert_eq!(paginate(&blocks), whole);

    // Edit one paragraph: the other blocks' lines are unchanged, and
    // re-paginating with the one new block equals a fresh layout.
    let mut edited = doc.clone();
    let at = edited
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
        .unwrap();
    if let BlockKind::Paragraph { text } = &mut edited.blocks[at].kind {
        text.push_str("新增一句话。");
    }
    let mut reused = blocks.clone();
    reused[at] = lay_out_block(&edited.blocks[at]);
    for (i, b) in edited.blocks.iter().enumerate() {
        if i != at {
            assert_eq!(lay_out_block(b), blocks[i]);
        }
    }
    assert_eq!(paginate(&reused), lay_out(&edited));
}

#[test]
fn locate_finds_the_block_being_edited() {
    let (doc, layout) = seed_layout();
    let last_paragraph = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
        .unwrap();
    let anchor = &doc.blocks[last_paragraph].anchor;
    assert_eq!(layout.locate(anchor), Some((4, 4)));
    assert_eq!(layout.locate_block(0), Some((0, 0)));
}

#[test]
fn empty_document_has_no_page() {
    assert!(lay_out(&Document::default()).pages.is_empty());
}
