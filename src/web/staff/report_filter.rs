//! The report's filter as typed (`period`, `from`, `to`, `office`, `topic`, `series`) and
//! what it selects: shared by the page, its files and the JSON API. A value that cannot be
//! read is named at its field; another office's office or series is not found (404), as
//! everywhere in the back office.

use chrono::{NaiveDate, TimeZone};
use serde::Serialize;

use super::session::Staff;
use crate::domain::FieldErrors;
use crate::domain::event;
use crate::domain::report::{Filter, Period};
use crate::web::Ctx;
use crate::web::view::url_encode;

/// What the form sends, kept as typed so that the form shows it again. The page and its
/// files take it from the query string as a whole (`?<filter..>`, see `kept`).
#[derive(Debug, Default, Clone, Serialize, rocket::FromForm)]
pub struct Typed {
    #[field(default = String::new())]
    pub period: String,
    #[field(default = String::new())]
    pub from: String,
    #[field(default = String::new())]
    pub to: String,
    #[field(default = String::new())]
    pub office: String,
    #[field(default = String::new())]
    pub topic: String,
    #[field(default = String::new())]
    pub series: String,
}

/// `period` value for a period given by two dates.
pub const DATES: &str = "dates";

impl Typed {
    pub fn new(
        period: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        office: Option<&str>,
        topic: Option<&str>,
        series: Option<&str>,
    ) -> Typed {
        let given = |v: Option<&str>| v.unwrap_or_default().to_owned();
        Typed {
            period: given(period),
            from: given(from),
            to: given(to),
            office: given(office),
            topic: given(topic),
            series: given(series),
        }
        .kept()
    }

    /// Each value cut to 40 characters: what is shown again stays the size of a field.
    pub fn kept(self) -> Typed {
        let keep = |v: String| v.chars().take(40).collect();
        Typed {
            period: keep(self.period),
            from: keep(self.from),
            to: keep(self.to),
            office: keep(self.office),
            topic: keep(self.topic),
            series: keep(self.series),
        }
    }

    /// The filter as a query string (without `?`), for the links to the files.
    pub fn query(&self) -> String {
        [
            ("period", &self.period),
            ("from", &self.from),
            ("to", &self.to),
            ("office", &self.office),
            ("topic", &self.topic),
            ("series", &self.series),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", url_encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// Why a filter selects nothing.
#[derive(Debug)]
pub enum Refused {
    /// Fields that cannot be read, with the message keys.
    Invalid(FieldErrors),
    /// An office or series that is not the person's (or does not exist).
    NotFound,
    Unavailable(String),
}

/// The period and filter the typed values mean for `staff`.
pub async fn resolve(ctx: &Ctx<'_>, staff: &Staff, t: &Typed) -> Result<(Period, Filter), Refused> {
    let mut errors = FieldErrors::new();
    let mut id = |field: &'static str, v: &str| match v.trim() {
        "" => None,
        s => s.parse::<i64>().ok().or_else(|| {
            errors.insert(field, "error-choice-invalid");
            None
        }),
    };
    let (office, topic, series) = (
        id("office", &t.office),
        id("topic", &t.topic),
        id("series", &t.series),
    );
    let today = ctx.settings.tz().from_utc_datetime(&ctx.now()).date_naive();
    let period = period_of(t, today, &mut errors);
    let tz = ctx.settings.tz();
    let (found_series, topic_exists, offices) = ctx
        .db
        .run(move |conn| {
            let s = match series {
                Some(s) => event::find_series(conn, s)?,
                None => None,
            };
            let topic = match topic {
                Some(c) => event::category_id_exists(conn, c)?,
                None => true,
            };
            Ok::<_, crate::db::DbError>((s, topic, event::all_offices(conn)?))
        })
        .await
        .map_err(|e| Refused::Unavailable(e.to_string()))?;
    if office.is_some_and(|o| {
        !offices
            .iter()
            .any(|x| x.id == o && staff.can_manage_office(o))
    }) {
        return Err(Refused::NotFound);
    }
    if series.is_some() && found_series.is_none_or(|s| !staff.can_manage_office(s.office_id)) {
        return Err(Refused::NotFound);
    }
    if !topic_exists {
        errors.insert("topic", "error-choice-invalid");
    }
    let Some(period) = period.filter(|_| errors.is_empty()) else {
        return Err(Refused::Invalid(errors));
    };
    let (from, until) = period.range(tz);
    let visible = (!staff.user.is_admin()).then(|| {
        offices
            .iter()
            .filter(|o| staff.can_manage_office(o.id))
            .map(|o| o.id)
            .collect()
    });
    Ok((
        period,
        Filter {
            visible,
            office,
            category: topic,
            series,
            from,
            until,
        },
    ))
}

/// The period: a named one (`2026-Q4`), or two dates; nothing typed is this year.
fn period_of(t: &Typed, today: NaiveDate, errors: &mut FieldErrors) -> Option<Period> {
    let mut date = |field: &'static str, v: &str| match v.trim() {
        "" => None,
        s => ["%Y-%m-%d", "%d.%m.%Y"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
            .or_else(|| {
                errors.insert(field, "error-date-invalid");
                None
            }),
    };
    let (from, to) = (date("from", &t.from), date("to", &t.to));
    let by_dates = t.period.trim() == DATES
        || (t.period.trim().is_empty() && !(t.from.trim().is_empty() && t.to.trim().is_empty()));
    if !by_dates {
        if t.period.trim().is_empty() {
            return Some(Period::Year(chrono::Datelike::year(&today)));
        }
        return Period::parse(&t.period).or_else(|| {
            errors.insert("period", "report-period-invalid");
            None
        });
    }
    for (field, typed) in [("from", &t.from), ("to", &t.to)] {
        if typed.trim().is_empty() {
            errors.insert(field, "report-date-missing");
        }
    }
    match (from, to) {
        (Some(f), Some(t)) if t < f => {
            errors.insert("to", "error-end-before-start");
            None
        }
        (Some(f), Some(t)) => Some(Period::Dates(f, t)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Typed, period_of};
    use crate::domain::FieldErrors;
    use crate::domain::report::Period;
    use chrono::NaiveDate;

    fn read(period: &str, from: &str, to: &str) -> (Option<Period>, Vec<&'static str>) {
        let t = Typed::new(Some(period), Some(from), Some(to), None, None, None);
        let mut errors = FieldErrors::new();
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let p = period_of(&t, today, &mut errors);
        (p, errors.keys().copied().collect())
    }

    #[test]
    fn periods_come_from_the_choice_or_the_dates() {
        assert_eq!(read("", "", "").0, Some(Period::Year(2026)));
        assert_eq!(read("2026-Q3", "", "").0, Some(Period::Quarter(2026, 3)));
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            read("", "2026-01-05", "2026-02-01").0,
            Some(Period::Dates(d("2026-01-05"), d("2026-02-01")))
        );
        assert_eq!(read("dates", "2026-01-05", "").1, ["to"]);
        assert_eq!(read("", "31.02.2026", "2026-02-01").1, ["from"]);
        assert_eq!(read("", "2026-03-01", "2026-02-01").1, ["to"]);
        assert_eq!(read("2026-Q9", "", "").1, ["period"]);
    }
}
