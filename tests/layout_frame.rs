//! The 报送版's frame on the page, in millimetres, each position with the
//! GB/T 9704-2012 clause it comes from: the 版头 (7.2), the 附件说明 and
//! 附注 (7.3.4, 7.3.6), the 版记 (7.4), and the body still on the 28 × 22
//! grid below the header. The 公开版 lays out exactly as before.

use baogao::document::{compose, compose_edition, Frame};
use baogao::draft::{Draft, Edition, FieldValue, ReportDate};
use baogao::layout::frame::signer_row;
use baogao::layout::geometry::{
    row_top_mm, CHAR_PITCH_MM, ISSUER_MARK_INK_INSET_EM, LINE_PITCH_MM, RECORD_INSET_MM,
    RECORD_SIZE_PT, TOP_MM, TYPE_AREA_HEIGHT_MM, TYPE_AREA_WIDTH_MM,
};
use baogao::layout::grid::LINES_PER_PAGE;
use baogao::layout::{
    lay_out, lay_out_edition, FontRole, Layout, Mark, Page, PlacedLine, FRAME_BLOCK,
};
use baogao::sample::{seed_draft, submitted_seed_draft};
use baogao::template::{annual_report, frame_id};

const MM_PER_PT: f64 = 25.4 / 72.0;

fn submitted(draft: &mut Draft) -> Layout {
    draft.edition = Edition::Submitted;
    let (doc, frame) = compose_edition(annual_report(), draft);
    lay_out_edition(&doc, frame.as_ref())
}

/// The sample with its 报送版 frame (发文字号, 签发人, 抄送, 印发机关).
fn sample() -> Draft {
    submitted_seed_draft("seed", 0)
}

fn line_with<'a>(page: &'a Page, text: &str) -> &'a PlacedLine {
    page.lines
        .iter()
        .find(|l| l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with «{text}» in {:?}", page.rows()))
}

fn rules(page: &Page) -> Vec<(f64, f64, bool)> {
    page.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rule {
                y_mm,
                thickness_mm,
                red,
            } => Some((*y_mm, *thickness_mm, *red)),
            Mark::IssuerMark { .. } => None,
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.01
}

#[test]
fn issuer_mark_is_red_xiaobiaosong_centred_35_mm_below_the_type_area_top() {
    // 7.2.4: top edge 35 mm below the type area (72 mm from the paper's top),
    // centred; the organ + “文件” by default.
    let layout = submitted(&mut sample());
    let mark = layout.pages[0]
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::IssuerMark {
                text,
                top_mm,
                left_mm,
                size_mm,
                width_mm,
            } => Some((text.clone(), *top_mm, *left_mm, *size_mm, *width_mm)),
            Mark::Rule { .. } => None,
        })
        .expect("a 发文机关标志 on page 1");
    let (text, top, left, size, width) = mark;
    assert_eq!(text, "中共荆家镇委文件");
    // The em box is raised so that the ink starts at 35 mm.
    let ink_top = top + ISSUER_MARK_INK_INSET_EM * size;
    assert!(
        close(ink_top, 35.0) && close(TOP_MM + ink_top, 72.0),
        "{top}"
    );
    assert!(
        close(left + width / 2.0, TYPE_AREA_WIDTH_MM / 2.0),
        "not centred"
    );
    assert!(close(size, 42.0 * MM_PER_PT));
    assert!(close(width, 8.0 * size), "eight characters at full width");
    assert!(layout.pages[1..].iter().all(|p| p
        .marks
        .iter()
        .all(|m| !matches!(m, Mark::IssuerMark { .. }))));
}

#[test]
fn a_long_mark_is_squeezed_to_the_type_area_not_made_lower() {
    let mut d = sample();
    d.meta.insert(
        frame_id::ISSUER_MARK.into(),
        FieldValue::Line("某某省某某市某某县人民政府办公室文件".into()),
    );
    let layout = submitted(&mut d);
    let mark = &layout.pages[0].marks[0];
    let Mark::IssuerMark {
        width_mm,
        left_mm,
        size_mm,
        ..
    } = mark
    else {
        panic!("the mark first: {mark:?}");
    };
    assert!(close(*width_mm, TYPE_AREA_WIDTH_MM) && close(*left_mm, 0.0));
    assert!(close(*size_mm, 42.0 * MM_PER_PT));
    assert!(mark.scale_x() < 1.0);
}

