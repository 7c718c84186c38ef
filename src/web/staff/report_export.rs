//! The report as files: CSV and XLSX through `sheet` (a summary sheet: the figures, the
//! languages, the needs, the organisations; and a sheet with one row per meeting).

use super::report_text::{self as words, language_name, need_label, state_name};
use super::sheet::{self, Cell, Sheet};
use crate::domain::report::{Period, Report};
use crate::i18n::{self, Formatter};

const MEETING_COLUMNS: [&str; 12] = [
    "report-col-date",
    "report-col-title",
    "report-col-office",
    "report-col-state",
    "report-registrations",
    "report-cancelled-registrations",
    "report-confirmed-seats",
    "report-attended",
    "report-no-shows",
    "report-no-show-rate",
    "report-promotions",
    "report-organisations",
];

fn summary_sheet(r: &Report, p: &Period, lang: &str) -> Sheet {
    let heading = |key: &str| vec![Cell::bold(i18n::text(lang, key))];
    let mut rows = vec![
        vec![
            Cell::bold(i18n::text(lang, "report-title")),
            Cell::text(words::period_name(lang, p)),
        ],
        vec![Cell::text(i18n::text(lang, "report-kept-note"))],
        vec![],
    ];
    for line in words::summary(lang, r) {
        rows.push(vec![
            Cell::text(line.label),
            match line.number {
                Some(n) => Cell::Number(n),
                None => Cell::text(line.text),
            },
        ]);
    }
    rows.push(vec![]);
    rows.push(heading("report-languages"));
    for (code, n) in &r.languages {
        rows.push(vec![Cell::text(language_name(code)), Cell::int(*n)]);
    }
    rows.push(vec![]);
    rows.push(heading("report-needs"));
    for n in &r.needs {
        rows.push(vec![Cell::text(need_label(lang, n)), Cell::int(n.count)]);
    }
    rows.push(vec![]);
    rows.push(heading("report-organisations-list"));
    for o in &r.organisations {
        rows.push(vec![Cell::text(&o.name), Cell::int(o.meetings)]);
    }
    Sheet {
        name: i18n::text(lang, "report-sheet-summary"),
        rows,
    }
}

fn meetings_sheet(r: &Report, fmt: &Formatter) -> Sheet {
    let lang = fmt.lang;
    let mut rows = vec![
        MEETING_COLUMNS
            .iter()
            .map(|k| Cell::bold(i18n::text(lang, k)))
            .collect::<Vec<_>>(),
    ];
    for m in &r.meetings {
        let c = &m.counts;
        rows.push(vec![
            Cell::text(words::short_date(fmt, m.starts_at)),
            Cell::text(&m.title),
            Cell::text(&m.office),
            Cell::text(state_name(lang, m.state)),
            Cell::int(c.registrations),
            Cell::int(c.cancelled_registrations),
            Cell::int(c.confirmed_seats),
            Cell::int(c.attended_seats),
            Cell::int(c.no_show_seats),
            c.no_show_percent().map_or(Cell::Empty, Cell::Number),
            Cell::int(c.promotions),
            Cell::int(c.organisations),
        ]);
    }
    Sheet {
        name: i18n::text(lang, "report-sheet-meetings"),
        rows,
    }
}

fn sheets(r: &Report, p: &Period, fmt: &Formatter) -> [Sheet; 2] {
    [summary_sheet(r, p, fmt.lang), meetings_sheet(r, fmt)]
}

pub fn csv(r: &Report, p: &Period, fmt: &Formatter, excel: bool) -> Result<Vec<u8>, csv::Error> {
    sheet::csv(&sheets(r, p, fmt), excel)
}

pub fn xlsx(
    r: &Report,
    p: &Period,
    fmt: &Formatter,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    sheet::xlsx(&sheets(r, p, fmt))
}

/// `bericht-2026-Q4.csv` / `report-2026-Q4.csv`.
pub fn file_name(lang: &str, p: &Period, ext: &str) -> String {
    format!(
        "{}-{}.{ext}",
        i18n::text(lang, "report-file"),
        p.file_part()
    )
}
