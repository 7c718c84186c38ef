//! Reading our PDFs back as a reader would: the text of each page (through the fonts'
//! Unicode maps, by lopdf) and the QR codes, which are drawn as squares (decoded by rqrr
//! from the squares put back on a grid).

use lopdf::content::Content;

/// Keeps a copy of a PDF under `$TREFFPUNKT_PDF_OUT` (when set), for a person to look at
/// what the tests read.
pub fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("TREFFPUNKT_PDF_OUT") {
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        std::fs::write(format!("{dir}/{name}"), bytes).expect("the copy is written");
    }
}

/// A PDF that parses, with its page count.
pub fn load(bytes: &[u8]) -> lopdf::Document {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    lopdf::Document::load_mem(bytes).expect("the PDF parses")
}

/// The text of each page, runs of white space made one space.
pub fn pages(bytes: &[u8]) -> Vec<String> {
    let doc = load(bytes);
    let count = doc.get_pages().len() as u32;
    (1..=count)
        .map(|n| {
            let text = doc.extract_text(&[n]).expect("text of the page");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn number(o: &lopdf::Object) -> f32 {
    match o {
        lopdf::Object::Integer(i) => *i as f32,
        lopdf::Object::Real(r) => *r,
        _ => f32::NAN,
    }
}

/// The bounding boxes (x, y, w, h) of the closed subpaths of a page, in the page's own
/// units (transformations are not followed: a code is read from its squares' relative
/// places, which a uniform scale keeps).
fn boxes(content: &Content) -> Vec<(f32, f32, f32, f32)> {
    let mut out = Vec::new();
    let mut points: Vec<(f32, f32)> = Vec::new();
    let flush = |points: &mut Vec<(f32, f32)>, out: &mut Vec<_>| {
        if points.len() >= 4 {
            let (xs, ys): (Vec<f32>, Vec<f32>) = points.iter().copied().unzip();
            let min_x = xs.iter().copied().fold(f32::MAX, f32::min);
            let max_x = xs.iter().copied().fold(f32::MIN, f32::max);
            let min_y = ys.iter().copied().fold(f32::MAX, f32::min);
            let max_y = ys.iter().copied().fold(f32::MIN, f32::max);
            out.push((min_x, min_y, max_x - min_x, max_y - min_y));
        }
        points.clear();
    };
    for op in &content.operations {
        let n: Vec<f32> = op.operands.iter().map(number).collect();
        match op.operator.as_str() {
            "re" if n.len() == 4 => out.push((n[0], n[1], n[2], n[3].abs())),
            "m" if n.len() == 2 => {
                flush(&mut points, &mut out);
                points.push((n[0], n[1]));
            }
            "l" if n.len() == 2 => points.push((n[0], n[1])),
            "h" | "f" | "f*" | "n" | "S" | "B" => flush(&mut points, &mut out),
            _ => {}
        }
    }
    flush(&mut points, &mut out);
    out
}

/// Every QR code found, one per page at most, in page order.
pub fn qr_payloads(bytes: &[u8]) -> Vec<String> {
    let doc = load(bytes);
    let mut found = Vec::new();
    for (_, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).expect("content decodes");
        let squares: Vec<_> = boxes(&content)
            .into_iter()
            .filter(|(_, _, w, h)| *w > 0.5 && *w < 12.0 && (w - h).abs() < 0.01)
            .collect();
        let Some(unit) = squares.iter().map(|s| s.2).reduce(f32::min) else {
            continue;
        };
        let modules: Vec<_> = squares
            .iter()
            .filter(|s| (s.2 - unit).abs() < 0.01)
            .collect();
        let min_x = modules.iter().map(|s| s.0).fold(f32::MAX, f32::min);
        let min_y = modules.iter().map(|s| s.1).fold(f32::MAX, f32::min);
        let cells = |v: f32, min: f32| ((v - min) / unit).round() as usize;
        let side = modules
            .iter()
            .map(|s| cells(s.0, min_x).max(cells(s.1, min_y)))
            .max()
            .unwrap_or(0)
            + 1;
        // quiet zone of four modules, four pixels a module
        let (quiet, scale) = (4, 4);
        let px = (side + 2 * quiet) * scale;
        let mut pixels = vec![255u8; px * px];
        for s in &modules {
            let (cx, cy) = (cells(s.0, min_x) + quiet, cells(s.1, min_y) + quiet);
            for dy in 0..scale {
                for dx in 0..scale {
                    pixels[(cy * scale + dy) * px + cx * scale + dx] = 0;
                }
            }
        }
        let decode = |pixels: &[u8]| {
            let mut img =
                rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| pixels[y * px + x]);
            img.detect_grids()
                .first()
                .and_then(|g| g.decode().ok())
                .map(|(_, text)| text)
        };
        // a page drawn with its y axis up shows the code mirrored: flip it back
        let flipped: Vec<u8> = (0..px)
            .flat_map(|y| pixels[(px - 1 - y) * px..(px - y) * px].to_vec())
            .collect();
        if let Some(text) = decode(&pixels).or_else(|| decode(&flipped)) {
            found.push(text);
        }
    }
    found
}
