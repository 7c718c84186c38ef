//! Blocks flowed onto A4 pages: each block takes the room it needs below the last, and
//! goes to a new page when the page is full; a table row never splits, and the table's
//! header comes again on each page it reaches. The y axis points down.

use super::text::{Face, is_rtl};
use super::{Block, PAGE_HEIGHT, PAGE_WIDTH, PdfError, Row, Table};

const LEFT: f32 = 50.0;
const RIGHT: f32 = PAGE_WIDTH - 50.0;
const TOP: f32 = 50.0;
/// Where the content ends; the footer sits below.
pub const BOTTOM: f32 = PAGE_HEIGHT - 62.0;
const CELL_PAD: f32 = 4.0;
const CELL_SIZE: f32 = 9.5;
/// Column titles are smaller, so that a title keeps its word whole in a narrow column.
const HEAD_SIZE: f32 = 8.5;

/// One thing drawn on a page.
#[derive(Debug, Clone)]
pub enum Item {
    /// A line of text: left end at `x`, baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        grey: bool,
        line: String,
    },
    /// A filled rectangle, `luma` from 0 (black) to 255 (white).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        luma: u8,
    },
    /// A QR code's dark modules (quiet zone included) in a square of `size`.
    Qr {
        x: f32,
        y: f32,
        size: f32,
        modules: Vec<Vec<bool>>,
    },
}

pub type Page = Vec<Item>;

struct Flow<'f> {
    face: &'f Face,
    pages: Vec<Page>,
    y: f32,
}