#[test]
fn signer_and_doc_number_share_the_row_two_lines_below_the_mark() {
    // 7.2.6: 签发人 空二行 below the 标志, 居右空一字, label 仿宋, names 楷体;
    // 7.2.5: for 上行文 the 发文字号 居左空一字 on the last 签发人's row.
    let layout = submitted(&mut sample());
    let page = &layout.pages[0];
    let row = signer_row();
    assert_eq!(row, 7);
    let mark_bottom = 35.0 + 42.0 * MM_PER_PT * (1.0 - ISSUER_MARK_INK_INSET_EM);
    // The rows wholly below the 标志 before the 签发人: two blank lines.
    let blank_rows_between = (row_top_mm(row) - mark_bottom) / LINE_PITCH_MM;
    assert!(
        (2.0..3.0).contains(&blank_rows_between),
        "{blank_rows_between}"
    );
    let signer = line_with(page, "签发人：");
    assert_eq!(signer.row, row);
    assert_eq!(signer.text(), "签发人：李建国");
    assert_eq!(signer.line.runs[0].role, FontRole::Body);
    assert_eq!(signer.line.runs[1].role, FontRole::Signer);
    let right = signer.line.left_mm() + signer.line.width_mm();
    assert!(
        close(right, TYPE_AREA_WIDTH_MM - CHAR_PITCH_MM),
        "right edge {right}"
    );
    let number = line_with(page, "荆发〔2023〕15号");
    assert_eq!(number.row, row);
    assert!(close(number.line.left_mm(), CHAR_PITCH_MM));
    assert!(close(TOP_MM + number.top_mm(), 37.0 + 7.0 * LINE_PITCH_MM));
}

#[test]
fn red_rule_is_4_mm_under_the_doc_number_and_the_title_two_lines_below() {
    // 7.2.7: the red rule 4 mm under the 发文字号, type-area wide;
    // 7.3.1: the title 空二行 below it.
    let layout = submitted(&mut sample());
    let page = &layout.pages[0];
    let number = line_with(page, "荆发〔2023〕15号");
    let number_bottom = number.top_mm() + 16.0 * MM_PER_PT;
    let red: Vec<_> = rules(page).into_iter().filter(|r| r.2).collect();
    assert_eq!(red.len(), 1);
    let (y, thickness, _) = red[0];
    assert!(
        close(y - thickness / 2.0 - number_bottom, 4.0),
        "gap {}",
        y - thickness / 2.0 - number_bottom
    );
    assert!(close(thickness, 1.5 * MM_PER_PT));
    let title = line_with(page, "关于2023年度法治政府建设工作的报告");
    assert_eq!(title.row, number.row + 3);
    let blank = (title.top_mm() - (y + thickness / 2.0)) / LINE_PITCH_MM;
    assert!(
        (2.0..3.0).contains(&blank),
        "{blank} rows between rule and title"
    );
    assert!(
        page.lines
            .iter()
            .all(|l| !l.text().starts_with("中共荆家镇委") || l.block == FRAME_BLOCK),
        "no organ line above the title in 报送版"
    );
}

#[test]
fn markings_are_top_left_one_per_row_in_the_standards_order() {
    // 7.2.1–7.2.3: 份号, 密级和保密期限, 紧急程度 顶格, one per line.
    let mut d = sample();
    d.meta
        .insert(frame_id::URGENCY.into(), FieldValue::Line("特急".into()));
    d.meta.insert(
        frame_id::COPY_NUMBER.into(),
        FieldValue::Line("000001".into()),
    );
    let layout = submitted(&mut d);
    let page = &layout.pages[0];
    let copy = line_with(page, "000001");
    let urgency = line_with(page, "特急");
    assert_eq!((copy.row, urgency.row), (0, 1));
    assert!(close(copy.line.left_mm(), 0.0) && close(urgency.line.left_mm(), 0.0));
    assert_eq!(urgency.line.runs[0].role, FontRole::Marking);
    assert!(close(TOP_MM + copy.top_mm(), 37.0));
}

#[test]
fn several_signers_two_a_line_wrap_under_the_first_name() {
    let mut d = sample();
    d.meta.insert(
        frame_id::SIGNERS.into(),
        FieldValue::Text(vec!["李建国".into(), "王芳".into(), "欧阳明远".into()]),
    );
    let layout = submitted(&mut d);
    let page = &layout.pages[0];
    let first = line_with(page, "签发人：");
    let second = line_with(page, "欧阳明远");
    assert_eq!(second.row, first.row + 1);
    // The second line starts under the first name (after “签发人：”).
    let names_left = first.line.left_mm() + 4.0 * CHAR_PITCH_MM;
    assert!(close(second.line.left_mm(), names_left));
    // The 发文字号 is on the last 签发人 row; the title three rows lower.
    let number = line_with(page, "荆发〔2023〕15号");
    assert_eq!(number.row, second.row);
    assert_eq!(line_with(page, "关于2023年度").row, second.row + 3);
}

