//! Printing the sample report: the release build opens the sample, the
//! preview shows its pages, and the browser's PDF of the same page (A4, no
//! margins, backgrounds on, scale 1) has those pages, breaks lines and pages
//! where the preview does, and meets GB/T 9704's numbers as measured by
//! poppler's `pdfinfo` and `pdftotext`. The PDF and a PNG of page 1 are left
//! in `tests/output/` for a person to look at.

use crate::harness::{self, eventually, wait_for, Browser};
use baogao::document::compose;
use baogao::layout::geometry::{LEFT_MM, MM_PER_PT, PAGE_NUMBER_DASH_Y_MM, PAPER_WIDTH_MM, TOP_MM};
use baogao::layout::grid::CHARS_PER_LINE;
use baogao::layout::lay_out;
use baogao::sample::seed_draft;
use baogao::template::annual_report;
use std::path::Path;
use std::process::Command;

const TITLE: &str = "关于2023年度法治政府建设工作的报告";

/// A4 in points.
const A4_PT: (f64, f64) = (595.28, 841.89);

in_chromium_and_firefox!(the_sample_prints_on_a4_exactly_as_previewed);
fn the_sample_prints_on_a4_exactly_as_previewed(browser: Browser) {
    harness::run_in(browser, |app| async move {
        let c = &app.client;
        c.goto(&app.url).await.expect("open app");
        harness::click(c, "[data-action='open-sample']").await;
        let layout = lay_out(&compose(annual_report(), &seed_draft("sample", 0)));
        let expected: Vec<Vec<String>> = layout
            .pages
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text()).collect())
            .collect();
        let shown: usize = eventually("the sample's pages in the preview", || async {
            let root = c
                .find(fantoccini::Locator::Css("[data-page-count]"))
                .await
                .ok()?;
            let count = root.attr("data-page-count").await.ok()??.parse().ok()?;
            let text = root.text().await.ok()?;
            (text.contains(TITLE) && count == layout.pages.len()).then_some(count)
        })
        .await;
        assert_eq!(shown, 5, "the sample report has five pages");
        wait_for(c, "[data-action='print']").await;

        // The preview's lines, sheet by sheet, are the layout's lines.
        let preview = sheet_lines(c).await;
        assert_eq!(preview, expected, "preview lines differ from the layout");

        let pdf_bytes = harness::print_to_pdf(&app).await;
        let pdf = app.output("sample-report.pdf");
        std::fs::write(&pdf, pdf_bytes).expect("save the PDF");

        check_paper(&pdf, shown);
        let pages = pdf_pages(&pdf);
        assert_eq!(pages.len(), shown);
        let page1 = run("pdftotext", &["-layout", "-f", "1", "-l", "1"], &pdf);
        assert!(
            squeeze(&page1).contains(TITLE),
            "title not on page 1:\n{page1}"
        );
        for (i, page) in pages.iter().enumerate() {
            check_page(&pdf, i + 1, page, &expected[i]);
        }
        let png = app.output("sample-page1");
        run_to(
            "pdftoppm",
            &["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"],
            &pdf,
            &png,
        );
    });
}

/// The text of every `.line` on every `.sheet`, read from the DOM.
async fn sheet_lines(c: &fantoccini::Client) -> Vec<Vec<String>> {
    let value = c
        .execute(
            "return Array.from(document.querySelectorAll('.sheet')).map(s =>
                Array.from(s.querySelectorAll('.line')).map(l => l.textContent));",
            vec![],
        )
        .await
        .expect("read the sheets");
    serde_json::from_value(value).expect("lines as strings")
}

/// Every page is A4 and the PDF has as many pages as the preview.
fn check_paper(pdf: &Path, pages: usize) {
    let info = run("pdfinfo", &[], pdf);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo:\n{info}"));
    assert_eq!(count, pages, "PDF pages vs preview pages");
    let last = count.to_string();
    let sizes = run("pdfinfo", &["-f", "1", "-l", &last], pdf);
    let mut seen = 0;
    for line in sizes
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
    {
        let dims: Vec<f64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let [_, w, h] = dims[..] else {
            panic!("unexpected pdfinfo line: {line}");
        };
        assert!(
            (w - A4_PT.0).abs() <= 1.0 && (h - A4_PT.1).abs() <= 1.0,
            "not A4: {line}"
        );
        seen += 1;
    }
    assert_eq!(seen, pages, "page sizes in:\n{sizes}");
}

