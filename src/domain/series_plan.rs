//! Recurring series: one form produces individual meetings (same local time on each date,
//! also across daylight-saving changes) that can be edited one by one afterwards.

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use diesel::prelude::*;

use super::FieldErrors;
use super::audit::{self, Actor};
use super::event::{self, STATUS_DRAFT, STATUS_PUBLISHED, insert_series};
use super::manage::EventFields;
use crate::db::DbConn;

pub const MAX_OCCURRENCES: usize = 100;

/// The recurrence: every `interval_weeks` weeks from the first meeting until `until`,
/// leaving out `exceptions`.
#[derive(Debug, Clone)]
pub struct Recurrence {
    pub interval_weeks: i64,
    pub until: NaiveDate,
    pub exceptions: Vec<NaiveDate>,
}

impl Recurrence {
    /// Parses the form's text: interval 1–8, an end date, exceptions as dates separated by
    /// commas, spaces or lines (`2026-12-22` or `22.12.2026`).
    pub fn parse(
        interval: Option<&str>,
        until: Option<&str>,
        exceptions: Option<&str>,
        errors: &mut FieldErrors,
    ) -> Option<Recurrence> {
        let interval_weeks = match interval
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::parse::<i64>)
        {
            Some(Ok(n)) if (1..=8).contains(&n) => n,
            _ => {
                errors.insert("interval_weeks", "error-number-invalid");
                0
            }
        };
        let until = match until.map(str::trim).and_then(parse_date) {
            Some(d) => Some(d),
            None => {
                errors.insert("until", "error-date-invalid");
                None
            }
        };
        let mut list = Vec::new();
        for part in exceptions
            .unwrap_or("")
            .split([',', ';', '\n', '\r', ' '])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match parse_date(part) {
                Some(d) => list.push(d),
                None => {
                    errors.insert("exceptions", "error-date-invalid");
                    break;
                }
            }
        }
        Some(Recurrence {
            interval_weeks,
            until: until?,
            exceptions: list,
        })
        .filter(|_| interval_weeks > 0)
    }

    /// The local dates of the series, starting with `first`.
    pub fn dates(&self, first: NaiveDate) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut d = first;
        while d <= self.until && out.len() < MAX_OCCURRENCES {
            if !self.exceptions.contains(&d) {
                out.push(d);
            }
            d += Duration::weeks(self.interval_weeks);
        }
        out
    }
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

/// Creates the series and one meeting per date; returns the series id and the meetings.
pub fn create(
    conn: &mut DbConn,
    fields: &EventFields,
    recurrence: &Recurrence,
    publish: bool,
    tz: chrono_tz::Tz,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<(i64, Vec<i64>)> {
    crate::db::lock::write_transaction(conn, |conn| {
        let slug = event::free_slug(conn, event::SlugOf::Series, &fields.columns.title, "reihe")?;
        let series_id =
            insert_series(conn, &slug, &fields.columns.title, fields.columns.office_id)?;
        let local_start = tz
            .from_utc_datetime(&fields.columns.starts_at)
            .naive_local();
        let local_end = tz.from_utc_datetime(&fields.columns.ends_at).naive_local();
        let length = local_end - local_start;
        let to_utc = |t: NaiveDateTime| {
            tz.from_local_datetime(&t)
                .earliest()
                .map(|x| x.naive_utc())
                .unwrap_or(t)
        };
        let mut ids = Vec::new();
        for date in recurrence.dates(local_start.date()) {
            let start = date.and_time(local_start.time());
            let mut f = fields.clone();
            f.columns.series_id = Some(series_id);
            f.columns.starts_at = to_utc(start);
            f.columns.ends_at = to_utc(start + length);
            // a registration window moves along with its meeting
            let shift = start - local_start;
            f.columns.registration_opens_at =
                fields.columns.registration_opens_at.map(|t| t + shift);
            f.columns.registration_closes_at =
                fields.columns.registration_closes_at.map(|t| t + shift);
            let status = if publish {
                STATUS_PUBLISHED
            } else {
                STATUS_DRAFT
            };
            let id = event::insert(conn, &f.as_new(status, now))?;
            f.save_extras(conn, id)?;
            ids.push(id);
        }
        audit::record(
            conn,
            actor,
            "series.create",
            ("series", Some(series_id)),
            &format!("{} meetings", ids.len()),
            now,
        )?;
        Ok((series_id, ids))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_second_week_with_an_exception() {
        let mut errors = FieldErrors::new();
        let r = Recurrence::parse(
            Some("2"),
            Some("2027-05-31"),
            Some("22.12.2026, 2027-01-05"),
            &mut errors,
        )
        .unwrap();
        assert!(errors.is_empty());
        let first = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let dates = r.dates(first);
        assert_eq!(dates[0], first);
        assert!(!dates.contains(&NaiveDate::from_ymd_opt(2026, 12, 22).unwrap()));
        assert!(!dates.contains(&NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()));
        assert_eq!(dates[1], NaiveDate::from_ymd_opt(2027, 1, 19).unwrap());
        assert_eq!(dates.len(), 11);
    }

    #[test]
    fn rejects_bad_recurrence() {
        let mut errors = FieldErrors::new();
        assert!(
            Recurrence::parse(Some("0"), Some("morgen"), Some("31.02.2027"), &mut errors).is_none()
        );
        assert_eq!(errors.len(), 3);
    }
}