/// How a kind of paragraph is set: size, bold, grey, space after.
fn style(block: &Block) -> Option<(f32, bool, bool, f32, &str)> {
    match block {
        Block::Title(t) => Some((18.0, true, false, 8.0, t)),
        Block::Heading(t) => Some((13.0, true, false, 4.0, t)),
        Block::Text(t) => Some((11.0, false, false, 4.0, t)),
        Block::Small(t) => Some((9.0, false, true, 4.0, t)),
        _ => None,
    }
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page at least")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Makes sure `height` fits below; a new page if not (unless this one is still empty).
    fn room(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && !self.page().is_empty() {
            self.new_page();
            return true;
        }
        false
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, grey: bool, line: String) {
        self.page().push(Item::Text {
            x,
            y,
            size,
            bold,
            grey,
            line,
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, luma: u8) {
        self.page().push(Item::Rect { x, y, w, h, luma });
    }

    /// Lines of a paragraph between `left` and `right`, right-aligned if it reads right
    /// to left.
    fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        grey: bool,
        (left, right): (f32, f32),
    ) {
        let rtl = is_rtl(text);
        let leading = size * 1.3;
        for line in self.face.wrap(text, size, right - left) {
            self.room(leading);
            let x = match rtl {
                true => right - self.face.width(&line, size),
                false => left,
            };
            let y = self.y + size;
            self.text(x, y, size, bold, grey, line);
            self.y += leading;
        }
    }

    fn block(&mut self, block: &Block) -> Result<(), PdfError> {
        if let Some((size, bold, grey, after, text)) = style(block) {
            self.paragraph(text, size, bold, grey, (LEFT, RIGHT));
            self.y += after;
            return Ok(());
        }
        match block {
            Block::Gap(points) => self.y += points,
            Block::PageBreak if !self.page().is_empty() => self.new_page(),
            Block::Qr {
                payload,
                size,
                caption,
            } => {
                let modules = crate::qr::modules(payload).ok_or(PdfError::Qr)?;
                self.room(*size);
                let (x, y, size) = (LEFT, self.y, *size);
                self.page().push(Item::Qr {
                    x,
                    y,
                    size,
                    modules,
                });
                let mut line_y = y + 12.0;
                for line in caption {
                    for part in self.face.wrap(line, 10.0, RIGHT - x - size - 12.0) {
                        self.text(x + size + 12.0, line_y + 10.0, 10.0, false, false, part);
                        line_y += 13.0;
                    }
                }
                self.y += size + 8.0;
            }
            Block::Signature(label) => {
                self.room(56.0);
                self.y += 36.0;
                self.rect(LEFT, self.y, 220.0, 0.8, 0);
                self.y += 4.0;
                self.paragraph(label, 9.0, false, true, (LEFT, LEFT + 220.0));
                self.y += 6.0;
            }
            Block::Bars(bars) => self.bars(bars),
            Block::Table(table) => self.table(table),
            _ => {}
        }
        Ok(())
    }

    fn bars(&mut self, bars: &[(String, f64)]) {
        let max = bars.iter().map(|(_, v)| *v).fold(0.0, f64::max);
        let width = RIGHT - LEFT;
        let (label_w, bar_w) = (width * 0.38, width * 0.48);
        for (label, value) in bars {
            let lines = self.face.wrap(label, 9.5, label_w - 6.0);
            let height = 16.0_f32.max(lines.len() as f32 * 12.0 + 4.0);
            self.room(height);
            let y = self.y;
            for (n, line) in lines.into_iter().enumerate() {
                self.text(LEFT, y + 10.5 + n as f32 * 12.0, 9.5, false, false, line);
            }
            let share = if max > 0.0 { (value / max) as f32 } else { 0.0 };
            if share > 0.0 {
                self.rect(LEFT + label_w, y + 2.0, bar_w * share, 11.0, 90);
            }
            let shown = match value.fract() == 0.0 {
                true => format!("{value:.0}"),
                false => format!("{value:.1}"),
            };
            self.text(
                LEFT + label_w + bar_w * share + 4.0,
                y + 10.5,
                9.5,
                false,
                false,
                shown,
            );
            self.y += height;
        }
        self.y += 6.0;
    }

    fn table(&mut self, table: &Table) {
        let total: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum();
        let scale = if total > 0.0 {
            (RIGHT - LEFT) / total
        } else {
            0.0
        };
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.share.max(0.0) * scale)
            .collect();
        let header = Row::new(table.columns.iter().map(|c| c.title.clone()).collect());
        self.room(self.row_height(&header, &widths, HEAD_SIZE) * 2.0);
        self.row(&header, &widths, true);
        for row in &table.rows {
            if self.room(self.row_height(row, &widths, CELL_SIZE)) {
                self.row(&header, &widths, true);
            }
            self.row(row, &widths, false);
        }
        self.y += 8.0;
    }

    fn cell_lines(&self, cell: &str, width: f32, size: f32) -> Vec<String> {
        match cell.trim().is_empty() {
            true => Vec::new(),
            false => self.face.wrap(cell, size, width - 2.0 * CELL_PAD),
        }
    }

    fn row_height(&self, row: &Row, widths: &[f32], size: f32) -> f32 {
        let lines = row
            .cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.cell_lines(c, *w, size).len())
            .max()
            .unwrap_or(0)
            .max(1);
        (lines as f32 * size * 1.3 + 2.0 * CELL_PAD).max(row.height)
    }

    /// One row with its grid lines; the header in bold on grey.
    fn row(&mut self, row: &Row, widths: &[f32], header: bool) {
        let size = if header { HEAD_SIZE } else { CELL_SIZE };
        let height = self.row_height(row, widths, size);
        let top = self.y;
        let width: f32 = widths.iter().sum();
        if header || row.marked {
            self.rect(LEFT, top, width, height, if header { 225 } else { 238 });
        }
        let mut x = LEFT;
        for (cell, w) in row.cells.iter().zip(widths) {
            let rtl = is_rtl(cell);
            let mut y = top + CELL_PAD;
            for line in self.cell_lines(cell, *w, size) {
                let lx = match rtl {
                    true => x + w - CELL_PAD - self.face.width(&line, size),
                    false => x + CELL_PAD,
                };
                self.text(lx, y + size, size, header, false, line);
                y += size * 1.3;
            }
            self.rect(x, top, 0.5, height, 0);
            x += w;
        }
        self.rect(x, top, 0.5, height, 0);
        self.rect(LEFT, top, width, 0.5, 0);
        self.rect(LEFT, top + height, width + 0.5, 0.5, 0);
        self.y += height;
    }
}

/// The blocks on pages.
pub fn pages(face: &Face, blocks: &[Block]) -> Result<Vec<Page>, PdfError> {
    let mut flow = Flow {
        face,
        pages: vec![Vec::new()],
        y: TOP,
    };
    for block in blocks {
        flow.block(block)?;
    }
    // a break after the last block leaves nothing to print
    if flow.pages.len() > 1 && flow.page().is_empty() {
        flow.pages.pop();
    }
    Ok(flow.pages)
}