/// One printed page against GB/T 9704 and the layout's lines.
fn check_page(pdf: &Path, number: usize, page: &PdfPage, expected: &[String]) {
    let rows = page.rows();
    let (numbers, text_rows): (Vec<&Row>, Vec<&Row>) =
        rows.iter().partition(|r| r.y_min > 255.0 / MM_PER_PT);
    let what = |r: &Row| format!("page {number}: «{}»", r.text);

    // The page number, on the outer side.
    assert_eq!(
        numbers.len(),
        1,
        "page {number}: one page number, got {numbers:?}"
    );
    let pn = numbers[0];
    assert_eq!(squeeze(&pn.text), format!("—{number}—"), "{}", what(pn));
    let middle_mm = (pn.x_min + pn.x_max) / 2.0 * MM_PER_PT;
    if number % 2 == 1 {
        assert!(middle_mm > PAPER_WIDTH_MM / 2.0, "{} not right", what(pn));
    } else {
        assert!(middle_mm < PAPER_WIDTH_MM / 2.0, "{} not left", what(pn));
    }

    // The grid: at most 22 rows of at most 28 characters (29 when the
    // last is closing punctuation compressed into the line).
    assert!(
        text_rows.len() <= 22,
        "page {number}: {} rows",
        text_rows.len()
    );
    for row in &text_rows {
        let chars = grid_chars(&row.text);
        let compressed = row
            .text
            .ends_with(|c| "，。、；：？！）》」』”’".contains(c));
        let limit = CHARS_PER_LINE as f64 + if compressed { 1.0 } else { 0.0 };
        assert!(chars <= limit, "{}: {chars} characters", what(row));
    }

    // Type area, on the printed ink (pdftotext's boxes for Chromium's
    // Type 3 fonts are taller than the glyphs): the first row's glyphs start
    // at 37 mm from the top; the leftmost glyphs at 28 mm (pdftotext's
    // left edges, which are exact); the page number's dashes at 269 mm.
    let ink = Ink::of_page(pdf, number);
    let top_mm = ink.first_row(0.0, 255.0).expect("ink in the type area");
    assert!(
        (top_mm - TOP_MM).abs() <= 1.5,
        "page {number}: first glyph top at {top_mm:.2} mm"
    );
    let flush_left = text_rows
        .iter()
        .map(|r| r.x_min * MM_PER_PT)
        .fold(f64::INFINITY, f64::min);
    assert!(
        (flush_left - LEFT_MM).abs() <= 1.5,
        "page {number}: leftmost text at {flush_left:.2} mm"
    );
    let ink_left = ink.first_column(0.0, 255.0).expect("ink in the type area");
    assert!(
        (ink_left - LEFT_MM).abs() <= 1.5,
        "page {number}: leftmost ink at {ink_left:.2} mm"
    );
    let (dash_top, dash_bottom) = ink.band(260.0, 297.0).expect("a page number");
    assert!(
        dash_top - 1.0 <= PAGE_NUMBER_DASH_Y_MM && PAGE_NUMBER_DASH_Y_MM <= dash_bottom + 1.0,
        "page {number}: page number inked from {dash_top:.2} to {dash_bottom:.2} mm"
    );
    println!(
        "page {number}: first glyph top {top_mm:.2} mm (pdftotext box {:.2} mm), \
         left edge {flush_left:.2} mm (ink {ink_left:.2} mm), {} rows, \
         number «{}» centred at {middle_mm:.1} mm, inked {dash_top:.2}–{dash_bottom:.2} mm",
        text_rows.first().map_or(0.0, |r| r.y_min * MM_PER_PT),
        text_rows.len(),
        pn.text
    );

    // The printout breaks where the preview does.
    let printed: Vec<String> = text_rows.iter().map(|r| squeeze(&r.text)).collect();
    let previewed: Vec<String> = expected.iter().map(|t| squeeze(t)).collect();
    assert_eq!(
        printed, previewed,
        "page {number}: printed lines vs preview lines"
    );
}

