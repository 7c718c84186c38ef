//! Text on a PDF page: shaped by rustybuzz (so Arabic and Persian letters join, marks sit
//! where they belong), put in visual order by the Unicode bidirectional algorithm, and
//! broken into lines by measured width.

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};

/// DejaVu Sans: Latin, Cyrillic, Arabic and Persian in one face (free licence beside it).
static DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The face for shaping and the same face for drawing.
pub struct Face {
    shaper: rustybuzz::Face<'static>,
    font: Font,
    units: f32,
}

static FACE: LazyLock<Option<Face>> = LazyLock::new(|| {
    let shaper = rustybuzz::Face::from_slice(DEJAVU, 0)?;
    let units = f32::from(shaper.units_per_em() as u16);
    let font = Font::new(Arc::new(DEJAVU.to_vec()).into(), 0)?;
    Some(Face {
        shaper,
        font,
        units,
    })
});

/// The one face, `None` only if the bundled font cannot be read.
pub fn face() -> Option<&'static Face> {
    FACE.as_ref()
}

/// Whether a paragraph reads right to left (its first strong letter decides).
pub fn is_rtl(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// Characters that only steer direction: they show nothing.
fn invisible(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}')
}

/// The text without the isolation marks Fluent puts around placeables.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| !invisible(*c)).collect()
}

impl Face {
    /// Glyphs of one run of one direction, in visual order, advances in font-size units.
    fn shape(&self, run: &str, rtl: bool) -> Vec<KrillaGlyph> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(run);
        buffer.guess_segment_properties();
        buffer.set_direction(match rtl {
            true => Direction::RightToLeft,
            false => Direction::LeftToRight,
        });
        let out = rustybuzz::shape(&self.shaper, &[], buffer);
        let infos = out.glyph_infos();
        let positions = out.glyph_positions();
        // a glyph stands for the text from its cluster to the next cluster in logical order
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| -> usize {
            starts
                .iter()
                .copied()
                .find(|s| *s > start)
                .unwrap_or(run.len())
        };
        infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let range: Range<usize> = start..end_of(start);
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / self.units,
                    pos.x_offset as f32 / self.units,
                    pos.y_offset as f32 / self.units,
                    pos.y_advance as f32 / self.units,
                    range,
                    None,
                )
            })
            .collect()
    }

    /// The line's runs in visual order: (text, right to left). The isolation marks
    /// around a placeable (a phone number in an Arabic sentence) keep it together while
    /// the order is found, and are then dropped: they show nothing.
    fn runs(line: &str) -> Vec<(String, bool)> {
        if line.is_empty() {
            return Vec::new();
        }
        let info = BidiInfo::new(line, None);
        let Some(para) = info.paragraphs.first() else {
            return vec![(clean(line), false)];
        };
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        runs.into_iter()
            .map(|r| {
                let rtl = levels.get(r.start).is_some_and(Level::is_rtl);
                (clean(&line[r]), rtl)
            })
            .filter(|(text, _)| !text.is_empty())
            .collect()
    }

    /// The width of a line in points at `size`.
    pub fn width(&self, line: &str, size: f32) -> f32 {
        Self::runs(line)
            .iter()
            .flat_map(|(run, rtl)| self.shape(run, *rtl))
            .map(|g| g.x_advance)
            .sum::<f32>()
            * size
    }

    /// Draws a line with its left end at `x` and its baseline at `y`.
    pub fn draw(&self, surface: &mut Surface<'_>, x: f32, y: f32, line: &str, size: f32) {
        let mut x = x;
        for (run, rtl) in Self::runs(line) {
            let glyphs = self.shape(&run, rtl);
            surface.draw_glyphs(
                Point::from_xy(x, y),
                &glyphs,
                self.font.clone(),
                &run,
                size,
                false,
            );
            x += glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
        }
    }

    /// Breaks a paragraph into lines no wider than `max` points at `size`, at spaces; a
    /// word longer than a line is cut where it must be.
    pub fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = match line.is_empty() {
                    true => word.to_string(),
                    false => format!("{line} {word}"),
                };
                if self.width(&candidate, size) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for piece in self.cut(word, size, max) {
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    line = piece;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// A word in pieces that each fit `max`.
    fn cut(&self, word: &str, size: f32, max: f32) -> Vec<String> {
        let mut pieces = vec![String::new()];
        for c in word.chars() {
            let last = pieces.last_mut().expect("one piece at least");
            let mut longer = last.clone();
            longer.push(c);
            if !last.is_empty() && self.width(&longer, size) > max {
                pieces.push(c.to_string());
            } else {
                *last = longer;
            }
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_by_width() {
        let face = face().unwrap();
        let lines = face.wrap(
            "eins zwei drei vier",
            10.0,
            face.width("eins zwei", 10.0) + 0.1,
        );
        assert_eq!(lines, ["eins zwei", "drei vier"]);
        assert_eq!(face.wrap("a\nb", 10.0, 100.0), ["a", "b"]);
        let cut = face.wrap(
            "Donaudampfschifffahrt",
            10.0,
            face.width("Donau", 10.0) + 0.1,
        );
        assert_eq!(cut.concat(), "Donaudampfschifffahrt");
        assert!(cut.len() > 2);
    }

    #[test]
    fn arabic_joins_into_narrower_forms() {
        let face = face().unwrap();
        // joined letters are narrower than the same letters standing alone
        let joined = face.width("سلام", 10.0);
        let alone = face.width("س ل ا م", 10.0) - 3.0 * face.width(" ", 10.0);
        assert!(joined < alone, "{joined} < {alone}");
        assert!(is_rtl("تأكيد التسجيل 2026") && !is_rtl("Anmeldung"));
        // numbers inside Arabic keep reading left to right
        let runs = Face::runs("رقم 07071 هاتف");
        assert!(
            runs.iter().any(|(t, rtl)| t.trim() == "07071" && !rtl),
            "{runs:?}"
        );
        // a placeable Fluent isolated stays one left-to-right run, its marks unseen
        let runs = Face::runs("اتصل \u{2068}07071 207-2003\u{2069} الآن");
        assert!(
            runs.iter().any(|(t, rtl)| t == "07071 207-2003" && !rtl),
            "{runs:?}"
        );
    }
}
