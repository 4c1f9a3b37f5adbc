//! The GB/T 9704 pages measured in a real browser (headless Chromium, only
//! the free Noto / AR PL faces installed): sheets are A4, every line and the
//! page numbers sit where the layout put them to a fraction of a
//! millimetre, nothing wraps, fonts cannot move anything, an edit redraws
//! only the pages it changed, and focus scrolls the preview.
#![cfg(target_arch = "wasm32")]

use baogao::document::{compose, Anchor};
use baogao::draft::FieldValue;
use baogao::layout::geometry::{
    LEFT_MM, PAGE_NUMBER_DASH_Y_MM, PAGE_NUMBER_INSET_MM, PAPER_HEIGHT_MM, PAPER_WIDTH_MM, TOP_MM,
    TYPE_AREA_WIDTH_MM,
};
use baogao::layout::{lay_out, Layout};
use baogao::sample::seed_draft;
use baogao::template::{annual_report, meta_id};
use baogao::ui::pages::{cells::font_mm, line_renders, sheet_renders, Sheets, SheetsProps};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{DomRect, Element, HtmlElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// CSS pixels per millimetre (96 px to the inch).
const PX_PER_MM: f64 = 96.0 / 25.4;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Lets the browser run Yew's scheduled renders and finish loading fonts.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timeout");
    let fonts = js_sys::Reflect::get(&document(), &"fonts".into()).expect("document.fonts");
    let ready = js_sys::Reflect::get(&fonts, &"ready".into()).expect("fonts.ready");
    if let Ok(ready) = ready.dyn_into::<js_sys::Promise>() {
        JsFuture::from(ready).await.expect("fonts ready");
    }
}

/// The app's page stylesheets, as trunk would link them.
fn install_styles() {
    let doc = document();
    if doc.get_element_by_id("pages-css").is_some() {
        return;
    }
    let style = doc.create_element("style").expect("style");
    style.set_id("pages-css");
    style.set_text_content(Some(concat!(
        "body { margin: 0 }\n",
        include_str!("../styles/pages.css"),
        include_str!("../styles/print.css")
    )));
    doc.head()
        .expect("head")
        .append_child(&style)
        .expect("add style");
}

fn sample_layout() -> Layout {
    lay_out(&compose(annual_report(), &seed_draft("sample", 0)))
}

/// Mounts [`Sheets`] in a fresh `div` with inline style `style`.
async fn mount(props: SheetsProps, style: &str) -> (Element, AppHandle<Sheets>) {
    install_styles();
    let doc = document();
    let root = doc.create_element("div").expect("div");
    root.set_attribute("style", style).expect("style");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let app = yew::Renderer::<Sheets>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, app)
}

fn unmount(root: Element, app: AppHandle<Sheets>) {
    app.destroy();
    root.remove();
}

fn props(layout: Rc<Layout>) -> SheetsProps {
    SheetsProps {
        layout,
        zoom: 1.0,
        focus: None,
        caret: None,
        on_line_click: yew::Callback::noop(),
    }
}