/// Width in full-width characters: a half-width one counts ½.
fn grid_chars(text: &str) -> f64 {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// The text without any whitespace (pdftotext adds spaces between words).
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line of text found by `pdftotext -bbox-layout`, in points from the
/// page's top-left corner.
#[derive(Debug, Clone)]
struct Row {
    text: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

#[derive(Debug, Default)]
struct PdfPage {
    lines: Vec<Row>,
}

impl PdfPage {
    /// The page's lines merged by height (pdftotext may cut one printed
    /// line into several), top to bottom, each left to right.
    fn rows(&self) -> Vec<Row> {
        let mut lines = self.lines.clone();
        lines.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
        let mut rows: Vec<Vec<Row>> = Vec::new();
        for line in lines {
            let middle = (line.y_min + line.y_max) / 2.0;
            match rows.last_mut() {
                Some(row) if (middle - (row[0].y_min + row[0].y_max) / 2.0).abs() < 3.0 => {
                    row.push(line)
                }
                _ => rows.push(vec![line]),
            }
        }
        rows.into_iter()
            .map(|mut parts| {
                parts.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
                Row {
                    text: parts
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    x_min: parts.iter().map(|p| p.x_min).fold(f64::INFINITY, f64::min),
                    y_min: parts.iter().map(|p| p.y_min).fold(f64::INFINITY, f64::min),
                    x_max: parts.iter().map(|p| p.x_max).fold(0.0, f64::max),
                    y_max: parts.iter().map(|p| p.y_max).fold(0.0, f64::max),
                }
            })
            .collect()
    }
}

/// The lines of every page, from `pdftotext -bbox-layout`'s XHTML.
fn pdf_pages(pdf: &Path) -> Vec<PdfPage> {
    let xhtml = run("pdftotext", &["-bbox-layout"], pdf);
    xhtml
        .split("<page ")
        .skip(1)
        .map(|page| PdfPage {
            lines: page
                .split("<line ")
                .skip(1)
                .map(|line| {
                    let line = line.split("</line>").next().unwrap_or("");
                    let words: Vec<String> = line
                        .split("<word ")
                        .skip(1)
                        .filter_map(|w| w.split_once('>'))
                        .map(|(_, rest)| unescape(rest.split("</word>").next().unwrap_or("")))
                        .collect();
                    Row {
                        text: words.join(" "),
                        x_min: attr(line, "xMin"),
                        y_min: attr(line, "yMin"),
                        x_max: attr(line, "xMax"),
                        y_max: attr(line, "yMax"),
                    }
                })
                .collect(),
        })
        .collect()
}

fn attr(tag: &str, name: &str) -> f64 {
    tag.split_once(&format!("{name}=\""))
        .and_then(|(_, rest)| rest.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A page rendered in grey at 10 pixels per millimetre, to measure where
/// the ink is.
struct Ink {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Ink {
    const PX_PER_MM: f64 = 10.0;

    fn of_page(pdf: &Path, number: usize) -> Ink {
        let n = number.to_string();
        let target = std::env::temp_dir().join(format!("baogao-ink-{}-{n}", std::process::id()));
        run_to(
            "pdftoppm",
            &["-gray", "-r", "254", "-f", &n, "-l", &n, "-singlefile"],
            pdf,
            &target,
        );
        let file = target.with_extension("pgm");
        let bytes = std::fs::read(&file).expect("read the rendered page");
        let _ = std::fs::remove_file(&file);
        Ink::parse(&bytes).expect("a binary PGM from pdftoppm")
    }

    /// Reads a binary PGM (P5, 8 bits).
    fn parse(bytes: &[u8]) -> Option<Ink> {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&bytes[start..at]).ok()?.to_string());
        }
        let (width, height) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
        let pixels = bytes.get(at + 1..at + 1 + width * height)?.to_vec();
        (fields[0] == "P5").then_some(Ink {
            width,
            height,
            pixels,
        })
    }

    fn inked(&self, x: usize, y: usize) -> bool {
        self.pixels[y * self.width + x] < 128
    }

    fn rows(&self, from_mm: f64, to_mm: f64) -> std::ops::Range<usize> {
        let px = |mm: f64| ((mm * Self::PX_PER_MM) as usize).min(self.height);
        px(from_mm)..px(to_mm)
    }

    /// The first inked row between two heights, in mm from the top.
    fn first_row(&self, from_mm: f64, to_mm: f64) -> Option<f64> {
        self.rows(from_mm, to_mm)
            .find(|&y| (0..self.width).any(|x| self.inked(x, y)))
            .map(|y| y as f64 / Self::PX_PER_MM)
    }

    /// The first and last inked rows between two heights, in mm.
    fn band(&self, from_mm: f64, to_mm: f64) -> Option<(f64, f64)> {
        let first = self.first_row(from_mm, to_mm)?;
        let last = self
            .rows(from_mm, to_mm)
            .rev()
            .find(|&y| (0..self.width).any(|x| self.inked(x, y)))?;
        Some((first, last as f64 / Self::PX_PER_MM))
    }

    /// The leftmost inked column between two heights, in mm from the left.
    fn first_column(&self, from_mm: f64, to_mm: f64) -> Option<f64> {
        let rows = self.rows(from_mm, to_mm);
        (0..self.width)
            .find(|&x| rows.clone().any(|y| self.inked(x, y)))
            .map(|x| x as f64 / Self::PX_PER_MM)
    }
}

/// Runs a poppler tool on `pdf` and returns what it printed.
fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(pdf);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let output = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs a poppler tool that writes to `target`.
fn run_to(tool: &str, args: &[&str], pdf: &Path, target: &Path) {
    let status = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg(target)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {tool} (poppler-utils): {e}"));
    assert!(status.success(), "{tool} failed");
}
