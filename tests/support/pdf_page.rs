//! Measuring a printed PDF page with poppler: text lines and their boxes
//! from `pdftotext -bbox-layout`, and ink from `pdftoppm` pixels in colour
//! (where the red 标志 and rules are). Shared by the DOCX and print tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Pixels per millimetre of the rendered pages (254 dpi).
pub const PX_PER_MM: f64 = 10.0;

pub fn mm(pt: f64) -> f64 {
    pt * 25.4 / 72.0
}

/// One line of text with its box in millimetres.
#[derive(Debug, Clone)]
pub struct TextLine {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    pub text: String,
}

pub fn text_pages(html: &str) -> Vec<Vec<TextLine>> {
    let value = |tag: &str, key: &str| -> f64 {
        let key = format!("{key}=\"");
        let from = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        let to = tag[from..].find('"').map(|i| from + i).unwrap_or(from);
        tag[from..to].parse().unwrap_or(f64::NAN)
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<line ")
                .skip(1)
                .map(|line| {
                    let line = &line[..line.find("</line>").unwrap_or(line.len())];
                    let text = line
                        .split("<word ")
                        .skip(1)
                        .map(|w| {
                            let start = w.find('>').map_or(0, |i| i + 1);
                            let end = w.find("</word>").unwrap_or(w.len());
                            w[start..end]
                                .replace("&lt;", "<")
                                .replace("&gt;", ">")
                                .replace("&quot;", "\"")
                                .replace("&amp;", "&")
                        })
                        .collect::<String>();
                    TextLine {
                        top: mm(value(line, "yMin")),
                        bottom: mm(value(line, "yMax")),
                        left: mm(value(line, "xMin")),
                        right: mm(value(line, "xMax")),
                        text,
                    }
                })
                .collect()
        })
        .collect()
}

/// A page rendered in colour: where red ink and dark ink are.
pub struct Pixels {
    pub width: usize,
    pub height: usize,
    rgb: Vec<u8>,
}

impl Pixels {
    /// The horizontal rules between `from` and `to` mm on the page: runs
    /// of dark rows (a gap under 0.25 mm joins them), top and bottom in mm.
    pub fn rule_bands(&self, from: f64, to: f64) -> Vec<(f64, f64)> {
        let mut bands: Vec<(f64, f64)> = Vec::new();
        for y in self.rows(from, to, 1500, Pixels::dark) {
            match bands.last_mut() {
                Some(b) if y - b.1 < 0.25 => b.1 = y,
                _ => bands.push((y, y)),
            }
        }
        bands
    }

    pub fn of_page(pdf: &Path, page: usize, dir: &Path) -> Pixels {
        let n = page.to_string();
        let target = dir.join(format!("page-{n}"));
        let pdf = pdf.display().to_string();
        let target_s = target.display().to_string();
        run(
            "pdftoppm",
            &[
                "-r",
                "254",
                "-f",
                &n,
                "-l",
                &n,
                "-singlefile",
                &pdf,
                &target_s,
            ],
        );
        let bytes = std::fs::read(target.with_extension("ppm")).expect("the rendered page");
        // P6 header: magic, width, height, max, one whitespace.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).to_string());
        }
        assert_eq!(fields[0], "P6");
        let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        Pixels {
            width,
            height,
            rgb: bytes[at + 1..at + 1 + width * height * 3].to_vec(),
        }
    }

    pub fn px(&self, x: usize, y: usize) -> (u8, u8, u8) {
        let i = (y * self.width + x) * 3;
        (self.rgb[i], self.rgb[i + 1], self.rgb[i + 2])
    }

    pub fn red(&self, x: usize, y: usize) -> bool {
        let (r, g, b) = self.px(x, y);
        r > 180 && g < 110 && b < 110
    }

    pub fn dark(&self, x: usize, y: usize) -> bool {
        let (r, g, b) = self.px(x, y);
        (r as u32 + g as u32 + b as u32) < 300
    }

    pub fn y_range(&self, from_mm: f64, to_mm: f64) -> std::ops::Range<usize> {
        let px = |mm: f64| ((mm * PX_PER_MM) as usize).min(self.height);
        px(from_mm)..px(to_mm)
    }

    /// Rows (in mm) between two heights that hold at least `min` pixels
    /// passing `test`.
    pub fn rows(
        &self,
        from_mm: f64,
        to_mm: f64,
        min: usize,
        test: impl Fn(&Self, usize, usize) -> bool,
    ) -> Vec<f64> {
        self.y_range(from_mm, to_mm)
            .filter(|&y| (0..self.width).filter(|&x| test(self, x, y)).count() >= min)
            .map(|y| y as f64 / PX_PER_MM)
            .collect()
    }

    /// Width in mm of the longest run of `test` pixels on row `y_mm`.
    pub fn run_mm(&self, y_mm: f64, test: impl Fn(&Self, usize, usize) -> bool) -> f64 {
        let y = (y_mm * PX_PER_MM) as usize;
        let (mut best, mut current) = (0, 0);
        for x in 0..self.width {
            if test(self, x, y) {
                current += 1;
                best = best.max(current);
            } else {
                current = 0;
            }
        }
        best as f64 / PX_PER_MM
    }
}

pub fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether `program` is on the PATH.
pub fn has(program: &str) -> bool {
    Command::new("which")
        .arg(program)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Writes `bytes` as `tests/output/<name>.docx`, converts it to PDF with
/// LibreOffice (its own profile under `dir`) and returns the PDF's path.
pub fn docx_to_pdf(bytes: &[u8], name: &str, dir: &Path) -> std::path::PathBuf {
    std::fs::create_dir_all("tests/output").expect("tests/output");
    let docx = Path::new("tests/output").join(format!("{name}.docx"));
    std::fs::write(&docx, bytes).expect("write .docx");
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let outdir = dir.display().to_string();
    let docx = docx.display().to_string();
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            &outdir,
            &docx,
        ],
    );
    dir.join(format!("{name}.pdf"))
}
