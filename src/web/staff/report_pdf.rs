//! The report as a one-page PDF for a committee paper (`crate::pdf`): the period and the
//! filter, the summary, a bar chart of registrations, seats and attendance, languages,
//! needs and organisations in a line each, and the meetings when they fit on the page.

use chrono::NaiveDateTime;

use super::report_text::{self as words, language_name, need_label, state_name};
use crate::domain::report::{Period, Report};
use crate::i18n::{self, Formatter};
use crate::pdf::{Block, Column, Document, PdfError, Row, Table};

/// More meetings than this do not fit on the one page: the files list them.
const MEETINGS_ON_PAGE: usize = 10;

/// `scope`: the filter in words ("Landratsamt Tübingen · Reihe …"), empty for everything.
pub fn pdf(
    r: &Report,
    p: &Period,
    scope: &str,
    fmt: &Formatter,
    now: NaiveDateTime,
) -> Result<Vec<u8>, PdfError> {
    let lang = fmt.lang;
    let title = i18n::text(lang, "report-title");
    let period = words::period_name(lang, p);
    let mut doc = Document::new(&format!("{title} – {period}"), lang);
    doc.footer(i18n::text_with(
        lang,
        "report-pdf-footer",
        &[("date", words::short_date(fmt, now).into())],
    ));
    let page_label = move |page: usize, total: usize| {
        i18n::text_with(
            lang,
            "report-pdf-page",
            &[("page", page.into()), ("total", total.into())],
        )
    };
    doc.numbered(page_label);
    doc.push(Block::Title(title));
    doc.push(Block::Heading(period));
    if !scope.is_empty() {
        doc.push(Block::Text(scope.to_owned()));
    }
    doc.push(Block::Small(i18n::text(lang, "report-kept-note")));
    doc.push(Block::Gap(6.0));
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(i18n::text(lang, "report-summary"), 4.0),
            Column::new(i18n::text(lang, "report-col-count"), 1.4),
        ],
        rows: words::summary(lang, r)
            .into_iter()
            .map(|l| Row::new(vec![l.label, l.text]))
            .collect(),
    }));
    let t = &r.totals;
    doc.push(Block::Bars(
        [
            ("report-registrations", t.registrations),
            ("report-confirmed-seats", t.confirmed_seats),
            ("report-attended", t.attended_seats),
            ("report-no-shows", t.no_show_seats),
        ]
        .iter()
        .map(|(k, v)| (i18n::text(lang, k), *v as f64))
        .collect(),
    ));
    let line = |key: &str, items: Vec<String>| {
        let list = if items.is_empty() {
            i18n::text(lang, "report-none")
        } else {
            items.join(" · ")
        };
        Block::Text(format!("{}: {list}", i18n::text(lang, key)))
    };
    doc.push(line(
        "report-languages",
        r.languages
            .iter()
            .map(|(c, n)| format!("{} {n}", language_name(c)))
            .collect(),
    ));
    doc.push(line(
        "report-needs",
        r.needs
            .iter()
            .map(|n| format!("{} {}", need_label(lang, n), n.count))
            .collect(),
    ));
    doc.push(line(
        "report-organisations-list",
        r.organisations
            .iter()
            .map(|o| format!("{} ({})", o.name, o.meetings))
            .collect(),
    ));
    doc.push(Block::Gap(6.0));
    if r.meetings.len() <= MEETINGS_ON_PAGE {
        let short = |k: &str| i18n::text(lang, k);
        doc.push(Block::Table(Table {
            columns: vec![
                Column::new(short("report-col-date"), 1.7),
                Column::new(short("report-col-title"), 2.2),
                Column::new(short("report-col-state"), 1.9),
                Column::new(short("report-short-registrations"), 1.8),
                Column::new(short("report-short-seats"), 1.3),
                Column::new(short("report-short-attended"), 1.5),
                Column::new(short("report-short-promotions"), 1.5),
            ],
            rows: r
                .meetings
                .iter()
                .map(|m| {
                    Row::new(vec![
                        words::short_date(fmt, m.starts_at),
                        m.title.clone(),
                        state_name(lang, m.state),
                        m.counts.registrations.to_string(),
                        m.counts.confirmed_seats.to_string(),
                        m.counts.attended_seats.to_string(),
                        m.counts.promotions.to_string(),
                    ])
                })
                .collect(),
        }));
    } else {
        doc.push(Block::Small(i18n::text_with(
            lang,
            "report-pdf-more-meetings",
            &[("count", (r.meetings.len() as i64).into())],
        )));
    }
    doc.render()
}
