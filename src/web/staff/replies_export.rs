//! The reply matrix as a file: one row per invited person (organisation, name, address,
//! then their answer for each date), then the totals per date. CSV as written for German
//! Excel on request (semicolons, BOM), or XLSX with the totals as numbers (`sheet`).

use super::replies::{cell_text, short_date};
use super::sheet::{self, Cell, Sheet};
use crate::domain::reply_matrix::{Matrix, Totals};
use crate::i18n::{self, Formatter};

const TOTALS: [&str; 4] = [
    "replies-total-come",
    "replies-total-decline",
    "replies-total-substitute",
    "replies-total-open",
];

fn total(t: &Totals, which: usize) -> i64 {
    [t.come, t.declined, t.substitute, t.open][which]
}

fn headers(m: &Matrix, fmt: &Formatter) -> Vec<String> {
    let lang = fmt.lang;
    let mut out = vec![
        i18n::text(lang, "replies-organisation"),
        i18n::text(lang, "replies-person"),
        i18n::text(lang, "export-email"),
    ];
    for e in &m.dates {
        let mut when = short_date(fmt, e);
        if e.is_cancelled() {
            when = format!("{when} ({})", i18n::text(lang, "event-status-cancelled"));
        }
        out.push(when);
    }
    out
}

/// The people's rows, as text.
fn people(m: &Matrix, lang: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for o in &m.organisations {
        for p in &o.people {
            let mut row = vec![
                o.partner.name.clone(),
                p.contact.name.clone(),
                p.contact.email.clone(),
            ];
            row.extend(p.cells.iter().map(|c| cell_text(lang, c)));
            out.push(row);
        }
    }
    out
}

/// The whole matrix as one table: headers, people, totals (as numbers).
fn table(m: &Matrix, fmt: &Formatter) -> Sheet {
    let lang = fmt.lang;
    let mut rows = vec![
        headers(m, fmt)
            .into_iter()
            .map(Cell::Bold)
            .collect::<Vec<_>>(),
    ];
    rows.extend(
        people(m, lang)
            .into_iter()
            .map(|row| row.into_iter().map(Cell::Text).collect()),
    );
    for (i, key) in TOTALS.iter().enumerate() {
        let mut row = vec![Cell::bold(i18n::text(lang, key)), Cell::Empty, Cell::Empty];
        row.extend(m.totals.iter().map(|t| Cell::int(total(t, i))));
        rows.push(row);
    }
    Sheet {
        name: i18n::text(lang, "replies-title"),
        rows,
    }
}

pub fn csv(m: &Matrix, fmt: &Formatter, excel: bool) -> Result<Vec<u8>, csv::Error> {
    sheet::csv(&[table(m, fmt)], excel)
}

pub fn xlsx(m: &Matrix, fmt: &Formatter) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    sheet::xlsx(&[table(m, fmt)])
}
