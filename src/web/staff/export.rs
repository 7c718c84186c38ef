//! Registration lists as files: CSV (plain, or as German Excel opens it) and XLSX.

use crate::domain::event::Event;
use crate::domain::registration::Registration;
use crate::i18n::{self, Formatter};
use crate::web::questions_view::AnswerColumns;

const COLUMNS: &[&str] = &[
    "export-name",
    "export-email",
    "export-organisation",
    "export-companions",
    "export-seats",
    "export-status",
    "export-position",
    "export-needs",
    "export-registered",
    "export-checked-in",
    "export-source",
    "export-phone",
    "export-postal-address",
    "export-via",
];

/// The state as people read it, with a waiting person's pending confirmation beside it.
fn state_text(r: &Registration, lang: &str) -> String {
    let state = i18n::text(lang, &format!("status-{}", r.state()));
    if r.is_waiting() && r.awaits_verification() {
        let pending = i18n::text(lang, "status-unconfirmed").to_lowercase();
        format!("{state}, {pending}")
    } else {
        state
    }
}

fn cells(r: &Registration, position: Option<i64>, fmt: &Formatter) -> Vec<String> {
    vec![
        r.name.clone(),
        r.email.clone(),
        r.organisation.clone().unwrap_or_default(),
        r.companions.to_string(),
        r.seats.to_string(),
        state_text(r, fmt.lang),
        position.map(|p| p.to_string()).unwrap_or_default(),
        r.needs.clone().unwrap_or_default(),
        format!(
            "{} {}",
            fmt.iso(r.created_at).get(..10).unwrap_or_default(),
            fmt.time(r.created_at)
        ),
        r.checked_in_at.map(|t| fmt.time(t)).unwrap_or_default(),
        r.source.clone(),
        r.phone.clone().unwrap_or_default(),
        r.postal_address.clone().unwrap_or_default(),
        match (&r.via_name, &r.via_email) {
            (Some(name), Some(email)) => format!("{name} <{email}>"),
            _ => String::new(),
        },
    ]
}

/// Spreadsheet programs run cells that start with these as formulas: quote them.
pub(super) fn defuse(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The header row: the fixed columns, then one per question.
fn headers(lang: &str, answers: &AnswerColumns) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|k| i18n::text(lang, k))
        .chain(answers.headers.iter().cloned())
        .collect()
}

pub fn csv(
    rows: &[(Registration, Option<i64>)],
    answers: &AnswerColumns,
    fmt: &Formatter,
    excel: bool,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .from_writer(&mut out);
        w.write_record(headers(fmt.lang, answers))?;
        for (r, p) in rows {
            let row = cells(r, *p, fmt).into_iter().chain(answers.of(r.id));
            w.write_record(row.map(defuse))?;
        }
        w.flush()?;
    }
    Ok(out)
}

pub fn xlsx(
    title: &str,
    rows: &[(Registration, Option<i64>)],
    answers: &AnswerColumns,
    fmt: &Formatter,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // Excel's rules for sheet names: none of []:*?/\, at most 31 characters, no apostrophe
    // at either end (rust_xlsxwriter refuses those), not "History"; a title that leaves
    // nothing usable gives the sheet a plain name rather than failing the download.
    let sheet_name: String = title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .take(31)
        .collect();
    let sheet_name = sheet_name.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    if sheet_name.is_empty() || sheet.set_name(sheet_name).is_err() {
        sheet.set_name("Anmeldungen")?;
    }
    let bold = Format::new().set_bold();
    for (col, header) in headers(fmt.lang, answers).into_iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, header, &bold)?;
    }
    for (i, (r, p)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let values = cells(r, *p, fmt).into_iter().chain(answers.of(r.id));
        for (col, value) in values.enumerate() {
            // numbers stay numbers; text is written as text, never as a formula
            match (col, value.parse::<f64>()) {
                (3 | 4 | 6, Ok(n)) => sheet.write_number(row, col as u16, n)?,
                _ => sheet.write_string(row, col as u16, value)?,
            };
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}

pub fn file_name(event: &Event, ext: &str) -> String {
    let slug: String = crate::domain::slug::slugify(&event.title)
        .chars()
        .take(40)
        .collect();
    format!("anmeldungen-{}-{slug}.{ext}", event.id)
}
