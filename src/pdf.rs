//! One-page PDFs (the confirmation slip the office prints for a person without e-mail):
//! lines of text and a QR code, on A4. Text that the standard Helvetica fonts can show
//! (Western European letters, WinAnsi) uses them: every PDF reader has them, and the file
//! stays small. Any other text (Ukrainian, Turkish ı ş ğ, Arabic) is set in DejaVu Sans,
//! embedded in the file (`assets/fonts`, free licence beside it); Arabic is shaped and laid
//! out right to left by `rtl.rs`.

use std::io::Write;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// DejaVu Sans: Latin, Cyrillic and Arabic (with its presentation forms) in one face.
static DEJAVU: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

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
    let standard = fits(title) && lines.iter().all(|(_, t)| fits(t));
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
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), regular);
        // the embedded face is one font (F1); `bold` then holds its descendant
        if standard {
            fonts.pair(Name(b"F2"), bold);
        }
        fonts.finish();
        resources.x_objects().pair(Name(b"Im1"), image_id);
    }
    let face = match standard {
        true => None,
        false => Some(ttf_parser::Face::parse(DEJAVU, 0).ok()?),
    };
    let mut used = std::collections::BTreeMap::new();
    if face.is_none() {
        pdf.type1_font(regular)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold)
            .base_font(Name(b"Helvetica-Bold"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }

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
        let wrapped = match &face {
            None => wrap(text, max),
            Some(face) => wrap_measured(face, text, (WIDTH - 2.0 * MARGIN) * 1000.0 / size),
        };
        // a paragraph keeps its direction on every line it wraps to
        let rtl = crate::rtl::is_rtl(text);
        for line in wrapped {
            y -= size * 1.25;
            content.begin_text();
            match &face {
                None => {
                    content.set_font(font, size);
                    content.next_line(MARGIN, y);
                    content.show(Str(&encode(&line)));
                }
                Some(face) => {
                    let visual = match rtl {
                        true => crate::rtl::visual(&line),
                        false => line.clone(),
                    };
                    let (glyphs, width) = glyphs_of(face, &visual, &mut used);
                    // headings in the one embedded face: drawn a little heavier
                    let heavy = font == Name(b"F2");
                    content.set_font(Name(b"F1"), size);
                    if heavy {
                        content.set_text_rendering_mode(TextRenderingMode::FillStroke);
                        content.set_line_width(size * 0.03);
                    }
                    let x = match rtl {
                        true => WIDTH - MARGIN - width * size / 1000.0,
                        false => MARGIN,
                    };
                    content.next_line(x, y);
                    content.show(Str(&glyphs));
                    if heavy {
                        content.set_text_rendering_mode(TextRenderingMode::Fill);
                    }
                }
            }
            content.end_text();
        }
        y -= gap;
    }
    let content = content.finish();
    pdf.stream(content_id, &content);
    if let Some(face) = &face {
        embed(
            &mut pdf,
            face,
            &used,
            (regular, bold, Ref::new(9), Ref::new(10)),
        )?;
    }
    Some(pdf.finish())
}

/// Breaks a text into lines no wider than `max` (thousandths of the font size) in `face`,
/// at spaces; Arabic is measured as it will be drawn, in its joined forms.
fn wrap_measured(face: &ttf_parser::Face<'_>, text: &str, max: f32) -> Vec<String> {
    let scale = 1000.0 / f32::from(face.units_per_em());
    let width = |t: &str| -> f32 {
        crate::rtl::shape(t)
            .chars()
            .filter_map(|c| face.glyph_index(c))
            .filter_map(|g| face.glyph_hor_advance(g))
            .map(|a| f32::from(a) * scale)
            .sum()
    };
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let longer = format!("{line} {word}");
            if !line.is_empty() && width(&longer) > max {
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

/// A line as glyph ids of `face` (two bytes each, the fonts' "Identity-H" encoding), and
/// its width in thousandths of the font size; the glyphs used are noted with their text.
fn glyphs_of(
    face: &ttf_parser::Face<'_>,
    text: &str,
    used: &mut std::collections::BTreeMap<u16, (String, f32)>,
) -> (Vec<u8>, f32) {
    let scale = 1000.0 / f32::from(face.units_per_em());
    let mut out = Vec::new();
    let mut width = 0.0;
    for c in text.chars().filter(|c| !invisible(*c)) {
        let gid = face
            .glyph_index(c)
            .or_else(|| face.glyph_index('?'))
            .map_or(0, |g| g.0);
        let advance = face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map_or(0.0, |a| f32::from(a) * scale);
        used.entry(gid)
            .or_insert_with(|| (crate::rtl::logical(c), advance));
        out.extend_from_slice(&gid.to_be_bytes());
        width += advance;
    }
    (out, width)
}

/// The embedded face: a Type 0 font over the TrueType program, with the widths and the
/// text of each glyph used (so that the text can be searched and copied).
fn embed(
    pdf: &mut Pdf,
    face: &ttf_parser::Face<'_>,
    used: &std::collections::BTreeMap<u16, (String, f32)>,
    (font, cid, descriptor, file): (Ref, Ref, Ref, Ref),
) -> Option<()> {
    let (cmap_id, name) = (Ref::new(11), Name(b"DejaVuSans"));
    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(font)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_id);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(info)
        .font_descriptor(descriptor)
        .default_width(600.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let mut widths = cid_font.widths();
    for (gid, (_, w)) in used {
        widths.consecutive(*gid, [*w]);
    }
    widths.finish();
    cid_font.finish();
    let scale = 1000.0 / f32::from(face.units_per_em());
    let b = face.global_bounding_box();
    pdf.font_descriptor(descriptor)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            f32::from(b.x_min) * scale,
            f32::from(b.y_min) * scale,
            f32::from(b.x_max) * scale,
            f32::from(b.y_max) * scale,
        ))
        .italic_angle(0.0)
        .ascent(f32::from(face.ascender()) * scale)
        .descent(f32::from(face.descender()) * scale)
        .cap_height(f32::from(face.capital_height().unwrap_or(700)) * scale)
        .stem_v(80.0)
        .font_file2(file);
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    deflate.write_all(DEJAVU).ok()?;
    let program = deflate.finish().ok()?;
    pdf.stream(file, &program)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), DEJAVU.len() as i32);
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), info);
    for (gid, (text, _)) in used {
        cmap.pair_with_multiple(*gid, text.chars());
    }
    let cmap = cmap.finish();
    pdf.cmap(cmap_id, &cmap);
    Some(())
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
    fn other_scripts_embed_a_face() {
        let pdf = page(
            "Підтвердження",
            &[
                (Style::Title, "Підтвердження реєстрації".into()),
                (Style::Text, "Kayıt onayı: ılık şeker ğ".into()),
                (Style::Text, "تأكيد التسجيل".into()),
            ],
            "T1.abc",
        )
        .unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/DejaVuSans") && text.contains("Identity-H"));
        let helvetica_only = page("x", &[(Style::Text, "Straße".into())], "T1.abc").unwrap();
        assert!(!String::from_utf8_lossy(&helvetica_only).contains("DejaVu"));
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
