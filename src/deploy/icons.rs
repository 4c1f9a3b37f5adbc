//! The app's icon, drawn from rectangles so that every size is exact and
//! no image tool is needed: a white sheet with a red title and rule (a
//! 红头 document) and grey lines of text on the app's accent red. The
//! design keeps inside the central circle that maskable icons must fill
//! (radius 40 % of the side), so one drawing serves every purpose.

/// A rectangle in fractions of the side: left, top, right, bottom, colour.
type Shape = (f64, f64, f64, f64, [u8; 3]);

const RED: [u8; 3] = [0xb2, 0x2a, 0x2a];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const GREY: [u8; 3] = [0xb8, 0xb8, 0xb8];

/// Painted in order, each over the ones before.
const SHAPES: [Shape; 8] = [
    (0.0, 0.0, 1.0, 1.0, RED),
    (0.28, 0.20, 0.72, 0.80, WHITE),
    (0.36, 0.27, 0.64, 0.34, RED),
    (0.33, 0.39, 0.67, 0.41, RED),
    (0.36, 0.47, 0.64, 0.50, GREY),
    (0.36, 0.55, 0.64, 0.58, GREY),
    (0.36, 0.63, 0.64, 0.66, GREY),
    (0.36, 0.71, 0.54, 0.74, GREY),
];

/// The accent red as CSS, for the manifest's and the page's theme colour.
pub const THEME_COLOR: &str = "#b22a2a";

/// The icon as SVG (the favicon).
pub fn svg() -> String {
    let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    let rects: String = SHAPES
        .iter()
        .map(|&(l, t, r, b, color)| {
            format!(
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                round(l * 100.0),
                round(t * 100.0),
                round((r - l) * 100.0),
                round((b - t) * 100.0),
                hex(color)
            )
        })
        .collect();
    format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{rects}</svg>"#)
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The icon as a `size` × `size` PNG. Each pixel is the shapes' colours
/// mixed by how much of the pixel each covers, so edges are smooth at any
/// size.
pub fn png(size: u32) -> Vec<u8> {
    let side = f64::from(size);
    let mut rows = Vec::with_capacity((size as usize * 3 + 1) * size as usize);
    for y in 0..size {
        rows.push(0); // filter type: none
        for x in 0..size {
            let mut pixel = [0.0f64; 3];
            for &(l, t, r, b, color) in &SHAPES {
                let cover = |from: f64, to: f64, at: u32| {
                    let (lo, hi) = (f64::from(at), f64::from(at) + 1.0);
                    ((to * side).min(hi) - (from * side).max(lo)).max(0.0)
                };
                let area = cover(l, r, x) * cover(t, b, y);
                for (p, c) in pixel.iter_mut().zip(color) {
                    *p = *p * (1.0 - area) + f64::from(c) * area;
                }
            }
            rows.extend(pixel.map(|p| p.round().clamp(0.0, 255.0) as u8));
        }
    }
    let mut header = Vec::with_capacity(13);
    header.extend(size.to_be_bytes());
    header.extend(size.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8 bits per channel, RGB, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&rows, 9),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Appends one PNG chunk: length, type, data, CRC-32 of type and data.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// CRC-32 (ISO 3309), as PNG chunks carry it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels of a PNG written by [`png`], as RGB rows.
    fn pixels(png: &[u8], size: usize) -> Vec<Vec<[u8; 3]>> {
        let idat = png
            .windows(4)
            .position(|w| w == b"IDAT")
            .expect("an IDAT chunk");
        let len = u32::from_be_bytes(png[idat - 4..idat].try_into().expect("length")) as usize;
        let rows = miniz_oxide::inflate::decompress_to_vec_zlib(&png[idat + 4..idat + 4 + len])
            .expect("zlib data");
        rows.chunks(size * 3 + 1)
            .map(|row| {
                assert_eq!(row[0], 0, "filter type none");
                row[1..].chunks(3).map(|p| [p[0], p[1], p[2]]).collect()
            })
            .collect()
    }

    #[test]
    fn png_is_the_drawing_at_that_size() {
        let png = png(192);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().expect("w")), 192);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().expect("h")), 192);
        // The IHDR chunk's CRC as PNG readers check it.
        assert_eq!(
            u32::from_be_bytes(png[29..33].try_into().expect("crc")),
            crc32(&png[12..29])
        );
        let px = pixels(&png, 192);
        assert_eq!(px.len(), 192);
        assert_eq!(px[2][2], RED, "background");
        assert_eq!(px[96][96 - 30], WHITE, "sheet");
        assert_eq!(px[58][96], RED, "title on the sheet");
        assert_eq!(px[93][96], GREY, "a line of text");
        assert!(png.ends_with(&[0xae, 0x42, 0x60, 0x82]), "IEND CRC");
    }

    #[test]
    fn everything_but_the_background_keeps_to_the_maskable_safe_zone() {
        for &(l, t, r, b, _) in &SHAPES[1..] {
            for (x, y) in [(l, t), (r, t), (l, b), (r, b)] {
                let d = ((x - 0.5).powi(2) + (y - 0.5).powi(2)).sqrt();
                assert!(d <= 0.4, "corner ({x}, {y}) is {d} from the centre");
            }
        }
    }

    #[test]
    fn svg_draws_the_same_shapes() {
        let svg = svg();
        assert_eq!(svg.matches("<rect").count(), SHAPES.len());
        assert!(svg.contains(r##"<rect x="28" y="20" width="44" height="60" fill="#ffffff"/>"##));
    }
}
