//! Times as the form shows them: local wall-clock text in and out, and the window of
//! years a meeting may be given for.

use chrono::{NaiveDateTime, TimeZone};

/// Years a meeting may be given for: none before 2000 (a typing slip like 0001 would sort
/// first everywhere) and none more than ten years ahead (9999 is a slip too; no office plans
/// that far). Series dates keep the same window.
pub const EARLIEST_YEAR: i32 = 2000;
pub const YEARS_AHEAD: i32 = 10;

/// Whether a time (UTC) lies in the window of years meetings may be given for.
pub fn in_date_window(t: NaiveDateTime, now: NaiveDateTime) -> bool {
    use chrono::Datelike;
    let earliest = chrono::NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1)
        .unwrap_or_default()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let latest = now
        .date()
        .with_year(now.year() + YEARS_AHEAD)
        // 29 February ten years on may not exist
        .or_else(|| (now.date() + chrono::Duration::days(1)).with_year(now.year() + YEARS_AHEAD))
        .map_or(now, |d| d.and_time(now.time()));
    t >= earliest && t <= latest
}

/// Local `datetime-local` text to UTC; `None` for text that is no time or does not exist
/// locally (the hour skipped when clocks go forward).
pub fn parse_local(s: &str, tz: chrono_tz::Tz) -> Option<NaiveDateTime> {
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
}

/// UTC to the `datetime-local` form value.
pub fn format_local(utc: NaiveDateTime, tz: chrono_tz::Tz) -> String {
    tz.from_utc_datetime(&utc)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Timelike};
    use proptest::prelude::*;

    use super::*;

    const TZ: chrono_tz::Tz = chrono_tz::Europe::Berlin;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn local_times_survive_the_form(
            day in 0i64..3000,
            minute in 0u32..(24 * 60),
        ) {
            let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day);
            let typed = format!("{}T{:02}:{:02}", date.format("%Y-%m-%d"), minute / 60, minute % 60);
            match parse_local(&typed, TZ) {
                // the hour skipped when clocks go forward does not exist
                None => prop_assert!(date.format("%m").to_string() == "03" && minute / 60 == 2),
                Some(utc) => {
                    prop_assert_eq!(utc.second(), 0);
                    prop_assert_eq!(format_local(utc, TZ), typed);
                }
            }
        }

        #[test]
        fn any_text_is_no_time_or_a_time(s in "\\PC{0,30}") {
            let _ = parse_local(&s, TZ);
        }
    }
}