fn all(parent: &Element, css: &str) -> Vec<Element> {
    let list = parent.query_selector_all(css).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// A rectangle in millimetres relative to the top-left of `origin`.
#[derive(Debug, Clone, Copy)]
struct Mm {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Mm {
    fn of(rect: &DomRect, origin: &DomRect) -> Mm {
        Mm {
            left: (rect.left() - origin.left()) / PX_PER_MM,
            top: (rect.top() - origin.top()) / PX_PER_MM,
            right: (rect.right() - origin.left()) / PX_PER_MM,
            bottom: (rect.bottom() - origin.top()) / PX_PER_MM,
        }
    }
    fn width(&self) -> f64 {
        self.right - self.left
    }
    fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

fn assert_near(what: &str, got: f64, want: f64, tolerance: f64) {
    assert!(
        (got - want).abs() <= tolerance,
        "{what}: {got:.3} mm, want {want:.3} ± {tolerance} mm"
    );
}

/// The bounding box of the text inside `el` (its glyph advances).
fn text_rect(el: &Element) -> DomRect {
    let range = document().create_range().expect("range");
    range.select_node_contents(el).expect("select");
    range.get_bounding_client_rect()
}

#[wasm_bindgen_test]
async fn sheets_are_a4_and_every_line_sits_where_the_layout_put_it() {
    let layout = Rc::new(sample_layout());
    assert_eq!(layout.pages.len(), 5, "the sample report has five pages");
    let (root, app) = mount(props(Rc::clone(&layout)), "").await;
    let sheets_el = root.query_selector(".sheets").expect("q").expect(".sheets");
    assert_eq!(
        sheets_el.get_attribute("data-page-count").as_deref(),
        Some("5")
    );
    let sheets = all(&root, ".sheet");
    assert_eq!(sheets.len(), layout.pages.len());

    let mut worst_top: f64 = 0.0;
    let mut worst_left: f64 = 0.0;
    let mut worst_width: f64 = 0.0;
    for (page, sheet) in layout.pages.iter().zip(&sheets) {
        let origin = sheet.get_bounding_client_rect();
        assert_near(
            "sheet width",
            origin.width() / PX_PER_MM,
            PAPER_WIDTH_MM,
            0.3,
        );
        assert_near(
            "sheet height",
            origin.height() / PX_PER_MM,
            PAPER_HEIGHT_MM,
            0.3,
        );
        let lines = all(sheet, ".line");
        assert_eq!(
            lines.len(),
            page.lines.len(),
            "lines on page {}",
            page.number
        );
        for (placed, el) in page.lines.iter().zip(&lines) {
            let what = format!(
                "page {} row {} «{}»",
                page.number,
                placed.row,
                placed.text()
            );
            assert_eq!(
                el.get_attribute("data-row"),
                Some(placed.row.to_string()),
                "{what}"
            );
            let r = Mm::of(&el.get_bounding_client_rect(), &origin);
            let want_top = TOP_MM + placed.top_mm();
            let want_left = LEFT_MM + placed.line.left_mm();
            let want_width = placed.line.box_width_mm();
            assert_near(&format!("{what} top"), r.top, want_top, 0.3);
            assert_near(&format!("{what} left"), r.left, want_left, 0.3);
            assert_near(&format!("{what} width"), r.width(), want_width, 0.3);
            worst_top = worst_top.max((r.top - want_top).abs());
            worst_left = worst_left.max((r.left - want_left).abs());
            worst_width = worst_width.max((r.width() - want_width).abs());
            // One line box: as tall as the font, every box on the same row.
            let font = placed
                .line
                .runs
                .iter()
                .map(|run| font_mm(run.role))
                .fold(0.0, f64::max);
            assert!(
                r.height() < font * 1.5,
                "{what} wraps: {:.2} mm tall",
                r.height()
            );
            let spans = all(el, "span");
            assert!(!spans.is_empty(), "{what}");
            for span in &spans {
                let s = Mm::of(&span.get_bounding_client_rect(), &origin);
                assert!(
                    (s.bottom - r.bottom).abs() < 1.0 && s.top >= r.top - 0.1,
                    "{what}: a box left the line ({s:?} in {r:?})"
                );
            }
        }
        let number = sheet
            .query_selector(".page-number")
            .expect("q")
            .expect("page number");
        assert_eq!(
            number.text_content().unwrap_or_default(),
            page.page_number.text
        );
        let n = Mm::of(&number.get_bounding_client_rect(), &origin);
        assert_near(
            "page number middle",
            (n.top + n.bottom) / 2.0,
            PAGE_NUMBER_DASH_Y_MM,
            0.5,
        );
        if page.number % 2 == 1 {
            assert_near(
                "odd page number right edge",
                n.right,
                LEFT_MM + TYPE_AREA_WIDTH_MM - PAGE_NUMBER_INSET_MM,
                0.3,
            );
            assert!(
                n.left > PAPER_WIDTH_MM / 2.0,
                "page {} number {n:?}",
                page.number
            );
        } else {
            assert_near(
                "even page number left edge",
                n.left,
                LEFT_MM + PAGE_NUMBER_INSET_MM,
                0.3,
            );
            assert!(
                n.right < PAPER_WIDTH_MM / 2.0,
                "page {} number {n:?}",
                page.number
            );
        }
    }
    web_sys::console::log_1(
        &format!(
            "line deviations: top {worst_top:.3} mm, left {worst_left:.3} mm, width {worst_width:.3} mm"
        )
        .into(),
    );
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn body_text_fills_the_grid_and_glyphs_fit_their_boxes() {
    let layout = Rc::new(sample_layout());
    let (root, app) = mount(props(Rc::clone(&layout)), "").await;
    let sheets = all(&root, ".sheet");
    let page = &layout.pages[0];
    let origin = sheets[0].get_bounding_client_rect();
    let lines = all(&sheets[0], ".line");

    // The first body line: the addressee, flush left on row 4.
    let (i, first) = page
        .lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.text() == "县委、县政府：")
        .expect("addressee");
    let r = Mm::of(&lines[i].get_bounding_client_rect(), &origin);
    assert_near("first body line top", r.top, TOP_MM + first.top_mm(), 0.3);
    assert_near("first body line left", r.left, LEFT_MM, 0.3);

    // A full justified line of 28 characters: its text, measured on the
    // glyphs, spans exactly the type area, 28 mm to 184 mm.
    let (i, full) = page
        .lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.line.justify && l.line.start == 0 && l.text().chars().count() == 28)
        .expect("a full line");
    let text = Mm::of(&text_rect(&lines[i]), &origin);
    web_sys::console::log_1(
        &format!(
            "full line «{}»: text from {:.3} to {:.3} mm",
            full.text(),
            text.left,
            text.right
        )
        .into(),
    );
    assert_near("full line text left", text.left, LEFT_MM, 0.3);
    assert_near(
        "full line text right",
        text.right,
        LEFT_MM + TYPE_AREA_WIDTH_MM,
        0.5,
    );

    // Every group of CJK characters: the glyph advances fill the box the
    // grid gave it, so no fallback face overflows into the next box.
    let mut worst: f64 = 0.0;
    for sheet in &sheets {
        for group in all(sheet, ".line > span.g") {
            let boxed = group.get_bounding_client_rect().width() / PX_PER_MM;
            let glyphs = text_rect(&group).width() / PX_PER_MM;
            worst = worst.max((boxed - glyphs).abs());
            assert_near(
                &format!("glyphs of «{}»", group.text_content().unwrap_or_default()),
                glyphs,
                boxed,
                0.3,
            );
        }
    }
    web_sys::console::log_1(&format!("glyphs vs boxes: worst {worst:.3} mm").into());
    unmount(root, app);
}

/// A box on a sheet: its class, text, and left, width and top in px.
struct Placed {
    class: String,
    text: String,
    left: f64,
    width: f64,
    top: f64,
}

/// Every line, box and page number on the first two sheets.
fn positions(root: &Element) -> Vec<Placed> {
    all(root, ".sheet")
        .iter()
        .take(2)
        .flat_map(|sheet| {
            let origin = sheet.get_bounding_client_rect();
            all(sheet, ".line, .line > span, .page-number")
                .into_iter()
                .map(move |el| {
                    let r = el.get_bounding_client_rect();
                    Placed {
                        class: el.class_name(),
                        text: el.text_content().unwrap_or_default(),
                        left: r.left() - origin.left(),
                        width: r.width(),
                        top: r.top() - origin.top(),
                    }
                })
        })
        .collect()
}

#[wasm_bindgen_test]
async fn other_faces_move_nothing() {
    let layout = Rc::new(sample_layout());
    let (root, app) = mount(props(Rc::clone(&layout)), "").await;
    let before = positions(&root);
    // As if none of the stacks' faces were installed, only generic ones.
    let sheets: HtmlElement = root
        .query_selector(".sheets")
        .expect("q")
        .expect(".sheets")
        .dyn_into()
        .expect("html element");
    for (var, face) in [
        ("--font-fangsong", "monospace"),
        ("--font-heiti", "\"AR PL UMing CN\", monospace"),
        ("--font-kaiti", "cursive"),
        ("--font-xiaobiaosong", "\"AR PL UKai CN\", sans-serif"),
        ("--font-songti", "monospace"),
    ] {
        sheets.style().set_property(var, face).expect("set font");
    }
    settle().await;
    let after = positions(&root);
    assert_eq!(before.len(), after.len());
    assert!(before.len() > 100, "measured {} boxes", before.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.text, a.text);
        assert!(
            (b.left - a.left).abs() < 0.05 && (b.width - a.width).abs() < 0.05,
            "«{}» moved: left {:.2} → {:.2} px, width {:.2} → {:.2} px",
            b.text,
            b.left,
            a.left,
            b.width,
            a.width
        );
        if b.class.starts_with("line") || b.class.starts_with("page-number") {
            assert!(
                (b.top - a.top).abs() < 0.05,
                "«{}» left its row: {:.2} → {:.2} px",
                b.text,
                b.top,
                a.top
            );
        }
    }
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn an_edit_redraws_only_the_pages_it_changed() {
    let mut draft = seed_draft("sample", 0);
    let layout = Rc::new(lay_out(&compose(annual_report(), &draft)));
    let (root, mut app) = mount(props(Rc::clone(&layout)), "").await;

    // The same pages in a new layout: nothing redraws.
    let before = sheet_renders();
    app.update(props(Rc::new(sample_layout())));
    settle().await;
    assert_eq!(sheet_renders(), before, "an equal layout redrew pages");

    // One word of the preamble (page 1) changed, same length.
    let Some(FieldValue::Text(preamble)) = draft.meta.get(meta_id::PREAMBLE).cloned() else {
        panic!("sample preamble");
    };
    let edited: Vec<String> = preamble
        .iter()
        .map(|p| p.replace("良好的法治环境", "优良的法治环境"))
        .collect();
    assert_ne!(edited, preamble);
    draft
        .meta
        .insert(meta_id::PREAMBLE.into(), FieldValue::Text(edited));
    let changed = Rc::new(lay_out(&compose(annual_report(), &draft)));
    let differing = layout
        .pages
        .iter()
        .zip(&changed.pages)
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(differing, 1, "the edit changes page 1 only");
    let changed_lines = layout.pages[0]
        .lines
        .iter()
        .zip(&changed.pages[0].lines)
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        (1..=2).contains(&changed_lines) && changed.pages[0].lines.len() > 10,
        "the edit changes one or two of page 1's lines: {changed_lines}"
    );
    let before = sheet_renders();
    let lines_before = line_renders();
    app.update(props(Rc::clone(&changed)));
    settle().await;
    assert_eq!(
        sheet_renders() - before,
        1,
        "pages redrawn for a one-page edit"
    );
    assert_eq!(
        line_renders() - lines_before,
        changed_lines as u64,
        "lines redrawn for a one-line edit"
    );
    let first = all(&root, ".sheet")[0].text_content().unwrap_or_default();
    assert!(first.contains("优良的法治环境"), "{first}");

    // The closing formula grows by a line's worth: page 5 only.
    draft.meta.insert(
        meta_id::CLOSING.into(),
        FieldValue::Line("特此报告。".repeat(2)),
    );
    let longer = Rc::new(lay_out(&compose(annual_report(), &draft)));
    let before = sheet_renders();
    app.update(props(Rc::clone(&longer)));
    settle().await;
    assert_eq!(sheet_renders() - before, 1);
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn a_paragraph_growing_by_a_line_moves_the_lines_below_and_keeps_their_characters() {
    let mut draft = seed_draft("sample", 0);
    let layout = Rc::new(lay_out(&compose(annual_report(), &draft)));
    let (root, mut app) = mount(props(Rc::clone(&layout)), "").await;

    // The preamble's last paragraph grows by more than a line (30 of 28
    // characters): the lines below it on its page move down a row.
    let Some(FieldValue::Text(mut preamble)) = draft.meta.get(meta_id::PREAMBLE).cloned() else {
        panic!("sample preamble");
    };
    let last = preamble.len() - 1;
    preamble[last].push_str(&"依法行政工作".repeat(5));
    let preamble_end = |layout: &Layout| {
        layout
            .lines()
            .filter(|(_, l)| l.anchor.field.id == meta_id::PREAMBLE && l.anchor.path == [last])
            .map(|(page, l)| (page, l.row))
            .last()
            .expect("the preamble's last paragraph is laid out")
    };
    let (page, end_row) = preamble_end(&layout);
    let below: Vec<_> = layout.pages[page]
        .lines
        .iter()
        .filter(|l| l.row > end_row && l.row + 1 < 22)
        .cloned()
        .collect();
    assert!(
        below.len() >= 2,
        "lines below the preamble on page {}",
        page + 1
    );
    draft
        .meta
        .insert(meta_id::PREAMBLE.into(), FieldValue::Text(preamble));
    let longer = Rc::new(lay_out(&compose(annual_report(), &draft)));
    assert_eq!(preamble_end(&longer), (page, end_row + 1), "one more line");
    for line in &below {
        assert!(
            longer.pages[page]
                .lines
                .iter()
                .any(|l| l.row == line.row + 1 && l.block == line.block && l.line == line.line),
            "the line at row {} moves down a row unchanged",
            line.row
        );
    }

    // The drawn lines below, and the characters in them, before the edit.
    let sheet = format!(".sheet[data-page=\"{}\"]", page + 1);
    let drawn = |row: usize| {
        root.query_selector(&format!("{sheet} .line[data-row=\"{row}\"]"))
            .expect("selector")
            .expect("a drawn line")
    };
    let before: Vec<(Element, Vec<Element>, String)> = below
        .iter()
        .map(|l| {
            let el = drawn(l.row);
            let text = el.text_content().unwrap_or_default();
            (el.clone(), all(&el, "span"), text)
        })
        .collect();
    app.update(props(Rc::clone(&longer)));
    settle().await;
    for (line, (el, spans, text)) in below.iter().zip(&before) {
        let now = drawn(line.row + 1);
        assert_eq!(now.text_content().unwrap_or_default(), *text);
        assert!(
            now == *el,
            "the line from row {} is the same element one row down",
            line.row
        );
        assert!(
            all(&now, "span").iter().eq(spans.iter()),
            "its characters are the ones drawn before"
        );
        // Where the layout puts it now.
        let placed = longer.pages[page]
            .lines
            .iter()
            .find(|l| l.row == line.row + 1 && l.block == line.block)
            .expect("the moved line");
        let sheet_box = root
            .query_selector(&sheet)
            .expect("selector")
            .expect("the sheet")
            .get_bounding_client_rect();
        assert_near(
            "the moved line's top",
            Mm::of(&now.get_bounding_client_rect(), &sheet_box).top,
            TOP_MM + placed.top_mm(),
            0.05,
        );
    }
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn focus_scrolls_its_line_into_view() {
    let layout = Rc::new(sample_layout());
    let (root, mut app) = mount(props(Rc::clone(&layout)), "height: 400px").await;
    let sheets = root.query_selector(".sheets").expect("q").expect(".sheets");
    assert_eq!(sheets.scroll_top(), 0);
    let target = layout.pages[3].lines[12].clone();
    let anchor: Anchor = target.anchor.clone();
    app.update(SheetsProps {
        focus: Some(anchor.clone()),
        ..props(Rc::clone(&layout))
    });
    // The first line of the focused block, not necessarily `target`.
    let (page, row) = layout.locate(&anchor).expect("anchor laid out");
    let selector = format!(
        ".sheet[data-page=\"{}\"] .line[data-row=\"{row}\"]",
        page + 1
    );
    let line = root.query_selector(&selector).expect("q").expect("line");
    // Smooth scrolling: wait until the scroll position stops changing.
    let mut last = -1;
    for _ in 0..100 {
        settle().await;
        settle().await;
        let now = sheets.scroll_top();
        if now > 0 && now == last {
            break;
        }
        last = now;
    }
    let view = sheets.get_bounding_client_rect();
    let r = line.get_bounding_client_rect();
    assert!(
        r.top() >= view.top() && r.bottom() <= view.bottom(),
        "line {row} of page {} not scrolled into view",
        page + 1
    );
    let middle = (r.top() + r.bottom()) / 2.0 - (view.top() + view.bottom()) / 2.0;
    assert!(
        middle.abs() < 40.0,
        "the line is {middle:.0} px from the middle"
    );

    // Focus leaves and comes back to a line already in view: the preview
    // stays where it is.
    let scrolled = sheets.scroll_top();
    app.update(props(Rc::clone(&layout)));
    settle().await;
    app.update(SheetsProps {
        focus: Some(anchor),
        ..props(Rc::clone(&layout))
    });
    settle().await;
    settle().await;
    assert_eq!(sheets.scroll_top(), scrolled);
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn zoom_scales_the_sheets() {
    let layout = Rc::new(sample_layout());
    let (root, app) = mount(
        SheetsProps {
            zoom: 0.5,
            ..props(Rc::clone(&layout))
        },
        "",
    )
    .await;
    let sheet = all(&root, ".sheet")[0].get_bounding_client_rect();
    assert_near(
        "half-size sheet",
        sheet.width() / PX_PER_MM,
        PAPER_WIDTH_MM / 2.0,
        0.3,
    );
    assert_near(
        "half-size sheet",
        sheet.height() / PX_PER_MM,
        PAPER_HEIGHT_MM / 2.0,
        0.3,
    );
    let count = all(&root, ".sheets-bar")[0]
        .text_content()
        .unwrap_or_default();
    assert_eq!(count, "共 5 页");
    unmount(root, app);
}

/// Whether the line element `line` is centred in the type area of
/// `sheet` as printed: its text's middle on the type area's middle, and
/// not a full-width line.
fn centred_on_sheet(line: &Element, sheet: &Element) -> bool {
    let text = Mm::of(&text_rect(line), &sheet.get_bounding_client_rect());
    let middle = LEFT_MM + TYPE_AREA_WIDTH_MM / 2.0;
    let full = text.width() > TYPE_AREA_WIDTH_MM - 1.0;
    !full && ((text.left + text.right) / 2.0 - middle).abs() < 1.0
}

#[wasm_bindgen_test]
async fn every_block_is_aligned_alike_in_layout_docx_and_print() {
    use baogao::layout::{block::lay_out_block, Align};
    let doc = compose(annual_report(), &seed_draft("sample", 0));
    let layout_centred: Vec<bool> = doc
        .blocks
        .iter()
        .map(|b| {
            lay_out_block(b)
                .lines
                .iter()
                .all(|l| l.align == Align::Centre)
        })
        .collect();

    // The DOCX is a stored (uncompressed) zip: its document part reads as is.
    let bytes = baogao::docx::write(&doc).expect("docx");
    let text = String::from_utf8_lossy(&bytes);
    let body = &text[text.find("<w:body>").expect("body")..text.find("</w:body>").expect("end")];
    let docx_centred: Vec<bool> = body
        .split("<w:p>")
        .skip(1)
        .filter(|p| p.contains("<w:t"))
        .map(|p| p.contains("<w:jc w:val=\"center\"/>"))
        .collect();
    assert_eq!(docx_centred, layout_centred, "DOCX against layout");

    // What prints is the sheets: each block's first line as drawn.
    let layout = Rc::new(lay_out(&doc));
    let (root, app) = mount(props(Rc::clone(&layout)), "").await;
    let printed: Vec<bool> = (0..doc.blocks.len())
        .map(|block| {
            let (page, row) = layout.locate_block(block).expect("every block is placed");
            let sheet = root
                .query_selector(&format!(".sheet[data-page='{}']", page + 1))
                .expect("q")
                .expect("sheet");
            let line = sheet
                .query_selector(&format!(".line[data-row='{row}']"))
                .expect("q")
                .expect("line");
            centred_on_sheet(&line, &sheet)
        })
        .collect();
    unmount(root, app);
    assert_eq!(printed, layout_centred, "print against layout");
    assert_eq!(
        layout_centred.iter().filter(|&&c| c).count(),
        2,
        "the organ line and the title"
    );
}

#[wasm_bindgen_test]
fn anchor_keys_read_back() {
    use baogao::ui::pages::{anchor_key, parse_anchor_key};
    for anchor in [
        Anchor::meta("title"),
        Anchor::meta("preamble"),
        Anchor::section("measures", "items", vec![1, 0, 2]),
        Anchor::section("plans", "", Vec::new()),
    ] {
        assert_eq!(parse_anchor_key(&anchor_key(&anchor)), Some(anchor));
    }
    assert_eq!(parse_anchor_key("measures/items/x"), None);
    assert_eq!(parse_anchor_key("no-slashes"), None);
}

/// A long report: the sample with its measures repeated (over 40 pages).
fn long_layout() -> Layout {
    let mut draft = seed_draft("long", 0);
    if let Some(section) = draft.section_mut("measures") {
        if let Some(FieldValue::Subsections(items)) = section.fields.get_mut("items") {
            let copy = items.clone();
            for _ in 0..30 {
                items.extend(copy.iter().cloned());
            }
        }
    }
    lay_out(&compose(annual_report(), &draft))
}

#[wasm_bindgen_test]
async fn a_long_report_builds_only_the_sheets_near_the_view() {
    let layout = Rc::new(long_layout());
    let count = layout.pages.len();
    assert!(count > 40, "{count} pages");
    let (root, mut app) = mount(props(Rc::clone(&layout)), "height: 600px").await;
    let sheets = root.query_selector(".sheets").expect("q").expect(".sheets");
    let built = |root: &Element| all(root, ".sheet:not(.placeholder)").len();
    // Every page has a sheet; only the first few are built.
    assert_eq!(all(&root, ".sheet").len(), count);
    assert_eq!(built(&root), 7, "the first pages are built");
    let placeholder = all(&root, ".sheet.placeholder")[0].get_bounding_client_rect();
    assert_near(
        "placeholder width",
        placeholder.width() / PX_PER_MM,
        PAPER_WIDTH_MM,
        0.01,
    );
    assert_near(
        "placeholder height",
        placeholder.height() / PX_PER_MM,
        PAPER_HEIGHT_MM,
        0.01,
    );

    // Scrolled to the end: the last pages are built, the first are not.
    sheets.set_scroll_top(sheets.scroll_height());
    settle().await;
    let last = format!(".sheet[data-page=\"{count}\"]:not(.placeholder) .page-number");
    assert!(
        root.query_selector(&last).expect("q").is_some(),
        "the last page is built"
    );
    assert!(root
        .query_selector(".sheet[data-page=\"1\"].placeholder")
        .expect("q")
        .is_some());
    assert!(built(&root) <= 9, "{} built", built(&root));

    // Printing builds every sheet; afterwards the placeholders are back.
    let window = web_sys::window().expect("window");
    let event = |name: &str| web_sys::Event::new(name).expect("event");
    window
        .dispatch_event(&event("beforeprint"))
        .expect("beforeprint");
    settle().await;
    assert_eq!(built(&root), count, "every sheet built for printing");
    assert_eq!(all(&root, ".sheet .page-number").len(), count);
    window
        .dispatch_event(&event("afterprint"))
        .expect("afterprint");
    settle().await;
    assert!(built(&root) <= 9);

    // Focusing a line on a page far from the view builds that page and
    // scrolls its line into view.
    let target = layout.pages[count / 2].lines[5].clone();
    app.update(SheetsProps {
        focus: Some(target.anchor.clone()),
        ..props(Rc::clone(&layout))
    });
    let (page, row) = layout.locate(&target.anchor).expect("anchor laid out");
    let selector = format!(
        ".sheet[data-page=\"{}\"] .line[data-row=\"{row}\"]",
        page + 1
    );
    let mut seen = false;
    for _ in 0..100 {
        settle().await;
        if let Some(line) = root.query_selector(&selector).expect("q") {
            let (view, r) = (
                sheets.get_bounding_client_rect(),
                line.get_bounding_client_rect(),
            );
            if r.top() >= view.top() && r.bottom() <= view.bottom() {
                seen = true;
                break;
            }
        }
    }
    assert!(
        seen,
        "the focused line on page {} is built and in view",
        page + 1
    );
    unmount(root, app);
}