#[test]
fn record_ends_on_the_type_area_bottom_edge_of_the_last_page() {
    // 7.4.1: last rule on the bottom edge; first and last 0.35 mm, the one
    // between 0.25 mm; 7.4.2/7.4.3: 4号 仿宋 左右各空一字.
    let layout = submitted(&mut sample());
    let last = layout.pages.last().unwrap();
    let r = rules(last);
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(close(r[2].0, TYPE_AREA_HEIGHT_MM) && close(TOP_MM + r[2].0, 262.0));
    assert!(close(r[0].1, 0.35) && close(r[2].1, 0.35) && close(r[1].1, 0.25));
    assert!(r.iter().all(|x| !x.2), "版记 rules are black");
    let imprint = line_with(last, "中共荆家镇委办公室");
    let date = line_with(last, "2023年12月18日印发");
    let copy = line_with(last, "抄送：");
    assert_eq!((copy.row, imprint.row, date.row), (20, 21, 21));
    assert!(close(r[1].0, row_top_mm(21)) && close(r[0].0, row_top_mm(20)));
    assert!(close(imprint.line.left_mm(), RECORD_INSET_MM));
    let date_right = date.line.left_mm() + date.line.width_mm();
    assert!(close(date_right, TYPE_AREA_WIDTH_MM - RECORD_INSET_MM));
    assert!(close(copy.line.left_mm(), RECORD_INSET_MM));
    assert_eq!(copy.line.runs[0].role, FontRole::Record);
    // Centred between its rules.
    let size = RECORD_SIZE_PT * MM_PER_PT;
    assert!(close(
        imprint.top_mm() + size / 2.0,
        (r[1].0 + r[2].0) / 2.0
    ));
    // Below the body's last line, with a blank row between.
    let body_last = last
        .lines
        .iter()
        .filter(|l| l.block != FRAME_BLOCK)
        .map(|l| l.row)
        .max();
    assert!(body_last.is_some_and(|r| r + 1 < 20), "{:?}", last.rows());
}

#[test]
fn copy_to_wraps_under_its_first_name() {
    let mut d = sample();
    let names = "县人大常委会办公室，县政协办公室，县委依法治县办，县司法局，县财政局，县审计局。";
    d.meta
        .insert(frame_id::COPY_TO.into(), FieldValue::Line(names.into()));
    let layout = submitted(&mut d);
    let last = layout.pages.last().unwrap();
    let lines: Vec<&PlacedLine> = last
        .lines
        .iter()
        .filter(|l| l.anchor.field.id == frame_id::COPY_TO)
        .collect();
    assert_eq!(lines.len(), 2);
    let unit = RECORD_SIZE_PT * MM_PER_PT;
    assert!(close(
        lines[1].line.left_mm(),
        lines[0].line.left_mm() + 3.0 * unit
    ));
    let printed: String = lines.iter().map(|l| l.text()).collect();
    assert_eq!(printed, format!("抄送：{names}"));
    assert!(lines
        .iter()
        .all(|l| l.line.left_mm() + l.line.width_mm() <= TYPE_AREA_WIDTH_MM - unit + 0.01));
    assert_eq!(rules(last).len(), 3);
    assert_eq!(lines[1].row + 1, LINES_PER_PAGE - 1);
}

#[test]
fn record_that_does_not_fit_goes_to_a_new_numbered_page() {
    let mut d = sample();
    let base = submitted(&mut d.clone()).pages.len();
    // Fill the last page: add a paragraph until the 版记 no longer fits.
    let mut added = 0;
    let layout = loop {
        let mut more = d.clone();
        if let Some(FieldValue::Text(p)) = more.meta.get_mut("preamble") {
            p.push("法".repeat(26 + 28 * added));
        }
        let layout = submitted(&mut more);
        let last = layout.pages.last().unwrap();
        if layout.pages.len() > base && last.lines.iter().all(|l| l.block == FRAME_BLOCK) {
            break layout;
        }
        added += 1;
        assert!(added < 60, "the 版记 never moved to a page of its own");
    };
    let last = layout.pages.last().unwrap();
    assert_eq!(
        last.page_number.number,
        layout.pages.len(),
        "numbered as usual (7.5)"
    );
    assert_eq!(last.used_rows(), LINES_PER_PAGE);
    let before = &layout.pages[layout.pages.len() - 2];
    assert!(
        before.used_rows() + 1 + 2 > LINES_PER_PAGE,
        "it would have fitted: {:?}",
        before.rows()
    );
    d.edition = Edition::Public;
}

