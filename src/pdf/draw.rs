//! Laid-out pages into a PDF file with krilla.

use krilla::color::luma;
use krilla::geom::{PathBuilder, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use super::layout::{BOTTOM, Item, Page};
use super::text::Face;
use super::{PAGE_HEIGHT, PAGE_WIDTH, PdfError};

fn fill(l: u8) -> Fill {
    Fill {
        paint: luma::Color::new(l).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn rect(surface: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32) {
    let mut path = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(x, y, w, h) {
        path.push_rect(r);
    }
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
}

fn item(face: &Face, surface: &mut Surface<'_>, item: &Item) {
    match item {
        Item::Text {
            x,
            y,
            size,
            bold,
            grey,
            line,
        } => {
            surface.set_fill(Some(fill(if *grey { 80 } else { 0 })));
            // one embedded face: bold is the same letters drawn with a thin outline
            surface.set_stroke(bold.then(|| Stroke {
                width: size * 0.035,
                ..Stroke::default()
            }));
            face.draw(surface, *x, *y, line, *size);
            surface.set_stroke(None);
        }
        Item::Rect { x, y, w, h, luma } => {
            surface.set_fill(Some(fill(*luma)));
            rect(surface, *x, *y, *w, *h);
        }
        Item::Qr {
            x,
            y,
            size,
            modules,
        } => {
            surface.set_fill(Some(fill(0)));
            let unit = size / modules.len().max(1) as f32;
            let mut path = PathBuilder::new();
            for (row, dark) in modules.iter().enumerate() {
                for (col, d) in dark.iter().enumerate() {
                    let square =
                        Rect::from_xywh(x + col as f32 * unit, y + row as f32 * unit, unit, unit);
                    if let (true, Some(square)) = (*d, square) {
                        path.push_rect(square);
                    }
                }
            }
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
        }
    }
}

/// The file: every page with its footer (`feet(n)` gives the left and right texts).
pub fn document(
    face: &Face,
    title: &str,
    lang: &str,
    pages: &[Page],
    feet: impl Fn(usize) -> (Option<String>, Option<String>),
) -> Result<Vec<u8>, PdfError> {
    let mut doc = krilla::Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(lang.to_string())
            .creator("Treffpunkt".to_string()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("the page size is out of range".into()))?;
    for (n, items) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        for i in items {
            item(face, &mut surface, i);
        }
        let (left, right) = feet(n + 1);
        let foot = BOTTOM + 34.0;
        let mut small = |x: f32, text: &str| {
            let i = Item::Text {
                x,
                y: foot,
                size: 8.5,
                bold: false,
                grey: true,
                line: text.to_string(),
            };
            item(face, &mut surface, &i);
        };
        if let Some(left) = left {
            small(50.0, &left);
        }
        if let Some(right) = right {
            let x = PAGE_WIDTH - 50.0 - face.width(&right, 8.5);
            small(x, &right);
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}
