//! The sign-in list as a PDF: the meeting's header, one table row per person (marked grey
//! where the door should help), the empty rows for walk-ins, and "Seite 1 von 2" with the
//! office at the foot of every page.

use chrono::NaiveDateTime;

use super::sign_in::{SignIn, mark_text};
use crate::i18n::{self, Formatter};
use crate::pdf::{Block, Column, Document, PdfError, Row, Table};

/// Room to sign in, in points.
const ROW_HEIGHT: f32 = 26.0;

pub fn render(s: &SignIn, fmt: &Formatter, now: NaiveDateTime) -> Result<Vec<u8>, PdfError> {
    let lang = fmt.lang;
    let t = |key: &str| i18n::text(lang, key);
    let e = &s.detail.event;
    let title = t("paper-sign-in-title");
    let mut doc = Document::new(&format!("{title} – {}", e.title), lang);
    doc.footer(i18n::text_with(
        lang,
        "paper-printed",
        &[
            ("office", s.detail.office.name.clone().into()),
            ("date", fmt.date(now).into()),
        ],
    ));
    let page_lang = lang;
    doc.numbered(move |page, total| {
        i18n::text_with(
            page_lang,
            "paper-page",
            &[
                ("page", (page as i64).into()),
                ("total", (total as i64).into()),
            ],
        )
    });
    doc.push(Block::Title(title));
    doc.push(Block::Heading(e.title.clone()));
    doc.push(Block::Text(s.when.clone()));
    doc.push(Block::Text(s.place.clone()));
    doc.push(Block::Text(i18n::text_with(
        lang,
        "paper-office",
        &[("office", s.detail.office.name.clone().into())],
    )));
    if s.lines.iter().any(|l| !l.marks.is_empty()) {
        doc.push(Block::Small(t("paper-needs-legend")));
    }
    doc.push(Block::Gap(8.0));
    // seven columns do not fit across A4: the companions go beside the name ("(+2)")
    let mut columns = vec![
        Column::new(t("paper-col-number"), 0.8),
        Column::new(
            t("paper-col-name"),
            if s.options.with_email { 2.4 } else { 2.6 },
        ),
        Column::new(t("paper-col-organisation"), 2.4),
    ];
    if s.options.with_email {
        columns.push(Column::new(t("paper-col-email"), 3.2));
    }
    columns.push(Column::new(t("paper-col-needs"), 2.6));
    columns.push(Column::new(
        t("paper-col-signature"),
        if s.options.with_email { 2.0 } else { 2.8 },
    ));
    let mut rows = Vec::with_capacity(s.lines.len() + s.options.walk_ins as usize);
    for l in &s.lines {
        let name = if l.companions > 0 {
            format!("{} (+{})", l.name, l.companions)
        } else {
            l.name.clone()
        };
        let mut cells = vec![
            l.number.to_string(),
            name,
            l.organisation.clone().unwrap_or_default(),
        ];
        if s.options.with_email {
            cells.push(l.email.clone().unwrap_or_default());
        }
        cells.push(
            l.marks
                .iter()
                .map(|m| mark_text(lang, m))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        cells.push(String::new());
        rows.push(
            Row::new(cells)
                .height(ROW_HEIGHT)
                .marked(!l.marks.is_empty()),
        );
    }
    let width = columns.len();
    for n in 0..s.options.walk_ins as usize {
        let mut cells = vec![String::new(); width];
        cells[0] = (s.lines.len() + n + 1).to_string();
        rows.push(Row::new(cells).height(ROW_HEIGHT));
    }
    doc.push(Block::Table(Table { columns, rows }));
    doc.render()
}