#[test]
fn attachments_and_note_follow_the_standard_around_the_signature() {
    // 7.3.4: 附件说明 空一行 below the body, 左空二字, numbered, later items
    // under “1.”, wrapped names under the name; 7.3.5.2: signature 空一行
    // below it; 7.3.6: 附注 on the line after the date, 左空二字, in （）.
    let mut d = Draft::new(annual_report(), "short".into(), 2023, 0);
    d.sections.iter_mut().for_each(|s| s.enabled = false);
    let line = |s: &str| FieldValue::Line(s.into());
    d.meta.insert("organ".into(), line("中共荆家镇委"));
    d.meta.insert(
        "preamble".into(),
        FieldValue::Text(vec!["现将有关情况报告如下。".into()]),
    );
    d.meta.insert("signature".into(), line("中共荆家镇委"));
    d.meta.insert(
        "date".into(),
        FieldValue::Date(ReportDate::new(2023, 12, 18)),
    );
    d.meta
        .insert(frame_id::DOC_NUMBER.into(), line("荆发〔2023〕15号"));
    d.meta.insert(
        frame_id::ATTACHMENTS.into(),
        FieldValue::Text(vec![
            "2023年度法治政府建设重点工作完成情况统计表".into(),
            "荆家镇2023年度行政执法案件办理情况和行政复议应诉案件统计明细表".into(),
        ]),
    );
    d.meta.insert(
        frame_id::NOTE.into(),
        FieldValue::Line("此件公开发布".into()),
    );
    let layout = submitted(&mut d);
    let (p, first) = layout
        .lines()
        .find(|(_, l)| l.text().starts_with("附件：1."))
        .expect("附件说明");
    let page = &layout.pages[p];
    assert!(close(first.line.left_mm(), 2.0 * CHAR_PITCH_MM));
    let second = line_with(page, "2.荆家镇");
    assert!(
        close(second.line.left_mm(), 5.0 * CHAR_PITCH_MM),
        "under “1.”"
    );
    let wrapped = page.lines.iter().find(|l| l.row == second.row + 1).unwrap();
    assert!(
        close(wrapped.line.left_mm(), 6.0 * CHAR_PITCH_MM),
        "under the name"
    );
    let closing = line_with(page, "特此报告。");
    assert_eq!(first.row, closing.row + 2, "one blank row above");
    let signature = page
        .lines
        .iter()
        .find(|l| l.anchor.field.id == "signature")
        .unwrap();
    assert_eq!(signature.row, wrapped.row + 2);
    let date = page
        .lines
        .iter()
        .find(|l| l.anchor.field.id == "date")
        .unwrap();
    let note = line_with(page, "（此件公开发布）");
    assert_eq!(note.row, date.row + 1);
    assert!(close(note.line.left_mm(), 2.0 * CHAR_PITCH_MM));
}

#[test]
fn body_stays_on_the_grid_on_every_page() {
    // 5.2.3: 22 rows of 28 characters; the header only moves where page 1's
    // body starts, never off the rows.
    let layout = submitted(&mut sample());
    assert!(layout.pages.len() >= 5);
    for page in &layout.pages {
        for l in page
            .lines
            .iter()
            .filter(|l| l.line.role() != FontRole::Record)
        {
            assert!(l.row < LINES_PER_PAGE);
            assert!(close(l.top_mm(), row_top_mm(l.row)));
            let units = l.line.start as f64 * CHAR_PITCH_MM / 2.0;
            assert!(close(l.line.left_mm(), units) || l.line.role() == FontRole::Title);
        }
    }
    // After page 1 the 报送版's pages break like the 公开版's, shifted by
    // the header's rows: the body text is the same, line for line.
    let public = lay_out(&compose(annual_report(), &seed_draft("seed", 0)));
    let body = |l: &Layout| -> Vec<String> {
        l.lines()
            .filter(|(_, x)| x.block != FRAME_BLOCK && x.anchor.field.id != "organ")
            .map(|(_, x)| x.text())
            .collect()
    };
    assert_eq!(body(&layout), body(&public));
}

#[test]
fn public_edition_lays_out_as_before() {
    let mut d = sample();
    d.edition = Edition::Public;
    let (doc, frame) = compose_edition(annual_report(), &d);
    assert!(frame.is_none());
    let old = lay_out(&compose(annual_report(), &seed_draft("seed", 0)));
    assert_eq!(lay_out_edition(&doc, None), old);
    assert!(old.pages.iter().all(|p| p.marks.is_empty()));
    assert_eq!(old.pages[0].rows()[0], "中共荆家镇委");
    // The frame fields of the sample do not show in the 公开版.
    let all: String = old.lines().map(|(_, l)| l.text()).collect();
    assert!(!all.contains("荆发〔2023〕15号") && !all.contains("抄送"));
    assert_eq!(Frame::of(&d).doc_number, "荆发〔2023〕15号");
}
