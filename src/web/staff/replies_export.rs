//! The reply matrix as a file: one row per invited person (organisation, name, address,
//! then their answer for each date), then the totals per date. CSV as written for German
//! Excel on request (semicolons, BOM), or XLSX with the totals as numbers.

use super::export::defuse;
use super::replies::{cell_text, short_date};
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

pub fn csv(m: &Matrix, fmt: &Formatter, excel: bool) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .flexible(true)
            .from_writer(&mut out);
        w.write_record(headers(m, fmt).into_iter().map(defuse))?;
        for row in people(m, fmt.lang) {
            w.write_record(row.into_iter().map(defuse))?;
        }
        for (i, key) in TOTALS.iter().enumerate() {
            let mut row = vec![i18n::text(fmt.lang, key), String::new(), String::new()];
            row.extend(m.totals.iter().map(|t| total(t, i).to_string()));
            w.write_record(row.into_iter().map(defuse))?;
        }
        w.flush()?;
    }
    Ok(out)
}

pub fn xlsx(m: &Matrix, fmt: &Formatter) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(i18n::text(fmt.lang, "replies-title"))?;
    let bold = Format::new().set_bold();
    for (col, header) in headers(m, fmt).into_iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, header, &bold)?;
    }
    let rows = people(m, fmt.lang);
    for (i, values) in rows.iter().enumerate() {
        for (col, value) in values.iter().enumerate() {
            // written as text, never as a formula
            sheet.write_string(i as u32 + 1, col as u16, value)?;
        }
    }
    let first = rows.len() as u32 + 1;
    for (i, key) in TOTALS.iter().enumerate() {
        let row = first + i as u32;
        sheet.write_string_with_format(row, 0, i18n::text(fmt.lang, key), &bold)?;
        for (col, t) in m.totals.iter().enumerate() {
            sheet.write_number(row, col as u16 + 3, total(t, i) as f64)?;
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}
