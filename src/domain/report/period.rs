//! The span a report covers: a month (`2026-11`), a quarter (`2026-Q4`), a year (`2026`) or
//! any two dates, as local calendar days; a meeting belongs to it by its start.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month(i32, u32),
    Quarter(i32, u32),
    Year(i32),
    /// First and last day, both counted whole.
    Dates(NaiveDate, NaiveDate),
}

impl Period {
    /// `2026-11`, `2026-Q4` or `2026`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        let year = |y: &str| {
            (y.len() == 4)
                .then(|| y.parse::<i32>().ok())
                .flatten()
                .filter(|y| (1970..=9998).contains(y))
        };
        if let Some((y, rest)) = s.split_once('-') {
            let y = year(y)?;
            if let Some(q) = rest.strip_prefix(['Q', 'q']) {
                let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
                return Some(Period::Quarter(y, q));
            }
            let m: u32 = rest.parse().ok().filter(|m| (1..=12).contains(m))?;
            return (rest.len() == 2).then_some(Period::Month(y, m));
        }
        year(s).map(Period::Year)
    }

    /// The first day of the period.
    pub fn first_day(&self) -> NaiveDate {
        let ymd = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        match *self {
            Period::Month(y, m) => ymd(y, m),
            Period::Quarter(y, q) => ymd(y, 3 * q - 2),
            Period::Year(y) => ymd(y, 1),
            Period::Dates(from, _) => from,
        }
    }

    /// The day after the last day of the period.
    pub fn end_day(&self) -> NaiveDate {
        let months = match self {
            Period::Month(..) => 1,
            Period::Quarter(..) => 3,
            Period::Year(_) => 12,
            Period::Dates(_, to) => return to.succ_opt().unwrap_or(*to),
        };
        self.first_day()
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The last day counted.
    pub fn last_day(&self) -> NaiveDate {
        self.end_day().pred_opt().unwrap_or_default()
    }

    /// The value in a link (`2026-Q4`), empty for dates (they travel as `from` and `to`).
    pub fn key(&self) -> String {
        match *self {
            Period::Month(y, m) => format!("{y}-{m:02}"),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Year(y) => y.to_string(),
            Period::Dates(..) => String::new(),
        }
    }

    /// For file names: `2026-Q4`, or `2026-10-01_2026-12-31` for dates.
    pub fn file_part(&self) -> String {
        match self {
            Period::Dates(from, to) => format!("{from}_{to}"),
            other => other.key(),
        }
    }

    /// The UTC moments `[from, until)` of its local days in `tz`.
    pub fn range(&self, tz: chrono_tz::Tz) -> (NaiveDateTime, NaiveDateTime) {
        (
            day_start(tz, self.first_day()),
            day_start(tz, self.end_day()),
        )
    }

    /// The periods a form offers around `today`: this year and two before, the last five
    /// quarters, the last thirteen months (newest first).
    pub fn choices(today: NaiveDate) -> Vec<Period> {
        let y = today.year();
        let mut out: Vec<Period> = (0..3).map(|i| Period::Year(y - i)).collect();
        let (mut qy, mut q) = (y, today.month0() / 3 + 1);
        for _ in 0..5 {
            out.push(Period::Quarter(qy, q));
            (qy, q) = if q == 1 { (qy - 1, 4) } else { (qy, q - 1) };
        }
        let (mut my, mut m) = (y, today.month());
        for _ in 0..13 {
            out.push(Period::Month(my, m));
            (my, m) = if m == 1 { (my - 1, 12) } else { (my, m - 1) };
        }
        out
    }
}

/// A local calendar day's first moment, in UTC.
pub fn day_start(tz: chrono_tz::Tz, d: NaiveDate) -> NaiveDateTime {
    let local = d.and_time(NaiveTime::MIN);
    tz.from_local_datetime(&local)
        .earliest()
        .map_or(local, |t| t.naive_utc())
}

#[cfg(test)]
mod tests {
    use super::Period;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_are_read_and_span_their_days() {
        assert_eq!(Period::parse("2026-11"), Some(Period::Month(2026, 11)));
        assert_eq!(Period::parse("2026-q4"), Some(Period::Quarter(2026, 4)));
        assert_eq!(Period::parse(" 2026 "), Some(Period::Year(2026)));
        for bad in [
            "",
            "2026-13",
            "2026-1",
            "2026-Q5",
            "26",
            "abcd",
            "2026-11-01",
            "-2026",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        let q = Period::Quarter(2026, 4);
        assert_eq!(
            (q.first_day(), q.last_day()),
            (day("2026-10-01"), day("2026-12-31"))
        );
        let m = Period::Month(2024, 2);
        assert_eq!(m.last_day(), day("2024-02-29"));
        let d = Period::Dates(day("2026-03-01"), day("2026-03-01"));
        assert_eq!(d.end_day(), day("2026-03-02"));
        // Berlin: the first of October begins at 22:00 UTC the day before
        let (from, until) = q.range(chrono_tz::Europe::Berlin);
        assert_eq!(from.to_string(), "2026-09-30 22:00:00");
        assert_eq!(until.to_string(), "2026-12-31 23:00:00");
    }

    #[test]
    fn the_form_offers_recent_periods() {
        let c = Period::choices(day("2026-02-10"));
        assert_eq!(c[0], Period::Year(2026));
        assert_eq!(c[3], Period::Quarter(2026, 1));
        assert_eq!(c[4], Period::Quarter(2025, 4));
        assert_eq!(c[8], Period::Month(2026, 2));
        assert_eq!(c[9], Period::Month(2026, 1));
        assert_eq!(c[10], Period::Month(2025, 12));
        assert_eq!(c.len(), 21);
    }
}
