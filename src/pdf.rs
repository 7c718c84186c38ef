//! One-page PDFs (the confirmation slip the office prints for a person without e-mail):
//! lines of text and a QR code, on A4, in the standard Helvetica fonts every PDF reader has.
//!
//! Those fonts know only Western European letters (WinAnsi). A text whose words they cannot
//! show is told by [`fits`], so the caller can take another language for its own words;
//! names and places keep their letters where possible, others become `?`.

use std::io::Write;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// How a line is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Text,
    /// Where the QR code goes (its text is not shown).
    Qr,
}

/// A4 in points, and the margin.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const QR_SIZE: f32 = 170.0;

/// The WinAnsi byte of a character, if the standard fonts have it.
fn winansi(c: char) -> Option<u8> {
    let code = c as u32;
    match c {
        ' '..='~' => Some(code as u8),
        '\u{A0}'..='\u{FF}' => Some(code as u8),
        '€' => Some(0x80),
        '‚' => Some(0x82),
        '„' => Some(0x84),
        '…' => Some(0x85),
        '‘' => Some(0x91),
        '’' => Some(0x92),
        '“' => Some(0x93),
        '”' => Some(0x94),
        '•' => Some(0x95),
        '–' => Some(0x96),
        '—' => Some(0x97),
        // the isolation marks Fluent puts around placeables show nothing
        _ => None,
    }
}

fn invisible(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Whether every letter of `text` can be shown in the standard fonts.
pub fn fits(text: &str) -> bool {
    text.chars().all(|c| invisible(c) || winansi(c).is_some())
}

fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| !invisible(*c))
        .map(|c| winansi(c).unwrap_or(b'?'))
        .collect()
}

/// Breaks a text into lines of at most `max` characters at spaces (Helvetica averages about
/// half its size per character, so `max` follows from the width).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// A one-page PDF of `lines`, titled `title`, with the QR code of `qr` where a `Qr` line
/// stands. `None` only if the QR code cannot be made.
pub fn page(title: &str, lines: &[(Style, String)], qr: &str) -> Option<Vec<u8>> {
    let (catalog, tree, page_id, regular, bold, content_id, image_id, info) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
        Ref::new(8),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);
    pdf.document_info(info).title(TextStr(title));
    {
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
        page.parent(tree);
        page.contents(content_id);
        let mut resources = page.resources();
        resources
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        resources.x_objects().pair(Name(b"Im1"), image_id);
    }
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));

    let (px, pixels) = crate::qr::gray(qr, 4)?;
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    deflate.write_all(&pixels).ok()?;
    let compressed = deflate.finish().ok()?;
    let mut image = pdf.image_xobject(image_id, &compressed);
    image.filter(Filter::FlateDecode);
    image.width(px as i32);
    image.height(px as i32);
    image.color_space().device_gray();
    image.bits_per_component(8);
    image.finish();

    let mut content = Content::new();
    let mut y = HEIGHT - MARGIN;
    for (style, text) in lines {
        let (font, size, gap) = match style {
            Style::Title => (Name(b"F2"), 20.0, 10.0),
            Style::Heading => (Name(b"F2"), 13.0, 2.0),
            Style::Text => (Name(b"F1"), 12.0, 6.0),
            Style::Qr => {
                y -= QR_SIZE;
                content.save_state();
                content.transform([QR_SIZE, 0.0, 0.0, QR_SIZE, MARGIN, y]);
                content.x_object(Name(b"Im1"));
                content.restore_state();
                y -= 14.0;
                continue;
            }
        };
        let max = ((WIDTH - 2.0 * MARGIN) / (size * 0.55)) as usize;
        for line in wrap(text, max) {
            y -= size * 1.25;
            content.begin_text();
            content.set_font(font, size);
            content.next_line(MARGIN, y);
            content.show(Str(&encode(&line)));
            content.end_text();
        }
        y -= gap;
    }
    let content = content.finish();
    pdf.stream(content_id, &content);
    Some(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_fits_arabic_does_not() {
        assert!(fits("Bürgerversammlung – Straße „Am Markt“ 5 €"));
        assert!(!fits("اجتماع"));
        assert!(!fits("Зустріч"));
        assert_eq!(encode("Ä\u{2068}x\u{2069}Ж"), vec![0xC4, b'x', b'?']);
    }

    #[test]
    fn long_lines_break_at_spaces() {
        assert_eq!(wrap("eins zwei drei", 9), ["eins zwei", "drei"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }

    #[test]
    fn makes_a_pdf() {
        let pdf = page(
            "Zettel",
            &[
                (Style::Title, "Anmeldebestätigung".into()),
                (Style::Qr, String::new()),
            ],
            "T1.abc",
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
