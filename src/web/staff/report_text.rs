//! The report in the reader's words, once for the page, the files and the PDF: the
//! period's name, the summary lines, the needs, the state of a meeting.

use chrono::{Datelike, NaiveDate};

use crate::domain::report::{Counts, NeedCount, Period, Report};
use crate::i18n::{self, Formatter};

/// "November 2026", "4. Quartal 2026", "2026", "01.10.2026 – 15.12.2026".
pub fn period_name(lang: &str, p: &Period) -> String {
    let day = |d: NaiveDate| {
        i18n::text_with(
            lang,
            "report-day",
            &[
                ("day", format!("{:02}", d.day()).into()),
                ("month", format!("{:02}", d.month()).into()),
                ("year", d.year().to_string().into()),
            ],
        )
    };
    match *p {
        Period::Month(y, m) => format!("{} {y}", i18n::text(lang, &format!("month-{m}"))),
        Period::Quarter(y, q) => i18n::text_with(
            lang,
            "report-quarter",
            &[("quarter", q.into()), ("year", y.to_string().into())],
        ),
        Period::Year(y) => y.to_string(),
        Period::Dates(from, to) => format!("{} – {}", day(from), day(to)),
    }
}

/// A share in per cent as the language writes it: "12,5 %" / "12.5%".
pub fn percent(lang: &str, value: Option<f64>) -> String {
    match value {
        None => i18n::text(lang, "report-no-checkin"),
        Some(v) => {
            let number = format!("{v:.1}");
            let number = if lang == "de" {
                number.replace('.', ",")
            } else {
                number
            };
            i18n::text_with(lang, "report-percent", &[("value", number.into())])
        }
    }
}

/// One line of the summary: its label, its value as text and, for the files, as a number.
pub struct Line {
    pub key: &'static str,
    pub label: String,
    pub text: String,
    pub number: Option<f64>,
}

/// The summary of a report, line by line.
pub fn summary(lang: &str, r: &Report) -> Vec<Line> {
    let t: &Counts = &r.totals;
    let count = |key: &'static str, n: i64| Line {
        key,
        label: i18n::text(lang, key),
        text: n.to_string(),
        number: Some(n as f64),
    };
    vec![
        count("report-held", r.held),
        count("report-cancelled", r.cancelled),
        count("report-planned", r.planned),
        count("report-registrations", t.registrations),
        count("report-cancelled-registrations", t.cancelled_registrations),
        count("report-confirmed-seats", t.confirmed_seats),
        count("report-attended", t.attended_seats),
        count("report-no-shows", t.no_show_seats),
        Line {
            key: "report-no-show-rate",
            label: i18n::text(lang, "report-no-show-rate"),
            text: percent(lang, t.no_show_percent()),
            number: t.no_show_percent(),
        },
        count("report-promotions", t.promotions),
        count("report-organisations", t.organisations),
    ]
}

/// A need in words: "Dolmetschen: Arabisch", "Kinderbetreuung (Kinder)".
pub fn need_label(lang: &str, n: &NeedCount) -> String {
    match n.kind.as_str() {
        "childcare" => i18n::text(lang, "report-need-childcare"),
        "note" => i18n::text(lang, "report-need-note"),
        kind => format!(
            "{}: {}",
            i18n::text(lang, &format!("need-kind-{kind}")),
            n.what
        ),
    }
}

/// The language of registrations by its own name ("العربية"), the code for any other.
pub fn language_name(code: &str) -> String {
    if i18n::SUPPORTED.contains(&code) {
        i18n::native_name(code).to_owned()
    } else {
        code.to_owned()
    }
}

/// "stattgefunden", "abgesagt", "geplant".
pub fn state_name(lang: &str, state: &str) -> String {
    i18n::text(lang, &format!("report-state-{state}"))
}

/// A meeting's date as a short local date: "03.12.2026".
pub fn short_date(fmt: &Formatter, utc: chrono::NaiveDateTime) -> String {
    let iso = fmt.iso(utc);
    let d = NaiveDate::parse_from_str(iso.get(..10).unwrap_or_default(), "%Y-%m-%d")
        .unwrap_or_default();
    i18n::text_with(
        fmt.lang,
        "report-day",
        &[
            ("day", format!("{:02}", d.day()).into()),
            ("month", format!("{:02}", d.month()).into()),
            ("year", d.year().to_string().into()),
        ],
    )
}
