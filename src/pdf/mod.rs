//! Printed paper (the confirmation slip, the sign-in list, certificates, the committee's
//! one-page report) as real PDFs: a document is a list of blocks that flow over A4 pages,
//! breaking where a page is full, repeating a table's header, with an optional footer and
//! "page 3 of 4". Built on krilla (fonts subset and embedded, PDF metadata); text is shaped
//! and laid out by `text.rs`, pages by `layout.rs`.

mod draw;
mod layout;
mod text;

pub use text::is_rtl;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;

/// One piece of a document, in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    Title(String),
    Heading(String),
    Text(String),
    /// Smaller grey text: notes, the German beside a translation.
    Small(String),
    /// Vertical space in points.
    Gap(f32),
    /// A QR code of `size` points with lines of caption beside it.
    Qr {
        payload: String,
        size: f32,
        caption: Vec<String>,
    },
    Table(Table),
    /// A line to sign on, with its label below.
    Signature(String),
    /// A horizontal bar chart: label and value per bar, the value written beside it.
    Bars(Vec<(String, f64)>),
    PageBreak,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Its share of the width, against the other columns' shares.
    pub share: f32,
}

impl Column {
    pub fn new(title: impl Into<String>, share: f32) -> Self {
        Column {
            title: title.into(),
            share,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    /// The least height in points (room for a signature).
    pub height: f32,
    /// Shown on a grey ground, so that the eye finds it.
    pub marked: bool,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Self {
        Row {
            cells,
            height: 0.0,
            marked: false,
        }
    }

    pub fn height(mut self, points: f32) -> Self {
        self.height = points;
        self
    }

    pub fn marked(mut self, marked: bool) -> Self {
        self.marked = marked;
        self
    }
}

/// Why no PDF could be made.
#[derive(Debug)]
pub enum PdfError {
    /// The bundled font cannot be read.
    Font,
    /// A QR code's text is too long for a code.
    Qr,
    /// The PDF writer refused.
    Write(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Font => write!(f, "the bundled font cannot be read"),
            PdfError::Qr => write!(f, "the text is too long for a QR code"),
            PdfError::Write(why) => write!(f, "the PDF cannot be written: {why}"),
        }
    }
}

impl std::error::Error for PdfError {}

type PageLabel = Box<dyn Fn(usize, usize) -> String + Send + Sync>;

/// A document being put together.
pub struct Document {
    title: String,
    lang: String,
    footer: Option<String>,
    numbered: Option<PageLabel>,
    blocks: Vec<Block>,
}

impl Document {
    /// `title` goes into the file's metadata (a reader's window title), `lang` is the main
    /// language's tag (screen readers choose their voice by it).
    pub fn new(title: &str, lang: &str) -> Self {
        Document {
            title: title.to_string(),
            lang: lang.to_string(),
            footer: None,
            numbered: None,
            blocks: Vec::new(),
        }
    }

    /// A line at the foot of every page, on the left.
    pub fn footer(&mut self, text: impl Into<String>) {
        self.footer = Some(text.into());
    }

    /// Page numbers at the foot of every page, on the right: `label(page, pages)`.
    pub fn numbered(&mut self, label: impl Fn(usize, usize) -> String + Send + Sync + 'static) {
        self.numbered = Some(Box::new(label));
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn page_break(&mut self) {
        self.blocks.push(Block::PageBreak);
    }

    /// The PDF file.
    pub fn render(&self) -> Result<Vec<u8>, PdfError> {
        let face = text::face().ok_or(PdfError::Font)?;
        let pages = layout::pages(face, &self.blocks)?;
        let feet = |n: usize| {
            let right = self.numbered.as_ref().map(|label| label(n, pages.len()));
            (self.footer.clone(), right)
        };
        draw::document(face, &self.title, &self.lang, &pages, feet)
    }
}
