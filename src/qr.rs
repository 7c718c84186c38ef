//! QR codes for tickets: SVG for pages (crisp at any size, printable), PNG for mail.

use qrcode::{EcLevel, QrCode};

/// Modules of quiet zone around the code, as the standard asks.
const QUIET: usize = 4;

fn code(data: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()
}

/// The QR version (1–40) a text needs at error correction M.
pub fn version(data: &str) -> Option<i16> {
    code(data).and_then(|c| match c.version() {
        qrcode::Version::Normal(v) => Some(v),
        qrcode::Version::Micro(_) => None,
    })
}

/// Dark modules as rows of booleans, quiet zone included (for drawing the code as
/// squares, as the PDFs do).
pub fn modules(data: &str) -> Option<Vec<Vec<bool>>> {
    code(data).map(|c| matrix(&c))
}

/// Dark modules as rows of booleans, quiet zone included.
fn matrix(c: &QrCode) -> Vec<Vec<bool>> {
    let w = c.width();
    let colors = c.to_colors();
    let size = w + 2 * QUIET;
    let mut rows = vec![vec![false; size]; size];
    for y in 0..w {
        for x in 0..w {
            rows[y + QUIET][x + QUIET] = colors[y * w + x] == qrcode::Color::Dark;
        }
    }
    rows
}

/// The code as grey pixels, 1 byte each (0 dark, 255 light), `scale` pixels per module,
/// quiet zone included: its side in pixels and the rows one after another.
fn gray(data: &str, scale: usize) -> Option<(usize, Vec<u8>)> {
    let m = matrix(&code(data)?);
    let size = m.len() * scale;
    let mut pixels = Vec::with_capacity(size * size);
    for row in &m {
        let line: Vec<u8> = row
            .iter()
            .flat_map(|d| std::iter::repeat_n(if *d { 0u8 } else { 255u8 }, scale))
            .collect();
        for _ in 0..scale {
            pixels.extend_from_slice(&line);
        }
    }
    Some((size, pixels))
}

/// An inline SVG: one square per dark module, scaled by CSS; `label` is its text alternative.
pub fn svg(data: &str, label: &str) -> Option<String> {
    let m = matrix(&code(data)?);
    let size = m.len();
    let mut path = String::with_capacity(size * size * 4);
    for (y, row) in m.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            if *dark {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##,
        crate::i18n::escape_html(label)
    ))
}

/// A black-and-white PNG with `scale` pixels per module.
pub fn png(data: &str, scale: usize) -> Option<Vec<u8>> {
    let (size, pixels) = gray(data, scale)?;
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, size as u32, size as u32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().ok()?;
        w.write_image_data(&pixels).ok()?;
    }
    Some(out)
}
